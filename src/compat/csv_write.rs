//! A CSV line as Spark's `to_csv` writes it (univocity's CsvWriter with Spark's
//! write settings): leading and trailing whitespace trimmed, a field quoted when it
//! holds the separator, the quote, the escape or a line break, quotes inside a quoted
//! field escaped, NULL as the null value (nothing) and an empty string as `""`.

/// How fields are written.
#[derive(Debug, Clone)]
pub struct Writing {
    pub sep: String,
    pub quote: char,
    pub escape: char,
    pub quote_all: bool,
    pub null_value: String,
}

impl Default for Writing {
    fn default() -> Self {
        Writing { sep: ",".into(), quote: '"', escape: '\\', quote_all: false, null_value: String::new() }
    }
}

/// Univocity trims characters up to and including the space.
fn trim_whitespace(s: &str) -> &str {
    s.trim_matches(|c: char| c <= ' ')
}

/// One field's text, quoted as needed.
fn write_field(value: Option<&str>, w: &Writing, out: &mut String) {
    let Some(value) = value else {
        // quoteAll quotes the null value too.
        if w.quote_all {
            out.push(w.quote);
            out.push_str(&w.null_value);
            out.push(w.quote);
        } else {
            out.push_str(&w.null_value);
        }
        return;
    };
    let value = trim_whitespace(value);
    if value.is_empty() {
        out.push(w.quote);
        out.push(w.quote);
        return;
    }
    let needs_quotes = w.quote_all
        || value.contains(w.sep.as_str())
        || value.chars().any(|c| c == w.quote || c == '\n' || c == '\r');
    if !needs_quotes {
        out.push_str(value);
        return;
    }
    out.push(w.quote);
    for c in value.chars() {
        if c == w.quote {
            out.push(w.escape);
        }
        out.push(c);
    }
    out.push(w.quote);
}

/// A row of field texts (None for NULL) as one CSV line, without a line ending.
pub fn write_line(fields: &[Option<String>], w: &Writing) -> String {
    let mut out = String::new();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push_str(&w.sep);
        }
        write_field(f.as_deref(), w, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_quoted_as_spark_writes_them() {
        let w = Writing::default();
        let line = |xs: &[Option<&str>]| write_line(&xs.iter().map(|x| x.map(String::from)).collect::<Vec<_>>(), &w);
        assert_eq!(line(&[Some("1"), Some("a,b"), None, Some(""), Some(" sp "), Some("q\"x"), Some("line\nbr"), Some("back\\slash")]), "1,\"a,b\",,\"\",sp,\"q\\\"x\",\"line\nbr\",back\\slash");
    }
}
