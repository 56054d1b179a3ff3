"""The lesson library's filter form."""

from lessons.forms import LessonFilterForm

TOPICS = [("ngacmimi", "Ngacmimi"), ("privatesia", "Privatësia")]


def test_valid_filters_are_kept_and_encoded_for_links():
    form = LessonFilterForm(
        {"topic": "ngacmimi", "audience": "parents", "age_band": "primary"}, topics=TOPICS
    )

    assert form.cleaned_filters() == {
        "topic": "ngacmimi",
        "audience": "parents",
        "age_band": "primary",
    }
    assert form.query_string() == "topic=ngacmimi&audience=parents&age_band=primary"


def test_unknown_values_are_dropped_and_the_rest_kept():
    form = LessonFilterForm(
        {"topic": "no-such-topic", "audience": "parents", "age_band": "99"}, topics=TOPICS
    )

    assert form.cleaned_filters() == {"audience": "parents"}
    assert form.query_string() == "audience=parents"


def test_empty_filters_mean_no_filter():
    form = LessonFilterForm({"topic": "", "audience": "", "age_band": ""}, topics=TOPICS)

    assert form.cleaned_filters() == {}
    assert form.query_string() == ""


def test_topic_choices_come_from_the_library():
    form = LessonFilterForm(topics=TOPICS)

    assert [value for value, _label in form.fields["topic"].choices] == [
        "",
        "ngacmimi",
        "privatesia",
    ]
