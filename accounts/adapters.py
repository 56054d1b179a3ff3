from allauth.account import stages
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError

from . import audit


def has_email_on_record(user) -> bool:
    """Whether the person gave an email address (adults do; ambassadors may not)."""
    if user is None:
        return False
    return bool(user.email) or EmailAddress.objects.filter(user_id=user.pk).exists()


class EmailVerificationStage(stages.EmailVerificationStage):
    """Mandatory email verification, except for people who have no email address at all.

    Ambassadors without email log in with their username: there is no address to verify, and
    allauth would otherwise stop them at "verification sent" forever.
    """

    def handle(self):
        if not has_email_on_record(self.login.user):
            return None, True
        return super().handle()


class AccountAdapter(DefaultAccountAdapter):
    """Accounts are created by invitation only: nobody can sign up on their own."""

    def is_open_for_signup(self, request):
        return False

    def pre_authenticate(self, request, **credentials):
        """allauth refuses too many failed logins here, with a form error and no signal: log it."""
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            audit.logger.warning(
                "login refused reason=rate_limited login_hash=%s ip=%s",
                audit.identifier_hash(credentials),
                audit.client_address(request),
            )
            raise

    def get_login_stages(self) -> list[str]:
        default = f"{stages.EmailVerificationStage.__module__}.EmailVerificationStage"
        own = f"{EmailVerificationStage.__module__}.{EmailVerificationStage.__qualname__}"
        return [own if path == default else path for path in super().get_login_stages()]
