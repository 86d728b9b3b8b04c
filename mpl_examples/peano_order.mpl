# Peano arithmetic with its order: a ≤ b when some p in N has a + p = b.
#
# MPL has no infix relation symbols, so ≤ is the binary relation le, and le(a) = b (the atom
# in2[a,b,le]) reads "a ≤ b". The definition is given both ways, as a user would write it:
# the existential makes le a relation, not a function (le(0) holds of every b).
import "peano.mpl"

# le is the order a + p = b defines on N.
def LessOrEqual[N, +, le] :=
    (forall a b p: a ∈ N and b ∈ N and p ∈ N and a + p = b -> le(a) = b)
    and (forall a b: le(a) = b -> a ∈ N and b ∈ N and (exists p: p ∈ N and a + p = b))

anchor PeanoOrder[N, 0, 1, s, +, *, le] :=
    Peano[N, 0, 1, s, +, *]
    and LessOrEqual[N, +, le]
