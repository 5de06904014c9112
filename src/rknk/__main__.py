"""``python -m rknk``."""

from rknk.entry import main

main()
