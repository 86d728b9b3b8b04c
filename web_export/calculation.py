"""A proof as a person writes it: the induction in words, each equation as a calculation.

Built from one theorem of the graph, over the step numbers of :mod:`web_export.proof`:

* **Terms.** Every constant that stands for a term is folded back into it
  (:mod:`web_export.terms`): a witness (``witness`` step: ``n + x' = w4``) and a block parameter
  its assumption defines (``s(n) = m``). So ``w5`` reads ``s(n + x')``.
* **Induction.** An ``apply`` whose first premise is a ``comprehension`` step is an induction on
  the comprehension's element. Its other premises prove the conjuncts of the instance's
  antecedent, in order: the *step case* is the universal conjunct whose assumption holds the
  property at one of its own variables (the induction hypothesis); every other conjunct is part of
  the *base case*.
* **Calculations.** The engine records how it found each equational step (the graph's optional
  ``calculations``: a chain of equation steps, each with the step of the law it used). The record
  is not trusted. A calculation is shown only if every link is an equation ``c = d`` of this
  proof, consecutive links share their constants, the law each cites is among the link's
  premises (transitively) and every link is among the premises of the step it explains; the terms
  shown are folded from the steps, not taken from the record. Otherwise the reason is listed and
  only the kernel steps are shown for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from genlogic.mpl.ast import And, Atom, Forall, Formula, conjuncts
from genlogic.mpl.subst import substitute
from web_export import notation
from web_export.terms import Definitions, defined, literal, read


@dataclass(frozen=True)
class Cite:
    """What a line is justified by: an axiom, a theorem or a hypothesis, with a link."""

    text: str
    href: str | None  # site-relative, or "#sN" on the same page
    title: str = ""


@dataclass(frozen=True)
class Line:
    term: str
    by: tuple[Cite, ...]  # the laws it uses; none for a line that only renames
    steps: tuple[int, ...]  # the kernel steps the line stands for (the equations it folds)


@dataclass(frozen=True)
class CalcView:
    start: str
    lines: tuple[Line, ...]
    proves: int


@dataclass
class CaseView:
    kind: str  # "base" or "step"
    claims: tuple[str, ...]
    variable: str = ""  # the induction's variable
    hypotheses: tuple[str, ...] = ()
    steps: tuple[int, ...] = ()  # the case premises
    block: str | None = None
    calculations: list[CalcView] = field(default_factory=list)
    inductions: list["InductionView"] = field(default_factory=list)


@dataclass
class InductionView:
    variable: str
    step: int
    cases: list[CaseView]


@dataclass
class Outline:
    inductions: list[InductionView]
    calculations: list[CalcView]
    names: tuple[tuple[str, str], ...]  # constant → the term it stands for
    set_aside: tuple[str, ...]  # why a recorded calculation is not shown
    labels: dict[str, str]  # block id → "base case" / "step case"
    step_labels: dict[int, str]  # step number → the case it proves, when it closes no block

    @property
    def empty(self) -> bool:
        return not (self.inductions or self.calculations)

    def case_lines(self) -> list[int]:
        """Calculation lines per case (and of the calculations outside every case)."""
        counts = [sum(len(c.lines) for c in self.calculations)] if self.calculations else []

        def visit(induction: InductionView) -> None:
            for case in induction.cases:
                counts.append(sum(len(c.lines) for c in case.calculations))
                for inner in case.inductions:
                    visit(inner)

        for induction in self.inductions:
            visit(induction)
        return counts


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def build_outline(steps: list[dict], numbers: dict[str, int], blocks: dict[str, tuple[str, ...]],
                  functions: dict[str, int], describe: Callable[[dict], Cite | None],
                  calculations: Any) -> Outline:
    """``steps``: the theorem's step objects; ``numbers``: step id → display number; ``blocks``:
    block id → its parameters; ``functions``: the theory's functions (name → inputs);
    ``describe(step)``: the citation of an axiom or theorem step; ``calculations``: the graph's
    record (anything: it is checked here)."""
    by_id = {_text(s.get("id")): s for s in steps if _text(s.get("id"))}
    formulas = {i: notation.parse(_text(s.get("formula"))) for i, s in by_id.items()}
    terms = _definitions(by_id.values(), formulas, blocks, functions)
    premises = {i: [p for p in s.get("premises", []) if isinstance(p, str) and p in by_id]
                if isinstance(s.get("premises"), list) else [] for i, s in by_id.items()}
    ancestry = _Ancestry(premises)

    inductions, labels, step_labels = _inductions(by_id, formulas, numbers, premises, blocks, functions)
    cases = [case for induction in inductions for case in induction.cases]
    hypotheses = {case.block: case.variable for case in cases if case.kind == "step" and case.block}

    shown: list[tuple[CalcView, str]] = []
    set_aside: list[str] = [] if calculations is None or isinstance(calculations, list) else [
        "the calculations record is not a list"]
    for entry in calculations if isinstance(calculations, list) else []:
        view = _calculation(entry, by_id, formulas, numbers, ancestry, terms, describe, hypotheses, functions)
        if isinstance(view, str):
            set_aside.append(view)
        else:
            shown.append(view)

    # each calculation and nested induction goes to the innermost case that needs it
    case_sets = [(case, ancestry.of_all([i for i, n in numbers.items() if n in case.steps])) for case in cases]

    def home(step_id: str) -> CaseView | None:
        owners = [(len(found), case) for case, found in case_sets if step_id in found]
        return min(owners, key=lambda pair: pair[0])[1] if owners else None

    top_calcs: list[CalcView] = []
    for view, proves in sorted(shown, key=lambda pair: pair[0].proves):
        case = home(proves)
        (case.calculations if case else top_calcs).append(view)
    top: list[InductionView] = []
    number_to_id = {n: i for i, n in numbers.items()}
    for induction in inductions:
        case = home(number_to_id[induction.step])
        (case.inductions if case else top).append(induction)
    names = tuple((name, term.text()) for name, term in terms.items() if term.args)
    return Outline(top, top_calcs, names, tuple(set_aside), labels, step_labels)


class _Ancestry:
    """The steps a step rests on (itself included), within one theorem."""

    def __init__(self, premises: dict[str, list[str]]):
        self.premises = premises
        self.memo: dict[str, frozenset[str]] = {}

    def of(self, root: str) -> frozenset[str]:
        if root in self.memo:
            return self.memo[root]
        seen: set[str] = set()
        stack = [root]
        while stack:  # iterative: proofs nest deeper than Python's recursion limit
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            stack.extend(self.premises.get(current, ()))
        self.memo[root] = frozenset(seen)
        return self.memo[root]

    def applied(self, root: str, by_id: dict[str, dict], formulas) -> frozenset[str]:
        """The laws ``root`` applies: the axioms, theorems and hypotheses that an ``apply`` step
        below it instantiates, and those facts below it that are atoms other than memberships
        (used as they stand)."""
        found = set()
        for step_id in self.of(root):
            step = by_id[step_id]
            cited = self.premises.get(step_id, [])
            if step.get("kind") == "apply" and cited and _lawful(by_id[cited[0]]):
                found.add(cited[0])
            elif _lawful(step) and isinstance(formulas.get(step_id), Atom) and formulas[step_id].pred != "in":
                found.add(step_id)
        return frozenset(found)

    def of_all(self, roots: list[str]) -> frozenset[str]:
        found: frozenset[str] = frozenset()
        for root in roots:
            found |= self.of(root)
        return found


def _lawful(step: dict) -> bool:
    """An axiom, a theorem, or a hypothesis (an assumption of a block or a part of one)."""
    return step.get("kind") in ("axiom", "theorem", "assume", "and_elim")


def _definitions(steps, formulas: dict[str, Formula | None], blocks: dict[str, tuple[str, ...]],
                 functions: dict[str, int]) -> Definitions:
    terms = Definitions()
    for step in steps:
        formula = formulas.get(_text(step.get("id")))
        if formula is None:
            continue
        kind = step.get("kind")
        if kind == "witness" and isinstance(step.get("witnesses"), dict):
            outputs = {v for v in step["witnesses"].values() if isinstance(v, str)}
        elif kind == "assume":
            outputs = set(blocks.get(_text(step.get("block")), ()))
        else:
            continue
        terms.add_facts(conjuncts(formula), outputs, functions)
    return terms


def _inductions(by_id: dict[str, dict], formulas, numbers: dict[str, int], premises, blocks: dict[str, tuple[str, ...]],
                functions: dict[str, int]) -> tuple[list[InductionView], dict[str, str], dict[int, str]]:
    """Every induction of the proof with its cases; the label of each block (or step, when it
    closes none) that proves a case."""
    inductions: list[InductionView] = []
    labels: dict[str, str] = {}
    step_labels: dict[int, str] = {}
    for step_id, step in by_id.items():
        cited = premises[step_id]
        if step.get("kind") != "apply" or not cited or by_id[cited[0]].get("kind") != "comprehension":
            continue
        comprehension = by_id[cited[0]]
        instance = formulas.get(cited[0])
        prop = notation.parse(_text(comprehension.get("property")))
        element = _text(comprehension.get("element"))
        if not isinstance(instance, Forall) or instance.variables or prop is None or not element:
            continue
        parts = list(conjuncts(instance.antecedent))
        cases_ids = [p for p in step.get("premises", [])[1:] if isinstance(p, str)]
        if len(parts) != len(cases_ids) or not all(c in by_id for c in cases_ids):
            continue
        base = CaseView("base", (), variable=element)
        step_cases: list[CaseView] = []
        # the memberships of a property x ∈ N ∧ P(x) are its typing, not its claim (the base's is
        # an axiom); a property that is only a membership is its claim
        parts_of_prop = list(conjuncts(prop))
        carriers = {p.args[1] for p in parts_of_prop if isinstance(p, Atom) and p.pred == "in" and p.args[0] == element}
        if len(carriers) == len(parts_of_prop):
            carriers = set()
        for part, case_id in zip(parts, cases_ids):
            closes = _text(by_id[case_id].get("closes")) or None
            hypothesis = _hypothesis(part, prop, element)
            if hypothesis is not None:
                # named as the block that proves it names them, as its calculations do
                params = blocks.get(closes or "", ())
                if len(params) == len(part.variables):
                    renaming = dict(zip(part.variables, params))
                    part = Forall(params, substitute(part.antecedent, renaming), substitute(part.consequent, renaming))
                    hypothesis = renaming[hypothesis]
                local = Definitions()
                local.add_facts(conjuncts(part.antecedent), set(part.variables), functions)
                step_cases.append(CaseView(
                    "step", _claims(part.consequent, local, functions, carriers),
                    hypotheses=_claims(substitute(prop, {element: hypothesis}), local, functions, carriers),
                    steps=(numbers[case_id],), block=closes, variable=element))
            elif not (isinstance(part, Atom) and part.pred == "in" and part.args[1] in carriers):
                base.claims += _claims(part, Definitions(), functions, carriers)
                base.steps += (numbers[case_id],)
                base.block = base.block or closes
        if not step_cases:
            continue
        cases = ([base] if base.steps else []) + step_cases
        for case in cases:
            label = f"{case.kind} case · induction on {element}"
            for number in case.steps:
                closes = next((_text(by_id[i].get("closes")) for i, n in numbers.items() if n == number), "")
                if closes:
                    labels[closes] = label
                else:
                    step_labels[number] = label
        inductions.append(InductionView(element, numbers[step_id], cases))
    return inductions, labels, step_labels


def _hypothesis(part: Formula, prop: Formula, element: str) -> str | None:
    """The variable at which ``part`` (a case of the instance) assumes the property, if any."""
    if not isinstance(part, Forall):
        return None
    pieces = set(_and_nodes(part.antecedent))
    for variable in part.variables:
        if substitute(prop, {element: variable}) in pieces:
            return variable
    return None


def _and_nodes(formula: Formula):
    yield formula
    if isinstance(formula, And):
        yield from _and_nodes(formula.left)
        yield from _and_nodes(formula.right)


def _claims(formula: Formula, terms: Definitions, functions: dict[str, int], carriers: set[str]) -> tuple[str, ...]:
    """The parts of a case's claim as a person writes them (``terms``: the case's own
    definitions, ``m = s(n)``, folded in), without the memberships in the ``carriers``."""
    found = []
    for part in conjuncts(formula):
        if isinstance(part, Atom) and part.pred == "in" and part.args[1] in carriers:
            continue
        reading = read(part, functions, terms) or literal(part, terms, functions)
        found.append(reading.text() if reading is not None else notation.readable_formula(part))
    return tuple(found)


def _calculation(entry: Any, by_id: dict[str, dict], formulas, numbers: dict[str, int], ancestry: _Ancestry,
                 terms: Definitions, describe, hypotheses: dict[str, str], functions: dict[str, int]
                 ) -> tuple[CalcView, str] | str:
    """The calculation ``entry`` claims, as lines of folded terms — or why it disagrees with the
    steps: each link must be an equation step among the premises of the step it explains,
    chained to the one before; the chain must run from one side of that step's equation to the
    other; each law a link credits must be an axiom, a theorem or a hypothesis *applied* in that
    link's derivation; a link that credits nothing must leave the term as it was."""
    if not isinstance(entry, dict) or not isinstance(entry.get("links"), list) or not entry["links"]:
        return "a calculation without links"
    proves = _text(entry.get("proves"))
    if proves not in by_id:
        return f"a calculation for an unknown step {proves!r}"
    label = f"the calculation of step {numbers[proves]}"
    ends = _ends(proves, by_id, formulas, premises_of=ancestry.premises, functions=functions)
    if ends is None:
        return f"{label} explains a step that is no equation"
    below = ancestry.of(proves)
    constants: list[str] = []
    lines: list[Line] = []
    renaming: list[int] = []  # steps of links that only rename, before the first line
    for link in entry["links"]:
        step_id = _text(link.get("step")) if isinstance(link, dict) else ""
        formula = formulas.get(step_id)
        if step_id not in by_id or step_id not in below:
            return f"{label} cites a step that is not among its premises"
        number = numbers[step_id]
        if not (isinstance(formula, Atom) and formula.pred == "=" and len(formula.args) == 2):
            return f"{label} cites step {number}, which is not an equation"
        left, right = formula.args
        if constants and constants[-1] != left:
            return f"{label} is not a chain at step {number}"
        if not constants:
            constants.append(left)
        constants.append(right)
        credits = link.get("by")
        if not isinstance(credits, list) or not all(isinstance(c, str) for c in credits):
            return f"{label} has a malformed credit at step {number}"
        applied = ancestry.applied(step_id, by_id, formulas)
        if any(c not in applied for c in credits):
            return f"{label} credits step {number} to a law it does not apply"
        term, before = terms.text(right), terms.text(left)
        if not credits and term != before:
            # a renaming between two names of one term (1 and s(0), s(0) + n and 1 + n): a name
            # of a term, or the same function of renamed arguments, justified by the facts it
            # rests on, read from the steps
            credits = [c for c in sorted(ancestry.of(step_id), key=numbers.get) if _fact(by_id[c], formulas.get(c))]
            old, new = terms.term(left), terms.term(right)
            if not credits or (old.head != new.head and old.args and new.args):
                return f"{label} credits no law for step {number}, which changes the term"
        cites = tuple(describe(by_id[c]) or _hypothesis_cite(by_id[c], numbers, hypotheses) for c in credits)
        if term == before:  # a renaming: the line it belongs to stands for this step too
            if lines:
                last = lines[-1]
                lines[-1] = Line(last.term, last.by + cites, (*last.steps, number))
            else:
                renaming.append(number)
            continue
        lines.append(Line(term, cites, (*renaming, number)))
        renaming = []
    if not lines:
        return f"{label} changes nothing"
    first, last = ends
    if constants[-1] != last or (first is not None and constants[0] not in first):
        return f"{label} does not run between the two sides of the step"
    return CalcView(terms.text(constants[0]), tuple(lines), numbers[proves]), proves


def _ends(proves: str, by_id: dict[str, dict], formulas, premises_of: dict[str, list[str]],
          functions: dict[str, int]) -> tuple[set[str] | None, str] | None:
    """Where the chain explaining step ``proves`` must start and end. For ``c = d``: at c and d.
    For a function fact ``g(ā) = d`` (moved from a premise ``g(b̄) = c`` by equalities): at such a
    premise's c, and at d."""
    formula = formulas.get(proves)
    if isinstance(formula, Atom) and formula.pred == "=" and len(formula.args) == 2:
        return {formula.args[0]}, formula.args[1]
    found = defined(formula, functions) if formula is not None else None
    if found is None:
        return None
    output, function, _ = found
    starts = set()
    for premise in premises_of.get(proves, []):
        fact = defined(formulas.get(premise), functions) if formulas.get(premise) is not None else None
        if fact is not None and fact[1] == function:
            starts.add(fact[0])
    return starts, output


def _fact(step: dict, formula: Formula | None) -> bool:
    """An axiom or theorem that is an atom other than a membership: ``s(0) = 1``."""
    return step.get("kind") in ("axiom", "theorem") and isinstance(formula, Atom) and formula.pred != "in"


def _hypothesis_cite(step: dict, numbers: dict[str, int], hypotheses: dict[str, str]) -> Cite:
    """A hypothesis of a block: the induction hypothesis (on its variable) in a step case."""
    number = numbers.get(_text(step.get("id")))
    variable = hypotheses.get(_text(step.get("block")))
    text = f"induction hypothesis (on {variable})" if variable else "hypothesis"
    return Cite(text, f"#s{number}" if number else None, f"step {number}" if number else "")
