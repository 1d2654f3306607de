"""Operations on the norm tags of a library's items (operations layer).

``mapping``: carrying the tags of another norm framework over to the active one
with the mapping of the settings, as a preview and then on the coordinator's click.
"""
