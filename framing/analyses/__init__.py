"""Analyses beyond counting: pure stages from a corpus to rows."""
