"""Organisations: start-ups, firms, institutes, investors, intermediaries, public bodies."""
