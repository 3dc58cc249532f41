//! `show()`: Spark's cell text (`ToPrettyString`) and table layout
//! (`Dataset.showString`), byte for byte.

use crate::ir::text::{date_text, decimal_text, java_double, java_float, timestamp_text};
use super::timezone::utc_to_local;
use crate::ir::DataType;
use super::timezone::Zone as Tz;
use polars::prelude::AnyValue;

/// The field values of a struct value, borrowed or owned.
pub fn struct_values<'a>(v: &'a AnyValue<'a>) -> Vec<AnyValue<'a>> {
    match v {
        AnyValue::StructOwned(payload) => payload.0.clone(),
        AnyValue::Struct(..) => v._iter_struct_av().collect(),
        _ => vec![],
    }
}

/// The text Spark shows for one value of type `t`; TIMESTAMPs in the session zone `tz`.
pub fn cell_text(v: &AnyValue, t: &DataType, tz: &Tz) -> String {
    if let Some(text) = interval_text(v, t) {
        return text;
    }
    match v {
        AnyValue::Null => "NULL".into(),
        AnyValue::Boolean(b) => b.to_string(),
        AnyValue::Int8(x) => x.to_string(),
        AnyValue::Int16(x) => x.to_string(),
        AnyValue::Int32(x) => x.to_string(),
        AnyValue::Int64(x) => x.to_string(),
        AnyValue::UInt32(x) => x.to_string(),
        AnyValue::Float32(x) => java_float(*x),
        AnyValue::Float64(x) => java_double(*x),
        AnyValue::Decimal(u, _, s) => decimal_text(*u, *s as u8),
        AnyValue::String(s) => s.to_string(),
        AnyValue::StringOwned(s) => s.to_string(),
        AnyValue::Binary(b) => binary_text(b),
        AnyValue::BinaryOwned(b) => binary_text(b),
        AnyValue::Date(d) => date_text(*d),
        AnyValue::Datetime(us, _, _) | AnyValue::DatetimeOwned(us, _, _) => match t {
            DataType::Timestamp => timestamp_text(utc_to_local(*us, tz)),
            _ => timestamp_text(*us),
        },
        AnyValue::List(s) => {
            let inner = match t {
                DataType::Array(e, _) => (**e).clone(),
                DataType::Map(..) => return map_text(s, t, tz),
                _ => DataType::Null,
            };
            let items: Vec<String> = s.iter().map(|x| cell_text(&x, &inner, tz)).collect();
            format!("[{}]", items.join(", "))
        }
        AnyValue::Struct(..) | AnyValue::StructOwned(..) => {
            let fields = match t {
                DataType::Struct(f) => f.clone(),
                _ => vec![],
            };
            let values = struct_values(v);
            let items: Vec<String> = values
                .iter()
                .enumerate()
                .map(|(i, x)| cell_text(x, fields.get(i).map(|f| &f.data_type).unwrap_or(&DataType::Null), tz))
                .collect();
            format!("{{{}}}", items.join(", "))
        }
        other => other.to_string(),
    }
}

/// The text of an interval value (`INTERVAL '1' DAY`, `1 years 2 days`).
pub fn interval_text(v: &AnyValue, t: &DataType) -> Option<String> {
    use super::interval::{calendar_interval_text as calendar_text, day_time_interval_text as day_time_text, year_month_interval_text as year_month_text};
    Some(match (v, t) {
        (AnyValue::Duration(us, _), DataType::DayTimeInterval(s, e)) => day_time_text(*us, *s, *e),
        (AnyValue::Int32(m), DataType::YearMonthInterval(s, e)) => year_month_text(*m, *s, *e),
        (AnyValue::Struct(..) | AnyValue::StructOwned(..), DataType::CalendarInterval) => {
            let parts = struct_values(v);
            let int = |i: usize| match parts.get(i) {
                Some(AnyValue::Int32(x)) => *x as i64,
                Some(AnyValue::Int64(x)) => *x,
                _ => 0,
            };
            calendar_text(int(0) as i32, int(1) as i32, int(2))
        }
        _ => return None,
    })
}

fn binary_text(b: &[u8]) -> String {
    let hex: Vec<String> = b.iter().map(|x| format!("{x:02X}")).collect();
    format!("[{}]", hex.join(" "))
}

fn map_text(entries: &polars::prelude::Series, t: &DataType, tz: &Tz) -> String {
    let DataType::Map(k, v, _) = t else { return String::new() };
    let items: Vec<String> = entries
        .iter()
        .map(|e| {
            let kv = struct_values(&e);
            format!("{} -> {}", cell_text(&kv[0], k, tz), cell_text(&kv[1], v, tz))
        })
        .collect();
    format!("{{{}}}", items.join(", "))
}

/// Spark's `SchemaUtils.escapeMetaCharacters`.
fn escape_meta(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{c}' => out.push_str("\\f"),
            '\u{8}' => out.push_str("\\b"),
            '\u{b}' => out.push_str("\\v"),
            '\u{7}' => out.push_str("\\a"),
            c => out.push(c),
        }
    }
    out
}

/// Spark's `Utils.stringHalfWidth`: the Java (UTF-16) length plus one for each
/// full-width character of its list.
fn half_width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            let u = c as u32;
            let full = matches!(u, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
                | 0xFE10..=0xFE19 | 0xFE30..=0xFE6F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6);
            c.len_utf16() + usize::from(full)
        })
        .sum()
}

/// Spark's cell truncation, which counts and cuts Java (UTF-16) characters.
fn truncate_cell(s: String, truncate: usize) -> String {
    let s = escape_meta(&s);
    let units: Vec<u16> = s.encode_utf16().collect();
    if truncate == 0 || units.len() <= truncate {
        return s;
    }
    let keep = if truncate < 4 { truncate } else { truncate - 3 };
    // A cut through a surrogate pair leaves half a character, which Java prints as '?'.
    let split_pair = keep > 0 && (0xD800..=0xDBFF).contains(&units[keep - 1]);
    let mut t = if split_pair {
        String::from_utf16_lossy(&units[..keep - 1]) + "?"
    } else {
        String::from_utf16_lossy(&units[..keep])
    };
    if truncate >= 4 {
        t.push_str("...");
    }
    t
}

fn pad(cell: &str, width: usize, left: bool) -> String {
    let fill = " ".repeat(width.saturating_sub(half_width(cell)));
    if left { format!("{fill}{cell}") } else { format!("{cell}{fill}") }
}

/// Lays out a table like `Dataset.showString`. `rows` may hold one row more than
/// `n`; that extra row only tells that more data exists.
pub fn show_string(header: &[String], rows: Vec<Vec<String>>, n: usize, truncate: usize, vertical: bool) -> String {
    let has_more = rows.len() > n;
    let header: Vec<String> = header.iter().map(|h| escape_meta(h)).collect();
    let rows: Vec<Vec<String>> =
        rows.into_iter().take(n).map(|r| r.into_iter().map(|c| truncate_cell(c, truncate)).collect()).collect();
    let mut out = String::new();
    const MIN_WIDTH: usize = 3;
    if !vertical {
        let mut widths = vec![MIN_WIDTH; header.len()];
        for row in std::iter::once(&header).chain(rows.iter()) {
            for (i, c) in row.iter().enumerate() {
                widths[i] = widths[i].max(half_width(c));
            }
        }
        let sep: String = format!("+{}+\n", widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>().join("+"));
        let line = |row: &Vec<String>| -> String {
            let cells: Vec<String> = row.iter().enumerate().map(|(i, c)| pad(c, widths[i], truncate > 0)).collect();
            format!("|{}|\n", cells.join("|"))
        };
        out.push_str(&sep);
        out.push_str(&line(&header));
        out.push_str(&sep);
        for r in &rows {
            out.push_str(&line(r));
        }
        out.push_str(&sep);
    } else {
        let name_width = header.iter().map(|h| half_width(h)).fold(MIN_WIDTH, usize::max);
        let data_width = rows.iter().flat_map(|r| r.iter().map(|c| half_width(c))).fold(MIN_WIDTH, usize::max);
        for (i, row) in rows.iter().enumerate() {
            let title = format!("-RECORD {i}");
            let total = name_width + data_width + 5;
            let dashes = total.saturating_sub(title.chars().count());
            out.push_str(&format!("{title}{}\n", "-".repeat(dashes)));
            for (j, cell) in row.iter().enumerate() {
                out.push_str(&format!(" {} | {} \n", pad(&header[j], name_width, false), pad(cell, data_width, false)));
            }
        }
    }
    if vertical && rows.is_empty() {
        out.push_str("(0 rows)");
    } else if has_more {
        out.push_str(&format!("only showing top {n} {}", if n == 1 { "row" } else { "rows" }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_layout() {
        let header = vec!["id".to_string(), "name".to_string()];
        let rows = vec![vec!["1".into(), "Alice".into()], vec!["2".into(), "NULL".into()]];
        let s = show_string(&header, rows, 20, 20, false);
        assert_eq!(s, "+---+-----+\n| id| name|\n+---+-----+\n|  1|Alice|\n|  2| NULL|\n+---+-----+\n");
    }

    #[test]
    fn truncation_and_footer() {
        let header = vec!["s".to_string()];
        let rows = vec![vec!["abcdefghijklmnopqrstuvwxyz".into()], vec!["x".into()]];
        let s = show_string(&header, rows, 1, 20, false);
        assert!(s.contains("abcdefghijklmnopq..."));
        assert!(s.ends_with("only showing top 1 row"));
    }

    #[test]
    fn vertical_layout() {
        let s = show_string(&["a".to_string()], vec![vec!["1".into()]], 20, 20, true);
        assert_eq!(s, "-RECORD 0--\n a   | 1   \n");
    }
}
