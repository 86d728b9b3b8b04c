# p24 — family: the conjuncts of every premise and every existential in the other order:
# "b ∈ X and a ∈ X", "a g b = d and a g b = c -> c = d", "f(y) = z and f(x) = z -> x = y",
# "exists y: y ∈ X and f(x) = y", the induction step before the base and "s(n) = m and n ∈ P";
# the conjuncts of each definition and of the anchor reversed as well.
# Same axioms as mpl_examples/peano.mpl up to the order of conjuncts, so same models.

def UnaryFunction[X, f] :=
    (forall x y z: f(x) = z and f(x) = y -> y = z)
    and (forall x: x ∈ X -> exists y: y ∈ X and f(x) = y)

def BinaryOperation[X, g] :=
    (forall a b c d: a g b = d and a g b = c -> c = d)
    and (forall a b: b ∈ X and a ∈ X -> exists c: c ∈ X and a g b = c)

def Injective[f] := forall x y z: f(y) = z and f(x) = z -> x = y

def NaturalNumbers[N, 0, s] :=
    (forall P: (forall n m: s(n) = m and n ∈ P -> m ∈ P) and 0 ∈ P -> forall n: n ∈ N -> n ∈ P)
    and (forall n: n ∈ N -> s(n) ≠ 0)
    and Injective[s]
    and UnaryFunction[N, s]
    and 0 ∈ N

def Addition[N, 0, s, +] :=
    (forall a b: b ∈ N and a ∈ N -> a + s(b) = s(a + b))
    and (forall a: a ∈ N -> a + 0 = a)
    and BinaryOperation[N, +]

def Multiplication[N, 0, s, +, *] :=
    (forall a b: b ∈ N and a ∈ N -> a * s(b) = (a * b) + a)
    and (forall a: a ∈ N -> a * 0 = 0)
    and BinaryOperation[N, *]

anchor Peano[N, 0, 1, s, +, *] :=
    Multiplication[N, 0, s, +, *]
    and Addition[N, 0, s, +]
    and s(0) = 1
    and NaturalNumbers[N, 0, s]
