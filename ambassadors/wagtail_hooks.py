"""The "Network" menu of the Wagtail admin: editors manage regions, schools, years and roles.

Access follows model permissions (Wagtail's default policy): a user sees a screen only with the
add, change, delete or view permission of its model; superusers see everything.
"""

from django.contrib import messages
from django.db import transaction
from django.db.models import ProtectedError
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import Coordination, Invitation, Membership, Municipality, Region, School, SchoolYear
from .permissions import can_view_reach_reports
from .report_views import ReachReportView


class InvitationPermissionPolicy(ModelPermissionPolicy):
    """Invitations are sent from the network pages, which email the link; here they are only
    looked at or revoked (deleted), never written by hand."""

    read_only_actions = frozenset({"add", "change"})

    def user_has_permission(self, user, action):
        if action in self.read_only_actions:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(
            [action for action in actions if action not in self.read_only_actions]
        )


# Registered before any viewset asks, or Wagtail would fall back to plain model permissions.
register_permission_policy(Invitation, InvitationPermissionPolicy(Invitation))


class SelectRelatedIndexView(generic.IndexView):
    """An index whose rows need related objects for their columns, fetched in one query."""

    select_related: tuple[str, ...] = ()

    def get_base_queryset(self):
        return super().get_base_queryset().select_related(*self.select_related)


def _index_view(*related: str):
    return type("IndexView", (SelectRelatedIndexView,), {"select_related": related})


class NetworkDeleteView(generic.DeleteView):
    """Refuses, with a message instead of an error page, to delete what history still needs."""

    def refuse(self, models):
        kinds = sorted({str(capfirst(model._meta.verbose_name_plural)) for model in models})
        messages.error(
            self.request,
            gettext(
                "“%(object)s” was not deleted: %(kinds)s still refer to it. "
                "Remove those first, or mark it inactive if it has that option."
            )
            % {"object": self.object, "kinds": ", ".join(kinds)},
        )
        return redirect(reverse(self.index_url_name))

    def get_usage_url(self):
        # Network rows stay out of Wagtail's reference index (see NetworkViewSet): no usage count.
        return None

    def form_valid(self, form):
        try:
            # PROTECT foreign keys keep schools, places and years that history refers to.
            with transaction.atomic():
                return super().form_valid(form)
        except ProtectedError as error:
            return self.refuse(type(obj) for obj in error.protected_objects)


class NetworkViewSet(ModelViewSet):
    # Indexing would cost a background task per save and keep links to deleted people's rows.
    add_to_reference_index = False
    add_to_admin_menu = False
    delete_view_class = NetworkDeleteView
    copy_view_enabled = False
    list_per_page = 50


class RegionViewSet(NetworkViewSet):
    model = Region
    icon = "globe"
    menu_label = _("Regions")
    list_display = ["name", "code"]
    search_fields = ["name", "code"]
    ordering = ["name"]
    form_fields = ["name", "code"]


class MunicipalityViewSet(NetworkViewSet):
    model = Municipality
    icon = "site"
    menu_label = _("Municipalities")
    index_view_class = _index_view("region")
    list_display = ["name", "region"]
    list_filter = ["region"]
    search_fields = ["name", "region__name"]
    ordering = ["region__name", "name"]
    form_fields = ["region", "name"]


class SchoolViewSet(NetworkViewSet):
    model = School
    icon = "home"
    menu_label = _("Schools")
    index_view_class = _index_view("municipality__region")
    list_display = ["name", "code", "level", "setting", "municipality", "municipality__region"]
    list_filter = ["level", "setting", "municipality__region", "is_active"]
    search_fields = ["name", "code", "municipality__name"]
    ordering = ["name"]
    list_export = ["code", "name", "level", "setting", "municipality", "municipality.region"]
    export_headings = {"municipality.region": _("Region")}
    form_fields = ["code", "name", "level", "setting", "municipality", "is_active"]


class SchoolYearViewSet(NetworkViewSet):
    model = SchoolYear
    icon = "calendar"
    menu_label = _("School years")
    list_display = ["name", "starts_on", "ends_on"]
    search_fields = ["name"]
    ordering = ["-starts_on"]
    form_fields = ["name", "starts_on", "ends_on"]


def _person(membership) -> str:
    # A minor is never shown by full name, not even to editors.
    if membership.user is None:
        return str(_("Deleted account"))
    return membership.user.display_name


class MembershipCreateView(generic.CreateView):
    def save_instance(self):
        membership = self.form.save(commit=False)
        membership.created_by = self.request.user
        membership.save()
        return membership


class MembershipViewSet(NetworkViewSet):
    model = Membership
    icon = "group"
    menu_label = _("Memberships")
    index_view_class = _index_view("user", "school__municipality", "school_year")
    add_view_class = MembershipCreateView
    list_display = [
        "school",
        Column("person", label=_("Person"), accessor=_person),
        "role",
        "school_year",
        "is_active",
    ]
    list_filter = ["role", "school_year", "is_active", "school__municipality__region"]
    # Usernames and schools only: searching by name would reveal minors' full names.
    search_fields = ["school__name", "school__code", "user__username"]
    ordering = ["school__name", "role", "-started_on"]
    form_fields = ["user", "school", "role", "school_year", "is_active", "started_on", "ended_on"]


class CoordinationViewSet(NetworkViewSet):
    model = Coordination
    icon = "user"
    menu_label = _("Regional coordinators")
    index_view_class = _index_view("user", "region")
    list_display = [
        "region",
        Column("person", label=_("Coordinator"), accessor=lambda c: c.user.display_name),
        "user__email",
        "is_active",
    ]
    list_filter = ["region", "is_active"]
    search_fields = ["region__name", "user__username", "user__email"]
    ordering = ["region__name"]
    form_fields = ["user", "region", "is_active"]


class InvitationViewSet(NetworkViewSet):
    model = Invitation
    icon = "mail"
    menu_label = _("Invitations")
    index_view_class = _index_view("school__municipality", "region")
    inspect_view_enabled = True
    inspect_view_fields = [
        "email",
        "role",
        "school",
        "region",
        "created_at",
        "expires_at",
        "accepted_at",
    ]
    list_display = ["email", "role", "school", "region", "created_at", "expires_at", "accepted_at"]
    list_filter = ["role", "region"]
    search_fields = ["email", "school__name", "region__name"]
    ordering = ["-created_at"]
    # Never used: the policy allows no add or change; Wagtail requires a form definition.
    form_fields = ["email"]


class NetworkViewSetGroup(ModelViewSetGroup):
    menu_label = _("Network")
    menu_icon = "group"
    menu_order = 250
    items = (
        SchoolViewSet("network_schools", url_prefix="network/schools"),
        RegionViewSet("network_regions", url_prefix="network/regions"),
        MunicipalityViewSet("network_municipalities", url_prefix="network/municipalities"),
        SchoolYearViewSet("network_school_years", url_prefix="network/school-years"),
        MembershipViewSet("network_memberships", url_prefix="network/memberships"),
        CoordinationViewSet("network_coordinations", url_prefix="network/coordinations"),
        InvitationViewSet("network_invitations", url_prefix="network/invitations"),
    )


@hooks.register("register_admin_viewset")
def register_network_viewsets():
    return NetworkViewSetGroup()


class ReachReportsMenuItem(MenuItem):
    """Shown to those the reports are for: national staff and regional coordinators."""

    def is_shown(self, request):
        return can_view_reach_reports(request.user)


@hooks.register("register_admin_urls")
def register_reach_report_urls():
    return [
        path("reach-reports/", ReachReportView.as_view(), name="reach_reports"),
        path("reach-reports/csv/", ReachReportView.as_view(export="csv"), name="reach_reports_csv"),
        path(
            "reach-reports/xlsx/", ReachReportView.as_view(export="xlsx"), name="reach_reports_xlsx"
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_reach_reports_menu_item():
    return ReachReportsMenuItem(
        _("Reach reports"), reverse("reach_reports"), icon_name="table", order=260
    )
