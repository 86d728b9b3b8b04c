# p05 — family: unique existence with functionality folded into the existential:
# "forall x: x ∈ X -> exists y: f(x) = y and y ∈ X and (forall z: f(x) = z -> z = y)";
# there is no separate functionality axiom.
# Same theory of N as mpl_examples/peano.mpl (functionality is only stated on N here).

def UnaryFunction[X, f] := forall x: x ∈ X -> exists y: f(x) = y and y ∈ X and (forall z: f(x) = z -> z = y)

def BinaryOperation[X, g] :=
    forall a b: a ∈ X and b ∈ X -> exists c: a g b = c and c ∈ X and (forall d: a g b = d -> d = c)

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
    and (forall a b: a ∈ N and b ∈ N -> a * s(b) = (a * b) + a)

anchor Peano[N, 0, 1, s, +, *] :=
    NaturalNumbers[N, 0, s]
    and s(0) = 1
    and Addition[N, 0, s, +]
    and Multiplication[N, 0, s, +, *]
