# The six laws of mpl_examples/peano_laws.mpl for p10_core_numeric.mpl, in its names (the numeric names of GL: 1 = N, 5 = +, 6 = *).
import "p10_core_numeric.mpl"

theorem add_commutative := forall a b: a ∈ 1 and b ∈ 1 -> a 5 b = b 5 a

theorem add_associative := forall a b c: a ∈ 1 and b ∈ 1 and c ∈ 1 -> (a 5 b) 5 c = a 5 (b 5 c)

theorem mul_commutative := forall a b: a ∈ 1 and b ∈ 1 -> a 6 b = b 6 a

theorem mul_associative := forall a b c: a ∈ 1 and b ∈ 1 and c ∈ 1 -> (a 6 b) 6 c = a 6 (b 6 c)

theorem left_distributive := forall a b c: a ∈ 1 and b ∈ 1 and c ∈ 1 -> a 6 (b 5 c) = (a 6 b) 5 (a 6 c)

theorem right_distributive := forall a b c: a ∈ 1 and b ∈ 1 and c ∈ 1 -> (a 5 b) 6 c = (a 6 c) 5 (b 6 c)
