# The six laws of mpl_examples/peano_laws.mpl for p15_renamed_reordered.mpl, in its names (ℕ = N, ⊕ = +, ⊗ = *).
import "p15_renamed_reordered.mpl"

theorem add_commutative := forall a b: a ∈ ℕ and b ∈ ℕ -> a ⊕ b = b ⊕ a

theorem add_associative := forall a b c: a ∈ ℕ and b ∈ ℕ and c ∈ ℕ -> (a ⊕ b) ⊕ c = a ⊕ (b ⊕ c)

theorem mul_commutative := forall a b: a ∈ ℕ and b ∈ ℕ -> a ⊗ b = b ⊗ a

theorem mul_associative := forall a b c: a ∈ ℕ and b ∈ ℕ and c ∈ ℕ -> (a ⊗ b) ⊗ c = a ⊗ (b ⊗ c)

theorem left_distributive := forall a b c: a ∈ ℕ and b ∈ ℕ and c ∈ ℕ -> a ⊗ (b ⊕ c) = (a ⊗ b) ⊕ (a ⊗ c)

theorem right_distributive := forall a b c: a ∈ ℕ and b ∈ ℕ and c ∈ ℕ -> (a ⊕ b) ⊗ c = (a ⊗ c) ⊕ (b ⊗ c)
