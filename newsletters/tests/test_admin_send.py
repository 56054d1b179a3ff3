"""The admin's newsletter screen: who may preview, test and send, and what each does."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse

from accounts.factories import UserFactory
from newsletters.deliveries import Delivery, NewsletterSend
from newsletters.factories import NewsletterIssuePageFactory, SubscriberFactory
from newsletters.models import SubscriberState

pytestmark = pytest.mark.django_db


def admin_user(*codenames, **fields):
    user = UserFactory(**fields)
    user.user_permissions.add(*Permission.objects.filter(codename__in=["access_admin", *codenames]))
    return user


@pytest.fixture
def issue(site_tree):
    page = NewsletterIssuePageFactory(parent=site_tree.sq.newsletters, title="Numri i dhjetë")
    for n, language in enumerate(["sq", "sq", "en"]):
        SubscriberFactory(
            email=f"p{n}@example.org", language=language, state=SubscriberState.CONFIRMED
        )
    return page


def urls(issue):
    return {
        "screen": reverse("newsletter_send", args=[issue.pk]),
        "preview": reverse("newsletter_preview", args=[issue.pk]),
    }


LOGIN, ADMIN_HOME, SCREEN = "login", "admin home", "screen"


def outcome(response) -> int | str:
    """200, or where a redirect leads: the login, the admin's home (refused) or the screen."""
    if response.status_code != 302:
        return response.status_code
    location = response["Location"]
    if "login" in location:
        return LOGIN
    return ADMIN_HOME if location == reverse("wagtailadmin_home") else SCREEN


@pytest.mark.parametrize(
    ("who", "screen", "preview", "test_post", "send_post"),
    [
        ("anonymous", LOGIN, LOGIN, LOGIN, LOGIN),
        ("admin without the permission", ADMIN_HOME, ADMIN_HOME, ADMIN_HOME, ADMIN_HOME),
        ("editor", 200, 200, SCREEN, SCREEN),
    ],
)
def test_permissions(client, issue, who, screen, preview, test_post, send_post):
    if who == "admin without the permission":
        client.force_login(admin_user(email="staff@example.org"))
    elif who == "editor":
        client.force_login(admin_user("send_newsletter", email="editor@example.org"))
    url = urls(issue)

    assert outcome(client.get(url["screen"])) == screen
    assert outcome(client.get(url["preview"])) == preview
    assert outcome(client.post(url["screen"], {"action": "test", "language": "sq"})) == test_post
    assert outcome(client.post(url["screen"], {"action": "send", "confirm": "on"})) == send_post
    sent = who == "editor"
    assert NewsletterSend.objects.exists() == sent
    assert len(mail.outbox) == (1 if sent else 0)  # the test; the send itself runs in the worker


@pytest.fixture
def editor(client):
    user = admin_user("send_newsletter", email="editor@example.org")
    client.force_login(user)
    return user


def test_preview_shows_the_email_of_each_language_and_its_text_part(client, issue, editor):
    url = urls(issue)["preview"]

    html = client.get(url, {"language": "sq"}).content.decode()
    text = client.get(url, {"language": "sq", "part": "text"})

    assert "Numri i dhjetë" in html and 'style="' in html
    assert text["Content-Type"].startswith("text/plain")
    assert "Numri i dhjetë" in text.content.decode()


def test_a_test_goes_to_the_editor_only(client, issue, editor):
    client.post(urls(issue)["screen"], {"action": "test", "language": "en"})

    [message] = mail.outbox
    assert message.to == ["editor@example.org"]
    assert not Delivery.objects.exists()


def test_sending_needs_the_confirmation_and_a_published_issue(client, issue, editor):
    url = urls(issue)["screen"]

    response = client.post(url, {"action": "send"})
    assert response.status_code == 200 and not NewsletterSend.objects.exists()

    issue.unpublish()
    client.post(url, {"action": "send", "confirm": "on"})
    assert not NewsletterSend.objects.exists()


def test_national_editors_may_send(client, issue):
    editor = admin_user(email="editor@example.org")
    editor.groups.add(Group.objects.get(name="Editors"))  # given send_newsletter by a migration
    client.force_login(editor)

    assert client.get(urls(issue)["screen"]).status_code == 200


def test_sending_twice_creates_one_send_and_the_screen_shows_progress(client, issue, editor):
    url = urls(issue)["screen"]

    client.post(url, {"action": "send", "confirm": "on"})
    client.post(url, {"action": "send", "confirm": "on"})
    page = client.get(url).content.decode()

    assert NewsletterSend.objects.count() == 1
    assert Delivery.objects.count() == 3
    assert "Waiting" in page or "Në pritje" in page


def test_the_issue_header_links_to_the_screen_for_editors_only(client, issue):
    edit = reverse("wagtailadmin_pages:edit", args=[issue.pk])
    page_editor = admin_user(email="pages@example.org")
    page_editor.groups.add(Group.objects.get(name="Moderators"))  # edits every page, sends nothing
    client.force_login(page_editor)
    assert urls(issue)["screen"] not in client.get(edit).content.decode()

    page_editor.user_permissions.add(Permission.objects.get(codename="send_newsletter"))
    assert urls(issue)["screen"] in client.get(edit).content.decode()
