"""gunicorn's access log keeps the shape of each address but none of the tokens in links."""

import secrets

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.utils.http import int_to_base36

from accounts.factories import UserFactory
from config.access_log import scrub_path
from newsletters import tokens


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/en/",
        "/fushata/dita-e-internetit-te-sigurt-2026/",
        "/en/lessons/strong-passwords/",
        "/network/schools/42/activities/317/",
        "/static/css/site.4f2a9c.css",
        "/open-data/reach.csv",
    ],
)
def test_addresses_without_secrets_are_kept(path):
    assert scrub_path(path) == path


@pytest.mark.django_db
def test_tokens_of_links_are_replaced():
    user = UserFactory()
    invitation = secrets.token_urlsafe(32)
    reset = f"{int_to_base36(user.pk)}-{default_token_generator.make_token(user)}"
    reset_of_user_10 = f"a-{default_token_generator.make_token(user)}"
    confirm, _ = tokens.new_confirm_token()
    manage = tokens.manage_token(tokens.new_manage_key())
    for path, token in [
        (f"/en/network/invitations/{invitation}/", invitation),
        (f"/accounts/password/reset/key/{reset}/", reset),
        (f"/accounts/password/reset/key/{reset_of_user_10}/", reset_of_user_10),
        (f"/newsletter/confirm/{confirm}/", confirm),
        (f"/en/newsletter/manage/{manage}/", manage),
    ]:
        scrubbed = scrub_path(path)
        assert token not in scrubbed and "<secret>" in scrubbed, path
        assert scrubbed.startswith(path[: path.index(token)])
