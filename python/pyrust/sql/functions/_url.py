"""URL functions."""

from typing import Optional

from pyrust.sql.column import Column
from pyrust.sql.functions._common import ColumnOrName, invoke

__all__ = ["parse_url", "try_parse_url", "url_encode", "url_decode", "try_url_decode"]


def parse_url(url: ColumnOrName, partToExtract: ColumnOrName, key: Optional[ColumnOrName] = None) -> Column:
    if key is not None:
        return invoke("parse_url", url, partToExtract, key)
    return invoke("parse_url", url, partToExtract)


def try_parse_url(url: ColumnOrName, partToExtract: ColumnOrName, key: Optional[ColumnOrName] = None) -> Column:
    if key is not None:
        return invoke("try_parse_url", url, partToExtract, key)
    return invoke("try_parse_url", url, partToExtract)


def url_encode(str: ColumnOrName) -> Column:
    return invoke("url_encode", str)


def url_decode(str: ColumnOrName) -> Column:
    return invoke("url_decode", str)


def try_url_decode(str: ColumnOrName) -> Column:
    return invoke("try_url_decode", str)
