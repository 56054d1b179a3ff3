# ruff: noqa: E501
# Prose reads better unwrapped; most of this module is text data.
"""The demo resource library: files generated locally (PDF with fpdf2, one plain-text letter),
their library entries, and the library page under the home page of every language.

`load_library_demo()` is safe to run again: files are found by title, entries by file, the page
by slug (source language) and translation key (others); nothing is duplicated.
"""

import io
import logging
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from fpdf import FPDF
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Site
from wagtail.utils.file import hash_filelike

from .resources import LibraryPage, Resource, ResourceKind

FONTS_DIR = Path(__file__).resolve().parent / "fonts"
# Fixed, so a regenerated file has the same bytes as the first one.
PDF_DATE = datetime(2025, 3, 3, 9, 0, 0)
# Each paragraph starts on a new line at the left margin.
NEXT_LINE = {"new_x": "LMARGIN", "new_y": "NEXT"}
DEMO_NOTE = {"sq": "Dokument demonstrues", "en": "Demo document"}

LIBRARY_PAGE = {
    "key": "library",
    "type": "lessons.LibraryPage",
    "parent": "home",
    "fields": {"show_in_menus": True},
    "sq": {
        "title": "Biblioteka",
        "slug": "biblioteka",
        "intro": "Posterë, udhëzues, plane mësimi dhe letra për prindërit, gati për t'u shkarkuar dhe përdorur në klasë ose në shtëpi. Disa materiale janë vetëm për anëtarët e rrjetit të shkollave.",
    },
    "en": {
        "title": "Library",
        "slug": "library",
        "intro": "Posters, guides, lesson plans and letters to parents, ready to download and use in class or at home. Some material is for members of the school network only.",
    },
}


@dataclass(frozen=True)
class DemoResource:
    key: str
    language: str
    kind: str
    age_band: str
    audiences: tuple[str, ...]
    tags: tuple[str, ...]
    title: str
    description: str
    sections: tuple[tuple[str, str], ...]
    members_only: bool = False
    extension: str = "pdf"


RESOURCES = (
    DemoResource(
        key="poster-ask-for-help",
        language="sq",
        kind=ResourceKind.POSTER,
        age_band="primary",
        audiences=("children",),
        tags=("raportimi", "ALO 116 111"),
        title="Poster: Kur diçka online të shqetëson, fol!",
        description="Poster A4 për klasat e shkollës fillore: tre hapa të thjeshtë dhe numri ALO 116 111.",
        sections=(
            ("1. Ndalo", "Mos u përgjigj dhe mos e shpërnda mesazhin."),
            ("2. Ruaj", "Bëj një foto të ekranit që të kesh provën."),
            ("3. Fol", "Tregoji një të rrituri që i beson, ose telefono falas ALO 116 111."),
        ),
    ),
    DemoResource(
        key="poster-ask-for-help-en",
        language="en",
        kind=ResourceKind.POSTER,
        age_band="primary",
        audiences=("children",),
        tags=("reporting", "ALO 116 111"),
        title="Poster: When something online worries you, speak up!",
        description="An A4 poster for primary classrooms: three simple steps and the ALO 116 111 number.",
        sections=(
            ("1. Stop", "Do not reply and do not share the message."),
            ("2. Save", "Take a screenshot so that you have proof."),
            ("3. Tell", "Tell an adult you trust, or call ALO 116 111 for free."),
        ),
    ),
    DemoResource(
        key="guide-cyberbullying-teachers",
        language="sq",
        kind=ResourceKind.GUIDE,
        age_band="lower_secondary",
        audiences=("teachers",),
        tags=("ngacmimi online",),
        title="Udhëzues për mësuesit: ngacmimi online në klasë",
        description="Si ta njihni ngacmimin online, si të flisni me nxënësit dhe kur ta referoni rastin te psikologu.",
        sections=(
            (
                "Shenjat",
                "Nxënësi shmang telefonin, ndryshon shoqërinë ose mungon më shpesh pa arsye të qartë.",
            ),
            (
                "Biseda",
                "Flisni në vetmi, me qetësi, dhe falënderojeni nxënësin që foli. Mos premtoni fshehtësi që nuk mund ta mbani.",
            ),
            (
                "Referimi",
                "Njoftoni psikologun e shkollës sipas procedurës dhe mbani shënim vetëm faktet e nevojshme.",
            ),
        ),
    ),
    DemoResource(
        key="guide-cyberbullying-teachers-en",
        language="en",
        kind=ResourceKind.GUIDE,
        age_band="lower_secondary",
        audiences=("teachers",),
        tags=("cyberbullying",),
        title="Teachers' guide: cyberbullying in the classroom",
        description="How to recognise cyberbullying, how to talk with students and when to refer a case to the psychologist.",
        sections=(
            (
                "Signs",
                "The student avoids their phone, changes friends or is absent more often for no clear reason.",
            ),
            (
                "The conversation",
                "Talk in private, calmly, and thank the student for speaking up. Do not promise secrecy you cannot keep.",
            ),
            (
                "Referral",
                "Inform the school psychologist following the procedure and note only the facts needed.",
            ),
        ),
    ),
    DemoResource(
        key="letter-parents-screen-time",
        language="sq",
        kind=ResourceKind.PARENTS_LETTER,
        age_band="primary",
        audiences=("parents",),
        tags=("koha para ekranit",),
        title="Letër për prindërit: rregullat e ekranit në familje",
        description="Letër e gatshme që shkolla ua dërgon prindërve para mbledhjes: si të vendosni bashkë rregullat e ekranit.",
        sections=(
            (
                "Të nderuar prindër",
                "Këtë muaj nxënësit po flasin në klasë për kohën para ekranit dhe gjumin.",
            ),
            (
                "Çfarë mund të bëni",
                "Uluni bashkë me fëmijën dhe shkruani tre rregulla për shtëpinë: kur, ku dhe sa.",
            ),
            ("Ndihmë", "Për çdo shqetësim mund të telefononi falas ALO 116 111."),
        ),
        extension="txt",
    ),
    DemoResource(
        key="letter-parents-screen-time-en",
        language="en",
        kind=ResourceKind.PARENTS_LETTER,
        age_band="primary",
        audiences=("parents",),
        tags=("screen time",),
        title="Letter to parents: screen rules at home",
        description="A ready letter the school sends to parents before the meeting: how to agree screen rules together.",
        sections=(
            (
                "Dear parents",
                "This month students are talking in class about screen time and sleep.",
            ),
            (
                "What you can do",
                "Sit down with your child and write three house rules: when, where and how long.",
            ),
            ("Help", "For any worry you can call ALO 116 111 for free."),
        ),
    ),
    DemoResource(
        key="plan-privacy",
        language="sq",
        kind=ResourceKind.LESSON_PLAN,
        age_band="lower_secondary",
        audiences=("teachers", "ambassadors"),
        tags=("privatësia",),
        title="Plan mësimi: gjurmët tona digjitale",
        description="Orë mësimi 45 minuta për klasat 6–9, me ushtrim në grupe dhe fletë pune.",
        sections=(
            (
                "Objektivi",
                "Nxënësit kuptojnë që çdo postim lë gjurmë dhe mësojnë të rregullojnë privatësinë e llogarisë.",
            ),
            (
                "Ushtrimi",
                "Në grupe, nxënësit shqyrtojnë një profil të trilluar dhe gjejnë çfarë zbulon ai.",
            ),
            ("Mbyllja", "Secili shkruan një hap që do të ndërmarrë sot për llogarinë e vet."),
        ),
    ),
    DemoResource(
        key="plan-media-literacy-en",
        language="en",
        kind=ResourceKind.LESSON_PLAN,
        age_band="upper_secondary",
        audiences=("teachers",),
        tags=("media literacy",),
        title="Lesson plan: spotting clickbait and false news",
        description="A 45-minute lesson for upper secondary students with three real-looking headlines to check.",
        sections=(
            (
                "Objective",
                "Students check who published a story, when, and whether other sources confirm it.",
            ),
            (
                "Activity",
                "In pairs, students rate three headlines and explain what made them doubt each one.",
            ),
            ("Close", "The class agrees a short checklist to use before sharing anything."),
        ),
    ),
    DemoResource(
        key="guide-grooming-parents",
        language="sq",
        kind=ResourceKind.GUIDE,
        age_band="all",
        audiences=("parents", "teachers"),
        tags=("joshja online", "abuzimi seksual online"),
        title="Joshja online: çfarë duhet të dinë prindërit",
        description="Shenjat e paralajmërimit, si të flisni me fëmijën pa e fajësuar dhe ku të raportoni.",
        sections=(
            (
                "Shenjat",
                "Një i rritur i panjohur i jep fëmijës dhurata, lavdërime të tepërta ose i kërkon fshehtësi.",
            ),
            ("Biseda", "Dëgjoni pa gjykuar. Fëmija nuk ka faj për atë që i ka ndodhur."),
            ("Raportimi", "Raportoni në iSIGURT.al dhe kërkoni këshillë në ALO 116 111."),
        ),
    ),
    DemoResource(
        key="ambassador-session-kit",
        language="sq",
        kind=ResourceKind.GUIDE,
        age_band="lower_secondary",
        audiences=("ambassadors",),
        tags=("ambasadorët", "ngacmimi online"),
        title="Paketa e ambasadorit: si të drejtoni një sesion",
        description="Për ambasadorët e rrjetit: përgatitja, rendi i sesionit dhe si ta regjistroni aktivitetin.",
        sections=(
            (
                "Para sesionit",
                "Bini dakord me mësuesin e TIK dhe psikologun për datën, klasën dhe kujt do t'i drejtohen nxënësit.",
            ),
            (
                "Gjatë sesionit",
                "Filloni me një pyetje, ndani klasën në grupe dhe mbyllni me numrin ALO 116 111.",
            ),
            (
                "Pas sesionit",
                "Regjistroni aktivitetin në hapësirën e shkollës: vetëm numra, asnjë emër.",
            ),
        ),
        members_only=True,
    ),
    DemoResource(
        key="ambassador-session-kit-en",
        language="en",
        kind=ResourceKind.GUIDE,
        age_band="lower_secondary",
        audiences=("ambassadors",),
        tags=("ambassadors", "cyberbullying"),
        title="Ambassador's kit: how to run a session",
        description="For the network's ambassadors: preparation, the running order of a session and how to log the activity.",
        sections=(
            (
                "Before the session",
                "Agree the date, the class and who students can turn to with the ICT teacher and the psychologist.",
            ),
            (
                "During the session",
                "Start with a question, split the class into groups and close with the ALO 116 111 number.",
            ),
            (
                "After the session",
                "Log the activity in the school space: numbers only, never names.",
            ),
        ),
        members_only=True,
    ),
    DemoResource(
        key="psychologist-referral-protocol",
        language="sq",
        kind=ResourceKind.OTHER,
        age_band="adults",
        audiences=("teachers",),
        tags=("raportimi", "abuzimi seksual online"),
        title="Protokolli i referimit për psikologët e shkollave",
        description="Hapat e referimit të rasteve të abuzimit online te shërbimet e mbrojtjes së fëmijëve.",
        sections=(
            (
                "Vlerësimi",
                "Siguroni që fëmija është i sigurt tani. Mos e pyesni të tregojë detajet më shumë se një herë.",
            ),
            ("Njoftimi", "Njoftoni drejtorin dhe punonjësin e mbrojtjes së fëmijëve brenda ditës."),
            (
                "Dokumentimi",
                "Shënoni vetëm faktet, datën dhe kujt iu referua rasti. Ruajini shënimet të mbyllura.",
            ),
        ),
        members_only=True,
    ),
    DemoResource(
        key="hate-speech-poster-en",
        language="en",
        kind=ResourceKind.POSTER,
        age_band="upper_secondary",
        audiences=("children", "ambassadors"),
        tags=("hate speech",),
        title="Poster: Words can wound. Report hate online",
        description="A poster for secondary schools on hate speech, with where to report it.",
        sections=(
            ("Think", "Would you say it to their face? Would you want it said about you?"),
            ("Do not share", "Sharing hate spreads it, even when you disagree with it."),
            ("Report", "Report hateful content on the platform and at iSIGURT.al."),
        ),
    ),
)


def _pdf_font(pdf: FPDF) -> str:
    """DejaVu Sans (every Albanian letter) when the fonts are here; else core Helvetica
    (Latin-1, which also has ë and ç)."""
    regular, bold = FONTS_DIR / "DejaVuSans.ttf", FONTS_DIR / "DejaVuSans-Bold.ttf"
    if regular.exists() and bold.exists():
        pdf.add_font("DejaVu", "", str(regular))
        pdf.add_font("DejaVu", "B", str(bold))
        return "DejaVu"
    return "Helvetica"


@contextmanager
def _quiet_font_subsetting():
    # fontTools logs every glyph of every subset at INFO, which drowns the demo loader's output.
    logger = logging.getLogger("fontTools")
    previous = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(previous)


def resource_pdf(resource: DemoResource) -> bytes:
    """An A4 PDF: a title band, the demo note, then one headed paragraph per section."""
    with _quiet_font_subsetting():
        return _resource_pdf(resource)


def _resource_pdf(resource: DemoResource) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(PDF_DATE)
    pdf.set_title(resource.title)
    pdf.set_author("iSIGURT.al")
    pdf.set_lang(resource.language)
    pdf.set_margins(20, 20, 20)
    family = _pdf_font(pdf)
    pdf.add_page()
    pdf.set_fill_color(11, 46, 79)
    pdf.set_text_color(255, 255, 255)
    pdf.set_font(family, "B", 20)
    pdf.multi_cell(0, 11, resource.title, fill=True, padding=6, **NEXT_LINE)
    pdf.set_text_color(27, 31, 36)
    pdf.set_font(family, "", 10)
    pdf.ln(3)
    pdf.multi_cell(0, 6, f"{DEMO_NOTE[resource.language]} · iSIGURT.al · ALO 116 111", **NEXT_LINE)
    pdf.ln(4)
    pdf.set_font(family, "", 12)
    pdf.multi_cell(0, 7, resource.description, **NEXT_LINE)
    for heading, text in resource.sections:
        pdf.ln(5)
        pdf.set_font(family, "B", 14)
        pdf.multi_cell(0, 8, heading, **NEXT_LINE)
        pdf.set_font(family, "", 12)
        pdf.multi_cell(0, 7, text, **NEXT_LINE)
    return bytes(pdf.output())


def resource_text(resource: DemoResource) -> bytes:
    """A plain-text version schools can edit before sending (UTF-8)."""
    lines = [resource.title, "", f"({DEMO_NOTE[resource.language]})", ""]
    for heading, text in resource.sections:
        lines += [heading, text, ""]
    return "\n".join(lines).encode()


def render_file(resource: DemoResource) -> bytes:
    return resource_text(resource) if resource.extension == "txt" else resource_pdf(resource)


def _ensure_document(resource: DemoResource):
    """The library file, found by title; (re)generated when missing from storage."""
    document_model = get_document_model()
    document = document_model.objects.filter(title=resource.title).order_by("pk").first()
    if document is not None and document.file and document.file.storage.exists(document.file.name):
        return document
    data = render_file(resource)
    if document is None:
        document = document_model(title=resource.title, collection=Collection.get_first_root_node())
    document.file = ContentFile(data, name=f"library-{resource.key}.{resource.extension}")
    document.file_size = len(data)
    document.file_hash = hash_filelike(io.BytesIO(data))
    document.save()
    return document


def _ensure_resource(spec: DemoResource) -> Resource:
    document = _ensure_document(spec)
    values = {
        "title": spec.title,
        "description": spec.description,
        "kind": str(spec.kind),
        "age_band": spec.age_band,
        "language": spec.language,
        "members_only": spec.members_only,
        **{
            f"for_{name}": name in spec.audiences
            for name in ("children", "parents", "teachers", "ambassadors")
        },
    }
    resource = Resource.objects.filter(document=document).first()
    if resource is None:
        resource = Resource.objects.create(document=document, **values)
    elif any(getattr(resource, name) != value for name, value in values.items()):
        for name, value in values.items():
            setattr(resource, name, value)
        resource.save()
    if sorted(resource.tags.names()) != sorted(spec.tags):
        resource.tags.set(list(spec.tags))
    return resource


def _ensure_library_pages() -> dict[str, LibraryPage]:
    """The library page under the default site's home page and each of its translations, built
    the way the demo builds every page (home.demo.builder)."""
    from home.demo.builder import _DemoBuilder, content_languages

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return {}
    source_home = site.root_page.specific
    homes = {}
    for language in content_languages():
        locale = Locale.objects.filter(language_code=language).first()
        home = source_home if language == settings.LANGUAGE_CODE else None
        if home is None and locale is not None:
            home = source_home.get_translation_or_none(locale)
        if home is not None and language in LIBRARY_PAGE:
            homes[language] = home
    if settings.LANGUAGE_CODE not in homes:
        return {}
    builder = _DemoBuilder(list(homes))
    builder.specs[LIBRARY_PAGE["key"]] = LIBRARY_PAGE
    builder.pages["home"] = homes
    builder.ensure_page(LIBRARY_PAGE)
    return {language: page.specific for language, page in builder.pages["library"].items()}


@dataclass
class LibraryDemoSummary:
    resources: list[Resource]
    pages: dict[str, LibraryPage]


def load_library_demo() -> LibraryDemoSummary:
    """Create or update the demo library (files, entries, pages); safe to run again."""
    with transaction.atomic():
        resources = [_ensure_resource(spec) for spec in RESOURCES]
        pages = _ensure_library_pages()
    return LibraryDemoSummary(resources=resources, pages=pages)
