import logging

from django.core.management.base import BaseCommand

from lessons.demo import load_learning_demo
from lessons.resource_demo import load_library_demo


class Command(BaseCommand):
    help = (
        "Build or refresh the learning demo: the resource library (generated files, some for "
        "network members only), one course per role with quizzes, and the demo people's "
        "progress (one certificate). Needs the demo site and network; safe to run again."
    )

    def handle(self, *args, **options):
        if options["verbosity"] < 2:
            logging.disable(logging.INFO)
        try:
            load_library_demo()
            courses = load_learning_demo()
        finally:
            logging.disable(logging.NOTSET)
        self.stdout.write(f"Courses: {sum(len(c) for c in courses.values())}")
