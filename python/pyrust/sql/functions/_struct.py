"""Struct functions."""

__all__: list = []
