"""Accounts are created by invitation only."""

import pytest

from accounts.adapters import AccountAdapter
from accounts.models import User


def test_nobody_can_sign_up_on_their_own(rf):
    assert AccountAdapter().is_open_for_signup(rf.get("/accounts/signup/")) is False


@pytest.mark.django_db
def test_posting_the_signup_form_creates_no_account(client, site_tree):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "someone@example.org",
            "password1": "a-long-passphrase-1",
            "password2": "a-long-passphrase-1",
        },
    )

    assert response.status_code in (200, 403)
    assert not User.objects.filter(email="someone@example.org").exists()


def test_login_keeps_every_allauth_stage_and_swaps_only_email_verification():
    from allauth.account.adapter import DefaultAccountAdapter

    default = DefaultAccountAdapter().get_login_stages()
    ours = AccountAdapter().get_login_stages()

    assert "allauth.mfa.stages.AuthenticateStage" in ours
    assert "allauth.account.stages.EmailVerificationStage" not in ours
    assert ours == [
        "accounts.adapters.EmailVerificationStage"
        if path == "allauth.account.stages.EmailVerificationStage"
        else path
        for path in default
    ]


@pytest.mark.django_db
def test_only_people_without_any_email_skip_verification():
    from allauth.account.models import EmailAddress

    from accounts.adapters import has_email_on_record
    from accounts.factories import UserFactory

    no_email = UserFactory(email="")
    on_user = UserFactory(email="a@example.org")
    only_in_allauth = UserFactory(email="")
    EmailAddress.objects.create(user=only_in_allauth, email="b@example.org", verified=False)

    assert has_email_on_record(no_email) is False
    assert has_email_on_record(on_user) is True
    assert has_email_on_record(only_in_allauth) is True
    assert has_email_on_record(None) is False
