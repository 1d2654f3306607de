"""The rule for a self-evaluation's ``scores`` rows, one home for form and REST.

A row is ``{"element", "aspect", "score", "explanation", "evidence", "projects"}``:
the element and aspect must be known in the round's framework (each pair once),
the score a number on the framework's scale or empty, the explanation a text,
and evidence / projects lists of UIDs of items of the same library that the
current user may see. Links already stored on the self-evaluation are kept as
they are (someone may have linked what this user cannot see).

``check_rows`` raises ``ClearValidationError`` with a message that names the
element and aspect; the schema field (``content.selfassessment.ScoreRows``) and
the Classic scoring page both call it, so REST answers 400 and the form shows
the message, and nothing is stored.
"""

from bibqual import _
from bibqual.ids import ASSURANCE_PROJECT
from bibqual.ids import EVIDENCE
from bibqual.ids import SMART_PROJECT
from bibqual.validation import MAX_TEXT_LENGTH
from bibqual.validation import ClearValidationError
from bibqual.validation import is_finite
from plone import api
from plone.uuid.interfaces import IUUID
import numbers


MAX_ROWS = 500
MAX_LINKS = 200
ROW_KEYS = ("element", "aspect", "score", "explanation", "evidence", "projects")
PROJECT_TYPES = (SMART_PROJECT, ASSURANCE_PROJECT)
LINKS = {"evidence": (EVIDENCE,), "projects": PROJECT_TYPES}


def linked_uids(rows, key=None):
    """The UIDs linked in ``rows`` (under ``key``, else under evidence and projects)."""
    keys = (key,) if key else tuple(LINKS)
    return {
        uid
        for row in rows or ()
        if isinstance(row, dict)
        for name in keys
        for uid in (row.get(name) or ())
        if isinstance(uid, str)
    }


def visible_uids(library, uids, portal_types):
    """Those of ``uids`` that are items of ``portal_types`` in ``library`` the user may see."""
    if not uids or library is None:
        return set()
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog(UID=list(uids), portal_type=portal_types, library_uid=IUUID(library))
    return {brain.UID for brain in brains}


def where(framework, element_token, aspect_token):
    """``Element / Aspect`` by their titles, as the messages name a row."""
    element = framework.element(element_token)
    aspect = {a.token: a.title for a in element.aspects}.get(aspect_token, aspect_token)
    return f"{element.title} / {aspect}"


def _check_shape(position, row, framework):
    """``(element token, aspect token)`` of one row, or the refusal."""
    if not isinstance(row, dict):
        raise ClearValidationError(
            _(
                "Scores, row ${row}: give an object with element, aspect, score, explanation, evidence and projects.",  # noqa: E501
                mapping={"row": position},
            )
        )
    unknown = sorted(set(row) - set(ROW_KEYS))
    if unknown:
        raise ClearValidationError(
            _(
                "Scores, row ${row}: unknown keys ${keys}.",
                mapping={"row": position, "keys": ", ".join(unknown)},
            )
        )
    element = framework.element(row.get("element"))
    if element is None:
        raise ClearValidationError(
            _(
                "Scores, row ${row}: '${element}' is not a norm element of ${framework}.",
                mapping={
                    "row": position,
                    "element": row.get("element"),
                    "framework": framework.title,
                },
            )
        )
    if row.get("aspect") not in {a.token for a in element.aspects}:
        raise ClearValidationError(
            _(
                "Scores, ${element}: '${aspect}' is not an aspect of this element. Aspects: ${aspects}.",  # noqa: E501
                mapping={
                    "element": element.title,
                    "aspect": row.get("aspect"),
                    "aspects": ", ".join(a.token for a in element.aspects),
                },
            )
        )
    return element.token, row["aspect"]


def _valid_score(score, scale):
    return score is None or (
        not isinstance(score, bool)
        and isinstance(score, numbers.Real)
        and is_finite(score)
        and scale.holds(score)
    )


def _check_values(place, row, scale):
    if not _valid_score(row.get("score"), scale):
        raise ClearValidationError(
            _(
                "Scores, ${where}: the score must be a number from ${min} to ${max}, or empty.",
                mapping={"where": place, "min": scale.min, "max": scale.max},
            )
        )
    explanation = row.get("explanation")
    if explanation is not None and (
        not isinstance(explanation, str) or len(explanation) > MAX_TEXT_LENGTH
    ):
        raise ClearValidationError(
            _(
                "Scores, ${where}: the explanation must be a text of at most ${max} characters.",
                mapping={"where": place, "max": MAX_TEXT_LENGTH},
            )
        )
    for key in LINKS:
        links = row.get(key)
        if links is not None and (
            not isinstance(links, list)
            or len(links) > MAX_LINKS
            or not all(isinstance(uid, str) for uid in links)
        ):
            raise ClearValidationError(
                _(
                    "Scores, ${where}: ${key} must be a list of at most ${max} UIDs.",
                    mapping={"where": place, "key": key, "max": MAX_LINKS},
                )
            )


def check_rows(rows, framework, library, stored=()):
    """Refuse ``rows`` unless every row follows the rule (module docstring);
    ``stored`` are the rows stored now (their links are kept without a check).

    Returns the rows with every key present (``score`` None, ``explanation`` "",
    empty link lists where not given).
    """
    if rows is None:
        return []
    if not isinstance(rows, list):
        raise ClearValidationError(_("Scores must be a list of rows."))
    if len(rows) > MAX_ROWS:
        raise ClearValidationError(_("Scores: at most ${max} rows.", mapping={"max": MAX_ROWS}))
    if framework is None:
        raise ClearValidationError(_("Scores: the norm framework of this round is unknown."))
    seen = set()
    clean = []
    for position, row in enumerate(rows, start=1):
        key = _check_shape(position, row, framework)
        place = where(framework, *key)
        if key in seen:
            raise ClearValidationError(
                _("Scores, ${where}: this aspect is scored twice.", mapping={"where": place})
            )
        seen.add(key)
        _check_values(place, row, framework.scale)
        clean.append(
            {
                "element": key[0],
                "aspect": key[1],
                "score": row.get("score"),
                "explanation": row.get("explanation") or "",
                "evidence": list(row.get("evidence") or ()),
                "projects": list(row.get("projects") or ()),
            }
        )
    _check_links(clean, framework, library, stored)
    return clean


def _check_links(rows, framework, library, stored):
    for key, portal_types in LINKS.items():
        kept = linked_uids(stored, key)
        known = visible_uids(library, linked_uids(rows, key) - kept, portal_types) | kept
        for row in rows:
            unknown = [uid for uid in row[key] if uid not in known]
            if not unknown:
                continue
            mapping = {"where": where(framework, row["element"], row["aspect"]), "uid": unknown[0]}
            if key == "evidence":
                message = _(
                    "Scores, ${where}: ${uid} is not evidence of this library that you may see.",
                    mapping=mapping,
                )
            else:
                message = _(
                    "Scores, ${where}: ${uid} is not a project of this library that you may see.",
                    mapping=mapping,
                )
            raise ClearValidationError(message)
