"""`{% load activity_tags %}`: the activity log's box on a school's page."""

from django import template

from ambassadors import permissions

register = template.Library()

LATEST_ACTIVITIES = 5


@register.simple_tag(takes_context=True)
def school_activities(context, school):
    """The school's latest activities this person may open, and whether they may log one."""
    user = context["request"].user
    latest = permissions.activities_visible_to(user, school).select_related("author")
    return {
        "latest": list(latest[:LATEST_ACTIVITIES]),
        "can_log": permissions.can_log_activity(user, school),
    }
