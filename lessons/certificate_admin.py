"""Certificates in the Wagtail admin: editors look them up by code and revoke them with a reason.

Nobody adds, edits or deletes a certificate here: certificates are issued by completing a course,
and the only change an editor makes is revoking one (the "edit" screen is the revoke form).
Access follows model permissions: the Editors group holds lessons.view_certificate and
lessons.change_certificate (migration 0003); coordinators hold neither and see nothing of it.

Registered by importing this module from lessons/wagtail_hooks.py.
"""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .certificates import Certificate, certificate_revoke, normalise_code


class CertificatePermissionPolicy(ModelPermissionPolicy):
    """No one adds or deletes certificates in the admin, whatever their permissions."""

    refused_actions = frozenset({"add", "delete"})

    def user_has_permission(self, user, action):
        if action in self.refused_actions:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(
            [action for action in actions if action not in self.refused_actions]
        )


# Registered before any viewset asks, or Wagtail would fall back to plain model permissions.
register_permission_policy(Certificate, CertificatePermissionPolicy(Certificate))


class CertificateIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("course")

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        # A code typed as printed ("k7qx 2mpa-9r") finds the stored "K7QX2MPA9R"; part of a
        # code finds every certificate that contains it.
        typed = normalise_code(self.search_query)
        if typed is not None:
            return queryset.filter(code=typed)
        fragment = "".join(ch for ch in self.search_query if ch.isalnum()).upper()
        return queryset.filter(code__contains=fragment) if fragment else queryset.none()


class RevokeForm(WagtailAdminModelForm):
    class Meta:
        model = Certificate
        fields = ["revoked_reason"]
        widgets = {"revoked_reason": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["revoked_reason"]
        field.required = True
        field.help_text = _(
            "Why the certificate is no longer valid. Editors see it; the public page only says "
            "that the certificate was revoked, and when."
        )


class CertificateRevokeView(generic.EditView):
    """The only change allowed: revoking, with a reason. A revoked certificate stays revoked."""

    page_title = _("Revoke certificate")
    submit_button_label = _("Revoke")
    submit_button_active_label = _("Revoking…")
    success_message = _("Certificate %(object)s revoked.")

    def get(self, request, *args, **kwargs):
        return self._refuse_if_revoked() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self._refuse_if_revoked() or super().post(request, *args, **kwargs)

    def _refuse_if_revoked(self):
        # Runs after the permission check (PermissionCheckedMixin.dispatch).
        self.object = self.get_object()
        if not self.object.is_revoked:
            return None
        messages.warning(
            self.request,
            gettext("Certificate %(code)s was already revoked.")
            % {"code": self.object.display_code},
        )
        return redirect(self.index_url_name)

    def save_instance(self):
        return certificate_revoke(
            certificate=self.object,
            by=self.request.user,
            reason=self.form.cleaned_data["revoked_reason"],
        )

    def get_success_buttons(self):
        return []


class CertificateInspectView(generic.InspectView):
    def get_code_display_value(self):
        return self.object.display_code

    def get_revoked_at_display_value(self):
        revoked_at = self.object.revoked_at
        return date_format(localtime(revoked_at), "DATETIME_FORMAT") if revoked_at else "–"

    def get_revoked_by_display_value(self):
        return self.object.revoked_by.display_name if self.object.revoked_by else "–"


def _status(certificate: Certificate) -> str:
    return str(_("Revoked") if certificate.is_revoked else _("Valid"))


class CertificateViewSet(ModelViewSet):
    model = Certificate
    icon = "tick-inverse"
    menu_label = _("Certificates")
    menu_order = 270
    add_to_admin_menu = True
    # A certificate's page is its code's public page; no reference index needed.
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = CertificateInspectView
    index_view_class = CertificateIndexView
    edit_view_class = CertificateRevokeView
    form_fields = ["revoked_reason"]
    list_per_page = 50
    list_display = [
        Column("code", label=_("Verification code"), accessor="display_code"),
        "name_as_printed",
        "course",
        "language",
        DateColumn("issued_at", label=_("Issued at")),
        Column("status", label=_("Status"), accessor=_status),
    ]
    list_filter = ["course", "language"]
    search_fields = ["code"]
    ordering = ["-issued_at"]
    inspect_view_fields = [
        "code",
        "name_as_printed",
        "course",
        "language",
        "issued_at",
        "revoked_at",
        "revoked_reason",
        "revoked_by",
    ]

    def get_form_class(self, for_update=False):
        return RevokeForm


certificate_viewset = CertificateViewSet("certificates", url_prefix="certificates")


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return certificate_viewset


def _certificates_under(page):
    return Certificate.objects.filter(course__path__startswith=page.path)


def _refuse_deletion(request, pages, redirect_to):
    """A message and a redirect when any of `pages` (or a page below one) has certificates."""
    for page in pages:
        if _certificates_under(page).exists():
            messages.error(
                request,
                capfirst(
                    gettext(
                        "“%(page)s” was not deleted: certificates were issued for it, and they "
                        "must stay verifiable. Unpublish it instead."
                    )
                    % {"page": page.get_admin_display_title()}
                ),
            )
            return redirect(redirect_to)
    return None


@hooks.register("before_delete_page")
def refuse_to_delete_courses_with_certificates(request, page):
    """Printed certificates must stay verifiable: a course with certificates is unpublished,
    never deleted (the foreign key PROTECTs it; this turns the error into a message)."""
    return _refuse_deletion(
        request, [page], reverse("wagtailadmin_explore", args=[page.get_parent().pk])
    )


@hooks.register("before_bulk_action")
def refuse_to_bulk_delete_courses_with_certificates(request, action_type, objects, action):
    if action_type != "delete" or not objects or not isinstance(objects[0], Page):
        return None
    parent = objects[0].get_parent()
    return _refuse_deletion(request, objects, reverse("wagtailadmin_explore", args=[parent.pk]))
