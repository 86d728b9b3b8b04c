# A tiny theory for the proof-checker tests (tests/test_check.py). Written in the core
# notation so that the axioms are exactly what the tests cite:
#   0: 0 ∈ N
#   1: Sub[N, M], expanded: ∀x (x ∈ N → x ∈ M)
#   2: ∀x (x ∈ N → ∃y (s(x) = y ∧ y ∈ N))
#   3: a = 0
#   4: ∀x y (x ∈ M ∧ y ∈ M → ∀z (x + y = z → z ∈ M))
#   5: 0 + 0 = e
#   6: b ∉ N

def Sub[X, Y] := (>[x](in[x,X])(in[x,Y]))

anchor Tiny[N, M, 0, a, b, e, s, +] :=
    (&(&(&(&(&(&(in[0,N])
    (Sub[N,M]))
    (>[x](in[x,N])!(>[y](in2[x,y,s])!(in[y,N]))))
    (=[a,0]))
    (>[x,y](&(in[x,M])(in[y,M]))(>[z](in3[x,y,z,+])(in[z,M]))))
    (in3[0,0,e,+]))
    !(in[b,N]))
