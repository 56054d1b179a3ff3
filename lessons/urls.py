"""Learning URLs at /learning/ in every language: courses' progress, certificates, library."""

from django.urls import include, path

from . import views

app_name = "learning"

urlpatterns = [
    path("", views.my_learning, name="my_learning"),
    path("certificates/", include("lessons.certificate_urls")),
]
