"""Tags of another framework are counted under the framework they belong to."""

from bibqual.reports.coverage import norm_coverage
from plone import api
from support.frameworks import browser_for
from support.frameworks import build_tagged_library


def test_coverage_counts_other_frameworks(portal):
    items = build_tagged_library(portal)
    api.portal.set_registry_record("bibqual.active_framework", "cbct-kib")
    coverage = norm_coverage(items["library"])
    assert [item["token"] for item in coverage["items"]][:3] == [
        "missie-visie-strategie",
        "middelen",
        "mensen",
    ]
    middelen = {item["token"]: item for item in coverage["items"]}["middelen"]
    assert middelen["projects_total"] == 1  # in both frameworks: counted under the active one
    (scob,) = coverage["other_frameworks"]
    assert (scob["token"], scob["title"]) == ("scob3", "SCOB 3e ronde (2014-2017)")
    assert scob["elements"] == [
        {"token": "collectie", "title": "Collectie", "items": 1},
        {"token": "gemeenten", "title": "Gemeente(n)", "items": 1},
        {"token": "leiderschap", "title": "Leiderschap", "items": 1},
        {"token": "netwerk", "title": "Netwerk", "items": 1},
    ]


def test_unknown_tags_come_last(portal):
    items = build_tagged_library(portal)
    items["budget"].norm_fields = ["middelen", "verdwenen-element"]
    items["budget"].reindexObject()
    coverage = norm_coverage(items["library"])
    assert [group["token"] for group in coverage["other_frameworks"]] == [None]
    assert coverage["other_frameworks"][0]["elements"] == [
        {"token": "verdwenen-element", "title": "verdwenen-element", "items": 1}
    ]


def test_coverage_page_shows_them(functional_app, tagged, switch_framework):
    switch_framework("cbct-kib")
    browser = browser_for(functional_app, "coordinator")
    browser.open(f"{tagged['library'].absolute_url()}/@@norm-coverage")
    page = " ".join(browser.contents.split())
    assert "Tags of other frameworks" in page
    assert "SCOB 3e ronde (2014-2017): Collectie 1, Gemeente(n) 1, Leiderschap 1, Netwerk 1" in page
    assert f"{tagged['library'].absolute_url()}/@@norm-mapping" in browser.contents
