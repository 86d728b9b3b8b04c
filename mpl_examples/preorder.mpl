# A preorder: a reflexive and transitive binary relation R on a set X.
#
# R is used through in2, so R(x) = y is the atom in2[x,y,R] and reads "x is below y" (or
# "(x, y) ∈ R"). Unlike a function, R relates an element to many others: nothing here says
# that R(x) has a single value, and genlogic recognises R as a relation, not a function.

# R only relates elements of X.
def RelationOn[X, R] := forall x y: R(x) = y -> x ∈ X and y ∈ X

def Reflexive[X, R] := forall x: x ∈ X -> R(x) = x

def Transitive[R] := forall x y z: R(x) = y and R(y) = z -> R(x) = z

anchor Preorder[X, R] := RelationOn[X, R] and Reflexive[X, R] and Transitive[R]

# u is an upper bound of the set S: u is in X and every element of S is below u. The
# parameter S is a set, so UpperBound is a property of sets (used higher-order below,
# where S is bound by a theorem's forall).
def UpperBound[X, R, S, u] := u ∈ X and (forall x: x ∈ S -> R(x) = u)

# u is a greatest element of S: an upper bound of S that lies in S.
def Greatest[X, R, S, u] := u ∈ S and UpperBound[X, R, S, u]

def Subset[T, S] := forall x: x ∈ T -> x ∈ S

# Anything above an upper bound is an upper bound.
theorem above_upper_bound := forall S u v: UpperBound[X, R, S, u] and R(u) = v -> UpperBound[X, R, S, v]

# An upper bound of S is an upper bound of every subset T of S.
theorem subset_upper_bound := forall S T u: Subset[T, S] and UpperBound[X, R, S, u] -> UpperBound[X, R, T, u]

# Two greatest elements of S are below each other (a preorder need not be antisymmetric,
# so they need not be equal).
theorem greatest_equivalent := forall S u v: Greatest[X, R, S, u] and Greatest[X, R, S, v] -> R(u) = v and R(v) = u
