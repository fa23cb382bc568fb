"""Personal data: export everything stored about an organisation, erase it on request."""
