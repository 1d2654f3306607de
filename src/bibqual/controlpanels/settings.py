"""Control panel: the active norm framework and extra norm elements."""

from bibqual import _
from bibqual.controlpanels.schema import IBibqualSettings
from bibqual.ids import REGISTRY_PREFIX
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.z3cform import layout
from plone.z3cform.textlines import TextLinesFieldWidget


class SettingsEditForm(RegistryEditForm):
    """Site administrators pick the norm framework and add elements to it."""

    schema = IBibqualSettings
    schema_prefix = REGISTRY_PREFIX
    label = _("Quality work settings")
    description = _(
        "The certification norm that projects, assurance projects and evidence are tagged with."
    )

    def updateFields(self):
        super().updateFields()
        self.fields["extra_norm_elements"].widgetFactory = TextLinesFieldWidget
        self.fields["norm_field_groups"].widgetFactory = TextLinesFieldWidget
        self.fields["partner_sites"].widgetFactory = TextLinesFieldWidget


SettingsView = layout.wrap_form(SettingsEditForm, ControlPanelFormWrapper)
