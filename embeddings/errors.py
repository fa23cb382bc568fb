"""The root exception of the embeddings library."""


class EmbeddingError(Exception):
    """Raised when a model cannot be loaded or a vector has the wrong shape."""
