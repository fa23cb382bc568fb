"""HTTP API: one package per resource, each with its Blueprint and marshmallow schemas."""
