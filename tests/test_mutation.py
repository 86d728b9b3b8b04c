"""Mutation testing of the independent checker (genlogic/check/) on REAL engine output.

A module-scoped fixture runs the engine in-process (the click CLI through ``CliRunner``) on the
example theories and checks that every run passes ``check_run``. Hypothesis then picks a run, a
theorem, a step of it and ONE mutation of that step:

* ``premise``  — replace one premise id by the id of another step earlier in the theorem;
* ``argument`` — replace one identifier argument of one atom of the step's formula by another
  identifier of the theorem;
* ``mapping``  — change the value of a key of ``subst`` / ``witnesses``, drop a key or add one;
* ``rule``     — replace the rule R (premises[0]) of an ``apply`` step by another earlier step
  whose formula is a universal implication;
* ``kind``     — change ``kind`` to another step kind of docs/proofgraph.md;
* ``field``    — change ``side``, ``levels``, ``axiom``, ``theorem`` or ``closes``.

The mutant is re-hashed as the spec says: the mutated step gets its content hash as its id, every
later step of the theorem that cites a re-hashed step is rewritten and re-hashed in turn (in list
order). So the mutant is consistent in everything but the one semantic change, and the checker
must find that change on its own merits.

When the checker ACCEPTS a mutant, the test has to show, by criteria that share no code with the
checker, that the mutation did not matter:

* ``no-op``           — the mutated step has the same content as the original step;
* ``alpha-premise``   — a premise (or the rule R) was replaced by a step in scope whose formula
  is alpha-equal to the replaced one (alpha-equality by our own positional renaming, below);
* ``vacuous-key``     — a ``subst`` value changed for a variable that occurs nowhere in the rule
  body (so the instance is the same), as the oracle below re-derives the step;
* ``still-valid``     — the mutated step is re-derived by the small independent oracle below for
  its kind (``eq_subst`` with a redundant equation, ``apply`` of another rule with the same
  instance, …), and so is every later step that cites it if its formula changed.

The oracle is written from docs/proofgraph.md with its own alpha-equivalence and substitution
(bound variables become positional ``#i`` first, so there is no capture to avoid); it also
insists that the mutated step cites only steps in scope and mentions only constants in scope.
It is itself checked against every step of the real runs (it must accept them all).

Any other accepted mutant fails the test with the theorem, the step, the mutation and the checker
report. Deterministic mutants of each type that must certainly be rejected follow, and tests of
the criteria themselves (on the real steps and on a hand-made proof with harmless mutants).
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, assume, given, note, settings
from hypothesis import strategies as st

from genlogic.check import check_run
from genlogic.cli import main
from genlogic.mpl.ast import And, Atom, Forall, Formula, Not
from genlogic.mpl.printer import core
from genlogic.mpl.reader import read_core

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "mpl_examples"

#: run name -> (command and its options, theory file); the CLI gets "COMMAND FILE OPTIONS -o DIR"
RUNS = {
    "peano_goals": (["prove", "--goals-only"], EXAMPLES / "peano_goals.mpl"),
    "group": (["prove", "--goals-only"], EXAMPLES / "group.mpl"),
    "involution": (["prove", "--goals-only"], EXAMPLES / "involution.mpl"),
    "preorder": (["prove", "--goals-only"], EXAMPLES / "preorder.mpl"),
    "peano_calc": (["calc", "--up-to", "3"], EXAMPLES / "peano.mpl"),
}

#: The step kinds of docs/proofgraph.md ("Step kinds and what the checker verifies").
KINDS = (
    "axiom", "theorem", "assume", "unfold", "fold", "and_elim", "and_intro", "apply", "witness",
    "exists_intro", "comprehension", "eq_refl", "eq_symm", "eq_trans", "eq_subst", "double_neg",
    "forall_intro", "not_intro",
)
MUTATIONS = ("premise", "argument", "mapping", "rule", "kind", "field")

IN_CI = bool(os.environ.get("CI"))
MAX_EXAMPLES = 1500 if IN_CI else 300


# --- step ids and re-hashing (docs/proofgraph.md, STEP) ------------------------------------------


def step_id(step: dict) -> str:
    content = {k: v for k, v in step.items() if k != "id"}
    text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def rehash(steps: list[dict], index: int) -> None:
    """Give steps[index] its content hash as id, then rewrite every later reference to a
    re-hashed id and re-hash the rewritten steps too, in list order (in place)."""
    renamed = {}
    old, new = steps[index]["id"], step_id(steps[index])
    steps[index]["id"] = new
    if old != new:
        renamed[old] = new
    for step in steps[index + 1:]:
        premises = step.get("premises")
        if isinstance(premises, list) and any(p in renamed for p in premises):
            step["premises"] = [renamed.get(p, p) for p in premises]
            old, new = step["id"], step_id(step)
            step["id"] = new
            if old != new:
                renamed[old] = new


# --- formulas: our own alpha-equivalence, substitution and traversal ---------------------------------


def alpha_key(formula: Formula, env: dict[str, int] | None = None, depth: int = 0) -> str:
    """Core text with every bound variable renamed after its binding position (``#0``, ``#1``, …,
    counted from the outside in; ``#`` is not an identifier character, so no clash with a free
    name). Two formulas are alpha-equal iff their keys are equal."""
    env = env or {}
    if isinstance(formula, Atom):
        args = [f"#{env[a]}" if a in env else a for a in formula.args]
        return f"({formula.pred}[{','.join(args)}])"
    if isinstance(formula, Not):
        return "!" + alpha_key(formula.body, env, depth)
    if isinstance(formula, And):
        return f"(&{alpha_key(formula.left, env, depth)}{alpha_key(formula.right, env, depth)})"
    inner = dict(env)
    names = []
    for i, v in enumerate(formula.variables):
        inner[v] = depth + i
        names.append(f"#{depth + i}")
    depth += len(formula.variables)
    antecedent, consequent = alpha_key(formula.antecedent, inner, depth), alpha_key(formula.consequent, inner, depth)
    return f"(>[{','.join(names)}]{antecedent}{consequent})"


def alpha_equal(f: Formula, g: Formula) -> bool:
    return alpha_key(f) == alpha_key(g)


def free_names(formula: Formula, bound: frozenset = frozenset()) -> set[str]:
    if isinstance(formula, Atom):
        return {a for a in formula.args if a not in bound}
    if isinstance(formula, Not):
        return free_names(formula.body, bound)
    if isinstance(formula, And):
        return free_names(formula.left, bound) | free_names(formula.right, bound)
    inner = bound | set(formula.variables)
    return free_names(formula.antecedent, inner) | free_names(formula.consequent, inner)


def instantiate(formula: Formula, sigma: dict[str, str]) -> str:
    """The alpha key of formula[σ] (σ maps free names to names). Bound variables become
    positional ``#i`` before σ is applied, so there is no capture to avoid."""

    def walk(f: Formula, env: dict[str, int], depth: int) -> str:
        if isinstance(f, Atom):
            args = [f"#{env[a]}" if a in env else sigma.get(a, a) for a in f.args]
            return f"({f.pred}[{','.join(args)}])"
        if isinstance(f, Not):
            return "!" + walk(f.body, env, depth)
        if isinstance(f, And):
            return f"(&{walk(f.left, env, depth)}{walk(f.right, env, depth)})"
        inner = dict(env)
        for i, v in enumerate(f.variables):
            inner[v] = depth + i
        names = ",".join(f"#{depth + i}" for i in range(len(f.variables)))
        depth += len(f.variables)
        return f"(>[{names}]{walk(f.antecedent, inner, depth)}{walk(f.consequent, inner, depth)})"

    return walk(formula, {}, 0)


def split_and(formula: Formula) -> list[Formula]:
    if isinstance(formula, And):
        return split_and(formula.left) + split_and(formula.right)
    return [formula]


def atom_sites(formula: Formula, path: tuple = ()) -> list[tuple[tuple, int, str]]:
    """Every argument occurrence: (path to the atom, argument position, the argument)."""
    if isinstance(formula, Atom):
        return [(path, i, a) for i, a in enumerate(formula.args)]
    if isinstance(formula, Not):
        return atom_sites(formula.body, path + ("body",))
    if isinstance(formula, And):
        return atom_sites(formula.left, path + ("left",)) + atom_sites(formula.right, path + ("right",))
    return atom_sites(formula.antecedent, path + ("antecedent",)) + atom_sites(
        formula.consequent, path + ("consequent",)
    )


def replace_arg(formula: Formula, path: tuple, position: int, new: str) -> Formula:
    if not path:
        assert isinstance(formula, Atom)
        args = list(formula.args)
        args[position] = new
        return Atom(formula.pred, tuple(args))
    head, rest = path[0], path[1:]
    if isinstance(formula, Not):
        return Not(replace_arg(formula.body, rest, position, new))
    if isinstance(formula, And):
        if head == "left":
            return And(replace_arg(formula.left, rest, position, new), formula.right)
        return And(formula.left, replace_arg(formula.right, rest, position, new))
    if head == "antecedent":
        return Forall(formula.variables, replace_arg(formula.antecedent, rest, position, new), formula.consequent)
    return Forall(formula.variables, formula.antecedent, replace_arg(formula.consequent, rest, position, new))


def names_in(formula: Formula) -> set[str]:
    """Every identifier of a formula: arguments and bound variables."""
    if isinstance(formula, Atom):
        return set(formula.args)
    if isinstance(formula, Not):
        return names_in(formula.body)
    if isinstance(formula, And):
        return names_in(formula.left) | names_in(formula.right)
    return set(formula.variables) | names_in(formula.antecedent) | names_in(formula.consequent)


_NAMES: dict[int, tuple[dict, list[str]]] = {}  # id -> (the theorem, kept alive; its names)


def theorem_names(theorem: dict) -> list[str]:
    """Every identifier occurring in a theorem (sorted, for reproducible draws)."""
    if id(theorem) not in _NAMES or _NAMES[id(theorem)][0] is not theorem:
        _NAMES[id(theorem)] = (theorem, _theorem_names(theorem))
    return _NAMES[id(theorem)][1]


def _theorem_names(theorem: dict) -> list[str]:
    names = names_in(read_core(theorem["statement"]))
    for block in theorem["blocks"]:
        names |= set(block["params"])
    for step in theorem["steps"]:
        names |= names_in(read_core(step["formula"]))
        for key in ("subst", "witnesses"):
            for k, v in step.get(key, {}).items():
                names |= {k, v}
    return sorted(names)


# --- the mutations -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mutation:
    """One change to one step: ``what`` is one of MUTATIONS, ``detail`` says exactly what."""

    what: str
    detail: tuple

    def __str__(self) -> str:
        return f"{self.what} {self.detail}"


def candidates(graph: dict, t: int, s: int, what: str, axiom_count: int) -> list[Mutation]:
    """Every mutation of kind ``what`` of step s of theorem t (possibly none)."""
    theorem = graph["theorems"][t]
    steps = theorem["steps"]
    step = steps[s]
    earlier = steps[:s]
    out: list[Mutation] = []
    if what == "premise":
        for i, premise in enumerate(step["premises"]):
            out += [Mutation(what, (i, e["id"])) for e in earlier if e["id"] != premise]
    elif what == "argument":
        names = theorem_names(theorem)
        for path, position, arg in atom_sites(read_core(step["formula"])):
            out += [Mutation(what, (path, position, name)) for name in names if name != arg]
    elif what == "mapping":
        names = theorem_names(theorem)
        for field_name in ("subst", "witnesses"):
            if field_name not in step:
                continue
            mapping = step[field_name]
            for key, value in sorted(mapping.items()):
                out += [Mutation(what, (field_name, "change", key, name)) for name in names if name != value]
                out.append(Mutation(what, (field_name, "drop", key, None)))
            for key in names:
                if key not in mapping:
                    out += [Mutation(what, (field_name, "add", key, name)) for name in names]
    elif what == "rule":
        if step["kind"] == "apply" and step["premises"]:
            out += [
                Mutation(what, (e["id"],))
                for e in earlier
                if e["id"] != step["premises"][0] and isinstance(read_core(e["formula"]), Forall)
            ]
    elif what == "kind":
        out += [Mutation(what, (kind,)) for kind in KINDS if kind != step["kind"]]
    elif what == "field":
        if "side" in step:
            out += [Mutation(what, ("side", v)) for v in (0, 1, 2, -1) if v != step["side"]]
        if "levels" in step:
            out += [Mutation(what, ("levels", v)) for v in sorted({step["levels"] - 1, step["levels"] + 1, 0})]
        if "axiom" in step:
            out += [Mutation(what, ("axiom", v)) for v in range(-1, axiom_count + 1) if v != step["axiom"]]
        if "theorem" in step:
            others = [th["name"] for th in graph["theorems"] if th["name"] != step["theorem"]]
            out += [Mutation(what, ("theorem", v)) for v in others + ["no_such_theorem"]]
        if "closes" in step:
            others = [b["id"] for b in theorem["blocks"] if b["id"] != step["closes"]]
            out += [Mutation(what, ("closes", v)) for v in others + ["b999"]]
    return out


def mutate_step(step: dict, mutation: Mutation) -> dict:
    """The step with the mutation applied (its id still the old one)."""
    new = copy.deepcopy(step)
    d = mutation.detail
    if mutation.what == "premise":
        new["premises"][d[0]] = d[1]
    elif mutation.what == "argument":
        new["formula"] = core(replace_arg(read_core(step["formula"]), d[0], d[1], d[2]))
    elif mutation.what == "mapping":
        field_name, op, key, value = d
        if op == "drop":
            del new[field_name][key]
        else:
            new[field_name][key] = value
    elif mutation.what == "rule":
        new["premises"][0] = d[0]
    elif mutation.what == "kind":
        new["kind"] = d[0]
    elif mutation.what == "field":
        new[d[0]] = d[1]
    return new


def mutant_graph(graph: dict, t: int, s: int, mutation: Mutation) -> dict:
    """The graph with step s of theorem t mutated and that theorem re-hashed (a deep copy of
    theorem t; the graph itself is not changed). The theorems after t are left out: the checker
    checks each theorem against the statements of the earlier ones only, so they cannot change
    its verdict on theorem t (and they are valid), but they would double the checking time."""
    mutant = {**graph, "theorems": graph["theorems"][:t] + [copy.deepcopy(graph["theorems"][t])]}
    steps = mutant["theorems"][t]["steps"]
    steps[s] = mutate_step(steps[s], mutation)
    rehash(steps, s)
    return mutant


# --- why an accepted mutant is harmless: criteria that share no code with the checker -----------------


@dataclass
class Setting:
    """What the oracle needs to know about one run besides the graph."""

    constants: frozenset[str]  # the theory's constants (the anchor's parameters)
    axiom_count: int  # how many axioms the theory has
    axioms: dict[int, str]  # axiom index -> alpha key, from the axiom steps of the ORIGINAL run


def lineage(blocks: dict[str, dict], block_id: str) -> list[str]:
    chain = []
    while block_id is not None:
        chain.append(block_id)
        block_id = blocks[block_id]["parent"]
    return chain


def parts_keys(existential: Formula, sigma: dict[str, str]) -> list[str] | None:
    """parts(E, σ) of docs/proofgraph.md as alpha keys, for E = !(>[ȳ](G)(H))."""
    if not (isinstance(existential, Not) and isinstance(existential.body, Forall)):
        return None
    inner = existential.body
    g, h = inner.antecedent, inner.consequent
    keys = [instantiate(c, sigma) for c in split_and(g)]
    if isinstance(h, Not) and alpha_key(h.body) != alpha_key(g):
        keys += [instantiate(c, sigma) for c in split_and(h.body)]
    elif not isinstance(h, Not):
        keys.append(instantiate(Not(h), sigma))
    return keys


#: Kinds whose validity the oracle decides from the step, its premises' formulas and the blocks
#: alone. The others (assume, witness, unfold, fold, theorem) depend on the theory's definitions,
#: on other steps or on freshness; a mutant changing one of those is never called harmless,
#: unless the step is unchanged up to alpha-equivalence of its formula and premises.
ORACLE_KINDS = {
    "axiom", "and_elim", "and_intro", "apply", "exists_intro", "eq_refl", "eq_symm", "eq_trans",
    "eq_subst", "double_neg", "forall_intro", "not_intro",
}


def rule_holds(step: dict, premises: list[Formula], theorem: dict, setting: Setting) -> bool:
    """Does the step obey the rule of its kind (docs/proofgraph.md, the STEP table)? Written
    from the spec with alpha keys and our own substitution, independently of genlogic/check/."""
    kind, f = step["kind"], read_core(step["formula"])
    key = alpha_key(f)
    blocks = {b["id"]: b for b in theorem["blocks"]}

    def equation(g: Formula):
        return tuple(g.args) if isinstance(g, Atom) and g.pred == "=" and len(g.args) == 2 else None

    if kind == "axiom":
        return not premises and setting.axioms.get(step.get("axiom")) == key
    if kind == "and_elim":
        return (
            len(premises) == 1 and isinstance(premises[0], And) and step.get("side") in (0, 1)
            and alpha_key([premises[0].left, premises[0].right][step["side"]]) == key
        )
    if kind == "and_intro":
        return len(premises) == 2 and alpha_key(And(premises[0], premises[1])) == key
    if kind == "double_neg":
        p = premises[0] if len(premises) == 1 else None
        return isinstance(p, Not) and isinstance(p.body, Not) and alpha_key(p.body.body) == key
    if kind == "eq_refl":
        return not premises and equation(f) is not None and equation(f)[0] == equation(f)[1]
    if kind == "eq_symm":
        return len(premises) == 1 and equation(premises[0]) is not None and equation(f) == equation(premises[0])[::-1]
    if kind == "eq_trans":
        if len(premises) != 2 or None in (equation(premises[0]), equation(premises[1]), equation(f)):
            return False
        (a, b), (b2, c) = equation(premises[0]), equation(premises[1])
        return b == b2 and equation(f) == (a, c)
    if kind == "eq_subst":
        if not premises:
            return False

        def lit(g):
            if isinstance(g, Not) and isinstance(g.body, Atom):
                return False, g.body
            return (True, g) if isinstance(g, Atom) else None

        old, new = lit(premises[0]), lit(f)
        eqs = [equation(e) for e in premises[1:]]
        if old is None or new is None or None in eqs or old[0] != new[0]:
            return False
        la, fa = old[1], new[1]
        if la.pred != fa.pred or len(la.args) != len(fa.args):
            return False
        return all(x == y or (x, y) in eqs for x, y in zip(la.args, fa.args))
    if kind == "apply":
        sigma, levels = step.get("subst"), step.get("levels")
        if not premises or not isinstance(sigma, dict) or not isinstance(levels, int) or levels < 1:
            return False
        body, variables, antecedents = premises[0], [], []
        for _ in range(levels):
            if not isinstance(body, Forall):
                return False
            variables += body.variables
            antecedents.append(body.antecedent)
            body = body.consequent
        if len(set(variables)) != len(variables) or set(variables) != set(sigma):
            return False
        needed = [instantiate(c, sigma) for a in antecedents for c in split_and(a)]
        # split_and before substituting is the same as after: σ maps names to names.
        return [alpha_key(p) for p in premises[1:]] == needed and instantiate(body, sigma) == key
    if kind == "exists_intro":
        sigma = step.get("subst")
        if not isinstance(sigma, dict) or not (isinstance(f, Not) and isinstance(f.body, Forall)):
            return False
        if set(f.body.variables) != set(sigma):
            return False
        return [alpha_key(p) for p in premises] == parts_keys(f, sigma)
    if kind == "forall_intro":
        closed = blocks.get(step.get("closes"))
        if len(premises) != 1 or closed is None or closed["kind"] != "forall" or closed["parent"] != step["block"]:
            return False
        if not isinstance(f, Forall) or len(f.variables) != len(closed["params"]):
            return False
        return alpha_key(premises[0]) == instantiate(f.consequent, dict(zip(f.variables, closed["params"])))
    if kind == "not_intro":
        closed = blocks.get(step.get("closes"))
        if len(premises) != 2 or closed is None or closed["kind"] != "contradiction":
            return False
        if closed["parent"] != step["block"]:
            return False
        assumes = [s for s in theorem["steps"] if s["kind"] == "assume" and s["block"] == closed["id"]]
        if len(assumes) != 1 or alpha_key(premises[1]) != alpha_key(Not(premises[0])):
            return False
        return key == alpha_key(Not(read_core(assumes[0]["formula"])))
    return False


#: Step fields that feed the context other steps are checked in (block assumptions, closers,
#: fresh constants): a mutant changing them is not judged step by step.
CONTEXT_KINDS = {"assume", "witness", "forall_intro", "not_intro"}


def justify(original: dict, mutant: dict, t: int, s: int, setting: Setting) -> str | None:
    """The criterion by which the (accepted) mutant is harmless, or None if there is none."""
    before, after = original["theorems"][t], mutant["theorems"][t]
    old, new = before["steps"][s], after["steps"][s]
    strip = lambda step: {k: v for k, v in step.items() if k not in ("id", "premises")}  # noqa: E731
    old_formula = {o["id"]: read_core(o["formula"]) for o in before["steps"]}
    new_formula = {n["id"]: read_core(n["formula"]) for n in after["steps"]}
    old_premises = [old_formula[p] for p in old["premises"]]
    if strip(old) == strip(new) and old["premises"] == new["premises"]:
        return "no-op"
    blocks = {b["id"]: b for b in after["blocks"]}
    block_of = {n["id"]: n["block"] for n in after["steps"]}

    # The mutated step must cite steps in scope (its block's lineage, plus the closed block)
    # and mention only constants in scope, whatever else is true of it.
    scope = set(lineage(blocks, new["block"]))
    allowed = set(scope)
    if new["kind"] in ("forall_intro", "not_intro") and new.get("closes") in blocks:
        allowed.add(new["closes"])
    if any(p not in block_of or block_of[p] not in allowed for p in new["premises"]):
        return None
    introduced = {p: b["id"] for b in blocks.values() for p in b["params"]}
    for n in after["steps"]:
        if n["kind"] == "witness":
            introduced.update({v: n["block"] for v in n.get("witnesses", {}).values()})
    mentioned = free_names(read_core(new["formula"]))
    for field_name in ("subst", "witnesses"):
        mentioned |= set(new.get(field_name, {}).values())
    if any(c not in setting.constants and introduced.get(c) not in scope for c in mentioned):
        return None

    new_premises = [new_formula[p] for p in new["premises"]]
    same_step = strip(old) == strip(new) and len(old_premises) == len(new_premises)
    if same_step and all(alpha_equal(a, b) for a, b in zip(old_premises, new_premises)):
        return "alpha-premise"  # same step, premises replaced by alpha-equal ones in scope
    if (old["kind"] in CONTEXT_KINDS or new["kind"] in CONTEXT_KINDS) and not (
        new["kind"] == old["kind"] and new["formula"] == old["formula"] and new.get("closes") == old.get("closes")
    ):
        return None
    if new["kind"] not in ORACLE_KINDS or not rule_holds(new, new_premises, after, setting):
        return None
    criterion = "vacuous-key" if strip(old) != strip(new) and old["formula"] == new["formula"] and (
        old.get("subst") != new.get("subst")) else "still-valid"

    # The later steps: those whose premises changed their formula are re-derived by the oracle;
    # the others are valid as in the original graph. The conclusion must not change.
    changed = {new["id"]} if not alpha_equal(old_formula[old["id"]], new_formula[new["id"]]) else set()
    for o, n in zip(before["steps"][s + 1:], after["steps"][s + 1:]):
        if any(p in changed for p in n["premises"]):
            if n["kind"] not in ORACLE_KINDS:  # its formula is unchanged, the oracle needs no more
                return None
            if not rule_holds(n, [new_formula[p] for p in n["premises"]], after, setting):
                return None
            criterion = "still-valid"
    if changed and after["steps"][-1]["id"] in changed:
        return None
    return criterion


# --- the runs ---------------------------------------------------------------------------------------


@dataclass(repr=False)
class Run:
    name: str
    theory: Path
    graph: dict
    setting: Setting

    def __repr__(self) -> str:  # Hypothesis prints the fixtures of a failing example
        return f"<run {self.name}>"


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, Run]:
    """Every example run, produced by the CLI in-process; each must check."""
    from genlogic.theory.build import load_theory

    base = tmp_path_factory.mktemp("mutation-runs")
    runner = CliRunner()
    out = {}
    for name, (command, theory) in RUNS.items():
        run_dir = base / name
        # As the project runs them: from the repository root, with the theory path relative to
        # it (the graph records that path; the checker is given the file explicitly anyway).
        with pytest.MonkeyPatch.context() as patch:
            patch.chdir(ROOT)
            args = [command[0], str(theory.relative_to(ROOT)), *command[1:], "-o", str(run_dir)]
            result = runner.invoke(main, args)
        assert result.exit_code == 0, f"{name}: {result.output}\n{result.exception!r}"
        report = check_run(run_dir, theory_path=theory)
        assert report.ok, f"{name} does not check:\n{report.render()}"
        graph = json.loads((run_dir / "proofgraph.json").read_text(encoding="utf-8"))
        assert graph["theorems"], name
        for th in graph["theorems"]:
            assert all(step["id"] == step_id(step) for step in th["steps"]), f"{name}: our step ids differ"
        loaded = load_theory(theory)  # the theory loader is trusted by the checker too
        axioms = {}
        for th in graph["theorems"]:
            for step in th["steps"]:
                if step["kind"] == "axiom":
                    axioms[step["axiom"]] = alpha_key(read_core(step["formula"]))
        constants = frozenset(loaded.anchor.params if loaded.anchor else ())
        out[name] = Run(name, theory, graph, Setting(constants, len(loaded.axioms), axioms))
    return out


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("mutants")


_counter = iter(range(10**9))


def check_mutant(run: Run, graph: dict, workdir: Path):
    """Write the graph into a fresh run folder and check it (against the run's theory file; the
    folder is removed afterwards, the calc graphs are large)."""
    run_dir = workdir / f"m{next(_counter)}"
    run_dir.mkdir()
    path = run_dir / "proofgraph.json"
    path.write_text(json.dumps(graph, ensure_ascii=False, sort_keys=True, indent=2), encoding="utf-8")
    try:
        return check_run(run_dir, theory_path=run.theory)
    finally:
        path.unlink()
        run_dir.rmdir()


def axiom_count(run: Run) -> int:
    return run.setting.axiom_count


def describe(run: Run, mutant: dict, t: int, s: int, mutation: Mutation, report) -> str:
    theorem = run.graph["theorems"][t]
    return (
        f"the checker ACCEPTED a mutant that is not demonstrably equivalent\n"
        f"run: {run.name}\ntheorem: {theorem['name']} ({theorem['statement']})\n"
        f"step #{s}: {json.dumps(theorem['steps'][s], sort_keys=True)}\n"
        f"mutation: {mutation}\n"
        f"mutated step: {json.dumps(mutant['theorems'][t]['steps'][s], sort_keys=True)}\n"
        f"checker output:\n{report.render()}"
    )


STATS: dict[str, int] = {}


def count(key: str) -> None:
    STATS[key] = STATS.get(key, 0) + 1


@pytest.fixture(scope="module", autouse=True)
def report_stats():
    yield
    if STATS:
        print("\nmutation statistics:", ", ".join(f"{k}={v}" for k, v in sorted(STATS.items())))


# --- the property ---------------------------------------------------------------------------------------


_CANDIDATES: dict[tuple, list[Mutation]] = {}


def cached_candidates(run: Run, t: int, s: int, what: str) -> list[Mutation]:
    key = (run.name, t, s, what)
    if key not in _CANDIDATES:
        _CANDIDATES[key] = candidates(run.graph, t, s, what, axiom_count(run))
    return _CANDIDATES[key]


def group_of(mutation: Mutation):
    """Mutations are drawn in two stages, group then member, so that the few ways to drop a
    key are not drowned by the many ways to add one: by premise position, by mapping operation,
    by field name; one group for the other types."""
    if mutation.what == "premise":
        return mutation.detail[0]
    if mutation.what == "mapping":
        return mutation.detail[:2]
    if mutation.what == "field":
        return mutation.detail[0]
    return None


@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(data=st.data())
def test_checker_rejects_every_harmful_mutant(runs, workdir, data):
    what = data.draw(st.sampled_from(MUTATIONS), label="mutation type")
    run = runs[data.draw(st.sampled_from(sorted(runs)), label="run")]
    theorems = run.graph["theorems"]
    t = data.draw(st.integers(0, len(theorems) - 1), label="theorem")
    applicable = [s for s in range(len(theorems[t]["steps"])) if cached_candidates(run, t, s, what)]
    assume(applicable)
    s = data.draw(st.sampled_from(applicable), label="step")
    options = cached_candidates(run, t, s, what)
    groups = sorted({group_of(m) for m in options}, key=repr)
    group = data.draw(st.sampled_from(groups), label="group")
    mutation = data.draw(st.sampled_from([m for m in options if group_of(m) == group]), label="mutation")
    note(f"{run.name} / {theorems[t]['name']} / step {s} ({theorems[t]['steps'][s]['kind']}): {mutation}")

    mutant = mutant_graph(run.graph, t, s, mutation)
    report = check_mutant(run, mutant, workdir)
    count(f"tried.{what}")
    if not report.ok:
        count("rejected")
        try:
            criterion = justify(run.graph, mutant, t, s, run.setting)
        except Exception:  # the mutant may be malformed in ways the criteria do not expect
            criterion = None
        if criterion is not None:  # harmless by our criteria, yet rejected: worth a look, not an error
            count(f"rejected-though-{criterion}")
        return
    criterion = justify(run.graph, mutant, t, s, run.setting)
    assert criterion is not None, describe(run, mutant, t, s, mutation, report)
    count(f"accepted.{criterion}")


# --- deterministic mutants that must be rejected ---------------------------------------------------------


class NoStepFits(LookupError):
    """No step of the runs fits a regression mutant: the test would check nothing, so it fails."""


def find(runs: dict[str, Run], run_names, choose):
    """The first (run, t, s, mutation) for which ``choose(run, t, s) -> Mutation | None`` gives a
    mutation, scanning the runs in the order given, theorems and steps in list order."""
    for name in run_names:
        run = runs[name]
        for t, theorem in enumerate(run.graph["theorems"]):
            for s in range(len(theorem["steps"])):
                mutation = choose(run, t, s)
                if mutation is not None:
                    return run, t, s, mutation
    raise NoStepFits("no step of these runs fits this regression mutant (the engine's output changed?)")


def assert_rejected(runs, workdir, run_names, choose, reason_part: str | None = None):
    run, t, s, mutation = find(runs, run_names, choose)
    mutant = mutant_graph(run.graph, t, s, mutation)
    report = check_mutant(run, mutant, workdir)
    name = run.graph["theorems"][t]["name"]
    assert not report.ok, describe(run, mutant, t, s, mutation, report)
    failures = report.failures + report.graph_failures
    assert any(f.theorem == name for f in failures), report.render()
    if reason_part is not None:
        assert any(reason_part in f.reason for f in failures), report.render()


def formula_of(theorem: dict, step_id_: str) -> Formula:
    return next(read_core(x["formula"]) for x in theorem["steps"] if x["id"] == step_id_)


def step_at(run: Run, t: int, s: int) -> dict:
    return run.graph["theorems"][t]["steps"][s]


SMALL = ("involution", "preorder", "peano_goals", "group", "peano_calc")


# premise reference


def test_premise_not_a_conjunction_is_rejected(runs, workdir):
    def choose(run, t, s):
        step, theorem = step_at(run, t, s), run.graph["theorems"][t]
        if step["kind"] != "and_elim":
            return None
        for e in theorem["steps"][:s]:
            if not isinstance(read_core(e["formula"]), And):
                return Mutation("premise", (0, e["id"]))
        return None

    assert_rejected(runs, workdir, SMALL, choose, "not a conjunction")


def test_premise_of_apply_replaced_by_other_formula_is_rejected(runs, workdir):
    def choose(run, t, s):
        step, theorem = step_at(run, t, s), run.graph["theorems"][t]
        if step["kind"] != "apply" or len(step["premises"]) < 2:
            return None
        old = formula_of(theorem, step["premises"][1])
        for e in theorem["steps"][:s]:
            if not alpha_equal(read_core(e["formula"]), old) and e["id"] not in step["premises"]:
                return Mutation("premise", (1, e["id"]))
        return None

    assert_rejected(runs, workdir, SMALL, choose, "premise P1 is not")


def test_alpha_equal_premise_out_of_scope_is_rejected(runs, workdir):
    """The same formula, but proved in a block that does not enclose the citing step (under
    an assumption the citing step does not have): unsound, however equal the formulas."""

    def choose(run, t, s, alpha=True):
        step, theorem = step_at(run, t, s), run.graph["theorems"][t]
        blocks = {b["id"]: b for b in theorem["blocks"]}
        scope = set(lineage(blocks, step["block"]))
        if step["kind"] in ("forall_intro", "not_intro"):
            return None
        for i, premise in enumerate(step["premises"]):
            old = formula_of(theorem, premise)
            for e in theorem["steps"][:s]:
                if e["id"] != premise and e["block"] not in scope:
                    if not alpha or alpha_equal(read_core(e["formula"]), old):
                        return Mutation("premise", (i, e["id"]))
        return None

    try:
        find(runs, SMALL, choose)
    except NoStepFits:  # no alpha-equal one: any step out of scope will do
        assert_rejected(runs, workdir, SMALL, lambda run, t, s: choose(run, t, s, alpha=False), "out of scope")
    else:
        assert_rejected(runs, workdir, SMALL, choose, "out of scope")


def test_closing_step_citing_its_own_block_not_a_child(runs, workdir):
    """A forall_intro whose R is replaced by an earlier step of the parent block."""

    def choose(run, t, s):
        step, theorem = step_at(run, t, s), run.graph["theorems"][t]
        if step["kind"] != "forall_intro":
            return None
        old = formula_of(theorem, step["premises"][0])
        for e in theorem["steps"][:s]:
            if e["block"] == step["block"] and not alpha_equal(read_core(e["formula"]), old):
                return Mutation("premise", (0, e["id"]))
        return None

    assert_rejected(runs, workdir, SMALL, choose)


# argument


def test_conclusion_argument_changed_is_rejected(runs, workdir):
    for name in SMALL:
        def choose(run, t, s, name=name):
            theorem = run.graph["theorems"][t]
            if run.name != name or s != len(theorem["steps"]) - 1:
                return None
            path, position, arg = atom_sites(read_core(theorem["steps"][s]["formula"]))[-1]
            other = next(n for n in theorem_names(theorem) if n != arg)
            return Mutation("argument", (path, position, other))

        assert_rejected(runs, workdir, (name,), choose)


def test_eq_symm_not_swapped_is_rejected(runs, workdir):
    def choose(run, t, s):
        step = step_at(run, t, s)
        f = read_core(step["formula"])
        if step["kind"] != "eq_symm" or f.args[0] == f.args[1]:
            return None
        return Mutation("argument", ((), 0, f.args[1]))  # (=[b,a]) becomes (=[a,a])

    assert_rejected(runs, workdir, SMALL, choose, "formula is not")


def test_apply_conclusion_argument_changed_is_rejected(runs, workdir):
    def choose(run, t, s):
        step, theorem = step_at(run, t, s), run.graph["theorems"][t]
        if step["kind"] != "apply":
            return None
        path, position, arg = atom_sites(read_core(step["formula"]))[0]
        others = [n for n in theorem_names(theorem) if n != arg and n in run.setting.constants]
        return Mutation("argument", (path, position, others[0])) if others else None

    assert_rejected(runs, workdir, SMALL, choose, "C[σ]")


def test_axiom_argument_changed_is_rejected(runs, workdir):
    def choose(run, t, s):
        step = step_at(run, t, s)
        if step["kind"] != "axiom":
            return None
        path, position, arg = atom_sites(read_core(step["formula"]))[0]
        others = [n for n in sorted(run.setting.constants) if n != arg]
        return Mutation("argument", (path, position, others[0]))

    assert_rejected(runs, workdir, SMALL, choose)


# substitution entry


def rule_variables(theorem: dict, step: dict) -> list[tuple[str, bool]]:
    """(variable, occurs in the conclusion C) for the levels of an apply step's rule."""
    body = formula_of(theorem, step["premises"][0])
    variables = []
    for _ in range(step["levels"]):
        variables += body.variables
        body = body.consequent
    free = free_names(body)
    return [(v, v in free) for v in variables]


def test_subst_value_changed_is_rejected(runs, workdir):
    def choose(run, t, s):
        step, theorem = step_at(run, t, s), run.graph["theorems"][t]
        if step["kind"] != "apply":
            return None
        for v, in_conclusion in rule_variables(theorem, step):
            others = [c for c in sorted(run.setting.constants) if c != step["subst"][v]]
            if in_conclusion and others:
                return Mutation("mapping", ("subst", "change", v, others[0]))
        return None

    assert_rejected(runs, workdir, SMALL, choose)


def test_subst_key_dropped_is_rejected(runs, workdir):
    def choose(run, t, s):
        step = step_at(run, t, s)
        if step["kind"] != "apply":
            return None
        return Mutation("mapping", ("subst", "drop", sorted(step["subst"])[0], None))

    assert_rejected(runs, workdir, SMALL, choose, "keys of subst")


def test_subst_key_added_is_rejected(runs, workdir):
    def choose(run, t, s):
        step = step_at(run, t, s)
        if step["kind"] != "apply" or "zz" in step["subst"]:
            return None
        return Mutation("mapping", ("subst", "add", "zz", next(iter(step["subst"].values()))))

    assert_rejected(runs, workdir, SMALL, choose, "keys of subst")


def test_witness_made_a_theory_constant_is_rejected(runs, workdir):
    def choose(run, t, s):
        step = step_at(run, t, s)
        if step["kind"] != "witness":
            return None
        key = sorted(step["witnesses"])[0]
        return Mutation("mapping", ("witnesses", "change", key, sorted(run.setting.constants)[0]))

    assert_rejected(runs, workdir, SMALL, choose)


def test_witness_reusing_a_constant_of_the_premise_is_rejected(runs, workdir):
    """∃y P(y,c) ⊢ P(c,c) is unsound: a witness must not occur in E."""

    def choose(run, t, s):
        step, theorem = step_at(run, t, s), run.graph["theorems"][t]
        if step["kind"] != "witness":
            return None
        e = formula_of(theorem, step["premises"][0])
        introduced = {p for b in theorem["blocks"] for p in b["params"]}
        for key in sorted(step["witnesses"]):
            for c in sorted(free_names(e) & introduced):
                return Mutation("mapping", ("witnesses", "change", key, c))
        return None

    assert_rejected(runs, workdir, ("group", "peano_goals", "involution"), choose)


# cited rule


def test_apply_of_another_rule_is_rejected(runs, workdir):
    def choose(run, t, s):
        step, theorem = step_at(run, t, s), run.graph["theorems"][t]
        if step["kind"] != "apply":
            return None
        old = formula_of(theorem, step["premises"][0])
        for e in theorem["steps"][:s]:
            f = read_core(e["formula"])
            if isinstance(f, Forall) and not alpha_equal(f, old):
                return Mutation("rule", (e["id"],))
        return None

    assert_rejected(runs, workdir, SMALL, choose)


# step kind


@pytest.mark.parametrize(
    "old, new",
    [("axiom", "theorem"), ("and_elim", "and_intro"), ("apply", "exists_intro"), ("eq_symm", "eq_refl"),
     ("assume", "axiom"), ("forall_intro", "not_intro"), ("witness", "exists_intro"), ("eq_subst", "eq_trans"),
     ("and_elim", "double_neg"), ("fold", "unfold"), ("axiom", "eq_refl"), ("apply", "bogus_kind")],
)
def test_kind_changed_is_rejected(runs, workdir, old, new):
    def choose(run, t, s):
        return Mutation("kind", (new,)) if step_at(run, t, s)["kind"] == old else None

    assert_rejected(runs, workdir, SMALL, choose)


# extra fields


def test_side_flipped_is_rejected(runs, workdir):
    def choose(run, t, s):
        step, theorem = step_at(run, t, s), run.graph["theorems"][t]
        if step["kind"] != "and_elim":
            return None
        p = formula_of(theorem, step["premises"][0])
        return None if alpha_equal(p.left, p.right) else Mutation("field", ("side", 1 - step["side"]))

    assert_rejected(runs, workdir, SMALL, choose, "side")


@pytest.mark.parametrize("value", [2, -1])
def test_side_out_of_range_is_rejected(runs, workdir, value):
    def choose(run, t, s):
        return Mutation("field", ("side", value)) if step_at(run, t, s)["kind"] == "and_elim" else None

    assert_rejected(runs, workdir, SMALL, choose, "side")


@pytest.mark.parametrize("delta", [1, -1])
def test_levels_changed_is_rejected(runs, workdir, delta):
    def choose(run, t, s):
        step = step_at(run, t, s)
        if step["kind"] != "apply":
            return None
        return Mutation("field", ("levels", step["levels"] + delta)) if step["levels"] + delta >= 0 else None

    assert_rejected(runs, workdir, SMALL, choose)


def test_axiom_index_changed_is_rejected(runs, workdir):
    def choose(run, t, s):
        step = step_at(run, t, s)
        if step["kind"] != "axiom":
            return None
        for index, key in sorted(run.setting.axioms.items()):
            if key != alpha_key(read_core(step["formula"])):
                return Mutation("field", ("axiom", index))
        return None

    assert_rejected(runs, workdir, SMALL, choose, "axiom")


@pytest.mark.parametrize("which", ["later", "missing"])
def test_theorem_name_changed_is_rejected(runs, workdir, which):
    def choose(run, t, s):
        step, names = step_at(run, t, s), [th["name"] for th in run.graph["theorems"]]
        if step["kind"] != "theorem":
            return None
        return Mutation("field", ("theorem", names[t] if which == "later" else "no_such_theorem"))

    assert_rejected(runs, workdir, ("group",), choose)


def test_closes_changed_is_rejected(runs, workdir):
    def choose(run, t, s):
        step, theorem = step_at(run, t, s), run.graph["theorems"][t]
        if step["kind"] != "forall_intro":
            return None
        others = [b["id"] for b in theorem["blocks"] if b["id"] != step["closes"]]
        return Mutation("field", ("closes", others[0])) if others else None

    assert_rejected(runs, workdir, SMALL, choose)


# --- the oracle itself --------------------------------------------------------------------------------------


def test_oracle_accepts_every_real_step(runs):
    """The independent oracle (rule_holds) must agree that every step of the real runs whose
    kind it knows is valid; otherwise its "still-valid" verdicts would mean little."""
    checked = 0
    for run in runs.values():
        for theorem in run.graph["theorems"]:
            formulas = {x["id"]: read_core(x["formula"]) for x in theorem["steps"]}
            for step in theorem["steps"]:
                if step["kind"] in ORACLE_KINDS:
                    premises = [formulas[p] for p in step["premises"]]
                    assert rule_holds(step, premises, theorem, run.setting), (run.name, theorem["name"], step)
                    checked += 1
    assert checked > 900


def test_oracle_and_justify_on_known_mutants(runs, workdir):
    """An alpha-equal premise in scope is harmless (and accepted); an apply step whose
    conclusion changes is not harmless (and rejected)."""

    def alpha_in_scope(run, t, s):
        step, theorem = step_at(run, t, s), run.graph["theorems"][t]
        blocks = {b["id"]: b for b in theorem["blocks"]}
        scope = set(lineage(blocks, step["block"]))
        for i, premise in enumerate(step["premises"]):
            old = formula_of(theorem, premise)
            for e in theorem["steps"][:s]:
                if e["id"] != premise and e["block"] in scope and alpha_equal(read_core(e["formula"]), old):
                    return Mutation("premise", (i, e["id"]))
        return None

    run, t, s, mutation = find(runs, SMALL, alpha_in_scope)
    mutant = mutant_graph(run.graph, t, s, mutation)
    assert check_mutant(run, mutant, workdir).ok
    assert justify(run.graph, mutant, t, s, run.setting) == "alpha-premise"

    def apply_conclusion(run, t, s):
        step = step_at(run, t, s)
        if step["kind"] != "apply":
            return None
        path, position, arg = atom_sites(read_core(step["formula"]))[0]
        other = next(c for c in sorted(run.setting.constants) if c != arg)
        return Mutation("argument", (path, position, other))

    run, t, s, mutation = find(runs, SMALL, apply_conclusion)
    mutant = mutant_graph(run.graph, t, s, mutation)
    assert not check_mutant(run, mutant, workdir).ok
    assert justify(run.graph, mutant, t, s, run.setting) is None


VACUOUS = ROOT / "tests" / "data" / "mutation" / "vacuous.mpl"


def hand_made_graph() -> dict:
    """Two hand-written proofs over tests/data/mutation/vacuous.mpl, with ids as the spec says."""

    def theorem(name: str, statement: str, steps: list[dict]) -> dict:
        made: list[dict] = []
        for step in steps:
            step = {"premises": [made[i]["id"] for i in step.pop("cites", [])], **step}
            step["id"] = step_id(step)
            made.append(step)
        blocks = [{"id": "b0", "kind": "root", "parent": None, "params": []}]
        origin = {"source": "stated", "block": name, "round": 1}
        return {"name": name, "statement": statement, "uses": [], "origin": origin, "blocks": blocks, "steps": made}

    def step(kind: str, formula: str, *cites: int, **extra) -> dict:
        return {"block": "b0", "kind": kind, "formula": formula, "cites": list(cites), **extra}

    in_m = theorem("zero_in_M", "(in[0,M])", [
        step("axiom", "(>[x,y](in[x,N])(in[x,M]))", axiom=2),  # 0
        step("axiom", "(in[0,N])", axiom=0),  # 1
        step("axiom", "(=[a,0])", axiom=1),  # 2
        step("eq_symm", "(=[0,a])", 2),  # 3
        step("eq_subst", "(in[a,N])", 1, 3),  # 4
        step("eq_subst", "(in[0,N])", 4, 2),  # 5: (in[0,N]) again, another way
        step("apply", "(in[0,M])", 0, 5, subst={"x": "0", "y": "0"}, levels=1),  # 6
    ])
    return {
        "format": "genlogic-proofgraph",
        "schema": 2,
        "generator": "tests/test_mutation.py",
        "theory": {
            "path": str(VACUOUS),
            "sha256": hashlib.sha256(VACUOUS.read_bytes()).hexdigest(),
            "imports": [],
            "name": "Vacuous",
        },
        "theorems": [in_m],
    }


@pytest.mark.parametrize(
    "s, mutation, criterion",
    [
        (6, Mutation("mapping", ("subst", "change", "y", "a")), "vacuous-key"),
        (6, Mutation("premise", (1, "P1")), "alpha-premise"),  # P1: the id of step 1, filled in below
        (4, Mutation("argument", ((), 0, "0")), "still-valid"),  # (in[0,N]) by eq_subst, position unchanged
    ],
)
def test_harmless_mutants_are_accepted_and_justified(workdir, s, mutation, criterion):
    """The criteria for "harmless" at work: the checker accepts these mutants (they are valid
    proofs by the spec) and ``justify`` says why."""
    from genlogic.theory.build import load_theory

    graph = hand_made_graph()
    ids = [x["id"] for x in graph["theorems"][0]["steps"]]
    if mutation.detail[-1] == "P1":
        mutation = Mutation(mutation.what, (*mutation.detail[:-1], ids[1]))
    theory = load_theory(VACUOUS)
    steps = graph["theorems"][0]["steps"]
    axioms = {x["axiom"]: alpha_key(read_core(x["formula"])) for x in steps if x["kind"] == "axiom"}
    run = Run("vacuous", VACUOUS, graph, Setting(frozenset(theory.anchor.params), len(theory.axioms), axioms))
    assert check_mutant(run, graph, workdir).ok
    mutant = mutant_graph(graph, 0, s, mutation)
    report = check_mutant(run, mutant, workdir)
    assert report.ok, report.render()
    assert justify(graph, mutant, 0, s, run.setting) == criterion
    # and a harmful sibling: the same kind of change where it matters is rejected and unjustified
    harmful = {
        "vacuous-key": Mutation("mapping", ("subst", "change", "x", "a")),
        "alpha-premise": Mutation("premise", (1, ids[2])),
        "still-valid": Mutation("argument", ((), 1, "M")),
    }[criterion]
    bad = mutant_graph(graph, 0, s, harmful)
    assert not check_mutant(run, bad, workdir).ok
    assert justify(graph, bad, 0, s, run.setting) is None
