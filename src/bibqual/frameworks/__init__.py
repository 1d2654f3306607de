"""Norm frameworks as data files (``data/*.json``), read into plain objects.

A framework file gives the framework's token, title and description, its score
scale (min, max, labels), its outcome bands (lower bound in percent, token, title,
consequence), the aspects every element is judged on (an element may name its
own), optional modules, and its elements (token, title, description, module).
A mapping file (``<from>--<to>.mapping.json``) maps the elements of one framework
to those of another. See ``model.py`` for the objects and ``store.py`` for reading.
"""
