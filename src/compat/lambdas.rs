//! Lambdas of higher-order functions, evaluated over frames of array elements.
//! A lambda body is lowered like any expression, its variables as columns named
//! by `LambdaVar::engine_name` and the outer columns it reads by their engine
//! names. The kernels here lay a batch's elements out as one frame (one row per
//! element, the element's row's outer values repeated), evaluate the body over it
//! in one vectorised pass and cut the result back into one array per row. Nested
//! lambdas nest frames; a lambda may read outer columns and outer lambdas'
//! variables, as in Spark. `aggregate` folds position by position: one pass per
//! element position over the rows that still have elements.

use polars::prelude::{self as pl, col, AnyValue, Column, DataType as PlType, IdxCa, IdxSize, IntoColumn, IntoLazy, IntoSeries, ListChunked, NamedFrom, PolarsResult, Series};

/// A lowered lambda: its variables' column names, the outer columns its body reads
/// (engine names, in the order they are passed to the kernel) and the body.
#[derive(Clone)]
pub struct Lambda {
    pub params: Vec<String>,
    pub free: Vec<String>,
    /// The outer values named `free`, as the kernel's inputs (usually `col(free)`).
    pub inputs: Vec<pl::Expr>,
    pub body: pl::Expr,
}

impl Lambda {
    /// A lambda whose outer values are columns of the outer frame by those names.
    pub fn reading_columns(params: Vec<String>, free: Vec<String>, body: pl::Expr) -> Lambda {
        let inputs = free.iter().map(|n| col(n.as_str())).collect();
        Lambda { params, free, inputs, body }
    }

    fn inputs(&self) -> Vec<pl::Expr> {
        self.inputs.clone()
    }
}

const OUT: &str = "__lambda_out";

/// Row `i` of an input that may be a broadcast scalar (length 1).
fn at(len: usize, i: usize) -> usize {
    if len == 1 {
        0
    } else {
        i
    }
}

fn rows(cols: &[Column]) -> usize {
    cols.iter().map(|c| c.len()).max().unwrap_or(0)
}

/// The outer columns `free` for the rows `idx`: the kernel's inputs from `first` on.
fn outer_columns(names: &[String], cols: &[Column], idx: &IdxCa) -> PolarsResult<Vec<Column>> {
    names
        .iter()
        .zip(cols)
        .map(|(name, c)| {
            let s = c.as_materialized_series();
            let taken = if s.len() == 1 { s.new_from_index(0, idx.len()) } else { s.take(idx)? };
            Ok(taken.with_name(name.as_str().into()).into_column())
        })
        .collect()
}

/// The body of `lambda` over a frame of `height` rows.
fn evaluate(lambda: &Lambda, height: usize, columns: Vec<Column>, out_type: &PlType) -> PolarsResult<Series> {
    let frame = pl::DataFrame::new(height, columns)?;
    let out = frame.lazy().with_column(lambda.body.clone().alias(OUT)).select([col(OUT)]).collect()?;
    out.column(OUT)?.as_materialized_series().cast(out_type)
}

/// The elements of each row's array, flattened: (elements, row of each, position
/// of each, each row's span in the flat elements or None for a NULL array).
struct Flat {
    values: Series,
    row: Vec<IdxSize>,
    position: Vec<i32>,
    spans: Vec<Option<(usize, usize)>>,
}

fn flatten(list: &ListChunked, n: usize, pad_to: Option<&[usize]>) -> PolarsResult<Flat> {
    let inner = list.inner_dtype().clone();
    let mut values = Series::new_empty("".into(), &inner);
    let (mut row, mut position, mut spans) = (vec![], vec![], Vec::with_capacity(n));
    for i in 0..n {
        let s = list.get_as_series(at(list.len(), i));
        let target = pad_to.map(|p| p[i]);
        match (s, target) {
            (None, None) => spans.push(None),
            (s, _) => {
                let mut s = s.unwrap_or_else(|| Series::new_empty("".into(), &inner));
                if let Some(t) = target {
                    if s.len() < t {
                        s = s.extend_constant(AnyValue::Null, t - s.len())?;
                    }
                }
                spans.push(Some((values.len(), s.len())));
                for p in 0..s.len() {
                    row.push(i as IdxSize);
                    position.push(p as i32);
                }
                values.append(&s)?;
            }
        }
    }
    Ok(Flat { values, row, position, spans })
}

/// The frame's columns for one array's elements: the element, its index if the
/// lambda takes one, then the outer columns.
fn element_frame(lambda: &Lambda, flat: &Flat, outer: &[Column]) -> PolarsResult<Vec<Column>> {
    let idx = IdxCa::from_vec("".into(), flat.row.clone());
    let mut columns = vec![flat.values.clone().with_name(lambda.params[0].as_str().into()).into_column()];
    if let Some(index) = lambda.params.get(1) {
        columns.push(Series::new(index.as_str().into(), &flat.position).into_column());
    }
    columns.extend(outer_columns(&lambda.free, outer, &idx)?);
    Ok(columns)
}

fn regroup(out: &Series, spans: &[Option<(usize, usize)>], elem: &PlType) -> PolarsResult<Series> {
    let lists: ListChunked = spans.iter().map(|s| s.map(|(start, len)| out.slice(start as i64, len))).collect();
    lists.into_series().cast(&PlType::List(Box::new(elem.clone())))
}

/// `transform`: the body per element.
pub fn transform(array: pl::Expr, lambda: Lambda, elem: PlType) -> pl::Expr {
    let args = lambda.inputs();
    let out_type = PlType::List(Box::new(elem.clone()));
    array.map_many(
        move |cols: &mut [Column]| {
            let n = rows(cols);
            let flat = flatten(cols[0].list()?, n, None)?;
            let frame = element_frame(&lambda, &flat, &cols[1..])?;
            let out = evaluate(&lambda, flat.values.len(), frame, &elem)?;
            Ok(regroup(&out, &flat.spans, &elem)?.into_column())
        },
        &args,
        move |_, fields| Ok(pl::Field::new(fields[0].name().clone(), out_type.clone())),
    )
}

/// `filter`: the elements for which the body is true.
pub fn filter(array: pl::Expr, lambda: Lambda, out_type: PlType) -> pl::Expr {
    let args = lambda.inputs();
    let field_type = out_type.clone();
    array.map_many(
        move |cols: &mut [Column]| {
            let n = rows(cols);
            let flat = flatten(cols[0].list()?, n, None)?;
            let frame = element_frame(&lambda, &flat, &cols[1..])?;
            let keep = evaluate(&lambda, flat.values.len(), frame, &PlType::Boolean)?;
            let keep = keep.bool()?;
            let lists: ListChunked = flat
                .spans
                .iter()
                .map(|s| -> PolarsResult<Option<Series>> {
                    match s {
                        None => Ok(None),
                        Some((start, len)) => {
                            let mask: pl::BooleanChunked = (*start..*start + *len).map(|j| Some(keep.get(j) == Some(true))).collect();
                            Ok(Some(flat.values.slice(*start as i64, *len).filter(&mask)?))
                        }
                    }
                })
                .collect::<PolarsResult<_>>()?;
            Ok(lists.into_series().cast(&out_type)?.into_column())
        },
        &args,
        move |_, fields| Ok(pl::Field::new(fields[0].name().clone(), field_type.clone())),
    )
}

/// `exists` (`any = true`) and `forall`: Spark's three-valued OR / AND of the body
/// over the elements.
pub fn quantifier(array: pl::Expr, lambda: Lambda, any: bool) -> pl::Expr {
    let args = lambda.inputs();
    array.map_many(
        move |cols: &mut [Column]| {
            let n = rows(cols);
            let flat = flatten(cols[0].list()?, n, None)?;
            let frame = element_frame(&lambda, &flat, &cols[1..])?;
            let test = evaluate(&lambda, flat.values.len(), frame, &PlType::Boolean)?;
            let test = test.bool()?;
            let out: pl::BooleanChunked = flat
                .spans
                .iter()
                .map(|s| {
                    let (start, len) = (*s)?;
                    let mut unknown = false;
                    for j in start..start + len {
                        match test.get(j) {
                            Some(v) if v == any => return Some(any),
                            None => unknown = true,
                            _ => {}
                        }
                    }
                    if unknown {
                        None
                    } else {
                        Some(!any)
                    }
                })
                .collect();
            Ok(out.into_series().into_column())
        },
        &args,
        move |_, fields| Ok(pl::Field::new(fields[0].name().clone(), PlType::Boolean)),
    )
}

/// `zip_with`: the body over pairs of elements, the shorter array padded with NULLs.
pub fn zip_with(left: pl::Expr, right: pl::Expr, lambda: Lambda, elem: PlType) -> pl::Expr {
    let mut args = vec![right];
    args.extend(lambda.inputs());
    let out_type = PlType::List(Box::new(elem.clone()));
    left.map_many(
        move |cols: &mut [Column]| {
            let n = rows(cols);
            let (a, b) = (cols[0].list()?.clone(), cols[1].list()?.clone());
            let length = |l: &ListChunked, i: usize| l.get_as_series(at(l.len(), i)).map(|s| s.len());
            let mut lengths = Vec::with_capacity(n);
            let mut null_row = Vec::with_capacity(n);
            for i in 0..n {
                let (la, lb) = (length(&a, i), length(&b, i));
                null_row.push(la.is_none() || lb.is_none());
                lengths.push(la.unwrap_or(0).max(lb.unwrap_or(0)));
            }
            let fa = flatten(&a, n, Some(&lengths))?;
            let fb = flatten(&b, n, Some(&lengths))?;
            let idx = IdxCa::from_vec("".into(), fa.row.clone());
            let mut frame = vec![
                fa.values.clone().with_name(lambda.params[0].as_str().into()).into_column(),
                fb.values.clone().with_name(lambda.params[1].as_str().into()).into_column(),
            ];
            frame.extend(outer_columns(&lambda.free, &cols[2..], &idx)?);
            let out = evaluate(&lambda, fa.values.len(), frame, &elem)?;
            let spans: Vec<Option<(usize, usize)>> = fa.spans.iter().zip(&null_row).map(|(s, null)| if *null { None } else { *s }).collect();
            Ok(regroup(&out, &spans, &elem)?.into_column())
        },
        &args,
        move |_, fields| Ok(pl::Field::new(fields[0].name().clone(), out_type.clone())),
    )
}

/// `aggregate(array, zero, merge, finish)`: the accumulator starts at `zero` and
/// `merge` folds in one element position at a time, over the rows that have an
/// element there; `finish` maps the result. NULL for a NULL array.
pub fn aggregate(array: pl::Expr, zero: pl::Expr, merge: Lambda, finish: Option<Lambda>, acc_type: PlType, out_type: PlType) -> pl::Expr {
    let mut args = vec![zero];
    args.extend(merge.inputs());
    if let Some(f) = &finish {
        args.extend(f.inputs());
    }
    let field_type = out_type.clone();
    array.map_many(
        move |cols: &mut [Column]| {
            let n = rows(cols);
            let list = cols[0].list()?.clone();
            let zero = cols[1].as_materialized_series();
            let mut acc = if zero.len() == 1 { zero.new_from_index(0, n) } else { zero.clone() }.cast(&acc_type)?;
            let elements: Vec<Option<Series>> = (0..n).map(|i| list.get_as_series(at(list.len(), i))).collect();
            let longest = elements.iter().flatten().map(|s| s.len()).max().unwrap_or(0);
            let merge_outer = &cols[2..2 + merge.free.len()];
            for k in 0..longest {
                let active: Vec<IdxSize> = (0..n).filter(|&i| elements[i].as_ref().is_some_and(|s| s.len() > k)).map(|i| i as IdxSize).collect();
                let mut items = Series::new_empty("".into(), list.inner_dtype());
                for &i in &active {
                    items.append(&elements[i as usize].as_ref().expect("active rows have elements").slice(k as i64, 1))?;
                }
                let idx = IdxCa::from_vec("".into(), active.clone());
                let mut frame = vec![
                    acc.take(&idx)?.with_name(merge.params[0].as_str().into()).into_column(),
                    items.with_name(merge.params[1].as_str().into()).into_column(),
                ];
                frame.extend(outer_columns(&merge.free, merge_outer, &idx)?);
                let merged = evaluate(&merge, active.len(), frame, &acc_type)?;
                // Active rows take the merged value, the others keep theirs.
                let mut pick: Vec<IdxSize> = (0..n as IdxSize).collect();
                for (j, &i) in active.iter().enumerate() {
                    pick[i as usize] = (n + j) as IdxSize;
                }
                let mut both = acc.clone();
                both.append(&merged)?;
                acc = both.take(&IdxCa::from_vec("".into(), pick))?;
            }
            let all = IdxCa::from_vec("".into(), (0..n as IdxSize).collect());
            let result = match &finish {
                Some(f) => {
                    let mut frame = vec![acc.with_name(f.params[0].as_str().into()).into_column()];
                    frame.extend(outer_columns(&f.free, &cols[2 + merge.free.len()..], &all)?);
                    evaluate(f, n, frame, &out_type)?
                }
                None => acc.cast(&out_type)?,
            };
            let present: pl::BooleanChunked = elements.iter().map(|e| Some(e.is_some())).collect();
            let nulls = Series::full_null("".into(), n, &out_type);
            Ok(result.zip_with(&present, &nulls)?.into_column())
        },
        &args,
        move |_, fields| Ok(pl::Field::new(fields[0].name().clone(), field_type.clone())),
    )
}

/// `array_position`: the 1-based position of the first element for which the body
/// is true, 0 if none; NULL for a NULL array.
pub fn first_position(array: pl::Expr, lambda: Lambda) -> pl::Expr {
    let args = lambda.inputs();
    array.map_many(
        move |cols: &mut [Column]| {
            let n = rows(cols);
            let flat = flatten(cols[0].list()?, n, None)?;
            let frame = element_frame(&lambda, &flat, &cols[1..])?;
            let test = evaluate(&lambda, flat.values.len(), frame, &PlType::Boolean)?;
            let test = test.bool()?;
            let out: pl::Int64Chunked = flat
                .spans
                .iter()
                .map(|s| {
                    let (start, len) = (*s)?;
                    Some((start..start + len).position(|j| test.get(j) == Some(true)).map_or(0, |p| p as i64 + 1))
                })
                .collect();
            Ok(out.into_series().into_column())
        },
        &args,
        move |_, fields| Ok(pl::Field::new(fields[0].name().clone(), PlType::Int64)),
    )
}

/// `flatten`: the inner arrays of each row concatenated; NULL when the outer array
/// or any inner array is NULL.
pub fn flatten_arrays(array: pl::Expr, out_type: PlType) -> pl::Expr {
    let field_type = out_type.clone();
    array.map_many(
        move |cols: &mut [Column]| {
            let outer = cols[0].list()?.clone();
            let PlType::List(inner_type) = &out_type else { return Err(pl::polars_err!(ComputeError: "flatten of a non-array")) };
            let mut out: Vec<Option<Series>> = Vec::with_capacity(outer.len());
            for row in (0..outer.len()).map(|i| outer.get_as_series(i)) {
                let Some(inner) = row else {
                    out.push(None);
                    continue;
                };
                let lists = inner.list()?;
                if lists.null_count() > 0 {
                    out.push(None);
                    continue;
                }
                let mut flat = Series::new_empty("".into(), inner_type);
                for s in (0..lists.len()).filter_map(|j| lists.get_as_series(j)) {
                    flat.append(&s.cast(inner_type)?)?;
                }
                out.push(Some(flat));
            }
            let lists: ListChunked = out.into_iter().collect();
            Ok(lists.into_series().cast(&out_type)?.into_column())
        },
        &[],
        move |_, fields| Ok(pl::Field::new(fields[0].name().clone(), field_type.clone())),
    )
}

/// `map_filter` (`transform = false`: keep the entries for which the body is true)
/// and `transform_values` (replace each value by the body), the lambda taking the
/// entry's key and value.
pub fn map_entries(map: pl::Expr, lambda: Lambda, out_type: PlType, transform: bool) -> pl::Expr {
    let args = lambda.inputs();
    let field_type = out_type.clone();
    map.map_many(
        move |cols: &mut [Column]| {
            let n = rows(cols);
            let flat = flatten(cols[0].list()?, n, None)?;
            let entries = flat.values.struct_()?;
            let (keys, values) = (entries.field_by_name("key")?, entries.field_by_name("value")?);
            let idx = IdxCa::from_vec("".into(), flat.row.clone());
            let mut frame = vec![
                keys.clone().with_name(lambda.params[0].as_str().into()).into_column(),
                values.clone().with_name(lambda.params[1].as_str().into()).into_column(),
            ];
            frame.extend(outer_columns(&lambda.free, &cols[1..], &idx)?);
            let PlType::List(entry_type) = &out_type else { return Err(pl::polars_err!(ComputeError: "map of a non-list type")) };
            let out = if transform {
                let PlType::Struct(fields) = &**entry_type else { return Err(pl::polars_err!(ComputeError: "map entries are not structs")) };
                let new_values = evaluate(&lambda, flat.values.len(), frame, fields[1].dtype())?;
                let entries = pl::StructChunked::from_series("".into(), keys.len(), [keys.clone(), new_values.with_name("value".into())].iter())?;
                regroup(&entries.into_series(), &flat.spans, entry_type)?
            } else {
                let keep = evaluate(&lambda, flat.values.len(), frame, &PlType::Boolean)?;
                let keep = keep.bool()?;
                let lists: ListChunked = flat
                    .spans
                    .iter()
                    .map(|s| -> PolarsResult<Option<Series>> {
                        let Some((start, len)) = s else { return Ok(None) };
                        let mask: pl::BooleanChunked = (*start..*start + *len).map(|j| Some(keep.get(j) == Some(true))).collect();
                        Ok(Some(flat.values.slice(*start as i64, *len).filter(&mask)?))
                    })
                    .collect::<PolarsResult<_>>()?;
                lists.into_series().cast(&out_type)?
            };
            Ok(out.into_column())
        },
        &args,
        move |_, fields| Ok(pl::Field::new(fields[0].name().clone(), field_type.clone())),
    )
}
