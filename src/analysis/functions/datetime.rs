//! Date and time functions. Strings and timestamps given where a date is expected
//! are read as dates (in the session time zone), as Spark's date-part rules do.

use super::signature::{Arity::*, Expected, Inputs, Ret, Site};
use super::{def, unexpected_input_type, FunctionDef};
use crate::analysis::typing::data_type;
use crate::error::Result;
use crate::ir::function::{DatetimeFn::*, Func};
use crate::ir::{DataType, Expr};

const INT: &DataType = &DataType::Integer;
const DATE: &DataType = &DataType::Date;

const fn dt(f: crate::ir::function::DatetimeFn) -> Func {
    Func::Datetime(f)
}

const DATE_LIKE: &[Expected] = &[Expected::DateLike];

pub static FUNCTIONS: &[FunctionDef] = &[
    def(dt(Year), "year", Exact(1), Inputs::Implicit(DATE_LIKE), Ret::Fixed(INT)),
    def(dt(Quarter), "quarter", Exact(1), Inputs::Implicit(DATE_LIKE), Ret::Fixed(INT)),
    def(dt(Month), "month", Exact(1), Inputs::Implicit(DATE_LIKE), Ret::Fixed(INT)),
    def(dt(DayOfMonth), "dayofmonth", Exact(1), Inputs::Implicit(DATE_LIKE), Ret::Fixed(INT)).aliases(&["day"]),
    def(dt(DayOfWeek), "dayofweek", Exact(1), Inputs::Implicit(DATE_LIKE), Ret::Fixed(INT)),
    def(dt(DayOfYear), "dayofyear", Exact(1), Inputs::Implicit(DATE_LIKE), Ret::Fixed(INT)),
    def(dt(ToDate), "to_date", Exact(1), Inputs::Implicit(DATE_LIKE), Ret::Fixed(DATE)),
    def(dt(DateAdd), "date_add", Exact(2), Inputs::Custom(date_and_days), Ret::Fixed(DATE)),
    def(dt(DateSub), "date_sub", Exact(2), Inputs::Custom(date_and_days), Ret::Fixed(DATE)),
    def(dt(DateDiff), "datediff", Exact(2), Inputs::Implicit(DATE_LIKE), Ret::Fixed(INT)),
];

/// `date_add(start, days)`: the start read as a date; the day count must already be
/// a TINYINT, SMALLINT or INT (a BIGINT is refused, not narrowed).
fn date_and_days(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let days = args.pop().expect("arity checked");
    let mut args = Inputs::Implicit(DATE_LIKE).coerce(args, site)?;
    let days_type = data_type(&days);
    if !matches!(days_type, DataType::Byte | DataType::Short | DataType::Integer | DataType::Null) {
        return Err(unexpected_input_type(site, 1, "(\"INT\" or \"SMALLINT\" or \"TINYINT\")", &days));
    }
    args.push(days);
    Ok(args)
}
