"""Matches: the bridge between the database and the pure engine, and the match endpoints."""
