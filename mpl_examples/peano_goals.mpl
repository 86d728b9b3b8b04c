# Direct goals about Peano arithmetic: each follows from the axioms of peano.mpl by a few
# steps of rewriting, without induction.
#
# This file has no anchor of its own, so its theory is Peano's: the constants N, 0, 1, s,
# + and * of the imported anchor are the identifiers a theorem may leave free.
import "peano.mpl"

# 2 + 2 = 4. MPL has no numerals beyond the constants 0 and 1, so 2, 3 and 4 are bound
# variables pinned down by the successor function.
theorem two_plus_two := forall two three four: s(1) = two and s(two) = three and s(three) = four -> two + two = four

theorem one_times_one := 1 * 1 = 1

theorem one_is_not_zero := 1 ≠ 0

theorem successor_not_zero := forall a: a ∈ N -> s(a) ≠ 0

# Adding one is taking the successor: a + 1 = a + s(0) = s(a + 0) = s(a).
theorem plus_one := forall a: a ∈ N -> a + 1 = s(a)
