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
* ``vacuous-key``     — a ``subst`` / ``witnesses`` value changed for a variable that is bound by
  the rule / existential but occurs nowhere in its body, so the instance is the same formula;
* ``still-valid``     — the mutated step (whose formula is unchanged, so its dependants are not
  affected) is re-derived by the small independent oracle below for its kind (``eq_subst`` with
  a redundant equation, ``apply`` of another rule with the same instance, …).

Any other accepted mutant fails the test with the theorem, the step, the mutation and the checker
report. Deterministic mutants of each type that must certainly be rejected close the file.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import tempfile
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

#: run name -> (CLI arguments after the file, theory file)
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
    "exists_intro", "eq_refl", "eq_symm", "eq_trans", "eq_subst", "double_neg", "forall_intro",
    "not_intro",
)
MUTATIONS = ("premise", "argument", "mapping", "rule", "kind", "field")
EXTRA_FIELDS = ("side", "levels", "axiom", "theorem", "closes")

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
    return f"(>[{','.join(names)}]{alpha_key(formula.antecedent, inner, depth)}{alpha_key(formula.consequent, inner, depth)})"


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
    return atom_sites(formula.antecedent, path + ("antecedent",)) + atom_sites(formula.consequent, path + ("consequent",))


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


def theorem_names(theorem: dict) -> list[str]:
    """Every identifier occurring in a theorem (sorted, for reproducible draws)."""
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
            out += [Mutation(what, ("levels", v)) for v in {step["levels"] - 1, step["levels"] + 1, 0}]
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
    """A deep copy of the graph with step s of theorem t mutated and the theorem re-hashed."""
    mutant = copy.deepcopy(graph)
    steps = mutant["theorems"][t]["steps"]
    steps[s] = mutate_step(steps[s], mutation)
    rehash(steps, s)
    return mutant
