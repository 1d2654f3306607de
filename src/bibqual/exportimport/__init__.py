"""bibqual in plone.exportimport's site export and import (layer 8, setup).

``steps`` adds bibqual's exporter and importers, ``data`` turns the settings, audit
grants and annotations into JSON and back, ``deserializer`` imports items with their
read-only fields and norm tags as exported. Loaded only where plone.exportimport is
installed (``configure.zcml``); nothing here is imported otherwise.
"""
