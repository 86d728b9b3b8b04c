# A lemma the first rounds of exploring Peano arithmetic prove by induction.
import "../../mpl_examples/peano.mpl"

theorem zero_left := forall a: a ∈ N -> 0 + a = a
