"""``python -m rknk``."""

from rknk.cli import main

main()
