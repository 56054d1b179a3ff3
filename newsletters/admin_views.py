"""The newsletter screen of the Wagtail admin: preview an issue's email, send a test to
oneself, send to all confirmed subscribers, and follow the send's progress."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from .deliveries import Delivery, NewsletterSend
from .models import NewsletterIssuePage, Subscriber, SubscriberState
from .sending import render_issue, send_progress, send_start, send_test

SEND_PERMISSION = "newsletters.send_newsletter"


def can_send(user) -> bool:
    return user.is_active and user.has_perm(SEND_PERMISSION)


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)


class SendForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I checked the preview and want to send this issue to every subscriber."),
    )


class IssuePermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_send(request.user):
            raise PermissionDenied
        self.issue = get_object_or_404(NewsletterIssuePage, pk=kwargs["page_id"])
        return super().dispatch(request, *args, **kwargs)


class NewsletterSendView(IssuePermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "newsletters/admin/send.html"
    page_title = _("Send the newsletter")
    header_icon = "mail"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        send = NewsletterSend.objects.filter(issue_key=self.issue.translation_key).first()
        confirmed = dict(
            Subscriber.objects.filter(state=SubscriberState.CONFIRMED)
            .values_list("language")
            .annotate(n=Count("pk"))
            .order_by()
        )
        progress = send_progress(send) if send else {}
        context.update(
            issue=self.issue,
            send=send,
            progress_rows=[
                (label, progress[state])
                for state, label in Delivery.State.choices
                if progress.get(state)
            ],
            subscriber_rows=[(name, confirmed.get(code, 0)) for code, name in settings.LANGUAGES],
            test_form=kwargs.get("test_form") or LanguageForm(),
            send_form=kwargs.get("send_form") or SendForm(),
            languages=settings.LANGUAGES,
        )
        return context

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "test":
            form = LanguageForm(request.POST)
            if not request.user.email:
                messages.error(request, gettext("Your account has no email address to send to."))
            elif form.is_valid():
                send_test(
                    issue=self.issue, to=request.user.email, language=form.cleaned_data["language"]
                )
                messages.success(
                    request,
                    gettext("A test was sent to %(email)s.") % {"email": request.user.email},
                )
                return redirect(request.path)
            return self.render_to_response(self.get_context_data(test_form=form))
        form = SendForm(request.POST)
        if not self.issue.live:
            messages.error(request, gettext("Publish the issue before sending it."))
            return redirect(request.path)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(send_form=form))
        send, created = send_start(issue=self.issue, by=request.user)
        if created:
            message = gettext("Sending started to %(count)s subscribers.") % {
                "count": send.recipients
            }
        elif send.state == NewsletterSend.State.DONE:
            message = gettext("This issue was already sent; nobody gets it twice.")
        else:
            message = gettext("This issue is already being sent; it continues where it stopped.")
        messages.success(request, message)
        return redirect(request.path)


class NewsletterPreviewView(IssuePermissionMixin, TemplateView):
    """The email's HTML part exactly as subscribers of a language get it."""

    def get(self, request, *args, **kwargs):
        form = LanguageForm(request.GET)
        language = form.cleaned_data["language"] if form.is_valid() else settings.LANGUAGE_CODE
        rendered = render_issue(self.issue, language)
        if request.GET.get("part") == "text":
            return HttpResponse(rendered.text, content_type="text/plain; charset=utf-8")
        return HttpResponse(rendered.html)
