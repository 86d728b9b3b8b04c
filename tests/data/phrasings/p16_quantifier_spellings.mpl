# p16 — family: quantifier and connective spellings: "forall x, y:" with commas, "∀ a: ∀ b: …"
# directly nested (merged by the parser), "∀ a: a ∈ N → ∀ b: b ∈ N → …" curried recursion
# axioms, the Unicode ∀ ∃ ∧ → ¬ ≠, and "not (… = …)" for "≠".
# Otherwise mpl_examples/peano.mpl, same constants, same models.

def UnaryFunction[X, f] :=
    (∀ x: x ∈ X → ∃ y: f(x) = y ∧ y ∈ X)
    ∧ (forall x, y, z: f(x) = y and f(x) = z -> y = z)

def BinaryOperation[X, g] :=
    (∀ a: ∀ b: a ∈ X ∧ b ∈ X → ∃ c: a g b = c ∧ c ∈ X)
    ∧ (forall a, b: forall c, d: a g b = c ∧ a g b = d → c = d)

def Injective[f] := ∀ x: ∀ y: ∀ z: f(x) = z ∧ f(y) = z → x = y

def NaturalNumbers[N, 0, s] :=
    0 ∈ N
    ∧ UnaryFunction[N, s]
    ∧ Injective[s]
    ∧ (∀ n: n ∈ N → ¬ s(n) = 0)
    ∧ (∀ P: 0 ∈ P ∧ (∀ n, m: n ∈ P ∧ s(n) = m → m ∈ P) → ∀ n: n ∈ N → n ∈ P)

def Addition[N, 0, s, +] :=
    BinaryOperation[N, +]
    ∧ (∀ a: a ∈ N → a + 0 = a)
    ∧ (∀ a: a ∈ N → ∀ b: b ∈ N → a + s(b) = s(a + b))

def Multiplication[N, 0, s, +, *] :=
    BinaryOperation[N, *]
    ∧ (∀ a: a ∈ N → a * 0 = 0)
    ∧ (∀ a: a ∈ N → ∀ b: b ∈ N → a * s(b) = (a * b) + a)

anchor Peano[N, 0, 1, s, +, *] :=
    NaturalNumbers[N, 0, s]
    ∧ s(0) = 1
    ∧ Addition[N, 0, s, +]
    ∧ Multiplication[N, 0, s, +, *]
