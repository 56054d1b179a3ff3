"""Builds the bilingual demo site from home.demo.content, idempotently.

Pages are found by slug under their parent in the source language and by translation key in the
others; images and documents by title; settings are updated in place. A page gets a new revision
only when its content differs from what the demo describes, so a second run writes almost nothing.
"""

import io
from dataclasses import dataclass, field
from datetime import datetime

from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.utils.file import hash_filelike

from home.models import SiteSettings

from . import content, media

SITE_HOSTNAME = "localhost"
SITE_PORT = 80


@dataclass
class DemoSummary:
    """What load_demo leaves behind: pages by content key and language, and the admin login."""

    pages: dict[str, dict[str, Page]] = field(default_factory=dict)
    page_counts: dict[str, int] = field(default_factory=dict)
    image_count: int = 0
    document_count: int = 0
    admin_username: str = content.ADMIN_USERNAME
    admin_password: str = ""


class _Pending(Exception):
    """A reference to a page that the builder has not reached yet."""


def content_languages() -> list[str]:
    """The default language first, then every other configured language the content covers."""
    source = settings.LANGUAGE_CODE
    if source not in content.HOME:
        raise ValueError(f"The demo content has no text in the default language {source!r}.")
    others = [code for code, _name in settings.LANGUAGES if code != source and code in content.HOME]
    return [source, *others]


def load_demo(*, admin_password: str = content.DEFAULT_ADMIN_PASSWORD) -> DemoSummary:
    """Create or update the demo site, its settings, media and admin user; safe to run again."""
    with transaction.atomic():
        builder = _DemoBuilder(content_languages())
        builder.build()
        site = builder.ensure_site()
        ensure_site_settings(site=site)
        ensure_admin(password=admin_password)
    return DemoSummary(
        pages=builder.pages,
        page_counts={
            code: Page.objects.filter(locale=locale, depth__gt=1).count()
            for code, locale in builder.locales.items()
        },
        image_count=len(builder.images),
        document_count=len(builder.documents),
        admin_password=admin_password,
    )


def ensure_site_settings(*, site: Site) -> SiteSettings:
    site_settings = SiteSettings.for_site(site)
    if any(getattr(site_settings, name) != value for name, value in content.SITE.items()):
        for name, value in content.SITE.items():
            setattr(site_settings, name, value)
        site_settings.save()
    return site_settings


def ensure_admin(*, password: str):
    """A superuser with a verified email, so allauth's mandatory verification lets it in."""
    user_model = get_user_model()
    user = user_model.objects.filter(username=content.ADMIN_USERNAME).first()
    if user is None:
        user = user_model(username=content.ADMIN_USERNAME)
    user.email = content.ADMIN_EMAIL
    user.is_active = user.is_staff = user.is_superuser = True
    user.set_password(password)
    user.save()
    EmailAddress.objects.filter(user=user, primary=True).exclude(
        email__iexact=content.ADMIN_EMAIL
    ).update(primary=False)
    EmailAddress.objects.update_or_create(
        user=user,
        email=content.ADMIN_EMAIL,
        defaults={"verified": True, "primary": True},
    )
    return user


def _strip_block_ids(data):
    """Raw StreamField data without the random block ids, for comparing content."""
    if isinstance(data, list):
        return [_strip_block_ids(item) for item in data]
    if isinstance(data, dict):
        is_block = "type" in data and "value" in data
        return {k: _strip_block_ids(v) for k, v in data.items() if not (is_block and k == "id")}
    return data


class _DemoBuilder:
    def __init__(self, languages: list[str]):
        self.languages = languages
        self.source = languages[0]
        self.locales = {
            code: Locale.objects.get_or_create(language_code=code)[0] for code in languages
        }
        self.specs = {spec["key"]: spec for spec in content.PAGES}
        self.pages: dict[str, dict[str, Page]] = {}
        self.images: dict[str, object] = {}
        self.documents: dict[tuple[str, str], object] = {}
        self.welcome_pages: list[Page] = []

    # --- Media ---------------------------------------------------------------------------------

    def image(self, key: str):
        if key not in self.images:
            spec = content.IMAGES[key]
            self.images[key] = _ensure_file_object(
                get_image_model(),
                title=spec["title"],
                filename=f"demo-{key}.png",
                render=lambda: media.illustration_png(
                    key=key, colours=spec["colours"], motif=spec["motif"]
                ),
            )
        return self.images[key]

    def document(self, key: str, language: str):
        if (key, language) not in self.documents:
            spec = content.DOCUMENTS[key][language]
            self.documents[key, language] = _ensure_file_object(
                get_document_model(),
                title=spec["title"],
                filename=f"demo-{key}-{language}.pdf",
                render=lambda: media.document_pdf(
                    title=spec["title"],
                    subtitle=f"{spec['subtitle']} · {content.DEMO_DOCUMENT_NOTE[language]}",
                    sections=spec["sections"],
                ),
            )
        return self.documents[key, language]

    # --- References ----------------------------------------------------------------------------

    def resolve(self, value, language: str):
        """Replace $page/$image/$document markers by ids; raise _Pending for unbuilt pages."""
        if isinstance(value, dict):
            if len(value) == 1:
                ((marker, key),) = value.items()
                if marker == "$image":
                    return self.image(key).pk
                if marker == "$document":
                    return self.document(key, language).pk
                if marker == "$page":
                    page = self.find_page(key, language)
                    if page is None:
                        raise _Pending(key)
                    return page.pk
            return {k: self.resolve(v, language) for k, v in value.items()}
        if isinstance(value, list):
            return [self.resolve(item, language) for item in value]
        if isinstance(value, datetime) and timezone.is_naive(value):
            return timezone.make_aware(value)
        return value

    def resolve_fields(self, model, values: dict, language: str) -> tuple[dict, bool]:
        """Resolved field values, and whether some page reference must wait for a second pass."""
        resolved, pending = {}, False
        for name, value in values.items():
            if name != "tags" and isinstance(model._meta.get_field(name), StreamField):
                blocks = []
                for block in value:
                    try:
                        blocks.append(self.resolve(block, language))
                    except _Pending:
                        pending = True
                resolved[name] = blocks
            else:
                try:
                    resolved[name] = self.resolve(value, language)
                except _Pending:
                    resolved[name], pending = None, True
        return resolved, pending

    # --- Pages ---------------------------------------------------------------------------------

    def build(self):
        self.welcome_pages = self._welcome_pages()
        self._free_slugs(self.welcome_pages)
        pending = [spec for spec in content.PAGES if self.ensure_page(spec)]
        # Second pass: pages that point forward (e.g. home -> featured campaign) now resolve.
        for spec in pending:
            self.ensure_page(spec)

    def ensure_page(self, spec: dict) -> bool:
        """Create or update one page in every language; True if a reference is still pending."""
        model = apps.get_model(spec["type"])
        self.pages.setdefault(spec["key"], {})
        any_pending = False
        for language in self.languages:
            values = {**spec.get("fields", {}), **spec[language]}
            values, pending = self.resolve_fields(model, values, language)
            any_pending |= pending
            page = self._page_for(spec, model, language, values)
            if _apply(page, values) or not page.live:
                page.save_revision().publish()
                page = model.objects.get(pk=page.pk)
            self.pages[spec["key"]][language] = page
        return any_pending

    def find_page(self, key: str, language: str) -> Page | None:
        """The page already in the database for this content key and language, if any."""
        if language in self.pages.get(key, {}):
            return self.pages[key][language]
        if language != self.source:
            source_page = self.find_page(key, self.source)
            if source_page is None:
                return None
            locale = self.locales[language]
            return Page.objects.filter(
                translation_key=source_page.translation_key, locale=locale
            ).first()
        spec = self.specs[key]
        if spec["parent"] is None:
            parent = Page.get_first_root_node()
        else:
            parent = self.find_page(spec["parent"], self.source)
            if parent is None:
                return None
        slug = spec[self.source]["slug"]
        return (
            Page.objects.child_of(parent).filter(slug=slug, locale=self.locales[language]).first()
        )

    def _page_for(self, spec, model, language, values):
        """The existing page in this language, a new unsaved page, or a fresh translation copy."""
        page = self.find_page(spec["key"], language)
        locale = self.locales[language]
        if page is None and language == self.source:
            page = model(locale=locale, live=False)
            _apply(page, values)
            parent = Page.get_first_root_node()
            if spec["parent"] is not None:
                # Fresh from the database: treebeard computes the new child's path from numchild.
                parent = Page.objects.get(pk=self.pages[spec["parent"]][self.source].pk)
            parent.add_child(instance=page)
            return page
        if page is None:
            source_page = self.pages[spec["key"]][self.source]
            page = source_page.copy_for_translation(locale, copy_parents=False)
            _set_draft_slug(page, values["slug"])
        # Always a fresh row: saving a cached instance would write back a stale numchild.
        page = Page.objects.get(pk=page.pk).specific
        if not isinstance(page, model):
            raise ValueError(
                f"{page.url_path} is a {type(page).__name__}, not a {model.__name__}: "
                "move it away before loading the demo."
            )
        return page

    # --- Wagtail's welcome page and the default site ------------------------------------------

    @staticmethod
    def _welcome_pages() -> list[Page]:
        """The placeholder page Wagtail's first migration creates: a plain, childless Page."""
        page_type = ContentType.objects.get_for_model(Page)
        return list(Page.objects.filter(depth=2, content_type=page_type, numchild=0))

    def _free_slugs(self, welcome: list[Page]):
        # The placeholder holds the slug "home" that our home page wants; rename it until deleted.
        for page in welcome:
            Page.objects.filter(pk=page.pk).update(slug=f"{page.slug}-placeholder-{page.pk}")

    def ensure_site(self) -> Site:
        """The default site points at the home page in the default language; no placeholder left."""
        home = self.pages[content.HOME["key"]][self.source]
        site = (
            Site.objects.filter(hostname=SITE_HOSTNAME, port=SITE_PORT).first()
            or Site.objects.filter(is_default_site=True).first()
            or Site(hostname=SITE_HOSTNAME, port=SITE_PORT)
        )
        Site.objects.filter(is_default_site=True).exclude(pk=site.pk).update(is_default_site=False)
        Site.objects.filter(root_page__in=self.welcome_pages).exclude(pk=site.pk).update(
            root_page=home
        )
        wanted = {
            "hostname": SITE_HOSTNAME,
            "port": SITE_PORT,
            "is_default_site": True,
            "root_page_id": home.pk,
            "site_name": content.SITE["organisation_name"],
        }
        if site.pk is None or any(getattr(site, k) != v for k, v in wanted.items()):
            for name, value in wanted.items():
                setattr(site, name, value)
            site.save()
        for page in self.welcome_pages:
            Page.objects.get(pk=page.pk).delete()
        return site


def _set_draft_slug(page, slug: str):
    """Give a fresh, never-published copy its own slug without leaving redirects behind."""
    # Saving a changed slug makes Wagtail create redirects from the copied (other-language) path.
    url_path = f"{page.get_parent().url_path}{slug}/"
    Page.objects.filter(pk=page.pk).update(slug=slug, url_path=url_path)
    page.slug, page.url_path = slug, url_path


def _field_state(page, name: str):
    """A comparable form of one field's value."""
    if name == "tags":
        return sorted(tag.name for tag in page.tags.all())
    model_field = page._meta.get_field(name)
    value = getattr(page, model_field.attname)
    if isinstance(model_field, StreamField):
        # Touch every block so lazy raw data and new values serialise the same way.
        for _block in value:
            pass
        return _strip_block_ids(model_field.stream_block.get_prep_value(value))
    return value


def _apply(page, values: dict) -> bool:
    """Set the values on the page; True if anything changed."""
    before = {name: _field_state(page, name) for name in values}
    for name, value in values.items():
        if name == "tags":
            page.tags.set(value)
            continue
        model_field = page._meta.get_field(name)
        if isinstance(model_field, StreamField):
            unknown = {block["type"] for block in value} - set(
                model_field.stream_block.child_blocks
            )
            if unknown:
                raise ValueError(f"Unknown block types for {name}: {sorted(unknown)}")
        setattr(page, model_field.attname, value)
    return before != {name: _field_state(page, name) for name in values}


def _ensure_file_object(model, *, title: str, filename: str, render):
    """An image or document found by title, (re)created with a generated file when missing."""
    obj = model.objects.filter(title=title).order_by("pk").first()
    if obj is not None and obj.file and obj.file.storage.exists(obj.file.name):
        return obj
    data = render()
    if obj is None:
        obj = model(title=title)
    obj.file = ContentFile(data, name=filename)
    obj.file_size = len(data)
    obj.file_hash = hash_filelike(io.BytesIO(data))
    obj.save()
    return obj
