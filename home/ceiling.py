"""The load benchmark's ceiling: the least a Django view can do, behind every middleware."""

from django.http import HttpResponse


def ceiling(request):
    return HttpResponse(b"ok", content_type="text/plain")
