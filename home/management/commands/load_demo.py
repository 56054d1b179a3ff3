import logging

from django.core.management import call_command
from django.core.management.base import BaseCommand

from home.demo.builder import load_demo
from home.demo.content import DEFAULT_ADMIN_PASSWORD


class Command(BaseCommand):
    help = (
        "Build or refresh the bilingual demo site (pages, images, documents, settings) and a "
        "demo superuser. Safe to run again: it updates in place and never duplicates."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--admin-password",
            default=DEFAULT_ADMIN_PASSWORD,
            help="Password for the demo superuser 'admin' (default: %(default)s).",
        )

    def handle(self, *args, **options):
        if options["verbosity"] < 2:
            # Every page save logs a line per task and action; keep the output to the summary.
            logging.disable(logging.INFO)
        try:
            summary = load_demo(admin_password=options["admin_password"])
        finally:
            logging.disable(logging.NOTSET)
        for language, count in summary.page_counts.items():
            self.stdout.write(f"Pages ({language}): {count}")
        self.stdout.write(f"Images: {summary.image_count}  Documents: {summary.document_count}")
        self.stdout.write(
            self.style.SUCCESS(
                "Admin: http://127.0.0.1:8000/admin/  "
                f"user: {summary.admin_username}  password: {summary.admin_password}"
            )
        )
        # The school network and learning live in their own apps; called by name so home never
        # imports them (learning needs the network's people).
        call_command("load_network_demo", stdout=self.stdout)
        call_command("load_learning_demo", stdout=self.stdout)
