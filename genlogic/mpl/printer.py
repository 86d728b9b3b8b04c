"""AST → text, in the core notation (GL's, canonical) or the readable notation.

Both printers are exact inverses of the parser: ``parse(print(f)) == f`` for every formula
whose identifiers are valid names or symbols (a Hypothesis property in the test suite). The
readable printer uses infix and function notation wherever the arguments allow it and falls
back to the core call syntax ``pred[a,b]`` otherwise.
"""

from __future__ import annotations

import re

from genlogic.errors import MplError
from genlogic.mpl.parser import keywords, parse_formula, token_pattern
from genlogic.mpl.subst import substitute
from genlogic.mpl.ast import (
    BUILTINS,
    FUNCTION_ATOMS,
    And,
    Atom,
    DefStatement,
    Forall,
    Formula,
    Import,
    Not,
    SourceFile,
    Statement,
    TheoremStatement,
    conjuncts,
)

KEYWORDS = keywords()
_NAME = re.compile(token_pattern("NAME"))
_SYMBOL = re.compile(token_pattern("SYMBOL"))


def is_name(text: str) -> bool:
    """A word identifier (``x``, ``N``, ``i0``, ``add``) that readable terms may use."""
    return bool(_NAME.fullmatch(text)) and text not in KEYWORDS


def is_symbol(text: str) -> bool:
    """An operator identifier (``+``, ``*``, ``≤``)."""
    return bool(_SYMBOL.fullmatch(text))


def is_identifier(text: str) -> bool:
    """Anything that may stand in an argument position of the core notation."""
    return is_name(text) or is_symbol(text)


# --- core ---------------------------------------------------------------------------------


def core(formula: Formula, memo: dict[int, tuple[Formula, str]] | None = None) -> str:
    """The canonical core notation, exactly as GL writes it.

    With ``memo`` (object identity → (formula, text)), texts of formulas printed before are
    reused, so a big formula built from printed parts prints in time proportional to what is new;
    the memo keeps each formula alive, so an identity is never reused."""
    if memo is not None:
        known = memo.get(id(formula))
        if known is not None:
            return known[1]
    if isinstance(formula, Atom):
        text = f"({formula.pred}[{','.join(formula.args)}])"
    elif isinstance(formula, Not):
        text = "!" + core(formula.body, memo)
    elif isinstance(formula, And):
        text = f"(&{core(formula.left, memo)}{core(formula.right, memo)})"
    else:
        inner = core(formula.antecedent, memo) + core(formula.consequent, memo)
        text = f"(>[{','.join(formula.variables)}]{inner})"
    if memo is not None:
        memo[id(formula)] = (formula, text)
    return text


# --- readable -------------------------------------------------------------------------------

_QUANTIFIED, _CONJUNCTION, _UNARY, _ATOMIC = range(4)
_FRESH = re.compile(r"_[0-9]+")


def readable(formula: Formula) -> str:
    """The readable notation: ``forall a b: a ∈ N and b ∈ N -> (a + b) + c = a + (b + c)``.

    Variables introduced by desugaring nested terms are folded back into nested terms when
    re-parsing the result gives the same formula. Otherwise (a formula built by substitution,
    say, whose fresh variables are numbered per subformula) each fold is kept only where
    re-parsing it gives that subformula up to the names of its fresh variables, and the rest is
    printed as it is."""
    nested = _readable(formula, _QUANTIFIED, True)
    try:
        if parse_formula(nested) == formula:
            return nested
    except MplError:
        pass
    return _readable(formula, _QUANTIFIED, _LOCALLY)


def _readable(formula: Formula, context: int, nest: bool) -> str:
    text, level = _readable_with_level(formula, nest)
    return text if level >= context else f"({text})"


def _readable_with_level(formula: Formula, nest: bool) -> tuple[str, int]:
    if isinstance(formula, Atom):
        return _readable_atom(formula), _ATOMIC
    if isinstance(formula, And):
        left = _readable(formula.left, _CONJUNCTION, nest)
        return f"{left} and {_readable(formula.right, _UNARY, nest)}", _CONJUNCTION
    if isinstance(formula, Forall):
        if nest:
            folded = _nested_terms(formula)
            if folded is not None and (nest is not _LOCALLY or _refolds(folded, formula)):
                return folded, _ATOMIC
        antecedent = _readable(formula.antecedent, _CONJUNCTION, nest)
        body = f"{antecedent} -> {_readable(formula.consequent, _QUANTIFIED, nest)}"
        if formula.variables:
            return f"forall {' '.join(formula.variables)}: {body}", _QUANTIFIED
        return body, _QUANTIFIED
    return _readable_negation(formula, nest)


#: ``nest`` value of :func:`_readable`: fold nested terms only where each fold re-parses
_LOCALLY = 2


def _refolds(text: str, formula: Forall) -> bool:
    """Whether ``text`` parses to ``formula`` up to the names of its (fresh) bound variables."""
    try:
        parsed = parse_formula(text)
    except MplError:
        return False
    if not isinstance(parsed, Forall) or len(parsed.variables) != len(formula.variables):
        return False
    names = dict(zip(parsed.variables, formula.variables))
    renamed = Forall(formula.variables, substitute(parsed.antecedent, names), substitute(parsed.consequent, names))
    return renamed == formula


def _nested_terms(formula: Forall) -> str | None:
    """``∀ _1 _2: a + b = _1 ∧ … → atom`` printed as one atom with nested terms, if it has
    exactly the shape that desugaring produces."""
    if not formula.variables or not all(_FRESH.fullmatch(v) for v in formula.variables):
        return None
    fresh = set(formula.variables)
    terms: dict[str, str] = {}
    uses = {v: 0 for v in fresh}
    definitions = list(conjuncts(formula.antecedent))
    if len(definitions) != len(fresh):
        return None

    infix: set[str] = set()

    def term(name: str, operand: bool) -> str:
        if name not in fresh:
            return name
        uses[name] += 1
        text = terms[name]
        return f"({text})" if operand and name in infix else text

    for atom in definitions:
        if not (isinstance(atom, Atom) and atom.pred in FUNCTION_ATOMS and all(map(is_name, atom.args[:-1]))):
            return None
        output, op = atom.args[-2], atom.args[-1]
        if output not in fresh or output in terms or not is_name(op) and atom.pred != "in3":
            return None
        inputs = atom.args[:-2]
        if any(a in fresh and a not in terms for a in inputs):
            return None
        if atom.pred != "in3":
            terms[output] = f"{op}({', '.join(term(a, False) for a in inputs)})"
        else:
            terms[output] = f"{term(inputs[0], True)} {op} {term(inputs[1], True)}"
            infix.add(output)
    atom = formula.consequent
    if not isinstance(atom, Atom) or not all(map(is_name, atom.args[:-1] if atom.pred in FUNCTION_ATOMS else atom.args)):
        return None
    if atom.pred == "=":
        text = f"{term(atom.args[0], False)} = {term(atom.args[1], False)}"
    elif atom.pred == "in" and atom.args[1] not in fresh:
        text = f"{term(atom.args[0], False)} ∈ {atom.args[1]}"
    elif atom.pred in FUNCTION_ATOMS and atom.pred != "in3" and is_name(atom.args[-1]):
        inputs = ", ".join(term(a, False) for a in atom.args[:-2])
        text = f"{atom.args[-1]}({inputs}) = {term(atom.args[-2], False)}"
    elif atom.pred == "in3" and is_identifier(atom.args[3]):
        a, b, c, g = atom.args
        text = f"{term(a, True)} {g} {term(b, True)} = {term(c, False)}"
    else:
        return None
    if any(count != 1 for count in uses.values()):
        return None
    return text


def _readable_negation(formula: Not, nest: bool) -> tuple[str, int]:
    body = formula.body
    if isinstance(body, Forall) and body.variables and isinstance(body.consequent, Not):
        witness, claim = body.antecedent, body.consequent.body
        names = " ".join(body.variables)
        if witness == claim and not isinstance(witness, And):
            return f"exists {names}: {_readable(witness, _QUANTIFIED, nest)}", _QUANTIFIED
        witness_text = _readable(witness, _CONJUNCTION, nest)
        return f"exists {names}: {witness_text} and {_readable(claim, _UNARY, nest)}", _QUANTIFIED
    text, level = _readable_with_level(body, nest)
    if isinstance(body, (Atom, Forall)) and level == _ATOMIC and not text.endswith("]"):
        # an atom in infix form, possibly with nested terms: negate its one relation sign
        if " = " in text:
            return text.replace(" = ", " ≠ "), _ATOMIC
        return text.replace(" ∈ ", " ∉ "), _ATOMIC
    return f"not {_readable(body, _UNARY, nest)}", _UNARY


def _readable_atom(atom: Atom) -> str:
    args = atom.args
    if atom.pred == "=" and len(args) == 2 and all(map(is_name, args)):
        return f"{args[0]} = {args[1]}"
    if atom.pred == "in" and len(args) == 2 and all(map(is_name, args)):
        return f"{args[0]} ∈ {args[1]}"
    if atom.pred in FUNCTION_ATOMS and atom.pred != "in3" and len(args) == BUILTINS[atom.pred] and all(map(is_name, args)):
        return f"{args[-1]}({', '.join(args[:-2])}) = {args[-2]}"
    if atom.pred == "in3" and len(args) == 4 and all(map(is_name, args[:3])) and is_identifier(args[3]):
        a, b, c, g = args
        return f"{a} {g} {b} = {c}"
    return f"{atom.pred}[{', '.join(args)}]"


# --- whole files ------------------------------------------------------------------------------


def statement(stmt: Statement, notation=None) -> str:
    """One file statement. ``notation`` is :func:`core` or :func:`readable`; by default the
    notation the statement was written in. Long readable conjunctions get one conjunct a line."""
    if notation is None:
        notation = readable if getattr(stmt, "readable", False) else core
    if isinstance(stmt, Import):
        return f'import "{stmt.path}"'
    if isinstance(stmt, DefStatement):
        keyword = "anchor" if stmt.is_anchor else "def"
        separator = ", " if notation is readable else ","
        head, formula = f"{keyword} {stmt.name}[{separator.join(stmt.params)}] := ", stmt.body
    else:
        assert isinstance(stmt, TheoremStatement)
        head, formula = f"theorem {stmt.name} := ", stmt.formula
    text = notation(formula)
    if notation is readable and len(head) + len(text) > 90:
        broken = _broken_conjunction(formula)
        if broken is not None:
            return head.rstrip() + broken
    return head + text


def _broken_conjunction(formula: Formula) -> str | None:
    """A left-nested conjunction printed one conjunct a line, if that re-parses identically."""
    parts = list(conjuncts(formula))
    if len(parts) < 2:
        return None
    text = "\n    and ".join(readable(part) if isinstance(part, Atom) else f"({readable(part)})" for part in parts)
    text = "\n    " + text
    try:
        return text if parse_formula(text) == formula else None
    except MplError:
        return None


def source_file(source: SourceFile, notation=None) -> str:
    """A whole file in canonical layout: one blank line between statements; a comment block
    directly above a statement stays attached to it, other comment blocks stand alone."""
    items: list[tuple[int, int, str]] = []  # (line, order, text)
    for comment in source.comments:
        items.append((comment.line, 0, f"#{comment.text}"))
    for stmt in source.statements:
        items.append((stmt.span.line if stmt.span else 0, 1, statement(stmt, notation)))
    items.sort(key=lambda item: (item[0], item[1]))
    blocks: list[list[str]] = []
    previous_comment_line = None
    for line, order, text in items:
        if order == 0:
            if previous_comment_line is None or line != previous_comment_line + 1:
                blocks.append([])
            blocks[-1].append(text)
            previous_comment_line = line
        else:
            attached = previous_comment_line is not None and line <= previous_comment_line + 1
            if attached:
                blocks[-1].append(text)
            else:
                blocks.append([text])
            previous_comment_line = None
    return "\n\n".join("\n".join(block) for block in blocks) + "\n" if blocks else ""
