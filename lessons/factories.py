"""Factories for the lesson library."""

import uuid

import factory

from home.factories import PublishedPageFactory

from .models import CourseAudience, CoursePage, LessonIndexPage, LessonPage, LessonProgress


def lesson_steps(*texts: str) -> list[dict]:
    """A `steps` stream with one step per instruction text, in StreamField JSON form."""
    return [
        {
            "type": "step",
            "value": {"title": f"Hapi {n}", "minutes": 10, "instructions": f"<p>{text}</p>"},
        }
        for n, text in enumerate(texts, start=1)
    ]


class LessonIndexPageFactory(PublishedPageFactory):
    title = "Mësime"
    intro = "Mësime për shkollat dhe familjet."
    show_in_menus = True

    class Meta:
        model = LessonIndexPage


class LessonPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Mësim {n}")
    summary = "Si ta njohim dhe ta ndalojmë ngacmimin online."
    duration_minutes = 45
    objectives = "<ul><li>Nxënësit njohin ngacmimin online.</li></ul>"
    steps = factory.LazyFunction(lambda: lesson_steps("Diskutoni në grupe të vogla."))

    class Meta:
        model = LessonPage


def _item(value) -> dict:
    return {"type": "item", "value": value, "id": str(uuid.uuid4())}


def quiz_stream(questions, *, title: str = "Kuiz", pass_mark: int = 70) -> list[dict]:
    """A `quiz` stream in StreamField JSON form, with block ids on every question and answer.

    `questions`: (text, kind, [(answer text, correct, feedback), ...]) tuples; kind "single" or
    "multiple".
    """
    return [
        {
            "type": "quiz",
            "id": str(uuid.uuid4()),
            "value": {
                "title": title,
                "pass_mark": pass_mark,
                "questions": [
                    _item(
                        {
                            "text": text,
                            "kind": kind,
                            "answers": [
                                _item({"text": answer, "correct": correct, "feedback": feedback})
                                for answer, correct, feedback in answers
                            ],
                        }
                    )
                    for text, kind, answers in questions
                ],
            },
        }
    ]


def course_modules(*modules) -> list[dict]:
    """A `modules` stream: each module a (title, [lesson pages]) pair."""
    return [
        {
            "type": "module",
            "id": str(uuid.uuid4()),
            "value": {
                "title": title,
                "description": "",
                "lessons": [_item(lesson.pk) for lesson in lessons],
            },
        }
        for title, lessons in modules
    ]


class CoursePageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Kurs {n}")
    summary = "Një kurs për ambasadorët e internetit të sigurt."
    audience = CourseAudience.AMBASSADORS
    modules = factory.LazyFunction(list)

    class Meta:
        model = CoursePage


class LessonProgressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LessonProgress
