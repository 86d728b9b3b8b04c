# mpl_examples/peano.mpl with every name changed and the axioms reshuffled. It must be the
# same theory up to the renaming N → Nat, 0 → zero, 1 → one, s → succ, + → add, * → mul:
# definition names, parameter names and order, bound variables and the order of conjuncts
# differ, and some axioms are written in the core notation or another equivalent surface form.

# UnaryFunction: conjuncts swapped, functionality in the core notation.
def TotalFunction[S, h] :=
    (>[p,q,r](&(in2[p,q,h])(in2[p,r,h]))(=[q,r]))
    and (forall p: p ∈ S -> exists q: h(p) = q and q ∈ S)

# BinaryOperation: parameters and conjuncts swapped, guards of totality swapped.
def TotalOperation[op, S] :=
    (forall i j k l: i op j = k and i op j = l -> k = l)
    and (forall i j: j ∈ S and i ∈ S -> exists k: i op j = k and k ∈ S)

# Injective, entirely in the core notation.
def OneToOne[h] := (>[p,q,r](&(in2[p,r,h])(in2[q,r,h]))(=[p,q]))

# NaturalNumbers: parameters reordered, conjuncts reversed, the premises of induction
# swapped, "not succ(k) = zero" for "succ(k) ≠ zero", and a nested forall for a flat one.
def Naturals[succ, Nat, zero] :=
    OneToOne[succ]
    and (forall Q: (forall k: forall j: k ∈ Q and succ(k) = j -> j ∈ Q) and zero ∈ Q -> forall k: k ∈ Nat -> k ∈ Q)
    and TotalFunction[Nat, succ]
    and (forall k: k ∈ Nat -> not succ(k) = zero)
    and zero ∈ Nat

def Plus[Nat, zero, succ, add] :=
    (forall i j: i ∈ Nat and j ∈ Nat -> i add succ(j) = succ(i add j))
    and (>[i](in[i,Nat])(in3[i,zero,i,add]))
    and TotalOperation[add, Nat]

def Times[mul, add, succ, zero, Nat] :=
    (forall i j: j ∈ Nat and i ∈ Nat -> i mul succ(j) = (i mul j) add i)
    and TotalOperation[mul, Nat]
    and (forall i: i ∈ Nat -> i mul zero = zero)

# "one = succ(zero)" is the same atom as "succ(zero) = one": in2[zero,one,succ].
anchor Arith[Nat, zero, one, succ, add, mul] :=
    Times[mul, add, succ, zero, Nat]
    and Plus[Nat, zero, succ, add]
    and one = succ(zero)
    and Naturals[succ, Nat, zero]
