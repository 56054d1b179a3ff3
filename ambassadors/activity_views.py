"""The activity log of a school: list, log, fix, verify and return.

Schools are looked up only among those the person may see, and activities only through their
school (404 otherwise, so ids reveal nothing); every decision is asked of `permissions`.
"""

import uuid

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import activities, permissions
from .activities import ActivityError
from .activity_forms import ActivityFilterForm, ActivityForm, ReturnForm
from .models import Activity, ActivityStatus, School

ACTIVITIES_PER_PAGE = 25
SUBMIT = "submit"


def _visible_school(request, pk: int) -> School:
    schools = permissions.schools_visible_to(request.user).select_related("municipality__region")
    return get_object_or_404(schools, pk=pk)


def _visible_activity(request, school: School, activity_pk: int) -> Activity:
    """An activity of this school the person may open; another school's id is a 404 here."""
    visible = permissions.activities_visible_to(request.user, school).select_related(
        "author", "verified_by", "campaign", "school"
    )
    return get_object_or_404(visible, pk=activity_pk)


def _detail_url(request, activity: Activity) -> str:
    return request.build_absolute_uri(
        reverse("network:activity_detail", args=(activity.school_id, activity.pk))
    )


def _saved_message(request, activity: Activity) -> None:
    if activity.status == ActivityStatus.SUBMITTED:
        messages.success(
            request, _("The activity was sent to your school's teachers for verification.")
        )
    else:
        messages.success(
            request, _("The activity was saved as a draft. Submit it when it is complete.")
        )


@login_required
@require_GET
def activity_list(request, pk: int):
    school = _visible_school(request, pk)
    filter_form = ActivityFilterForm(request.GET or None)
    visible = permissions.activities_visible_to(request.user, school).select_related("author")
    status = filter_form.chosen_status()
    if status:
        visible = visible.filter(status=status)
    page_obj = Paginator(visible, ACTIVITIES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "ambassadors/activities/activity_list.html",
        {
            "school": school,
            "filter_form": filter_form,
            "status": status,
            "page_obj": page_obj,
            "can_log": permissions.can_log_activity(request.user, school),
        },
    )


def _already_saved(request, school: School) -> Activity | None:
    """The person's activity saved from this very form display, if any (a repeated submit)."""
    try:
        key = uuid.UUID(request.POST.get("submission_id", ""))
    except ValueError:
        return None
    return school.activities.filter(submission_key=key, author=request.user).first()


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def activity_new(request, pk: int):
    school = _visible_school(request, pk)
    if not permissions.can_log_activity(request.user, school):
        raise PermissionDenied
    if request.method == "POST":
        form = ActivityForm(request.POST, school=school)
        already = _already_saved(request, school)
        if already is not None:
            # A double tap or a retry: the activity exists already, whatever the form says now.
            messages.info(request, _("This activity was already saved."))
            return redirect("network:activity_detail", pk=school.pk, activity_pk=already.pk)
        if form.is_valid():
            try:
                activity, created = activities.activity_create(
                    school=school,
                    author=request.user,
                    submission_key=form.cleaned_data["submission_id"],
                    data=form.activity_data(),
                    tags=form.cleaned_data["topics"],
                    submit=request.POST.get("action") == SUBMIT,
                )
            except ActivityError as error:
                form.add_error(None, str(error))
            else:
                if created:
                    _saved_message(request, activity)
                else:
                    messages.info(request, _("This activity was already saved."))
                return redirect("network:activity_detail", pk=school.pk, activity_pk=activity.pk)
    else:
        form = ActivityForm(school=school)
    return render(
        request,
        "ambassadors/activities/activity_form.html",
        {"school": school, "form": form, "activity": None},
    )


@login_required
@require_GET
def activity_detail(request, pk: int, activity_pk: int):
    school = _visible_school(request, pk)
    activity = _visible_activity(request, school, activity_pk)
    return _render_detail(request, school, activity, ReturnForm())


def _history(activity: Activity) -> list:
    """The history entries, each edit's changes as (field label, old, new) in the reader's words."""
    events = list(activity.events.select_related("actor"))
    campaign_ids = {
        value
        for event in events
        for value in event.changes.get("campaign", [])
        if isinstance(value, int)
    }
    campaign_page = apps.get_model("campaigns", "CampaignPage")
    titles = dict(campaign_page.objects.filter(pk__in=campaign_ids).values_list("pk", "title"))
    for event in events:
        event.change_list = []
        for name, (old, new) in event.changes.items():
            if name == "tags":
                label, old, new = _("topics"), ", ".join(old), ", ".join(new)
            else:
                label = Activity._meta.get_field(name).verbose_name
                if name == "campaign":
                    old, new = titles.get(old, old), titles.get(new, new)
            event.change_list.append((label, old, new))
    return events


def _render_detail(request, school, activity, return_form, status=200):
    can_verify = permissions.can_verify_activity(request.user, activity)
    return render(
        request,
        "ambassadors/activities/activity_detail.html",
        {
            "school": school,
            "activity": activity,
            "tags": sorted(tag.name for tag in activity.tags.all()),
            "events": _history(activity),
            "can_edit": permissions.can_edit_activity(request.user, activity),
            "can_decide": can_verify and activity.status == ActivityStatus.SUBMITTED,
            "return_form": return_form,
        },
        status=status,
    )


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def activity_edit(request, pk: int, activity_pk: int):
    school = _visible_school(request, pk)
    activity = _visible_activity(request, school, activity_pk)
    if not permissions.can_edit_activity(request.user, activity):
        raise PermissionDenied
    if request.method == "POST":
        form = ActivityForm(request.POST, school=school, instance=activity)
        if form.is_valid():
            try:
                activity = activities.activity_update(
                    activity=activity,
                    actor=request.user,
                    data=form.activity_data(),
                    tags=form.cleaned_data["topics"],
                )
                if request.POST.get("action") == SUBMIT:
                    activity = activities.activity_submit(activity=activity, actor=request.user)
            except ActivityError as error:
                messages.error(request, str(error))
            else:
                _saved_message(request, activity)
            return redirect("network:activity_detail", pk=school.pk, activity_pk=activity.pk)
    else:
        form = ActivityForm(school=school, instance=activity)
    return render(
        request,
        "ambassadors/activities/activity_form.html",
        {"school": school, "form": form, "activity": activity},
    )


def _decidable(request, pk: int, activity_pk: int) -> tuple[School, Activity]:
    school = _visible_school(request, pk)
    activity = _visible_activity(request, school, activity_pk)
    if not permissions.can_verify_activity(request.user, activity):
        raise PermissionDenied
    return school, activity


@login_required
@require_POST
def activity_verify(request, pk: int, activity_pk: int):
    school, activity = _decidable(request, pk, activity_pk)
    try:
        activities.activity_verify(
            activity=activity, verifier=request.user, link=_detail_url(request, activity)
        )
    except ActivityError as error:
        messages.info(request, str(error))
    else:
        messages.success(request, _("Verified: the activity now counts in the figures."))
    return redirect("network:activity_detail", pk=school.pk, activity_pk=activity.pk)


@login_required
@require_POST
def activity_return_view(request, pk: int, activity_pk: int):
    school, activity = _decidable(request, pk, activity_pk)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, school, activity, form)
    try:
        activities.activity_return(
            activity=activity,
            verifier=request.user,
            reason=form.cleaned_data["reason"],
            link=_detail_url(request, activity),
        )
    except ActivityError as error:
        messages.info(request, str(error))
    else:
        messages.success(request, _("The activity was returned to its author with your reason."))
    return redirect("network:activity_detail", pk=school.pk, activity_pk=activity.pk)
