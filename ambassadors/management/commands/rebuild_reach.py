"""Sum every verified activity again into the per-school campaign figures."""

from django.core.management.base import BaseCommand

from ambassadors.reach import reach_rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the per-school sums that public campaign figures read, from verified activities "
        "(after a bulk load or restore that bypassed verification)."
    )

    def handle(self, *args, **options):
        rows = reach_rebuild()
        self.stdout.write(f"{rows} campaign and school sums rebuilt.")
