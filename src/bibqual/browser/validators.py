"""Form validators that put the message next to the field it is about.

Schema invariants also guard REST and code, but z3c.form shows them at the top
of the form; these validators repeat the check per field for the Classic UI.
"""

from bibqual.content.smartproject import DEADLINE_BEFORE_START
from bibqual.content.smartproject import ISmartProject
from z3c.form import validator
from z3c.form.interfaces import NO_VALUE
from z3c.form.interfaces import IDataConverter
from zope.interface import Invalid


class DeadlineValidator(validator.SimpleFieldValidator):
    """The deadline of a project may not lie before its start date."""

    def start_value(self):
        form = getattr(self.widget, "form", None)
        widgets = getattr(form, "widgets", None)
        start_widget = widgets.get("start") if widgets is not None else None
        if start_widget is None:
            return None
        raw = start_widget.extract()
        if raw in (NO_VALUE, None, ""):
            return None
        try:
            return IDataConverter(start_widget).toFieldValue(raw)
        except Exception:
            return None

    def validate(self, value, force=False):
        super().validate(value, force)
        start = self.start_value()
        if value and start and value < start:
            raise Invalid(DEADLINE_BEFORE_START)


validator.WidgetValidatorDiscriminators(DeadlineValidator, field=ISmartProject["deadline"])
