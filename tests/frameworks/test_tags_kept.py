"""A tag given under one norm framework is never lost (issue 12, item 2).

The administrator switches the active framework from SCOB to Kwaliteit in Beeld;
then a new colleague edits an unrelated field of a project, in the Classic edit
form and over REST. Before the fix the form showed no norm box ticked and the
save stored ``[]``.
"""

from lxml import html
from support import PASSWORD
from support.frameworks import browser_for
import pytest


NORM_BOXES = "form.widgets.IClassification.norm_fields:list"
TITLE = "form.widgets.IDublinCore.title"
SCOB = "SCOB 3e ronde (2014-2017)"


def checkboxes(browser):
    """``{token: (checked, label)}`` of the norm element boxes of the edit form."""
    tree = html.fromstring(browser.contents)
    boxes = {}
    for box in tree.xpath(f'//input[@name="{NORM_BOXES}"]'):
        label = tree.xpath(f'//label[@for="{box.get("id")}"]')
        boxes[box.get("value")] = (
            box.get("checked") is not None,
            " ".join(label[0].text_content().split()) if label else "",
        )
    return boxes


class TestClassicEditForm:
    def test_unrelated_edit_keeps_every_tag(
        self, functional_app, tagged, switch_framework, refresh
    ):
        switch_framework("cbct-kib")
        browser = browser_for(functional_app, "nieuw")
        browser.open(tagged["project"].absolute_url() + "/edit")
        boxes = checkboxes(browser)
        assert boxes["collectie"] == (True, f"Collectie ({SCOB})")
        assert boxes["netwerk"] == (True, f"Netwerk ({SCOB})")
        assert boxes["mensen"] == (False, "Mensen")  # the active framework is offered
        assert "leiderschap" not in boxes  # another framework's element the item lacks

        browser.getControl(name=TITLE).value = "Voorlezen op de peuterspeelzaal"
        browser.getControl(name="form.buttons.save").click()
        assert "There were some errors" not in browser.contents
        refresh()
        project = tagged["project"]
        assert project.title == "Voorlezen op de peuterspeelzaal"
        assert project.norm_fields == ["collectie", "netwerk"]

    def test_add_an_element_of_the_active_framework(
        self, functional_app, tagged, switch_framework, refresh
    ):
        switch_framework("cbct-kib")
        browser = browser_for(functional_app, "nieuw")
        browser.open(tagged["project"].absolute_url() + "/edit")
        browser.getControl(name=NORM_BOXES).value = ["collectie", "netwerk", "samenwerking"]
        browser.getControl(name="form.buttons.save").click()
        refresh()
        assert sorted(tagged["project"].norm_fields) == ["collectie", "netwerk", "samenwerking"]

    def test_untick_removes_only_that_tag(self, functional_app, tagged, switch_framework, refresh):
        switch_framework("cbct-kib")
        browser = browser_for(functional_app, "nieuw")
        browser.open(tagged["project"].absolute_url() + "/edit")
        browser.getControl(name=NORM_BOXES).value = ["netwerk"]
        browser.getControl(name="form.buttons.save").click()
        refresh()
        assert tagged["project"].norm_fields == ["netwerk"]


class TestRest:
    def test_patch_of_another_field_keeps_every_tag(self, rest, tagged, switch_framework, refresh):
        switch_framework("cbct-kib")
        session = rest("nieuw", PASSWORD)
        url = tagged["project"].absolute_url()
        response = session.patch(url, json={"title": "Voorlezen in de wijk"})
        assert response.status_code == 204, response.text
        refresh()
        assert tagged["project"].norm_fields == ["collectie", "netwerk"]
        data = session.get(url).json()
        assert data["norm_fields"] == [
            {"token": "collectie", "title": f"Collectie ({SCOB})"},
            {"token": "netwerk", "title": f"Netwerk ({SCOB})"},
        ]

    def test_resend_tags_of_another_framework(self, rest, tagged, switch_framework, refresh):
        """A client that sends the item back as it got it (Volto) keeps the tags."""
        switch_framework("cbct-kib")
        session = rest("nieuw", PASSWORD)
        url = tagged["project"].absolute_url()
        response = session.patch(
            url, json={"norm_fields": ["collectie", "netwerk", "producten-en-diensten"]}
        )
        assert response.status_code == 204, response.text
        refresh()
        assert tagged["project"].norm_fields == ["collectie", "netwerk", "producten-en-diensten"]

    def test_element_of_any_known_framework_accepted(self, rest, tagged, switch_framework, refresh):
        """An import or a script may give an element of another framework of the site."""
        switch_framework("cbct-kib")
        response = rest("nieuw", PASSWORD).patch(
            tagged["budget"].absolute_url(), json={"norm_fields": ["middelen", "leiderschap"]}
        )
        assert response.status_code == 204, response.text
        refresh()
        assert tagged["budget"].norm_fields == ["middelen", "leiderschap"]

    @pytest.mark.parametrize("framework", ["scob3", "cbct-kib"])
    def test_unknown_token_refused(self, rest, tagged, switch_framework, refresh, framework):
        switch_framework(framework)
        response = rest("nieuw", PASSWORD).patch(
            tagged["project"].absolute_url(), json={"norm_fields": ["collectie", "kwaliteitszorg"]}
        )
        assert response.status_code == 400
        assert "Unknown value 'kwaliteitszorg' for norm_fields" in response.text
        refresh()
        assert tagged["project"].norm_fields == ["collectie", "netwerk"]


class TestShownWithTitles:
    def test_project_page(self, functional_app, tagged, switch_framework):
        switch_framework("cbct-kib")
        browser = browser_for(functional_app, "nieuw")
        browser.open(tagged["project"].absolute_url())
        assert f"Collectie ({SCOB}), Netwerk ({SCOB})" in " ".join(browser.contents.split())

    def test_board(self, functional_app, tagged, switch_framework):
        switch_framework("cbct-kib")
        browser = browser_for(functional_app, "nieuw")
        browser.open(tagged["plan"].absolute_url())
        page = " ".join(browser.contents.split())
        assert f"Collectie ({SCOB}), Netwerk ({SCOB})" in page
        assert "Middelen" in page
