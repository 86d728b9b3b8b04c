# The six laws of mpl_examples/peano_laws.mpl for p22_combined.mpl, in its names (Nat = N, plus = +, times = *).
import "p22_combined.mpl"

theorem add_commutative := forall a b: a ∈ Nat and b ∈ Nat -> a plus b = b plus a

theorem add_associative := forall a b c: a ∈ Nat and b ∈ Nat and c ∈ Nat -> (a plus b) plus c = a plus (b plus c)

theorem mul_commutative := forall a b: a ∈ Nat and b ∈ Nat -> a times b = b times a

theorem mul_associative := forall a b c: a ∈ Nat and b ∈ Nat and c ∈ Nat -> (a times b) times c = a times (b times c)

theorem left_distributive := forall a b c: a ∈ Nat and b ∈ Nat and c ∈ Nat -> a times (b plus c) = (a times b) plus (a times c)

theorem right_distributive := forall a b c: a ∈ Nat and b ∈ Nat and c ∈ Nat -> (a plus b) times c = (a times c) plus (b times c)
