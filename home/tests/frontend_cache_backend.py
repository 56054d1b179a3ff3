"""A CDN stand-in for tests: records the URLs that Wagtail's frontend cache invalidation purges."""

from wagtail.contrib.frontend_cache.backends import BaseBackend

PURGED: list[str] = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        PURGED.append(url)
