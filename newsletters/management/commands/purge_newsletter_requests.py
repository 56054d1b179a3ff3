"""Deletes newsletter subscription requests whose confirmation link has expired (run daily)."""

from django.core.management.base import BaseCommand

from newsletters.services import subscriptions_purge_expired


class Command(BaseCommand):
    help = "Delete unconfirmed newsletter subscription requests whose link has expired."

    def handle(self, *args, **options):
        deleted = subscriptions_purge_expired()
        self.stdout.write(f"Deleted {deleted} expired subscription request(s).")
