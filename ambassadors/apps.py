from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AmbassadorsConfig(AppConfig):
    name = "ambassadors"
    verbose_name = _("Ambassador network")

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
