"""VARIANT functions."""

__all__: list = []
