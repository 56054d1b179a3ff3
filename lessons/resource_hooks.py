"""Members-only library files: Wagtail's document view refuses them to anyone outside the network.
Files of a type that is not on the allow-list (WAGTAILDOCS_EXTENSIONS) are served to nobody.

Imported (through lessons/resource_admin.py) from lessons/wagtail_hooks.py. Documents that are in
no members-only resource are served exactly as before.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.template.response import TemplateResponse
from wagtail import hooks

from .resources import document_is_members_only, request_is_member


@hooks.register("before_serve_document", order=-1)
def allowed_file_types_only(document, request):
    """A file stored before the allow-list (an SVG or HTML page can run scripts in the site's
    origin) is not served: 404, as if it were not there."""
    allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None)
    if allowed and document.file_extension.lower() not in {ext.lower() for ext in allowed}:
        raise Http404
    return None


@hooks.register("before_serve_document")
def members_only_documents(document, request):
    """Anonymous: to the login page and back; signed in but not a member: 403; member: the file."""
    if not document_is_members_only(document):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request_is_member(request):
        return TemplateResponse(request, "lessons/resource_forbidden.html", status=403).render()
    return None
