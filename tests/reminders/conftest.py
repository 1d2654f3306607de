"""Fixtures of the reminder tests: a real SMTP server in the test process
(``support.smtp``: ``smtp_server``, ``inbox``, ``mail_portal``, ``mail_functional_portal``)."""

from support.smtp import inbox  # noqa: F401
from support.smtp import mail_functional_portal  # noqa: F401
from support.smtp import mail_portal  # noqa: F401
from support.smtp import smtp_server  # noqa: F401
