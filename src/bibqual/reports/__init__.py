"""Summaries of a library's quality work, computed from catalog brains only.

The REST services (``@pdca-overview``, ``@norm-coverage``, ``@quality-dossier``,
``@board``) and the Classic UI views show the same data; both call these
functions. Whether a norm element is covered has one answer,
``readiness.norm_readiness``, which coverage, dossier, dashboard and the
self-evaluation's suggestions format; how long evidence is valid is
``expiry``. The catalog applies the current user's permissions, so an
auditor's summary holds what an auditor may see.
"""
