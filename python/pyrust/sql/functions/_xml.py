"""XML functions."""

__all__: list = []
