"""Bulk import and export of organisations and offers (JSON, CSV)."""
