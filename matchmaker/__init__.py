"""matchmaker: the matchmaking backend of the Stuttgart region's economic development agency."""
