"""Offers resource."""
