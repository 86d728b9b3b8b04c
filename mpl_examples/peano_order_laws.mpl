# The laws issue 11 asks exploration of peano_order.mpl to find: `genlogic query RUN_DIR
# mpl_examples/peano_order_laws.mpl` says whether each follows directly from a run's theorems
# (benchmarks/order.py runs both).
import "peano_order.mpl"

theorem add_cancellation := forall x y z: x ∈ N and y ∈ N and z ∈ N and x + z = y + z -> x = y

theorem mul_cancellation := forall x y z: x ∈ N and y ∈ N and z ∈ N and x * z = y * z and z ≠ 0 -> x = y

theorem le_transitive := forall x y z: x ∈ N and y ∈ N and z ∈ N and le(x) = y and le(y) = z -> le(x) = z

theorem le_antisymmetric := forall x y: x ∈ N and y ∈ N and le(x) = y and le(y) = x -> x = y

theorem le_total := forall x y: x ∈ N and y ∈ N and le(x) ≠ y -> le(y) = x

theorem add_monotone := forall x y z: x ∈ N and y ∈ N and z ∈ N and le(x) = y -> le(x + z) = y + z
