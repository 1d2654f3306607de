"""What a document module hands to the download view: a named file."""

from dataclasses import dataclass
from typing import Any


@dataclass
class File:
    """A file to hand out: ``body`` is bytes or an iterator of bytes (streamed)."""

    filename: str
    content_type: str
    body: Any
