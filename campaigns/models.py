"""Campaigns, Safer Internet Day and other events, and annual reports."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock, DocumentLinkBlock, KeyFiguresBlock
from home.models import AudienceFields, ListingImageFields

from .blocks import ProgrammeItemBlock


class CampaignIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["campaigns.CampaignPage", "campaigns.EventPage", "campaigns.AnnualReportPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("campaign index")

    def get_context(self, request, *args, **kwargs):
        from .selectors import campaign_index_listings

        context = super().get_context(request, *args, **kwargs)
        context.update(campaign_index_listings(index=self, today=timezone.localdate()))
        return context


class CampaignPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "campaigns.CampaignPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class CampaignPage(AudienceFields, ListingImageFields, Page):
    summary = models.TextField(_("summary"), max_length=400)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"))
    toolkit = StreamField(
        [("document", DocumentLinkBlock(label=_("Document")))],
        blank=True,
        verbose_name=_("toolkit"),
        help_text=_("Posters, guides and other material for schools to download."),
    )
    tags = ClusterTaggableManager(through=CampaignPageTag, blank=True, verbose_name=_("topics"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        ListingImageFields.image_panel,
        FieldPanel("tags"),
        AudienceFields.audience_panel,
        FieldPanel("body"),
        FieldPanel("toolkit"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("start_date"),
    ]
    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("campaign")

    def clean(self):
        super().clean()
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The campaign cannot end before it starts.")})

    @property
    def reach(self):
        """Live reach figures from verified school activities (all translations), or None."""
        # Imported here: campaigns reads the network's figures, the network never imports campaigns.
        from ambassadors.reach import campaign_reach

        return campaign_reach(campaign=self)

    @property
    def reach_version(self) -> str:
        """Changes with every verification: the rendered figures are cached under it."""
        from ambassadors.reach import reach_version

        return reach_version()


class EventPage(Page):
    class Kind(models.TextChoices):
        SAFER_INTERNET_DAY = "sid", _("Safer Internet Day")
        FORUM = "forum", _("Forum or conference")
        TRAINING = "training", _("Training")
        CONSULTATION = "consultation", _("Consultation")
        OTHER = "other", _("Other event")

    kind = models.CharField(_("kind of event"), max_length=20, choices=Kind.choices)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200)
    summary = models.TextField(_("summary"), max_length=400)
    programme = StreamField(
        [("item", ProgrammeItemBlock(label=_("Programme item")))],
        blank=True,
        verbose_name=_("programme"),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("place"),
        FieldPanel("summary"),
        FieldPanel("programme"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("place"),
        index.SearchField("body"),
    ]
    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")

    def clean(self):
        super().clean()
        if self.ends_at and self.starts_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The event cannot end before it starts.")})


class AnnualReportPage(Page):
    year = models.PositiveSmallIntegerField(_("year reported on"))
    summary = models.TextField(_("summary"), max_length=600)
    key_figures = StreamField(
        [("figures", KeyFiguresBlock(label=_("Key figures")))],
        blank=True,
        verbose_name=_("key figures"),
    )
    report_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("report document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The full report in this page's language."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("year"),
        FieldPanel("summary"),
        FieldPanel("key_figures"),
        FieldPanel("report_document"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("year"),
    ]
    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("annual report")
