"""Factories for the home app's pages and settings, and the helpers every content factory shares."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Collection, Locale, Page, Site

from .models import HomePage, SiteSettings, StandardPage


def paragraph(html: str) -> list[dict]:
    """A BodyBlock stream holding one paragraph, in the JSON form a StreamField accepts."""
    return [{"type": "paragraph", "value": html}]


def get_locale(locale: Locale | str) -> Locale:
    if isinstance(locale, Locale):
        return locale
    return Locale.objects.get_or_create(language_code=locale)[0]


def publish(page: Page) -> Page:
    """Publish the page's current state as an editor would; returns it fresh from the database."""
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def translate_page(page: Page, locale: Locale | str = "en", *, live: bool = True, **fields) -> Page:
    """Copy a page into another language, set the translated fields and publish it.

    The parent must already exist in that language (as in the tree the `site_tree` fixture builds).
    `tags=[...]` replaces the copied topics. Pass live=False to keep the translation as a draft.
    """
    tags = fields.pop("tags", None)
    translated = page.specific.copy_for_translation(get_locale(locale))
    for name, value in fields.items():
        setattr(translated, name, value)
    if tags is not None:
        translated.tags.set(tags)
    revision = translated.save_revision()
    if live:
        revision.publish()
    return type(translated).objects.get(pk=translated.pk)


class ImageFactory(wagtail_factories.ImageFactory):
    """A real (generated) image file in the root collection."""

    title = factory.Sequence(lambda n: f"Image {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)


class DocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"Document {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.FileField(filename="report.pdf", data=b"%PDF-1.4 test")


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A page saved with a published revision, the state an editor's "Publish" leaves it in.

    Extra keyword arguments: `publish=False` leaves a draft (not live, revision saved);
    `tags=[...]` sets the page's topics before it is published. Pass `parent=` (a Page).
    """

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, publish=True, tags=None, **kwargs):
        if not publish:
            kwargs["live"] = False
        page = super()._create(model_class, *args, **kwargs)
        if tags:
            page.tags.add(*tags)
        revision = page.save_revision()
        if publish:
            revision.publish()
        return model_class.objects.get(pk=page.pk)


class HomePageFactory(PublishedPageFactory):
    title = "Ballina"
    hero_title = "Internet më i sigurt për fëmijët"
    hero_text = "Këshilla, mësime dhe ndihmë për fëmijë, prindër dhe mësues."
    help_text = "Linja ALO 116 111 përgjigjet falas, 24 orë në ditë."
    report_text = "Raportoni abuzimin, gjuhën e urrejtjes dhe ngacmimin online."

    class Meta:
        model = HomePage


class StandardPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Faqe {n}")
    intro = "Një faqe me informacion."
    body = factory.LazyFunction(lambda: paragraph("<p>Përmbajtja e faqes.</p>"))

    class Meta:
        model = StandardPage


class SiteSettingsFactory(DjangoModelFactory):
    site = factory.LazyFunction(lambda: Site.objects.get(is_default_site=True))
    organisation_name = "CRCA/ECPAT Albania"
    helpline_number = "116 111"
    helpline_name = "ALO 116 111"
    report_url = "https://report.example.org/hotline"
    contact_email = "info@example.org"

    class Meta:
        model = SiteSettings
        django_get_or_create = ("site",)
