"""Extraction: what a statement says (actors, places, claims, dates) with evidence."""
