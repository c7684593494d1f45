"""The tools built on the engine: they take its stages and results and do one more thing with
them (mine new names, translate, apply fixes, keep a baseline). The engine never imports them.
The machine translation providers are here, beside the two tools that call them."""
