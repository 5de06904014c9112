"""rknk: sourced claims about Russia–North Korea military relations."""

#: The one place the version is written: the build reads it for the package
#: metadata and ``rknk --version`` prints it, so the two cannot disagree. Read
#: here rather than through importlib.metadata, which costs start-up time.
__version__ = "0.1.0"
