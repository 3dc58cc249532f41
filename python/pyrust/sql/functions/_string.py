"""String functions."""

from typing import Any, Optional, Union

from pyrust.sql.column import Column
from pyrust.sql._args import int_arg, str_arg
from pyrust.errors import PySparkTypeError
from pyrust.sql.functions._common import ColumnOrName, call, col_expr, int_or_col, invoke, lit_expr

__all__ = ["upper", "lower", "length", "trim", "ltrim", "rtrim", "concat_ws", "substring", "ucase", "lcase", "char_length",
           "character_length", "substr", "startswith", "endswith", "contains", "btrim", "lpad", "rpad", "repeat",
           "initcap", "instr", "locate", "position", "left", "right", "split", "split_part", "substring_index",
           "translate", "replace", "overlay", "ascii", "char", "bit_length", "octet_length", "find_in_set", "elt",
           "levenshtein", "soundex", "regexp_replace", "regexp_extract", "regexp_extract_all", "regexp_count",
           "regexp_substr", "regexp_instr", "base64", "unbase64", "hex", "unhex", "encode", "decode", "to_binary",
           "try_to_binary", "is_valid_utf8", "make_valid_utf8", "validate_utf8", "try_validate_utf8", "format_number",
           "format_string", "printf", "to_char", "to_varchar", "to_number", "try_to_number", "mask", "collation",
           "collate", "sentences"]


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
    str_arg(sep, "sep")
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


def lpad(col: ColumnOrName, len: Union[Column, int], pad: Union[Column, str]) -> Column:
    return call("lpad", col_expr(col), lit_expr(len), lit_expr(pad))


def rpad(col: ColumnOrName, len: Union[Column, int], pad: Union[Column, str]) -> Column:
    return call("rpad", col_expr(col), lit_expr(len), lit_expr(pad))


def repeat(col: ColumnOrName, n: Union[ColumnOrName, int]) -> Column:
    return call("repeat", col_expr(col), int_or_col(n))


def initcap(col: ColumnOrName) -> Column:
    return invoke("initcap", col)


def instr(str: ColumnOrName, substr: Union[Column, str]) -> Column:
    return call("instr", col_expr(str), lit_expr(substr))


def locate(substr: str, str: ColumnOrName, pos: int = 1) -> Column:
    str_arg(substr, "substr")
    int_arg(pos, "pos")
    return call("locate", lit_expr(substr), col_expr(str), lit_expr(pos))


def position(substr: ColumnOrName, str: ColumnOrName, start: Optional[ColumnOrName] = None) -> Column:
    if start is not None:
        return invoke("position", substr, str, start)
    return invoke("position", substr, str)


def left(str: ColumnOrName, len: ColumnOrName) -> Column:
    return invoke("left", str, len)


def right(str: ColumnOrName, len: ColumnOrName) -> Column:
    return invoke("right", str, len)


def split(str: ColumnOrName, pattern: Union[Column, str], limit: Union[ColumnOrName, int] = -1) -> Column:
    return call("split", col_expr(str), lit_expr(pattern), int_or_col(limit))


def split_part(src: ColumnOrName, delimiter: ColumnOrName, partNum: ColumnOrName) -> Column:
    return invoke("split_part", src, delimiter, partNum)


def substring_index(str: ColumnOrName, delim: str, count: int) -> Column:
    str_arg(delim, "delim")
    int_arg(count, "count")
    return call("substring_index", col_expr(str), lit_expr(delim), lit_expr(count))


def translate(srcCol: ColumnOrName, matching: str, replace: str) -> Column:
    str_arg(matching, "matching")
    str_arg(replace, "replace")
    return call("translate", col_expr(srcCol), lit_expr(matching), lit_expr(replace))


def replace(src: ColumnOrName, search: ColumnOrName, replace: Optional[ColumnOrName] = None) -> Column:
    if replace is not None:
        return invoke("replace", src, search, replace)
    return invoke("replace", src, search)


def _int_or_col_or_str(name: str, v: Any) -> Any:
    if isinstance(v, bool) or not isinstance(v, (int, str, Column)):
        raise PySparkTypeError(
            message=f"Argument `{name}` should be a Column, int or str, got {type(v).__name__}.",
            errorClass="NOT_COLUMN_OR_INT_OR_STR",
            messageParameters={"arg_name": name, "arg_type": type(v).__name__},
        )
    return int_or_col(v)


def overlay(src: ColumnOrName, replace: ColumnOrName, pos: Union[ColumnOrName, int],
            len: Union[ColumnOrName, int] = -1) -> Column:
    # PySpark lets a None length through its check to _to_java_column (NOT_COLUMN_OR_STR).
    length = col_expr(len) if len is None else _int_or_col_or_str("len", len)
    return call("overlay", col_expr(src), col_expr(replace), _int_or_col_or_str("pos", pos), length)


def ascii(col: ColumnOrName) -> Column:
    return invoke("ascii", col)


def char(col: ColumnOrName) -> Column:
    return invoke("char", col)


def bit_length(col: ColumnOrName) -> Column:
    return invoke("bit_length", col)


def octet_length(col: ColumnOrName) -> Column:
    return invoke("octet_length", col)


def find_in_set(str: ColumnOrName, str_array: ColumnOrName) -> Column:
    return invoke("find_in_set", str, str_array)


def elt(*inputs: ColumnOrName) -> Column:
    return invoke("elt", *inputs)


def levenshtein(left: ColumnOrName, right: ColumnOrName, threshold: Optional[int] = None) -> Column:
    if threshold is None:
        return invoke("levenshtein", left, right)
    int_arg(threshold, "threshold")
    return call("levenshtein", col_expr(left), col_expr(right), lit_expr(threshold))


def soundex(col: ColumnOrName) -> Column:
    return invoke("soundex", col)


def regexp_replace(string: ColumnOrName, pattern: Union[str, Column], replacement: Union[str, Column]) -> Column:
    return call("regexp_replace", col_expr(string), lit_expr(pattern), lit_expr(replacement))


def regexp_extract(str: ColumnOrName, pattern: str, idx: int) -> Column:
    str_arg(pattern, "pattern")
    int_arg(idx, "idx")
    return call("regexp_extract", col_expr(str), lit_expr(pattern), lit_expr(idx))


def regexp_extract_all(str: ColumnOrName, regexp: ColumnOrName, idx: Optional[Union[int, Column]] = None) -> Column:
    if idx is None:
        return invoke("regexp_extract_all", str, regexp)
    return call("regexp_extract_all", col_expr(str), col_expr(regexp), lit_expr(idx))


def regexp_count(str: ColumnOrName, regexp: ColumnOrName) -> Column:
    return invoke("regexp_count", str, regexp)


def regexp_substr(str: ColumnOrName, regexp: ColumnOrName) -> Column:
    return invoke("regexp_substr", str, regexp)


def regexp_instr(str: ColumnOrName, regexp: ColumnOrName, idx: Optional[Union[int, Column]] = None) -> Column:
    if idx is None:
        return invoke("regexp_instr", str, regexp)
    return call("regexp_instr", col_expr(str), col_expr(regexp), lit_expr(idx))


def base64(col: ColumnOrName) -> Column:
    return invoke("base64", col)


def unbase64(col: ColumnOrName) -> Column:
    return invoke("unbase64", col)


# hex/unhex are listed with PySpark's mathematical functions; they live with the
# string family's other encodings.
def hex(col: ColumnOrName) -> Column:
    return invoke("hex", col)


def unhex(col: ColumnOrName) -> Column:
    return invoke("unhex", col)


def encode(col: ColumnOrName, charset: str) -> Column:
    str_arg(charset, "charset")
    return call("encode", col_expr(col), lit_expr(charset))


def decode(col: ColumnOrName, charset: str) -> Column:
    str_arg(charset, "charset")
    return call("decode", col_expr(col), lit_expr(charset))


def to_binary(col: ColumnOrName, format: Optional[ColumnOrName] = None) -> Column:
    if format is not None:
        return invoke("to_binary", col, format)
    return invoke("to_binary", col)


def try_to_binary(col: ColumnOrName, format: Optional[ColumnOrName] = None) -> Column:
    if format is not None:
        return invoke("try_to_binary", col, format)
    return invoke("try_to_binary", col)


def is_valid_utf8(str: ColumnOrName) -> Column:
    return invoke("is_valid_utf8", str)


def make_valid_utf8(str: ColumnOrName) -> Column:
    return invoke("make_valid_utf8", str)


def validate_utf8(str: ColumnOrName) -> Column:
    return invoke("validate_utf8", str)


def try_validate_utf8(str: ColumnOrName) -> Column:
    return invoke("try_validate_utf8", str)


def format_number(col: ColumnOrName, d: int) -> Column:
    return call("format_number", col_expr(col), lit_expr(d))


def format_string(format: str, *cols: ColumnOrName) -> Column:
    str_arg(format, "format")
    return call("format_string", lit_expr(format), *[col_expr(c) for c in cols])


def printf(format: ColumnOrName, *cols: ColumnOrName) -> Column:
    return invoke("printf", format, *cols)


def to_char(col: ColumnOrName, format: ColumnOrName) -> Column:
    return invoke("to_char", col, format)


def to_varchar(col: ColumnOrName, format: ColumnOrName) -> Column:
    return invoke("to_varchar", col, format)


def to_number(col: ColumnOrName, format: ColumnOrName) -> Column:
    return invoke("to_number", col, format)


def try_to_number(col: ColumnOrName, format: ColumnOrName) -> Column:
    return invoke("try_to_number", col, format)


def mask(col: ColumnOrName, upperChar: Optional[ColumnOrName] = None, lowerChar: Optional[ColumnOrName] = None,
         digitChar: Optional[ColumnOrName] = None, otherChar: Optional[ColumnOrName] = None) -> Column:
    def default(c: Optional[ColumnOrName], v: Any) -> Any:
        return lit_expr(v) if c is None else col_expr(c)

    return call("mask", col_expr(col), default(upperChar, "X"), default(lowerChar, "x"), default(digitChar, "n"),
                default(otherChar, None))


def collation(col: ColumnOrName) -> Column:
    return invoke("collation", col)


def collate(col: ColumnOrName, collation: str) -> Column:
    return call("collate", col_expr(col), lit_expr(collation))


def sentences(string: ColumnOrName, language: Optional[ColumnOrName] = None, country: Optional[ColumnOrName] = None) -> Column:
    return call("sentences", col_expr(string), lit_expr("") if language is None else col_expr(language),
                lit_expr("") if country is None else col_expr(country))
