"""An email backend for tests across processes: appends each recipient to a file.

RECORD_FILE names the file; RECORD_DELAY (seconds) slows each message, so a test can stop a
worker mid-send. Addresses containing "bounce" fail, like a refusing mail server.
"""

import os
import smtplib
import time

from django.core.mail.backends.base import BaseEmailBackend


class RecordingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        delay = float(os.environ.get("RECORD_DELAY", "0"))
        sent = 0
        for message in messages:
            if any("bounce" in address for address in message.to):
                raise smtplib.SMTPRecipientsRefused({message.to[0]: (550, b"No such user")})
            time.sleep(delay)
            with open(os.environ["RECORD_FILE"], "a", encoding="utf-8") as record:
                record.write(f"{message.to[0]}\n")
                record.flush()
                os.fsync(record.fileno())
            sent += 1
        return sent
