"""The domain layer: procedures, units, codes, the dossier lifecycle and timeliness."""
