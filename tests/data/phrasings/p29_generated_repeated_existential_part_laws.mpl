# The six laws in the names of p29_generated_repeated_existential_part.mpl.
import "p29_generated_repeated_existential_part.mpl"

theorem add_commutative := forall a b: a ∈ Nat and b ∈ Nat -> a + b = b + a

theorem add_associative := forall a b c: a ∈ Nat and b ∈ Nat and c ∈ Nat -> (a + b) + c = a + (b + c)

theorem mul_commutative := forall a b: a ∈ Nat and b ∈ Nat -> a * b = b * a

theorem mul_associative := forall a b c: a ∈ Nat and b ∈ Nat and c ∈ Nat -> (a * b) * c = a * (b * c)

theorem left_distributive := forall a b c: a ∈ Nat and b ∈ Nat and c ∈ Nat -> a * (b + c) = (a * b) + (a * c)

theorem right_distributive := forall a b c: a ∈ Nat and b ∈ Nat and c ∈ Nat -> (a + b) * c = (a * c) + (b * c)
