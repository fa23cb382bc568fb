"""Organisations resource."""
