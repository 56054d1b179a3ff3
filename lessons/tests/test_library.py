"""The resource library (issue 5, item 5): page rules, filters and search, file type and size,
members-only visibility for every role on the listing and on the download, bad input, query
counts, the admin screens and the demo loader."""

import importlib
from dataclasses import dataclass
from types import SimpleNamespace
from urllib.parse import parse_qs, urlencode, urlsplit

import factory
import pytest
from django.contrib.auth.models import Group
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext
from factory.django import DjangoModelFactory
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

# The download check and the admin screens (lessons/wagtail_hooks.py imports the same module).
import lessons.resource_admin  # noqa: F401
from ambassadors.tests import conftest as network_fixtures
from ambassadors.tests.conftest import ROLES, albanian
from home.factories import DocumentFactory, HomePageFactory, translate_page
from home.models import HomePage, StandardPage
from lessons.resource_demo import RESOURCES, load_library_demo
from lessons.resource_hooks import members_only_documents
from lessons.resources import RESOURCES_PER_PAGE, LibraryPage, Resource, ResourceKind
from lessons.selectors import is_network_member

# --- Fixtures and factories --------------------------------------------------------------------

# The network's people (ambassadors/tests/conftest.py), shared rather than rebuilt.
network = network_fixtures.network
as_role = network_fixtures.as_role


class ResourceFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Burim {n}")
    description = "Material i gatshëm."
    document = factory.SubFactory(DocumentFactory)
    kind = ResourceKind.GUIDE
    language = "sq"

    class Meta:
        model = Resource
        skip_postgeneration_save = True

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(extracted)


def make_document(name: str, data: bytes):
    return DocumentFactory(file=factory.django.FileField(filename=name, data=data))


@pytest.fixture(autouse=True)
def _serve_documents_through_django(settings, tmp_path):
    # Files always stream through Wagtail's view after the checks, never a redirect to a storage
    # URL. On disk, because Wagtail serves from InMemoryStorage's path(), where nothing is.
    settings.WAGTAILDOCS_SERVE_METHOD = "serve_view"
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }


@pytest.fixture
def library(site_tree):
    sq = LibraryPage(title="Biblioteka", slug="biblioteka", intro="Materiale për shkollat.")
    site_tree.sq.home.add_child(instance=sq)
    sq.save_revision().publish()
    sq = LibraryPage.objects.get(pk=sq.pk)
    en = translate_page(sq, "en", title="Library", slug="library", intro="Material for schools.")
    return SimpleNamespace(sq=sq, en=en, tree=site_tree)


def titles(parse_html, response) -> list[str]:
    """Titles of the resources listed, in order: the links that lead to a document."""
    assert response.status_code == 200
    return [link.text for link in parse_html(response).links if link.href.startswith("/documents/")]


# --- Page type ---------------------------------------------------------------------------------


class TestLibraryPageTypeRules(WagtailPageTestCase):
    def test_library_sits_under_home_only_and_has_no_children(self):
        self.assertAllowedParentPageTypes(LibraryPage, {HomePage})
        self.assertAllowedSubpageTypes(LibraryPage, set())
        self.assertCanCreateAt(HomePage, LibraryPage)
        self.assertCanNotCreateAt(StandardPage, LibraryPage)


@pytest.mark.django_db
def test_only_one_library_per_home(library):
    assert not LibraryPage.can_create_at(library.tree.sq.home)
    other_home = HomePageFactory(parent=library.tree.root, slug="tjeter")
    assert LibraryPage.can_create_at(other_home)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["sq", "en"])
def test_library_renders_in_both_languages(client, library, parse_html, language):
    page = getattr(library, language)
    ResourceFactory(title="Poster për klasën", language="sq")
    ResourceFactory(title="Classroom poster", language="en")

    response = client.get(page.url)

    parsed = parse_html(response)
    assert response.status_code == 200
    assert parsed.lang == language
    assert page.title in parsed.text
    assert page.url.startswith("/en/") == (language == "en")
    # Everything is listed, the page's own language first.
    first = {"sq": "Poster për klasën", "en": "Classroom poster"}[language]
    assert titles(parse_html, response)[0] == first
    with translation.override(language):
        assert gettext("Find a resource") in parsed.text


@pytest.mark.django_db
def test_a_resource_in_another_language_is_marked_with_its_language(client, library):
    ResourceFactory(title="Classroom poster", language="en")

    html = client.get(library.sq.url).content.decode()

    assert 'lang="en"' in html


# --- Filters and search ------------------------------------------------------------------------


@pytest.fixture
def catalogue(library):
    """Five resources with distinct facets, named by what makes each one different."""
    return SimpleNamespace(
        library=library,
        poster=ResourceFactory(
            title="Poster për fëmijët",
            kind=ResourceKind.POSTER,
            for_children=True,
            age_band="primary",
            tags=["raportimi"],
        ),
        letter=ResourceFactory(
            # Not the kind's Albanian label ("Letër për prindërit"), which the filters show.
            title="Letër për prindërit e klasës së pestë",
            description="Rregullat e ekranit në familje.",
            kind=ResourceKind.PARENTS_LETTER,
            for_parents=True,
            age_band="lower_secondary",
            tags=["koha para ekranit"],
        ),
        plan=ResourceFactory(
            title="Lesson plan on privacy",
            description="Digital footprint exercise.",
            kind=ResourceKind.LESSON_PLAN,
            for_teachers=True,
            age_band="upper_secondary",
            language="en",
            tags=["privacy"],
        ),
        guide=ResourceFactory(
            title="Udhëzues për të gjitha moshat",
            kind=ResourceKind.GUIDE,
            for_teachers=True,
            for_parents=True,
            age_band="all",
        ),
        other=ResourceFactory(
            title="Protokolli i referimit",
            kind=ResourceKind.OTHER,
            age_band="adults",
            tags=["raportimi"],
        ),
    )


FILTER_CASES = [
    ({"topic": "raportimi"}, {"poster", "other"}),
    ({"topic": "privacy"}, {"plan"}),
    ({"kind": "poster"}, {"poster"}),
    ({"kind": "parents_letter"}, {"letter"}),
    ({"kind": "other"}, {"other"}),
    ({"audience": "parents"}, {"letter", "guide"}),
    ({"audience": "teachers"}, {"plan", "guide"}),
    ({"audience": "ambassadors"}, set()),
    # A resource for all ages matches every age band.
    ({"age_band": "primary"}, {"poster", "guide"}),
    ({"age_band": "adults"}, {"other", "guide"}),
    ({"language": "en"}, {"plan"}),
    ({"language": "sq"}, {"poster", "letter", "guide", "other"}),
    ({"q": "footprint"}, {"plan"}),  # in the description
    ({"q": "PRIVACY"}, {"plan"}),  # in the title, any case
    ({"q": "për"}, {"poster", "letter", "guide"}),
    ({"q": "letër prindërit"}, {"letter"}),  # every word must match
    ({"q": "letër privacy"}, set()),
    ({"kind": "guide", "audience": "parents", "age_band": "primary"}, {"guide"}),
    ({}, {"poster", "letter", "plan", "guide", "other"}),
]


@pytest.mark.django_db
# Sets print in an order that changes from process to process: ids list them sorted, so every
# test worker collects the same names.
@pytest.mark.parametrize(
    ("params", "expected"),
    FILTER_CASES,
    ids=lambda v: str(sorted(v)) if isinstance(v, set) else str(v),
)
def test_filters_and_search(client, catalogue, parse_html, params, expected):
    response = client.get(f"{catalogue.library.en.url}?{urlencode(params)}")

    names = {key for key in vars(catalogue) if key != "library"}
    wanted = {getattr(catalogue, key).title for key in expected}
    unwanted = {getattr(catalogue, key).title for key in names - expected}
    listed = set(titles(parse_html, response))
    assert wanted <= listed
    assert not (unwanted & listed)


@pytest.mark.django_db
def test_the_topic_list_offers_the_topics_in_use(client, catalogue):
    html = client.get(catalogue.library.en.url).content.decode()

    assert '<option value="raportimi">raportimi</option>' in html
    assert '<option value="koha-para-ekranit">koha para ekranit</option>' in html


@pytest.mark.django_db
def test_filters_are_kept_on_the_pagination_links(client, library, parse_html):
    for n in range(RESOURCES_PER_PAGE + 2):
        ResourceFactory(title=f"Poster {n:02}", kind=ResourceKind.POSTER)
    ResourceFactory(title="Guide", kind=ResourceKind.GUIDE)

    response = client.get(f"{library.en.url}?kind=poster")
    second = client.get(f"{library.en.url}?kind=poster&page=2")

    assert "?kind=poster&page=2" in parse_html(response).hrefs()
    assert len(titles(parse_html, response)) == RESOURCES_PER_PAGE
    assert titles(parse_html, second) == ["Poster 12", "Poster 13"]


BAD_INPUT = [
    {"kind": "brochure"},
    {"audience": "aliens"},
    {"age_band": "99"},
    {"language": "xx"},
    {"topic": "no-such-topic"},
    {"q": "x" * 500},
    {"page": "abc"},
    {"page": "999"},
    {"page": "-1"},
    {"kind": "poster", "page": "abc"},
]


@pytest.mark.django_db
@pytest.mark.parametrize("params", BAD_INPUT, ids=lambda v: urlencode(v)[:30])
def test_bad_input_gives_the_page_with_a_message(client, catalogue, parse_html, params, english):
    response = client.get(f"{catalogue.library.en.url}?{urlencode(params)}")

    assert response.status_code == 200
    text = parse_html(response).text
    assert "were not recognised" in text or "There is no such page of results" in text
    assert catalogue.library.en.title in text
    # The valid part of the request still applies.
    if params.get("kind") == "poster":
        assert titles(parse_html, response) == [catalogue.poster.title]
    else:
        assert titles(parse_html, response)


@pytest.mark.django_db
def test_good_input_gives_no_message(client, catalogue, parse_html, english):
    response = client.get(f"{catalogue.library.en.url}?kind=poster&page=1")

    text = parse_html(response).text
    assert "were not recognised" not in text
    assert "There is no such page" not in text


# --- File type, size and link ------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["sq", "en"])
def test_file_type_and_size_are_shown_in_the_readers_format(client, library, parse_html, language):
    pdf = ResourceFactory(document=make_document("udhezues.pdf", b"%PDF-1.4 " + b"x" * 2150))
    text = ResourceFactory(document=make_document("leter.txt", b"y" * 19_773))
    for resource in (pdf, text):
        resource.document.file_size = resource.document.file.size
        resource.document.save()

    response = client.get(getattr(library, language).url)

    page_text = parse_html(response).text
    with translation.override(language):
        # Split and joined as parse_html does: the size is written with a no-break space.
        small, large = (" ".join(filesizeformat(n).split()) for n in (2159, 19_773))
    assert f"PDF · {small}" in page_text
    assert f"TXT · {large}" in page_text
    assert small == {"sq": "2,1 KB", "en": "2.1 KB"}[language]


@pytest.mark.django_db
def test_files_are_linked_through_wagtails_document_view(client, library, parse_html):
    resource = ResourceFactory(document=make_document("poster.pdf", b"%PDF-1.4 poster"))

    response = client.get(library.en.url)

    link = parse_html(response).link_to(f"/documents/{resource.document.pk}/poster.pdf")
    assert link is not None and link.text == resource.title
    assert "/media/" not in response.content.decode()
    download = client.get(link.href)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4 poster"


# --- Members only: one row per view, the expected outcome per role ----------------------------

SHOWN, HIDDEN = "shown", "hidden"
OK, FORBIDDEN = 200, 403


class _Login:
    def __repr__(self):
        return "login"


LOGIN = _Login()
MEMBERS = {"ambassador", "teacher", "psychologist", "other_teacher", "coordinator"}
MEMBERS |= {"other_coordinator", "editor"}


def everyone(outcome):
    return dict.fromkeys(ROLES, outcome)


def members_and_others(members, others):
    return {role: members if role in MEMBERS else others for role in ROLES}


@dataclass(frozen=True)
class Row:
    view: str
    target: str  # "members_only" or "public": which resource the request is about
    expected: dict


MATRIX = [
    Row("listing", "public", everyone(SHOWN)),
    Row("listing", "members_only", {**members_and_others(SHOWN, HIDDEN)}),
    Row("download", "public", everyone(OK)),
    Row(
        "download",
        "members_only",
        {**members_and_others(OK, FORBIDDEN), "anonymous": LOGIN},
    ),
]


def test_every_role_has_an_expectation_in_every_row():
    for row in MATRIX:
        assert set(row.expected) == set(ROLES), row


@pytest.fixture
def shelf(library, network):
    public = ResourceFactory(
        title="Poster publik", document=make_document("publik.pdf", b"%PDF public")
    )
    members_only = ResourceFactory(
        title="Paketa e ambasadorit",
        members_only=True,
        document=make_document("paketa.pdf", b"%PDF members"),
    )
    return SimpleNamespace(
        library=library, network=network, public=public, members_only=members_only
    )


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("row", MATRIX, ids=lambda row: f"{row.view}-{row.target}")
def test_members_only_matrix(client, shelf, as_role, parse_html, row, role):
    as_role(client, role)
    resource = getattr(shelf, row.target)
    expected = row.expected[role]

    if row.view == "listing":
        for page in (shelf.library.sq, shelf.library.en):
            listed = resource.title in titles(parse_html, client.get(page.url))
            assert listed == (expected == SHOWN), f"{role} on {page.url}"
        return

    url = resource.document.url
    response = client.get(url)
    if expected is LOGIN:
        assert response.status_code == 302
        location = urlsplit(response["Location"])
        assert location.path == "/accounts/login/"
        assert parse_qs(location.query) == {"next": [url]}
    else:
        assert response.status_code == expected
    if expected == OK:
        assert b"".join(response.streaming_content) == resource.document.file.open().read()
    else:
        assert b"%PDF" not in (b"" if response.streaming else response.content)


@pytest.mark.django_db
def test_topics_of_members_only_resources_stay_hidden_from_others(client, shelf, as_role):
    shelf.members_only.tags.set(["protokolli i brendshëm"])

    as_role(client, "nobody")
    assert "protokolli i brendshëm" not in client.get(shelf.library.en.url).content.decode()
    as_role(client, "teacher")
    assert "protokolli i brendshëm" in client.get(shelf.library.en.url).content.decode()


@pytest.mark.django_db
def test_anonymous_readers_are_told_members_find_more_after_signing_in(
    client, shelf, parse_html, english
):
    parsed = parse_html(client.get(shelf.library.en.url))

    assert f"/en/accounts/login/?next={shelf.library.en.url}" in parsed.hrefs()


@pytest.mark.django_db
def test_people_whose_role_ended_are_no_longer_members(client, shelf):
    ambassador = shelf.network.ambassador
    ambassador.is_active = False
    ambassador.save()
    coordinator = shelf.network.users["coordinator"]
    coordinator.coordinations.update(is_active=False)

    for user in (ambassador.user, coordinator):
        assert not is_network_member(user)
        client.force_login(user)
        assert client.get(shelf.members_only.document.url).status_code == FORBIDDEN


@pytest.mark.django_db
def test_wagtail_editors_are_members(client, shelf):
    person = shelf.network.users["nobody"]
    person.groups.add(Group.objects.get(name="Editors"))

    assert is_network_member(person)


@pytest.mark.django_db
def test_documents_outside_the_library_are_served_as_before(client, network, as_role):
    document = make_document("raport.pdf", b"%PDF report")

    for role in ("anonymous", "nobody"):
        as_role(client, role)
        response = client.get(document.url)
        assert response.status_code == 200


@pytest.mark.django_db
def test_the_refusal_explains_what_to_do(client, shelf, as_role, parse_html):
    as_role(client, "nobody")

    response = client.get(shelf.members_only.document.url)

    # Document addresses have no language prefix: the page is in the default language.
    assert response.status_code == FORBIDDEN
    assert albanian("This file is for members of the school network") in parse_html(response).text


def test_the_download_check_is_wired_through_the_apps_wagtail_hooks():
    """Wagtail loads lessons/wagtail_hooks.py at start-up; without this import, members-only
    files would be served to everyone."""
    wagtail_hooks = importlib.import_module("lessons.wagtail_hooks")

    assert getattr(wagtail_hooks, "resource_admin", None) is lessons.resource_admin
    assert members_only_documents in hooks.get_hooks("before_serve_document")


# --- Query counts ------------------------------------------------------------------------------


def grow_library(count: int, start: int):
    for n in range(start, start + count):
        ResourceFactory(
            title=f"Burim {n:03}",
            members_only=n % 3 == 0,
            for_parents=True,
            tags=[f"tema {n % 4}", "raportimi"],
        )


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "ambassador", "editor"])
def test_query_count_is_constant_as_the_library_grows_tenfold(
    client, library, network, as_role, page_queries, role
):
    as_role(client, role)
    url = f"{library.en.url}?audience=parents"
    grow_library(3, start=0)
    small = page_queries(url)
    grow_library(27, start=3)
    large = page_queries(url)

    assert Resource.objects.count() == 30
    assert large == small, f"{small} queries with 3 resources, {large} with 30"


# --- Admin -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_editors_find_resources_in_the_admin_with_filters_and_search(client, catalogue):
    from django.contrib.auth.models import Permission

    from accounts.factories import UserFactory

    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert Permission.objects.filter(group__name="Editors", codename="add_resource").exists()

    listing = client.get("/admin/snippets/lessons/resource/")
    filtered = client.get("/admin/snippets/lessons/resource/?kind=poster")
    searched = client.get("/admin/snippets/lessons/resource/?q=privacy")
    add_form = client.get("/admin/snippets/lessons/resource/add/")

    assert listing.status_code == filtered.status_code == searched.status_code == 200
    assert add_form.status_code == 200
    assert catalogue.letter.title in listing.content.decode()
    assert catalogue.poster.title in filtered.content.decode()
    assert catalogue.letter.title not in filtered.content.decode()
    assert catalogue.plan.title in searched.content.decode()
    assert catalogue.letter.title not in searched.content.decode()


# --- Demo --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_demo_library_is_complete_and_loading_it_again_changes_nothing(site_tree, client):
    first = load_library_demo()
    counts = (Resource.objects.count(), get_document_model().objects.count(), Page.objects.count())
    rows = list(Resource.objects.order_by("pk").values())
    second = load_library_demo()

    assert counts == (
        Resource.objects.count(),
        get_document_model().objects.count(),
        Page.objects.count(),
    )
    assert list(Resource.objects.order_by("pk").values()) == rows
    assert len(first.resources) == len(RESOURCES) >= 12
    assert [r.pk for r in second.resources] == [r.pk for r in first.resources]
    assert Resource.objects.filter(members_only=True).count() >= 3
    assert set(Resource.objects.values_list("language", flat=True)) == {"sq", "en"}
    assert Resource.objects.values("kind").distinct().count() >= 4
    assert Resource.objects.values("age_band").distinct().count() >= 3
    for resource in Resource.objects.select_related("document"):
        assert resource.document.file_size == resource.document.file.size > 0
        assert resource.tags.exists()
    pages = first.pages
    assert set(pages) == {"sq", "en"}
    assert pages["sq"].get_parent().pk == site_tree.sq.home.pk
    assert pages["en"].get_parent().pk == site_tree.en.home.pk
    assert pages["en"].translation_key == pages["sq"].translation_key
    assert {page.pk for page in second.pages.values()} == {page.pk for page in pages.values()}
    for page in pages.values():
        assert page.live
        assert client.get(page.url).status_code == 200


@pytest.mark.django_db
def test_demo_pdfs_hold_their_text(site_tree):
    import io

    from pypdf import PdfReader

    load_library_demo()
    spec = next(r for r in RESOURCES if r.extension == "pdf" and r.language == "sq")
    document = Resource.objects.get(title=spec.title).document

    text = " ".join(
        PdfReader(io.BytesIO(document.file.open().read())).pages[0].extract_text().split()
    )
    assert spec.sections[0][1] in text
    assert "ë" in text
