# A group in MPL's relational style.
#
# The constants are the anchor's parameters: the carrier G, the identity e, the operation *
# and the inverse inv. As in peano.mpl, a * b = c is the atom in3[a,b,c,*] and inv(a) = b is
# in2[a,b,inv]. Only the right-handed axioms are stated (a * e = a and a * inv(a) = e); the
# left-handed facts and the other theorems below follow from them but are not axioms.

# g is a total binary operation on X: a g b exists, is unique and lies in X.
def BinaryOperation[X, g] :=
    (forall a b: a ∈ X and b ∈ X -> exists c: a g b = c and c ∈ X)
    and (forall a b c d: a g b = c and a g b = d -> c = d)

# f is a total function from X to X.
def UnaryFunction[X, f] :=
    (forall x: x ∈ X -> exists y: f(x) = y and y ∈ X)
    and (forall x y z: f(x) = y and f(x) = z -> y = z)

# Nested terms are desugared into fresh bound variables: (a g b) g c = a g (b g c) reads
# "for all u, v, w: a g b = u and b g c = v and a g v = w -> u g c = w".
def Associative[X, g] := forall a b c: a ∈ X and b ∈ X and c ∈ X -> (a g b) g c = a g (b g c)

def RightIdentity[X, e, g] := forall a: a ∈ X -> a g e = a

def RightInverse[X, e, g, i] := forall a: a ∈ X -> a g i(a) = e

anchor Group[G, e, *, inv] :=
    e ∈ G
    and BinaryOperation[G, *]
    and UnaryFunction[G, inv]
    and Associative[G, *]
    and RightIdentity[G, e, *]
    and RightInverse[G, e, *, inv]

# The right identity is also a left identity, and the right inverse a left inverse.
theorem left_identity := forall a: a ∈ G -> e * a = a

theorem left_inverse := forall a: a ∈ G -> inv(a) * a = e

# Uniqueness of the identity: an element that acts as a left identity on all of G is e.
# The hypothesis is itself a quantified formula, so it is written in parentheses.
theorem identity_unique := forall u: u ∈ G and (forall a: a ∈ G -> u * a = a) -> u = e

theorem inverse_of_identity := inv(e) = e

# a * b = a * c has a compound term on both sides: the right one is named by a fresh
# variable, so the premise reads "for all w: a * c = w -> a * b = w".
theorem left_cancellation := forall a b c: a ∈ G and b ∈ G and c ∈ G and a * b = a * c -> b = c

theorem double_inverse := forall a: a ∈ G -> inv(inv(a)) = a
