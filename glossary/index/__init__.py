"""The compiled index of a termbase and its storage: the index itself (``compiled``), the flat
tables it is made of (``keytable``), the entries packed into bytes (``packed``) and the index
on disk (``cache``). The termbase is loaded elsewhere in ``glossary``; this package only
compiles it and keeps the result."""
