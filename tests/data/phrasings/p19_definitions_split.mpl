# p19 — family: definitions split differently: one small definition per axiom, definitions
# that call definitions three levels deep, one definition used for both operations with its
# parameters in another order, the recursion base and step in separate definitions, and an
# anchor grouped differently ((successor facts) and (arithmetic) and (induction)).
# Same axioms as mpl_examples/peano.mpl, so same models.

def Total1[f, X] := forall x: x ∈ X -> exists y: f(x) = y and y ∈ X

def Functional1[f] := forall x y z: f(x) = y and f(x) = z -> y = z

def Total2[g, X] := forall a b: a ∈ X and b ∈ X -> exists c: a g b = c and c ∈ X

def Functional2[g] := forall a b c d: a g b = c and a g b = d -> c = d

def Operation[g, X] := Total2[g, X] and Functional2[g]

def Injective[f] := forall x y z: f(x) = z and f(y) = z -> x = y

def NotZero[X, z, f] := forall n: n ∈ X -> f(n) ≠ z

def Successor[X, z, f] := z ∈ X and (Total1[f, X] and Functional1[f]) and Injective[f] and NotZero[X, z, f]

def Induction[X, z, f] := forall P: z ∈ P and (forall n m: n ∈ P and f(n) = m -> m ∈ P) -> forall n: n ∈ X -> n ∈ P

def RightUnit[X, e, g] := forall a: a ∈ X -> a g e = a

def RightZero[X, e, g] := forall a: a ∈ X -> a g e = e

def AddStep[X, f, g] := forall a b: a ∈ X and b ∈ X -> a g f(b) = f(a g b)

def MulStep[X, f, g, h] := forall a b: a ∈ X and b ∈ X -> a h f(b) = (a h b) g a

def Arithmetic[X, z, f, g, h] :=
    (Operation[g, X] and RightUnit[X, z, g] and AddStep[X, f, g])
    and (Operation[h, X] and RightZero[X, z, h] and MulStep[X, f, g, h])

anchor Peano[N, 0, 1, s, +, *] :=
    (Successor[N, 0, s] and Induction[N, 0, s] and s(0) = 1)
    and Arithmetic[N, 0, s, +, *]
