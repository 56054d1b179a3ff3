from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from wagtail.models import Page

from home.selectors import menu_pages

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """One link per language, to this page in that language where it exists.

    A page without a translation links to that language's home page; other views keep their path.
    """
    request = context["request"]
    current = translation.get_language()
    page = context.get("page")
    translations = {}
    if isinstance(page, Page):
        for other in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[other.locale.language_code] = other
    links = []
    for code, name in settings.LANGUAGES:
        if isinstance(page, Page):
            target = translations.get(code)
            if target is not None:
                url = target.get_url(request)
            else:
                with translation.override(code):
                    url = reverse("wagtail_serve", args=[""])
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


@register.simple_tag(takes_context=True)
def navigation(context) -> list[Page]:
    return menu_pages(context["request"])


@register.simple_tag
def breadcrumbs(page) -> list[Page]:
    """The page's ancestors below the tree root, home first; empty on the home page."""
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    return list(page.get_ancestors().filter(depth__gt=1))
