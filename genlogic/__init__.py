"""genlogic: a deterministic reasoning and proof-graph engine for MPL theories.

Data flows one way: ``mpl`` (text → syntax) → ``theory`` (checked, typed theory) →
later stages (explore, prove, graph, check, export).
"""

__version__ = "0.1.0"
