"""Settings of the real `db_worker` process a test starts: test settings, recorded email."""

from config.settings.test import *  # noqa: F403

EMAIL_BACKEND = "newsletters.tests.recording_backend.RecordingBackend"
