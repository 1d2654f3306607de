"""A real SMTP server in the test process, for tests of mails (reminders, invitations).

Import the fixtures into a test module or conftest
(``from support.smtp import inbox, mail_portal, smtp_server``).

``smtp_server`` is an aiosmtpd server on 127.0.0.1 on a free port for the whole
session; ``inbox`` empties it for one test and is what the tests read: the
messages it accepted (``email.message.EmailMessage``) and the recipients it
refused. ``inbox.refuse(address)`` makes the server answer 550 to that recipient,
as a mail server does for an unknown or full mailbox. ``mail_portal`` and
``mail_functional_portal`` point the site's mail settings at the server and give the
site a sender address (Plone's mail settings).
"""

from aiosmtpd.controller import Controller
from email import message_from_bytes
from email.policy import default as default_policy
from plone import api
from support.ports import free_port
import pytest
import transaction


SENDER = "kwaliteit@bibliotheek.example"


class Inbox:
    """What the SMTP server received (``messages``) and refused (``refused``)."""

    def __init__(self):
        self.messages = []
        self.refused = []
        self._refuse = set()

    def clear(self):
        self.messages.clear()
        self.refused.clear()
        self._refuse.clear()

    def refuse(self, address):
        """Answer 550 to ``address`` from now on."""
        self._refuse.add(address.lower())

    def accept(self, address):
        self._refuse.discard(address.lower())

    def to(self, address):
        """The messages delivered to ``address``."""
        return [m for m in self.messages if address in m["X-Envelope-To"].split(", ")]

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self._refuse:
            self.refused.append(address)
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content, policy=default_policy)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 Message accepted for delivery"


@pytest.fixture(scope="session")
def smtp_server():
    """``(inbox, port)``: an aiosmtpd server on 127.0.0.1, running for the session."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield inbox, controller.port
    finally:
        controller.stop()


@pytest.fixture
def inbox(smtp_server):
    """The server's inbox, empty at the start of the test."""
    inbox, _port = smtp_server
    inbox.clear()
    yield inbox
    inbox.clear()


def use_smtp_server(portal, port):
    """Point ``portal``'s mail settings at the test server; give the site a sender.

    Plone's MailHost takes the SMTP server from the registry (the mail control
    panel's records), as on a real site."""
    portal.MailHost.smtp_host = "127.0.0.1"
    portal.MailHost.smtp_port = port
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", port)
    api.portal.set_registry_record("plone.email_from_address", SENDER)
    api.portal.set_registry_record("plone.email_from_name", "Kwaliteit bibqual")


@pytest.fixture
def mail_portal(portal, smtp_server, inbox):
    """The integration site, mailing through the test server."""
    use_smtp_server(portal, smtp_server[1])
    return portal


@pytest.fixture
def mail_functional_portal(functional_portal, smtp_server, inbox):
    """The functional site (a real WSGI server), mailing through the test server."""
    use_smtp_server(functional_portal, smtp_server[1])
    transaction.commit()
    return functional_portal
