from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from ambassadors.retention import departed_ambassadors_purge


class Command(BaseCommand):
    help = (
        "Delete the accounts of ambassadors who left: no active role, and their last school year "
        "ended more than AMBASSADOR_RETENTION_DAYS days ago. Schools keep their history without "
        "names. Prints only how many accounts were removed. Run it daily (e.g. from cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count the accounts that would be removed, and remove nothing.",
        )

    def handle(self, *args, **options):
        dry_run = options["dry_run"]
        count = departed_ambassadors_purge(today=timezone.localdate(), dry_run=dry_run)
        days = settings.AMBASSADOR_RETENTION_DAYS
        if dry_run:
            message = (
                f"Dry run: {count} account(s) of departed ambassadors would be removed "
                f"(retention {days} days). Nothing was changed."
            )
        else:
            message = f"Removed {count} account(s) of departed ambassadors (retention {days} days)."
        self.stdout.write(self.style.SUCCESS(message))
