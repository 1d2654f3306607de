"""The self-evaluation's scoring page (``@@self-assessment-form``)."""

from bibqual import _
from bibqual.browser.base import BibqualView
from bibqual.browser.selfassessment import SelfAssessmentPage
from bibqual.browser.selfassessment import linked_items
from bibqual.browser.selfassessment import score_text
from bibqual.certification.scores import LINKS
from bibqual.certification.scores import check_rows
from bibqual.certification.scores import linked_uids
from bibqual.certification.suggestions import suggestions
from bibqual.content.selfassessment import ISelfAssessment
from bibqual.ids import SMART_PROJECT
from bibqual.utils import find_library
from plone.memoize.view import memoize
from plone.protect import CheckAuthenticator
from Products.statusmessages.interfaces import IStatusMessage
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent
from zope.schema.interfaces import ValidationError


TEXTS = ("ambitions", "bottlenecks")


def parse_score(value):
    """A posted score: empty is ``None``, a number is a number, anything else stays
    as text (the scores rule refuses it, naming the aspect)."""
    value = (value or "").strip().replace(",", ".")
    if not value:
        return None
    for kind in (int, float):
        try:
            return kind(value)
        except ValueError:
            continue
    return value


class SelfAssessmentForm(SelfAssessmentPage, BibqualView):
    """``@@self-assessment-form``: fill in the self-evaluation. Per norm element a
    fieldset, per aspect a score (the scale's labels), an explanation and the
    evidence and projects to link; an aspect not filled in before starts with the
    suggestions (released, valid evidence and projects past Plan tagged with the
    element). Refused input shows its message and nothing is stored.
    Permission: Modify portal content.
    """

    error = None

    def __call__(self):
        form = self.request.form
        if self.request.method == "POST" and "form.buttons.cancel" in form:
            return self.request.response.redirect(self.context.absolute_url())
        if self.request.method == "POST" and "form.buttons.save" in form:
            CheckAuthenticator(self.request)
            if self.save():
                IStatusMessage(self.request).add(_("Changes saved"), type="info")
                return self.request.response.redirect(self.context.absolute_url())
        return self.index()

    def posted(self):
        return self.request.method == "POST" and self.error is not None

    def posted_rows(self):
        """The rows as posted: one per aspect of the framework, in order."""
        form = self.request.form
        rows = []
        for index, (element, aspect) in enumerate(self.aspect_keys()):
            row = {
                "element": form.get(f"element_{index}", element),
                "aspect": form.get(f"aspect_{index}", aspect),
                "score": parse_score(form.get(f"score_{index}")),
                "explanation": form.get(f"explanation_{index}", ""),
            }
            for key in LINKS:
                value = form.get(f"{key}_{index}") or []
                row[key] = [value] if isinstance(value, str) else list(value)
            rows.append(row)
        return rows

    def save(self):
        """Check everything, then store everything; ``False`` (and ``self.error``)
        when anything is refused."""
        framework = self.framework()
        try:
            clean = check_rows(
                self.posted_rows(),
                framework,
                find_library(self.context),
                stored=list(self.stored().values()),
            )
            texts = {}
            for name in TEXTS:
                value = self.request.form.get(name, "") or None
                ISelfAssessment[name].bind(self.context).validate(value)
                texts[name] = value
        except ValidationError as error:
            self.error = self.tr(error.doc())
            return False
        for name, value in texts.items():
            setattr(self.context, name, value)
        self.context.scores = clean
        notify(ObjectModifiedEvent(self.context))
        return True

    def aspect_keys(self):
        framework = self.framework()
        if framework is None:
            return []
        return [(e.token, a.token) for e in framework.elements for a in e.aspects]

    def text(self, name):
        if self.posted():
            return self.request.form.get(name, "")
        return getattr(self.context, name, None) or ""

    def score_options(self, current):
        scale = self.framework().scale
        options = [("", self.tr(_("no score")))]
        options += [
            (str(value), self.scale_label(value)) for value in range(scale.min, scale.max + 1)
        ]
        if current and current not in {value for value, _label in options}:
            options.append((current, current))
        return options

    @memoize
    def fieldsets(self):
        """Per element: ``{token, title, description, aspects}``; per aspect the
        form's ``index``, ``score``, ``options``, ``explanation`` and for evidence
        and projects ``{candidates: [item + checked], hidden: [uid]}``."""
        framework = self.framework()
        if framework is None:
            return []
        posted = self.posted_rows() if self.posted() else None
        stored = self.stored()
        suggested = suggestions(framework, find_library(self.context))
        known = linked_items(linked_uids(posted or list(stored.values())))
        result = []
        index = 0
        for element in framework.elements:
            aspects = []
            for aspect in element.aspects:
                row = posted[index] if posted else stored.get((element.token, aspect.token))
                current = score_text((row or {}).get("score"))
                entry = {
                    "index": index,
                    "element": element.token,
                    "aspect": aspect.token,
                    "title": aspect.title,
                    "score": current,
                    "options": self.score_options(current),
                    "explanation": (row or {}).get("explanation") or "",
                }
                for key in LINKS:
                    offered = suggested[element.token][key]
                    checked = (
                        list(row.get(key) or ())
                        if row is not None
                        else [item["uid"] for item in offered]
                    )
                    candidates = {item["uid"]: item for item in offered}
                    for uid in checked:
                        if uid in known and uid not in candidates:
                            candidates[uid] = known[uid]
                    entry[key] = {
                        "candidates": [
                            {
                                **item,
                                "checked": uid in checked,
                                "id": f"bq-{key}-{index}-{position}",
                                "state_title": self.round_state_title(
                                    item["review_state"], SMART_PROJECT
                                ),
                            }
                            for position, (uid, item) in enumerate(candidates.items())
                        ],
                        "hidden": [uid for uid in checked if uid not in candidates],
                    }
                aspects.append(entry)
                index += 1
            result.append(
                {
                    "token": element.token,
                    "title": element.title,
                    "description": element.description,
                    "aspects": aspects,
                }
            )
        return result

    def authenticator(self):
        return self.context.restrictedTraverse("@@authenticator").token()
