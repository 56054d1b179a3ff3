"""The public site in Chromium, on the demo content: help one tap away, languages, search, the
lesson library (with and without JavaScript) and WCAG 2.2 AA checks with axe."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from playwright.sync_api import Page, expect
from wagtail.models import Page as WagtailPage
from wagtail.models import Site

from campaigns.models import CampaignPage
from home.models import HomePage, SiteSettings
from lessons.models import LessonIndexPage, LessonPage
from newsletters.models import NewsletterIssuePage

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LANGUAGES = [code for code, _name in settings.LANGUAGES]
SCREENS = ["phone", "desktop"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
HELPLINE = re.compile(r"116\s*111")


def path_of(page: WagtailPage) -> str:
    """The page's root-relative URL, in its own language."""
    return page.specific.get_url_parts()[2]


def live(model, language: str):
    return model.objects.live().public().filter(locale__language_code=language).order_by("pk")


def translated_lesson() -> tuple[LessonPage, LessonPage]:
    """A live Albanian lesson and its live English translation."""
    for lesson in live(LessonPage, "sq"):
        english = lesson.get_translations().filter(locale__language_code="en").live().first()
        if english is not None:
            return lesson, english.specific
    raise AssertionError("The demo needs a lesson published in Albanian and English")


def visit(page: Page, url: str) -> None:
    """Open the URL and insist on a 200, so a server error fails at once and says so."""
    response = page.goto(url)
    status = response.status if response else None
    assert status == 200, f"{url} answered {status}"


def fully_in_first_screen(page: Page, link) -> bool:
    """Whether some visible match lies wholly inside the viewport before any scrolling."""
    assert page.evaluate("window.scrollY") == 0
    size = page.viewport_size
    for index in range(link.count()):
        candidate = link.nth(index)
        box = candidate.bounding_box()
        if candidate.is_visible() and box and box["width"] > 0 and box["height"] > 0:
            inside_x = box["x"] >= 0 and box["x"] + box["width"] <= size["width"]
            inside_y = box["y"] >= 0 and box["y"] + box["height"] <= size["height"]
            if inside_x and inside_y:
                return True
    return False


def test_help_and_report_are_one_tap_away_on_a_phone(demo, phone_page: Page):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert site_settings.report_url, "The demo must set the hotline's report address"
    failed = []
    phone_page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))

    for language in LANGUAGES:
        visit(phone_page, demo + path_of(live(HomePage, language).get()))

        expect(phone_page.locator("html")).to_have_attribute("lang", language)
        expect(phone_page.locator("h1")).to_have_count(1)
        call = phone_page.locator('a[href^="tel:"]').filter(has_text=HELPLINE)
        expect(call.first).to_have_attribute("href", "tel:116111")
        assert fully_in_first_screen(phone_page, call), f"{language}: 116 111 is below the fold"
        report = phone_page.locator(f'a[href="{site_settings.report_url}"]')
        assert fully_in_first_screen(phone_page, report), f"{language}: Report it is below the fold"
        if language == "en":
            expect(report.first).to_have_text(re.compile("Report it"))
    assert not failed, f"Requests that failed: {failed}"


def test_language_switcher_leads_to_the_same_lesson_in_english(demo, desktop_page: Page):
    albanian, english = translated_lesson()
    visit(desktop_page, demo + path_of(albanian))
    expect(desktop_page.locator("html")).to_have_attribute("lang", "sq")
    expect(desktop_page.locator("h1")).to_have_text(albanian.title)
    albanian_title = desktop_page.title()

    desktop_page.get_by_role("link", name="English", exact=True).first.click()

    expect(desktop_page).to_have_url(demo + path_of(english))
    assert path_of(english).startswith("/en/")
    expect(desktop_page.locator("html")).to_have_attribute("lang", "en")
    expect(desktop_page.locator("h1")).to_have_text(english.title)
    assert english.title in desktop_page.title()
    assert desktop_page.title() != albanian_title


def test_search_finds_a_lesson_and_opens_it(demo, phone_page: Page):
    lesson, _english = translated_lesson()
    word = max(re.findall(r"\w+", lesson.title), key=len)
    visit(phone_page, demo + "/")

    box = phone_page.get_by_role("search").first.get_by_role("searchbox")
    box.fill(word)
    box.press("Enter")

    expect(phone_page).to_have_url(re.compile(r"/search/\?q="))
    result = phone_page.locator("main").get_by_role("link", name=lesson.title, exact=True)
    expect(result).to_have_count(1)
    result.click()
    expect(phone_page).to_have_url(demo + path_of(lesson))
    expect(phone_page.locator("h1")).to_have_text(lesson.title)


def _lesson_index(language: str) -> LessonIndexPage:
    return live(LessonIndexPage, language).get()


def _filter_and_open(page: Page, *, field: str, value: str, expected: list[LessonPage], index):
    """Choose one filter value, submit the form, check the listing, then open the first lesson."""
    assert expected, f"The demo has no lesson for {field}={value}"
    select = page.locator(f'select[name="{field}"]')
    select.select_option(value)
    form = page.locator("form").filter(has=select)
    form.get_by_role("button").click()

    expect(page).to_have_url(re.compile(rf"[?&]{field}={re.escape(value)}(&|$)"))
    main = page.locator("main")
    shown = {lesson.title for lesson in expected}
    for lesson in expected[:12]:
        expect(main.get_by_role("link", name=lesson.title, exact=True)).to_be_visible()
    for other in live(LessonPage, index.locale.language_code).child_of(index):
        if other.title not in shown:
            expect(main.get_by_role("link", name=other.title, exact=True)).to_have_count(0)

    first = main.get_by_role("link", name=expected[0].title, exact=True)
    first.click()
    expect(page.locator("h1")).to_have_text(expected[0].title)
    assert page.url.endswith(path_of(expected[0]))


def test_lesson_library_filter_by_topic_then_open_a_lesson(demo, desktop_page: Page):
    index = _lesson_index("sq")
    lessons = live(LessonPage, "sq").child_of(index).order_by("-first_published_at", "-pk")
    topics = [tag for lesson in lessons for tag in lesson.tags.all()]
    assert topics, "The demo lessons need topics"
    # The topic on the fewest lessons, so the filter visibly narrows the list.
    topic = min(topics, key=lambda tag: sum(tag in lesson.tags.all() for lesson in lessons))
    expected = list(lessons.filter(tagged_items__tag=topic))
    visit(desktop_page, demo + path_of(index))

    _filter_and_open(desktop_page, field="topic", value=topic.slug, expected=expected, index=index)


def test_lesson_library_filters_without_javascript(demo, open_page):
    page = open_page("phone", java_script_enabled=False)
    for language in LANGUAGES:
        index = _lesson_index(language)
        lessons = live(LessonPage, language).child_of(index).order_by("-first_published_at", "-pk")
        bands = {lesson.age_band for lesson in lessons} - {"all"}
        assert bands, "The demo lessons need specific age bands"
        band = sorted(bands)[0]
        expected = list(lessons.filter(age_band__in=[band, "all"]))
        visit(page, demo + path_of(index))

        _filter_and_open(page, field="age_band", value=band, expected=expected, index=index)


def _pages_to_check() -> list[tuple[str, str]]:
    """(label, path) of the home, a campaign, a lesson and a newsletter issue in each language."""
    models = {
        "home": HomePage,
        "campaign": CampaignPage,
        "lesson": LessonPage,
        "newsletter issue": NewsletterIssuePage,
    }
    pages = []
    for language in LANGUAGES:
        for name, model in models.items():
            page = live(model, language).first()
            assert page is not None, f"The demo has no live {name} in {language}"
            pages.append((f"{name}, {language}", path_of(page)))
    return pages


@pytest.mark.parametrize("screen", SCREENS)
def test_pages_pass_axe_wcag_22_aa(demo, open_page, screen):
    page = open_page(screen)
    axe = Axe()
    reports = []
    for label, path in _pages_to_check():
        response = page.goto(demo + path)
        if response is None or response.status != 200:
            reports.append(f"--- {label} ({path}) answered {response and response.status}")
            continue
        result = axe.run(page, options=AXE_OPTIONS)
        if result.violations_count:
            reports.append(f"--- {label} ({path}), {screen}\n{result.generate_report()}")
    assert not reports, "\n".join(reports)
