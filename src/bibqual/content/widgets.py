"""Form widgets of the bibqual schemas."""

from collective.z3cform.datagridfield.datagridfield import DataGridFieldWidget
from z3c.form.interfaces import NO_VALUE
from z3c.form.interfaces import IFieldWidget
from z3c.form.widget import FieldWidget
from zope.interface import implementer


class BoundedDataGridFieldWidget(DataGridFieldWidget):
    """The datagrid (indicators), reading at most one row more than its field allows.

    The number of rows comes from the request (``<name>.count``): a forged count
    of 100,000 made z3c.form build 100,000 row widgets, minutes of CPU, before
    anything was validated. One row over the limit is enough for the schema to
    refuse the list with its message (``indicators_within_limit``).
    """

    def extract(self, default=NO_VALUE):
        counter = self.request.get(self.counterName)
        if counter is None:
            return NO_VALUE
        count = int(counter)
        limit = getattr(self.field, "max_length", None)
        if limit is not None:
            count = min(count, limit + 1)
        return [self.getWidget(index).value for index in range(count)]


@implementer(IFieldWidget)
def BoundedDataGridFieldWidgetFactory(field, request):
    """Field widget factory for ``directives.widget`` (as the datagrid's own)."""
    return FieldWidget(field, BoundedDataGridFieldWidget(request))
