"""The resource library: documents with facets, the library page, members-only files (issue 5).

A `Resource` is one file in one language, so it is not a translatable object: it carries its
`language` as a facet, and the library page of every language lists all of them (the page's own
language first). Members-only resources are listed and served only to network members.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.models import Page
from wagtail.search import index

from home.models import AgeBand, AudienceFields

RESOURCES_PER_PAGE = 12


def language_choices() -> list[tuple[str, str]]:
    """The site's languages (settings.LANGUAGES), read when asked, so migrations never pin them."""
    return list(settings.LANGUAGES)


def default_language() -> str:
    return settings.LANGUAGE_CODE


class ResourceKind(models.TextChoices):
    POSTER = "poster", _("Poster")
    GUIDE = "guide", _("Guide")
    LESSON_PLAN = "lesson_plan", _("Lesson plan")
    PARENTS_LETTER = "parents_letter", _("Letter to parents")
    OTHER = "other", _("Other")


class ResourceTag(TaggedItemBase):
    content_object = models.ForeignKey(
        "lessons.Resource", on_delete=models.CASCADE, related_name="tagged_items"
    )


class Resource(AudienceFields, models.Model):
    """One document of the library, described by the facets people filter on."""

    title = models.CharField(_("title"), max_length=160)
    description = models.TextField(
        _("short description"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences: what it is and how to use it."),
    )
    # One library entry per file: which file is members-only is then never ambiguous.
    document = models.OneToOneField(
        get_document_model_string(),
        verbose_name=_("file"),
        on_delete=models.CASCADE,
        related_name="library_resource",
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=ResourceKind.choices, default=ResourceKind.GUIDE
    )
    tags = TaggableManager(through=ResourceTag, blank=True, verbose_name=_("topics"))
    age_band = models.CharField(
        _("age band"), max_length=20, choices=AgeBand.choices, default=AgeBand.ALL
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=language_choices,
        default=default_language,
        help_text=_("The language the file is written in."),
    )
    members_only = models.BooleanField(
        _("network members only"),
        default=False,
        help_text=_(
            "Listed and downloadable only for signed-in members of the network "
            "(ambassadors, school staff, coordinators and editors)."
        ),
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("document"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("language"), FieldPanel("age_band")]),
        FieldPanel("tags"),
        AudienceFields.audience_panel,
        MultiFieldPanel([FieldPanel("members_only")], heading=_("Who can download it")),
    ]

    class Meta:
        verbose_name = _("library resource")
        verbose_name_plural = _("library resources")
        ordering = ["title", "pk"]

    def __str__(self):
        return self.title

    @property
    def file_extension(self) -> str:
        """The file's type as people name it: "PDF", "DOCX"; empty when the name has none."""
        return self.document.file_extension.upper()


# --- Who is a member of the network ------------------------------------------------------------


def request_is_member(request) -> bool:
    """Whether the request's user is a network member (the same rule as members-only courses:
    lessons.selectors.is_network_member), worked out once per request."""
    if not hasattr(request, "_sigurt_network_member"):
        # Imported here: selectors imports the models module that imports this one.
        from .selectors import is_network_member

        request._sigurt_network_member = is_network_member(request.user)
    return request._sigurt_network_member


def document_is_members_only(document) -> bool:
    return Resource.objects.filter(document_id=document.pk, members_only=True).exists()


# --- Reads behind the library page -------------------------------------------------------------


def resources_visible_to(*, member: bool) -> QuerySet:
    resources = Resource.objects.all()
    return resources if member else resources.filter(members_only=False)


def library_topics(*, member: bool) -> list[tuple[str, str]]:
    """(slug, name) of every topic used by a resource the person may see, by name."""
    tag_ids = ResourceTag.objects.filter(
        content_object__in=resources_visible_to(member=member).values("pk")
    ).values("tag_id")
    return list(Tag.objects.filter(pk__in=tag_ids).order_by("name").values_list("slug", "name"))


@dataclass(frozen=True)
class LibraryFilters:
    q: str = ""
    topic: str = ""
    kind: str = ""
    audience: str = ""
    age_band: str = ""
    language: str = ""


def resources_for_library(
    *, member: bool, filters: LibraryFilters, language: str, page_number=None
) -> PaginatorPage:
    """One page of the resources the person may see, narrowed by the filters.

    Resources in `language` (the page's) come first, then by title. A resource for all ages
    matches every age band. The search looks for the words in the title and the description.
    Three queries whatever the number of resources: count, rows with their files, topics.
    """
    resources = (
        resources_visible_to(member=member)
        .select_related("document")
        .prefetch_related("tagged_items__tag")
        .annotate(
            in_page_language=Case(
                When(language=language, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("in_page_language", "title", "pk")
    )
    if filters.topic:
        resources = resources.filter(tagged_items__tag__slug=filters.topic)
    if filters.kind:
        resources = resources.filter(kind=filters.kind)
    if filters.audience:
        resources = resources.filter(**AudienceFields.audience_filter(filters.audience))
    if filters.age_band:
        resources = resources.filter(age_band__in=[filters.age_band, AgeBand.ALL])
    if filters.language:
        resources = resources.filter(language=filters.language)
    for word in filters.q.split():
        resources = resources.filter(Q(title__icontains=word) | Q(description__icontains=word))
    return Paginator(resources, RESOURCES_PER_PAGE).get_page(page_number)


def page_number_is_valid(value, *, num_pages: int) -> bool:
    """Whether a ?page= value names an existing page (absent counts as valid)."""
    if value in (None, ""):
        return True
    try:
        number = int(value)
    except (TypeError, ValueError):
        return False
    return 1 <= number <= max(num_pages, 1)


# --- The page ----------------------------------------------------------------------------------


class LibraryPage(Page):
    """The public library: every resource, filterable by facet and searchable."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("resource library")

    def get_context(self, request, *args, **kwargs):
        from django.contrib import messages

        from .resource_forms import ResourceFilterForm

        context = super().get_context(request, *args, **kwargs)
        member = request_is_member(request)
        form = ResourceFilterForm(request.GET or None, topics=library_topics(member=member))
        filters = LibraryFilters(**form.cleaned_filters()) if form.is_bound else LibraryFilters()
        if form.is_bound and form.ignored_fields():
            messages.warning(
                request,
                gettext("Some filters were not recognised and were left out: %(fields)s.")
                % {"fields": ", ".join(str(label) for label in form.ignored_fields())},
            )
        page_param = request.GET.get("page")
        page_obj = resources_for_library(
            member=member,
            filters=filters,
            language=self.locale.language_code,
            page_number=page_param,
        )
        if not page_number_is_valid(page_param, num_pages=page_obj.paginator.num_pages):
            messages.warning(
                request,
                gettext("There is no such page of results: here is page %(number)s.")
                % {"number": page_obj.number},
            )
        context.update(
            filter_form=form,
            page_obj=page_obj,
            filter_query=form.query_string() if form.is_bound else "",
            is_member=member,
        )
        return context
