"""String functions."""

from typing import Optional, Union

from pyrust.sql.column import Column
from pyrust.sql.functions._common import ColumnOrName, call, col_expr, int_or_col, invoke, lit_expr

__all__ = ["upper", "lower", "length", "trim", "ltrim", "rtrim", "concat_ws", "substring", "ucase", "lcase", "char_length",
           "character_length", "substr", "startswith", "endswith", "contains", "btrim"]


def upper(col: ColumnOrName) -> Column:
    return invoke("upper", col)


def lower(col: ColumnOrName) -> Column:
    return invoke("lower", col)


def length(col: ColumnOrName) -> Column:
    return invoke("length", col)


def _trim(name: str, col: ColumnOrName, trim: Optional[ColumnOrName]) -> Column:
    # Spark's trim functions take the trim string first (`trim(trimStr, str)`).
    if trim is not None:
        return invoke(name, trim, col)
    return invoke(name, col)


def trim(col: ColumnOrName, trim: Optional[ColumnOrName] = None) -> Column:
    return _trim("trim", col, trim)


def ltrim(col: ColumnOrName, trim: Optional[ColumnOrName] = None) -> Column:
    return _trim("ltrim", col, trim)


def rtrim(col: ColumnOrName, trim: Optional[ColumnOrName] = None) -> Column:
    return _trim("rtrim", col, trim)


def btrim(str: ColumnOrName, trim: Optional[ColumnOrName] = None) -> Column:
    if trim is not None:
        return invoke("btrim", str, trim)
    return invoke("btrim", str)


def concat_ws(sep: str, *cols: ColumnOrName) -> Column:
    return call("concat_ws", lit_expr(sep), *[col_expr(c) for c in cols])


def substring(str: ColumnOrName, pos: Union[ColumnOrName, int], len: Union[ColumnOrName, int]) -> Column:
    return call("substring", col_expr(str), int_or_col(pos), int_or_col(len))


def ucase(str: ColumnOrName) -> Column:
    return invoke("ucase", str)


def lcase(str: ColumnOrName) -> Column:
    return invoke("lcase", str)


def char_length(str: ColumnOrName) -> Column:
    return invoke("char_length", str)


def character_length(str: ColumnOrName) -> Column:
    return invoke("character_length", str)


def substr(str: ColumnOrName, pos: ColumnOrName, len: Optional[ColumnOrName] = None) -> Column:
    if len is None:
        return invoke("substr", str, pos)
    return invoke("substr", str, pos, len)


def startswith(str: ColumnOrName, prefix: ColumnOrName) -> Column:
    return invoke("startswith", str, prefix)


def endswith(str: ColumnOrName, suffix: ColumnOrName) -> Column:
    return invoke("endswith", str, suffix)


def contains(left: ColumnOrName, right: ColumnOrName) -> Column:
    return invoke("contains", left, right)
