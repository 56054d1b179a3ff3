"""Certificate URLs (no app_name: they live in the "learning" namespace of lessons.urls).

Codes in addresses are fine (they are printed on paper and say nothing about the person);
user ids never appear.
"""

from django.urls import path

from . import certificate_views as views

urlpatterns = [
    path("", views.certificate_lookup, name="certificate_lookup"),
    path("mine/", views.certificate_mine, name="certificate_mine"),
    path("<str:code>/", views.certificate_verify, name="certificate_verify"),
    path("<str:code>/pdf/", views.certificate_download, name="certificate_pdf"),
]
