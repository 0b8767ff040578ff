"""TIMEX3 recognition and normalisation (see ``storyline.annotate.time`` for the entry point)."""
