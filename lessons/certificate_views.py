"""Certificates on the site: the public verification page and its code form, the learner's own
list and the PDF download.

The verification page shows the name as printed, the course, the date and whether the
certificate is valid, and nothing else: a revoked certificate shows only that it was revoked and
when. The PDF is for its owner (and editors who manage certificates): it shows nothing the public
page does not, but it is the person's document, handed out by the site only to them.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache

from .certificate_forms import CertificateLookupForm
from .certificates import (
    Certificate,
    certificate_pdf,
    certificates_of,
    course_titles,
    format_code,
    normalise_code,
)


def _private_to_robots(response):
    # Names of children are on these pages: keep them out of search engines.
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def certificate_lookup(request):
    """A GET form: the typed code, however written, leads to its verification page."""
    form = CertificateLookupForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return redirect("learning:certificate_verify", code=format_code(form.cleaned_data["code"]))
    status = 400 if form.is_bound else 200
    return render(request, "lessons/certificate_lookup.html", {"form": form}, status=status)


@never_cache
def certificate_verify(request, code: str):
    """Valid: the name as printed, course and date. Revoked: only that, and when. Unknown: 404."""
    normalised = normalise_code(code)
    certificate = None
    if normalised is not None:
        if code != format_code(normalised):
            return redirect("learning:certificate_verify", code=format_code(normalised))
        certificate = Certificate.objects.select_related("course").filter(code=normalised).first()
    if certificate is None:
        response = render(
            request,
            "lessons/certificate_unknown.html",
            {"form": CertificateLookupForm()},
            status=404,
        )
        return _private_to_robots(response)
    context = {"certificate": certificate}
    if not certificate.is_revoked:
        language = translation.get_language()
        context["course_title"] = course_titles([certificate.course], language)[
            certificate.course_id
        ]
    return _private_to_robots(render(request, "lessons/certificate_verify.html", context))


@login_required
def certificate_mine(request):
    """The signed-in person's certificates, with their verification pages and PDFs."""
    certificates = list(certificates_of(request.user))
    titles = course_titles({c.course for c in certificates}, translation.get_language())
    for certificate in certificates:
        certificate.course_title = titles[certificate.course_id]
    response = render(request, "lessons/certificate_mine.html", {"certificates": certificates})
    patch_cache_control(response, private=True, no_store=True)
    return _private_to_robots(response)


def can_download(user, certificate: Certificate) -> bool:
    """The owner, and editors who manage certificates (they already see what it prints)."""
    if certificate.is_revoked:
        return False
    return certificate.user_id == user.pk or user.has_perm("lessons.view_certificate")


@login_required
def certificate_download(request, code: str):
    """The PDF, for its owner or an editor; 404 for anyone else, as for a code that does not
    exist, so the answer never tells whose certificate a code is."""
    normalised = normalise_code(code)
    certificate = (
        Certificate.objects.select_related("course").filter(code=normalised).first()
        if normalised
        else None
    )
    if certificate is None or not can_download(request.user, certificate):
        raise Http404
    response = HttpResponse(certificate_pdf(certificate), content_type="application/pdf")
    # The file name carries the code only, never the person's name.
    response["Content-Disposition"] = (
        f'attachment; filename="certificate-{certificate.display_code}.pdf"'
    )
    patch_cache_control(response, private=True, no_store=True)
    return _private_to_robots(response)
