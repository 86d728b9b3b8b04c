# p18 — family: existentials encoded with negation in ways other than the canonical
# "!(>[y](G)!(B))" that "exists y: G and B" produces:
#   s: ∃y F with F the whole conjunction, "!(>[y](F)!(F))" (core);
#   +: the conjuncts swapped, "not (forall c: c ∈ X -> not a + b = c)";
#   *: a trivial guard, "not (forall c: c = c -> not (a * b = c and c ∈ X))";
# and "0 is no successor" as a negated existential, "not (exists n: n ∈ N and s(n) = 0)".
# Same models as mpl_examples/peano.mpl (classically equivalent formulas).

def UnaryFunction[X, f] :=
    (>[x](in[x,X])!(>[y](&(in2[x,y,f])(in[y,X]))!(&(in2[x,y,f])(in[y,X]))))
    and (forall x y z: f(x) = y and f(x) = z -> y = z)

def Functional[g] := forall a b c d: a g b = c and a g b = d -> c = d

def Injective[f] := forall x y z: f(x) = z and f(y) = z -> x = y

def NaturalNumbers[N, 0, s] :=
    0 ∈ N
    and UnaryFunction[N, s]
    and Injective[s]
    and (not (exists n: n ∈ N and s(n) = 0))
    and (forall P: 0 ∈ P and (forall n m: n ∈ P and s(n) = m -> m ∈ P) -> forall n: n ∈ N -> n ∈ P)

def Addition[N, 0, s, +] :=
    (forall a b: a ∈ N and b ∈ N -> not (forall c: c ∈ N -> not a + b = c))
    and Functional[+]
    and (forall a: a ∈ N -> a + 0 = a)
    and (forall a b: a ∈ N and b ∈ N -> a + s(b) = s(a + b))

def Multiplication[N, 0, s, +, *] :=
    (forall a b: a ∈ N and b ∈ N -> not (forall c: c = c -> not (a * b = c and c ∈ N)))
    and Functional[*]
    and (forall a: a ∈ N -> a * 0 = 0)
    and (forall a b: a ∈ N and b ∈ N -> a * s(b) = (a * b) + a)

anchor Peano[N, 0, 1, s, +, *] :=
    NaturalNumbers[N, 0, s]
    and s(0) = 1
    and Addition[N, 0, s, +]
    and Multiplication[N, 0, s, +, *]
