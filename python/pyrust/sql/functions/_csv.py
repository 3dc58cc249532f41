"""CSV functions."""

__all__: list = []
