# p17 — family: biconditionals. MPL has no "<->"/"iff" (docs/mpl.md: "<->" lexes as one
# operator SYMBOL, and the only connectives are and, not, ->), so "A ↔ B" is written as
# "(A -> B) and (B -> A)": injectivity as "s(x) = s(y) ↔ x = y" on N, and functionality as
# "f(x) = y -> (f(x) = z ↔ z = y)".
# Same theory of N as mpl_examples/peano.mpl (injectivity is only stated on N here).

def UnaryFunction[X, f] :=
    (forall x: x ∈ X -> exists y: f(x) = y and y ∈ X)
    and (forall x y z: f(x) = y -> (f(x) = z -> z = y) and (z = y -> f(x) = z))

def BinaryOperation[X, g] :=
    (forall a b: a ∈ X and b ∈ X -> exists c: a g b = c and c ∈ X)
    and (forall a b c d: a g b = c -> (a g b = d -> d = c) and (d = c -> a g b = d))

def Injective[X, f] := forall x y: x ∈ X and y ∈ X -> (f(x) = f(y) -> x = y) and (x = y -> f(x) = f(y))

def NaturalNumbers[N, 0, s] :=
    0 ∈ N
    and UnaryFunction[N, s]
    and Injective[N, s]
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
