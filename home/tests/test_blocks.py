"""Shared StreamField blocks: their validation and the links they produce."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.blocks import StructBlockValidationError

from home.blocks import CallToActionBlock, ImageBlock, KeyFiguresBlock
from home.factories import ImageFactory, translate_page
from lessons.factories import LessonPageFactory


def call_to_action(**fields):
    block = CallToActionBlock()
    data = {"title": "Lexo më shumë", "text": "", "button_label": "Hap", **fields}
    return block, block.to_python(data)


@pytest.mark.django_db
@pytest.mark.parametrize("case", ["both", "neither"])
def test_call_to_action_needs_exactly_one_destination(site_tree, english, case):
    page = site_tree.sq.lessons.pk if case == "both" else None
    url = "https://isigurt.al/" if case == "both" else ""
    block, value = call_to_action(page=page, external_url=url)

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)

    message = " ".join(error.value.block_errors["external_url"].messages)
    # The message names both ways of giving a destination, so the editor knows what to fix.
    assert "page" in message
    assert "web address" in message


@pytest.mark.django_db
def test_call_to_action_to_a_page_links_to_it_in_the_reader_language(site_tree):
    lesson = LessonPageFactory(parent=site_tree.sq.lessons)
    en_lesson = translate_page(lesson)
    block, value = call_to_action(page=lesson.pk, external_url="")

    cleaned = block.clean(value)

    assert cleaned.url() == lesson.url
    with translation.override("en"):
        assert cleaned.url() == en_lesson.url


def test_call_to_action_to_a_web_address_links_there():
    block, value = call_to_action(page=None, external_url="https://isigurt.al/raporto")

    assert block.clean(value).url() == "https://isigurt.al/raporto"


@pytest.mark.django_db
def test_image_block_requires_alternative_text(locales):
    block = ImageBlock()
    value = block.to_python({"image": ImageFactory().pk, "alt_text": "", "caption": ""})

    with pytest.raises(ValidationError) as error:
        block.clean(value)

    assert "alt_text" in error.value.block_errors


def test_key_figures_need_at_least_one_figure():
    block = KeyFiguresBlock()
    value = block.to_python({"heading": "", "figures": [], "source": ""})

    with pytest.raises(ValidationError):
        block.clean(value)
