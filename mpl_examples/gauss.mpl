# Gauss's summation formula from definitions: 2 · (0 + 1 + … + n) = n · (n + 1).
#
# Built on peano.mpl. There is no summation operation: "p is the sum of f over [n, m]" is the
# fold below, a statement that an accumulator function exists, as GL writes it. Its quantifiers
# range over a set (the interval) and over a function (the accumulator): MPL allows both, and
# their kinds are inferred from how they are used.

import "peano.mpl"

# a ≤ b: some p in N gives a + p = b.
def LessEq[N, +, a, b] := exists p: p ∈ N and a + p = b

# M is the interval [n, m]: exactly the elements of N between n and m.
def Interval[N, +, n, m, M] :=
    n ∈ N
    and m ∈ N
    and (forall p: p ∈ M -> p ∈ N and LessEq[N, +, n, p] and LessEq[N, +, p, m])
    and (forall p: p ∈ N and LessEq[N, +, n, p] and LessEq[N, +, p, m] -> p ∈ M)

# g is a total function from M to N.
def FunctionOn[g, M, N] :=
    (forall i: i ∈ M -> exists v: g(i) = v and v ∈ N)
    and (forall i v w: g(i) = v and g(i) = w -> v = w)

# f is a sequence on [n, m]: a total function from that interval to N.
def Sequence[N, +, f, n, m] := exists M: Interval[N, +, n, m, M] and FunctionOn[f, M, N]

# p is the sum of f(i) for i from n to m: an accumulator g on [n, m] starts at f(n), adds f(j)
# at each next j, and ends at p.
def Fold[N, +, s, f, n, m, p] := exists M g: Interval[N, +, n, m, M] and FunctionOn[g, M, N] and (forall q: f(n) = q -> g(n) = q) and (forall i j r t q: i ∈ M and s(i) = j and j ∈ M and g(i) = r and f(j) = t and g(j) = q -> r + t = q) and g(m) = p

# id is the identity on N: a total function with id(x) = x.
def Identity[N, id] := UnaryFunction[N, id] and (forall x: x ∈ N -> id(x) = x)

anchor Gauss[N, 0, 1, s, +, *, id] := Peano[N, 0, 1, s, +, *] and Identity[N, id]

# Gauss: twice the sum of 0, 1, …, n is n · (n + 1).
theorem gauss := forall n p: n ∈ N and Fold[N, +, s, id, 0, n, p] -> s(1) * p = n * s(n)
