"""Bulk work as jobs: a durable job record in the database that any worker reads and writes,
run from a Redis queue by `matchmaker worker` (RQ), or in this process when none listens."""
