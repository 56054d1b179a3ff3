"""Factories for the lesson library."""

import factory

from home.factories import PublishedPageFactory

from .models import LessonIndexPage, LessonPage


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
