"""The school space, at /network/ in every language. Ids only in paths; tokens are random."""

from django.urls import path

from . import activity_views, views

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

# The activity log (issue 4): activities only ever through their school.
urlpatterns += [
    path("schools/<int:pk>/activities/", activity_views.activity_list, name="activity_list"),
    path("schools/<int:pk>/activities/new/", activity_views.activity_new, name="activity_new"),
    path(
        "schools/<int:pk>/activities/<int:activity_pk>/",
        activity_views.activity_detail,
        name="activity_detail",
    ),
    path(
        "schools/<int:pk>/activities/<int:activity_pk>/edit/",
        activity_views.activity_edit,
        name="activity_edit",
    ),
    path(
        "schools/<int:pk>/activities/<int:activity_pk>/verify/",
        activity_views.activity_verify,
        name="activity_verify",
    ),
    path(
        "schools/<int:pk>/activities/<int:activity_pk>/return/",
        activity_views.activity_return_view,
        name="activity_return",
    ),
]

# Training (issue 5): progress of a school's ambassadors, completion per school.
from . import learning_views  # noqa: E402

urlpatterns += [
    path("schools/<int:pk>/learning/", learning_views.team_progress, name="team_progress"),
    path("learning/", learning_views.learning_overview, name="learning_overview"),
]
