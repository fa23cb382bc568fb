"""Taxonomy, health, metrics and the self-hosted API docs."""
