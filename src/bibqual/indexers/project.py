"""Indexer of SMART projects' indicator progress."""

from bibqual.content.indicators import indicator_progress as progress_of
from bibqual.content.smartproject import ISmartProject
from bibqual.network.copy import copies_of
from bibqual.network.sharing import shared_with_network
from plone.indexer import indexer


@indexer(ISmartProject)
def indicator_progress(obj):
    """Mean indicator progress in percent (0-100)."""
    value = progress_of(getattr(obj, "indicators", None))
    if value is None:
        raise AttributeError("indicator_progress")
    return value


@indexer(ISmartProject)
def copy_count(obj):
    """How often the project was copied (shown in network search results)."""
    return len(copies_of(obj))


@indexer(ISmartProject)
def network_shared(obj):
    """Whether other libraries may find and copy the project (``network.sharing``)."""
    return shared_with_network(obj)
