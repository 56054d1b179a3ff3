"""The newsletter in Chromium on a phone: a parent subscribes, confirms from the emailed link and
unsubscribes from the personal link; axe finds no WCAG 2.2 A/AA violation on the forms and the
archive."""

import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from playwright.sync_api import Page, expect

from home.factories import ImageFactory, translate_page
from newsletters.factories import NewsletterIssuePageFactory
from newsletters.models import Subscriber, SubscriberState, Suppression, address_hash

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
EMAIL = "prind@example.org"


def check_axe(page: Page, label: str) -> None:
    result = Axe().run(page, options=AXE_OPTIONS)
    assert result.violations_count == 0, f"{label}\n{result.generate_report()}"


def link_path(body: str, name: str) -> str:
    """The path of the emailed `name` link; the email's host is SITE_BASE_URL, not the test's."""
    found = re.search(rf"https?://\S+/newsletter/{name}/\S+/", body)
    assert found, f"No {name} link in the email:\n{body}"
    return urlsplit(found.group(0)).path


def test_a_parent_subscribes_confirms_and_unsubscribes_on_a_phone(live_site, phone_page: Page):
    page = phone_page
    index = live_site.tree.en.newsletters
    page.goto(live_site.url + index.url)
    check_axe(page, "newsletter archive with the form (en)")

    form = page.locator("form.subscribe-form")
    form.get_by_label("Your email address").fill(EMAIL)
    form.get_by_label("English").check()
    form.get_by_role("checkbox").check()
    form.get_by_role("button", name="Subscribe").click()

    expect(page.locator("h1")).to_have_text("Check your email")
    check_axe(page, "check your email")
    subscriber = Subscriber.objects.get(email=EMAIL)
    assert subscriber.state == SubscriberState.PENDING
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [EMAIL]

    page.goto(live_site.url + link_path(message.body, "confirm"))
    expect(page.locator("h1")).to_have_text("Confirm your subscription")
    check_axe(page, "confirm")
    page.get_by_role("button", name="Confirm my subscription").click()
    expect(page.locator("h1")).to_have_text("You are subscribed")
    subscriber.refresh_from_db()
    assert subscriber.state == SubscriberState.CONFIRMED

    page.goto(live_site.url + link_path(message.body, "manage"))
    expect(page.locator("h1")).to_have_text("Your newsletter subscription")
    check_axe(page, "manage")
    page.locator("main").get_by_role("button", name="Unsubscribe").click()

    expect(page.locator("h1")).to_have_text("You are unsubscribed")
    check_axe(page, "unsubscribed")
    assert not Subscriber.objects.exists()
    assert Suppression.objects.filter(address_hash=address_hash(EMAIL)).exists()
    assert len(mail.outbox) == 1


def test_form_errors_and_the_archive_pass_axe(live_site, open_page):
    tree = live_site.tree
    issue = NewsletterIssuePageFactory(
        parent=tree.sq.newsletters, image=ImageFactory(), image_alt="Prind me fëmijë"
    )
    english_issue = translate_page(issue, title="Talking about privacy", slug="privacy")
    for screen in ["phone", "desktop"]:
        page = open_page(screen)
        for label, url in [
            ("archive sq", tree.sq.newsletters.url),
            ("archive en", tree.en.newsletters.url),
            ("issue en", english_issue.url),
            ("home sq", tree.sq.home.url),
            ("subscribe page sq", "/newsletter/subscribe/"),
        ]:
            response = page.goto(live_site.url + url)
            assert response.status == 200, f"{label} answered {response.status}"
            check_axe(page, f"{label}, {screen}")

        # The form sent back with its errors.
        page.goto(live_site.url + "/en/newsletter/subscribe/")
        page.locator("main form").get_by_role("button", name="Subscribe").click()
        expect(page.get_by_role("alert")).to_be_visible()
        check_axe(page, f"subscribe form with errors, {screen}")
