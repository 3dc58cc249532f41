"""Map functions."""

__all__: list = []
