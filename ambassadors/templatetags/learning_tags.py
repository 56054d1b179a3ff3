"""The "trained team" badge in the school space and the school list."""

from django import template

from ..learning import school_badges

register = template.Library()


@register.simple_tag
def trained_schools(schools) -> set[int]:
    """Pks of the given schools (a school, or an iterable of them) that earned the badge."""
    if hasattr(schools, "pk"):
        schools = [schools]
    return {pk for pk, earned in school_badges(schools).items() if earned}
