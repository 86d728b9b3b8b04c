"""The LLM plugin: a language model as an untrusted oracle (docs/llm.md).

What a model writes is only ever a candidate statement: parsed by the MPL grammar, kind-checked
against the theory, evaluated on its models and, to become a theorem, proved by the engine and
checked by the kernel. Nothing here is imported by the core; the command line imports it lazily
inside ``formalize`` and ``prove --seed llm``.
"""
