"""Array functions."""

__all__: list = []
