"""Fixtures for the newsletter's subscription tests."""

import re

import pytest
from django.core import mail


def link_in(message, name: str) -> str:
    """The path of the first link to the newsletter's `name` view (confirm, manage) in an email."""
    found = re.search(rf"https?://[^/\s]+(/(?:en/)?newsletter/{name}/[^\s\"<>]+/)", message.body)
    assert found, f"No {name} link in: {message.body}"
    return found.group(1)


@pytest.fixture
def outbox():
    mail.outbox.clear()
    return mail.outbox
