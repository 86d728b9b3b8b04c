"""A checked, typed theory: definitions, anchor, stated theorems and what later stages need.

``load_theory(path)`` is the entry point (see :mod:`genlogic.theory.build`).
"""
