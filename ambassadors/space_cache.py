"""School spaces as each person last saw them, kept briefly so a busy school space is not
rebuilt (team, activities, training badge: a dozen queries and the heaviest template) on every
request.

- What is kept is the space's own section, rendered for one person: never the page around it
  (messages, menu), never a response. The page is still sent `private, no-store`.
- The key holds everything the section depends on: the school and its version, the person, the
  facts the access rules read (roles, regions, national staff), the language, the day, and the
  generations of public pages (lessons, campaigns and courses shown or counted there).
- The section's forms are kept with a placeholder for their CSRF token, which each request
  replaces with its own: one kept copy serves every browser the person uses.
- A school's version is replaced whenever something its space shows changes (see
  `ambassadors.signal_handlers`): its row, its memberships, their people's accounts, setup codes
  and learning, its activities. Places and school years retire every school's version. Like the
  page cache, each change retires now and again at commit.
- Kept for at most SPACE_CACHE_SECONDS, which bounds what changes with the clock alone (a setup
  code expiring).
"""

import hashlib
import uuid
from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString

from home.page_cache import content_generations

from . import permissions
from .models import School

TEMPLATE = "ambassadors/components/school_space.html"
SPACE_CACHE_SECONDS = 60
ALL_SCHOOLS = "*"
# Stands for the CSRF token in kept forms (`{% csrf_token %}` takes it from the context).
CSRF_PLACEHOLDER = "csrfTokenOfThisRequest"


def _version_key(school_pk) -> str:
    return f"space-version:{school_pk}"


def _new_versions(keys: list[str]) -> None:
    cache.set_many({key: uuid.uuid4().hex for key in keys}, None)


def spaces_changed(school_ids: Iterable[int] | None) -> None:
    """Retire the kept spaces of these schools (of every school with None), now and at commit:
    a reader in between may have kept the space as it was before the change."""
    if school_ids is None:
        keys = [_version_key(ALL_SCHOOLS)]
    else:
        keys = [_version_key(pk) for pk in set(school_ids) if pk is not None]
    if not keys:
        return
    _new_versions(keys)
    transaction.on_commit(lambda: _new_versions(keys))


def _viewer_facts(user) -> tuple:
    """What the access rules read about the person (once per request: `permissions`)."""
    return (
        user.pk,
        tuple(sorted(permissions.active_roles(user))),
        tuple(sorted(permissions.coordinated_region_ids(user))),
        permissions.is_network_editor(user),
    )


def space_key(request, school: School) -> str:
    """The key of this person's view of the school's space, as of now."""
    versions = cache.get_many([_version_key(ALL_SCHOOLS), _version_key(school.pk)])
    words = [
        "school-space",
        school.pk,
        versions.get(_version_key(ALL_SCHOOLS), "0"),
        versions.get(_version_key(school.pk), "0"),
        *content_generations(),
        *_viewer_facts(request.user),
        translation.get_language(),
        timezone.localdate().isoformat(),
    ]
    return "space:" + hashlib.sha256("\n".join(map(str, words)).encode()).hexdigest()


def kept_space(request, school: School, context) -> SafeString:
    """The school's space for this person: as kept, or rendered from `context()` (then kept)."""
    key = space_key(request, school)
    html = cache.get(key)
    if html is None:
        html = render_to_string(
            TEMPLATE, {**context(), "csrf_token": CSRF_PLACEHOLDER}, request=request
        )
        cache.set(key, html, SPACE_CACHE_SECONDS)
    if CSRF_PLACEHOLDER in html:
        html = html.replace(CSRF_PLACEHOLDER, get_token(request))
    # Our own template's output, with a token of letters and digits put in its forms.
    return SafeString(html)
