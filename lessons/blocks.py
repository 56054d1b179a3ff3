"""Blocks of lessons."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import RICH_TEXT_FEATURES


class LessonStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=200)
    minutes = blocks.IntegerBlock(label=_("Minutes"), required=False, min_value=1, max_value=240)
    instructions = blocks.RichTextBlock(label=_("Instructions"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "list-ol"
