# The naturals with addition and the order a + p = b defines (no multiplication).
def NaturalNumbers[N, 0, s] :=
    0 ∈ N
    and (forall x: x ∈ N -> exists y: s(x) = y and y ∈ N)
    and (forall x y z: s(x) = y and s(x) = z -> y = z)
    and (forall x y z: s(x) = z and s(y) = z -> x = y)
    and (forall n: n ∈ N -> s(n) ≠ 0)
    and (forall P: 0 ∈ P and (forall n m: n ∈ P and s(n) = m -> m ∈ P) -> forall n: n ∈ N -> n ∈ P)

def Addition[N, 0, s, +] :=
    (forall a b: a ∈ N and b ∈ N -> exists c: a + b = c and c ∈ N)
    and (forall a b c d: a + b = c and a + b = d -> c = d)
    and (forall a: a ∈ N -> a + 0 = a)
    and (forall a b: a ∈ N and b ∈ N -> a + s(b) = s(a + b))

def LessOrEqual[N, +, le] :=
    (forall a b p: a ∈ N and b ∈ N and p ∈ N and a + p = b -> le(a) = b)
    and (forall a b: le(a) = b -> a ∈ N and b ∈ N and (exists p: p ∈ N and a + p = b))

anchor AdditionOrder[N, 0, s, +, le] :=
    NaturalNumbers[N, 0, s] and Addition[N, 0, s, +] and LessOrEqual[N, +, le]
