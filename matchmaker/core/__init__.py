"""Plumbing every room shares: web base classes, the unit of work, field declarations, time."""
