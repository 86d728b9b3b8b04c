"""The static HTML proof browser: a run folder → a site that opens from ``file://``.

``render_site(RUN_DIR, OUT_DIR)`` reads ``proofgraph.json`` (plus ``summary.json`` and
``refuted.json`` when present) and the theory file it names, asks the independent checker for
its verdict, and writes an index, one page per theorem, the dependency graph, the refuted
conjectures and a rule reference (docs/browser.md).

Modules, one job each: :mod:`.model` (JSON and theory → view dataclasses), :mod:`.proof` (one
proof → numbered steps in nested blocks), :mod:`.notation` (formula text), :mod:`.verdict`
(the checker's findings), :mod:`.layout` (layered graph layout), :mod:`.rules` (the rule
reference), :mod:`.render` (templates and the atomic write).
"""

from web_export.model import ExportError
from web_export.render import render_site

__all__ = ["ExportError", "render_site"]
