"""The newsletter in the Wagtail admin: its subscribers, and the screen that sends an issue.

Subscribers: list, search, filters, CSV for the data controller and counts per language.
Subscriptions are written only by their owners (the public forms), so the admin cannot add or
edit them; deleting one erases it and suppresses the address.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import selectors, services
from .admin_views import NewsletterPreviewView, NewsletterSendView, can_send
from .models import NewsletterIssuePage, Subscriber


class SubscriberPermissionPolicy(ModelPermissionPolicy):
    """Only view and delete: an address enters the list through double opt-in, nothing else."""

    forbidden_actions = frozenset({"add", "change"})

    def user_has_permission(self, user, action):
        if action in self.forbidden_actions:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(
            [action for action in actions if action not in self.forbidden_actions]
        )


register_permission_policy(Subscriber, SubscriberPermissionPolicy(Subscriber))


class SubscriberIndexView(generic.IndexView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["subscriber_counts"] = selectors.subscriber_counts()
        return context


class SubscriberDeleteView(generic.DeleteView):
    def delete_action(self):
        # Erasure keeps the address's hash, so a deleted subscriber is never emailed again.
        services.subscription_unsubscribe(subscriber=self.object)


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = _("Newsletter subscribers")
    menu_order = 450
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "email",
        "language",
        "state",
        "requested_at",
        "confirmed_at",
        "consent_version",
        "consent_text",
    ]
    index_view_class = SubscriberIndexView
    delete_view_class = SubscriberDeleteView
    index_template_name = "newsletters/admin/subscriber_index.html"
    list_display = ["email", "language", "state", "requested_at", "confirmed_at"]
    list_filter = ["language", "state"]
    search_fields = ["email"]
    list_export = [
        "email",
        "language",
        "state",
        "requested_at",
        "confirmed_at",
        "consent_version",
        "consent_text",
    ]
    export_filename = "newsletter-subscribers"
    list_per_page = 50
    ordering = ["-requested_at"]
    form_fields = ["language"]


subscriber_viewset = SubscriberViewSet("newsletter_subscribers")


@hooks.register("register_admin_viewset")
def register_subscriber_viewset():
    return subscriber_viewset


# --- Sending an issue: the screen linked from each issue's header -----------------------------


@hooks.register("register_admin_urls")
def newsletter_admin_urls():
    return [
        path(
            "newsletter/issues/<int:page_id>/",
            NewsletterSendView.as_view(),
            name="newsletter_send",
        ),
        path(
            "newsletter/issues/<int:page_id>/preview/",
            NewsletterPreviewView.as_view(),
            name="newsletter_preview",
        ),
    ]


class SendButton(PageMenuItem):
    label = _("Send to subscribers")
    icon_name = "mail"
    priority = 80

    @property
    def url(self):
        return reverse("newsletter_send", args=[self.page.pk])

    def is_shown(self, user):
        return can_send(user)


@hooks.register("register_page_header_buttons")
def newsletter_send_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, NewsletterIssuePage) and can_send(user):
        yield SendButton(page=page)
