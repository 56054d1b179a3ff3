from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person with an account: editor, coordinator, school staff or ambassador.

    Email is optional because ambassadors who are minors may have an account without one.
    """

    email = models.EmailField(_("email address"), blank=True)
    is_minor = models.BooleanField(
        _("minor"),
        default=False,
        help_text=_("Under 18: shown by first name and initial only; parental consent recorded."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def display_name(self) -> str:
        """How the person is shown to others: first name and initial of the last name at most."""
        first = self.first_name.strip()
        initial = self.last_name.strip()[:1]
        if first and initial:
            return f"{first} {initial}."
        return first or self.username


class SetupCode(models.Model):
    """A one-time code with which a person without email sets their own password."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="setup_code"
    )
    code_hash = models.CharField(max_length=128)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("setup code")
        verbose_name_plural = _("setup codes")

    def __str__(self):
        return str(_("Setup code, valid until %(date)s") % {"date": f"{self.expires_at:%Y-%m-%d}"})


class ParentalConsent(models.Model):
    """That a parent or guardian agreed to a minor's account: who, when, and who recorded it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="parental_consent"
    )
    given_by = models.CharField(
        _("given by"), max_length=80, help_text=_("e.g. mother, father or legal guardian")
    )
    given_on = models.DateField(_("given on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("parental consent")
        verbose_name_plural = _("parental consents")

    def __str__(self):
        return f"{self.given_by}, {self.given_on:%Y-%m-%d}"
