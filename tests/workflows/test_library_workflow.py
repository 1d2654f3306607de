"""Library (bibqual_library_workflow): one internal state, no transitions.

Everybody internal and the library's auditors see it, anonymous and plain
members never; the coordinator and up change it, the site administrators
delete it; staff add year plans, assurance projects and evidence to it.
"""

from plone import api
from plone.api.exc import InvalidParameterError
from support.content import make_library
from support.workflows import ROLES
from support.workflows import allowed
from support.workflows import as_role
from support.workflows import case_id
from support.workflows import make_users
from support.workflows import matrix_cases
from support.workflows import review_state
import pytest


#                 Anon Auth Ownr Cont Edit Read Revw SAdm Mngr Audt
EXPECTED = {
    "internal": """
    view             -    -    Y    Y    Y    Y    Y    Y    Y    Y
    access           -    -    Y    Y    Y    Y    Y    Y    Y    Y
    modify           -    -    -    -    -    -    Y    Y    Y    -
    delete           -    -    -    -    -    -    -    Y    Y    -
    add_plan         -    -    Y    Y    Y    -    Y    Y    Y    -
    add_assurance    -    -    Y    Y    Y    -    Y    Y    Y    -
    add_evidence     -    -    Y    Y    Y    -    Y    Y    Y    -
    review           -    -    -    -    -    -    Y    Y    Y    -
    """,
}


@pytest.fixture(scope="class")
def library(portal_class):
    library = make_library(portal_class)
    make_users(library)
    return library


class TestLibraryWorkflow:
    def test_initial_state(self, library):
        assert review_state(library) == "internal"

    @pytest.mark.parametrize("case", matrix_cases(EXPECTED), ids=case_id)
    def test_permission(self, library, case):
        state, permission, role, expected = case
        assert review_state(library) == state
        assert allowed(role, permission, library) is expected

    @pytest.mark.parametrize("role", ROLES)
    def test_no_transitions(self, library, role):
        wf_tool = api.portal.get_tool("portal_workflow")
        with as_role(role):
            assert list(wf_tool.getTransitionsFor(library)) == []
        with as_role(role), pytest.raises(InvalidParameterError):
            api.content.transition(obj=library, transition="publish")
        assert review_state(library) == "internal"
