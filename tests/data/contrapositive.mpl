# Two relations on N: R moves up the successor, Q holds wherever R fails; P and R together give C.
anchor Chain[N, 0, s, R, Q, P, C] :=
    0 ∈ N
    and (forall x: x ∈ N -> exists y: s(x) = y and y ∈ N)
    and (forall x y z: s(x) = y and s(x) = z -> y = z)
    and (forall x y: x ∈ N and y ∈ N and R(x) = y -> R(s(x)) = s(y))
    and (forall x y: x ∈ N and y ∈ N and not R(x) = y -> Q(x) = y)
    and (forall x y: x ∈ N and y ∈ N and P(x) = y and R(x) = y -> C(x) = y)

theorem q_below := forall x y: x ∈ N and y ∈ N and not R(s(x)) = s(y) -> Q(x) = y
theorem not_r := forall x y: x ∈ N and y ∈ N and P(x) = y and not C(x) = y -> not R(x) = y
