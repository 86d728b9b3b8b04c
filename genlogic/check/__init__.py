"""The independent proof checker: a small trusted kernel for ``proofgraph.json``.

``check_run(RUN_DIR)`` re-checks every theorem of a run from the proof graph and the theory files
alone, following docs/proofgraph.md rule by rule, and compares what the run claims
(``summary.json``, ``theorems.mpl``) with what the graph proves. It shares no code with the
engine that wrote the graph: neither ``genlogic.engine`` nor ``genlogic.theory`` is imported.

Five modules, each meant to be read in one sitting:

* :mod:`genlogic.check.kernel` — formulas (reading, alpha-equivalence) and one function per
  step kind, each citing its rule;
* :mod:`genlogic.check.kinds` — the many-sorted kind discipline (a small union-find);
* :mod:`genlogic.check.theory` — the theory files: hashes, definitions, kinds, axioms, goals;
* :mod:`genlogic.check.graph` — the file: loading, theorems, blocks, step ids, premise scoping,
  fresh constants and the order of their introduction, theorem order, and the :class:`Report`;
* :mod:`genlogic.check.claims` — stated goals, ``summary.json`` and ``theorems.mpl`` against the
  proved theorems.

What else the kernel trusts, and nothing more (docs/architecture.md lists the modules; a test
asserts the list): the MPL grammar and parser, the AST, the reader of canonical core notation,
the core printer (used to insist that formulas are written canonically), capture-avoiding
substitution, definition expansion, the error type; Lark and the Python standard library.
"""

from genlogic.check.graph import Failure, Report, check_graph, check_run

__all__ = ["Failure", "Report", "check_graph", "check_run"]
