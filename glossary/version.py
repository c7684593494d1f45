"""termcheck's version, as pyproject.toml gives it to the distribution.

A constant so that cache keys need no ``importlib.metadata`` look-up (it scans ``sys.path``:
15-25 ms of every run); tests/test_datacache.py holds it equal to the installed distribution's.
"""

VERSION = "0.1.0"
