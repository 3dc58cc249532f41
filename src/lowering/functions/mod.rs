//! The Polars form of every function id (`ir::function`), one module per family,
//! each an exhaustive `match` on its family's ids: a function without a lowering
//! does not compile. Arguments arrive cast and typed by analysis.

mod aggregate;
mod arrays;
mod collection;
mod conditional;
mod csv;
pub(super) mod datetime;
mod grouping;
mod hash;
mod higher_order;
mod interval;
mod json;
mod map;
mod math;
mod misc;
mod string;
mod structs;

pub use datetime::start_query;

use crate::analysis::typing::data_type;
use crate::analysis::Conf;
use crate::error::{Error, Result};
use crate::ir::{Call, DataType, Expr, Func, Value};
use polars::prelude as pl;

/// A call being lowered: its analysed form and its arguments in Polars.
pub struct CallLowering<'a> {
    pub call: &'a Call,
    /// The arguments, lowered.
    pub args: Vec<pl::Expr>,
    /// The rows on which the call is evaluated (see `ExprLowering`): row-level
    /// errors are raised only there.
    pub reachable: &'a Option<pl::Expr>,
    pub conf: &'a Conf,
    /// An aggregate's FILTER: the rows it reads (NULL counts as false).
    pub filter: Option<pl::Expr>,
}

impl CallLowering<'_> {
    /// The lowered argument `i`.
    pub fn arg(&self, i: usize) -> pl::Expr {
        self.args[i].clone()
    }
    /// The analysed argument `i` (for its type or literal value).
    pub fn ir(&self, i: usize) -> &Expr {
        &self.call.args[i]
    }
    pub fn arg_type(&self, i: usize) -> DataType {
        data_type(&self.call.args[i])
    }
    /// Argument `i` as an integer literal, if it is one.
    pub fn int_literal(&self, i: usize) -> Option<i64> {
        self.call.args.get(i).and_then(int_literal)
    }
    /// Argument `i` as a string literal, if it is one.
    pub fn str_literal(&self, i: usize) -> Option<&str> {
        match self.call.args.get(i).map(|a| a.unalias()) {
            Some(Expr::Literal(Value::String(s))) => Some(s),
            _ => None,
        }
    }
    /// Argument `i` as a boolean literal, if it is one.
    pub fn bool_literal(&self, i: usize) -> Option<bool> {
        match self.call.args.get(i).map(|a| a.unalias()) {
            Some(Expr::Literal(Value::Boolean(b))) => Some(*b),
            _ => None,
        }
    }
    /// Argument `i` as a number literal read as a double (DOUBLE, FLOAT or decimal), if it is one.
    pub fn double_literal(&self, i: usize) -> Option<f64> {
        match self.call.args.get(i).map(|a| a.unalias()) {
            Some(Expr::Literal(Value::Double(d))) => Some(*d),
            Some(Expr::Literal(Value::Float(f))) => Some(*f as f64),
            Some(Expr::Literal(Value::Decimal(u, _, s))) => Some(*u as f64 / 10f64.powi(*s as i32)),
            _ => None,
        }
    }
    /// An error for an argument form PyRust does not lower (yet), naming it.
    pub fn unsupported(&self, what: &str) -> Error {
        Error::unsupported(format!("{} with {what}", self.call.name))
    }
}

fn int_literal(e: &Expr) -> Option<i64> {
    match e.unalias() {
        Expr::Literal(Value::Integer(i)) => Some(*i as i64),
        Expr::Literal(Value::Long(i)) => Some(*i),
        Expr::Cast { expr, .. } => int_literal(expr),
        _ => None,
    }
}

/// A call in Polars, given its arguments already lowered.
pub fn lower_call(call: &Call, args: Vec<pl::Expr>, reachable: &Option<pl::Expr>, conf: &Conf) -> Result<pl::Expr> {
    lower_filtered_call(call, args, None, reachable, conf)
}

/// An aggregate call that reads only the rows where `filter` holds (`FILTER (WHERE ...)`).
pub fn lower_filtered_call(call: &Call, args: Vec<pl::Expr>, filter: Option<pl::Expr>, reachable: &Option<pl::Expr>, conf: &Conf) -> Result<pl::Expr> {
    let c = CallLowering { call, args, reachable, conf, filter };
    match call.func {
        Func::Aggregate(f) => aggregate::lower(f, &c),
        Func::Math(f) => math::lower(f, &c),
        Func::String(f) => string::lower(f, &c),
        Func::Conditional(f) => conditional::lower(f, &c),
        Func::Datetime(f) => datetime::lower(f, &c),
        Func::Collection(f) => collection::lower(f, &c),
        Func::Map(f) => map::lower(f, &c),
        Func::Struct(f) => structs::lower(f, &c),
        Func::Json(f) => json::lower(f, &c),
        Func::Hash(f) => hash::lower(f, &c),
        Func::Misc(f) => misc::lower(f, &c),
        // Window functions are computed by the Window node that holds them (lowering::window).
        Func::Window(f) => Err(crate::error::Error::internal(format!("window function {f:?} outside a window"))),
        // Generators are run by the Generate node that holds them (lowering::generate).
        Func::Generator(f) => Err(crate::error::Error::internal(format!("generator {f:?} outside a Generate node"))),
        Func::Grouping(f) => grouping::lower(f, &c),
    }
}
