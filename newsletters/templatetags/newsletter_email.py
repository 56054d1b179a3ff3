"""Inline styles for the email's HTML part: mail clients ignore style sheets and classes."""

import re

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

EMAIL_STYLES = {
    "h2": "margin:24px 0 8px 0;font-size:20px;line-height:1.3;color:#12326b;",
    "h3": "margin:20px 0 8px 0;font-size:18px;line-height:1.3;color:#12326b;",
    "p": "margin:0 0 12px 0;",
    "a": "color:#12326b;text-decoration:underline;",
    "ul": "margin:0 0 12px 0;padding-left:24px;",
    "ol": "margin:0 0 12px 0;padding-left:24px;",
    "li": "margin:0 0 4px 0;",
    "blockquote": "margin:16px 0;padding:8px 16px;border-left:4px solid #12326b;color:#333b4d;",
    "img": "max-width:100%;height:auto;border:0;",
    "figure": "margin:16px 0;",
    "table": "border-collapse:collapse;width:100%;",
    "th": "text-align:left;padding:4px;border-bottom:1px solid #cfd5df;",
    "td": "padding:4px;border-bottom:1px solid #e4e7ec;",
}
_TAG = re.compile(r"<(" + "|".join(EMAIL_STYLES) + r")(?=[\s>/])([^>]*)>", re.I)


def _styled(match: re.Match) -> str:
    tag, attributes = match.group(1), match.group(2)
    if "style=" in attributes:
        return match.group(0)
    return f'<{tag} style="{EMAIL_STYLES[tag.lower()]}"{attributes}>'


@register.filter(is_safe=True)
def inline_email_styles(html: str) -> str:
    """Give the common content tags an inline style (unless they carry one already)."""
    return mark_safe(_TAG.sub(_styled, str(html)))  # noqa: S308 - our own rendered HTML
