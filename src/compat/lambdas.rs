//! Lambdas of higher-order functions, evaluated over frames of array elements.
//! A lambda body is lowered like any expression, its variables as columns named
//! by `LambdaVar::engine_name` and the outer columns it reads by their engine
//! names. The kernels here lay a batch's elements out as one frame (one row per
//! element, the element's row's outer values repeated), evaluate the body over it
//! in one vectorised pass and cut the result back into one array per row. Nested
//! lambdas nest frames; a lambda may read outer columns and outer lambdas'
//! variables, as in Spark. `aggregate` folds position by position: one pass per
//! element position over the rows that still have elements.

use crate::compat::lists::row as list_row;
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
    super::checks::broadcast_len(cols.iter().map(|c| c.len()))
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
        let s = list_row(list, at(list.len(), i));
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

/// The kernel `per_batch` over `array` and `inputs` as one Polars expression of type
/// `out_type` (named after the array).
fn kernel(
    array: pl::Expr,
    inputs: Vec<pl::Expr>,
    out_type: PlType,
    per_batch: impl Fn(&mut [Column]) -> PolarsResult<Series> + Send + Sync + 'static,
) -> pl::Expr {
    array.map_many(
        move |cols: &mut [Column]| Ok(per_batch(cols)?.into_column()),
        &inputs,
        move |_, fields| Ok(pl::Field::new(fields[0].name().clone(), out_type.clone())),
    )
}

/// The walk every one-array lambda shares: the batch's elements (`cols[0]`) laid
/// out as a frame with the outer columns (`cols[1..]`), the body evaluated over it
/// as `out_type`. Gives the flattened elements and the body's value per element.
fn over_elements(lambda: &Lambda, cols: &[Column], out_type: &PlType) -> PolarsResult<(Flat, Series)> {
    let flat = flatten(cols[0].list()?, rows(cols), None)?;
    let frame = element_frame(lambda, &flat, &cols[1..])?;
    let out = evaluate(lambda, flat.values.len(), frame, out_type)?;
    Ok((flat, out))
}

/// Each row's elements for which `keep` is true (NULL counts as false).
fn keep_where(values: &Series, spans: &[Option<(usize, usize)>], keep: &pl::BooleanChunked) -> PolarsResult<ListChunked> {
    spans
        .iter()
        .map(|s| -> PolarsResult<Option<Series>> {
            let Some((start, len)) = s else { return Ok(None) };
            let mask: pl::BooleanChunked = (*start..*start + *len).map(|j| Some(keep.get(j) == Some(true))).collect();
            Ok(Some(values.slice(*start as i64, *len).filter(&mask)?))
        })
        .collect()
}

/// `transform`: the body per element.
pub fn transform(array: pl::Expr, lambda: Lambda, elem: PlType) -> pl::Expr {
    let inputs = lambda.inputs();
    kernel(array, inputs, PlType::List(Box::new(elem.clone())), move |cols| {
        let (flat, out) = over_elements(&lambda, cols, &elem)?;
        regroup(&out, &flat.spans, &elem)
    })
}

/// `filter`: the elements for which the body is true.
pub fn filter(array: pl::Expr, lambda: Lambda, out_type: PlType) -> pl::Expr {
    let inputs = lambda.inputs();
    kernel(array, inputs, out_type.clone(), move |cols| {
        let (flat, keep) = over_elements(&lambda, cols, &PlType::Boolean)?;
        keep_where(&flat.values, &flat.spans, keep.bool()?)?.into_series().cast(&out_type)
    })
}

/// `exists` (`any = true`) and `forall`: Spark's three-valued OR / AND of the body
/// over the elements.
pub fn quantifier(array: pl::Expr, lambda: Lambda, any: bool) -> pl::Expr {
    let inputs = lambda.inputs();
    kernel(array, inputs, PlType::Boolean, move |cols| {
        let (flat, test) = over_elements(&lambda, cols, &PlType::Boolean)?;
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
        Ok(out.into_series())
    })
}

/// The frame of a two-variable lambda: its variables' values, then the outer
/// columns (`outer`) for the rows `row` the values come from.
fn pair_frame(lambda: &Lambda, first: Series, second: Series, row: &[IdxSize], outer: &[Column]) -> PolarsResult<Vec<Column>> {
    let idx = IdxCa::from_vec("".into(), row.to_vec());
    let mut frame = vec![
        first.with_name(lambda.params[0].as_str().into()).into_column(),
        second.with_name(lambda.params[1].as_str().into()).into_column(),
    ];
    frame.extend(outer_columns(&lambda.free, outer, &idx)?);
    Ok(frame)
}

/// `zip_with`: the body over pairs of elements, the shorter array padded with NULLs.
pub fn zip_with(left: pl::Expr, right: pl::Expr, lambda: Lambda, elem: PlType) -> pl::Expr {
    let mut inputs = vec![right];
    inputs.extend(lambda.inputs());
    kernel(left, inputs, PlType::List(Box::new(elem.clone())), move |cols| {
        let n = rows(cols);
        let (a, b) = (cols[0].list()?.clone(), cols[1].list()?.clone());
        let length = |l: &ListChunked, i: usize| list_row(l, at(l.len(), i)).map(|s| s.len());
        let mut lengths = Vec::with_capacity(n);
        let mut null_row = Vec::with_capacity(n);
        for i in 0..n {
            let (la, lb) = (length(&a, i), length(&b, i));
            null_row.push(la.is_none() || lb.is_none());
            lengths.push(la.unwrap_or(0).max(lb.unwrap_or(0)));
        }
        let fa = flatten(&a, n, Some(&lengths))?;
        let fb = flatten(&b, n, Some(&lengths))?;
        let frame = pair_frame(&lambda, fa.values.clone(), fb.values, &fa.row, &cols[2..])?;
        let out = evaluate(&lambda, fa.values.len(), frame, &elem)?;
        let spans: Vec<Option<(usize, usize)>> = fa.spans.iter().zip(&null_row).map(|(s, null)| if *null { None } else { *s }).collect();
        regroup(&out, &spans, &elem)
    })
}

/// `aggregate(array, zero, merge, finish)`: the accumulator starts at `zero` and
/// `merge` folds in one element position at a time, over the rows that have an
/// element there; `finish` maps the result. NULL for a NULL array.
pub fn aggregate(array: pl::Expr, zero: pl::Expr, merge: Lambda, finish: Option<Lambda>, acc_type: PlType, out_type: PlType) -> pl::Expr {
    let mut inputs = vec![zero];
    inputs.extend(merge.inputs());
    if let Some(f) = &finish {
        inputs.extend(f.inputs());
    }
    kernel(array, inputs, out_type.clone(), move |cols| {
        let n = rows(cols);
        let list = cols[0].list()?.clone();
        let zero = cols[1].as_materialized_series();
        let mut acc = if zero.len() == 1 { zero.new_from_index(0, n) } else { zero.clone() }.cast(&acc_type)?;
        let elements: Vec<Option<Series>> = (0..n).map(|i| list_row(&list, at(list.len(), i))).collect();
        let longest = elements.iter().flatten().map(|s| s.len()).max().unwrap_or(0);
        let merge_outer = &cols[2..2 + merge.free.len()];
        for k in 0..longest {
            let active: Vec<IdxSize> = (0..n).filter(|&i| elements[i].as_ref().is_some_and(|s| s.len() > k)).map(|i| i as IdxSize).collect();
            let mut items = Series::new_empty("".into(), list.inner_dtype());
            for &i in &active {
                items.append(&elements[i as usize].as_ref().expect("active rows have elements").slice(k as i64, 1))?;
            }
            let idx = IdxCa::from_vec("".into(), active.clone());
            let frame = pair_frame(&merge, acc.take(&idx)?, items, &active, merge_outer)?;
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
        result.zip_with(&present, &nulls)
    })
}

/// `array_position`: the 1-based position of the first element for which the body
/// is true, 0 if none; NULL for a NULL array.
pub fn first_position(array: pl::Expr, lambda: Lambda) -> pl::Expr {
    let inputs = lambda.inputs();
    kernel(array, inputs, PlType::Int64, move |cols| {
        let (flat, test) = over_elements(&lambda, cols, &PlType::Boolean)?;
        let test = test.bool()?;
        let out: pl::Int64Chunked = flat
            .spans
            .iter()
            .map(|s| {
                let (start, len) = (*s)?;
                Some((start..start + len).position(|j| test.get(j) == Some(true)).map_or(0, |p| p as i64 + 1))
            })
            .collect();
        Ok(out.into_series())
    })
}

/// `flatten`: the inner arrays of each row concatenated; NULL when the outer array
/// or any inner array is NULL.
pub fn flatten_arrays(array: pl::Expr, out_type: PlType) -> pl::Expr {
    kernel(array, vec![], out_type.clone(), move |cols| {
        let outer = cols[0].list()?.clone();
        let PlType::List(inner_type) = &out_type else { return Err(pl::polars_err!(ComputeError: "flatten of a non-array")) };
        let mut out: Vec<Option<Series>> = Vec::with_capacity(outer.len());
        for row in (0..outer.len()).map(|i| list_row(&outer, i)) {
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
            for s in (0..lists.len()).filter_map(|j| list_row(lists, j)) {
                flat.append(&s.cast(inner_type)?)?;
            }
            out.push(Some(flat));
        }
        let lists: ListChunked = out.into_iter().collect();
        lists.into_series().cast(&out_type)
    })
}

/// What a lambda over a map's entries (`(k, v) -> ...`) does with them.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum EntryLambda {
    /// `map_filter`: keeps the entries for which the body is true.
    Keep,
    /// `transform_values`: the body is the entry's new value.
    Values,
    /// `transform_keys`: the body is the entry's new key.
    Keys,
}

/// `map_filter`, `transform_values` and `transform_keys`: the lambda over each
/// entry's key and value (`out_type` is the result map's list-of-entries type).
pub fn map_entries(map: pl::Expr, lambda: Lambda, out_type: PlType, mode: EntryLambda) -> pl::Expr {
    let inputs = lambda.inputs();
    kernel(map, inputs, out_type.clone(), move |cols| {
        let flat = flatten(cols[0].list()?, rows(cols), None)?;
        let entries = flat.values.struct_()?;
        let (keys, values) = (entries.field_by_name("key")?, entries.field_by_name("value")?);
        let frame = pair_frame(&lambda, keys.clone(), values.clone(), &flat.row, &cols[1..])?;
        let PlType::List(entry_type) = &out_type else { return Err(pl::polars_err!(ComputeError: "map of a non-list type")) };
        let PlType::Struct(fields) = &**entry_type else { return Err(pl::polars_err!(ComputeError: "map entries are not structs")) };
        let rebuilt = |k: Series, v: Series| -> PolarsResult<Series> {
            let parts = [k.with_name("key".into()), v.with_name("value".into())];
            let entries = pl::StructChunked::from_series("".into(), keys.len(), parts.iter())?;
            regroup(&entries.into_series(), &flat.spans, entry_type)
        };
        match mode {
            EntryLambda::Values => rebuilt(keys.clone(), evaluate(&lambda, flat.values.len(), frame, fields[1].dtype())?),
            EntryLambda::Keys => rebuilt(evaluate(&lambda, flat.values.len(), frame, fields[0].dtype())?, values.clone()),
            EntryLambda::Keep => {
                let keep = evaluate(&lambda, flat.values.len(), frame, &PlType::Boolean)?;
                keep_where(&flat.values, &flat.spans, keep.bool()?)?.into_series().cast(&out_type)
            }
        }
    })
}

/// Arrays zipped into one array of structs with the fields `names`, the shorter
/// arrays padded with NULLs; NULL when any array is NULL (`arrays_zip`,
/// `map_from_arrays`). `out_type` is the list-of-structs type.
pub fn zip_arrays(arrays: Vec<pl::Expr>, names: Vec<String>, out_type: PlType) -> pl::Expr {
    let mut arrays = arrays.into_iter();
    let first = arrays.next().unwrap_or_else(|| pl::lit(pl::NULL));
    kernel(first, arrays.collect(), out_type.clone(), move |cols| {
        let n = rows(cols);
        let lists: Vec<ListChunked> = cols.iter().map(|c| c.list().cloned()).collect::<PolarsResult<_>>()?;
        let (mut lengths, mut null_row) = (vec![0; n], vec![false; n]);
        for l in &lists {
            for i in 0..n {
                match list_row(l, at(l.len(), i)) {
                    Some(s) => lengths[i] = lengths[i].max(s.len()),
                    None => null_row[i] = true,
                }
            }
        }
        let PlType::List(entry_type) = &out_type else { return Err(pl::polars_err!(ComputeError: "zip of a non-list type")) };
        let PlType::Struct(fields) = &**entry_type else { return Err(pl::polars_err!(ComputeError: "zip into a non-struct")) };
        let flats = lists.iter().map(|l| flatten(l, n, Some(&lengths))).collect::<PolarsResult<Vec<_>>>()?;
        let parts: Vec<Series> = flats
            .iter()
            .zip(&names)
            .zip(fields)
            .map(|((f, name), field)| f.values.cast(field.dtype()).map(|s| s.with_name(name.as_str().into())))
            .collect::<PolarsResult<_>>()?;
        let height = parts.first().map_or(0, |p| p.len());
        let entries = pl::StructChunked::from_series("".into(), height, parts.iter())?.into_series();
        let spans: Vec<Option<(usize, usize)>> = flats[0].spans.iter().zip(&null_row).map(|(s, null)| if *null { None } else { *s }).collect();
        regroup(&entries, &spans, entry_type)
    })
}

/// Elements of one array at most: the comparator of `array_sort` is evaluated over
/// every ordered pair of a row's elements at once (n² values).
const MAX_SORTED_BY_COMPARATOR: usize = 4096;
/// Pairs evaluated in one frame: rows are taken in chunks of about this many.
const PAIRS_PER_FRAME: usize = 1 << 22;

/// `array_sort(a, (l, r) -> int)`: Java's `Arrays.sort` with the comparator. The body
/// is evaluated once over every ordered pair of each row's elements (vectorised);
/// the sort then reads the values it compares. A NULL comparison fails as in Spark
/// (whose unboxing raises a NullPointerException); an error inside the body fails
/// even for a pair the sort would not have compared.
pub fn sort_with(array: pl::Expr, lambda: Lambda, out_type: PlType) -> pl::Expr {
    let inputs = lambda.inputs();
    kernel(array, inputs, out_type.clone(), move |cols| {
        let n = rows(cols);
        let list = cols[0].list()?.clone();
        let elements: Vec<Option<Series>> = (0..n).map(|i| list_row(&list, at(list.len(), i))).collect();
        if elements.iter().flatten().any(|s| s.len() > MAX_SORTED_BY_COMPARATOR) {
            return Err(crate::compat::errors::runtime_error(
                crate::error::ErrorKind::Unsupported,
                "UNSUPPORTED_FEATURE",
                &format!("array_sort with a comparator over an array of more than {MAX_SORTED_BY_COMPARATOR} elements."),
            ));
        }
        let mut sorted: Vec<Option<Series>> = Vec::with_capacity(n);
        let mut first = 0;
        while first < n {
            // The rows [first, last) whose pairs fill one frame.
            let (mut last, mut pairs) = (first, 0usize);
            while last < n && (last == first || pairs < PAIRS_PER_FRAME) {
                pairs += elements[last].as_ref().map_or(0, |s| s.len() * s.len());
                last += 1;
            }
            let comparisons = compare_pairs(&lambda, &elements[first..last], first, list.inner_dtype(), &cols[1..])?;
            let comparisons = comparisons.i32()?;
            let mut offset = 0;
            for e in &elements[first..last] {
                let Some(values) = e else {
                    sorted.push(None);
                    continue;
                };
                let len = values.len();
                let mut compare = |a: usize, b: usize| -> PolarsResult<i32> {
                    comparisons.get(offset + a * len + b).ok_or_else(|| {
                        crate::compat::errors::runtime_error(
                            crate::error::ErrorKind::Runtime,
                            "",
                            "java.lang.NullPointerException: the comparator of array_sort returned NULL",
                        )
                    })
                };
                let order: Vec<IdxSize> = java_sort(len, &mut compare)?.into_iter().map(|i| i as IdxSize).collect();
                sorted.push(Some(values.take(&IdxCa::from_vec("".into(), order))?));
                offset += len * len;
            }
            first = last;
        }
        let lists: ListChunked = sorted.into_iter().collect();
        lists.into_series().cast(&out_type)
    })
}

/// The comparator over every ordered pair `(a, b)` of each row's elements, row after
/// row, `a` major (`rows` start at outer row `first_row`).
fn compare_pairs(lambda: &Lambda, rows: &[Option<Series>], first_row: usize, elem: &PlType, outer: &[Column]) -> PolarsResult<Series> {
    let mut flat = Series::new_empty("".into(), elem);
    let (mut left, mut right, mut row) = (vec![], vec![], vec![]);
    for (i, values) in rows.iter().enumerate() {
        let Some(values) = values else { continue };
        let start = flat.len() as IdxSize;
        let len = values.len() as IdxSize;
        for a in 0..len {
            for b in 0..len {
                left.push(start + a);
                right.push(start + b);
                row.push((first_row + i) as IdxSize);
            }
        }
        flat.append(values)?;
    }
    let left = flat.take(&IdxCa::from_vec("".into(), left))?;
    let right = flat.take(&IdxCa::from_vec("".into(), right))?;
    let frame = pair_frame(lambda, left, right, &row, outer)?;
    evaluate(lambda, row.len(), frame, &PlType::Int32)
}

/// Java's `Arrays.sort(Object[], Comparator)` (TimSort) of `len` elements, as the
/// order of their positions, by `compare(i, j)` of two positions. Below 32 elements
/// exactly TimSort's steps (the first run, reversed if descending, then a binary
/// insertion sort), so even an inconsistent comparator gives Spark's order; above, a
/// stable merge sort, which gives TimSort's order for any consistent comparator.
fn java_sort(len: usize, compare: &mut impl FnMut(usize, usize) -> PolarsResult<i32>) -> PolarsResult<Vec<usize>> {
    let mut a: Vec<usize> = (0..len).collect();
    if len < 2 {
        return Ok(a);
    }
    if len >= 32 {
        merge_sort(&mut a, compare)?;
        return Ok(a);
    }
    let mut run = 2;
    if compare(a[1], a[0])? < 0 {
        while run < len && compare(a[run], a[run - 1])? < 0 {
            run += 1;
        }
        a[..run].reverse();
    } else {
        while run < len && compare(a[run], a[run - 1])? >= 0 {
            run += 1;
        }
    }
    for start in run..len {
        let pivot = a[start];
        let (mut left, mut right) = (0, start);
        while left < right {
            let mid = (left + right) / 2;
            if compare(pivot, a[mid])? < 0 {
                right = mid;
            } else {
                left = mid + 1;
            }
        }
        a[left..=start].rotate_right(1);
    }
    Ok(a)
}

/// A bottom-up stable merge sort: an element of the right half goes first only when
/// it compares below the left one.
fn merge_sort(a: &mut Vec<usize>, compare: &mut impl FnMut(usize, usize) -> PolarsResult<i32>) -> PolarsResult<()> {
    let n = a.len();
    let mut merged = a.clone();
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let (mid, hi) = ((lo + width).min(n), (lo + 2 * width).min(n));
            let (mut i, mut j) = (lo, mid);
            for slot in merged.iter_mut().take(hi).skip(lo) {
                let take_right = j < hi && (i >= mid || compare(a[j], a[i])? < 0);
                if take_right {
                    *slot = a[j];
                    j += 1;
                } else {
                    *slot = a[i];
                    i += 1;
                }
            }
            lo = hi;
        }
        std::mem::swap(a, &mut merged);
        width *= 2;
    }
    Ok(())
}

/// `map_zip_with(m1, m2, (k, v1, v2) -> ...)`: the body over the union of the keys
/// (the first map's in their order, then the second's new ones) with each map's
/// value there or NULL; NULL when either map is. `out_type` is the result map's
/// list-of-entries type.
pub fn map_zip_with(left: pl::Expr, right: pl::Expr, lambda: Lambda, out_type: PlType) -> pl::Expr {
    let mut inputs = vec![right];
    inputs.extend(lambda.inputs());
    kernel(left, inputs, out_type.clone(), move |cols| {
        let n = rows(cols);
        let (a, b) = (cols[0].list()?.clone(), cols[1].list()?.clone());
        let (fa, fb) = (flatten(&a, n, None)?, flatten(&b, n, None)?);
        let (ea, eb) = (fa.values.struct_()?, fb.values.struct_()?);
        let (keys_a, values_a) = (ea.field_by_name("key")?, ea.field_by_name("value")?);
        let (keys_b, values_b) = (eb.field_by_name("key")?, eb.field_by_name("value")?);
        let mut all_keys = keys_a.clone();
        all_keys.append(&keys_b.cast(keys_a.dtype())?)?;
        let (mut key_at, mut v1_at, mut v2_at, mut row) = (vec![], vec![], vec![], vec![]);
        let mut spans = Vec::with_capacity(n);
        for i in 0..n {
            let (Some((sa, la)), Some((sb, lb))) = (fa.spans[i], fb.spans[i]) else {
                spans.push(None);
                continue;
            };
            let start = key_at.len();
            let mut matched = vec![false; lb];
            for x in sa..sa + la {
                let k = keys_a.get(x)?;
                let other = (sb..sb + lb).find(|&y| keys_b.get(y).is_ok_and(|kb| kb == k));
                if let Some(y) = other {
                    matched[y - sb] = true;
                }
                key_at.push(x as IdxSize);
                v1_at.push(Some(x as IdxSize));
                v2_at.push(other.map(|y| y as IdxSize));
                row.push(i as IdxSize);
            }
            for y in (sb..sb + lb).filter(|&y| !matched[y - sb]) {
                key_at.push((keys_a.len() + y) as IdxSize);
                v1_at.push(None);
                v2_at.push(Some(y as IdxSize));
                row.push(i as IdxSize);
            }
            spans.push(Some((start, key_at.len() - start)));
        }
        let keys = all_keys.take(&IdxCa::from_vec("".into(), key_at))?;
        let v1 = values_a.take(&v1_at.into_iter().collect::<IdxCa>())?;
        let v2 = values_b.take(&v2_at.into_iter().collect::<IdxCa>())?;
        let idx = IdxCa::from_vec("".into(), row.clone());
        let mut frame = vec![
            keys.clone().with_name(lambda.params[0].as_str().into()).into_column(),
            v1.with_name(lambda.params[1].as_str().into()).into_column(),
            v2.with_name(lambda.params[2].as_str().into()).into_column(),
        ];
        frame.extend(outer_columns(&lambda.free, &cols[2..], &idx)?);
        let PlType::List(entry_type) = &out_type else { return Err(pl::polars_err!(ComputeError: "map of a non-list type")) };
        let PlType::Struct(fields) = &**entry_type else { return Err(pl::polars_err!(ComputeError: "map entries are not structs")) };
        let values = evaluate(&lambda, row.len(), frame, fields[1].dtype())?;
        let parts = [keys.with_name("key".into()), values.with_name("value".into())];
        let entries = pl::StructChunked::from_series("".into(), row.len(), parts.iter())?;
        regroup(&entries.into_series(), &spans, entry_type)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted_by(values: &[i32], cmp: impl Fn(i32, i32) -> i32) -> Vec<i32> {
        let mut compare = |a: usize, b: usize| -> PolarsResult<i32> { Ok(cmp(values[a], values[b])) };
        java_sort(values.len(), &mut compare).unwrap().into_iter().map(|i| values[i]).collect()
    }

    #[test]
    fn java_sort_is_stable_below_and_above_the_insertion_threshold() {
        // Compared by tens only: equal tens keep their order.
        let small = [31, 12, 35, 11, 20, 13];
        assert_eq!(sorted_by(&small, |a, b| a / 10 - b / 10), vec![12, 11, 13, 20, 31, 35]);
        let large: Vec<i32> = (0..100).map(|i| (i * 37) % 100).collect();
        let out = sorted_by(&large, |a, b| a / 10 - b / 10);
        let mut expected = large.clone();
        expected.sort_by_key(|v| v / 10);
        assert_eq!(out, expected);
    }

    #[test]
    fn java_sort_reverses_a_descending_first_run() {
        assert_eq!(sorted_by(&[5, 4, 3, 9, 1], |a, b| a - b), vec![1, 3, 4, 5, 9]);
        assert_eq!(sorted_by(&[1, 2, 3], |a, b| b - a), vec![3, 2, 1]);
    }

    #[test]
    fn inconsistent_comparators_never_panic() {
        let values: Vec<i32> = (0..64).collect();
        let _ = sorted_by(&values, |_, _| -1);
        let _ = sorted_by(&values[..10], |a, b| if (a + b) % 3 == 0 { 1 } else { -1 });
    }
}
