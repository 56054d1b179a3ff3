"""Account pages beside allauth's: one-time code setup, privacy notice, data export, deletion."""

from urllib.parse import urlencode

from allauth.account.utils import perform_login
from allauth.core import ratelimit
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME, logout, password_validation
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from .forms import AccountDeleteForm, SetupForm
from .selectors import can_delete_own_account, network_home_url
from .services import account_delete, account_export, setup_code_redeem

EXPORT_FILENAME = "sigurt-data.json"


def _setup_failed_message() -> str:
    # The same words whatever went wrong, so nobody learns whether a username exists.
    return _(
        "That username and code do not match, or the code has expired. "
        "Ask your teacher for a new code."
    )


def _setup_redeem(form: SetupForm):
    """Set the password if the code is right; a password the rules refuse changes nothing."""
    data = form.cleaned_data
    try:
        with transaction.atomic():
            user = setup_code_redeem(
                username=data["username"], code=data["code"], password=data["password1"]
            )
            if user is not None:
                # Now the account is known: also refuse a password too close to the person's name.
                password_validation.validate_password(data["password1"], user)
    except ValidationError as error:
        form.add_error("password1", error)
        return None
    if user is None:
        form.add_error(None, _setup_failed_message())
    return user


@never_cache
@sensitive_post_parameters("code", "password1", "password2")
@require_http_methods(["GET", "POST"])
def setup(request):
    """An ambassador without email sets their password with the code their teacher gave them."""
    form = SetupForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        username = form.cleaned_data["username"]
        if not ratelimit.consume(request, action="setup_code", key=username.lower()):
            form.add_error(
                None,
                _(
                    "Too many tries. Nothing was changed. Wait 15 minutes and try again, "
                    "or ask your teacher for help."
                ),
            )
            status = 429
        else:
            user = _setup_redeem(form)
            if user is not None:
                # allauth's login flow, so a second factor is asked for if the person has one.
                return perform_login(request, user, redirect_url=network_home_url())
    return render(request, "accounts/setup.html", {"form": form}, status=status)


@require_GET
def privacy(request):
    """The privacy notice, in short sentences a 12-year-old can follow."""
    return render(
        request,
        "accounts/privacy.html",
        {"retention_days": settings.AMBASSADOR_RETENTION_DAYS},
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def privacy_export(request):
    """GET: a page with a download button. POST: everything we keep about the person, as JSON."""
    if request.method == "POST":
        response = JsonResponse(
            account_export(user=request.user),
            json_dumps_params={"indent": 2, "ensure_ascii": False},
        )
        response["Content-Disposition"] = f'attachment; filename="{EXPORT_FILENAME}"'
        return response
    return render(request, "accounts/privacy_export.html")


@never_cache
@login_required
@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def privacy_delete(request):
    """An adult deletes their own account after typing their password; minors ask their teacher."""
    user = request.user
    if not can_delete_own_account(user):
        status = 403 if request.method == "POST" else 200
        return render(request, "accounts/privacy_delete_minor.html", status=status)

    form = AccountDeleteForm(request.POST or None, user=user)
    context = {"form": form, "rate_limited": False}
    status = 200
    if request.method == "POST":
        # Guessing passwords from a borrowed session is limited like allauth's re-authentication.
        if not ratelimit.consume(request, action="reauthenticate", user=user):
            context.update(form=AccountDeleteForm(user=user), rate_limited=True)
            status = 429
        elif form.is_valid():
            account_delete(user=user)
            logout(request)
            messages.success(request, _("Your account and your personal data have been deleted."))
            return redirect(reverse("wagtail_serve", args=[""]))
    return render(request, "accounts/privacy_delete.html", context, status=status)


def admin_login(request, default_next: str = "/admin/"):
    """Send the admins' own login pages, and Wagtail's for private pages, to allauth's, where
    rate limits and two-factor authentication apply."""
    next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = default_next
    return redirect(f"{reverse('account_login')}?{urlencode({REDIRECT_FIELD_NAME: next_url})}")
