//! The declarative parts of a function definition: how many arguments it takes,
//! how they are cast, its result type and nullability, and how Spark names it.

use super::{unexpected_input_type, wrong_argument_types};
use crate::analysis::coercion::coerce;
pub use crate::analysis::coercion::Expected;
use crate::analysis::typing::{common_type, data_type};
use crate::analysis::Conf;
use crate::error::{Error, Result};
use crate::ir::{DataType, Expr};
use std::fmt;

#[derive(Debug, Clone, Copy)]
pub enum Arity {
    Exact(usize),
    Range(usize, usize),
    AtLeast(usize),
}

impl Arity {
    pub fn accepts(self, n: usize) -> bool {
        match self {
            Arity::Exact(k) => n == k,
            Arity::Range(lo, hi) => lo <= n && n <= hi,
            Arity::AtLeast(lo) => n >= lo,
        }
    }
}

/// As Spark writes the expected count in `WRONG_NUM_ARGS`: `1`, `[1, 2, 3]` (every
/// valid count), `> 0`.
impl fmt::Display for Arity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arity::Exact(k) => write!(f, "{k}"),
            Arity::Range(lo, hi) => {
                let counts: Vec<String> = (*lo..=*hi).map(|n| n.to_string()).collect();
                write!(f, "[{}]", counts.join(", "))
            }
            Arity::AtLeast(lo) => write!(f, "> {}", lo.saturating_sub(1)),
        }
    }
}

/// Where a call is bound: the session's settings, the call as Spark shows it in
/// errors (`abs(s)`), and how to show an argument.
pub struct Site<'a> {
    pub conf: &'a Conf,
    pub shown: String,
    pub text: fn(&Expr) -> String,
}

/// Custom argument analysis: takes the resolved arguments, returns them cast.
pub type CoerceFn = fn(Vec<Expr>, &Site) -> Result<Vec<Expr>>;

/// How arguments are checked and cast.
#[derive(Debug, Clone, Copy)]
pub enum Inputs {
    /// As they are.
    Any,
    /// Spark's `ImplicitCastInputTypes`: one expected type per argument (the last
    /// repeats for variadic functions), with Spark's implicit casts.
    Implicit(&'static [Expected]),
    /// Every argument cast to the common type of all (`coalesce`).
    Common,
    /// Rules of the function's own.
    Custom(CoerceFn),
}

impl Inputs {
    pub fn coerce(self, args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
        match self {
            Inputs::Any => Ok(args),
            Inputs::Implicit(expected) => args
                .into_iter()
                .enumerate()
                .map(|(i, a)| {
                    let e = expected[i.min(expected.len() - 1)];
                    match e.implicit_cast(&data_type(&a), site.conf.ansi) {
                        Some(t) => Ok(coerce(a, &t)),
                        None => Err(unexpected_input_type(site, i, &e.sql(), &a)),
                    }
                })
                .collect(),
            Inputs::Common => {
                let types: Vec<DataType> = args.iter().map(data_type).collect();
                let common = types.iter().try_fold(DataType::Null, |acc, t| common_type(&acc, t, site.conf.ansi));
                match common {
                    Some(c) => Ok(args.into_iter().map(|a| coerce(a, &c)).collect()),
                    None => Err(data_diff_types(&site.shown, shown_name(&site.shown), &types, false)),
                }
            }
            Inputs::Custom(f) => f(args, site),
        }
    }
}

/// `DATATYPE_MISMATCH.DATA_DIFF_TYPES`. Spark lists the types as `("A" or "B")` from
/// `TypeUtils.checkForSameTypeInputExpr` (coalesce, array, concat...) and as
/// `["A", "B"]` from `ComplexTypeMergingExpression` (if, case, greatest, least).
pub fn data_diff_types(sql_expr: &str, function: &str, types: &[DataType], merging: bool) -> Error {
    let names: Vec<String> = types.iter().map(|t| format!("\"{}\"", t.sql())).collect();
    let listed = if merging { format!("[{}]", names.join(", ")) } else { format!("({})", names.join(" or ")) };
    Error::analysis(
        "DATATYPE_MISMATCH.DATA_DIFF_TYPES",
        format!("Cannot resolve \"{sql_expr}\" due to data type mismatch: Input to `{function}` should all be the same type, but it's {listed}."),
    )
}

/// The function name of a call as Spark shows it (`concat` of `concat(a, s)`).
pub fn shown_name(shown: &str) -> &str {
    shown.split('(').next().unwrap_or(shown)
}

/// Custom result type: from the cast arguments (and literal values among them).
pub type TypeFn = fn(&[Expr], &Site) -> Result<DataType>;

/// The result type.
#[derive(Debug, Clone, Copy)]
pub enum Ret {
    Fixed(&'static DataType),
    /// The type of the argument at this position (after casts).
    Arg(usize),
    Custom(TypeFn),
}

impl Ret {
    pub fn data_type(self, args: &[Expr], site: &Site) -> Result<DataType> {
        match self {
            Ret::Fixed(t) => Ok(t.clone()),
            Ret::Arg(i) => args.get(i).map(data_type).ok_or_else(|| wrong_argument_types(site, &[])),
            Ret::Custom(f) => f(args, site),
        }
    }
}

/// Custom nullability: from the arguments and whether each can be NULL.
pub type NullFn = fn(&[Expr], &[bool], &Conf) -> bool;

/// When the result can be NULL.
#[derive(Debug, Clone, Copy)]
pub enum Null {
    /// When any argument can be.
    AnyArg,
    /// Only when every argument can be (`coalesce`).
    AllArgs,
    Never,
    Always,
    Custom(NullFn),
}

impl Null {
    pub fn nullable(self, args: &[Expr], arg_nulls: &[bool], conf: &Conf) -> bool {
        match self {
            Null::AnyArg => arg_nulls.iter().any(|n| *n),
            Null::AllArgs => arg_nulls.iter().all(|n| *n),
            Null::Never => false,
            Null::Always => true,
            Null::Custom(f) => f(args, arg_nulls, conf),
        }
    }
}

/// Custom display: the name called by, the arguments' texts and DISTINCT.
pub type DisplayFn = fn(&str, &[String], bool) -> String;

/// The name Spark gives a call's result column.
#[derive(Debug, Clone, Copy)]
pub enum Display {
    /// `name(args)`, with the name it was called by.
    Call,
    /// `NAME(args)` whatever it was called by (`SQRT(x)`, `avg(x)` for `mean`).
    Named(&'static str),
    /// The arguments joined by an operator: `s LIKE p`.
    Infix(&'static str),
    Custom(DisplayFn),
}

impl Display {
    pub fn text(self, called_as: &str, args: &[String], distinct: bool) -> String {
        let prefix = if distinct { "DISTINCT " } else { "" };
        match self {
            Display::Call => format!("{called_as}({prefix}{})", args.join(", ")),
            Display::Named(name) => format!("{name}({prefix}{})", args.join(", ")),
            Display::Infix(op) => args.join(op),
            Display::Custom(f) => f(called_as, args, distinct),
        }
    }
}

/// How `repr(Column)` shows a call (PySpark prints the unresolved function).
#[derive(Debug, Clone, Copy)]
pub enum Repr {
    /// `name(args)`.
    Call,
    /// Under another name: `isNaN(a)`.
    Named(&'static str),
    /// `base[key]`.
    Index,
}

impl Repr {
    pub fn text(self, called_as: &str, args: &[String]) -> String {
        match self {
            Repr::Call => format!("{called_as}({})", args.join(", ")),
            Repr::Named(name) => format!("{name}({})", args.join(", ")),
            Repr::Index => format!("{}[{}]", args[0], args[1]),
        }
    }
}

/// Properties analysis and lowering act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flags(u8);

impl Flags {
    pub const NONE: Flags = Flags(0);
    /// The result depends on the order of the input rows (`first`, `last`).
    pub const ORDER_SENSITIVE: Flags = Flags(1);
    /// `f(*)` stands for `f(1)` (`count(*)`).
    pub const STAR_IS_ONE: Flags = Flags(2);
    /// Only reachable from the DataFrame API (`functions.product`), not from SQL text:
    /// Spark registers it as an internal function.
    pub const DATAFRAME_ONLY: Flags = Flags(4);

    pub const fn union(self, other: Flags) -> Flags {
        Flags(self.0 | other.0)
    }
    pub fn contains(self, other: Flags) -> bool {
        self.0 & other.0 == other.0
    }
}
