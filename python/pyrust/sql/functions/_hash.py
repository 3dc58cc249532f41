"""Hash functions."""

from pyrust.errors import PySparkValueError
from pyrust.sql.column import Column
from pyrust.sql.functions._common import ColumnOrName, call, col_expr, invoke, lit_expr

__all__ = ["md5", "sha1", "sha", "sha2", "crc32", "hash", "xxhash64"]


def md5(col: ColumnOrName) -> Column:
    return invoke("md5", col)


def sha1(col: ColumnOrName) -> Column:
    return invoke("sha1", col)


def sha(col: ColumnOrName) -> Column:
    return invoke("sha", col)


def sha2(col: ColumnOrName, numBits: int) -> Column:
    if numBits not in [0, 224, 256, 384, 512]:
        raise PySparkValueError(
            message="Value for `numBits` must be one of [0, 224, 256, 384, 512].",
            errorClass="VALUE_NOT_ALLOWED",
            messageParameters={"arg_name": "numBits", "allowed_values": "[0, 224, 256, 384, 512]"},
        )
    return call("sha2", col_expr(col), lit_expr(numBits))


def crc32(col: ColumnOrName) -> Column:
    return invoke("crc32", col)


def hash(*cols: ColumnOrName) -> Column:
    return invoke("hash", *cols)


def xxhash64(*cols: ColumnOrName) -> Column:
    return invoke("xxhash64", *cols)
