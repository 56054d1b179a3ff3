"""gunicorn's access log without the secrets that some addresses carry.

Invitation, newsletter, password-reset and email-confirmation links put a random token in the
path. The access log keeps each path's shape and replaces every part that does not look like a
slug or a number with `<secret>`.
"""

import re

from gunicorn.glogging import Logger

# Page slugs (lowercase words joined by hyphens), numbers, language codes and the like are
# kept; anything else of SECRET_MIN_LENGTH or more is a token, and so is any hyphen-separated
# piece that mixes letters and digits over MIXED_MIN_LENGTH (Django's password-reset keys).
KEPT = re.compile(r"[a-z]+(?:-[a-z0-9]+)*|[0-9]+")
SECRET_MIN_LENGTH = 12
MIXED_MIN_LENGTH = 8


def _mixed(piece: str) -> bool:
    return (
        len(piece) >= MIXED_MIN_LENGTH
        and any(c.isdigit() for c in piece)
        and any(c.isalpha() for c in piece)
    )


def is_secret(part: str) -> bool:
    if len(part) >= SECRET_MIN_LENGTH and not KEPT.fullmatch(part):
        return True
    return any(_mixed(piece) for piece in part.split("-"))


def scrub_path(path: str) -> str:
    if path.startswith("/static/"):  # file names with content hashes, never a secret
        return path
    return "/".join("<secret>" if is_secret(part) else part for part in path.split("/"))


class ScrubbingLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        atoms["U"] = scrub_path(atoms["U"])
        return atoms
