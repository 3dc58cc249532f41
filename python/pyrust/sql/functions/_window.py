"""Window functions."""

__all__: list = []
