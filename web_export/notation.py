"""Formulas as the browser shows them: core text (what the JSON stores) → readable text.

Everything here returns plain strings (or segments of plain strings); escaping is the
templates' job. Text that is not canonical core notation (a damaged or hand-made graph) is
shown as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from genlogic.mpl import printer
from genlogic.mpl.ast import Atom, Forall, Formula, Not, subformulas
from genlogic.mpl.reader import read_core

_FRESH = re.compile(r"_[0-9]+")


def parse(text: str) -> Formula | None:
    """The formula written in core notation, or None if ``text`` is not one."""
    try:
        return read_core(text)
    except (ValueError, RecursionError):
        return None


def readable_formula(formula: Formula) -> str:
    """``printer.readable``, without its slow re-parse when the formula has nothing to fold.

    The printer folds a ``forall`` into nested terms only when all its variables look like
    ``_1, _2, …`` and keeps the folded text only if it re-parses to the same formula. Without
    such a ``forall`` the folded and plain texts are identical, so the re-parse can be skipped:
    that is most of the long formulas of a ground calculation."""
    foldable = any(
        isinstance(sub, Forall) and sub.variables and all(_FRESH.fullmatch(v) for v in sub.variables)
        for sub in subformulas(formula)
    )
    plain = getattr(printer, "_readable", None)
    if foldable or plain is None:
        return printer.readable(formula)
    return plain(formula, printer._QUANTIFIED, False)


@lru_cache(maxsize=None)
def readable(text: str) -> str:
    """The readable notation of a formula given in core text (the text itself if unreadable)."""
    formula = parse(text)
    if formula is None:
        return text
    try:
        return readable_formula(formula)
    except RecursionError:
        return text


@dataclass(frozen=True)
class Segment:
    """A piece of a displayed formula: plain text, a marked argument, or (``ref``) a reference
    to the step whose formula stands here."""

    text: str
    marked: bool = False
    ref: int | None = None


ELIDE_LONGER_THAN = 120


def elided_generalisation(formula_text: str, premise_text: str, premise_number: int) -> tuple[Segment, ...]:
    """The readable text of a ``forall_intro`` conclusion ``forall x: A -> B``. When it is long
    and B is literally the premise's formula, B is shown as a reference to that step: nested
    generalisations would otherwise repeat ever longer copies of the same text."""
    full = readable(formula_text)
    formula = parse(formula_text)
    if len(full) <= ELIDE_LONGER_THAN or not isinstance(formula, Forall):
        return (Segment(full),)
    if printer.core(formula.consequent) != premise_text:
        return (Segment(full),)
    holder = "zzelided"
    while holder in full:
        holder += "z"
    text = readable_formula(Forall(formula.variables, formula.antecedent, Atom(holder, ())))
    marker = f"{holder}[]"
    if text.count(marker) != 1 or not text.endswith(marker):
        return (Segment(full),)
    prefix = text[: -len(marker)]
    if prefix + readable(premise_text) != full:
        return (Segment(full),)
    return (Segment(prefix), Segment(f"step {premise_number}", ref=premise_number))


def marked_substitution(formula_text: str, premise_text: str) -> tuple[Segment, ...]:
    """The readable text of an ``eq_subst`` conclusion, with every argument that differs from
    the same argument of the substituted fact (its first premise) marked."""
    plain = (Segment(readable(formula_text)),)
    formula, premise = parse(formula_text), parse(premise_text)
    atom, before = _atom_of(formula), _atom_of(premise)
    if atom is None or before is None or len(atom.args) != len(before.args):
        return plain
    changed = [i for i, (a, b) in enumerate(zip(atom.args, before.args)) if a != b and printer.is_name(a)]
    if not changed:
        return plain
    taken = set(atom.args) | {atom.pred}
    holders: dict[str, str] = {}
    args = list(atom.args)
    for i in changed:
        holder = f"zzmark{i}"
        while holder in taken:
            holder += "z"
        holders[holder] = atom.args[i]
        args[i] = holder
    stand_in: Formula = Atom(atom.pred, tuple(args))
    if isinstance(formula, Not):
        stand_in = Not(stand_in)
    text = readable_formula(stand_in)
    pieces = re.split("(" + "|".join(map(re.escape, sorted(holders, key=len, reverse=True))) + ")", text)
    segments = [Segment(holders[p], True) if p in holders else Segment(p) for p in pieces if p]
    if "".join(s.text for s in segments) != readable(formula_text):
        return plain
    return tuple(segments)


def _atom_of(formula: Formula | None) -> Atom | None:
    if isinstance(formula, Not):
        formula = formula.body
    return formula if isinstance(formula, Atom) else None
