"""A fast reader for the canonical core notation, the form in which proof graphs store formulas.

It accepts exactly what :func:`genlogic.mpl.printer.core` prints — no whitespace, no readable
notation — and agrees with the Lark parser on it (a Hypothesis property in the test suite). The
grammar in ``mpl.lark`` stays the specification; this reader exists because re-checking a proof
graph reads hundreds of thousands of formulas.
"""

from __future__ import annotations

from genlogic.mpl.ast import And, Atom, Forall, Formula, Not
from genlogic.mpl.printer import is_identifier

_STRUCTURAL = set("()[],!&>")


class CoreSyntaxError(ValueError):
    """The text is not a formula in canonical core notation."""


def read_core(text: str) -> Formula:
    formula, position = _formula(text, 0)
    if position != len(text):
        raise CoreSyntaxError(f"unexpected text at {position}: {text[position:position + 20]!r}")
    return formula


def _expect(text: str, position: int, char: str) -> int:
    if not text.startswith(char, position):
        raise CoreSyntaxError(f"expected {char!r} at {position}")
    return position + 1


def _name(text: str, position: int, stop: str) -> tuple[str, int]:
    end = position
    while end < len(text) and text[end] not in stop:
        end += 1
    return text[position:end], end


def _names(text: str, position: int) -> tuple[tuple[str, ...], int]:
    """``[a,b,c]`` (possibly empty) starting at ``position``."""
    position = _expect(text, position, "[")
    names: list[str] = []
    if text.startswith("]", position):
        return (), position + 1
    while True:
        name, position = _name(text, position, ",]")
        if not is_identifier(name):
            raise CoreSyntaxError(f"bad identifier {name!r}")
        names.append(name)
        if text.startswith("]", position):
            return tuple(names), position + 1
        position = _expect(text, position, ",")


def _formula(text: str, position: int) -> tuple[Formula, int]:
    if text.startswith("!", position):
        body, position = _formula(text, position + 1)
        return Not(body), position
    position = _expect(text, position, "(")
    if text.startswith("&", position):
        left, position = _formula(text, position + 1)
        right, position = _formula(text, position)
        return And(left, right), _expect(text, position, ")")
    if text.startswith(">[", position):
        variables, position = _names(text, position + 1)
        antecedent, position = _formula(text, position)
        consequent, position = _formula(text, position)
        return Forall(variables, antecedent, consequent), _expect(text, position, ")")
    pred, position = _name(text, position, "[" + "".join(_STRUCTURAL - {"["}))
    if not (is_identifier(pred) or pred in ("=", "in")):
        raise CoreSyntaxError(f"bad predicate name {pred!r}")
    args, position = _names(text, position)
    return Atom(pred, args), _expect(text, position, ")")
