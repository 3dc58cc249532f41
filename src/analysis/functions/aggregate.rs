//! Aggregate functions: Spark's result types (`sum` of integers is BIGINT, of
//! decimals DECIMAL(p+10, s); `avg` of decimals DECIMAL(p+4, s+4)) and names.

use super::signature::{Arity::*, Display, Expected, Flags, Inputs, Null, Ret, Site};
use super::{def, wrong_argument_types, FunctionDef};
use crate::analysis::typing::data_type;
use crate::error::Result;
use crate::ir::function::{AggregateFn::*, Func};
use crate::ir::{DataType, Expr};

const LONG: &DataType = &DataType::Long;
const DOUBLE: &DataType = &DataType::Double;

const fn agg(f: crate::ir::function::AggregateFn) -> Func {
    Func::Aggregate(f)
}

pub static FUNCTIONS: &[FunctionDef] = &[
    def(agg(Count), "count", AtLeast(1), Inputs::Any, Ret::Fixed(LONG))
        .null(Null::Never)
        .display(Display::Custom(count_display))
        .flags(Flags::STAR_IS_ONE),
    def(agg(Sum), "sum", Exact(1), Inputs::Any, Ret::Custom(sum_type)).null(Null::Always),
    def(agg(Avg), "avg", Exact(1), Inputs::Any, Ret::Custom(avg_type))
        .aliases(&["mean"])
        .null(Null::Always)
        .display(Display::Named("avg")),
    def(agg(Min), "min", Exact(1), Inputs::Any, Ret::Arg(0)).null(Null::Always),
    def(agg(Max), "max", Exact(1), Inputs::Any, Ret::Arg(0)).null(Null::Always),
    def(agg(First), "first", Range(1, 2), Inputs::Any, Ret::Arg(0))
        .null(Null::Always)
        .display(Display::Custom(first_arg_only))
        .flags(Flags::ORDER_SENSITIVE),
    def(agg(Last), "last", Range(1, 2), Inputs::Any, Ret::Arg(0))
        .null(Null::Always)
        .display(Display::Custom(first_arg_only))
        .flags(Flags::ORDER_SENSITIVE),
    def(agg(StddevSamp), "stddev", Exact(1), Inputs::Implicit(&[Expected::Type(DOUBLE)]), Ret::Fixed(DOUBLE))
        .aliases(&["stddev_samp", "std"])
        .null(Null::Always),
];

/// `count(*)` is named `count(1)`.
fn count_display(name: &str, args: &[String], distinct: bool) -> String {
    let args: Vec<String> = args.iter().map(|a| if a == "*" { "1".to_string() } else { a.clone() }).collect();
    Display::Call.text(name, &args, distinct)
}

/// `first(x, ignorenulls)` is named `first(x)`.
fn first_arg_only(name: &str, args: &[String], distinct: bool) -> String {
    Display::Call.text(name, &args[..1], distinct)
}

fn sum_type(args: &[Expr], site: &Site) -> Result<DataType> {
    let t = data_type(&args[0]);
    match t {
        t if t.is_integral() => Ok(DataType::Long),
        DataType::Float | DataType::Double | DataType::Null | DataType::String => Ok(DataType::Double),
        DataType::Decimal(p, s) => Ok(DataType::Decimal((p + 10).min(38), s)),
        other => Err(wrong_argument_types(site, &[other])),
    }
}

fn avg_type(args: &[Expr], site: &Site) -> Result<DataType> {
    let t = data_type(&args[0]);
    match t {
        t if t.is_integral() || t.is_floating() => Ok(DataType::Double),
        DataType::Null | DataType::String => Ok(DataType::Double),
        DataType::Decimal(p, s) => Ok(DataType::Decimal((p + 4).min(38), (s + 4).min(38))),
        other => Err(wrong_argument_types(site, &[other])),
    }
}

#[cfg(test)]
mod tests {
    use super::super::lookup;
    use super::*;
    use crate::ir::{Attribute, Expr};

    fn column(t: DataType) -> Expr {
        Expr::Attr(Attribute { id: 1, name: "x".into(), data_type: t, nullable: true, qualifier: None })
    }

    #[test]
    fn sum_widens_integers() {
        let conf = crate::analysis::Conf::default();
        let sum = lookup("sum").unwrap();
        let type_of = |t: DataType| {
            let site = Site { conf: &conf, shown: "sum(x)".into(), text: |_| "x".into() };
            sum.ret.data_type(&[column(t)], &site).unwrap()
        };
        assert_eq!(type_of(DataType::Integer), DataType::Long);
        assert_eq!(type_of(DataType::Float), DataType::Double);
        assert_eq!(type_of(DataType::Decimal(30, 2)), DataType::Decimal(38, 2));
    }

    #[test]
    fn count_star_is_named_count_one() {
        let count = lookup("count").unwrap();
        assert_eq!(count.display.text("count", &["*".into()], false), "count(1)");
        assert_eq!(count.display.text("count", &["a".into()], true), "count(DISTINCT a)");
    }
}
