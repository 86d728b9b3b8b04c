# Statements that are false in the standard model of Peano arithmetic: none may ever be proved,
# and each must be refuted with a counterexample.
import "../../mpl_examples/peano.mpl"

theorem plus_is_left := forall a b: a ∈ N and b ∈ N -> a + b = a

theorem square_is_identity := forall a: a ∈ N -> a * a = a

theorem times_distributes_badly := forall a b c: a ∈ N and b ∈ N and c ∈ N -> a * (b + c) = (a * b) + c

theorem successor_is_double := forall a: a ∈ N -> s(a) = a + a

theorem one_plus_one_is_one := 1 + 1 = 1

theorem plus_commutes_with_times := forall a b: a ∈ N and b ∈ N -> a + b = a * b

theorem zero_is_a_successor := s(0) = 0

theorem times_is_cancellative_everywhere := forall a b c: a ∈ N and b ∈ N and c ∈ N and a * b = a * c -> b = c
