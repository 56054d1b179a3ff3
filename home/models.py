"""Home page, standard pages, the site settings and the fields content pages share."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from .blocks import BodyBlock
from .page_cache import cached_listing


class Audience(models.TextChoices):
    CHILDREN = "children", _("Children")
    PARENTS = "parents", _("Parents")
    TEACHERS = "teachers", _("Teachers")
    AMBASSADORS = "ambassadors", _("Ambassadors")


class AgeBand(models.TextChoices):
    ALL = "all", _("For all ages")
    PRIMARY = "primary", _("Primary school (6–11)")
    LOWER_SECONDARY = "lower_secondary", _("Lower secondary (11–15)")
    UPPER_SECONDARY = "upper_secondary", _("Upper secondary (15–18)")
    ADULTS = "adults", _("Adults")


class AudienceFields(models.Model):
    """Who a page is written for: one flag per audience, so listings filter without joins."""

    for_children = models.BooleanField(_("children"), default=False)
    for_parents = models.BooleanField(_("parents"), default=False)
    for_teachers = models.BooleanField(_("teachers"), default=False)
    for_ambassadors = models.BooleanField(_("ambassadors"), default=False)

    audience_panel = MultiFieldPanel(
        [
            FieldRowPanel(
                [
                    FieldPanel("for_children"),
                    FieldPanel("for_parents"),
                    FieldPanel("for_teachers"),
                    FieldPanel("for_ambassadors"),
                ]
            )
        ],
        heading=_("Written for"),
    )

    class Meta:
        abstract = True

    @property
    def audiences(self) -> list[str]:
        return [label for value, label in Audience.choices if getattr(self, f"for_{value}")]

    @staticmethod
    def audience_filter(value: str) -> dict:
        """Queryset filter for one audience value; empty for an unknown value."""
        return {f"for_{value}": True} if value in Audience.values else {}


class ListingImageFields(models.Model):
    """An optional picture for cards in listings, with the description a screen reader reads."""

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(_("image description"), max_length=250, blank=True)

    image_panel = MultiFieldPanel(
        [FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt:
            raise ValidationError(
                {"image_alt": _("Describe the image for people who cannot see it.")}
            )


class HomePage(Page):
    hero_title = models.CharField(_("hero title"), max_length=120)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    featured_campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("featured campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    help_text = models.TextField(
        _("get help text"),
        blank=True,
        help_text=_("Shown beside the helpline number: who answers and when."),
    )
    report_text = models.TextField(
        _("report it text"),
        blank=True,
        help_text=_("Shown beside the link to the hotline: what can be reported."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("more content"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image")],
            heading=_("Hero"),
        ),
        FieldPanel("featured_campaign"),
        MultiFieldPanel(
            [FieldPanel("help_text"), FieldPanel("report_text")], heading=_("Help and report")
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("hero_text")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from .selectors import home_listings

        context = super().get_context(request, *args, **kwargs)
        context.update(home_listings(home=self))
        return context


class StandardPage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    organisation_name = models.CharField(_("organisation name"), max_length=120)
    helpline_number = models.CharField(
        _("helpline number"),
        max_length=30,
        # 116 111 is the child helpline number harmonised across the EU.
        default="116 111",
        help_text=_("As people should dial it, e.g. 116 111"),
    )
    helpline_name = models.CharField(
        _("helpline name"), max_length=80, blank=True, help_text=_("e.g. ALO 116 111")
    )
    report_url = models.URLField(_("hotline report address"), blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    facebook_url = models.URLField("Facebook", blank=True)
    instagram_url = models.URLField("Instagram", blank=True)
    tiktok_url = models.URLField("TikTok", blank=True)
    youtube_url = models.URLField("YouTube", blank=True)

    panels = [
        FieldPanel("organisation_name"),
        MultiFieldPanel(
            [FieldPanel("helpline_number"), FieldPanel("helpline_name"), FieldPanel("report_url")],
            heading=_("Help and reporting"),
        ),
        FieldPanel("contact_email"),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("tiktok_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Social media"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def for_request(cls, request):
        """As Wagtail's, but read from the page cache until site-wide content changes: every
        page shows the settings (helpline, report address) in its header and footer."""
        attr_name = cls.get_cache_attr_name()
        site = Site.find_for_request(request)
        if not hasattr(request, attr_name) and site is not None:
            found = cached_listing("site_settings", site.pk, compute=lambda: cls.for_site(site))
            found._request = request
            setattr(request, attr_name, found)
        return super().for_request(request)

    @property
    def helpline_tel(self) -> str:
        """The number for a tel: link, digits and a leading + only."""
        return "".join(ch for ch in self.helpline_number if ch.isdigit() or ch == "+")

    @property
    def social_links(self) -> list[tuple[str, str]]:
        links = [
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("TikTok", self.tiktok_url),
            ("YouTube", self.youtube_url),
        ]
        return [(name, url) for name, url in links if url]
