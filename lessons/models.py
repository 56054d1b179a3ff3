"""Lessons for schools and families, and the index that filters them."""

from django.conf import settings
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

from .blocks import CourseModuleBlock, LessonStepBlock, QuizBlock


class LessonIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["lessons.LessonPage", "lessons.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("lesson index")

    def get_context(self, request, *args, **kwargs):
        from .forms import LessonFilterForm
        from .selectors import courses_for_index, lesson_topics, lessons_for_index

        context = super().get_context(request, *args, **kwargs)
        context["courses"] = courses_for_index(index=self)
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
    quiz = StreamField(
        [("quiz", QuizBlock())],
        blank=True,
        max_num=1,
        verbose_name=_("quiz"),
        help_text=_("Optional. Passing it completes the lesson; the right answers stay hidden."),
    )

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
        FieldPanel("quiz"),
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

    @property
    def quiz_block(self):
        """The lesson's quiz (a StructValue) or None."""
        for child in self.quiz:
            return child.value
        return None

    def serve(self, request, *args, **kwargs):
        from .views import lesson_serve

        return lesson_serve(self, request, *args, super_serve=super().serve, **kwargs)


class CourseAudience(models.TextChoices):
    """Who a course trains; the three network roles each have their course."""

    AMBASSADORS = "ambassadors", _("Ambassadors")
    TEACHERS = "teachers", _("ICT teachers")
    PSYCHOLOGISTS = "psychologists", _("School psychologists")
    PARENTS = "parents", _("Parents")


class CoursePage(Page):
    """A course: ordered modules, each a list of existing lessons in order."""

    audience = models.CharField(
        _("audience"), max_length=20, choices=CourseAudience.choices, db_index=True
    )
    age_band = models.CharField(
        _("age band"), max_length=20, choices=AgeBand.choices, default=AgeBand.ALL
    )
    summary = models.TextField(_("summary"), max_length=600)
    members_only = models.BooleanField(
        _("network members only"),
        default=False,
        help_text=_("Limited to signed-in members of the network."),
    )
    modules = StreamField([("module", CourseModuleBlock())], verbose_name=_("modules"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("audience"),
        FieldPanel("age_band"),
        FieldPanel("members_only"),
        FieldPanel("modules"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.FilterField("audience"),
    ]
    parent_page_types = ["lessons.LessonIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("course")

    def lesson_ids(self) -> list[int]:
        """Ids of the course's lessons in order, read from the stored stream without a query."""
        ids = []
        for module in self.modules.raw_data:
            for item in (module.get("value") or {}).get("lessons") or []:
                value = item.get("value") if isinstance(item, dict) else item
                if value and value not in ids:
                    ids.append(int(value))
        return ids

    def serve(self, request, *args, **kwargs):
        from .views import course_serve

        return course_serve(self, request, *args, super_serve=super().serve, **kwargs)


class LessonProgress(models.Model):
    """One signed-in learner's progress in one lesson; anonymous readers have none."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="lesson_progress",
    )
    lesson = models.ForeignKey(
        LessonPage, verbose_name=_("lesson"), on_delete=models.CASCADE, related_name="progress"
    )
    opened_at = models.DateTimeField(_("opened"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    best_score = models.PositiveSmallIntegerField(_("best quiz score (percent)"), null=True)
    passed = models.BooleanField(_("quiz passed"), default=False)
    attempts = models.PositiveSmallIntegerField(_("quiz attempts"), default=0)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson"], name="one_progress_per_lesson")
        ]

    def __str__(self):
        return f"{self.user_id} – {self.lesson_id}"


# Models kept in their own modules, registered with the app by importing them here.
from . import certificates, resources  # noqa: E402, F401
