"""Introductions between members, moderated by the agency."""
