"""Offers: funding, cooperation, space, programmes and talent, optionally by a provider."""
