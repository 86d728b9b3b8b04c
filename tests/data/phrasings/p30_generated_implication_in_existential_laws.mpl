# The six laws in the names of p30_generated_implication_in_existential.mpl.
import "p30_generated_implication_in_existential.mpl"

theorem add_commutative := forall a b: a ∈ N and b ∈ N -> a + b = b + a

theorem add_associative := forall a b c: a ∈ N and b ∈ N and c ∈ N -> (a + b) + c = a + (b + c)

theorem mul_commutative := forall a b: a ∈ N and b ∈ N -> a times b = b times a

theorem mul_associative := forall a b c: a ∈ N and b ∈ N and c ∈ N -> (a times b) times c = a times (b times c)

theorem left_distributive := forall a b c: a ∈ N and b ∈ N and c ∈ N -> a times (b + c) = (a times b) + (a times c)

theorem right_distributive := forall a b c: a ∈ N and b ∈ N and c ∈ N -> (a + b) times c = (a times c) + (b times c)
