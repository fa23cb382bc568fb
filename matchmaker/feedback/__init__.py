"""Feedback of members on their match candidates."""
