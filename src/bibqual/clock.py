"""The current date, in one place (tests freeze it by replacing ``today``)."""

from datetime import date


def today():
    """Today's date."""
    return date.today()
