"""Form widgets of the bibqual schemas: numbers and the indicator grid.

Both read numbers by the one rule of ``bibqual.validation.parse_number`` (a decimal
comma or point, whatever the browser's language) and show them as a person types
them (``12,5``, ``38500``), instead of z3c.form's locale converter, which read
``12.5`` as 125 on a Dutch site and refused ``12,5`` on an English one. The
widgets bring their converter themselves (``__conform__``), so no adapter needs
registering.
"""

from bibqual.content.indicators import row_error
from bibqual.validation import NOT_A_TYPED_NUMBER
from bibqual.validation import clear_error
from bibqual.validation import parse_number
from bibqual.validation import typed_number
from collective.z3cform.datagridfield.datagridfield import DataGridFieldConverter
from collective.z3cform.datagridfield.datagridfield import DataGridFieldObjectWidget
from collective.z3cform.datagridfield.datagridfield import DataGridFieldWidget
from collective.z3cform.datagridfield.row import DictRowConverter
from plone.app.z3cform.widgets.text import TextWidget
from z3c.form.converter import BaseDataConverter
from z3c.form.interfaces import NO_VALUE
from z3c.form.interfaces import IDataConverter
from z3c.form.interfaces import IErrorViewSnippet
from z3c.form.interfaces import IFieldWidget
from z3c.form.widget import FieldWidget
from zope.component import getMultiAdapter
from zope.interface import implementer
from zope.schema.interfaces import IFloat
from zope.schema.interfaces import ValidationError


TEMPLATE_ROWS = ("AA", "TT")  # the grid's auto-append and template rows: never data


def _is_number(field):
    return IFloat.providedBy(field)


class NumberConverter(BaseDataConverter):
    """A typed number (``parse_number``) to the field's value and back (``typed_number``)."""

    def toWidgetValue(self, value):
        return "" if value is None else typed_number(value)

    def toFieldValue(self, value):
        try:
            number = parse_number(value)
        except ValueError:
            label = self.field.title or self.field.__name__
            raise clear_error(NOT_A_TYPED_NUMBER, label) from None
        return self.field.missing_value if number is None else number


class NumberWidget(TextWidget):
    """A text box for a number (budget, the grid's target and result): the number
    rule; class ``bq-number``, to which ``bibqual.js`` gives a phone's number keys."""

    def update(self):
        super().update()
        self.addClass("bq-number")

    def __conform__(self, interface):
        return NumberConverter(self.field, self) if interface is IDataConverter else None


@implementer(IFieldWidget)
def NumberFieldWidget(field, request):
    """Field widget factory for ``directives.widget`` (a ``Number`` field)."""
    return FieldWidget(field, NumberWidget(request))


def _blank(row):
    return all(value in (None, "", NO_VALUE) or str(value).strip() == "" for value in row.values())


class GridConverter(BaseDataConverter):
    """The indicator rows of the grid: blank rows left out, numbers by the number rule.

    A refused cell gets its message (naming the row: "Indicator 2: ...") in the
    cell and the first one under the grid; nothing is stored then.
    """

    def toWidgetValue(self, value):
        rows = DataGridFieldConverter(self.field, self.widget).toWidgetValue(value)
        schema = self.field.value_type.schema
        for shown, stored in zip(rows, value or (), strict=False):
            for name in shown:
                if _is_number(schema.get(name)):
                    shown[name] = "" if stored.get(name) is None else typed_number(stored[name])
        return rows

    def toFieldValue(self, value):
        schema = self.field.value_type.schema
        rows, errors = [], []
        for position, raw in enumerate(value, 1):
            if _blank(raw):
                continue
            row = {}
            for name, field in schema.namesAndDescriptions(all=True):
                row[name], error = self._cell(position, name, field, raw.get(name))
                if error is not None:
                    errors.append((position - 1, name, error))
            rows.append(row)
        if errors:
            for index, name, error in errors:
                self._show(index, name, error)
            raise errors[0][2]
        return rows

    def _cell(self, position, name, field, raw):
        """The value of one cell and None, or what was typed and its refusal."""
        text = "" if raw in (None, NO_VALUE) else str(raw).strip()
        value = text or None
        if _is_number(field):
            try:
                value = parse_number(text)
            except ValueError:
                return text, row_error(position, name, "invalid")
        if value is None:
            if field.required:
                return text, row_error(position, name, "missing")
            return (None if _is_number(field) else ""), None
        try:
            field.validate(value)
        except ValidationError as error:
            return text, row_error(position, name, "invalid", error.doc())
        return value, None

    def _show(self, index, name, error):
        """Put ``error`` in the cell ``name`` of the row at ``index`` (0-based), now
        and whenever the grid builds that row again to show the form."""
        self.widget.cell_errors[(index, name)] = error
        rows = [
            row for row in self.widget.widgets or () if row.id.split("-")[-1] not in TEMPLATE_ROWS
        ]
        if index < len(rows):
            self.widget.show_error(rows[index], index, name)


class RowConverter(DictRowConverter):
    """A grid row's cells, each by the converter its widget brings (``NumberWidget``)."""

    def _getFieldConverter(self, name, fld):
        cell = (getattr(self.widget, "widgets", None) or {}).get(name)
        if cell is not None:
            return IDataConverter(cell), cell
        return super()._getFieldConverter(name, fld)


class RowWidget(DataGridFieldObjectWidget):
    """One row of the grid, converted by ``RowConverter``."""

    def __conform__(self, interface):
        return RowConverter(self.field, self) if interface is IDataConverter else None


class BoundedDataGridFieldWidget(DataGridFieldWidget):
    """The datagrid (indicators), reading at most one row more than its field allows.

    The number of rows comes from the request (``<name>.count``): a forged count
    of 100,000 made z3c.form build 100,000 row widgets, minutes of CPU, before
    anything was validated. One row over the limit is enough for the schema to
    refuse the list with its message (``indicators_within_limit``). The rows are
    read as typed and converted by ``GridConverter``.
    """

    def __conform__(self, interface):
        return GridConverter(self.field, self) if interface is IDataConverter else None

    def createObjectWidget(self, idx):
        """A ``RowWidget``; the auto-append and template rows set no errors."""
        widget = FieldWidget(self.field.value_type, RowWidget(self.request))
        widget.setErrors = idx not in TEMPLATE_ROWS
        return widget

    @property
    def cell_errors(self):
        """The refusals of cells by ``GridConverter``: ``{(row index, column): error}``."""
        return self.__dict__.setdefault("_cell_errors", {})

    def show_error(self, row, index, name):
        """Show the refusal of cell ``name`` (if any) in ``row``, the row at ``index``."""
        error = self.cell_errors.get((index, name))
        cell = (row.widgets or {}).get(name)
        if error is None or cell is None:
            return
        view = getMultiAdapter(
            (error, self.request, cell, cell.field, self.form, self.context), IErrorViewSnippet
        )
        view.update()
        cell.error = view

    def getWidget(self, idx):
        """The row widget; z3c.form's own cell errors (English, and "required" in
        the empty rows) are dropped, and no cell is required in the browser:
        ``GridConverter`` says what is wrong."""
        widget = super().getWidget(idx)
        for name, cell in (widget.widgets or {}).items():
            cell.error = None
            cell.required = False  # the browser would refuse to send a row left empty
            if isinstance(idx, int):
                self.show_error(widget, idx, name)
        return widget

    def extract(self, default=NO_VALUE):
        counter = self.request.get(self.counterName)
        if counter is None:
            return NO_VALUE
        try:
            count = max(int(counter), 0)
        except ValueError:
            return NO_VALUE
        limit = getattr(self.field, "max_length", None)
        if limit is not None:
            count = min(count, limit + 1)
        names = self.field.value_type.schema.names(all=True)
        return [
            {name: self.request.get(f"{self.name}.{index}.widgets.{name}", "") for name in names}
            for index in range(count)
        ]


@implementer(IFieldWidget)
def BoundedDataGridFieldWidgetFactory(field, request):
    """Field widget factory for ``directives.widget`` (as the datagrid's own)."""
    return FieldWidget(field, BoundedDataGridFieldWidget(request))
