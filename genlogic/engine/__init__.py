"""The inference engine: Logic Blocks that saturate a proving context by forward chaining,
with equality, witnesses under a budget and a recorded step for everything they derive.

Modules, in the order data flows through them:

* :mod:`~genlogic.engine.proof`    — :class:`Step` and :class:`ProofLog`, the provenance of every fact;
* :mod:`~genlogic.engine.equality` — union-find with a proof forest: every ``a = b`` explained;
* :mod:`~genlogic.engine.rules`    — universal implications compiled into multi-premise rules;
* :mod:`~genlogic.engine.store`    — the indexed, equality-canonical store of literals;
* :mod:`~genlogic.engine.block`    — :class:`LogicBlock`: one proving context, saturation, goals;
* :mod:`~genlogic.engine.grid`     — rounds of blocks, messages, executors (local, process);
* :mod:`~genlogic.engine.ground`   — ground calculation (numeral tables) for ``genlogic calc``.

Nothing here is trusted: every proof is re-checked by :mod:`genlogic.check`.
"""
