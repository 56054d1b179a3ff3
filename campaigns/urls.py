"""Public open data (aggregates only), language-neutral: served outside i18n_patterns."""

from django.urls import path

from . import open_data

app_name = "open_data"

urlpatterns = [
    path("campaigns.json", open_data.campaigns_json, name="campaigns_json"),
    path("campaigns.csv", open_data.campaigns_csv, name="campaigns_csv"),
    path("regions.json", open_data.regions_json, name="regions_json"),
    path("regions.csv", open_data.regions_csv, name="regions_csv"),
]
