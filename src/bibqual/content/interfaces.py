"""Marker interfaces of the bibqual content types (schemas live beside each type)."""

from zope.interface import Interface


class IBibqualContent(Interface):
    """Any content of bibqual (used for the owning-library indexer)."""
