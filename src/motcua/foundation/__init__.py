"""Foundation layer: the error tree and Vietnam time-zone helpers (standard library only)."""
