# The six laws of mpl_examples/peano_laws.mpl for p26_exists_guard_membership_first.mpl.
import "p26_exists_guard_membership_first.mpl"

theorem add_commutative := forall a b: a ∈ N and b ∈ N -> a + b = b + a

theorem add_associative := forall a b c: a ∈ N and b ∈ N and c ∈ N -> (a + b) + c = a + (b + c)

theorem mul_commutative := forall a b: a ∈ N and b ∈ N -> a * b = b * a

theorem mul_associative := forall a b c: a ∈ N and b ∈ N and c ∈ N -> (a * b) * c = a * (b * c)

theorem left_distributive := forall a b c: a ∈ N and b ∈ N and c ∈ N -> a * (b + c) = (a * b) + (a * c)

theorem right_distributive := forall a b c: a ∈ N and b ∈ N and c ∈ N -> (a + b) * c = (a * c) + (b * c)
