"""The engine's private parts: what `dpup.engine.evaluate` runs behind its one door."""
