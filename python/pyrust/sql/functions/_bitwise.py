"""Bitwise functions."""

__all__: list = []
