# An involution: a function f on a set X that undoes itself, f(f(x)) = x.
#
# The constants are the carrier X and the function f (f(x) = y is the atom in2[x,y,f]).
# The axioms only say that f is a total function on X and an involution; that f is
# injective and surjective is not assumed but stated below as theorems.

# f is a total function from X to X: every x in X has exactly one image, and it is in X.
def UnaryFunction[X, f] :=
    (forall x: x ∈ X -> exists y: f(x) = y and y ∈ X)
    and (forall x y z: f(x) = y and f(x) = z -> y = z)

# The nested term f(f(x)) gets a fresh variable: "for all y: f(x) = y -> f(y) = x".
def SelfInverse[X, f] := forall x: x ∈ X -> f(f(x)) = x

anchor Involution[X, f] := UnaryFunction[X, f] and SelfInverse[X, f]

# f is injective on X: equal images come from equal arguments.
theorem injective := forall x y z: x ∈ X and y ∈ X and f(x) = z and f(y) = z -> x = y

# f is surjective onto X: every y in X is the image of some x in X.
theorem surjective := forall y: y ∈ X -> exists x: x ∈ X and f(x) = y

# The graph of f is symmetric: if f maps x to y, it maps y back to x.
theorem symmetric := forall x y: x ∈ X and f(x) = y -> f(y) = x
