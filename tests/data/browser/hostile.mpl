# <script>alert("comment")</script> A theory whose comments and names try to inject markup.
# javascript:alert('x') "double quotes" 'single quotes' & &amp; <!-- --> ]]> <img src=x onerror=alert(1)>
# </script><script>window.__pwned = 1</script>

# <b onmouseover="alert(1)">script</b>: a definition named like an HTML element, over a
# relation written with the symbol </ (a run of the operator characters < and /).
def script[X, </] := forall a: a ∈ X -> a </ a = a

# "onerror" & 'onload' — names that look like event handler attributes.
def onerror[X, e, </] := forall a: a ∈ X -> a </ e = a

anchor javascript[G, e, </] := e ∈ G and script[G, </] and onerror[G, e, </]

# <script>alert("theorem comment")</script>
theorem alert := e ∈ G

theorem onload := forall a: a ∈ G -> a </ e = a and a </ a = a
