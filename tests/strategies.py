"""Hypothesis strategies that generate MPL syntax trees."""

from hypothesis import strategies as st

from genlogic.mpl.ast import And, Atom, DefStatement, Forall, Import, Not, SourceFile, TheoremStatement

NAMES = ["a", "b", "x", "y", "N", "P", "s", "0", "i0", "add", "x'", "_1", "_2", "Foo"]
SYMBOLS = ["+", "*", "≤", "·"]
identifiers = st.sampled_from(NAMES + SYMBOLS)
names = st.sampled_from(NAMES)

PREDICATES = {"in": 2, "in2": 3, "in3": 4, "in4": 5, "in5": 6, "=": 2, "Pred": 1, "R": 3, "≈": 2}


@st.composite
def atoms(draw):
    pred = draw(st.sampled_from(sorted(PREDICATES)))
    args = draw(st.lists(identifiers, min_size=PREDICATES[pred], max_size=PREDICATES[pred]))
    return Atom(pred, tuple(args))


def formulas():
    return st.recursive(
        atoms(),
        lambda inner: st.one_of(
            st.builds(Not, inner),
            st.builds(And, inner, inner),
            st.builds(
                Forall,
                st.lists(names, max_size=3, unique=True).map(tuple),
                inner,
                inner,
            ),
        ),
        max_leaves=8,
    )


statements = st.one_of(
    st.builds(Import, st.sampled_from(["other.mpl", "lib/base.mpl"])),
    st.builds(
        DefStatement,
        st.sampled_from(["Foo", "Bar_2", "Peano"]),
        st.lists(identifiers, max_size=4, unique=True).map(tuple),
        formulas(),
        st.booleans(),
    ),
    st.builds(TheoremStatement, st.sampled_from(["t", "comm", "x1"]), formulas()),
)

source_files = st.builds(SourceFile, st.just("<input>"), st.lists(statements, max_size=4).map(tuple))


@st.composite
def term_texts(draw, depth=2):
    """Readable-notation terms: x, f(t), g(t, u), h(t, u, v), k(t, u, v, w), (t + u)."""
    if depth == 0 or draw(st.booleans()):
        return draw(names)
    shape = draw(st.sampled_from(["unary", "binary", "ternary", "quaternary", "infix"]))
    if shape in ("ternary", "quaternary"):
        count = 3 if shape == "ternary" else 4
        return f"{shape[0]}({', '.join(draw(term_texts(depth - 1)) for _ in range(count))})"
    if shape == "unary":
        return f"{draw(st.sampled_from(['s', 'f']))}({draw(term_texts(depth - 1))})"
    if shape == "binary":
        return f"g({draw(term_texts(depth - 1))}, {draw(term_texts(depth - 1))})"
    op = draw(st.sampled_from(["+", "*", "add", "≤"]))
    return f"({draw(term_texts(depth - 1))} {op} {draw(term_texts(depth - 1))})"


@st.composite
def readable_texts(draw):
    """Readable formulas with nested terms, inside quantifiers and connectives."""
    left, right = draw(term_texts()), draw(term_texts())
    atom = draw(st.sampled_from([f"{left} = {right}", f"{left} ≠ {right}", f"{left} ∈ N", f"{left} ∉ N"]))
    other = draw(st.sampled_from(["x ∈ N", f"{right} = y", "in2[a,b,s]"]))
    template = draw(
        st.sampled_from(
            [
                "forall a b: {o} -> {a}",
                "{o} and {a}",
                "not ({a})",
                "exists y: {o} and {a}",
                "forall x: ({a}) -> {o}",
                "{a} -> {a}",
            ]
        )
    )
    return template.format(a=atom, o=other)
