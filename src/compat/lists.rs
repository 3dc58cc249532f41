//! One row of a list column as a Series of the element type. Polars'
//! `ListChunked::get_as_series` gives the *physical* values (a DECIMAL element as
//! Int128, a DATE as Int32), which neither append to nor cast into a Series of
//! the logical type without changing the values.

use polars::prelude::{ListChunked, Series};

/// Row `i` of `list` (None for a NULL array), typed as the list's elements.
pub fn row(list: &ListChunked, i: usize) -> Option<Series> {
    let physical = list.get_as_series(i)?;
    // SAFETY: the values are this list's own, read as its physical type; turning them
    // back into the list's element type reinterprets nothing else.
    Some(unsafe { physical.from_physical_unchecked(list.inner_dtype()) }.unwrap_or(physical))
}

#[cfg(test)]
mod tests {
    use super::*;
    use polars::prelude::{DataType, IntoSeries, NamedFrom};

    #[test]
    fn decimal_elements_keep_their_type_and_values() {
        let values = Series::new("".into(), &[150i128, -225]).cast(&DataType::Decimal(5, 2)).unwrap();
        let list = Series::new("".into(), std::slice::from_ref(&values)).list().unwrap().clone().into_series();
        let first = row(list.list().unwrap(), 0).unwrap();
        assert_eq!(first.dtype(), &DataType::Decimal(5, 2));
        assert!(first.equals(&values));
    }
}
