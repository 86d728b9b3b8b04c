"""Theory exploration: a ground model from the engine (or finite models from z3), conjectures
tested on it, and rounds of proving (directly, by induction, or as corollaries of what is already
proved).

* :mod:`~genlogic.explore.model`       — the ground model: numerals and operation tables;
* :mod:`~genlogic.explore.finite`      — small finite models found by z3 (no induction schema);
* :mod:`~genlogic.explore.terms`       — terms (:mod:`genlogic.engine.terms`) evaluated on the models;
* :mod:`~genlogic.explore.conjectures` — QuickSpec-style equations, oriented, written in MPL;
* :mod:`~genlogic.explore.refute`      — evaluating any statement on the model: counterexamples;
* :mod:`~genlogic.explore.explorer`    — the rounds that turn conjectures into theorems.
"""
