"""Who is calling: API keys, request authentication, roles."""
