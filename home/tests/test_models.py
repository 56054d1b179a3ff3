"""Shared page fields and the site settings."""

import pytest
from django.core.exceptions import ValidationError

from campaigns.factories import CampaignPageFactory
from home.factories import ImageFactory, SiteSettingsFactory
from home.models import AudienceFields, SiteSettings
from lessons.factories import LessonPageFactory
from lessons.models import LessonPage
from newsletters.factories import NewsletterIssuePageFactory


@pytest.mark.django_db  # a new Page reads the default locale
def test_audiences_lists_the_labels_of_the_flags_that_are_set(english):
    lesson = LessonPage(for_children=True, for_teachers=True)

    assert [str(label) for label in lesson.audiences] == ["Children", "Teachers"]
    assert LessonPage().audiences == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("parents", {"for_parents": True}),
        ("ambassadors", {"for_ambassadors": True}),
        ("martians", {}),
        ("", {}),
        ("parents; drop table", {}),
    ],
)
def test_audience_filter_accepts_known_audiences_only(value, expected):
    assert AudienceFields.audience_filter(value) == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("factory", "index"),
    [
        (LessonPageFactory, "lessons"),
        (CampaignPageFactory, "campaigns"),
        (NewsletterIssuePageFactory, "newsletters"),
    ],
)
def test_listing_image_needs_a_description(site_tree, english, factory, index):
    page = factory(parent=getattr(site_tree.sq, index))
    page.image = ImageFactory()
    page.image_alt = ""

    with pytest.raises(ValidationError) as error:
        page.full_clean()

    assert "image_alt" in error.value.message_dict
    assert "Describe the image" in error.value.message_dict["image_alt"][0]

    page.image_alt = "Two pupils look at a phone together"
    page.full_clean()


@pytest.mark.django_db
def test_a_description_without_an_image_is_fine(site_tree):
    page = LessonPageFactory(parent=site_tree.sq.lessons, image_alt="")

    page.full_clean()

    assert page.image is None


@pytest.mark.parametrize(
    ("number", "tel"),
    [("116 111", "116111"), ("+355 4 222 2222", "+35542222222"), ("(04) 123-45", "0412345")],
)
def test_helpline_tel_keeps_digits_and_plus_only(number, tel):
    assert SiteSettings(helpline_number=number).helpline_tel == tel


def test_helpline_number_defaults_to_the_eu_child_helpline():
    assert SiteSettings().helpline_number == "116 111"


def test_social_links_lists_only_the_filled_addresses():
    settings = SiteSettings(
        facebook_url="https://facebook.example/isigurt", youtube_url="https://youtube.example/x"
    )

    assert settings.social_links == [
        ("Facebook", "https://facebook.example/isigurt"),
        ("YouTube", "https://youtube.example/x"),
    ]


@pytest.mark.django_db
def test_site_settings_are_one_per_site(site_tree):
    again = SiteSettingsFactory(site=site_tree.site, organisation_name="Other")

    assert again.pk == site_tree.settings.pk
    assert SiteSettings.for_site(site_tree.site).report_url == site_tree.settings.report_url
