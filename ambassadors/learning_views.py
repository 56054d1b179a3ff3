"""Training in the network: a school's ambassadors' course progress, completion per school.

Access is asked of `permissions`; a school is looked up only among those the person may see.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import permissions
from .learning import memberships_training, schools_training
from .models import Role


@require_GET
@login_required
@never_cache
def team_progress(request, pk: int):
    """The school's current ambassadors and their progress in the ambassadors' course."""
    schools = permissions.schools_visible_to(request.user).select_related("municipality__region")
    school = get_object_or_404(schools, pk=pk)
    if not permissions.can_view_team_progress(request.user, school):
        raise PermissionDenied
    memberships = (
        school.memberships.active()
        .filter(role=Role.AMBASSADOR)
        .select_related("user")
        .order_by("user__first_name", "pk")
    )
    return render(
        request,
        "ambassadors/learning_team.html",
        {"school": school, "trainings": memberships_training(memberships)},
    )


@require_GET
@login_required
@never_cache
def learning_overview(request):
    """Completion of the role courses per school: a coordinator's region(s), or every school."""
    if not permissions.can_view_learning_overview(request.user):
        raise PermissionDenied
    schools = (
        permissions.schools_visible_to(request.user)
        .filter(is_active=True)
        .select_related("municipality__region")
        .order_by("municipality__region__name", "name", "pk")
    )
    rows = schools_training(schools)
    return render(
        request,
        "ambassadors/learning_overview.html",
        {
            "rows": rows,
            "trained_teams": sum(1 for row in rows if row.trained_team),
        },
    )
