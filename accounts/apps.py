from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        import logging

        from . import audit  # connects the login log

        for name in audit.LOGGERS_WITH_PATHS:
            logging.getLogger(name).addFilter(audit.PathSecretsFilter())
