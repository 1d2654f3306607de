"""The indicator grid's buttons read in Dutch (bibqual ships the catalogue the
datagrid package lacks)."""

from zope.i18n import translate
import pytest


@pytest.mark.parametrize(
    "msgid, dutch",
    [
        ("label_datagridwidget_manipulators_addrow", "Rij toevoegen"),
        ("label_datagridwidget_manipulators_deleterow", "Rij verwijderen"),
        ("label_datagridwidget_manipulators_moverowup", "Omhoog"),
        ("label_datagridwidget_manipulators_moverowdown", "Omlaag"),
    ],
)
def test_grid_buttons_in_dutch(portal, msgid, dutch):
    domain = "collective.z3cform.datagridfield"
    assert translate(msgid, domain=domain, target_language="nl") == dutch
