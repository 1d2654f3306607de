"""Read the refusals of bad input: plone.restapi's 400 answer and the Classic form's errors."""

from lxml import html
import ast


def field_errors(response):
    """``[{"field": key, "message": text}, ...]`` of a 400 from ``POST``/``PATCH`` of content.

    plone.restapi answers ``{"type": "BadRequest", "message": "[{...}, ...]"}``: the
    message is the list of errors written as Python literals; an invariant's error
    has no ``field``.
    """
    errors = ast.literal_eval(response.json()["message"])
    return [{"field": error.get("field"), "message": error["message"]} for error in errors]


def form_field_error(contents, widget_id):
    """The error text the Classic form shows in the field block of ``widget_id``, or ``None``."""
    tree = html.fromstring(contents)
    blocks = tree.xpath(f'//div[@id="formfield-{widget_id}"]')
    assert blocks, f"no field {widget_id} in the form"
    feedback = blocks[0].xpath('.//div[contains(@class, "invalid-feedback")]')
    return " ".join(node.text_content().strip() for node in feedback) or None
