//! `df.colRegex("`pattern`")` (Spark's `UnresolvedRegex`): in a projection it stands
//! for every input column whose name the Java regex matches in full (case-insensitively
//! unless `spark.sql.caseSensitive`), like a star; `t.`pattern`` only among the columns
//! of `t`.

use crate::compat::regex::java_to_rust;
use crate::error::{Error, ErrorKind, Result};
use crate::ir::{Attribute, Expr, Value};

/// The expression the Column holds; the leading NUL keeps SQL text from reaching it.
const COL_REGEX: &str = "\u{0}colregex";

pub fn col_regex(pattern: &str, qualifier: Option<&str>) -> Expr {
    let qualifier = qualifier.map_or(Value::Null, |q| Value::String(q.to_string()));
    Expr::func(COL_REGEX, vec![Expr::Literal(Value::String(pattern.to_string())), Expr::Literal(qualifier)])
}

/// The pattern and qualifier of a `colRegex` column, if `e` is one.
pub fn as_col_regex(e: &Expr) -> Option<(&str, Option<&str>)> {
    match e {
        Expr::Function { name, args, .. } if name == COL_REGEX => match (&args[0], &args[1]) {
            (Expr::Literal(Value::String(p)), Expr::Literal(Value::String(q))) => Some((p, Some(q))),
            (Expr::Literal(Value::String(p)), _) => Some((p, None)),
            _ => None,
        },
        _ => None,
    }
}

/// The columns of `output` the pattern selects, in order.
pub fn expand<'a>(
    pattern: &str,
    qualifier: Option<&str>,
    output: impl Iterator<Item = &'a Attribute>,
    case_sensitive: bool,
) -> Result<Vec<Expr>> {
    let re = full_match(pattern, case_sensitive)?;
    let names_equal = |a: &str, b: &str| if case_sensitive { a == b } else { a.eq_ignore_ascii_case(b) };
    Ok(output
        .filter(|a| qualifier.is_none_or(|q| a.qualifier.as_deref().is_some_and(|aq| names_equal(aq, q))))
        .filter(|a| re.is_match(&a.name))
        .cloned()
        .map(Expr::Attr)
        .collect())
}

/// Java's `String.matches` (the whole name) with `(?i)` when case-insensitive.
fn full_match(pattern: &str, case_sensitive: bool) -> Result<regex::Regex> {
    let flags = if case_sensitive { "" } else { "(?i)" };
    let java = format!("{flags}{pattern}");
    let rust = java_to_rust(&java).map_err(|e| Error::plain(ErrorKind::IllegalArgument, e.message))?;
    regex::Regex::new(&format!("^(?:{rust})$")).map_err(|e| Error::plain(ErrorKind::IllegalArgument, e.to_string()))
}

/// Outside a projection Spark refuses the regex.
pub fn misplaced(pattern: &str) -> Error {
    Error::analysis("INVALID_USAGE_OF_STAR_OR_REGEX", format!("Invalid usage of regular expression '{pattern}' in expression."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::DataType;

    fn attr(name: &str) -> Attribute {
        Attribute { id: 0, name: name.into(), data_type: DataType::Integer, nullable: true, qualifier: None, metadata: None }
    }

    #[test]
    fn matches_whole_names_case_insensitively() {
        let cols = [attr("a1"), attr("a2"), attr("Bc"), attr("xa1")];
        let names = |p: &str, cs: bool| -> Vec<String> {
            expand(p, None, cols.iter(), cs).unwrap().into_iter().map(|e| if let Expr::Attr(a) = e { a.name } else { String::new() }).collect()
        };
        assert_eq!(names("a.", false), vec!["a1", "a2"]);
        assert_eq!(names("b.", false), vec!["Bc"]);
        assert!(names("b.", true).is_empty());
        assert!(names("(a|B)", false).is_empty());
        assert!(expand("[", None, cols.iter(), false).is_err());
    }
}
