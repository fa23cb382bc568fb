"""The pure matching engine: snapshots in, ranked and explained results out."""
