"""Blocks of lessons and courses."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from home.blocks import RICH_TEXT_FEATURES


class LessonStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=200)
    minutes = blocks.IntegerBlock(label=_("Minutes"), required=False, min_value=1, max_value=240)
    instructions = blocks.RichTextBlock(label=_("Instructions"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "list-ol"


class QuestionKind:
    SINGLE = "single"
    MULTIPLE = "multiple"
    CHOICES = [
        (SINGLE, _("One answer is right")),
        (MULTIPLE, _("Several answers may be right")),
    ]


class QuizAnswerBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=300)
    correct = blocks.BooleanBlock(label=_("Right answer"), required=False)
    feedback = blocks.TextBlock(
        label=_("Feedback"),
        required=False,
        max_length=600,
        help_text=_("Shown after submitting to the learner who chose this answer."),
    )

    class Meta:
        icon = "tick"


class QuizQuestionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Question"), max_length=300)
    kind = blocks.ChoiceBlock(
        label=_("Kind of question"), choices=QuestionKind.CHOICES, default=QuestionKind.SINGLE
    )
    answers = blocks.ListBlock(QuizAnswerBlock(), label=_("Answers"), min_num=2, max_num=8)

    class Meta:
        icon = "help"

    def clean(self, value):
        value = super().clean(value)
        right = sum(1 for answer in value["answers"] if answer["correct"])
        if right == 0:
            raise StructBlockValidationError(
                block_errors={"answers": ValidationError(_("Mark at least one answer as right."))}
            )
        if value["kind"] == QuestionKind.SINGLE and right > 1:
            raise StructBlockValidationError(
                block_errors={
                    "kind": ValidationError(
                        _(
                            "Several answers are marked right: "
                            "choose “Several answers may be right”."
                        )
                    )
                }
            )
        return value


class QuizBlock(blocks.StructBlock):
    """A quiz scored on the server: only question and answer texts are ever rendered unanswered."""

    title = blocks.CharBlock(label=_("Title"), max_length=120, default=_("Check what you learnt"))
    pass_mark = blocks.IntegerBlock(
        label=_("Pass mark (percent)"), min_value=1, max_value=100, default=70
    )
    questions = blocks.ListBlock(QuizQuestionBlock(), label=_("Questions"), min_num=1, max_num=30)

    class Meta:
        icon = "form"
        label = _("Quiz")


class CourseModuleBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Module title"), max_length=160)
    description = blocks.TextBlock(label=_("Description"), required=False, max_length=600)
    lessons = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="lessons.LessonPage", label=_("Lesson")),
        label=_("Lessons, in order"),
        min_num=1,
    )

    class Meta:
        icon = "list-ol"
        label = _("Module")
