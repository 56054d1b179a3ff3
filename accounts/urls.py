from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("setup/", views.setup, name="setup"),
    path("privacy/", views.privacy, name="privacy"),
    path("privacy/export/", views.privacy_export, name="privacy_export"),
    path("privacy/delete/", views.privacy_delete, name="privacy_delete"),
]
