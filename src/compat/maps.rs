//! MAP values are stored as lists of `{key, value}` structs; `m[key]` finds the
//! first entry with that key, NULL when there is none (in ANSI mode too).

use polars::prelude::{self as pl, AnyValue, Column, DataType as PlType, IdxCa, IdxSize, IntoColumn, IntoSeries, ListChunked, NamedFrom, PolarsResult, Series};

pub fn lookup(map: pl::Expr, key: pl::Expr, value_type: PlType) -> pl::Expr {
    let out_type = value_type.clone();
    map.map_many(
        move |cols: &mut [Column]| -> PolarsResult<Column> {
            let maps = cols[0].as_materialized_series().list()?.clone();
            let keys = cols[1].as_materialized_series().clone();
            let n = super::checks::broadcast_len([maps.len(), keys.len()]);
            let at = |len: usize, i: usize| if len == 1 { 0 } else { i };
            let mut values: Vec<AnyValue<'static>> = Vec::with_capacity(n);
            for i in 0..n {
                let wanted = keys.get(at(keys.len(), i))?.into_static();
                let mut found = AnyValue::Null;
                if !wanted.is_null() {
                    if let Some(entries) = super::lists::row(&maps, at(maps.len(), i)) {
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

/// `spark.sql.mapKeyDedupPolicy=LAST_WIN`: each key once, at its first place, with
/// the value of its last entry.
pub fn last_win(map: pl::Expr, out_type: PlType) -> pl::Expr {
    let field_type = out_type.clone();
    map.map_many(
        move |cols: &mut [Column]| -> PolarsResult<Column> {
            let maps = cols[0].as_materialized_series().list()?.clone();
            let mut out: Vec<Option<Series>> = Vec::with_capacity(maps.len());
            for row in (0..maps.len()).map(|i| super::lists::row(&maps, i)) {
                let Some(entries) = row else {
                    out.push(None);
                    continue;
                };
                let fields = entries.struct_()?;
                let (keys, values) = (fields.field_by_name("key")?, fields.field_by_name("value")?);
                let (mut first, mut last): (Vec<IdxSize>, Vec<IdxSize>) = (vec![], vec![]);
                let mut seen: Vec<AnyValue> = vec![];
                for j in 0..keys.len() {
                    let k = keys.get(j)?;
                    match seen.iter().position(|s| *s == k) {
                        Some(p) => last[p] = j as IdxSize,
                        None => {
                            seen.push(k);
                            first.push(j as IdxSize);
                            last.push(j as IdxSize);
                        }
                    }
                }
                let k = keys.take(&IdxCa::from_vec("".into(), first))?;
                let v = values.take(&IdxCa::from_vec("".into(), last))?;
                out.push(Some(pl::StructChunked::from_series("".into(), k.len(), [k, v].iter())?.into_series()));
            }
            let lists: ListChunked = out.into_iter().collect();
            Ok(lists.into_series().cast(&out_type)?.into_column())
        },
        &[],
        move |_, fields| Ok(pl::Field::new(fields[0].name().clone(), field_type.clone())),
    )
}

/// Splits `text` as Java's `String.split(regex, limit)` does, `limit` 0 standing for
/// Java's -1 (no limit, trailing empty strings kept).
fn java_split<'t>(re: &regex::Regex, text: &'t str, limit: usize) -> Vec<&'t str> {
    let mut parts = vec![];
    let mut start = 0;
    for m in re.find_iter(text) {
        if limit > 0 && parts.len() + 1 == limit {
            break;
        }
        // A zero-width match at the start gives no leading empty string (Java 8).
        if m.end() == 0 {
            continue;
        }
        parts.push(&text[start..m.start()]);
        start = m.end();
    }
    parts.push(&text[start..]);
    parts
}

/// `str_to_map(text, pairDelim, keyValueDelim)`: the text split into pairs by the
/// first regex, each pair into key and value at the first match of the second (a
/// pair without one has a NULL value). Patterns are Java regexes.
pub fn str_to_map(text: pl::Expr, pair_delim: pl::Expr, key_value_delim: pl::Expr, out_type: PlType) -> pl::Expr {
    let field_type = out_type.clone();
    text.map_many(
        move |cols: &mut [Column]| -> PolarsResult<Column> {
            let n = super::checks::broadcast_len(cols.iter().map(|c| c.len()));
            let (texts, pairs, kvs) = (cols[0].str()?.clone(), cols[1].str()?.clone(), cols[2].str()?.clone());
            let at = |len: usize, i: usize| if len == 1 { 0 } else { i };
            let mut cache: Vec<(String, regex::Regex)> = vec![];
            let mut compiled = |pattern: &str| -> PolarsResult<regex::Regex> {
                if let Some((_, re)) = cache.iter().find(|(p, _)| p == pattern) {
                    return Ok(re.clone());
                }
                let rust = super::regex::java_to_rust(pattern).map_err(|e| pl::polars_err!(ComputeError: "{}", e))?;
                let re = regex::Regex::new(&rust).map_err(|e| pl::polars_err!(ComputeError: "{}", e))?;
                cache.push((pattern.to_string(), re.clone()));
                Ok(re)
            };
            let (mut keys, mut values): (Vec<String>, Vec<Option<String>>) = (vec![], vec![]);
            let mut spans: Vec<Option<(usize, usize)>> = Vec::with_capacity(n);
            for i in 0..n {
                let row = (texts.get(at(texts.len(), i)), pairs.get(at(pairs.len(), i)), kvs.get(at(kvs.len(), i)));
                let (Some(t), Some(p), Some(kv)) = row else {
                    spans.push(None);
                    continue;
                };
                let (pair_re, kv_re) = (compiled(p)?, compiled(kv)?);
                let start = keys.len();
                for pair in java_split(&pair_re, t, 0) {
                    let mut it = java_split(&kv_re, pair, 2).into_iter();
                    keys.push(it.next().unwrap_or_default().to_string());
                    values.push(it.next().map(str::to_string));
                }
                spans.push(Some((start, keys.len() - start)));
            }
            let (k, v) = (Series::new("key".into(), keys), Series::new("value".into(), values));
            let entries = pl::StructChunked::from_series("".into(), k.len(), [k, v].iter())?.into_series();
            let lists: ListChunked = spans.iter().map(|s| s.map(|(start, len)| entries.slice(start as i64, len))).collect();
            Ok(lists.into_series().cast(&out_type)?.into_column())
        },
        &[pair_delim, key_value_delim],
        move |_, fields| Ok(pl::Field::new(fields[0].name().clone(), field_type.clone())),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_as_java_does() {
        let comma = regex::Regex::new(",").unwrap();
        assert_eq!(java_split(&comma, "a,b,,", 0), vec!["a", "b", "", ""]);
        assert_eq!(java_split(&comma, "", 0), vec![""]);
        let colon = regex::Regex::new(":").unwrap();
        assert_eq!(java_split(&colon, "a:1:2", 2), vec!["a", "1:2"]);
        assert_eq!(java_split(&colon, "c", 2), vec!["c"]);
    }
}
