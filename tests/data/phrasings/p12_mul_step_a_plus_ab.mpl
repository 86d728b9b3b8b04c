# p12 — family: the multiplication step with the summands the other way round:
# "a * s(b) = a + (a * b)" instead of "a * s(b) = (a * b) + a".
# Same models as mpl_examples/peano.mpl (needs commutativity of + to see it, which is a theorem).

def UnaryFunction[X, f] :=
    (forall x: x ∈ X -> exists y: f(x) = y and y ∈ X)
    and (forall x y z: f(x) = y and f(x) = z -> y = z)

def BinaryOperation[X, g] :=
    (forall a b: a ∈ X and b ∈ X -> exists c: a g b = c and c ∈ X)
    and (forall a b c d: a g b = c and a g b = d -> c = d)

def Injective[f] := forall x y z: f(x) = z and f(y) = z -> x = y

def NaturalNumbers[N, 0, s] :=
    0 ∈ N
    and UnaryFunction[N, s]
    and Injective[s]
    and (forall n: n ∈ N -> s(n) ≠ 0)
    and (forall P: 0 ∈ P and (forall n m: n ∈ P and s(n) = m -> m ∈ P) -> forall n: n ∈ N -> n ∈ P)

def Addition[N, 0, s, +] :=
    BinaryOperation[N, +]
    and (forall a: a ∈ N -> a + 0 = a)
    and (forall a b: a ∈ N and b ∈ N -> a + s(b) = s(a + b))

def Multiplication[N, 0, s, +, *] :=
    BinaryOperation[N, *]
    and (forall a: a ∈ N -> a * 0 = 0)
    and (forall a b: a ∈ N and b ∈ N -> a * s(b) = a + (a * b))

anchor Peano[N, 0, 1, s, +, *] :=
    NaturalNumbers[N, 0, s]
    and s(0) = 1
    and Addition[N, 0, s, +]
    and Multiplication[N, 0, s, +, *]
