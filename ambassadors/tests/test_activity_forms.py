"""The activity form: every validation rule, the similar-activity warning, campaigns by language."""

import datetime
import uuid

import pytest
from django.utils import timezone, translation

from ambassadors.activity_forms import ActivityForm
from ambassadors.models import Activity, ActivityKind, ActivityStatus
from campaigns.factories import CampaignPageFactory
from home.factories import translate_page


def today():
    return timezone.localdate()


def form_data(**overrides) -> dict:
    return {
        "submission_id": str(uuid.uuid4()),
        "kind": ActivityKind.PEER_SESSION,
        "date": today().isoformat(),
        "title": "Privacy on phones",
        "topics": "privacy, Passwords , privacy,,",
        "girls": "5",
        "boys": "4",
        **overrides,
    }


@pytest.fixture(autouse=True)
def in_english(english):
    """Messages are compared with their English source, when they are turned into text too."""


def make_form(network, data, **kwargs):
    with translation.override("en"):
        form = ActivityForm(data, school=network.school_a, **kwargs)
        form.is_valid()
    return form


def activity(network, **fields):
    return Activity.objects.create(
        **{
            "school": network.school_a,
            "kind": ActivityKind.PEER_SESSION,
            "date": today(),
            "title": "Earlier",
            "girls": 1,
            "submission_key": uuid.uuid4(),
            "author": network.ambassador.user,
            **fields,
        }
    )


def test_a_complete_form_is_valid(network):
    form = make_form(network, form_data())
    assert form.is_valid(), form.errors
    data = form.activity_data()
    assert data["girls"] == 5 and data["boys"] == 4 and data["parents"] == 0
    assert form.cleaned_data["topics"] == ["privacy", "Passwords"]


def test_count_inputs_bring_up_a_numeric_keyboard(network):
    html = str(ActivityForm(school=network.school_a)["girls"])
    assert 'inputmode="numeric"' in html


def test_no_future_dates(network):
    tomorrow = today() + datetime.timedelta(days=1)
    form = make_form(network, form_data(date=tomorrow.isoformat()))
    assert form.errors["date"] == [
        "The date is in the future. Log an activity once it has taken place."
    ]


def test_nothing_before_the_school_year(network):
    before = network.year.starts_on - datetime.timedelta(days=1)
    form = make_form(network, form_data(date=before.isoformat()))
    assert "The date is before this school year" in form.errors["date"][0]


def test_the_first_day_of_the_school_year_is_fine(network):
    form = make_form(network, form_data(date=network.year.starts_on.isoformat()))
    assert "date" not in form.errors


def test_an_unreadable_date_says_how_to_write_it(network):
    form = make_form(network, form_data(date="next week"))
    assert form.errors["date"] == ["Enter the date as year-month-day, e.g. 2026-02-10."]


@pytest.mark.parametrize("value", ["2.5", "abc", "1e3"])
def test_counts_are_whole_numbers(network, value):
    form = make_form(network, form_data(girls=value))
    assert form.errors["girls"] == ["Enter a whole number, e.g. 12."]


def test_counts_are_not_negative(network):
    form = make_form(network, form_data(boys="-3"))
    assert form.errors["boys"] == ["The number cannot be negative."]


def test_empty_counts_are_zero(network):
    form = make_form(network, form_data(girls="", boys="", parents="2"))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["girls"] == 0 and form.cleaned_data["parents"] == 2


def test_at_least_one_person(network):
    form = make_form(network, form_data(girls="0", boys=""))
    assert form.non_field_errors() == ["Enter how many people took part: at least one person."]


def test_a_plausible_ceiling(network, settings):
    settings.ACTIVITY_MAX_PEOPLE = 50
    assert make_form(network, form_data(girls="30", boys="20")).is_valid()
    form = make_form(network, form_data(girls="30", boys="21"))
    assert "more than 50 in one activity" in form.non_field_errors()[0]


def test_the_ceiling_defaults_to_2000(network, settings):
    assert settings.ACTIVITY_MAX_PEOPLE == 2000
    assert make_form(network, form_data(girls="2000", boys="0")).is_valid()
    assert not make_form(network, form_data(girls="2000", boys="1")).is_valid()


def test_similar_activity_warns_until_confirmed(network):
    activity(network)
    form = make_form(network, form_data())
    assert not form.is_valid()
    assert form.duplicate_warning
    assert "already logged for this school" in form.errors["confirm_different"][0]

    confirmed = make_form(network, form_data(confirm_different="on"))
    assert confirmed.is_valid(), confirmed.errors


def test_no_warning_for_another_kind_date_or_school(network):
    activity(network, kind=ActivityKind.TRAINING)
    activity(network, date=today() - datetime.timedelta(days=1))
    activity(network, school=network.school_b)
    form = make_form(network, form_data())
    assert form.is_valid(), form.errors
    assert not form.duplicate_warning


def test_editing_an_activity_does_not_warn_about_itself(network):
    returned = activity(network, status=ActivityStatus.RETURNED)
    form = make_form(network, form_data(title="Fixed"), instance=returned)
    assert form.is_valid(), form.errors


def test_editing_keeps_a_date_from_an_earlier_school_year(network):
    old_day = network.year.starts_on - datetime.timedelta(days=10)
    returned = activity(network, status=ActivityStatus.RETURNED, date=old_day)
    form = make_form(network, form_data(date=old_day.isoformat()), instance=returned)
    assert form.is_valid(), form.errors


def test_a_form_without_its_one_time_id_is_out_of_date(network):
    data = form_data()
    del data["submission_id"]
    form = make_form(network, data)
    with translation.override("en"):
        assert form.errors["submission_id"] == [
            "This form is out of date. Please fill it in again."
        ]


def test_too_many_topics(network):
    form = make_form(network, form_data(topics=",".join(f"t{i}" for i in range(11))))
    assert form.errors["topics"] == ["Choose at most 10 topics."]


def test_campaigns_are_offered_in_the_active_language(network, site_tree, locales):
    campaign = CampaignPageFactory(parent=site_tree.sq.campaigns, title="Fushata")
    english = translate_page(campaign, locales.en, title="The campaign", slug="the-campaign")
    with translation.override("en"):
        offered = list(ActivityForm(school=network.school_a).fields["campaign"].queryset)
    assert [page.pk for page in offered] == [english.pk]
    with translation.override("sq"):
        offered = list(ActivityForm(school=network.school_a).fields["campaign"].queryset)
    assert [page.pk for page in offered] == [campaign.pk]


def test_choosing_the_same_campaign_in_another_language_keeps_the_stored_page(
    network, site_tree, locales
):
    campaign = CampaignPageFactory(parent=site_tree.sq.campaigns, title="Fushata")
    english = translate_page(campaign, locales.en, title="The campaign", slug="the-campaign")
    returned = activity(network, status=ActivityStatus.RETURNED, campaign=campaign)
    form = make_form(network, form_data(campaign=str(english.pk)), instance=returned)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["campaign"].pk == campaign.pk
