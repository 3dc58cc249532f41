"""Hash functions."""

__all__: list = []
