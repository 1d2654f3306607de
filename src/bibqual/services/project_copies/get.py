"""GET {project}/@project-copies."""

from bibqual.network.copies import project_copies
from bibqual.restapi.plain import plain
from bibqual.services.base import BibqualService


class ProjectCopiesGet(BibqualService):
    """Who copied this SMART project, newest first: the library, the user and the
    date of each copy, and the copy itself when the caller may see it (else
    ``@id`` null). Anyone who may view the project; the list is empty for those
    who may not edit it (as the block on the project page).
    """

    def answer(self):
        project = self.context
        items = project_copies(project)
        return plain(
            {
                "@id": f"{project.absolute_url()}/@project-copies",
                "project": {"@id": project.absolute_url(), "title": project.Title()},
                "items": items,
                "items_total": len(items),
            },
            self.request,
        )
