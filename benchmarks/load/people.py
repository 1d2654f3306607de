"""Who logs in during the load test, and the names the data and the simulated people share."""

PASSWORD = "bibqual-load"
PEOPLE_LIBRARIES = 20  # the first libraries (by id) get a staff member, a coordinator, an auditor
FILES_PER_LIBRARY = 5  # released evidence files ``bestand-N`` per such library, for the auditors
BASELINE_FOLDER = "plone-basis"
BASELINE_ITEMS = 27  # Plone's folder holds as many Documents as a year plan of the network
LOAD_INFO = "_bibqual_load_info"
ROLES = ("staff", "coordinator", "auditor")


def people_of(library_id):
    """``{role: username}`` of the load-test people of library ``library_id``: the role and the
    id's last word (``staff-007`` for ``bieb-007``, ``staff-noord`` for ``...-westfriesland-noord``)."""
    suffix = library_id.rsplit("-", 1)[-1]
    return {role: f"{role}-{suffix}" for role in ROLES}
