# p26 — family: an existential under a trivial guard with its parts in the other order, found
# by the property test: the totality of + and * as
# "exists c: c = c and (c ∈ X and a g b = c)" (GL's !(>[c](=[c,c])!(&(in[c,X])(in3[a,b,c,g])))).
# Either change alone (p18's "c = c and (a g b = c and c ∈ X)", or "c ∈ X and a g b = c") was
# handled when this file was added; together they were not.
# Otherwise mpl_examples/peano.mpl, same constants, same models.

# f is a total function from X to X.
def UnaryFunction[X, f] :=
    (forall x: x ∈ X -> exists y: f(x) = y and y ∈ X)
    and (forall x y z: f(x) = y and f(x) = z -> y = z)

# g is a total binary operation on X.
def BinaryOperation[X, g] :=
    (forall a b: a ∈ X and b ∈ X -> exists c: c = c and (c ∈ X and a g b = c))
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
    and (forall a b: a ∈ N and b ∈ N -> a * s(b) = (a * b) + a)

anchor Peano[N, 0, 1, s, +, *] :=
    NaturalNumbers[N, 0, s]
    and s(0) = 1
    and Addition[N, 0, s, +]
    and Multiplication[N, 0, s, +, *]
