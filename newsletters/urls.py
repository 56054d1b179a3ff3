"""The newsletter's public URLs, inside i18n_patterns at "newsletter/"."""

from django.urls import path

from . import feeds, views

app_name = "newsletters"

urlpatterns = [
    path("subscribe/", views.subscribe, name="subscribe"),
    path("subscribe/check-your-email/", views.subscribe_done, name="subscribe_done"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("manage/<str:token>/", views.manage, name="manage"),
    path("unsubscribe/<str:token>/", views.one_click, name="one_click"),
    path("unsubscribed/", views.unsubscribed, name="unsubscribed"),
    path("feed/rss/", feeds.IssuesRssFeed(), name="feed_rss"),
    path("feed/atom/", feeds.IssuesAtomFeed(), name="feed_atom"),
]
