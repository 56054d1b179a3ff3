"""Issue 5 in Chromium: an ambassador takes a members-only course on a phone, completes a lesson
with its button, fails then passes the quiz of the next one, sees the course completed and opens
the certificate's verification page; axe checks the course page and the lesson-with-quiz page,
before and after submitting (WCAG 2.2 AA).
"""

import pytest
from django.utils import translation
from playwright.sync_api import Page, expect

from ambassadors.factories import (
    MembershipFactory,
    MunicipalityFactory,
    RegionFactory,
    SchoolFactory,
    SchoolYearFactory,
)
from ambassadors.models import Role
from e2e.test_activity_flow import log_in
from e2e.test_network import LANGUAGE, AxeChecks
from lessons.certificates import Certificate
from lessons.factories import CoursePageFactory, LessonPageFactory, course_modules, quiz_stream
from lessons.models import CourseAudience, LessonProgress

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AMBASSADOR_USERNAME = "arta.h"
QUESTIONS = [
    (
        "Kush duhet ta dijë fjalëkalimin tënd?",
        "single",
        [
            ("Shoku më i mirë", False, "Edhe shokët më të mirë mund ta ndajnë pa dashje."),
            ("Vetëm unë (dhe prindi im)", True, "Saktë: fjalëkalimi është vetëm i yti."),
        ],
    ),
    (
        "Cilat janë fjalëkalime të forta?",
        "multiple",
        [
            ("Një fjali e gjatë", True, "Po, gjatësia e bën të fortë."),
            ("123456", False, "Ky gjendet menjëherë."),
            ("Tre fjalë të rastësishme", True, "Po, e fortë dhe e lehtë për t’u mbajtur mend."),
        ],
    ),
]


def in_language(msgid: str, **values) -> str:
    with translation.override(LANGUAGE):
        text = translation.gettext(msgid)
    return text % values if values else text


@pytest.fixture
def course(live_site):
    """A members-only ambassadors' course of two lessons, the second with a quiz (pass mark
    100%), and an ambassador of a school in Tiranë."""
    index = live_site.tree.sq.lessons
    first = LessonPageFactory(parent=index, title="Çfarë është privatësia", slug="privatesia")
    second = LessonPageFactory(
        parent=index,
        title="Fjalëkalime të forta",
        slug="fjalekalime",
        quiz=quiz_stream(QUESTIONS, title="Kuizi i fjalëkalimeve", pass_mark=100),
    )
    course = CoursePageFactory(
        parent=index,
        title="Kursi i ambasadorëve",
        slug="kursi",
        audience=CourseAudience.AMBASSADORS,
        members_only=True,
        modules=course_modules(("Privatësia", [first]), ("Fjalëkalimet", [second])),
    )
    school = SchoolFactory(
        code="AL-TR-0042",
        name="Shkolla Naim Frashëri",
        municipality=MunicipalityFactory(region=RegionFactory(name="Tiranë", code="tirane")),
    )
    MembershipFactory(
        ambassador=True,
        school=school,
        school_year=SchoolYearFactory(),
        role=Role.AMBASSADOR,
        user__username=AMBASSADOR_USERNAME,
    )
    return course, first, second


def answer(page: Page, texts: list[str]) -> None:
    quiz = page.locator("form.quiz__form")
    for text in texts:
        quiz.get_by_label(text, exact=True).check()
    quiz.get_by_role("button").click()


def test_an_ambassador_takes_a_course_on_a_phone(live_site, course, open_page):
    base = live_site.url
    course_page, first, second = course
    axe = AxeChecks()
    phone = open_page("phone")

    # Members only: the course first asks to sign in.
    phone.goto(base + course_page.url)
    expect(phone.locator('input[name="login"]')).to_be_visible()
    log_in(phone, base, AMBASSADOR_USERNAME)
    phone.goto(base + course_page.url)
    expect(phone.locator("h1")).to_have_text(course_page.title)
    expect(phone.locator("html")).to_have_attribute("lang", LANGUAGE)
    expect(phone.locator(".course-progress__count")).to_contain_text("0")
    axe(phone, "course page (phone)")

    # A lesson without a quiz is completed with its button.
    phone.get_by_role("link", name=first.title).click()
    expect(phone.locator("h1")).to_have_text(first.title)
    phone.get_by_role("button", name=in_language("Mark as completed")).click()
    expect(phone.locator(".messages")).to_contain_text(in_language("Lesson marked as completed."))

    # The quiz: the right answers are not in the page; a wrong sheet fails, then a right one passes.
    phone.goto(base + course_page.url)
    phone.get_by_role("link", name=second.title).click()
    expect(phone.locator("h1")).to_have_text(second.title)
    assert "Saktë" not in phone.content()
    axe(phone, "lesson with quiz (phone)")

    answer(phone, ["Shoku më i mirë", "Një fjali e gjatë", "123456"])
    result = phone.locator(".quiz-result")
    expect(result).to_have_class("quiz-result quiz-result--failed")
    expect(result).to_contain_text("0%")
    expect(result).to_contain_text("Edhe shokët më të mirë mund ta ndajnë pa dashje.")
    axe(phone, "lesson with a failed quiz (phone)")
    progress = LessonProgress.objects.get(lesson=second)
    assert (progress.best_score, progress.passed, progress.completed_at) == (0, False, None)

    answer(phone, ["Vetëm unë (dhe prindi im)", "Një fjali e gjatë", "Tre fjalë të rastësishme"])
    expect(result).to_have_class("quiz-result quiz-result--passed")
    expect(result).to_contain_text("100%")
    axe(phone, "lesson with a passed quiz (phone)")
    progress.refresh_from_db()
    assert (progress.best_score, progress.passed, progress.attempts) == (100, True, 2)

    # Back on the course: every lesson completed.
    phone.get_by_role("link", name=course_page.title).first.click()
    expect(phone.locator("h1")).to_have_text(course_page.title)
    expect(phone.locator(".course-state--completed")).to_have_count(2)
    expect(phone.locator("progress")).to_have_attribute("value", "2")
    axe(phone, "completed course (phone)")

    # The certificate was issued once, and the course links to its verification page.
    certificate = Certificate.objects.get(user__username=AMBASSADOR_USERNAME)
    assert certificate.course_id == course_page.pk
    phone.get_by_role("link", name=in_language("Your certificate"), exact=True).click()
    expect(phone).to_have_url(base + certificate.get_absolute_url())
    expect(phone.locator("main")).to_contain_text(certificate.name_as_printed)

    axe.assert_none()
