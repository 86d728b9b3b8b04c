# p13 — family: everything inlined into one anchor, no definitions at all; the axioms in a
# different order from the expansion of mpl_examples/peano.mpl (operations first, the
# arithmetic before the successor's properties, induction last).
# Same axioms as mpl_examples/peano.mpl, so same models.

anchor Peano[N, 0, 1, s, +, *] :=
    0 ∈ N
    and s(0) = 1
    and (forall x: x ∈ N -> exists y: s(x) = y and y ∈ N)
    and (forall x y z: s(x) = y and s(x) = z -> y = z)
    and (forall a b: a ∈ N and b ∈ N -> exists c: a + b = c and c ∈ N)
    and (forall a b c d: a + b = c and a + b = d -> c = d)
    and (forall a b: a ∈ N and b ∈ N -> exists c: a * b = c and c ∈ N)
    and (forall a b c d: a * b = c and a * b = d -> c = d)
    and (forall a: a ∈ N -> a + 0 = a)
    and (forall a b: a ∈ N and b ∈ N -> a + s(b) = s(a + b))
    and (forall a: a ∈ N -> a * 0 = 0)
    and (forall a b: a ∈ N and b ∈ N -> a * s(b) = (a * b) + a)
    and (forall x y z: s(x) = z and s(y) = z -> x = y)
    and (forall n: n ∈ N -> s(n) ≠ 0)
    and (forall P: 0 ∈ P and (forall n m: n ∈ P and s(n) = m -> m ∈ P) -> forall n: n ∈ N -> n ∈ P)
