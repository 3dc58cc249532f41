"""Misc functions."""

__all__: list = []
