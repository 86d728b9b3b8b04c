# p22 — family: several of the above at once, as a user might write it: renamed constants with
# named infix operators (Nat, o, suc, plus, times), no constant 1, anchor parameters reordered,
# curried totality for plus, unique existence for suc and times, functionality guarded and in
# core notation for plus, equations flipped, multiplication by recursion on the first argument,
# the induction axiom uncurried with a nested-term step.
# mpl_examples/peano.mpl without 1 and up to renaming: same models on Nat.

def Succ[Nat, o, suc] :=
    o ∈ Nat
    and (forall x: x ∈ Nat -> exists y: suc(x) = y and y ∈ Nat and (forall z: suc(x) = z -> z = y))
    and (forall x y z: suc(x) = z and suc(y) = z -> y = x)
    and (forall x: x ∈ Nat -> o ≠ suc(x))
    and (forall P x: o ∈ P and (forall n: n ∈ P -> suc(n) ∈ P) and x ∈ Nat -> x ∈ P)

def Plus[suc, plus, Nat, o] :=
    (forall a: a ∈ Nat -> forall b: b ∈ Nat -> exists c: a plus b = c and c ∈ Nat)
    and (>[a,b,c,d](&(&(&(in[a,Nat])(in[b,Nat]))(in3[a,b,c,plus]))(in3[a,b,d,plus]))(=[d,c]))
    and (forall a: a ∈ Nat -> a = a plus o)
    and (forall a b: a ∈ Nat and b ∈ Nat -> suc(a plus b) = a plus suc(b))

def Times[Nat, o, times, plus, suc] :=
    (forall a b: a ∈ Nat and b ∈ Nat -> exists c: a times b = c and c ∈ Nat and (forall d: a times b = d -> d = c))
    and (forall a: a ∈ Nat -> o = o times a)
    and (forall a b: a ∈ Nat and b ∈ Nat -> b plus (a times b) = suc(a) times b)

anchor Arith[times, suc, o, plus, Nat] :=
    Succ[Nat, o, suc]
    and Plus[suc, plus, Nat, o]
    and Times[Nat, o, times, plus, suc]
