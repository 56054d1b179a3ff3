"""The school space: schools, their teams, ambassadors' accounts and invitations.

Every access decision is asked of `permissions`; schools are looked up only among those the person
may see (404 otherwise), and memberships only through their school.
"""

from allauth.core import ratelimit
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.models import SetupCode
from accounts.services import setup_code_issue

from . import permissions, selectors, services, space_cache
from .forms import (
    AmbassadorForm,
    InvitationAcceptForm,
    InvitationForm,
    SchoolFilterForm,
)
from .models import Membership, Region, School

SCHOOLS_PER_PAGE = 25
SUBMISSION_SESSION_KEY = "network_submissions"
SUBMISSIONS_REMEMBERED = 50
SUBMISSION_TTL = 60 * 60 * 24
TOKEN_MAX_LENGTH = 100


# --- Helpers -----------------------------------------------------------------------------------


def _visible_school(request, pk: int) -> School:
    """The school, if the person may see it; 404 otherwise, so ids reveal nothing.

    Read by its key and then asked of `permissions.can_view_school`, which reads the person's
    roles once per request: cheaper than filtering every school by the same rule."""
    school = School.objects.select_related("municipality__region").filter(pk=pk).first()
    if school is None or not permissions.can_view_school(request.user, school):
        raise Http404
    return school


def _managed_school(request, pk: int) -> School:
    school = _visible_school(request, pk)
    if not permissions.can_manage_ambassadors(request.user, school):
        raise PermissionDenied
    return school


def _school_member(school: School, membership_pk: int) -> Membership:
    """A membership of this school only: another school's id is a 404 here."""
    memberships = school.memberships.select_related("user", "school")
    return get_object_or_404(memberships, pk=membership_pk)


def _submission_key(submission_id) -> str:
    return f"network:submission:{submission_id}"


def _submission_claim(request, submission_id) -> bool:
    """Mark a form submission as being acted on; False when it already was (a double submit).

    The cache makes the check atomic across simultaneous requests; the session remembers it even
    when the cache is per process or has been cleared.
    """
    seen = request.session.get(SUBMISSION_SESSION_KEY, [])
    if str(submission_id) in seen:
        return False
    if not cache.add(_submission_key(submission_id), request.user.pk, SUBMISSION_TTL):
        return False
    request.session[SUBMISSION_SESSION_KEY] = [*seen, str(submission_id)][-SUBMISSIONS_REMEMBERED:]
    return True


def _submission_release(request, submission_id) -> None:
    """Forget a claimed submission that saved nothing, so the person can send it again."""
    cache.delete(_submission_key(submission_id))
    seen = request.session.get(SUBMISSION_SESSION_KEY, [])
    request.session[SUBMISSION_SESSION_KEY] = [item for item in seen if item != str(submission_id)]


def _setup_url(request) -> str:
    """The full address where a person redeems a setup code, in the active language."""
    return request.build_absolute_uri(reverse("accounts:setup"))


def _code_slip(request, *, school: School, person, code: str, heading: str):
    response = render(
        request,
        "ambassadors/code_slip.html",
        {
            "school": school,
            "person": person,
            "code": code,
            "setup_url": _setup_url(request),
            "expires_at": SetupCode.objects.filter(user=person)
            .values_list("expires_at", flat=True)
            .first(),
            "heading": heading,
        },
    )
    # The code exists only in this response: never keep it in a cache or the browser's history.
    response["Cache-Control"] = "no-store, no-cache, must-revalidate, max-age=0, private"
    return response


def _regions_for_filter(user) -> QuerySet:
    if permissions.is_network_editor(user):
        return Region.objects.all()
    return permissions.coordinated_regions(user)


# --- Views -------------------------------------------------------------------------------------


@login_required
def home(request):
    """Where a person lands after login: their school, the school list, or an explanation."""
    if permissions.can_list_schools(request.user):
        return redirect("network:school_list")
    school = permissions.home_school(request.user)
    if school is not None:
        return redirect("network:school", pk=school.pk)
    return render(request, "ambassadors/no_school.html")


@login_required
def school_list(request):
    if not permissions.can_list_schools(request.user):
        raise PermissionDenied
    form = SchoolFilterForm(request.GET or None, regions=_regions_for_filter(request.user))
    schools = selectors.school_list(user=request.user, **form.cleaned_filters())
    page_obj = Paginator(schools, SCHOOLS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "ambassadors/school_list.html",
        {
            "filter_form": form,
            "page_obj": page_obj,
            "filter_query": form.query_string(),
            "can_invite": permissions.can_invite(request.user),
        },
    )


@login_required
@transaction.non_atomic_requests  # changes nothing: no transaction to open and close
def school(request, pk: int):
    school = _visible_school(request, pk)
    space = space_cache.kept_space(
        request, school, lambda: selectors.school_space(school=school, user=request.user)
    )
    return render(request, "ambassadors/school.html", {"school": school, "space": space})


@login_required
@never_cache
def ambassador_add(request, pk: int):
    school = _managed_school(request, pk)
    if request.method == "POST":
        form = AmbassadorForm(request.POST, school=school)
        if form.is_valid():
            submission_id = form.cleaned_data["submission_id"]
            if not _submission_claim(request, submission_id):
                messages.info(
                    request,
                    _(
                        "This ambassador was already saved. If you did not see the one-time "
                        "code, choose “New code” next to their name."
                    ),
                )
                return redirect("network:school", pk=school.pk)
            data = form.cleaned_data
            try:
                person, code = services.ambassador_create(
                    school=school,
                    created_by=request.user,
                    first_name=data["first_name"],
                    last_name_initial=data["last_name_initial"],
                    consent_given_by=data["consent_given_by"],
                    consent_given_on=data["consent_given_on"],
                    replaces=data["replaces"],
                )
            except services.NetworkError as error:
                _submission_release(request, submission_id)
                form.add_error(None, str(error))
            else:
                return _code_slip(
                    request,
                    school=school,
                    person=person,
                    code=code,
                    heading=_("The ambassador's account is ready"),
                )
    else:
        form = AmbassadorForm(school=school)
        replaces = request.GET.get("replaces", "")
        # Preselected only when it is one of this school's active ambassadors.
        if replaces.isdigit() and form.fields["replaces"].queryset.filter(pk=replaces).exists():
            form.initial["replaces"] = int(replaces)
    return render(
        request,
        "ambassadors/ambassador_add.html",
        {"school": school, "form": form, "is_hand_over": bool(form["replaces"].value())},
    )


@login_required
@require_POST
def membership_deactivate(request, pk: int, membership_pk: int):
    school = _managed_school(request, pk)
    membership = _school_member(school, membership_pk)
    if not permissions.can_manage_member(request.user, membership):
        raise PermissionDenied
    if membership.is_active:
        services.membership_deactivate(membership=membership, by=request.user)
        messages.success(request, _("The role has ended. It stays in the school's history."))
    else:
        messages.info(request, _("This role had already ended."))
    return redirect("network:school", pk=school.pk)


@login_required
@require_POST
def ambassador_new_code(request, pk: int, membership_pk: int):
    school = _managed_school(request, pk)
    membership = _school_member(school, membership_pk)
    if not permissions.can_act_on_member(request.user, membership, "new_code"):
        raise PermissionDenied
    code = setup_code_issue(user=membership.user, created_by=request.user)
    return _code_slip(
        request,
        school=school,
        person=membership.user,
        code=code,
        heading=_("A new one-time code"),
    )


@login_required
@never_cache
def ambassador_delete(request, pk: int, membership_pk: int):
    school = _managed_school(request, pk)
    membership = _school_member(school, membership_pk)
    if not permissions.can_act_on_member(request.user, membership, "delete"):
        raise PermissionDenied
    if request.method == "POST":
        name = membership.user.display_name
        services.ambassador_delete(membership=membership, by=request.user)
        messages.success(
            request,
            _("%(name)s's account and personal data were deleted.") % {"name": name},
        )
        return redirect("network:school", pk=school.pk)
    return render(
        request,
        "ambassadors/ambassador_delete.html",
        {"school": school, "membership": membership, "person": membership.user},
    )


@login_required
def help_page(request):
    return render(request, "ambassadors/help.html")


@login_required
@never_cache
def invitation_new(request):
    if not permissions.can_invite(request.user):
        raise PermissionDenied
    schools = permissions.schools_visible_to(request.user)
    if request.method == "POST":
        form = InvitationForm(request.POST, schools=schools)
        if form.is_valid():
            data = form.cleaned_data
            done = (
                redirect("network:school", pk=data["school"].pk)
                if data["school"]
                else redirect("network:school_list")
            )
            if not _submission_claim(request, data["submission_id"]):
                messages.info(request, _("This invitation was already sent."))
                return done
            try:
                services.invitation_create(
                    email=data["email"],
                    role=data["role"],
                    school=data["school"],
                    region=data["region"],
                    invited_by=request.user,
                    base_url=request.build_absolute_uri("/"),
                )
            except services.NetworkError as error:
                _submission_release(request, data["submission_id"])
                form.add_error(None, str(error))
            else:
                messages.success(
                    request, _("Invitation sent to %(email)s.") % {"email": data["email"]}
                )
                return done
    else:
        initial = {}
        school_pk = request.GET.get("school", "")
        if school_pk.isdigit():
            school = schools.filter(pk=int(school_pk)).first()
            if school is not None:
                initial["school_code"] = school.code
        form = InvitationForm(initial=initial, schools=schools)
    return render(
        request,
        "ambassadors/invitation_new.html",
        {"form": form, "days": settings.INVITATION_VALID_DAYS},
    )


def _invitation_invalid(request, error: services.InvitationInvalidError):
    status = 410 if isinstance(error, services.InvitationGoneError) else 404
    return render(request, "ambassadors/invitation_invalid.html", status=status)


@never_cache
def invitation_accept(request, token: str):
    # allauth counts submissions (POST) only; guessing a 256-bit token by GET is hopeless anyway.
    if not ratelimit.consume(request, action="invitation"):
        return render(request, "ambassadors/too_many_attempts.html", status=429)
    if len(token) > TOKEN_MAX_LENGTH:
        raise Http404
    try:
        invitation = services.invitation_find(token)
    except services.InvitationInvalidError as error:
        return _invitation_invalid(request, error)
    form = InvitationAcceptForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            person = services.invitation_accept(
                token=token,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password1"],
            )
        except services.InvitationInvalidError as error:
            return _invitation_invalid(request, error)
        except services.NetworkError as error:
            form.add_error(None, str(error))
        else:
            login(request, person, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Welcome! Your account is ready."))
            return redirect("network:home")
    return render(
        request, "ambassadors/invitation_accept.html", {"invitation": invitation, "form": form}
    )
