//! The function registry: every Spark function PyRust knows, with its kind,
//! arity, naming and type rule. `functions.py`, SQL strings and `spark.sql` all
//! reach functions through here; `lowering::functions` gives each one its
//! Polars form (a unit test checks that every entry has one).

use super::typing::{common_type, numeric_check, string_like};
use super::Conf;
use crate::error::{Error, Result};
use crate::ir::DataType;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FnKind {
    Scalar,
    Aggregate,
}

/// How the result type is computed from the argument types.
#[derive(Debug, Clone, Copy)]
pub enum TypeRule {
    /// The type of the first argument (`abs`, `min`, `first`).
    SameAsFirst,
    /// A fixed type; arguments are cast to `arg` when given.
    Fixed(&'static DataType, Option<&'static DataType>),
    /// The common type of all arguments (`coalesce`).
    Common,
    Sum,
    Avg,
    Round,
}

#[derive(Debug, Clone, Copy)]
pub enum Nullability {
    /// Null when any argument is null.
    AnyArg,
    /// Null only when all arguments are null (`coalesce`).
    AllArgs,
    Never,
    Always,
}

#[derive(Debug)]
pub struct FunctionDef {
    /// Canonical lowercase name.
    pub name: &'static str,
    /// Other names it is called by (`mean` for `avg`).
    pub aliases: &'static [&'static str],
    pub kind: FnKind,
    pub min_args: usize,
    pub max_args: Option<usize>,
    pub rule: TypeRule,
    pub nullability: Nullability,
    /// The name Spark shows in generated column names when it differs (`SQRT`).
    pub pretty: Option<&'static str>,
}

const STRING: &DataType = &DataType::String;
const INT: &DataType = &DataType::Integer;
const LONG: &DataType = &DataType::Long;
const BOOL: &DataType = &DataType::Boolean;
const DOUBLE: &DataType = &DataType::Double;
const DATE: &DataType = &DataType::Date;

macro_rules! def {
    ($name:expr, $kind:ident, $min:expr, $max:expr, $rule:expr, $null:ident) => {
        FunctionDef { name: $name, aliases: &[], kind: FnKind::$kind, min_args: $min, max_args: $max, rule: $rule, nullability: Nullability::$null, pretty: None }
    };
}

pub static FUNCTIONS: &[FunctionDef] = &[
    // aggregates
    def!("count", Aggregate, 1, None, TypeRule::Fixed(LONG, None), Never),
    def!("sum", Aggregate, 1, Some(1), TypeRule::Sum, Always),
    FunctionDef { aliases: &["mean"], ..def!("avg", Aggregate, 1, Some(1), TypeRule::Avg, Always) },
    def!("min", Aggregate, 1, Some(1), TypeRule::SameAsFirst, Always),
    def!("max", Aggregate, 1, Some(1), TypeRule::SameAsFirst, Always),
    def!("first", Aggregate, 1, Some(2), TypeRule::SameAsFirst, Always),
    FunctionDef { aliases: &["stddev_samp", "std"], ..def!("stddev", Aggregate, 1, Some(1), TypeRule::Fixed(DOUBLE, Some(DOUBLE)), Always) },
    def!("last", Aggregate, 1, Some(2), TypeRule::SameAsFirst, Always),
    // math
    def!("abs", Scalar, 1, Some(1), TypeRule::SameAsFirst, AnyArg),
    def!("round", Scalar, 1, Some(2), TypeRule::Round, AnyArg),
    def!("bround", Scalar, 1, Some(2), TypeRule::Round, AnyArg),
    FunctionDef { pretty: Some("SQRT"), ..def!("sqrt", Scalar, 1, Some(1), TypeRule::Fixed(DOUBLE, Some(DOUBLE)), AnyArg) },
    def!("isnan", Scalar, 1, Some(1), TypeRule::Fixed(BOOL, None), Never),
    // strings
    FunctionDef { aliases: &["ucase"], ..def!("upper", Scalar, 1, Some(1), TypeRule::Fixed(STRING, Some(STRING)), AnyArg) },
    FunctionDef { aliases: &["lcase"], ..def!("lower", Scalar, 1, Some(1), TypeRule::Fixed(STRING, Some(STRING)), AnyArg) },
    FunctionDef { aliases: &["char_length", "character_length"], ..def!("length", Scalar, 1, Some(1), TypeRule::Fixed(INT, None), AnyArg) },
    def!("trim", Scalar, 1, Some(1), TypeRule::Fixed(STRING, Some(STRING)), AnyArg),
    def!("ltrim", Scalar, 1, Some(1), TypeRule::Fixed(STRING, Some(STRING)), AnyArg),
    def!("rtrim", Scalar, 1, Some(1), TypeRule::Fixed(STRING, Some(STRING)), AnyArg),
    def!("concat", Scalar, 0, None, TypeRule::Fixed(STRING, Some(STRING)), AnyArg),
    def!("concat_ws", Scalar, 1, None, TypeRule::Fixed(STRING, Some(STRING)), Never),
    def!("substring", Scalar, 2, Some(3), TypeRule::Fixed(STRING, None), AnyArg),
    def!("substr", Scalar, 2, Some(3), TypeRule::Fixed(STRING, None), AnyArg),
    FunctionDef { pretty: Some(" LIKE "), ..def!("like", Scalar, 2, Some(2), TypeRule::Fixed(BOOL, Some(STRING)), AnyArg) },
    FunctionDef { pretty: Some("RLIKE"), aliases: &["regexp", "regexp_like"], ..def!("rlike", Scalar, 2, Some(2), TypeRule::Fixed(BOOL, Some(STRING)), AnyArg) },
    def!("startswith", Scalar, 2, Some(2), TypeRule::Fixed(BOOL, Some(STRING)), AnyArg),
    def!("endswith", Scalar, 2, Some(2), TypeRule::Fixed(BOOL, Some(STRING)), AnyArg),
    def!("contains", Scalar, 2, Some(2), TypeRule::Fixed(BOOL, Some(STRING)), AnyArg),
    // conditional
    def!("coalesce", Scalar, 1, None, TypeRule::Common, AllArgs),
    // dates: a string or timestamp argument is read as a date (in the session time zone)
    def!("year", Scalar, 1, Some(1), TypeRule::Fixed(INT, Some(DATE)), AnyArg),
    def!("quarter", Scalar, 1, Some(1), TypeRule::Fixed(INT, Some(DATE)), AnyArg),
    def!("month", Scalar, 1, Some(1), TypeRule::Fixed(INT, Some(DATE)), AnyArg),
    FunctionDef { aliases: &["day"], ..def!("dayofmonth", Scalar, 1, Some(1), TypeRule::Fixed(INT, Some(DATE)), AnyArg) },
    def!("dayofweek", Scalar, 1, Some(1), TypeRule::Fixed(INT, Some(DATE)), AnyArg),
    def!("dayofyear", Scalar, 1, Some(1), TypeRule::Fixed(INT, Some(DATE)), AnyArg),
    def!("to_date", Scalar, 1, Some(1), TypeRule::Fixed(DATE, Some(DATE)), AnyArg),
    def!("date_add", Scalar, 2, Some(2), TypeRule::Fixed(DATE, Some(DATE)), AnyArg),
    def!("date_sub", Scalar, 2, Some(2), TypeRule::Fixed(DATE, Some(DATE)), AnyArg),
    def!("datediff", Scalar, 2, Some(2), TypeRule::Fixed(INT, Some(DATE)), AnyArg),
];

/// Looks a function up by any of its names, case-insensitively.
pub fn lookup(name: &str) -> Option<&'static FunctionDef> {
    let lower = name.to_ascii_lowercase();
    FUNCTIONS.iter().find(|f| f.name == lower || f.aliases.contains(&lower.as_str()))
}

impl FunctionDef {
    pub fn check_arity(&self, called_as: &str, n: usize) -> Result<()> {
        let ok = n >= self.min_args && self.max_args.is_none_or(|m| n <= m);
        if ok {
            return Ok(());
        }
        let expected = match self.max_args {
            Some(m) if m == self.min_args => m.to_string(),
            Some(m) => format!("[{}, {}]", self.min_args, m),
            None => format!("> {}", self.min_args.saturating_sub(1)),
        };
        Err(Error::analysis(
            "WRONG_NUM_ARGS.WITHOUT_SUGGESTION",
            format!("The `{called_as}` requires {expected} parameters but the actual number is {n}."),
        )
        .with_param("functionName", format!("`{called_as}`"))
        .with_param("expectedNum", expected)
        .with_param("actualNum", n.to_string()))
    }

    /// The types arguments are implicitly cast to (None: left as they are).
    pub fn arg_casts(&self, args: &[DataType]) -> Vec<Option<DataType>> {
        match (self.name, self.rule) {
            ("substring" | "substr", _) => {
                let mut v = vec![string_like(&args[0])];
                v.extend(args[1..].iter().map(|t| if *t == DataType::Integer { None } else { Some(DataType::Integer) }));
                v
            }
            ("round" | "bround", _) => {
                let mut v = vec![numeric_from_string(&args[0])];
                v.extend(args[1..].iter().map(|t| if *t == DataType::Integer { None } else { Some(DataType::Integer) }));
                v
            }
            ("abs", _) => vec![numeric_from_string(&args[0])],
            // Binaries concatenate as bytes; any other mix is read as strings.
            ("concat", _) if all_binary(args) => vec![None; args.len()],
            // The day count stays as it is: only BYTE, SHORT and INT are accepted (checked below).
            ("date_add" | "date_sub", _) => vec![date_from(&args[0]), None],
            (_, TypeRule::Fixed(_, Some(DataType::Date))) => args.iter().map(date_from).collect(),
            // length counts characters of anything but binary, which it counts in bytes.
            ("length", _) => vec![if matches!(args[0], DataType::String | DataType::Binary) { None } else { Some(DataType::String) }],
            (_, TypeRule::Fixed(_, Some(arg))) => args.iter().map(|t| if t == arg { None } else { Some(arg.clone()) }).collect(),
            (_, TypeRule::Common) => {
                let common = args.iter().skip(1).try_fold(args[0].clone(), |acc, t| common_type(&acc, t));
                match common {
                    Some(c) => args.iter().map(|t| if *t == c { None } else { Some(c.clone()) }).collect(),
                    None => vec![None; args.len()],
                }
            }
            _ => vec![None; args.len()],
        }
    }

    /// The result type for (already cast) argument types.
    pub fn return_type(&self, called_as: &str, args: &[DataType], _conf: &Conf) -> Result<DataType> {
        let first = args.first().cloned().unwrap_or(DataType::Null);
        match self.rule {
            TypeRule::SameAsFirst => {
                if self.name == "abs" {
                    numeric_check(called_as, &first)?;
                }
                Ok(first)
            }
            TypeRule::Fixed(t, Some(DataType::Date)) => {
                let days_ok = |t: &DataType| matches!(t, DataType::Byte | DataType::Short | DataType::Integer | DataType::Null);
                let ok = match self.name {
                    "date_add" | "date_sub" => first == DataType::Date && days_ok(&args[1]),
                    _ => args.iter().all(|a| *a == DataType::Date),
                };
                if ok { Ok(t.clone()) } else { Err(data_type_mismatch(called_as, args)) }
            }
            TypeRule::Fixed(_, _) if self.name == "concat" && all_binary(args) => Ok(DataType::Binary),
            TypeRule::Fixed(t, _) => Ok(t.clone()),
            TypeRule::Common => args
                .iter()
                .skip(1)
                .try_fold(first.clone(), |acc, t| common_type(&acc, t))
                .ok_or_else(|| data_type_mismatch(called_as, args)),
            TypeRule::Sum => match first {
                t if t.is_integral() => Ok(DataType::Long),
                DataType::Float | DataType::Double => Ok(DataType::Double),
                DataType::Decimal(p, s) => Ok(DataType::Decimal((p + 10).min(38), s)),
                DataType::Null => Ok(DataType::Double),
                DataType::String => Ok(DataType::Double),
                _ => Err(data_type_mismatch(called_as, args)),
            },
            TypeRule::Avg => match first {
                t if t.is_integral() || t.is_floating() => Ok(DataType::Double),
                DataType::Decimal(p, s) => Ok(DataType::Decimal((p + 4).min(38), (s + 4).min(38))),
                DataType::Null | DataType::String => Ok(DataType::Double),
                _ => Err(data_type_mismatch(called_as, args)),
            },
            TypeRule::Round => {
                numeric_check(called_as, &first)?;
                Ok(first)
            }
        }
    }

    pub fn nullable(&self, args: &[bool]) -> bool {
        match self.nullability {
            Nullability::AnyArg => args.iter().any(|n| *n),
            Nullability::AllArgs => args.iter().all(|n| *n),
            Nullability::Never => false,
            Nullability::Always => true,
        }
    }
}

fn all_binary(args: &[DataType]) -> bool {
    !args.is_empty() && args.iter().all(|t| *t == DataType::Binary)
}

/// Date functions read strings, timestamps and NULL as dates; other types are refused.
fn date_from(t: &DataType) -> Option<DataType> {
    match t {
        DataType::String | DataType::Timestamp | DataType::TimestampNtz | DataType::Null => Some(DataType::Date),
        _ => None,
    }
}

/// Numeric functions read a string argument as a double.
fn numeric_from_string(t: &DataType) -> Option<DataType> {
    if *t == DataType::String { Some(DataType::Double) } else { None }
}

fn data_type_mismatch(called_as: &str, args: &[DataType]) -> Error {
    let types: Vec<String> = args.iter().map(|t| format!("\"{}\"", t.sql())).collect();
    Error::analysis(
        "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
        format!("Cannot resolve \"{called_as}\" due to data type mismatch: wrong argument types {}.", types.join(", ")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_resolve_to_canonical_names() {
        assert_eq!(lookup("MEAN").unwrap().name, "avg");
        assert_eq!(lookup("ucase").unwrap().name, "upper");
        assert!(lookup("no_such_function").is_none());
    }

    #[test]
    fn sum_widens_integers() {
        let sum = lookup("sum").unwrap();
        assert_eq!(sum.return_type("sum", &[DataType::Integer], &Conf::default()).unwrap(), DataType::Long);
        assert_eq!(sum.return_type("sum", &[DataType::Float], &Conf::default()).unwrap(), DataType::Double);
    }

    #[test]
    fn date_functions_read_strings_as_dates_and_refuse_numbers() {
        let year = lookup("year").unwrap();
        assert_eq!(year.arg_casts(&[DataType::String]), vec![Some(DataType::Date)]);
        assert!(year.return_type("year", &[DataType::Integer], &Conf::default()).is_err());
        let add = lookup("date_add").unwrap();
        assert_eq!(add.arg_casts(&[DataType::Timestamp, DataType::Integer]), vec![Some(DataType::Date), None]);
        assert!(add.return_type("date_add", &[DataType::Date, DataType::Long], &Conf::default()).is_err());
        assert_eq!(add.return_type("date_add", &[DataType::Date, DataType::Short], &Conf::default()).unwrap(), DataType::Date);
    }

    #[test]
    fn arity_is_checked() {
        assert!(lookup("abs").unwrap().check_arity("abs", 2).is_err());
        assert!(lookup("concat_ws").unwrap().check_arity("concat_ws", 3).is_ok());
    }
}
