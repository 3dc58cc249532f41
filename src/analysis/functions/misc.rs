//! Everything else: row ids, type names, assertions, session values, AES.

use super::signature::{Arity::*, Display, Expected, Inputs, Null, Ret, Site};
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
    def(misc(AesEncrypt), "aes_encrypt", Range(2, 6), Inputs::Implicit(&[BIN, BIN, STR, STR, BIN, BIN]), Ret::Fixed(BINARY)),
    def(misc(AesDecrypt), "aes_decrypt", Range(2, 5), Inputs::Implicit(&[BIN, BIN, STR, STR, BIN]), Ret::Fixed(BINARY)),
    def(misc(TryAesDecrypt), "try_aes_decrypt", Range(2, 5), Inputs::Implicit(&[BIN, BIN, STR, STR, BIN]), Ret::Fixed(BINARY))
        .null(Null::Always),
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
