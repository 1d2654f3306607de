"""The names of the load test's requests, what each is compared with, and its target.

A page is compared with Plone's Document page, a read service with Plone's REST GET of a
Document, a change with Plone's PATCH of a Document, an addition with Plone's POST of a new
Document, the board with Plone's folder listing of as many items: all measured by the same people
in the same run (``locustfile.py``).
"""

from bibqual.workflows import ids as w


# Plone's own requests: the baselines
PLONE_PAGE = "Plone: Document page"
PLONE_FOLDER = "Plone: folder listing"
PLONE_REST = "Plone: REST GET Document"
PLONE_SEARCH = "Plone: @search"
PLONE_PATCH = "Plone: PATCH Document"
PLONE_ADD = "Plone: POST new Document"
ANONYMOUS_FRONT = "Plone: front page (anonymous)"
ANONYMOUS_PAGE = "Plone: Document page (anonymous)"

# requests that only set the scene (logging in, finding one's work): counted, not compared
LOGIN = "setup: @login"
FIND_WORK = "setup: @search for work"

# bibqual's pages
BOARD = "board (year plan)"
PROJECT_PAGE = "project page"
DASHBOARD = "dashboard (library)"
PDCA_PAGE = "pdca-overview page"
COVERAGE_PAGE = "norm-coverage page"
DOSSIER_PAGE = "quality-dossier page"
AUDIT_PAGE = "audit-overview page"
EVIDENCE_PAGE = "evidence page"
DOWNLOAD = "evidence download"

# bibqual's services, and Plone's @search within a library
PROJECT_REST = "REST GET SmartProject"
BOARD_REST = "@board"
COVERAGE_REST = "@norm-coverage"
DOSSIER_REST = "@quality-dossier"
CERTIFICATION = "@certification-status"
ROUND_PAGE = "certification round page"
SEARCH_LIBRARY = "@search in a library"

# writes
PATCH_RESULT = "PATCH indicator result"
STEP = "POST @workflow step"
ADD_PROJECT = "POST new SmartProject"
ADD_EVIDENCE = "POST new Evidence"

# the staff's own project round the cycle: state -> (transition, next state)
STAFF_STEPS = {
    w.PLAN: (w.START, w.DO),
    w.DO: (w.EVALUATE, w.CHECK),
    w.CHECK: (w.ADJUST, w.ACT),
}

PAGES = (
    BOARD,
    PROJECT_PAGE,
    DASHBOARD,
    PDCA_PAGE,
    COVERAGE_PAGE,
    DOSSIER_PAGE,
    AUDIT_PAGE,
    EVIDENCE_PAGE,
    DOWNLOAD,
    ROUND_PAGE,
)
SERVICES = (PROJECT_REST, BOARD_REST, COVERAGE_REST, DOSSIER_REST, CERTIFICATION)
WRITES = (PATCH_RESULT, STEP)
ADDITIONS = (ADD_PROJECT, ADD_EVIDENCE)
RATIO = 1.3  # a bibqual request's p95 at most 1.3 x its baseline's p95
BOARD_RATIO = 1.0  # the board at most as slow as Plone's folder listing


def baseline_of(name):
    """``(baseline name, allowed ratio)`` of request ``name`` (``None`` allowed: compared for
    information only), or ``None`` when not compared."""
    if name == BOARD:
        return PLONE_FOLDER, BOARD_RATIO
    if name == SEARCH_LIBRARY:  # Plone's own @search with a path: compared, not bibqual's target
        return PLONE_SEARCH, None
    if name in PAGES:
        return PLONE_PAGE, RATIO
    if name in SERVICES:
        return PLONE_REST, RATIO
    if name in WRITES:
        return PLONE_PATCH, RATIO
    if name in ADDITIONS:
        return PLONE_ADD, RATIO
    return None
