//! `Column.withField` and `Column.dropFields` (Spark's `UpdateFields`).
//!
//! The Column API records each call as written (`update_field(s, a.b, x)`, what
//! `repr(Column)` prints). Before naming or resolving, [`expand`] turns it into Spark's
//! form: `update_fields(struct, op, ...)` with one `WithField(name, value)` or
//! `dropfield(name)` operation per step, a dotted path becoming nested `update_fields`
//! over the extracted inner struct, and a call on an `update_fields` appending its
//! operation to that one's list (Spark's `UpdateFields.updateFieldsHelper`), so the
//! column names are Spark's: `update_fields(s, WithField(1), dropfield())`.

use super::typing::data_type;
use crate::error::{Error, Result};
use crate::ir::function::{Func, StructFn};
use crate::ir::{DataType, Expr, StructField, Value};

/// The calls as the Column API writes them. The leading NUL keeps SQL text from
/// reaching them (Spark has no such SQL functions).
pub const WITH_FIELD: &str = "\u{0}update_field";
pub const DROP_FIELD: &str = "\u{0}drop_field";

/// The registry's names of Spark's form (`Flags::DATAFRAME_ONLY`).
pub const UPDATE_FIELDS: &str = "update_fields";
pub const WITH_OP: &str = "withfield";
pub const DROP_OP: &str = "dropfield";

pub fn with_field(base: Expr, field_name: &str, value: Expr) -> Expr {
    Expr::func(WITH_FIELD, vec![base, name_literal(field_name), value])
}

pub fn drop_field(base: Expr, field_name: &str) -> Expr {
    Expr::func(DROP_FIELD, vec![base, name_literal(field_name)])
}

/// Whether a function name is one of the calls as written.
pub fn is_written(name: &str) -> bool {
    name == WITH_FIELD || name == DROP_FIELD
}

/// `repr(Column)`: PySpark prints the call as written, the field path unquoted.
pub fn repr(name: &str, args: &[Expr], item: fn(&Expr) -> String) -> String {
    let shown = if name == WITH_FIELD { "update_field" } else { "drop_field" };
    let texts: Vec<String> = args
        .iter()
        .enumerate()
        .map(|(i, a)| match a {
            Expr::Literal(Value::String(s)) if i == 1 => s.clone(),
            other => item(other),
        })
        .collect();
    format!("{shown}({})", texts.join(", "))
}

/// Spark's form of a call as written, with the analyzer's `OptimizeUpdateFields`
/// step that shows in column names: a list of only `WithField`s naming a field twice
/// keeps one per name, at its first place, with the last value and spelling.
pub fn expand(e: &Expr, case_sensitive: bool) -> Result<Expr> {
    Ok(expand_calls(e)?.transform_up(&mut |node| match node {
        Expr::Function { name, args, distinct } if name == UPDATE_FIELDS => {
            Expr::Function { name, args: dedupe_with_fields(args, case_sensitive), distinct }
        }
        other => other,
    }))
}

fn dedupe_with_fields(args: Vec<Expr>, case_sensitive: bool) -> Vec<Expr> {
    let named: Option<Vec<(String, Expr)>> = args[1..]
        .iter()
        .map(|op| match op {
            Expr::Function { name, args, .. } if name == WITH_OP => match &args[0] {
                Expr::Literal(Value::String(field)) => Some((field.clone(), args[1].clone())),
                _ => None,
            },
            _ => None,
        })
        .collect();
    let Some(named) = named else { return args };
    let key = |n: &str| if case_sensitive { n.to_string() } else { n.to_lowercase() };
    let mut merged: Vec<(String, String, Expr)> = vec![];
    for (field, value) in named {
        match merged.iter_mut().find(|(k, _, _)| *k == key(&field)) {
            Some(slot) => {
                slot.1 = field;
                slot.2 = value;
            }
            None => merged.push((key(&field), field, value)),
        }
    }
    let mut out = vec![args[0].clone()];
    out.extend(merged.into_iter().map(|(_, field, value)| with_op(&field, value)));
    out
}

fn expand_calls(e: &Expr) -> Result<Expr> {
    let Expr::Function { name, args, .. } = e else {
        return Ok(e.clone());
    };
    if !is_written(name) {
        return Ok(e.clone());
    }
    let base = match &args[0] {
        Expr::Function { name, .. } if is_written(name) => expand_calls(&args[0])?,
        other => other.clone(),
    };
    let Expr::Literal(Value::String(path)) = &args[1] else {
        return Err(Error::internal("update_field without a literal field name"));
    };
    let parts = name_parts(path)?;
    let op = |field: &str| match args.get(2) {
        Some(value) if name == WITH_FIELD => with_op(field, value.clone()),
        _ => Expr::func(DROP_OP, vec![name_literal(field)]),
    };
    Ok(update(base, &parts, &op))
}

/// `UpdateFields.updateFieldsHelper`: the operation on the last part; each part
/// before it replaces that field by the inner struct updated.
fn update(base: Expr, parts: &[String], op: &dyn Fn(&str) -> Expr) -> Expr {
    let field = &parts[0];
    let step = if parts.len() == 1 {
        op(field)
    } else {
        let inner = Expr::func("get_field", vec![base.clone(), name_literal(field)]);
        with_op(field, update(inner, &parts[1..], op))
    };
    match base {
        Expr::Function { name, mut args, distinct } if name == UPDATE_FIELDS => {
            args.push(step);
            Expr::Function { name, args, distinct }
        }
        other => Expr::func(UPDATE_FIELDS, vec![other, step]),
    }
}

fn with_op(field: &str, value: Expr) -> Expr {
    Expr::func(WITH_OP, vec![name_literal(field), value])
}

fn name_literal(name: &str) -> Expr {
    Expr::Literal(Value::String(name.to_string()))
}

/// Spark's `parseMultipartIdentifier`: `a.b`, `` `a.b` `` (one part, with ``` `` ``` for a
/// backquote), and the empty name as one empty part.
pub fn name_parts(text: &str) -> Result<Vec<String>> {
    if text.is_empty() {
        return Ok(vec![String::new()]);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut parts = vec![];
    let mut i = 0;
    loop {
        let mut part = String::new();
        let part_start = i;
        if chars.get(i) == Some(&'`') {
            i += 1;
            loop {
                match (chars.get(i), chars.get(i + 1)) {
                    (Some('`'), Some('`')) => {
                        part.push('`');
                        i += 2;
                    }
                    (Some('`'), _) => {
                        i += 1;
                        break;
                    }
                    (Some(c), _) => {
                        part.push(*c);
                        i += 1;
                    }
                    (None, _) => return Err(syntax_error(text, part_start, "'`'", "")),
                }
            }
        } else {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                part.push(chars[i]);
                i += 1;
            }
            if i == start {
                // An empty part: Spark points at the dot before it.
                let at = i.saturating_sub(1);
                return Err(syntax_error(text, at, &format!("'{}'", chars[at]), ""));
            }
        }
        parts.push(part);
        match chars.get(i) {
            None => return Ok(parts),
            Some('.') if i + 1 == chars.len() => return Err(syntax_error(text, i, "'.'", ": extra input '.'")),
            Some('.') => i += 1,
            Some(c) => return Err(syntax_error(text, i, &format!("'{c}'"), &format!(": extra input '{c}'"))),
        }
    }
}

/// Spark's ParseException for an identifier: the token, the hint, at character `pos`.
fn syntax_error(text: &str, pos: usize, near: &str, hint: &str) -> Error {
    let offset = text.char_indices().nth(pos).map_or(text.len(), |(i, _)| i);
    Error::parse_at(
        text,
        offset,
        "PARSE_SYNTAX_ERROR",
        &format!("Syntax error at or near {near}{hint}."),
        vec![("error", near.to_string()), ("hint", hint.to_string())],
    )
}

/// What a field of the updated struct is made of.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldSource {
    /// The input struct's field of this name.
    Kept(String),
    /// The value of the operation at this argument position.
    Value(usize),
}

/// The fields after `UpdateFields`' operations, in order: `WithField` replaces every
/// field its name matches (Spark's resolver: case-insensitive unless
/// `spark.sql.caseSensitive`) under the new name, or appends one; `dropfield` removes
/// every match.
pub fn updated_fields(args: &[Expr], conf: &super::Conf) -> Vec<(StructField, FieldSource)> {
    let DataType::Struct(input) = data_type(&args[0]) else {
        return vec![];
    };
    let mut fields: Vec<(StructField, FieldSource)> = input.into_iter().map(|f| (f.clone(), FieldSource::Kept(f.name))).collect();
    for (i, op) in args.iter().enumerate().skip(1) {
        let Expr::Call(c) = op else { continue };
        let Expr::Literal(Value::String(name)) = c.args[0].unalias() else { continue };
        if c.func == Func::Struct(StructFn::DropField) {
            fields.retain(|(f, _)| !conf.names_equal(&f.name, name));
            continue;
        }
        let added = (StructField::new(name.clone(), data_type(&c.args[1]), c.nullable), FieldSource::Value(i));
        let mut matched = false;
        for slot in fields.iter_mut().filter(|(f, _)| conf.names_equal(&f.name, name)) {
            *slot = added.clone();
            matched = true;
        }
        if !matched {
            fields.push(added);
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::naming::{auto_name, column_repr};

    #[test]
    fn parts_of_dotted_and_quoted_names() {
        assert_eq!(name_parts("a.b").unwrap(), vec!["a", "b"]);
        assert_eq!(name_parts("`a.b`").unwrap(), vec!["a.b"]);
        assert_eq!(name_parts("`a``b`.c").unwrap(), vec!["a`b", "c"]);
        assert_eq!(name_parts("").unwrap(), vec![""]);
        assert!(name_parts("a.").is_err());
        assert!(name_parts("a..b").is_err());
    }

    #[test]
    fn calls_merge_and_nest_as_spark_names_them() {
        let s = Expr::col("s");
        let one = Expr::lit(Value::Integer(1));
        let chained = with_field(with_field(s.clone(), "x", one.clone()), "y", one.clone());
        assert_eq!(auto_name(&chained), "update_fields(s, WithField(1), WithField(1))");
        assert_eq!(column_repr(&chained), "update_field(update_field(s, x, 1), y, 1)");
        let nested = drop_field(drop_field(s, "a"), "b.c");
        assert_eq!(auto_name(&nested), "update_fields(s, dropfield(), WithField(update_fields(update_fields(s, dropfield()).b, dropfield())))");
    }
}
