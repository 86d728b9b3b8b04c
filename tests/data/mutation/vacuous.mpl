# A tiny theory for tests/test_mutation.py: proofs in which some mutations are harmless, so that
# the test's criteria for "harmless" are exercised too. Written in the core notation so that
# the axioms are exactly what the proofs cite:
#   0: 0 ∈ N
#   1: a = 0
#   2: ∀x y (x ∈ N → x ∈ M)   (y occurs nowhere: its value in a subst does not matter)

anchor Vacuous[N, M, 0, a] :=
    (&(&(in[0,N])
    (=[a,0]))
    (>[x,y](in[x,N])(in[x,M])))
