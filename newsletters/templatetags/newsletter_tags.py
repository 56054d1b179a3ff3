from django import template

from newsletters.forms import SubscribeForm

register = template.Library()


@register.simple_tag(takes_context=True)
def subscribe_form(context):
    """The subscribe form: the one being corrected on the subscribe page, else a blank one."""
    return (
        context.get("form") if isinstance(context.get("form"), SubscribeForm) else SubscribeForm()
    )
