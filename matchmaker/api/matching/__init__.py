"""Matching resources: ad-hoc search and feedback on matches."""
