"""Bitwise functions."""

import warnings

from pyrust.sql.column import Column
from pyrust.sql._args import int_arg
from pyrust.sql.functions._common import ColumnOrName, call, col_expr, invoke, lit_expr

__all__ = [
    "bitwise_not", "bitwiseNOT", "bit_count", "bit_get", "getbit", "shiftleft", "shiftLeft", "shiftright",
    "shiftRight", "shiftrightunsigned", "shiftRightUnsigned",
]


def bitwise_not(col: ColumnOrName) -> Column:
    return invoke("~", col)


def bitwiseNOT(col: ColumnOrName) -> Column:
    warnings.warn("Deprecated in 3.2, use bitwise_not instead.", FutureWarning)
    return bitwise_not(col)


def bit_count(col: ColumnOrName) -> Column:
    return invoke("bit_count", col)


def bit_get(col: ColumnOrName, pos: ColumnOrName) -> Column:
    return invoke("bit_get", col, pos)


def getbit(col: ColumnOrName, pos: ColumnOrName) -> Column:
    return invoke("getbit", col, pos)


def shiftleft(col: ColumnOrName, numBits: int) -> Column:
    int_arg(numBits, "numBits")
    return call("shiftleft", col_expr(col), lit_expr(numBits))


def shiftLeft(col: ColumnOrName, numBits: int) -> Column:
    warnings.warn("Deprecated in 3.2, use shiftleft instead.", FutureWarning)
    return shiftleft(col, numBits)


def shiftright(col: ColumnOrName, numBits: int) -> Column:
    int_arg(numBits, "numBits")
    return call("shiftright", col_expr(col), lit_expr(numBits))


def shiftRight(col: ColumnOrName, numBits: int) -> Column:
    warnings.warn("Deprecated in 3.2, use shiftright instead.", FutureWarning)
    return shiftright(col, numBits)


def shiftrightunsigned(col: ColumnOrName, numBits: int) -> Column:
    int_arg(numBits, "numBits")
    return call("shiftrightunsigned", col_expr(col), lit_expr(numBits))


def shiftRightUnsigned(col: ColumnOrName, numBits: int) -> Column:
    warnings.warn("Deprecated in 3.2, use shiftrightunsigned instead.", FutureWarning)
    return shiftrightunsigned(col, numBits)
