"""The settings of bibqual in the registry (prefix ``bibqual``), next to their control panel.

The form is ``settings.py`` (Classic) and ``rest.py`` (``@controlpanels``); reading
them elsewhere goes through ``bibqual.settings``; the grammar of the text lines
lives in ``lines.py``.
"""

from bibqual import _
from bibqual.controlpanels.lines import validate_extra_element
from bibqual.controlpanels.lines import validate_group_mapping
from bibqual.controlpanels.lines import validate_partner_site
from bibqual.ids import VOCAB_NORM_FRAMEWORKS
from bibqual.vocabularies.frameworks import DEFAULT_FRAMEWORK
from zope import schema
from zope.interface import Interface


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
