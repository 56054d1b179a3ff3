"""The resource library in the Wagtail admin: editors add, describe and find library resources.

Imported from lessons/wagtail_hooks.py. Access follows the model permissions of
lessons.Resource (granted to Editors and Moderators by the migration that creates it).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import resource_hooks  # noqa: F401  (registers the download check)
from .resources import Resource


class ResourceViewSet(SnippetViewSet):
    model = Resource
    icon = "doc-full"
    menu_label = _("Resource library")
    menu_name = "resource-library"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["title", "kind", "language", "age_band", "members_only", "updated_at"]
    list_filter = ["kind", "language", "age_band", "members_only"]
    search_fields = ["title", "description"]
    ordering = ["title"]
    list_per_page = 50
    copy_view_enabled = False

    def get_queryset(self, request):
        return Resource.objects.select_related("document")


register_snippet(ResourceViewSet)
