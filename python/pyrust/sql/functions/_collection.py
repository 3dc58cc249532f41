"""Collection functions: of strings, binaries and arrays alike, and the
higher-order functions, whose Python lambdas become lambda expressions as in
PySpark (`_create_lambda`): the function is called once with placeholder
variables named `x_N`, `y_N`, `z_N` from one counter for the whole process."""

import itertools
from typing import Any, Callable, Optional, Union

from pyrust import _native
from pyrust.errors import PySparkValueError
from pyrust.sql.column import Column
from pyrust.sql.functions._common import ColumnOrName, call, col_expr, invoke, lit_expr

__all__ = ["concat", "reverse", "size", "cardinality", "element_at", "try_element_at", "transform", "filter", "exists", "forall", "aggregate", "reduce", "zip_with",
           "map_filter", "transform_values", "transform_keys", "array_sort", "shuffle", "map_zip_with"]

_lambda_counter = itertools.count(1)


def concat(*cols: ColumnOrName) -> Column:
    return invoke("concat", *cols)


def reverse(col: ColumnOrName) -> Column:
    return invoke("reverse", col)


def size(col: ColumnOrName) -> Column:
    return invoke("size", col)


def cardinality(col: ColumnOrName) -> Column:
    return invoke("cardinality", col)


def element_at(col: ColumnOrName, extraction: Any) -> Column:
    return call("element_at", col_expr(col), lit_expr(extraction))


def try_element_at(col: ColumnOrName, extraction: ColumnOrName) -> Column:
    return invoke("try_element_at", col, extraction)


def _lambda_parameters(f: Callable) -> Any:
    import inspect  # only for lambdas; a costly module to import at start-up

    parameters = inspect.signature(f).parameters.values()
    if not (1 <= len(parameters) <= 3):
        raise PySparkValueError(
            message=f"Function `{f.__name__}` should take between 1 and 3 arguments, but the provided function takes {len(parameters)}.",
            errorClass="WRONG_NUM_ARGS_FOR_HIGHER_ORDER_FUNCTION",
            messageParameters={"func_name": f.__name__, "num_args": str(len(parameters))},
        )
    positional = {inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.POSITIONAL_ONLY}
    if not all(p.kind in positional for p in parameters):
        raise PySparkValueError(
            message=f"Function `{f.__name__}` should use only POSITIONAL or POSITIONAL OR KEYWORD arguments.",
            errorClass="UNSUPPORTED_PARAM_TYPE_FOR_HIGHER_ORDER_FUNCTION",
            messageParameters={"func_name": f.__name__},
        )
    return parameters


def _create_lambda(f: Callable) -> Any:
    parameters = _lambda_parameters(f)
    names = [f"{base}_{next(_lambda_counter)}" for base in ["x", "y", "z"][: len(parameters)]]
    result = f(*[Column(_native.lambda_variable(n)) for n in names])
    if not isinstance(result, Column):
        raise PySparkValueError(
            message=f"Function `{f.__name__}` should return Column, got {type(result).__name__}.",
            errorClass="HIGHER_ORDER_FUNCTION_SHOULD_RETURN_COLUMN",
            messageParameters={"func_name": f.__name__, "return_type": type(result).__name__},
        )
    return _native.lambda_function(names, result._expr)


def _higher_order(name: str, cols: list, funs: list) -> Column:
    lambdas = [_create_lambda(f) for f in funs]
    return call(name, *[col_expr(c) for c in cols], *lambdas)


def transform(col: ColumnOrName, f: Callable[..., Column]) -> Column:
    return _higher_order("transform", [col], [f])


def filter(col: ColumnOrName, f: Callable[..., Column]) -> Column:
    return _higher_order("filter", [col], [f])


def exists(col: ColumnOrName, f: Callable[[Column], Column]) -> Column:
    return _higher_order("exists", [col], [f])


def forall(col: ColumnOrName, f: Callable[[Column], Column]) -> Column:
    return _higher_order("forall", [col], [f])


def aggregate(col: ColumnOrName, initialValue: ColumnOrName, merge: Callable[[Column, Column], Column],
              finish: Optional[Callable[[Column], Column]] = None) -> Column:
    return _higher_order("aggregate", [col, initialValue], [merge] if finish is None else [merge, finish])


def reduce(col: ColumnOrName, initialValue: ColumnOrName, merge: Callable[[Column, Column], Column],
           finish: Optional[Callable[[Column], Column]] = None) -> Column:
    return _higher_order("reduce", [col, initialValue], [merge] if finish is None else [merge, finish])


def zip_with(left: ColumnOrName, right: ColumnOrName, f: Callable[[Column, Column], Column]) -> Column:
    return _higher_order("zip_with", [left, right], [f])


def map_filter(col: ColumnOrName, f: Callable[[Column, Column], Column]) -> Column:
    return _higher_order("map_filter", [col], [f])


def transform_values(col: ColumnOrName, f: Callable[[Column, Column], Column]) -> Column:
    return _higher_order("transform_values", [col], [f])


def transform_keys(col: ColumnOrName, f: Callable[[Column, Column], Column]) -> Column:
    return _higher_order("transform_keys", [col], [f])


def array_sort(col: ColumnOrName, comparator: Optional[Callable[[Column, Column], Column]] = None) -> Column:
    if comparator is None:
        return invoke("array_sort", col)
    return _higher_order("array_sort", [col], [comparator])


def shuffle(col: ColumnOrName, seed: Optional[Union[Column, int]] = None) -> Column:
    if seed is not None:
        return call("shuffle", col_expr(col), lit_expr(seed))
    return invoke("shuffle", col)


def map_zip_with(col1: ColumnOrName, col2: ColumnOrName, f: Callable[[Column, Column, Column], Column]) -> Column:
    return _higher_order("map_zip_with", [col1, col2], [f])
