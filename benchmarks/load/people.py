"""Who logs in during the load test, and the names the data and the simulated people share."""

PASSWORD = "bibqual-load"
PEOPLE_LIBRARIES = 20  # the first libraries (by id) get a staff member, a coordinator, an auditor
FILES_PER_LIBRARY = 5  # released evidence files ``bestand-N`` per such library, for the auditors
BASELINE_FOLDER = "plone-basis"
BASELINE_ITEMS = 27  # Plone's folder holds as many Documents as a year plan of the network
NEWS_FOLDER = "plone-nieuws"  # where staff add Plone pages: the baseline of additions
ROUND_ID = "ronde-2027"  # the certification round of each library with load-test people
LOAD_INFO = "_bibqual_load_info"
ROLES = ("staff", "coordinator", "auditor")


def people_of(library_id):
    """``{role: username}`` of the load-test people of library ``library_id``
    (``staff-bieb-007``, ``coordinator-bieb-007``, ``auditor-bieb-007``)."""
    return {role: f"{role}-{library_id}" for role in ROLES}
