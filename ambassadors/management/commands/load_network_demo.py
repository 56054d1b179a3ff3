import logging

from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils.translation import gettext as _

from ambassadors.demo import DEFAULT_PASSWORD, load_network_demo


class Command(BaseCommand):
    help = (
        "Build or refresh the school network demo: Albania's 12 regions and 61 municipalities, "
        "200+ schools, three school years and five demo logins at one school in Tiranë. Safe to "
        "run again: it updates in place and resets the demo logins' password."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            default=DEFAULT_PASSWORD,
            help="Password of the five demo logins (default: %(default)s).",
        )

    def handle(self, *args, **options):
        if options["verbosity"] < 2:
            # Every save logs a line per background task; keep the output to the summary.
            logging.disable(logging.INFO)
        try:
            summary = load_network_demo(password=options["password"])
        finally:
            logging.disable(logging.NOTSET)
        self.stdout.write(
            _(
                "Network: %(regions)s regions, %(municipalities)s municipalities, "
                "%(schools)s schools. Demo school: %(school)s, %(year)s."
            )
            % {
                "regions": summary.region_count,
                "municipalities": summary.municipality_count,
                "schools": summary.school_count,
                "school": summary.school.name,
                "year": summary.school_year,
            }
        )
        headings = (_("Username"), _("Role"), _("Password"))
        rows = [(login.username, login.role, login.password) for login in summary.logins]
        widths = [max(len(str(row[i])) for row in [headings, *rows]) for i in range(3)]
        login_url = settings.SITE_BASE_URL.rstrip("/") + reverse("account_login")
        self.stdout.write(_("Network demo logins (log in at %(url)s):") % {"url": login_url})
        for row in [headings, *rows]:
            self.stdout.write(
                "  "
                + "  ".join(str(value).ljust(widths[i]) for i, value in enumerate(row)).rstrip()
            )
