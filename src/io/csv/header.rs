//! `enforceSchema=false` (Spark's `CSVHeaderChecker`): each file's header must name the
//! schema's columns, in order (case-insensitively unless `spark.sql.caseSensitive`),
//! else the read fails; with the default `true` Spark only logs the difference.

use super::tokenizer::Tokens;
use crate::ir::StructField;

/// Why a header does not conform: Spark's message (the cause of its read failure).
pub fn check(header: &Tokens, fields: &[StructField], corrupt_column: &str, case_sensitive: bool) -> Result<(), String> {
    // The corrupt-record column is not in the file.
    let names: Vec<&str> = fields.iter().filter(|f| f.name != corrupt_column).map(|f| f.name.as_str()).collect();
    let found: Vec<&str> = header.iter().map(|t| t.as_deref().unwrap_or("")).collect();
    if found.len() != names.len() {
        return Err(format!(
            "Number of column in CSV header is not equal to number of fields in the schema:\n Header length: {}, schema size: {}",
            found.len(),
            names.len()
        ));
    }
    let same = |a: &str, b: &str| if case_sensitive { a == b } else { a.to_lowercase() == b.to_lowercase() };
    match names.iter().zip(&found).find(|(n, h)| !same(n, h)) {
        Some((n, h)) => Err(format!(
            "CSV header does not conform to the schema.\n Header: {}\n Schema: {}\nExpected: {n} but found: {h}",
            found.join(", "),
            names.join(", ")
        )),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::DataType;

    fn fields(names: &[&str]) -> Vec<StructField> {
        names.iter().map(|n| StructField::new(n.to_string(), DataType::Integer, true)).collect()
    }

    fn header(names: &[Option<&str>]) -> Tokens {
        names.iter().map(|n| n.map(str::to_string)).collect()
    }

    #[test]
    fn names_in_order_and_count() {
        assert!(check(&header(&[Some("a"), Some("B")]), &fields(&["A", "b"]), "_corrupt_record", false).is_ok());
        assert!(check(&header(&[Some("a"), Some("B")]), &fields(&["A", "b"]), "_corrupt_record", true).is_err());
        assert!(check(&header(&[Some("a"), Some("b")]), &fields(&["a", "_corrupt_record", "b"]), "_corrupt_record", false).is_ok());
        let e = check(&header(&[Some("a"), None]), &fields(&["a", "_c1"]), "_corrupt_record", false).unwrap_err();
        assert!(e.ends_with("Expected: _c1 but found: "), "{e}");
        assert!(check(&header(&[Some("a")]), &fields(&["a", "b"]), "_corrupt_record", false).unwrap_err().contains("Header length: 1, schema size: 2"));
    }
}
