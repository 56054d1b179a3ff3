"""The learning area's admin: certificates (revoke), the resource library, and the check that
serves members-only library files to network members only. Wagtail loads this module by name;
the screens live in their own modules."""

from . import certificate_admin, resource_admin  # noqa: F401
