"""Reads about the network's training: who completed the course for their role, per school.

The network depends on lessons (never the other way): courses and progress are read from there.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from home.page_cache import cached_listing
from lessons.models import CourseAudience, CoursePage, LessonPage, LessonProgress

from .models import Membership, Role

# Each network role is trained by the courses written for its audience.
ROLE_AUDIENCE = {
    Role.AMBASSADOR: CourseAudience.AMBASSADORS,
    Role.ICT_TEACHER: CourseAudience.TEACHERS,
    Role.PSYCHOLOGIST: CourseAudience.PSYCHOLOGISTS,
}
TEAM_ROLES = tuple(ROLE_AUDIENCE)


@dataclass
class Training:
    """A member's progress in the best-advanced course for their role."""

    membership: Membership
    course: CoursePage | None = None
    done: int = 0
    total: int = 0

    @property
    def completed(self) -> bool:
        return self.total > 0 and self.done == self.total


@dataclass
class SchoolTraining:
    school: object
    by_role: dict = field(default_factory=dict)  # role -> [Training]

    def counts(self, role) -> tuple[int, int]:
        """(completed, members) for one role."""
        rows = self.by_role.get(role, [])
        return sum(1 for row in rows if row.completed), len(rows)

    @property
    def ambassadors(self):
        return self.counts(Role.AMBASSADOR)

    @property
    def ict_teachers(self):
        return self.counts(Role.ICT_TEACHER)

    @property
    def psychologists(self):
        return self.counts(Role.PSYCHOLOGIST)

    @property
    def trained_team(self) -> bool:
        """Every team role is held, and every current holder completed the course for it."""
        for role in TEAM_ROLES:
            completed, members = self.counts(role)
            if members == 0 or completed < members:
                return False
        return True


def _role_courses() -> tuple[dict, dict]:
    """({audience: [course]}, {course pk: set of lesson translation keys}): kept in the page
    cache until a page changes (see `cached_listing`), or two queries."""
    return cached_listing("role_courses", compute=_read_role_courses)


def _read_role_courses() -> tuple[dict, dict]:
    courses = list(
        CoursePage.objects.live().filter(audience__in=set(ROLE_AUDIENCE.values())).order_by("pk")
    )
    lesson_ids = {lesson_id for course in courses for lesson_id in course.lesson_ids()}
    keys = dict(
        LessonPage.objects.live().filter(pk__in=lesson_ids).values_list("pk", "translation_key")
    )
    by_audience = {}
    course_keys = {}
    for course in courses:
        course_keys[course.pk] = {keys[pk] for pk in course.lesson_ids() if pk in keys}
        if course_keys[course.pk]:
            by_audience.setdefault(course.audience, []).append(course)
    return by_audience, course_keys


def memberships_training(memberships) -> list[Training]:
    """Each membership's progress in the course for its role, in four queries for any number.

    Of several courses for a role (or its translations), the one furthest along counts.
    """
    memberships = list(memberships)
    by_audience, course_keys = _role_courses()
    all_keys = set().union(*course_keys.values()) if course_keys else set()
    user_ids = {m.user_id for m in memberships if m.user_id}
    done = defaultdict(set)
    if user_ids and all_keys:
        rows = LessonProgress.objects.filter(
            user_id__in=user_ids, completed_at__isnull=False, lesson__translation_key__in=all_keys
        ).values_list("user_id", "lesson__translation_key")
        for user_id, key in rows:
            done[user_id].add(key)
    trainings = []
    for membership in memberships:
        best = Training(membership=membership)
        for course in by_audience.get(ROLE_AUDIENCE.get(membership.role), []):
            keys = course_keys[course.pk]
            candidate = Training(
                membership, course, len(keys & done[membership.user_id]), len(keys)
            )
            if best.course is None or (candidate.completed, candidate.done) > (
                best.completed,
                best.done,
            ):
                best = candidate
        trainings.append(best)
    return trainings


def schools_training(schools) -> list[SchoolTraining]:
    """Per school, its current team's training by role, in four queries for any number."""
    schools = list(schools)
    memberships = (
        Membership.objects.active()
        .filter(school__in=schools, role__in=TEAM_ROLES)
        .select_related("user")
        .order_by("school_id", "role", "user__first_name", "pk")
    )
    result = {school.pk: SchoolTraining(school=school) for school in schools}
    for training in memberships_training(memberships):
        membership = training.membership
        result[membership.school_id].by_role.setdefault(membership.role, []).append(training)
    return [result[school.pk] for school in schools]


def school_badges(schools) -> dict[int, bool]:
    """{school pk: earned the "trained team" badge}, in a constant number of queries."""
    return {row.school.pk: row.trained_team for row in schools_training(schools)}
