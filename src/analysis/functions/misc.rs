//! Everything else: row ids, type names, assertions, session values, AES.

use super::signature::{Arity::*, Display, Expected, Flags, Inputs, Null, Ret, Site};
use super::{def, unexpected_input_type, FunctionDef};
use crate::analysis::coercion::coerce;
use crate::analysis::typing::data_type;
use crate::error::Result;
use crate::ir::function::{Func, MiscFn::*};
use crate::ir::{DataType, Expr};

const STRING: &DataType = &DataType::String;
const INT: &DataType = &DataType::Integer;
const LONG: &DataType = &DataType::Long;
const VOID: &DataType = &DataType::Null;
const BINARY: &DataType = &DataType::Binary;

const fn misc(f: crate::ir::function::MiscFn) -> Func {
    Func::Misc(f)
}

const STR: Expected = Expected::Type(STRING);
const BIN: Expected = Expected::Type(BINARY);

pub static FUNCTIONS: &[FunctionDef] = &[
    def(misc(MonotonicallyIncreasingId), "monotonically_increasing_id", Exact(0), Inputs::Any, Ret::Fixed(LONG)).null(Null::Never),
    def(misc(SparkPartitionId), "spark_partition_id", Exact(0), Inputs::Any, Ret::Fixed(INT))
        .null(Null::Never)
        .display(Display::Named("SPARK_PARTITION_ID")),
    def(misc(Uuid), "uuid", Range(0, 1), Inputs::Any, Ret::Fixed(STRING)).null(Null::Never).display(Display::Custom(no_args)),
    def(misc(TypeOf), "typeof", Exact(1), Inputs::Any, Ret::Fixed(STRING)).null(Null::Never),
    def(misc(AssertTrue), "assert_true", Range(1, 2), Inputs::Custom(assert_inputs), Ret::Fixed(VOID))
        .null(Null::Always)
        .display(Display::Custom(assert_display)),
    def(misc(RaiseError), "raise_error", Exact(1), Inputs::Implicit(&[STR]), Ret::Fixed(VOID))
        .null(Null::Always)
        .display(Display::Custom(raise_display)),
    def(misc(CurrentCatalog), "current_catalog", Exact(0), Inputs::Any, Ret::Fixed(STRING)).null(Null::Never),
    def(misc(CurrentDatabase), "current_database", Exact(0), Inputs::Any, Ret::Fixed(STRING))
        .aliases(&["current_schema"])
        .null(Null::Never)
        .display(Display::Named("current_schema")),
    def(misc(CurrentUser), "current_user", Exact(0), Inputs::Any, Ret::Fixed(STRING))
        .aliases(&["user", "session_user"])
        .null(Null::Never),
    def(misc(Version), "version", Exact(0), Inputs::Any, Ret::Fixed(STRING)).null(Null::Never),
    def(misc(InputFileName), "input_file_name", Exact(0), Inputs::Any, Ret::Fixed(STRING)).null(Null::Never),
    def(misc(AesEncrypt), "aes_encrypt", Range(2, 6), Inputs::Custom(aes_encrypt_inputs), Ret::Fixed(BINARY))
        .display(Display::Custom(aes_encrypt_display)),
    def(misc(AesDecrypt), "aes_decrypt", Range(2, 5), Inputs::Custom(aes_decrypt_inputs), Ret::Fixed(BINARY))
        .display(Display::Custom(aes_decrypt_display)),
    def(misc(BitmapBitPosition), "bitmap_bit_position", Exact(1), Inputs::Implicit(&[Expected::Type(LONG)]), Ret::Fixed(LONG)),
    def(misc(BitmapBucketNumber), "bitmap_bucket_number", Exact(1), Inputs::Implicit(&[Expected::Type(LONG)]), Ret::Fixed(LONG)),
    def(misc(BitmapCount), "bitmap_count", Exact(1), Inputs::Custom(binary_only), Ret::Fixed(LONG)),
    def(misc(TryAesDecrypt), "try_aes_decrypt", Range(2, 5), Inputs::Custom(aes_decrypt_inputs), Ret::Fixed(BINARY))
        .null(Null::Always)
        .display(Display::Custom(aes_decrypt_display)),
    // (value) over the subquery's rows, or (value, matched rows) after a correlated join.
    def(misc(ScalarSubqueryValue), "scalar_subquery_value", Range(1, 2), Inputs::Any, Ret::Arg(0)).flags(Flags::DATAFRAME_ONLY),
];

/// `uuid()` is shown without its internal seed.
fn no_args(called: &str, _: &[String], _: bool) -> String {
    format!("{called}()")
}

/// `assert_true(cond)` is shown with its default message, `'cond' is not true!`.
fn assert_display(_: &str, args: &[String], _: bool) -> String {
    match args {
        [c] => format!("assert_true({c}, '{c}' is not true!)"),
        _ => format!("assert_true({})", args.join(", ")),
    }
}

fn raise_display(_: &str, args: &[String], _: bool) -> String {
    format!("raise_error(USER_RAISED_EXCEPTION, map(errorMessage, {}))", args[0])
}

fn assert_inputs(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let cond = args.remove(0);
    let cond = match data_type(&cond) {
        DataType::Boolean => cond,
        DataType::Null => coerce(cond, &DataType::Boolean),
        _ => return Err(unexpected_input_type(site, 0, "\"BOOLEAN\"", &cond)),
    };
    let mut out = vec![cond];
    if let Some(msg) = args.pop() {
        out.push(coerce(msg, STRING));
    }
    Ok(out)
}

/// The defaults of the AES functions' optional arguments: mode, padding, IV, AAD.
const AES_DEFAULTS: [&str; 4] = ["GCM", "DEFAULT", "", ""];

/// `aes_encrypt(input, key)` is shown with its defaults: `aes_encrypt(x, k, GCM, DEFAULT, , )`.
fn aes_display(called: &str, args: &[String], arity: usize) -> String {
    let mut texts: Vec<String> = args.to_vec();
    while texts.len() < arity && texts.len() >= 2 {
        texts.push(AES_DEFAULTS[texts.len() - 2].to_string());
    }
    format!("{called}({})", texts.join(", "))
}

fn aes_encrypt_display(called: &str, args: &[String], _: bool) -> String {
    aes_display(called, args, 6)
}

fn aes_decrypt_display(called: &str, args: &[String], _: bool) -> String {
    aes_display(called, args, 5)
}

/// The arguments with their defaults filled in, cast as Spark casts them.
fn aes_inputs(mut args: Vec<Expr>, site: &Site, arity: usize) -> Result<Vec<Expr>> {
    while args.len() < arity {
        args.push(Expr::Literal(crate::ir::Value::String(AES_DEFAULTS[args.len() - 2].to_string())));
    }
    const ENCRYPT: &[Expected] = &[BIN, BIN, STR, STR, BIN, BIN];
    const DECRYPT: &[Expected] = &[BIN, BIN, STR, STR, BIN];
    Inputs::Implicit(if arity == 6 { ENCRYPT } else { DECRYPT }).coerce(args, site)
}

fn aes_encrypt_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    aes_inputs(args, site, 6)
}

fn aes_decrypt_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    aes_inputs(args, site, 5)
}

/// A BINARY argument, with no implicit cast (`bitmap_count('a')` is refused).
fn binary_only(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    match data_type(&args[0]) {
        DataType::Binary => Ok(args),
        DataType::Null => Ok(args.into_iter().map(|a| coerce(a, BINARY)).collect()),
        _ => Err(unexpected_input_type(site, 0, "\"BINARY\"", &args[0])),
    }
}
