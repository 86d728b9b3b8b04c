# Statements that do not follow directly from the ground tables of Peano arithmetic, and whose
# Logic-Block attempt takes far longer than a couple of seconds with those tables as theorems.
import "../../../mpl_examples/peano.mpl"

theorem add_cancellation := forall a b c: a ∈ N and b ∈ N and c ∈ N and a + c = b + c -> a = b

theorem mul_cancellation := forall a b c: a ∈ N and b ∈ N and c ∈ N and a * s(c) = b * s(c) -> a = b
