"""The engine: document readers, rules, reporters, configuration and the command line.
Imports ``glossary`` for everything about terms."""

__version__ = "0.1.0"
