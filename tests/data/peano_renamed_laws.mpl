# The six laws of Peano arithmetic in the renamed theory (tests/data/peano_renamed.mpl).
import "peano_renamed.mpl"

theorem add_commutative := forall a b: a ∈ Nat and b ∈ Nat -> a add b = b add a

theorem add_associative := forall a b c: a ∈ Nat and b ∈ Nat and c ∈ Nat -> (a add b) add c = a add (b add c)

theorem mul_commutative := forall a b: a ∈ Nat and b ∈ Nat -> a mul b = b mul a

theorem mul_associative := forall a b c: a ∈ Nat and b ∈ Nat and c ∈ Nat -> (a mul b) mul c = a mul (b mul c)

theorem left_distributive := forall a b c: a ∈ Nat and b ∈ Nat and c ∈ Nat -> a mul (b add c) = (a mul b) add (a mul c)

theorem right_distributive := forall a b c: a ∈ Nat and b ∈ Nat and c ∈ Nat -> (a add b) mul c = (a mul c) add (b mul c)
