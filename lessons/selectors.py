"""Reads behind the lesson library."""

from dataclasses import dataclass, field

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from taggit.models import Tag

from home.models import AgeBand, AudienceFields
from home.selectors import live_pages, with_listing_images

from .models import CoursePage, LessonPage, LessonPageTag, LessonProgress

LESSONS_PER_PAGE = 12


def lesson_topics(*, index) -> list[tuple[str, str]]:
    """(slug, name) of every topic used by a live lesson under this index, by name."""
    lesson_ids = live_pages(LessonPage, locale=index.locale).child_of(index).values("pk")
    tags = (
        Tag.objects.filter(
            pk__in=LessonPageTag.objects.filter(content_object__in=lesson_ids).values("tag_id")
        )
        .order_by("name")
        .values_list("slug", "name")
    )
    return list(tags)


def lessons_for_index(
    *,
    index,
    page_number=None,
    topic: str = "",
    audience: str = "",
    age_band: str = "",
) -> PaginatorPage:
    """One page of live lessons under the index, newest first, narrowed by the given filters.

    A lesson for all ages matches every age band.
    """
    lessons = with_listing_images(
        live_pages(LessonPage, locale=index.locale)
        .child_of(index)
        .prefetch_related("tagged_items__tag")
        .order_by("-first_published_at", "-pk")
    )
    if topic:
        lessons = lessons.filter(tagged_items__tag__slug=topic)
    if audience:
        lessons = lessons.filter(**AudienceFields.audience_filter(audience))
    if age_band:
        lessons = lessons.filter(age_band__in=[age_band, AgeBand.ALL])
    return Paginator(lessons, LESSONS_PER_PAGE).get_page(page_number)


# Courses and progress (issue 5).


@dataclass
class CourseLesson:
    lesson: LessonPage
    opened: bool = False
    completed: bool = False
    best_score: int | None = None

    @property
    def state(self) -> str:
        if self.completed:
            return "completed"
        return "opened" if self.opened else "not_started"


@dataclass
class CourseModule:
    title: str
    description: str
    lessons: list[CourseLesson] = field(default_factory=list)


@dataclass
class CourseOutline:
    modules: list[CourseModule]
    done: int
    total: int

    @property
    def completed(self) -> bool:
        return self.total > 0 and self.done == self.total


def _module_lesson_ids(module_data) -> list[int]:
    ids = []
    for item in (module_data.get("value") or {}).get("lessons") or []:
        value = item.get("value") if isinstance(item, dict) else item
        if value:
            ids.append(int(value))
    return ids


def _completed_keys(*, user, translation_keys) -> dict:
    """{lesson translation_key: progress} of the learner, merged across the lesson's languages."""
    merged: dict = {}
    rows = LessonProgress.objects.filter(
        user=user, lesson__translation_key__in=list(translation_keys)
    ).values_list("lesson__translation_key", "completed_at", "best_score")
    for key, completed_at, best_score in rows:
        opened, completed, best = merged.get(key, (True, False, None))
        completed = completed or completed_at is not None
        if best_score is not None:
            best = max(best or 0, best_score)
        merged[key] = (opened, completed, best)
    return merged


def course_outline(*, course, user) -> CourseOutline:
    """The course's modules with their live lessons in order and, for a signed-in learner, the
    state of each lesson. Two queries however many lessons (one for an anonymous reader).

    Progress counts in any language of a lesson: completing it in English completes the Albanian.
    """
    ids = course.lesson_ids()
    lessons = {
        lesson.pk: lesson
        for lesson in LessonPage.objects.live().filter(pk__in=ids).defer_streamfields()
    }
    progress = {}
    if user.is_authenticated and lessons:
        progress = _completed_keys(
            user=user, translation_keys={lesson.translation_key for lesson in lessons.values()}
        )
    modules, seen, done = [], set(), 0
    for module_data in course.modules.raw_data:
        value = module_data.get("value") or {}
        module = CourseModule(
            title=value.get("title", ""), description=value.get("description", "")
        )
        for lesson_id in _module_lesson_ids(module_data):
            lesson = lessons.get(lesson_id)
            if lesson is None or lesson_id in seen:
                continue
            seen.add(lesson_id)
            opened, completed, best = progress.get(lesson.translation_key, (False, False, None))
            done += completed
            module.lessons.append(CourseLesson(lesson, opened, completed, best))
        if module.lessons:
            modules.append(module)
    return CourseOutline(modules=modules, done=done, total=len(seen))


def course_is_completed(*, user, course) -> bool:
    """Every live lesson of the course is completed by the learner."""
    keys = set(
        LessonPage.objects.live()
        .filter(pk__in=course.lesson_ids())
        .values_list("translation_key", flat=True)
    )
    if not keys:
        return False
    completed = LessonProgress.objects.filter(
        user=user, lesson__translation_key__in=keys, completed_at__isnull=False
    ).values_list("lesson__translation_key", flat=True)
    return keys <= set(completed)


def courses_containing(*, lesson) -> list:
    """Live courses that include this lesson in any of its languages."""
    ids = set(
        LessonPage.objects.filter(translation_key=lesson.translation_key).values_list(
            "pk", flat=True
        )
    )
    return [
        course
        for course in CoursePage.objects.live().order_by("pk")
        if ids & set(course.lesson_ids())
    ]


def courses_for_index(*, index) -> list:
    """Live courses under a lesson index, by title (members-only ones included, marked)."""
    return list(CoursePage.objects.live().child_of(index).defer_streamfields().order_by("title"))


def lesson_courses(*, lesson) -> list:
    """Live courses in the lesson's language that include it, for the "part of" links."""
    return [
        course
        for course in courses_containing(lesson=lesson)
        if course.locale_id == lesson.locale_id
    ]


def is_network_member(user) -> bool:
    """A signed-in member of the network: an active membership or coordination, national staff
    (ambassadors.manage_network) or Django staff.

    Read through reverse relations so lessons never imports the ambassadors app.
    """
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_staff or user.is_superuser or user.has_perm("ambassadors.manage_network"):
        return True
    return (
        user.memberships.filter(is_active=True).exists()
        or user.coordinations.filter(is_active=True).exists()
    )


def lesson_state(*, user, lesson) -> LessonProgress | None:
    if not user.is_authenticated:
        return None
    return LessonProgress.objects.filter(user=user, lesson=lesson).first()


@dataclass
class LearnerCourse:
    course: CoursePage
    done: int
    total: int

    @property
    def completed(self) -> bool:
        return self.total > 0 and self.done == self.total


def learner_courses(*, user, locale) -> list[LearnerCourse]:
    """The live courses in one language with the learner's progress, those begun first.

    Three queries however many courses and lessons; members-only courses only for members.
    """
    courses = CoursePage.objects.live().filter(locale=locale).order_by("title")
    if not is_network_member(user):
        courses = courses.filter(members_only=False)
    courses = list(courses)
    ids = {lesson_id for course in courses for lesson_id in course.lesson_ids()}
    keys = dict(LessonPage.objects.live().filter(pk__in=ids).values_list("pk", "translation_key"))
    done_keys = set()
    if keys:
        done_keys = set(
            LessonProgress.objects.filter(
                user=user,
                completed_at__isnull=False,
                lesson__translation_key__in=set(keys.values()),
            ).values_list("lesson__translation_key", flat=True)
        )
    rows = []
    for course in courses:
        course_keys = {keys[pk] for pk in course.lesson_ids() if pk in keys}
        rows.append(LearnerCourse(course, len(course_keys & done_keys), len(course_keys)))
    rows.sort(key=lambda row: (row.done == 0, row.completed))
    return rows
