"""MPL syntax: the grammar (``mpl.lark``), the AST, the parser and the printers.

This package knows text and trees only; what the names mean is the job of ``genlogic.theory``.
"""
