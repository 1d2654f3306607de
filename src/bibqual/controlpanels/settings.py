"""Control panel: the norm frameworks (active, added, extra elements, mapping),
groups per element and partner sites."""

from bibqual import _
from bibqual.controlpanels.schema import IBibqualSettings
from bibqual.ids import REGISTRY_PREFIX
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.z3cform import layout
from plone.z3cform.textlines import TextLinesFieldWidget
from z3c.form.browser.checkbox import CheckBoxFieldWidget


class SettingsEditForm(RegistryEditForm):
    """Site administrators pick the active norm framework, add frameworks and
    elements, and edit the mapping between frameworks (``bibqual: Manage settings``)."""

    schema = IBibqualSettings
    schema_prefix = REGISTRY_PREFIX
    label = _("Quality work settings")
    description = _(
        "The certification norm that projects, assurance projects and evidence are tagged with."
    )

    def updateFields(self):
        super().updateFields()
        self.fields["extra_norm_elements"].widgetFactory = TextLinesFieldWidget
        self.fields["norm_modules"].widgetFactory = CheckBoxFieldWidget
        self.fields["norm_mappings"].widgetFactory = TextLinesFieldWidget
        self.fields["norm_field_groups"].widgetFactory = TextLinesFieldWidget
        self.fields["partner_sites"].widgetFactory = TextLinesFieldWidget


SettingsView = layout.wrap_form(SettingsEditForm, ControlPanelFormWrapper)
