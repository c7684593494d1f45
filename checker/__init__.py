"""The engine: document readers, rules, reporters, configuration and the command line.
Imports ``glossary`` for everything about terms."""

from glossary import VERSION as __version__

__all__ = ["__version__"]
