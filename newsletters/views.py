"""The newsletter's public pages: subscribe, confirm, manage, one-click unsubscribe.

Links carry random tokens only, never an address. GET never changes anything (mail scanners
follow links): confirming and unsubscribing take a button press, i.e. a POST, except the
one-click endpoint, which mail clients POST to without a CSRF token (RFC 8058).
"""

from allauth.core.internal import ratelimit
from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from home.csrf import csrf_protect_signed_in

from . import selectors, services
from .forms import CONSENT_TEXT, CONSENT_VERSION, LanguageForm, SubscribeForm
from .models import normalise_email
from .tokens import manage_key_from

DEFAULT_RATE_LIMITS = {"subscribe": "10/h/ip,3/h/key"}


def _rate_allows(request, email: str) -> bool:
    """Per IP and per address (hashed in the cache key), with allauth's cache-based limiter."""
    config = getattr(settings, "NEWSLETTER_RATE_LIMITS", DEFAULT_RATE_LIMITS)
    usage = ratelimit.consume(
        request, app="newsletters", action="subscribe", config=config, key=email
    )
    return usage is not None


@csrf_protect_signed_in
@require_http_methods(["GET", "POST"])
def subscribe(request):
    """The same answer for a new, pending or subscribed address, and for a bot's honeypot."""
    form = SubscribeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_bot():
            return redirect("newsletters:subscribe_done")
        if form.is_valid():
            email = normalise_email(form.cleaned_data["email"])
            if not _rate_allows(request, email):
                return render(request, "newsletters/too_many_requests.html", status=429)
            services.subscription_request(
                email=email,
                language=form.cleaned_data["language"],
                consent_text=str(CONSENT_TEXT),
                consent_version=CONSENT_VERSION,
            )
            return redirect("newsletters:subscribe_done")
    return render(request, "newsletters/subscribe.html", {"form": form})


@require_GET
def subscribe_done(request):
    days = getattr(settings, "NEWSLETTER_CONFIRM_DAYS", 7)
    return render(request, "newsletters/subscribe_done.html", {"days": days})


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    if request.method == "POST":
        subscriber = services.subscription_confirm(token=token)
        if subscriber is None:
            return render(request, "newsletters/link_invalid.html", status=404)
        return render(request, "newsletters/confirmed.html", {"subscriber": subscriber})
    if selectors.subscriber_for_confirm_token(token) is None:
        return render(request, "newsletters/link_invalid.html", status=404)
    return render(request, "newsletters/confirm.html")


def _language_url(name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


@require_http_methods(["GET", "POST"])
def manage(request, token):
    """A subscriber's personal page: change the language, or unsubscribe."""
    if manage_key_from(token) is None:
        raise Http404
    subscriber = selectors.subscriber_for_manage_token(token)
    if subscriber is None:
        return render(request, "newsletters/not_subscribed.html")
    form = LanguageForm(initial={"language": subscriber.language})
    if request.method == "POST":
        if request.POST.get("action") == "unsubscribe":
            services.subscription_unsubscribe(subscriber=subscriber)
            return redirect("newsletters:unsubscribed")
        form = LanguageForm(request.POST)
        if form.is_valid():
            language = form.cleaned_data["language"]
            services.subscription_set_language(subscriber=subscriber, language=language)
            with translation.override(language):
                messages.success(
                    request, gettext("Saved: the newsletter will come in this language.")
                )
            return redirect(_language_url("newsletters:manage", language, token=token))
    return render(request, "newsletters/manage.html", {"subscriber": subscriber, "form": form})


@require_GET
def unsubscribed(request):
    return render(request, "newsletters/unsubscribed.html")


@csrf_exempt
@require_POST
def one_click(request, token):
    """RFC 8058 one-click unsubscribe: a POST with body `List-Unsubscribe=One-Click`."""
    if manage_key_from(token) is None:
        raise Http404
    if request.POST.get("List-Unsubscribe") != "One-Click":
        return HttpResponseBadRequest(
            "Expected List-Unsubscribe=One-Click", content_type="text/plain"
        )
    subscriber = selectors.subscriber_for_manage_token(token)
    if subscriber is not None:
        services.subscription_unsubscribe(subscriber=subscriber)
    # Also when already gone: the address is unsubscribed either way.
    return HttpResponse(gettext("You are unsubscribed."), content_type="text/plain; charset=utf-8")
