"""The school space, at /network/ in every language. Ids only in paths; tokens are random."""

from django.urls import path

from . import views

app_name = "network"

urlpatterns = [
    path("", views.home, name="home"),
    path("schools/", views.school_list, name="school_list"),
    path("schools/<int:pk>/", views.school, name="school"),
    path("schools/<int:pk>/ambassadors/add/", views.ambassador_add, name="ambassador_add"),
    path(
        "schools/<int:pk>/members/<int:membership_pk>/deactivate/",
        views.membership_deactivate,
        name="membership_deactivate",
    ),
    path(
        "schools/<int:pk>/members/<int:membership_pk>/new-code/",
        views.ambassador_new_code,
        name="ambassador_new_code",
    ),
    path(
        "schools/<int:pk>/members/<int:membership_pk>/delete/",
        views.ambassador_delete,
        name="ambassador_delete",
    ),
    path("help/", views.help_page, name="help"),
    path("invitations/new/", views.invitation_new, name="invitation_new"),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
]
