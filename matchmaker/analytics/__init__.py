"""Ecosystem analytics for managers: coverage and gaps."""
