"""Retire kept school spaces (`space_cache`) whenever something they show changes.

Cache upkeep only: no rule of the network lives here. Deletions that set a column to NULL send
no signal for the rows they touch, so people's schools are read before their account goes.
"""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, post_save, pre_delete

from .space_cache import spaces_changed

# Rows of these show in the spaces of every school (names of places, the school year).
EVERY_SCHOOL_MODELS = ("ambassadors.Region", "ambassadors.Municipality", "ambassadors.SchoolYear")
# Rows of these belong to one person, shown in the team of each of their schools.
PERSON_MODELS = ("accounts.SetupCode", "lessons.LessonProgress")


def _schools_of(user_id) -> set[int]:
    if user_id is None:
        return set()
    membership_model = apps.get_model("ambassadors", "Membership")
    return set(membership_model.objects.filter(user_id=user_id).values_list("school_id", flat=True))


def school_saved_or_deleted(sender, instance, **kwargs):
    spaces_changed([instance.pk])


def activity_saved_or_deleted(sender, instance, **kwargs):
    spaces_changed([instance.school_id])


def membership_saved_or_deleted(sender, instance, **kwargs):
    # Whether a minor's account may be deleted depends on their roles at every school.
    spaces_changed({instance.school_id} | _schools_of(instance.user_id))


def account_changed(sender, instance, **kwargs):
    spaces_changed(_schools_of(instance.pk))


def persons_row_changed(sender, instance, **kwargs):
    spaces_changed(_schools_of(instance.user_id))


def every_school_changed(sender, **kwargs):
    spaces_changed(None)


def register_signal_handlers() -> None:
    connect = [
        ("ambassadors.School", school_saved_or_deleted),
        ("ambassadors.Activity", activity_saved_or_deleted),
        ("ambassadors.Membership", membership_saved_or_deleted),
        *((label, persons_row_changed) for label in PERSON_MODELS),
        *((label, every_school_changed) for label in EVERY_SCHOOL_MODELS),
    ]
    for label, handler in connect:
        model = apps.get_model(label)
        post_save.connect(handler, sender=model, dispatch_uid=f"space_cache_saved_{label}")
        post_delete.connect(handler, sender=model, dispatch_uid=f"space_cache_deleted_{label}")
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    post_save.connect(account_changed, sender=user_model, dispatch_uid="space_cache_user_saved")
    # Before the account goes: its memberships are then still there to say which schools.
    pre_delete.connect(account_changed, sender=user_model, dispatch_uid="space_cache_user_deleted")
