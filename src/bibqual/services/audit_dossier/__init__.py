"""GET {library}/@audit-dossier: the audit dossier as one streamed ZIP."""
