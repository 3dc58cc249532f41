//! `get_json_object`'s paths as Spark's `GetJsonObject` reads and follows them: its
//! `JsonPathParser` (a subset of JSONPath) and its `evaluatePath`, Hive's rules for
//! wildcards included — a `[*]` matching one element writes it bare, several an array,
//! `[*][*]` flattens, strings are raw at the top and quoted inside arrays. Spark walks
//! Jackson's token stream; this walks the parsed tree (`compat::json`) in the same order
//! and writes through a small model of Jackson's generator (its commas and root
//! separators, raw and raw-value writes).

use super::json::{parse_value, write_jackson, Json};

/// One instruction of Spark's `PathInstruction`s.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Before a field name: `.name` and `['name']` are `Key :: Named(name)`.
    Key,
    Named(String),
    /// Before an index or `*` in brackets: `[3]` is `Subscript :: Index(3)`.
    Subscript,
    Index(u64),
    /// `[*]` (after `Subscript`); `.*` and `['*']` alone, which Spark's evaluation never
    /// matches (get_json_object is NULL).
    Wildcard,
}

/// Spark's `JsonPathParser`: `$` then any of `.*` / `['*']`, `.name` / `['name']`,
/// `[n]` / `[*]`; None for any other text (get_json_object is then NULL).
pub fn parse_path(path: &str) -> Option<Vec<Step>> {
    let mut rest = path.strip_prefix('$')?;
    let mut steps = Vec::new();
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix(".*").or_else(|| rest.strip_prefix("['*']")) {
            steps.push(Step::Wildcard);
            rest = r;
        } else if let Some(r) = rest.strip_prefix("['") {
            let end = r.find('\'')?;
            if end == 0 || !r[end..].starts_with("']") {
                return None;
            }
            steps.extend([Step::Key, Step::Named(r[..end].to_string())]);
            rest = &r[end + 2..];
        } else if let Some(r) = rest.strip_prefix('.') {
            let len = r.find(['.', '[']).unwrap_or(r.len());
            if len == 0 {
                return None;
            }
            steps.extend([Step::Key, Step::Named(r[..len].to_string())]);
            rest = &r[len..];
        } else if let Some(r) = rest.strip_prefix("[*]") {
            steps.extend([Step::Subscript, Step::Wildcard]);
            rest = r;
        } else if let Some(r) = rest.strip_prefix('[') {
            let digits = r.bytes().take_while(|b| b.is_ascii_digit()).count();
            if digits == 0 || !r[digits..].starts_with(']') {
                return None;
            }
            steps.extend([Step::Subscript, Step::Index(r[..digits].parse().ok()?)]);
            rest = &r[digits + 1..];
        } else {
            return None;
        }
    }
    Some(steps)
}

/// `get_json_object(text, path)`: what the path matches, as Spark writes it; None when
/// nothing matches (a field whose value is JSON null does not) or the text is not JSON.
pub fn get_object(text: &str, steps: &[Step]) -> Option<String> {
    let root = parse_value(text)?;
    let mut out = Generator::default();
    evaluate(&root, &mut out, Style::Raw, steps).then_some(out.text)
}

/// Spark's `WriteStyle`: how a matched value is written.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Style {
    /// A string without its quotes (only outside arrays).
    Raw,
    /// Every value as JSON.
    Quoted,
    /// As Quoted, arrays spliced into the enclosing one.
    Flatten,
}

/// The part of Jackson's `JsonGenerator` `evaluatePath` uses: values in an array are
/// separated by commas, root values by a space; `write_raw` adds no separator.
#[derive(Default)]
struct Generator {
    text: String,
    /// Values written so far in each open array.
    arrays: Vec<usize>,
    roots: usize,
}

impl Generator {
    fn before_value(&mut self) {
        let separator = if self.arrays.is_empty() { ' ' } else { ',' };
        let written = self.arrays.last_mut().unwrap_or(&mut self.roots);
        if *written > 0 {
            self.text.push(separator);
        }
        *written += 1;
    }

    fn write_raw(&mut self, s: &str) {
        self.text.push_str(s);
    }

    fn write_raw_value(&mut self, s: &str) {
        self.before_value();
        self.text.push_str(s);
    }

    fn copy(&mut self, v: &Json) {
        self.before_value();
        write_jackson(v, &mut self.text);
    }

    fn start_array(&mut self) {
        self.before_value();
        self.text.push('[');
        self.arrays.push(0);
    }

    fn end_array(&mut self) {
        self.arrays.pop();
        self.text.push(']');
    }
}

/// `GetJsonObjectEvaluator.evaluatePath`, case by case in Spark's order; true when
/// something was written.
fn evaluate(v: &Json, g: &mut Generator, style: Style, path: &[Step]) -> bool {
    use Step::*;
    match (v, path) {
        (Json::Str(s), []) if style == Style::Raw => {
            g.write_raw(s);
            true
        }
        (Json::Array(items), []) if style == Style::Flatten => items.iter().fold(false, |dirty, x| evaluate(x, g, style, &[]) | dirty),
        (_, []) => {
            g.copy(v);
            true
        }
        // Once a field matched, the others are skipped; a field named twice is tried
        // again when the first did not match (its value null, or the rest of the path).
        (Json::Object(fields), [Key, rest @ ..]) => fields.iter().any(|(name, value)| field(name, value, g, style, rest)),
        (Json::Array(items), [Subscript, Wildcard, Subscript, Wildcard, rest @ ..]) => {
            // Hive's non-structure-preserving double wildcard
            g.start_array();
            let dirty = items.iter().fold(false, |dirty, x| evaluate(x, g, Style::Flatten, rest) | dirty);
            g.end_array();
            dirty
        }
        (Json::Array(items), [Subscript, Wildcard, rest @ ..]) if style != Style::Quoted => {
            let next = if style == Style::Raw { Style::Quoted } else { Style::Flatten };
            // One match is written without the array around it (Hive's behaviour).
            let mut buffer = Generator::default();
            buffer.start_array();
            let matched = items.iter().filter(|x| evaluate(x, &mut buffer, next, rest)).count();
            buffer.end_array();
            let text = buffer.text;
            match matched {
                0 => {}
                1 => g.write_raw_value(&text[1..text.len() - 1]),
                _ => g.write_raw_value(&text),
            }
            matched > 0
        }
        (Json::Array(items), [Subscript, Wildcard, rest @ ..]) => {
            g.start_array();
            let dirty = items.iter().fold(false, |dirty, x| evaluate(x, g, Style::Quoted, rest) | dirty);
            g.end_array();
            dirty
        }
        (Json::Array(items), [Subscript, Index(i), rest @ ..]) => {
            // More than one result may follow: quoted from here on.
            let style = if matches!(rest, [Subscript, Wildcard, ..]) { Style::Quoted } else { style };
            usize::try_from(*i).ok().and_then(|i| items.get(i)).is_some_and(|x| evaluate(x, g, style, rest))
        }
        _ => false,
    }
}

/// A field of an object met with the path after its `Key`: Spark's `FIELD_NAME` cases.
fn field(name: &str, value: &Json, g: &mut Generator, style: Style, path: &[Step]) -> bool {
    match path {
        [Step::Named(wanted), rest @ ..] if wanted == name => !matches!(value, Json::Null) && evaluate(value, g, style, rest),
        [Step::Wildcard, rest @ ..] => evaluate(value, g, style, rest),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Step::*;

    fn get(text: &str, path: &str) -> Option<String> {
        get_object(text, &parse_path(path)?)
    }

    #[test]
    fn paths() {
        assert_eq!(parse_path("$"), Some(vec![]));
        assert_eq!(
            parse_path("$.a['b c'][12]"),
            Some(vec![Key, Named("a".into()), Key, Named("b c".into()), Subscript, Index(12)])
        );
        assert_eq!(parse_path("$.a[*]"), Some(vec![Key, Named("a".into()), Subscript, Wildcard]));
        assert_eq!(parse_path("$.*"), Some(vec![Wildcard]));
        assert_eq!(parse_path("$['*']"), Some(vec![Wildcard]));
        for bad in ["a", "$.", "$[-1]", "$[ 0 ]", "$ .a", "$['']", "$[x]", "$..a"] {
            assert_eq!(parse_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn plain_paths() {
        assert_eq!(get(r#"{"a":{"b":"x"}}"#, "$.a.b").as_deref(), Some("x"));
        assert_eq!(get(r#"{"a":{"b":"x"}}"#, "$.a").as_deref(), Some(r#"{"b":"x"}"#));
        assert_eq!(get(r#"{"a":null}"#, "$.a"), None);
        assert_eq!(get(r#"[1,2]"#, "$[5]"), None);
        // a field named twice: the first that leads somewhere
        assert_eq!(get(r#"{"a":null,"a":3}"#, "$.a").as_deref(), Some("3"));
        assert_eq!(get(r#"{"a":{"x":1},"a":{"b":2}}"#, "$.a.b").as_deref(), Some("2"));
    }

    #[test]
    fn wildcards_as_hive_writes_them() {
        let doc = r#"{"a":[{"b":"x"},{"b":"y"},{"c":1}],"n":[[1,2],[3]]}"#;
        assert_eq!(get(doc, "$.a[*].b").as_deref(), Some(r#"["x","y"]"#));
        assert_eq!(get(r#"{"a":[{"b":"x"},{"c":1}]}"#, "$.a[*].b").as_deref(), Some(r#""x""#));
        assert_eq!(get(doc, "$.a[*].z"), None);
        assert_eq!(get(doc, "$.n[*]").as_deref(), Some("[[1,2],[3]]"));
        assert_eq!(get(doc, "$.n[*][*]").as_deref(), Some("[1,2,3]"));
        assert_eq!(get(doc, "$.n[0][*]").as_deref(), Some("[1,2]"));
        assert_eq!(get(r#"["s"]"#, "$[*]").as_deref(), Some(r#""s""#));
        // `.*` and `['*']` never match
        assert_eq!(get(doc, "$.*"), None);
        assert_eq!(get(doc, "$.a['*']"), None);
    }
}
