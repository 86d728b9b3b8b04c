"""The static HTML proof browser (templates, assets, renderer).

Empty until the proof graph exists; see docs/architecture.md for where it fits.
"""
