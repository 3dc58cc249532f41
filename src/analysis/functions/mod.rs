//! The function registry: every Spark function PyRust knows, one module per family,
//! each a table of definitions. A definition says how a call is analysed — arity,
//! Spark's implicit casts of the arguments, result type, nullability, the name
//! Spark shows — and binding a call turns it into a resolved `Expr::Call` that
//! carries its result type and nullability. `lowering::functions` gives each
//! function id its Polars form. `functions.py`, SQL strings and `spark.sql` all
//! reach functions through `lookup`.

mod aggregate;
pub use aggregate::orderings_extra;
mod arrays;
mod collection;
mod conditional;
mod datetime;
mod generator;
pub mod grouping;
mod hash;
mod higher_order;
mod json;
mod map;
mod math;
mod misc;
mod signature;
mod string;
pub use string::collation_of_collate;
mod structs;
pub mod window;

pub use higher_order::{index_is_optional, lambda_parameters};
pub use aggregate::percentages;
pub use datetime::{
    datetime_arithmetic, extract_field, session_keys, try_datetime_arithmetic, sliding_windows, window_branch_condition, window_duration, window_filter,
    with_window_index,
};
pub use math::as_decimal as decimal_view;
pub use signature::{data_diff_types, Arity, Display, Expected, Flags, Inputs, Null, Repr, Ret, Site};

use super::typing::{data_type, nullable};
use super::Conf;
use crate::error::{Error, Result};
use crate::ir::{Call, DataType, Expr, Func};
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Debug)]
pub struct FunctionDef {
    pub func: Func,
    /// Canonical lowercase name.
    pub name: &'static str,
    /// Other names it is called by (`mean` for `avg`).
    pub aliases: &'static [&'static str],
    pub arity: Arity,
    pub inputs: Inputs,
    pub ret: Ret,
    pub null: Null,
    /// The name Spark gives the result column.
    pub display: Display,
    /// How `repr(Column)` shows the call.
    pub repr: Repr,
    pub flags: Flags,
}

/// A definition with the common defaults: NULL on any NULL argument, shown as `name(args)`.
pub const fn def(func: Func, name: &'static str, arity: Arity, inputs: Inputs, ret: Ret) -> FunctionDef {
    FunctionDef {
        func,
        name,
        aliases: &[],
        arity,
        inputs,
        ret,
        null: Null::AnyArg,
        display: Display::Call,
        repr: Repr::Call,
        flags: Flags::NONE,
    }
}

impl FunctionDef {
    pub const fn aliases(self, aliases: &'static [&'static str]) -> Self {
        FunctionDef { aliases, ..self }
    }
    pub const fn null(self, null: Null) -> Self {
        FunctionDef { null, ..self }
    }
    pub const fn display(self, display: Display) -> Self {
        FunctionDef { display, ..self }
    }
    pub const fn repr(self, repr: Repr) -> Self {
        FunctionDef { repr, ..self }
    }
    pub const fn flags(self, flags: Flags) -> Self {
        FunctionDef { flags, ..self }
    }
}

/// Every definition, family by family.
pub fn all() -> impl Iterator<Item = &'static FunctionDef> {
    [
        aggregate::FUNCTIONS,
        math::FUNCTIONS,
        string::FUNCTIONS,
        conditional::FUNCTIONS,
        datetime::FUNCTIONS,
        datetime::INTERVAL_FUNCTIONS,
        datetime::WINDOW_FUNCTIONS,
        collection::FUNCTIONS,
        arrays::FUNCTIONS,
        higher_order::FUNCTIONS,
        map::FUNCTIONS,
        structs::FUNCTIONS,
        json::FUNCTIONS,
        hash::FUNCTIONS,
        misc::FUNCTIONS,
        window::FUNCTIONS,
        generator::FUNCTIONS,
        grouping::FUNCTIONS,
    ]
    .into_iter()
    .flatten()
}

struct Registry {
    by_name: HashMap<&'static str, &'static FunctionDef>,
    by_func: HashMap<Func, &'static FunctionDef>,
}

fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        let mut by_name = HashMap::new();
        let mut by_func = HashMap::new();
        for d in all() {
            for name in std::iter::once(&d.name).chain(d.aliases) {
                by_name.insert(*name, d);
            }
            by_func.entry(d.func).or_insert(d);
        }
        Registry { by_name, by_func }
    })
}

/// Looks a function up by any of its names, case-insensitively.
pub fn lookup(name: &str) -> Option<&'static FunctionDef> {
    registry().by_name.get(name.to_ascii_lowercase().as_str()).copied()
}

/// Marks a name written in SQL text that only the DataFrame API may call
/// (`Flags::DATAFRAME_ONLY`): the marked name resolves to nothing, as in Spark.
const SQL_UNRESOLVABLE: char = '\u{0}';

/// The name a function called in SQL text is looked up by.
pub fn sql_name(name: String) -> String {
    match lookup(&name) {
        Some(d) if d.flags.contains(Flags::DATAFRAME_ONLY) => format!("{SQL_UNRESOLVABLE}{name}"),
        _ => name,
    }
}

/// A name as the user wrote it (without `sql_name`'s mark).
pub fn unmarked(name: &str) -> &str {
    name.trim_start_matches(SQL_UNRESOLVABLE)
}

/// The definition of a function id.
pub fn definition(func: Func) -> &'static FunctionDef {
    registry().by_func.get(&func).copied().unwrap_or_else(|| unreachable!("{func:?} has no definition"))
}

/// Whether an unresolved or resolved expression is a call of an aggregate function.
pub fn is_aggregate_call(e: &Expr) -> bool {
    match e {
        Expr::Function { name, .. } => lookup(name).is_some_and(|d| d.func.is_aggregate()),
        Expr::Call(c) => c.func.is_aggregate(),
        Expr::AggregateFilter { .. } => true,
        Expr::PythonUdf(u) => u.def.eval_type.is_aggregate(),
        _ => false,
    }
}

impl FunctionDef {
    pub fn check_arity(&self, called_as: &str, n: usize) -> Result<()> {
        if self.arity.accepts(n) {
            return Ok(());
        }
        let expected = self.arity.to_string();
        Err(Error::analysis(
            "WRONG_NUM_ARGS.WITHOUT_SUGGESTION",
            format!("The `{called_as}` requires {expected} parameters but the actual number is {n}."),
        )
        .with_param("functionName", format!("`{called_as}`"))
        .with_param("expectedNum", expected)
        .with_param("actualNum", n.to_string()))
    }

    /// Binds resolved arguments to this function: Spark's implicit casts, then the
    /// result type and nullability, into a resolved call. `text` renders expressions
    /// for error messages (`naming::sql_text`).
    pub fn bind(&'static self, called_as: &str, args: Vec<Expr>, distinct: bool, conf: &Conf, text: fn(&Expr) -> String) -> Result<Expr> {
        let name = called_as.to_ascii_lowercase();
        // The call as Spark shows it in errors: `abs(s)`.
        let texts: Vec<String> = args.iter().map(text).collect();
        let site = Site { conf, shown: self.display.text(&name, &texts, distinct), text };
        let args = self.inputs.coerce(args, &site)?;
        let data_type = self.ret.data_type(&args, &site)?;
        let arg_nulls: Vec<bool> = args.iter().map(|a| nullable(a, conf.ansi)).collect();
        let nullable = self.null.nullable(&args, &arg_nulls, conf);
        Ok(Expr::Call(Box::new(Call { func: self.func, name, args, distinct, data_type, nullable })))
    }
}

/// Binds a call of `func` built by analysis itself (not written by the user).
pub fn call(func: Func, args: Vec<Expr>, conf: &Conf, text: fn(&Expr) -> String) -> Result<Expr> {
    let d = definition(func);
    d.bind(d.name, args, false, conf, text)
}

/// `DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE` for argument `index` (0-based).
pub fn unexpected_input_type(site: &Site, index: usize, required: &str, arg: &Expr) -> Error {
    let (shown, t, arg_text) = (&site.shown, data_type(arg), (site.text)(arg));
    Error::analysis(
        "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
        format!(
            "Cannot resolve \"{shown}\" due to data type mismatch: The {} parameter requires the {required} type, however \"{}\" has the type \"{}\".",
            crate::error::ordinal(index + 1),
            arg_text,
            t.sql()
        ),
    )
    .with_param("paramIndex", crate::error::ordinal(index + 1))
    .with_param("requiredType", required.to_string())
    .with_param("inputSql", format!("\"{arg_text}\""))
    .with_param("inputType", format!("\"{}\"", t.sql()))
}

/// `DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE` naming every argument type.
pub fn wrong_argument_types(site: &Site, types: &[DataType]) -> Error {
    let shown = &site.shown;
    let types: Vec<String> = types.iter().map(|t| format!("\"{}\"", t.sql())).collect();
    Error::analysis(
        "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
        format!("Cannot resolve \"{shown}\" due to data type mismatch: wrong argument types {}.", types.join(", ")),
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
    fn every_name_is_registered_once_and_every_id_has_one_definition() {
        let mut names = std::collections::HashSet::new();
        let mut funcs = std::collections::HashSet::new();
        for d in all() {
            for n in std::iter::once(&d.name).chain(d.aliases) {
                assert!(names.insert(*n), "{n} is registered twice");
                assert_eq!(*n, n.to_ascii_lowercase(), "{n} is not lowercase");
            }
            assert!(funcs.insert(d.func), "{:?} has two definitions", d.func);
        }
    }

    #[test]
    fn arity_is_checked() {
        assert!(lookup("abs").unwrap().check_arity("abs", 2).is_err());
        assert!(lookup("concat_ws").unwrap().check_arity("concat_ws", 3).is_ok());
    }
}
