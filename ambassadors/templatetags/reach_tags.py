"""`{% load reach_tags %}`: the campaign page's region map of reach (ambassadors.reach)."""

from django import template

from ambassadors.reach import reach_map as build_reach_map

register = template.Library()


@register.simple_tag
def reach_map(reach):
    """`{% reach_map reach as region_map %}`: tiles, legend and unplaced regions (no query)."""
    return build_reach_map(reach)
