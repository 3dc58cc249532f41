"""URL functions."""

__all__: list = []
