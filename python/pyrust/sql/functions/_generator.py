"""Generator functions."""

__all__: list = []
