//! `to_json`: Spark's `JacksonGenerator` with its default options — struct fields that
//! are NULL left out (`ignoreNullFields`), NULL array elements and map values written
//! as `null`, doubles as Java prints them (NaN and infinities quoted), decimals plain,
//! dates `yyyy-MM-dd`, timestamps `yyyy-MM-dd'T'HH:mm:ss.SSSXXX` in the session zone,
//! binaries in Base64. Strings are escaped as Jackson's character writer escapes them
//! (characters outside the BMP are written as they are).

use super::show::{cell_text, struct_values};
use super::timezone::{utc_to_local, Zone};
use crate::ir::text::{date_text, decimal_text, java_double, java_float};
use crate::ir::DataType;
use polars::prelude::AnyValue;

/// One value of type `t` as JSON text appended to `out`.
pub fn write_value(v: &AnyValue, t: &DataType, tz: &Zone, out: &mut String) {
    match v {
        AnyValue::Null => out.push_str("null"),
        AnyValue::Boolean(b) => out.push_str(if *b { "true" } else { "false" }),
        AnyValue::Int8(x) => out.push_str(&x.to_string()),
        AnyValue::Int16(x) => out.push_str(&x.to_string()),
        AnyValue::Int32(x) => out.push_str(&x.to_string()),
        AnyValue::Int64(x) => out.push_str(&x.to_string()),
        AnyValue::Float32(x) => write_float(x.is_finite(), java_float(*x), out),
        AnyValue::Float64(x) => write_float(x.is_finite(), java_double(*x), out),
        AnyValue::Decimal(u, _, s) => out.push_str(&decimal_text(*u, *s as u8)),
        AnyValue::String(s) => write_string(s, out),
        AnyValue::StringOwned(s) => write_string(s, out),
        AnyValue::Binary(b) => write_string(&base64(b), out),
        AnyValue::BinaryOwned(b) => write_string(&base64(b), out),
        AnyValue::Date(d) => write_string(&date_text(*d), out),
        AnyValue::Datetime(us, _, _) | AnyValue::DatetimeOwned(us, _, _) => {
            let text = match t {
                DataType::Timestamp => timestamp_with_zone(*us, tz),
                _ => timestamp_ntz(*us),
            };
            write_string(&text, out)
        }
        AnyValue::List(s) => match t {
            DataType::Map(k, vt, _) => {
                out.push('{');
                for (i, e) in s.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    let kv = struct_values(&e);
                    write_string(&key_text(&kv[0], k, tz), out);
                    out.push(':');
                    write_value(&kv[1], vt, tz, out);
                }
                out.push('}');
            }
            _ => {
                let inner = match t {
                    DataType::Array(e, _) => (**e).clone(),
                    _ => DataType::Null,
                };
                out.push('[');
                for (i, x) in s.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_value(&x, &inner, tz, out);
                }
                out.push(']');
            }
        },
        AnyValue::Struct(..) | AnyValue::StructOwned(..) => {
            let DataType::Struct(fields) = t else { return out.push_str("{}") };
            out.push('{');
            let mut first = true;
            for (f, x) in fields.iter().zip(struct_values(v).iter()) {
                if matches!(x, AnyValue::Null) {
                    continue;
                }
                if !first {
                    out.push(',');
                }
                first = false;
                write_string(&f.name, out);
                out.push(':');
                write_value(x, &f.data_type, tz, out);
            }
            out.push('}');
        }
        other => write_string(&other.to_string(), out),
    }
}

/// A map key as Spark writes it: the key's text (`toString` of the value; a struct's is
/// its row's, `[1,a]`).
fn key_text(k: &AnyValue, t: &DataType, tz: &Zone) -> String {
    match k {
        AnyValue::String(s) => s.to_string(),
        AnyValue::StringOwned(s) => s.to_string(),
        AnyValue::Null => "null".to_string(),
        AnyValue::Struct(..) | AnyValue::StructOwned(..) => {
            let DataType::Struct(fields) = t else { return cell_text(k, t, tz) };
            let texts: Vec<String> = fields.iter().zip(struct_values(k).iter()).map(|(f, x)| key_text(x, &f.data_type, tz)).collect();
            format!("[{}]", texts.join(","))
        }
        other => cell_text(other, t, tz),
    }
}

/// Jackson writes NaN and the infinities as quoted strings.
fn write_float(finite: bool, text: String, out: &mut String) {
    if finite {
        out.push_str(&text);
    } else {
        write_string(&text, out);
    }
}

/// A quoted string with Jackson's escapes (non-ASCII kept).
pub(crate) fn write_string(s: &str, out: &mut String) {
    write_string_escaping(s, out, false);
}

/// Jackson's string escapes; `escape_astral` also writes characters above U+FFFF as
/// their UTF-16 surrogate pair (`\uD83D\uDE00`), as Spark's `to_json` path does.
pub(crate) fn write_string_escaping(s: &str, out: &mut String, escape_astral: bool) {
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04X}", c as u32)),
            c if escape_astral && (c as u32) > 0xFFFF => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{:04X}", u));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `yyyy-MM-dd'T'HH:mm:ss.SSSXXX` in the session zone (`Z` for a zero offset).
pub fn timestamp_with_zone(utc_micros: i64, tz: &Zone) -> String {
    let local = utc_to_local(utc_micros, tz);
    let offset_secs = (local - utc_micros).div_euclid(1_000_000);
    let zone = if offset_secs == 0 {
        "Z".to_string()
    } else {
        let sign = if offset_secs < 0 { '-' } else { '+' };
        let a = offset_secs.abs();
        format!("{sign}{:02}:{:02}", a / 3600, a % 3600 / 60)
    };
    format!("{}{}", wall_clock(local, true), zone)
}

/// `yyyy-MM-dd'T'HH:mm:ss[.SSS]`: the fraction only when it is not zero.
pub fn timestamp_ntz(micros: i64) -> String {
    wall_clock(micros, micros.rem_euclid(1_000_000) / 1000 != 0)
}

fn wall_clock(micros: i64, millis: bool) -> String {
    match chrono::DateTime::from_timestamp_micros(micros) {
        Some(t) if millis => t.naive_utc().format("%Y-%m-%dT%H:%M:%S%.3f").to_string(),
        Some(t) => t.naive_utc().format("%Y-%m-%dT%H:%M:%S").to_string(),
        None => micros.to_string(),
    }
}

/// Standard Base64 with padding, as `java.util.Base64` (Jackson's default variant).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |acc, (i, b)| acc | (*b as u32) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_as_java_writes_it() {
        assert_eq!(base64(b"\x00\xffab"), "AP9hYg==");
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"abc"), "YWJj");
        assert_eq!(base64(b"ab"), "YWI=");
    }

    #[test]
    fn timestamps() {
        let utc = Zone::utc();
        assert_eq!(timestamp_with_zone(1_709_294_400_123_456, &utc), "2024-03-01T12:00:00.123Z");
        let la = crate::compat::timezone::parse("America/Los_Angeles").unwrap();
        assert_eq!(timestamp_with_zone(1_709_294_400_000_000, &la), "2024-03-01T04:00:00.000-08:00");
        assert_eq!(timestamp_ntz(1_709_294_400_000_000), "2024-03-01T12:00:00");
    }
}
