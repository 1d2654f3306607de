"""bibqual: quality work and certification for Dutch public libraries."""

from zope.i18nmessageid import MessageFactory


PACKAGE_NAME = "bibqual"

_ = MessageFactory(PACKAGE_NAME)
