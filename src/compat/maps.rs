//! MAP values are stored as lists of `{key, value}` structs; `m[key]` finds the
//! first entry with that key, NULL when there is none (in ANSI mode too).

use polars::prelude::{self as pl, AnyValue, Column, DataType as PlType, IntoColumn, PolarsResult};

pub fn lookup(map: pl::Expr, key: pl::Expr, value_type: PlType) -> pl::Expr {
    let out_type = value_type.clone();
    map.map_many(
        move |cols: &mut [Column]| -> PolarsResult<Column> {
            let maps = cols[0].as_materialized_series().list()?.clone();
            let keys = cols[1].as_materialized_series().clone();
            let n = maps.len().max(keys.len());
            let at = |len: usize, i: usize| if len == 1 { 0 } else { i };
            let mut values: Vec<AnyValue<'static>> = Vec::with_capacity(n);
            for i in 0..n {
                let wanted = keys.get(at(keys.len(), i))?.into_static();
                let mut found = AnyValue::Null;
                if !wanted.is_null() {
                    if let Some(entries) = maps.get_as_series(at(maps.len(), i)) {
                        let entries = entries.struct_()?;
                        let (ks, vs) = (entries.field_by_name("key")?, entries.field_by_name("value")?);
                        for j in 0..ks.len() {
                            if ks.get(j)?.into_static() == wanted {
                                found = vs.get(j)?.into_static();
                                break;
                            }
                        }
                    }
                }
                values.push(found);
            }
            let s = pl::Series::from_any_values_and_dtype(cols[0].name().clone(), &values, &value_type, false)?;
            Ok(s.into_column())
        },
        &[key],
        move |_, fields| Ok(pl::Field::new(fields[0].name().clone(), out_type.clone())),
    )
}
