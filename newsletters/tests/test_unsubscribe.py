"""Managing a subscription: the personal link, one-click unsubscribe (RFC 8058), the headers, and
what is kept of an address afterwards."""

import datetime

import pytest
from django.test import Client
from django.urls import resolve
from django.utils import timezone, translation

from newsletters import services
from newsletters import urls as newsletter_urls
from newsletters.emails import newsletter_headers, one_click_url
from newsletters.models import Subscriber, SubscriberState, Suppression, address_hash
from newsletters.selectors import confirmed_subscribers, is_suppressed

from .conftest import link_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(outbox):
    """A confirmed English subscriber, and the outbox with their confirmation email."""
    services.subscription_request(
        email="member@example.org", language="en", consent_text="x", consent_version="1"
    )
    token = link_in(outbox[0], "confirm").split("/")[-2]
    return services.subscription_confirm(token=token)


def manage_path(outbox) -> str:
    return link_in(outbox[0], "manage")


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_headers_offer_one_click_unsubscribe(member, settings):
    settings.SITE_BASE_URL = "https://sigurt.example"
    settings.NEWSLETTER_UNSUBSCRIBE_MAILTO = ""

    headers = newsletter_headers(member)

    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert headers["List-Unsubscribe"] == f"<{one_click_url(member)}>"
    assert headers["List-Unsubscribe"].startswith(
        "<https://sigurt.example/en/newsletter/unsubscribe/"
    )
    assert "member" not in headers["List-Unsubscribe"]


def test_headers_add_a_mailto_when_configured(member, settings):
    settings.NEWSLETTER_UNSUBSCRIBE_MAILTO = "unsubscribe@sigurt.example"

    targets = newsletter_headers(member)["List-Unsubscribe"].split(", ")

    assert targets[0].startswith("<http")
    assert targets[1] == "<mailto:unsubscribe@sigurt.example?subject=unsubscribe>"


def test_get_on_the_personal_link_never_unsubscribes(member, outbox, client):
    response = client.get(manage_path(outbox))

    assert response.status_code == 200
    assert Subscriber.objects.filter(pk=member.pk, state=SubscriberState.CONFIRMED).exists()


def test_unsubscribing_by_link_takes_effect_at_once_and_keeps_only_a_hash(member, outbox, client):
    response = client.post(manage_path(outbox), {"action": "unsubscribe"})

    assert response.status_code == 302
    assert response["Location"] == "/en/newsletter/unsubscribed/"
    assert client.get(response["Location"]).status_code == 200
    assert not Subscriber.objects.exists()
    assert not confirmed_subscribers().exists()
    suppression = Suppression.objects.get()
    assert suppression.address_hash == address_hash("member@example.org")
    assert "member" not in suppression.address_hash
    assert is_suppressed("Member@Example.org")
    # The link now says so, without an error.
    again = client.get(manage_path(outbox))
    assert again.status_code == 200
    assert again.templates[0].name == "newsletters/not_subscribed.html"


def test_one_click_post_unsubscribes_without_a_csrf_token(member):
    client = Client(enforce_csrf_checks=True)
    url = path_of(one_click_url(member))

    response = client.post(url, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert not Subscriber.objects.exists()
    assert is_suppressed(member.email)
    # A repeat (mail clients retry) is answered the same way.
    assert client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert Suppression.objects.count() == 1


def test_one_click_on_the_albanian_url_is_not_redirected_by_the_browser_language(outbox):
    services.subscription_request(
        email="prind@example.org", language="sq", consent_text="x", consent_version="1"
    )
    subscriber = Subscriber.objects.get()
    url = path_of(one_click_url(subscriber))
    assert url.startswith("/newsletter/unsubscribe/")

    response = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en").post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 200
    assert not Subscriber.objects.exists()


def test_one_click_refuses_get_a_wrong_body_and_forged_tokens(member):
    client = Client(enforce_csrf_checks=True)
    url = path_of(one_click_url(member))
    key = member.manage_key

    assert client.get(url).status_code == 405
    assert client.post(url, {"List-Unsubscribe": "Other"}).status_code == 400
    forged = url.replace(key, key[::-1])
    assert client.post(forged, {"List-Unsubscribe": "One-Click"}).status_code == 404
    unsigned = f"/en/newsletter/unsubscribe/{key}/"
    assert client.post(unsigned, {"List-Unsubscribe": "One-Click"}).status_code == 404
    assert Client().get(f"/en/newsletter/manage/{key}/").status_code == 404
    assert Subscriber.objects.filter(pk=member.pk).exists()


def test_changing_the_language_from_the_personal_page(member, outbox, client):
    response = client.post(manage_path(outbox), {"action": "language", "language": "sq"})

    assert response.status_code == 302
    assert response["Location"].startswith("/newsletter/manage/")
    member.refresh_from_db()
    assert member.language == "sq"
    assert "/en/" not in newsletter_headers(member)["List-Unsubscribe"]
    assert (
        client.post(manage_path(outbox), {"action": "language", "language": "xx"}).status_code
        == 200
    )
    member.refresh_from_db()
    assert member.language == "sq"


def test_a_pending_request_can_be_cancelled_from_the_confirmation_email(outbox, client):
    services.subscription_request(
        email="p@example.org", language="sq", consent_text="x", consent_version="1"
    )

    client.post(manage_path(outbox), {"action": "unsubscribe"})

    assert not Subscriber.objects.exists()
    assert client.post(link_in(outbox[0], "confirm")).status_code == 404


def test_subscribing_again_after_unsubscribing_needs_a_new_confirmation(member, outbox):
    services.subscription_unsubscribe(subscriber=member)
    outbox.clear()

    services.subscription_request(
        email="member@example.org",
        language="sq",
        consent_text="x",
        consent_version="1",
        now=timezone.now() + datetime.timedelta(minutes=1),
    )

    assert is_suppressed("member@example.org")
    assert not confirmed_subscribers().exists()
    services.subscription_confirm(token=link_in(outbox[0], "confirm").split("/")[-2])
    assert not is_suppressed("member@example.org")
    assert confirmed_subscribers().count() == 1


# (method, path, status) of every newsletter URL: the same for anonymous, signed-in and staff.
PUBLIC_VIEWS = [
    ("get", "/en/newsletter/subscribe/", 200),
    ("get", "/en/newsletter/subscribe/check-your-email/", 200),
    ("get", "/en/newsletter/unsubscribed/", 200),
    ("get", "/en/newsletter/confirm/unknown-token/", 404),
    ("post", "/en/newsletter/confirm/unknown-token/", 404),
    ("get", "/en/newsletter/manage/unknown.token/", 404),
    ("post", "/en/newsletter/unsubscribe/unknown.token/", 404),
    ("get", "/en/newsletter/unsubscribe/unknown.token/", 405),
    ("get", "/en/newsletter/feed/rss/", 200),
    ("get", "/en/newsletter/feed/atom/", 200),
    ("post", "/en/newsletter/subscribe/", 200),
    ("post", "/en/newsletter/manage/unknown.token/", 404),
]


def test_every_newsletter_url_has_a_row_in_the_table():
    with translation.override("en"):
        rows = {resolve(path).url_name for _method, path, _expected in PUBLIC_VIEWS}
    assert rows == {pattern.name for pattern in newsletter_urls.urlpatterns}


@pytest.mark.parametrize("role", ["anonymous", "signed_in", "staff"])
@pytest.mark.parametrize(("method", "path", "expected"), PUBLIC_VIEWS)
def test_public_views_answer_everyone_alike(
    client, django_user_model, site_tree, role, method, path, expected
):
    """Who is signed in changes nothing on the newsletter's public pages."""
    if role != "anonymous":
        user = django_user_model.objects.create_user(
            username=role, email=f"{role}@example.org", password="x", is_staff=role == "staff"
        )
        client.force_login(user)

    response = getattr(client, method)(path)

    assert response.status_code == expected
