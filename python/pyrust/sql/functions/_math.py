"""Mathematical functions."""

import os as _os
import warnings
from typing import Any, Optional, Union

from pyrust import _native
from pyrust.errors import PySparkValueError
from pyrust.sql.column import Column
from pyrust.sql._args import int_arg
from pyrust.sql.functions._common import ColumnOrName, call, col_expr, invoke, lit_expr
from pyrust.sql.types import LongType

__all__ = [
    "abs", "round", "bround", "sqrt", "cbrt", "exp", "expm1", "ln", "log", "log10", "log2", "log1p",
    "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh",
    "cot", "csc", "sec", "degrees", "radians", "toDegrees", "toRadians", "rint", "signum", "sign",
    "pow", "power", "atan2", "hypot", "ceil", "ceiling", "floor", "e", "pi", "pmod", "negative",
    "negate", "positive", "greatest", "least", "factorial", "bin", "conv", "width_bucket", "try_add",
    "try_subtract", "try_multiply", "try_divide", "try_mod", "rand", "randn", "uniform", "randstr",
]


def _number_or_col(c: Any) -> Any:
    """PySpark's binary math functions take a column, a column name or a number."""
    return col_expr(c) if isinstance(c, (str, Column)) else lit_expr(c)


def _int_or_col(v: Any) -> Any:
    """A Python int as a literal, anything else as a column (PySpark's scale handling)."""
    return lit_expr(v) if isinstance(v, int) and not isinstance(v, bool) else col_expr(v)


def _long(v: int) -> Any:
    return _native.lit(v, LongType().json())


def abs(col: ColumnOrName) -> Column:
    return invoke("abs", col)


def _scale(scale: Any) -> Any:
    """PySpark passes an int scale as a literal and anything else (a str too) as a column."""
    return lit_expr(0 if scale is None else scale) if scale is None or isinstance(scale, int) else col_expr(scale)


def round(col: ColumnOrName, scale: Optional[Union[Column, int]] = None) -> Column:
    return call("round", col_expr(col), _scale(scale))


def bround(col: ColumnOrName, scale: Optional[Union[Column, int]] = None) -> Column:
    return call("bround", col_expr(col), _scale(scale))


def sqrt(col: ColumnOrName) -> Column:
    return invoke("sqrt", col)


def cbrt(col: ColumnOrName) -> Column:
    return invoke("cbrt", col)


def exp(col: ColumnOrName) -> Column:
    return invoke("exp", col)


def expm1(col: ColumnOrName) -> Column:
    return invoke("expm1", col)


def ln(col: ColumnOrName) -> Column:
    return invoke("ln", col)


def log(arg1: Union[ColumnOrName, float], arg2: Optional[ColumnOrName] = None) -> Column:
    if arg2 is None:
        return invoke("ln", arg1)
    return call("log", lit_expr(float(arg1)) if isinstance(arg1, int) else lit_expr(arg1), col_expr(arg2))


def log10(col: ColumnOrName) -> Column:
    return invoke("log10", col)


def log2(col: ColumnOrName) -> Column:
    return invoke("log2", col)


def log1p(col: ColumnOrName) -> Column:
    return invoke("log1p", col)


def sin(col: ColumnOrName) -> Column:
    return invoke("sin", col)


def cos(col: ColumnOrName) -> Column:
    return invoke("cos", col)


def tan(col: ColumnOrName) -> Column:
    return invoke("tan", col)


def asin(col: ColumnOrName) -> Column:
    return invoke("asin", col)


def acos(col: ColumnOrName) -> Column:
    return invoke("acos", col)


def atan(col: ColumnOrName) -> Column:
    return invoke("atan", col)


def sinh(col: ColumnOrName) -> Column:
    return invoke("sinh", col)


def cosh(col: ColumnOrName) -> Column:
    return invoke("cosh", col)


def tanh(col: ColumnOrName) -> Column:
    return invoke("tanh", col)


def asinh(col: ColumnOrName) -> Column:
    return invoke("asinh", col)


def acosh(col: ColumnOrName) -> Column:
    return invoke("acosh", col)


def atanh(col: ColumnOrName) -> Column:
    return invoke("atanh", col)


def cot(col: ColumnOrName) -> Column:
    return invoke("cot", col)


def csc(col: ColumnOrName) -> Column:
    return invoke("csc", col)


def sec(col: ColumnOrName) -> Column:
    return invoke("sec", col)


def degrees(col: ColumnOrName) -> Column:
    return invoke("degrees", col)


def radians(col: ColumnOrName) -> Column:
    return invoke("radians", col)


def toDegrees(col: ColumnOrName) -> Column:
    warnings.warn("Deprecated in 2.1, use degrees instead.", FutureWarning)
    return degrees(col)


def toRadians(col: ColumnOrName) -> Column:
    warnings.warn("Deprecated in 2.1, use radians instead.", FutureWarning)
    return radians(col)


def rint(col: ColumnOrName) -> Column:
    return invoke("rint", col)


def signum(col: ColumnOrName) -> Column:
    return invoke("signum", col)


def sign(col: ColumnOrName) -> Column:
    return invoke("sign", col)


def pow(col1: Union[ColumnOrName, float], col2: Union[ColumnOrName, float]) -> Column:
    return call("power", _number_or_col(col1), _number_or_col(col2))


def power(col1: Union[ColumnOrName, float], col2: Union[ColumnOrName, float]) -> Column:
    return call("power", _number_or_col(col1), _number_or_col(col2))


def atan2(col1: Union[ColumnOrName, float], col2: Union[ColumnOrName, float]) -> Column:
    return call("atan2", _number_or_col(col1), _number_or_col(col2))


def hypot(col1: Union[ColumnOrName, float], col2: Union[ColumnOrName, float]) -> Column:
    return call("hypot", _number_or_col(col1), _number_or_col(col2))


def _rounding(name: str, col: ColumnOrName, scale: Optional[Union[Column, int]]) -> Column:
    if scale is None:
        return invoke(name, col)
    return call(name, col_expr(col), _int_or_col(scale))


def ceil(col: ColumnOrName, scale: Optional[Union[Column, int]] = None) -> Column:
    return _rounding("ceil", col, scale)


def ceiling(col: ColumnOrName, scale: Optional[Union[Column, int]] = None) -> Column:
    return _rounding("ceiling", col, scale)


def floor(col: ColumnOrName, scale: Optional[Union[Column, int]] = None) -> Column:
    return _rounding("floor", col, scale)


def e() -> Column:
    return call("e")


def pi() -> Column:
    return call("pi")


def pmod(dividend: Union[ColumnOrName, float], divisor: Union[ColumnOrName, float]) -> Column:
    return call("pmod", _number_or_col(dividend), _number_or_col(divisor))


def negative(col: ColumnOrName) -> Column:
    return invoke("negative", col)


def negate(col: ColumnOrName) -> Column:
    return invoke("negative", col)


def positive(col: ColumnOrName) -> Column:
    return invoke("positive", col)


def greatest(*cols: ColumnOrName) -> Column:
    if len(cols) < 2:
        raise PySparkValueError(
            message="greatest should take at least 2 columns.",
            errorClass="WRONG_NUM_COLUMNS",
            messageParameters={"func_name": "greatest", "num_cols": "2"},
        )
    return invoke("greatest", *cols)


def least(*cols: ColumnOrName) -> Column:
    if len(cols) < 2:
        raise PySparkValueError(
            message="least should take at least 2 columns.",
            errorClass="WRONG_NUM_COLUMNS",
            messageParameters={"func_name": "least", "num_cols": "2"},
        )
    return invoke("least", *cols)


def factorial(col: ColumnOrName) -> Column:
    return invoke("factorial", col)


def bin(col: ColumnOrName) -> Column:
    return invoke("bin", col)


def conv(col: ColumnOrName, fromBase: int, toBase: int) -> Column:
    int_arg(fromBase, "fromBase")
    int_arg(toBase, "toBase")
    return call("conv", col_expr(col), lit_expr(fromBase), lit_expr(toBase))


def width_bucket(v: ColumnOrName, min: ColumnOrName, max: ColumnOrName, numBucket: Union[ColumnOrName, int]) -> Column:
    return call("width_bucket", col_expr(v), col_expr(min), col_expr(max), _int_or_col(numBucket))


def try_add(left: ColumnOrName, right: ColumnOrName) -> Column:
    return invoke("try_add", left, right)


def try_subtract(left: ColumnOrName, right: ColumnOrName) -> Column:
    return invoke("try_subtract", left, right)


def try_multiply(left: ColumnOrName, right: ColumnOrName) -> Column:
    return invoke("try_multiply", left, right)


def try_divide(left: ColumnOrName, right: ColumnOrName) -> Column:
    return invoke("try_divide", left, right)


def try_mod(left: ColumnOrName, right: ColumnOrName) -> Column:
    return invoke("try_mod", left, right)


def _seed(seed: Optional[int]) -> Any:
    """PySpark passes the seed as a BIGINT; without one the JVM draws a random seed,
    which then shows in the column name (`rand(-4172...)`)."""
    # os.urandom rather than the random module, which costs milliseconds to import.
    return _long(int.from_bytes(_os.urandom(8), "little", signed=True) if seed is None else seed)


def rand(seed: Optional[int] = None) -> Column:
    return call("rand", _seed(seed))


def randn(seed: Optional[int] = None) -> Column:
    return call("randn", _seed(seed))


def uniform(min: Union[Column, int, float], max: Union[Column, int, float], seed: Optional[Union[Column, int]] = None) -> Column:
    if seed is None:
        return call("uniform", lit_expr(min), lit_expr(max), _seed(None))
    return call("uniform", lit_expr(min), lit_expr(max), lit_expr(seed))


def randstr(length: Union[Column, int], seed: Optional[Union[Column, int]] = None) -> Column:
    if seed is None:
        return call("randstr", lit_expr(length), _seed(None))
    return call("randstr", lit_expr(length), lit_expr(seed))
