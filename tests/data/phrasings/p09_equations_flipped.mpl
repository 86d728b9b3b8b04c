# p09 — family: equalities written the other way round: "s(a + b) = a + s(b)",
# "(a * b) + a = a * s(b)" (both sides compound, so the other side gets the fresh variables),
# "0 = a * 0", "a = a + 0", "1 = s(0)", "0 ≠ s(n)", and "z = y" / "y = x" in the conclusions
# of functionality and injectivity.
# Otherwise mpl_examples/peano.mpl, same constants, same models.

def UnaryFunction[X, f] :=
    (forall x: x ∈ X -> exists y: y = f(x) and y ∈ X)
    and (forall x y z: f(x) = y and f(x) = z -> z = y)

def BinaryOperation[X, g] :=
    (forall a b: a ∈ X and b ∈ X -> exists c: c = a g b and c ∈ X)
    and (forall a b c d: a g b = c and a g b = d -> d = c)

def Injective[f] := forall x y z: f(x) = z and f(y) = z -> y = x

def NaturalNumbers[N, 0, s] :=
    0 ∈ N
    and UnaryFunction[N, s]
    and Injective[s]
    and (forall n: n ∈ N -> 0 ≠ s(n))
    and (forall P: 0 ∈ P and (forall n m: n ∈ P and m = s(n) -> m ∈ P) -> forall n: n ∈ N -> n ∈ P)

def Addition[N, 0, s, +] :=
    BinaryOperation[N, +]
    and (forall a: a ∈ N -> a = a + 0)
    and (forall a b: a ∈ N and b ∈ N -> s(a + b) = a + s(b))

def Multiplication[N, 0, s, +, *] :=
    BinaryOperation[N, *]
    and (forall a: a ∈ N -> 0 = a * 0)
    and (forall a b: a ∈ N and b ∈ N -> (a * b) + a = a * s(b))

anchor Peano[N, 0, 1, s, +, *] :=
    NaturalNumbers[N, 0, s]
    and 1 = s(0)
    and Addition[N, 0, s, +]
    and Multiplication[N, 0, s, +, *]
