"""The Digital Newsletter for Parents: the archive and its issues."""

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.models import ListingImageFields
from home.selectors import live_pages, with_listing_images

ISSUES_PER_PAGE = 12


class NewsletterIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["newsletters.NewsletterIssuePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("newsletter archive")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        issues = with_listing_images(
            live_pages(NewsletterIssuePage, locale=self.locale)
            .child_of(self)
            .order_by("-issue_date", "-pk")
        )
        context["page_obj"] = Paginator(issues, ISSUES_PER_PAGE).get_page(request.GET.get("page"))
        return context


class NewsletterIssuePage(ListingImageFields, Page):
    issue_date = models.DateField(_("issue date"))
    summary = models.TextField(_("summary"), max_length=400)
    body = StreamField(BodyBlock(), verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("issue_date"),
        FieldPanel("summary"),
        ListingImageFields.image_panel,
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("issue_date"),
    ]
    parent_page_types = ["newsletters.NewsletterIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("newsletter issue")
