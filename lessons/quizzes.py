"""Quizzes scored on the server.

The browser only ever receives question and answer texts with their block ids; which answers are
right and their feedback stay here until the learner submits. A submitted answer sheet is a set of
fields `q-<question id>` whose values are answer ids of that question.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .blocks import QuestionKind

FIELD_PREFIX = "q-"


class QuizSheetError(Exception):
    """An answer sheet that cannot be scored; the message tells the learner what to do."""


@dataclass(frozen=True)
class QuizAnswerView:
    id: str
    text: str
    checked: bool = False


@dataclass(frozen=True)
class QuizQuestionView:
    """What the browser may see of a question: no right answers, no feedback."""

    id: str
    field_name: str
    number: int
    text: str
    multiple: bool
    answers: list[QuizAnswerView]


@dataclass
class ChosenAnswer:
    text: str
    correct: bool
    feedback: str


@dataclass
class QuestionResult:
    id: str
    number: int
    text: str
    correct: bool
    chosen: list[ChosenAnswer] = field(default_factory=list)


@dataclass
class QuizResult:
    score: int
    passed: bool
    pass_mark: int
    right: int
    total: int
    questions: list[QuestionResult]


def _items(list_value):
    """(id, value) of every item of a ListBlock value; ids are the stored block ids."""
    return [(str(bound.id), bound.value) for bound in list_value.bound_blocks]


def quiz_questions(quiz, selected: dict[str, set[str]] | None = None) -> list[QuizQuestionView]:
    """The quiz as the form shows it, with the learner's earlier choices ticked."""
    selected = selected or {}
    views = []
    for number, (question_id, question) in enumerate(_items(quiz["questions"]), start=1):
        chosen = selected.get(question_id, set())
        views.append(
            QuizQuestionView(
                id=question_id,
                field_name=f"{FIELD_PREFIX}{question_id}",
                number=number,
                text=question["text"],
                multiple=question["kind"] == QuestionKind.MULTIPLE,
                answers=[
                    QuizAnswerView(id=answer_id, text=answer["text"], checked=answer_id in chosen)
                    for answer_id, answer in _items(question["answers"])
                ],
            )
        )
    return views


def quiz_sheet(quiz, data) -> dict[str, set[str]]:
    """The chosen answer ids per question id from POST data (a QueryDict).

    Raises QuizSheetError for a sheet that does not belong to this quiz: an unknown question or
    answer, an answer of another question, or several answers to a one-answer question.
    """
    questions = dict(_items(quiz["questions"]))
    sheet: dict[str, set[str]] = {}
    for name in data:
        if not name.startswith(FIELD_PREFIX):
            continue
        question_id = name.removeprefix(FIELD_PREFIX)
        question = questions.get(question_id)
        if question is None:
            raise QuizSheetError(
                _("These answers do not belong to this quiz. Reload the page and try again.")
            )
        answer_ids = {answer_id for answer_id, _answer in _items(question["answers"])}
        values = data.getlist(name)
        if not set(values) <= answer_ids:
            raise QuizSheetError(
                _("These answers do not belong to this quiz. Reload the page and try again.")
            )
        if question["kind"] != QuestionKind.MULTIPLE and len(values) > 1:
            raise QuizSheetError(
                _("Choose only one answer to a question that has one right answer.")
            )
        sheet[question_id] = set(values)
    return sheet


def quiz_unanswered(quiz, sheet: dict[str, set[str]]) -> list[int]:
    """Numbers of the questions the sheet leaves unanswered."""
    return [
        number
        for number, (question_id, _question) in enumerate(_items(quiz["questions"]), start=1)
        if not sheet.get(question_id)
    ]


def quiz_score(quiz, sheet: dict[str, set[str]]) -> QuizResult:
    """Score a validated sheet: a question is right when exactly its right answers are chosen.

    The score is the percentage of right questions, rounded down; passed when it reaches the
    quiz's pass mark.
    """
    results = []
    for number, (question_id, question) in enumerate(_items(quiz["questions"]), start=1):
        answers = _items(question["answers"])
        chosen_ids = sheet.get(question_id, set())
        right_ids = {answer_id for answer_id, answer in answers if answer["correct"]}
        results.append(
            QuestionResult(
                id=question_id,
                number=number,
                text=question["text"],
                correct=bool(chosen_ids) and chosen_ids == right_ids,
                chosen=[
                    ChosenAnswer(
                        text=answer["text"],
                        correct=bool(answer["correct"]),
                        feedback=answer["feedback"] or "",
                    )
                    for answer_id, answer in answers
                    if answer_id in chosen_ids
                ],
            )
        )
    total = len(results)
    right = sum(1 for result in results if result.correct)
    score = (100 * right) // total if total else 0
    pass_mark = int(quiz["pass_mark"] or 100)
    return QuizResult(
        score=score,
        passed=score >= pass_mark,
        pass_mark=pass_mark,
        right=right,
        total=total,
        questions=results,
    )
