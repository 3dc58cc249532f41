"""JSON functions."""

__all__: list = []
