"""Lessons for schools and families, and the index that filters them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES, DocumentLinkBlock
from home.models import AgeBand, AudienceFields, ListingImageFields

from .blocks import LessonStepBlock


class LessonIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["lessons.LessonPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("lesson index")

    def get_context(self, request, *args, **kwargs):
        from .forms import LessonFilterForm
        from .selectors import lesson_topics, lessons_for_index

        context = super().get_context(request, *args, **kwargs)
        form = LessonFilterForm(request.GET or None, topics=lesson_topics(index=self))
        filters = form.cleaned_filters() if form.is_bound else {}
        context["filter_form"] = form
        context["page_obj"] = lessons_for_index(
            index=self, page_number=request.GET.get("page"), **filters
        )
        context["filter_query"] = form.query_string() if form.is_bound else ""
        return context


class LessonPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "lessons.LessonPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class LessonPage(AudienceFields, ListingImageFields, Page):
    summary = models.TextField(_("summary"), max_length=400)
    duration_minutes = models.PositiveSmallIntegerField(_("duration in minutes"))
    age_band = models.CharField(
        _("age band"), max_length=20, choices=AgeBand.choices, default=AgeBand.ALL
    )
    objectives = RichTextField(_("learning objectives"), features=["bold", "italic", "ul"])
    steps = StreamField([("step", LessonStepBlock(label=_("Step")))], verbose_name=_("steps"))
    materials = RichTextField(_("materials"), features=RICH_TEXT_FEATURES, blank=True)
    resources = StreamField(
        [("document", DocumentLinkBlock(label=_("Document")))],
        blank=True,
        verbose_name=_("downloadable resources"),
    )
    tags = ClusterTaggableManager(through=LessonPageTag, blank=True, verbose_name=_("topics"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        ListingImageFields.image_panel,
        FieldPanel("tags"),
        AudienceFields.audience_panel,
        FieldPanel("age_band"),
        FieldPanel("duration_minutes"),
        FieldPanel("objectives"),
        FieldPanel("steps"),
        FieldPanel("materials"),
        FieldPanel("resources"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("objectives"),
        index.SearchField("steps"),
        index.SearchField("materials"),
        index.FilterField("age_band"),
    ]
    parent_page_types = ["lessons.LessonIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")
