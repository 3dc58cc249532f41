//! String functions. Non-string atomic arguments are read as strings, as Spark's
//! implicit casts do; functions Spark also defines on bytes (`substring`, `concat`,
//! `lpad`, `startswith`...) keep BINARY arguments binary.

mod inputs;

pub use inputs::collation_of_collate;

use super::signature::{Arity::*, Display, Expected, Flags, Inputs, Null, Ret};
use super::{def, FunctionDef};
use crate::ir::function::{Func, StringFn::*};
use crate::ir::DataType;
use inputs::*;

const STRING: &DataType = &DataType::String;
const INT: &DataType = &DataType::Integer;
const BOOL: &DataType = &DataType::Boolean;
const LONG: &DataType = &DataType::Long;
const BINARY: &DataType = &DataType::Binary;

const fn string(f: crate::ir::function::StringFn) -> Func {
    Func::String(f)
}

const STR: Expected = Expected::Type(STRING);
const STRING_OR_BINARY: Expected = Expected::OneOf(&[STR, Expected::Type(&DataType::Binary)]);
/// Strings or bytes, named "STRING" in messages: Spark's inputs of these are strings,
/// and a binary reaches them through its implicit cast.
const STRING_NAMED_OR_BINARY: Expected = Expected::Named(&STRING_OR_BINARY, "\"STRING\"");

pub static FUNCTIONS: &[FunctionDef] = &[
    def(string(Upper), "upper", Exact(1), Inputs::Implicit(&[STR]), Ret::Fixed(STRING)).aliases(&["ucase"]),
    def(string(Lower), "lower", Exact(1), Inputs::Implicit(&[STR]), Ret::Fixed(STRING)).aliases(&["lcase"]),
    def(string(Length), "length", Exact(1), Inputs::Implicit(&[STRING_OR_BINARY]), Ret::Fixed(INT))
        .aliases(&["char_length", "character_length", "len"]),
    // trim(trimStr, str): the SQL order, which the Column API follows too.
    def(string(Trim), "trim", Range(1, 2), Inputs::Implicit(&[STR]), Ret::Fixed(STRING)).display(Display::Custom(trim_both)),
    def(string(Ltrim), "ltrim", Range(1, 2), Inputs::Implicit(&[STR]), Ret::Fixed(STRING)).display(Display::Custom(trim_leading)),
    def(string(Rtrim), "rtrim", Range(1, 2), Inputs::Implicit(&[STR]), Ret::Fixed(STRING)).display(Display::Custom(trim_trailing)),
    // btrim(str, trimStr).
    def(string(Btrim), "btrim", Range(1, 2), Inputs::Custom(btrim_inputs), Ret::Fixed(STRING)),
    def(string(Concat), "concat", AtLeast(0), Inputs::Custom(concat_inputs), Ret::Custom(concat_type)),
    // concat_ws(sep, strings or arrays of strings...): NULL only for a NULL separator.
    def(string(ConcatWs), "concat_ws", AtLeast(1), Inputs::Custom(concat_ws_inputs), Ret::Fixed(STRING)).null(Null::Custom(first_arg)),
    def(string(Substring), "substring", Range(2, 3), Inputs::Custom(substring_inputs), Ret::Custom(first_string_or_binary))
        .aliases(&["substr"])
        .display(Display::Custom(substring_display)),
    def(string(Like), "like", Range(2, 3), Inputs::Custom(like_inputs), Ret::Fixed(BOOL)).display(Display::Custom(like_display)),
    def(string(ILike), "ilike", Range(2, 3), Inputs::Custom(like_inputs), Ret::Fixed(BOOL)).display(Display::Custom(ilike_display)),
    // Spark's LikeAny/LikeAll/NotLikeAny/NotLikeAll, built only by the SQL parser: no
    // SQL function names (`Flags::DATAFRAME_ONLY` keeps them unresolvable in SQL text).
    def(string(MultiLike), "likeany", Exact(2), Inputs::Any, Ret::Fixed(BOOL))
        .aliases(&["likeall", "notlikeany", "notlikeall"])
        .null(Null::Always)
        .display(Display::Custom(|name, args, _| format!("{name}({})", args[0])))
        .flags(Flags::DATAFRAME_ONLY),
    def(string(Rlike), "rlike", Exact(2), Inputs::Implicit(&[STR]), Ret::Fixed(BOOL))
        .aliases(&["regexp", "regexp_like"])
        .display(Display::Custom(upper_name)),
    def(string(StartsWith), "startswith", Exact(2), Inputs::Custom(bytes_or_text), Ret::Fixed(BOOL)).null(Null::Custom(always_over_binary)),
    def(string(EndsWith), "endswith", Exact(2), Inputs::Custom(bytes_or_text), Ret::Fixed(BOOL)).null(Null::Custom(always_over_binary)),
    def(string(Contains), "contains", Exact(2), Inputs::Custom(bytes_or_text), Ret::Fixed(BOOL)).null(Null::Custom(always_over_binary)),
    // lpad/rpad(str, len[, pad = ' ']): bytes when both str and pad are binary.
    def(string(Lpad), "lpad", Range(2, 3), Inputs::Custom(pad_inputs), Ret::Custom(pad_type)).display(Display::Custom(pad_display)).null(Null::AnyArg),
    def(string(Rpad), "rpad", Range(2, 3), Inputs::Custom(pad_inputs), Ret::Custom(pad_type)).display(Display::Custom(pad_display)).null(Null::AnyArg),
    def(string(Repeat), "repeat", Exact(2), Inputs::Implicit(&[STR, Expected::Type(INT)]), Ret::Fixed(STRING)),
    // Strings and arrays (the one registry entry Spark has).
    def(string(Reverse), "reverse", Exact(1), Inputs::Custom(reverse_inputs), Ret::Arg(0)),
    def(string(InitCap), "initcap", Exact(1), Inputs::Implicit(&[STR]), Ret::Fixed(STRING)),
    def(string(Instr), "instr", Exact(2), Inputs::Implicit(&[STR]), Ret::Fixed(INT)),
    // locate/position(substr, str[, start = 1]); a NULL start gives 0, not NULL.
    def(string(Locate), "locate", Range(2, 3), Inputs::Custom(locate_inputs), Ret::Fixed(INT))
        .aliases(&["position"])
        .null(Null::Custom(first_two_args))
        .display(Display::Custom(locate_display)),
    def(string(Left), "left", Exact(2), Inputs::Implicit(&[STRING_OR_BINARY, Expected::Type(INT)]), Ret::Custom(first_string_or_binary)),
    def(string(Right), "right", Exact(2), Inputs::Implicit(&[STR, Expected::Type(INT)]), Ret::Fixed(STRING)).null(Null::Always),
    def(string(Split), "split", Range(2, 3), Inputs::Custom(split_inputs), Ret::Custom(array_of_strings)).display(Display::Custom(split_display)),
    def(string(SplitPart), "split_part", Exact(3), Inputs::Implicit(&[STR, STR, Expected::Type(INT)]), Ret::Fixed(STRING))
        .null(Null::Always),
    def(string(SubstringIndex), "substring_index", Exact(3), Inputs::Implicit(&[STR, STR, Expected::Type(INT)]), Ret::Fixed(STRING)),
    def(string(Translate), "translate", Exact(3), Inputs::Implicit(&[STR]), Ret::Fixed(STRING)),
    def(string(Replace), "replace", Range(2, 3), Inputs::Custom(replace_inputs), Ret::Fixed(STRING)).display(Display::Custom(replace_display)),
    def(string(Overlay), "overlay", Range(3, 4), Inputs::Custom(overlay_inputs), Ret::Custom(first_string_or_binary))
        .display(Display::Custom(overlay_display)),
    def(string(Ascii), "ascii", Exact(1), Inputs::Implicit(&[STR]), Ret::Fixed(INT)),
    def(string(Chr), "chr", Exact(1), Inputs::Implicit(&[Expected::Type(LONG)]), Ret::Fixed(STRING)).aliases(&["char"]),
    def(string(Space), "space", Exact(1), Inputs::Implicit(&[Expected::Type(INT)]), Ret::Fixed(STRING)),
    def(string(BitLength), "bit_length", Exact(1), Inputs::Implicit(&[STRING_OR_BINARY]), Ret::Fixed(INT)),
    def(string(OctetLength), "octet_length", Exact(1), Inputs::Implicit(&[STRING_OR_BINARY]), Ret::Fixed(INT)),
    def(string(FindInSet), "find_in_set", Exact(2), Inputs::Implicit(&[STR]), Ret::Fixed(INT)),
    // elt(n, input1, input2, ...): binary when every input is.
    def(string(Elt), "elt", AtLeast(2), Inputs::Custom(elt_inputs), Ret::Custom(elt_type)).null(Null::Always),
    def(string(Levenshtein), "levenshtein", Range(2, 3), Inputs::Implicit(&[STR, STR, Expected::Type(INT)]), Ret::Fixed(INT)),
    // Strings only: Spark casts nothing to soundex's input.
    def(string(Soundex), "soundex", Exact(1), Inputs::Custom(strings_only), Ret::Fixed(STRING)),
    // Java regexes. regexp_replace(str, regexp, rep[, position = 1]).
    def(string(RegexpReplace), "regexp_replace", Range(3, 4), Inputs::Custom(regexp_replace_inputs), Ret::Fixed(STRING))
        .display(Display::Custom(regexp_replace_display)),
    // regexp_extract(str, regexp[, idx = 1]).
    def(string(RegexpExtract), "regexp_extract", Range(2, 3), Inputs::Custom(group_index_inputs), Ret::Fixed(STRING))
        .display(Display::Custom(group_one_display)),
    def(string(RegexpExtractAll), "regexp_extract_all", Range(2, 3), Inputs::Custom(group_index_inputs), Ret::Custom(array_of_nullable_strings))
        .display(Display::Custom(group_one_display)),
    def(string(RegexpCount), "regexp_count", Exact(2), Inputs::Implicit(&[STR]), Ret::Fixed(INT)),
    def(string(RegexpSubstr), "regexp_substr", Exact(2), Inputs::Implicit(&[STR]), Ret::Fixed(STRING)).null(Null::Always),
    // regexp_instr(str, regexp[, idx = 0]): the position of the match (idx is only checked).
    def(string(RegexpInstr), "regexp_instr", Range(2, 3), Inputs::Custom(instr_index_inputs), Ret::Fixed(INT))
        .display(Display::Custom(group_zero_display)),
    // Encodings.
    def(string(Base64), "base64", Exact(1), Inputs::Implicit(&[Expected::Type(BINARY)]), Ret::Fixed(STRING)),
    def(string(UnBase64), "unbase64", Exact(1), Inputs::Implicit(&[STR]), Ret::Fixed(BINARY)),
    // hex of a BIGINT (numbers are read as one), of bytes, or of text.
    def(string(Hex), "hex", Exact(1), Inputs::Custom(hex_inputs), Ret::Fixed(STRING)),
    // Spark's Unhex is always nullable (a text that is not hex is NULL).
    def(string(Unhex), "unhex", Exact(1), Inputs::Implicit(&[STR]), Ret::Fixed(BINARY)).null(Null::Always),
    def(string(Encode), "encode", Exact(2), Inputs::Implicit(&[STR]), Ret::Fixed(BINARY)).null(Null::Always),
    // decode(bytes, charset); the SQL form decode(expr, search, result, ...) is not supported.
    def(string(Decode), "decode", Exact(2), Inputs::Implicit(&[Expected::Type(BINARY), STR]), Ret::Fixed(STRING)).null(Null::Always),
    // to_binary(str[, fmt]): fmt a literal among hex (default), utf-8, utf8, base64.
    def(string(ToBinary), "to_binary", Range(1, 2), Inputs::Custom(to_binary_inputs), Ret::Fixed(BINARY)).null(Null::Always),
    def(string(TryToBinary), "try_to_binary", Range(1, 2), Inputs::Custom(try_to_binary_inputs), Ret::Fixed(BINARY)).null(Null::Always),
    // The UTF-8 checks read a binary's bytes as they are.
    def(string(IsValidUtf8), "is_valid_utf8", Exact(1), Inputs::Implicit(&[STRING_NAMED_OR_BINARY]), Ret::Fixed(BOOL)).null(Null::Always),
    def(string(MakeValidUtf8), "make_valid_utf8", Exact(1), Inputs::Implicit(&[STRING_NAMED_OR_BINARY]), Ret::Fixed(STRING)).null(Null::Always),
    def(string(ValidateUtf8), "validate_utf8", Exact(1), Inputs::Implicit(&[STRING_NAMED_OR_BINARY]), Ret::Fixed(STRING)).null(Null::Always),
    def(string(TryValidateUtf8), "try_validate_utf8", Exact(1), Inputs::Implicit(&[STRING_NAMED_OR_BINARY]), Ret::Fixed(STRING))
        .null(Null::Always),
    // Formatting. format_number(x, d | pattern): Java's DecimalFormat.
    def(string(FormatNumber), "format_number", Exact(2), Inputs::Custom(format_number_inputs), Ret::Fixed(STRING)).null(Null::Always),
    // format_string/printf(format, args...): Java's Formatter; never NULL.
    def(string(FormatString), "format_string", AtLeast(1), Inputs::Custom(format_string_inputs), Ret::Fixed(STRING))
        .aliases(&["printf"])
        .null(Null::Never),
    // to_char/to_varchar(x, format): numbers by Spark's number formats; dates go to
    // date_format, binaries to base64/hex/decode, named as those.
    def(string(ToChar), "to_char", Exact(2), Inputs::Custom(to_char_inputs), Ret::Fixed(STRING))
        .aliases(&["to_varchar"])
        .display(Display::Custom(to_char_display)),
    def(string(ToNumber), "to_number", Exact(2), Inputs::Custom(to_number_inputs), Ret::Custom(to_number_type)),
    def(string(TryToNumber), "try_to_number", Exact(2), Inputs::Custom(to_number_inputs), Ret::Custom(to_number_type)).null(Null::Always),
    // mask(str[, upper = 'X', lower = 'x', digit = 'n', other = NULL]).
    def(string(Mask), "mask", Range(1, 5), Inputs::Custom(mask_inputs), Ret::Fixed(STRING)).display(Display::Custom(mask_display)).null(Null::Always),
    // URLs: parse_url(url, part[, key]) as java.net.URI reads it.
    def(string(ParseUrl), "parse_url", Range(2, 3), Inputs::Implicit(&[STR]), Ret::Fixed(STRING)).null(Null::Always),
    def(string(TryParseUrl), "try_parse_url", Range(2, 3), Inputs::Implicit(&[STR]), Ret::Fixed(STRING)).null(Null::Always),
    def(string(UrlEncode), "url_encode", Exact(1), Inputs::Implicit(&[STR]), Ret::Fixed(STRING)).null(Null::Always),
    def(string(UrlDecode), "url_decode", Exact(1), Inputs::Implicit(&[STR]), Ret::Fixed(STRING)).null(Null::Always),
    def(string(TryUrlDecode), "try_url_decode", Exact(1), Inputs::Implicit(&[STR]), Ret::Fixed(STRING)).null(Null::Always),
    // Collations: PyRust strings are UTF8_BINARY, Spark's default; others are refused.
    def(string(Collation), "collation", Exact(1), Inputs::Custom(strings_only), Ret::Fixed(STRING)).null(Null::Never),
    def(string(Collate), "collate", Exact(2), Inputs::Custom(collate_inputs), Ret::Fixed(STRING)),
    // sentences(str[, lang = '', country = '']): Java's BreakIterator rules (`compat::sentences`).
    def(string(Sentences), "sentences", Range(1, 3), Inputs::Custom(sentences_inputs), Ret::Custom(sentences_type))
        .display(Display::Custom(sentences_display))
        .null(Null::Always),
    def(string(LuhnCheck), "luhn_check", Exact(1), Inputs::Implicit(&[STR]), Ret::Fixed(BOOL)).null(Null::Always),
];
