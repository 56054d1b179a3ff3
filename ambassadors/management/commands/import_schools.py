from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ambassadors.importing import schools_csv_read, schools_import


class Command(BaseCommand):
    help = (
        "Create or update schools from a CSV file with the columns code, name, level, setting, "
        "municipality, region (UTF-8, header required). Every line is checked first; if any "
        "line is bad, nothing is imported. Schools are matched by code, so it is safe to rerun."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path of the CSV file.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Show what would be created or updated, and write nothing.",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(
                _("Cannot read %(path)s: %(error)s") % {"path": path, "error": error.strerror}
            ) from error

        parsed = schools_csv_read(data)
        if not parsed.is_valid:
            lines = [str(problem) for problem in parsed.problems]
            raise CommandError(
                _("%(count)s problem(s) found; nothing was imported.")
                % {"count": len(parsed.problems)}
                + "\n"
                + "\n".join(lines)
            )

        result = schools_import(rows=parsed.rows, dry_run=options["dry_run"])
        if result.dry_run:
            self.stdout.write(_("Dry run: nothing was written."))
            for label, rows in ((_("create"), result.created), (_("update"), result.updated)):
                for row in rows:
                    self.stdout.write(f"  {label}: {row.code} {row.name}")
            summary = _(
                "Would create %(created)s, update %(updated)s, leave unchanged %(unchanged)s."
            )
        else:
            summary = _("Created %(created)s, updated %(updated)s, unchanged %(unchanged)s.")
        self.stdout.write(self.style.SUCCESS(summary % result.counts))
