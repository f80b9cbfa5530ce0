"""Analyses built on dossiers: reporting periods, Biểu 06 reports, indicators."""
