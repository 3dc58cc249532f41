"""Partition transformation functions."""

__all__: list = []
