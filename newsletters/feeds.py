"""RSS and Atom feeds of the archive's issues, one per language (the URL's language prefix)."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext
from wagtail.models import Locale

from .models import NewsletterIndexPage
from .selectors import feed_issues


class IssuesRssFeed(Feed):
    def get_object(self, request, *args, **kwargs):
        self.request = request
        return Locale.get_active()

    def title(self, locale):
        return gettext("Sigurt: newsletter for parents")

    def description(self, locale):
        return gettext("New issues of the digital newsletter for parents.")

    def link(self, locale):
        index = NewsletterIndexPage.objects.live().public().filter(locale=locale).first()
        return index.get_url(self.request) if index else "/"

    def items(self, locale):
        return feed_issues(locale=locale)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return datetime.datetime.combine(
            item.issue_date, datetime.time(), tzinfo=timezone.get_current_timezone()
        )

    def item_updateddate(self, item):
        return item.last_published_at


class IssuesAtomFeed(IssuesRssFeed):
    feed_type = Atom1Feed
    subtitle = IssuesRssFeed.description
