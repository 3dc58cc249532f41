//! Hashes and checksums, bit-exact with Spark's: `md5`/`sha1`/`sha2`/`crc32` of
//! binaries (strings are read as their UTF-8 bytes), `hash` (Murmur3 x86_32) and
//! `xxhash64` of any number of values of any type but maps, seeded with 42.

use super::signature::{Arity::*, Expected, Inputs, Null, Ret, Site};
use super::{def, FunctionDef};
use crate::analysis::typing::data_type;
use crate::error::{Error, Result};
use crate::ir::function::{Func, HashFn::*};
use crate::ir::{DataType, Expr};

const STRING: &DataType = &DataType::String;
const INT: &DataType = &DataType::Integer;
const LONG: &DataType = &DataType::Long;
const BINARY: Expected = Expected::Type(&DataType::Binary);

const fn hash(f: crate::ir::function::HashFn) -> Func {
    Func::Hash(f)
}

pub static FUNCTIONS: &[FunctionDef] = &[
    def(hash(Md5), "md5", Exact(1), Inputs::Implicit(&[BINARY]), Ret::Fixed(STRING)),
    def(hash(Sha1), "sha1", Exact(1), Inputs::Implicit(&[BINARY]), Ret::Fixed(STRING)).aliases(&["sha"]),
    def(hash(Sha2), "sha2", Exact(2), Inputs::Implicit(&[BINARY, Expected::Type(INT)]), Ret::Fixed(STRING)).null(Null::Always),
    def(hash(Crc32), "crc32", Exact(1), Inputs::Implicit(&[BINARY]), Ret::Fixed(LONG)),
    def(hash(Murmur3), "hash", AtLeast(0), Inputs::Custom(hashable), Ret::Fixed(INT)).null(Null::Never),
    def(hash(XxHash64), "xxhash64", AtLeast(0), Inputs::Custom(hashable), Ret::Fixed(LONG)).null(Null::Never),
];

/// Spark hashes values of every type but maps (whose entry order is not defined).
fn hashable(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let name = site.shown.split('(').next().unwrap_or("hash").to_string();
    if args.is_empty() {
        return Err(Error::analysis(
            "WRONG_NUM_ARGS.WITHOUT_SUGGESTION",
            format!("The `{name}` requires > 0 parameters but the actual number is 0."),
        )
        .with_param("functionName", format!("`{name}`"))
        .with_param("expectedNum", "> 0")
        .with_param("actualNum", "0"));
    }
    if args.iter().any(|a| contains_map(&data_type(a))) {
        return Err(Error::analysis(
            "DATATYPE_MISMATCH.HASH_MAP_TYPE",
            format!(
                "Cannot resolve \"{}\" due to data type mismatch: Input to the function `{name}` cannot contain elements of the \"MAP\" type. In Spark, same maps may have different hashcode, thus hash expressions are prohibited on \"MAP\" elements. To restore previous behavior set \"spark.sql.legacy.allowHashOnMapType\" to \"true\".",
                site.shown
            ),
        ));
    }
    Ok(args)
}

fn contains_map(t: &DataType) -> bool {
    match t {
        DataType::Map(..) => true,
        DataType::Array(e, _) => contains_map(e),
        DataType::Struct(fields) => fields.iter().any(|f| contains_map(&f.data_type)),
        _ => false,
    }
}
