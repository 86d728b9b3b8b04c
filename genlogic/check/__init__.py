"""The independent proof checker: a small trusted kernel for ``proofgraph.json``.

``check_run(RUN_DIR)`` re-checks every theorem of a run from the proof graph and the theory file
alone, following docs/proofgraph.md rule by rule. It shares no code with the engine that wrote
the graph (``genlogic.engine`` is never imported).

What the kernel trusts, and nothing else:

* the MPL front end: the reader of canonical core notation (``genlogic.mpl.reader.read_core``,
  property-tested against the grammar's parser), the AST
  (``genlogic.mpl.ast``), the core printer (``genlogic.mpl.printer.core``, used only to insist that
  formulas are written canonically) and capture-avoiding substitution (``genlogic.mpl.subst``);
* the theory loader (``genlogic.theory.build.load_theory``: axioms, definitions, the anchor's
  constants) and the definition expander (``genlogic.theory.expand.expand``);
* the Python standard library (``json``, ``hashlib``, ``pathlib``, ``dataclasses``).

(``genlogic.errors.MplError`` and ``genlogic.theory.model`` are used only as types.)

Two modules, each meant to be read in one sitting:

* :mod:`genlogic.check.kernel` — formulas (reading, alpha-equivalence) and one function per
  step kind, each citing its rule;
* :mod:`genlogic.check.graph` — the file: loading, theory hash, theorems, blocks, step ids,
  premise scoping, fresh constants, theorem order, and the :class:`Report`.
"""

from genlogic.check.graph import Failure, Report, check_graph, check_run

__all__ = ["Failure", "Report", "check_graph", "check_run"]
