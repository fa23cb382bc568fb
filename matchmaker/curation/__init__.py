"""Curator work queues (stale profiles, likely duplicates) and merging duplicates."""
