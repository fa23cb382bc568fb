"""Language tools of the engine: detection, the German-English bridge, its dictionary."""
