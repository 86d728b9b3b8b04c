"""Allow ``python -m genlogic``."""

from genlogic.cli import main

main()
