"""Serialization edge: the only layer that imports cattrs (JSON, TOML, later JSON Lines)."""
