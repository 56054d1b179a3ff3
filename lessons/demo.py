"""The learning demo: one course per role built from the demo lessons, quizzes, demo progress.

Run after the pages (home.demo) and the network (ambassadors.demo) exist. Everything is found by
slug or translation key, so running it again changes nothing.
"""

import uuid

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Locale, Page

from . import services
from .models import CourseAudience, CoursePage, LessonIndexPage, LessonPage
from .quizzes import quiz_score

# Fixed, so demo quizzes keep their question and answer ids on every machine.
QUIZ_NAMESPACE = uuid.UUID("0c7b7a52-3c55-4d7e-8f0e-6a1f5b6e2d41")
SOURCE_LANGUAGE = "sq"

# Quizzes by the default-language slug of their lesson: per language (title, questions), each
# question (text, kind, [(answer, right, feedback)]).
QUIZZES = {
    "kur-fjalet-lendojne": {
        "sq": (
            "Kontrolloni çfarë mësuat",
            [
                (
                    "Një shok merr mesazhe fyese çdo ditë. Çfarë bëni së pari?",
                    "single",
                    [
                        (
                            "I përgjigjem ngacmuesit me të njëjtën gjuhë",
                            False,
                            "Kjo zakonisht e përkeqëson situatën.",
                        ),
                        (
                            "E dëgjoj shokun dhe e ndihmoj t’i tregojë një të rrituri",
                            True,
                            "Po: mbështetja dhe një i rritur i besuar janë hapi i parë.",
                        ),
                        (
                            "Nuk bëj asgjë, do të kalojë vetë",
                            False,
                            "Ngacmimi rrallë ndalet vetë; shoku ka nevojë për ju.",
                        ),
                    ],
                ),
                (
                    "Cilat janë hapa të mirë kundër ngacmimit online?",
                    "multiple",
                    [
                        (
                            "Ruaj prova (pamje ekrani)",
                            True,
                            "Provat ndihmojnë shkollën dhe platformat të veprojnë.",
                        ),
                        (
                            "Bllokoj dhe raportoj llogarinë",
                            True,
                            "Blloko dhe raporto: dy mjete që ka çdo platformë.",
                        ),
                        (
                            "Shpërndaj mesazhet te të gjithë",
                            False,
                            "Shpërndarja e dëmton më shumë personin që ngacmohet.",
                        ),
                    ],
                ),
            ],
        ),
        "en": (
            "Check what you learnt",
            [
                (
                    "A friend receives hurtful messages every day. What do you do first?",
                    "single",
                    [
                        (
                            "Answer the bully in the same tone",
                            False,
                            "That usually makes things worse.",
                        ),
                        (
                            "Listen to my friend and help them tell an adult",
                            True,
                            "Yes: support and a trusted adult come first.",
                        ),
                        (
                            "Nothing, it will pass",
                            False,
                            "Bullying rarely stops by itself; your friend needs you.",
                        ),
                    ],
                ),
                (
                    "Which are good steps against online bullying?",
                    "multiple",
                    [
                        (
                            "Keep evidence (screenshots)",
                            True,
                            "Evidence helps the school and platforms act.",
                        ),
                        (
                            "Block and report the account",
                            True,
                            "Block and report: two tools every platform has.",
                        ),
                        (
                            "Forward the messages to everyone",
                            False,
                            "Sharing hurts the person being bullied even more.",
                        ),
                    ],
                ),
            ],
        ),
    },
    "ku-dhe-si-te-raportosh": {
        "sq": (
            "Ku raportojmë?",
            [
                (
                    "Cili është numri falas i linjës së ndihmës për fëmijët?",
                    "single",
                    [
                        ("116 111", True, "Po: ALO 116 111 përgjigjet falas."),
                        (
                            "112",
                            False,
                            "112 është për urgjencat; për këshillë dhe ndihmë thirrni 116 111.",
                        ),
                        ("Nuk ka numër", False, "Ka: 116 111, falas."),
                    ],
                ),
                (
                    "Ku mund të raportohet përmbajtja e paligjshme online?",
                    "multiple",
                    [
                        (
                            "Te linja e raportimit (hotline)",
                            True,
                            "Po: hotline e merr dhe e kalon te autoritetet.",
                        ),
                        (
                            "Te platforma ku u publikua",
                            True,
                            "Po: çdo platformë ka butonin Raporto.",
                        ),
                        (
                            "Në komentet poshtë postimit",
                            False,
                            "Komentet e shpërndajnë më tej përmbajtjen.",
                        ),
                    ],
                ),
            ],
        ),
        "en": (
            "Where do we report?",
            [
                (
                    "What is the free child helpline number?",
                    "single",
                    [
                        ("116 111", True, "Yes: ALO 116 111 answers for free."),
                        ("112", False, "112 is for emergencies; for advice and help call 116 111."),
                        ("There is none", False, "There is: 116 111, free of charge."),
                    ],
                ),
                (
                    "Where can illegal content online be reported?",
                    "multiple",
                    [
                        (
                            "To the hotline",
                            True,
                            "Yes: the hotline passes it on to the authorities.",
                        ),
                        (
                            "To the platform where it was posted",
                            True,
                            "Yes: every platform has a Report button.",
                        ),
                        (
                            "In the comments under the post",
                            False,
                            "Comments spread the content further.",
                        ),
                    ],
                ),
            ],
        ),
    },
}

# Courses by default-language slug: audience, members only, texts per language, modules as
# (module title per language, [lesson slugs in the default language]).
COURSES = [
    {
        "slug": "kursi-i-ambasadoreve",
        "audience": CourseAudience.AMBASSADORS,
        "age_band": "lower_secondary",
        "members_only": False,
        "sq": (
            "Kursi i ambasadorëve",
            "Gjithçka që i duhet një ambasadori të internetit të sigurt "
            "para sesionit të parë me shokët e klasës.",
        ),
        "en": (
            "The ambassadors’ course",
            "What a Safe Internet Ambassador needs before the first session with classmates.",
            "ambassadors-course",
        ),
        "modules": [
            (
                {"sq": "Të kujdesemi për njëri-tjetrin", "en": "Looking out for each other"},
                ["kur-fjalet-lendojne", "e-vertete-apo-e-rreme"],
            ),
            (
                {"sq": "Të dhënat dhe raportimi", "en": "Data and reporting"},
                ["te-dhenat-e-mia", "ku-dhe-si-te-raportosh"],
            ),
        ],
    },
    {
        "slug": "kursi-per-mesuesit",
        "audience": CourseAudience.TEACHERS,
        "age_band": "adults",
        "members_only": False,
        "sq": (
            "Kursi për mësuesit e TIK",
            "Si t’i drejtoni mësimet për sigurinë online "
            "dhe si të reagoni kur një nxënës kërkon ndihmë.",
        ),
        "en": (
            "The ICT teachers’ course",
            "How to lead the online safety lessons and respond when a pupil asks for help.",
            "teachers-course",
        ),
        "modules": [
            (
                {"sq": "Në klasë", "en": "In the classroom"},
                ["kur-fjalet-lendojne", "gjuha-e-urrejtjes-online"],
            ),
            (
                {"sq": "Kur diçka shkon keq", "en": "When something goes wrong"},
                ["shantazhi-seksual", "ku-dhe-si-te-raportosh"],
            ),
        ],
    },
    {
        "slug": "kursi-per-psikologet",
        "audience": CourseAudience.PSYCHOLOGISTS,
        "age_band": "adults",
        "members_only": True,
        "sq": (
            "Kursi për psikologët e shkollës",
            "Mbështetja e fëmijëve dhe e familjeve pas një dëmi online.",
        ),
        "en": (
            "The school psychologists’ course",
            "Supporting children and families after harm online.",
            "psychologists-course",
        ),
        "modules": [
            (
                {"sq": "Rreziqet", "en": "The risks"},
                ["shantazhi-seksual", "joshja-online-per-prinderit"],
            ),
            ({"sq": "Ndihma", "en": "Getting help"}, ["ku-dhe-si-te-raportosh"]),
        ],
    },
    {
        "slug": "kursi-per-prinderit",
        "audience": CourseAudience.PARENTS,
        "age_band": "adults",
        "members_only": False,
        "sq": (
            "Kursi për prindërit",
            "Tre mësime të shkurtra për të folur me fëmijët për jetën e tyre online.",
        ),
        "en": (
            "The parents’ course",
            "Three short lessons on talking with your children about their life online.",
            "parents-course",
        ),
        "modules": [
            (
                {"sq": "Në shtëpi", "en": "At home"},
                ["koha-para-ekranit", "te-dhenat-e-mia", "joshja-online-per-prinderit"],
            ),
        ],
    },
]

# Demo progress: username -> (course slug, how many of its lessons completed).
PROGRESS = {
    "ambasadori": ("kursi-i-ambasadoreve", None),
    "mesuesja": ("kursi-per-mesuesit", 2),
    "psikologu": ("kursi-per-psikologet", 1),
}


def _uuid(*parts) -> str:
    return str(uuid.uuid5(QUIZ_NAMESPACE, "/".join(str(part) for part in parts)))


def _quiz_stream(slug: str, language: str) -> list[dict]:
    title, questions = QUIZZES[slug][language]
    return [
        {
            "type": "quiz",
            "id": _uuid(slug, language),
            "value": {
                "title": title,
                "pass_mark": 100,
                "questions": [
                    {
                        "type": "item",
                        "id": _uuid(slug, language, q),
                        "value": {
                            "text": text,
                            "kind": kind,
                            "answers": [
                                {
                                    "type": "item",
                                    "id": _uuid(slug, language, q, a),
                                    "value": {
                                        "text": answer,
                                        "correct": right,
                                        "feedback": feedback,
                                    },
                                }
                                for a, (answer, right, feedback) in enumerate(answers)
                            ],
                        },
                    }
                    for q, (text, kind, answers) in enumerate(questions)
                ],
            },
        }
    ]


def _publish(page):
    page.save_revision().publish()
    return page.__class__.objects.get(pk=page.pk)


def _lessons_by_slug(locales: dict) -> dict:
    """{(default-language slug, language): live lesson}."""
    source = {
        lesson.slug: lesson for lesson in LessonPage.objects.filter(locale=locales[SOURCE_LANGUAGE])
    }
    found = {}
    for slug, lesson in source.items():
        found[(slug, SOURCE_LANGUAGE)] = lesson
        for language, locale in locales.items():
            if language == SOURCE_LANGUAGE:
                continue
            translation = LessonPage.objects.filter(
                translation_key=lesson.translation_key, locale=locale
            ).first()
            if translation is not None:
                found[(slug, language)] = translation
    return found


def _modules(spec: dict, language: str, lessons: dict) -> list[dict]:
    return [
        {
            "type": "module",
            "id": _uuid(spec["slug"], language, "module", n),
            "value": {
                "title": titles[language],
                "description": "",
                "lessons": [
                    {
                        "type": "item",
                        "id": _uuid(spec["slug"], language, n, slug),
                        "value": lessons[(slug, language)].pk,
                    }
                    for slug in slugs
                    if (slug, language) in lessons
                ],
            },
        }
        for n, (titles, slugs) in enumerate(spec["modules"])
    ]


def _ensure_course(spec: dict, indexes: dict, locales: dict, lessons: dict) -> dict:
    """The course in every language that has a lesson index: {language: course}."""
    courses = {}
    index = indexes[SOURCE_LANGUAGE]
    course = CoursePage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if course is None:
        title, summary = spec[SOURCE_LANGUAGE]
        course = CoursePage(
            title=title,
            slug=spec["slug"],
            summary=summary,
            audience=spec["audience"],
            age_band=spec["age_band"],
            members_only=spec["members_only"],
            modules=_modules(spec, SOURCE_LANGUAGE, lessons),
            locale=locales[SOURCE_LANGUAGE],
        )
        Page.objects.get(pk=index.pk).add_child(instance=course)
        course = _publish(course)
    courses[SOURCE_LANGUAGE] = course
    for language, locale in locales.items():
        if language == SOURCE_LANGUAGE or language not in indexes:
            continue
        translation = CoursePage.objects.filter(
            translation_key=course.translation_key, locale=locale
        ).first()
        if translation is None:
            title, summary, slug = spec[language]
            translation = course.copy_for_translation(locale, copy_parents=False)
            translation = CoursePage.objects.get(pk=translation.pk)
            translation.title, translation.summary, translation.slug = title, summary, slug
            translation.modules = _modules(spec, language, lessons)
            translation.save()
            translation = _publish(translation)
        courses[language] = translation
    return courses


def _ensure_quizzes(lessons: dict):
    for (slug, language), lesson in lessons.items():
        if slug in QUIZZES and language in QUIZZES[slug] and not lesson.quiz:
            lesson = LessonPage.objects.get(pk=lesson.pk)
            lesson.quiz = _quiz_stream(slug, language)
            lessons[(slug, language)] = _publish(lesson)


def _right_sheet(quiz) -> dict:
    sheet = {}
    for question in quiz["questions"].bound_blocks:
        sheet[str(question.id)] = {
            str(answer.id)
            for answer in question.value["answers"].bound_blocks
            if answer.value["correct"]
        }
    return sheet


def _ensure_progress(courses: dict):
    users = get_user_model().objects.filter(username__in=PROGRESS)
    for user in users:
        slug, count = PROGRESS[user.username]
        course = courses[slug][SOURCE_LANGUAGE]
        ids = course.lesson_ids()
        lessons = {lesson.pk: lesson for lesson in LessonPage.objects.filter(pk__in=ids)}
        ordered = [lessons[pk] for pk in ids if pk in lessons]
        for position, lesson in enumerate(ordered):
            services.lesson_open(user=user, lesson=lesson)
            if count is not None and position >= count:
                continue
            quiz = lesson.quiz_block
            if quiz is not None:
                progress = services.lesson_open(user=user, lesson=lesson)
                if not progress.passed:
                    services.quiz_attempt_record(
                        user=user, lesson=lesson, result=quiz_score(quiz, _right_sheet(quiz))
                    )
            else:
                services.lesson_complete(user=user, lesson=lesson)


@transaction.atomic
def load_learning_demo() -> dict:
    """Courses for the four audiences in each language, quizzes on two lessons, and progress for
    the demo ambassador (course completed, so one certificate), ICT teacher and psychologist.

    Returns {default-language course slug: {language: course}}. Does nothing for languages or
    lessons that are missing.
    """
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    if SOURCE_LANGUAGE not in locales:
        return {}
    indexes = {
        index.locale.language_code: index
        for index in LessonIndexPage.objects.select_related("locale")
    }
    if SOURCE_LANGUAGE not in indexes:
        return {}
    locales = {code: locale for code, locale in locales.items() if code in indexes}
    lessons = _lessons_by_slug(locales)
    _ensure_quizzes(lessons)
    courses = {spec["slug"]: _ensure_course(spec, indexes, locales, lessons) for spec in COURSES}
    _ensure_progress(courses)
    return courses
