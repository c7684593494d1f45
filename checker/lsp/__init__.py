"""The language server (``termcheck lsp``): the checkers of the drafts an editor opens
(``runs``), findings as diagnostics and fixes as code actions (``diagnostics``), the entry of a
name on hover (``hover``), and the pygls server that serves them (``server``). It checks
through the engine's stages and turns findings into the protocol's terms itself; it uses no
reporter and no rule's own module."""
