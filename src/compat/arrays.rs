//! Array kernels that Polars' list operations do not express: `array_insert`.

use polars::prelude::{self as pl, Column, DataType as PlType, IntoColumn, IntoSeries, ListChunked, PolarsResult, Series};

/// Where `array_insert` puts its item.
#[derive(Debug, PartialEq, Eq)]
pub enum Placement {
    /// Before the array, with this many NULLs between the item and the array.
    Front { nulls: usize },
    /// At this index of the result; NULLs fill the gap past the array's end.
    At { index: usize },
}

/// Spark's `ArrayInsert` for an array of `len` elements: `pos` is 1-based, negative
/// from the end (-1 after the last element; before it with `legacy`), never 0.
pub fn placement(len: usize, pos: i64, legacy: bool) -> Placement {
    let n = len as i64;
    let legacy_shift = i64::from(legacy);
    if pos < 0 && -pos > n {
        let total = -pos + legacy_shift;
        return Placement::Front { nulls: (total - n - 1) as usize };
    }
    let index = if pos < 0 { pos + n + 1 - legacy_shift } else { pos - 1 };
    Placement::At { index: index as usize }
}

/// `array_insert(array, pos, item)`: NULL for a NULL array or position (0 is
/// refused before this runs).
pub fn insert(array: pl::Expr, pos: pl::Expr, item: pl::Expr, legacy: bool, out_type: PlType) -> pl::Expr {
    let field_type = out_type.clone();
    array.map_many(
        move |cols: &mut [Column]| -> PolarsResult<Column> {
            let PlType::List(elem) = &out_type else { return Err(pl::polars_err!(ComputeError: "array_insert of a non-array")) };
            let n = super::checks::broadcast_len(cols.iter().map(|c| c.len()));
            let at = |len: usize, i: usize| if len == 1 { 0 } else { i };
            let arrays = cols[0].list()?.clone();
            let positions = cols[1].as_materialized_series().cast(&PlType::Int64)?;
            let positions = positions.i64()?;
            let items = cols[2].as_materialized_series().cast(elem)?;
            let mut out: Vec<Option<Series>> = Vec::with_capacity(n);
            for i in 0..n {
                let (Some(a), Some(p)) = (super::lists::row(&arrays, at(arrays.len(), i)), positions.get(at(positions.len(), i))) else {
                    out.push(None);
                    continue;
                };
                if p == 0 {
                    out.push(None);
                    continue;
                }
                let a = a.cast(elem)?;
                let item = items.slice(at(items.len(), i) as i64, 1);
                let nulls = |k: usize| Series::full_null("".into(), k, elem);
                let row = match placement(a.len(), p, legacy) {
                    Placement::Front { nulls: k } => {
                        let mut row = item;
                        row.append(&nulls(k))?;
                        row.append(&a)?;
                        row
                    }
                    Placement::At { index } => {
                        let before = index.min(a.len());
                        let mut row = a.slice(0, before);
                        row.append(&nulls(index - before))?;
                        row.append(&item)?;
                        row.append(&a.slice(before as i64, a.len() - before))?;
                        row
                    }
                };
                out.push(Some(row));
            }
            let lists: ListChunked = out.into_iter().collect();
            Ok(lists.into_series().cast(&out_type)?.into_column())
        },
        &[pos, item],
        move |_, fields| Ok(pl::Field::new(fields[0].name().clone(), field_type.clone())),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_as_spark() {
        use Placement::*;
        // [1, 2, 3]
        assert_eq!(placement(3, 1, false), At { index: 0 });
        assert_eq!(placement(3, 4, false), At { index: 3 });
        assert_eq!(placement(3, 6, false), At { index: 5 });
        assert_eq!(placement(3, -1, false), At { index: 3 });
        assert_eq!(placement(3, -3, false), At { index: 1 });
        assert_eq!(placement(3, -4, false), Front { nulls: 0 });
        assert_eq!(placement(3, -6, false), Front { nulls: 2 });
        assert_eq!(placement(3, -1, true), At { index: 2 });
        assert_eq!(placement(3, -4, true), Front { nulls: 1 });
    }
}
