# p15 — family: renamed and reordered anchor parameters and definition parameters, Unicode names
# and operator symbols: ℕ for N, z for 0, i for 1, S for s, ⊕ for +, ⊗ for *, and the anchor
# PA[⊗, S, ℕ, ⊕, i, z]. Definition names, parameter orders and bound variables differ too.
# mpl_examples/peano.mpl up to this renaming: same models.

def Fn[h, A] :=
    (forall u: u ∈ A -> exists v: h(u) = v and v ∈ A)
    and (forall u v w: h(u) = v and h(u) = w -> v = w)

def Op[A, o] :=
    (forall p q: p ∈ A and q ∈ A -> exists r: p o q = r and r ∈ A)
    and (forall p q r t: p o q = r and p o q = t -> r = t)

def OneOne[h] := forall u v w: h(u) = w and h(v) = w -> u = v

def Nat[S, z, ℕ] :=
    z ∈ ℕ
    and Fn[S, ℕ]
    and OneOne[S]
    and (forall k: k ∈ ℕ -> S(k) ≠ z)
    and (forall Q: z ∈ Q and (forall k j: k ∈ Q and S(k) = j -> j ∈ Q) -> forall k: k ∈ ℕ -> k ∈ Q)

def Sum[⊕, ℕ, S, z] :=
    Op[ℕ, ⊕]
    and (forall p: p ∈ ℕ -> p ⊕ z = p)
    and (forall p q: p ∈ ℕ and q ∈ ℕ -> p ⊕ S(q) = S(p ⊕ q))

def Product[⊗, ⊕, S, z, ℕ] :=
    Op[ℕ, ⊗]
    and (forall p: p ∈ ℕ -> p ⊗ z = z)
    and (forall p q: p ∈ ℕ and q ∈ ℕ -> p ⊗ S(q) = (p ⊗ q) ⊕ p)

anchor PA[⊗, S, ℕ, ⊕, i, z] :=
    Nat[S, z, ℕ]
    and S(z) = i
    and Sum[⊕, ℕ, S, z]
    and Product[⊗, ⊕, S, z, ℕ]
