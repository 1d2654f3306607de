"""The settings of bibqual in the registry (prefix ``bibqual``), next to their control panel.

The form is ``settings.py`` (Classic) and ``rest.py`` (``@controlpanels``); reading
them elsewhere goes through ``bibqual.settings``; the grammar of the text lines
lives in ``lines.py``.
"""

from bibqual import _
from bibqual.controlpanels.lines import validate_group_mapping
from bibqual.controlpanels.lines import validate_partner_site
from bibqual.controlpanels.norm_lines import mapping_lines
from bibqual.controlpanels.norm_lines import validate_extra_element
from bibqual.controlpanels.norm_lines import validate_framework_file
from bibqual.controlpanels.norm_lines import validate_framework_files
from bibqual.controlpanels.norm_lines import validate_mapping_line
from bibqual.frameworks.store import DEFAULT_FRAMEWORK
from bibqual.frameworks.store import shipped_mappings
from bibqual.ids import VOCAB_NORM_FRAMEWORKS
from bibqual.ids import VOCAB_NORM_MODULES
from zope import schema
from zope.interface import Interface


# A framework file is a few kilobytes; room for long element descriptions.
MAX_FRAMEWORK_FILE_LENGTH = 200_000
MAX_FRAMEWORK_FILES = 20


class IBibqualSettings(Interface):
    """Site-wide settings of bibqual, kept in the registry (prefix ``bibqual``)."""

    active_framework = schema.Choice(
        title=_("Active norm framework"),
        description=_(
            "The certification norm whose elements projects, assurance projects "
            "and evidence are tagged with."
        ),
        vocabulary=VOCAB_NORM_FRAMEWORKS,
        default=DEFAULT_FRAMEWORK,
        required=True,
    )

    extra_norm_elements = schema.List(
        title=_("Extra norm elements"),
        description=_(
            "One element per line as 'token|Title' (added to every framework) or "
            "'framework|token|Title' (added to that framework only). A token has "
            "lower-case letters, digits and hyphens."
        ),
        value_type=schema.TextLine(constraint=validate_extra_element),
        default=[],
        missing_value=[],
        required=False,
    )

    norm_modules = schema.List(
        title=_("Optional modules"),
        description=_(
            "The optional modules of a norm framework that the libraries of this site are "
            "audited on, for example Module 1 Educatieve dienstverlening of Kwaliteit in "
            "Beeld. Their elements are offered and counted only when switched on here."
        ),
        value_type=schema.Choice(vocabulary=VOCAB_NORM_MODULES),
        default=[],
        missing_value=[],
        required=False,
    )

    framework_files = schema.List(
        title=_("Added norm frameworks"),
        description=_(
            "The text of a framework file (JSON) per box: token, title, score scale, outcome "
            "bands, aspects and elements, as in the files bibqual ships. A file with the token "
            "of a shipped framework (cbct-kib, scob3) replaces it on this site. Save the file "
            "first, then choose it as the active framework."
        ),
        value_type=schema.Text(
            constraint=validate_framework_file, max_length=MAX_FRAMEWORK_FILE_LENGTH
        ),
        constraint=validate_framework_files,
        max_length=MAX_FRAMEWORK_FILES,
        default=[],
        missing_value=[],
        required=False,
    )

    norm_mappings = schema.List(
        title=_("Mapping between norm frameworks"),
        description=_(
            "One line per element as 'from-framework->to-framework|element|element, element', "
            "for example 'scob3->cbct-kib|collectie|producten-en-diensten'. The coordinator of a "
            "library carries tags of another framework over to the active one with it "
            "(Carry over norm tags, on the library); nothing changes until then."
        ),
        value_type=schema.TextLine(constraint=validate_mapping_line),
        default=mapping_lines(shipped_mappings()),
        missing_value=[],
        required=False,
    )

    norm_field_groups = schema.List(
        title=_("Groups per norm element"),
        description=_(
            "One line per norm element as 'token|group-id, group-id'. Members of "
            "those groups may edit every project, assurance project and evidence "
            "item tagged with that element."
        ),
        value_type=schema.TextLine(constraint=validate_group_mapping),
        default=[],
        missing_value=[],
        required=False,
    )

    partner_sites = schema.List(
        title=_("Partner sites"),
        description=_(
            "Other bibqual sites whose shared projects can be searched and copied, one per "
            "line as 'Name|https://address-of-the-site/Plone|service-user|password'. The "
            "password is stored in the site settings, readable by site administrators: use a "
            "dedicated read-only service account on the partner site (the Reader role on its "
            "libraries that share with the network, nothing more)."
        ),
        value_type=schema.TextLine(constraint=validate_partner_site),
        default=[],
        missing_value=[],
        required=False,
    )

    # Reminder mails (issue 14): the site switch and the periods, in days.
    reminders_enabled = schema.Bool(
        title=_("Send reminder mails"),
        description=_(
            "A daily digest mail to the responsible people and the quality coordinators "
            "about deadlines, reviews, expiring evidence and the certification round."
        ),
        default=True,
        required=False,
    )

    reminder_deadline_days = schema.Int(
        title=_("Remind of project deadlines (days before)"),
        description=_(
            "The responsible person hears of a project's deadline this many days before it, "
            "and again when it has passed. The next milestone of a certification round is "
            "announced as early."
        ),
        default=14,
        min=0,
        max=365,
        required=True,
    )

    reminder_review_days = schema.Int(
        title=_("Remind of assurance reviews (days before)"),
        description=_(
            "The responsible person hears of an assurance project's next review this many "
            "days before it, and again when it has passed."
        ),
        default=30,
        min=0,
        max=365,
        required=True,
    )

    reminder_expiry_days = schema.Int(
        title=_("Remind of expiring evidence (days before)"),
        description=_(
            "The quality coordinators hear of evidence whose validity ends within this many "
            "days, and again when it has expired."
        ),
        default=90,
        min=0,
        max=3650,
        required=True,
    )
