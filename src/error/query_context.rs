//! Spark's `SQLQueryContext`: the fragment of an SQL text an error is about
//! (characters `start..=stop`), and the block Spark's message ends with:
//!
//! ```text
//! == SQL (line 1, position 8) ==
//! SELECT 300Y
//!        ^^^^
//! ```
//!
//! `summary` is a port of `SQLQueryContext.summary` (Spark 4.0.1,
//! sql/api/.../trees/SQLQueryContext.scala): the lines the fragment spans, cut 32
//! characters before and after it with `...`, and carets under the fragment. Indices
//! are characters (Java counts UTF-16 units; they differ only outside the BMP).

/// Characters of text Spark shows on either side of the fragment before cutting it.
const MAX_EXTRA_CONTEXT: i64 = 32;
const TRUNCATED: &str = "...";

/// Where the fragment starting at character `start` of `text` is: Spark's line
/// (1-based) and position in that line (0-based, shown plus one).
pub fn line_and_position(text: &str, start: usize) -> (usize, usize) {
    let before: Vec<char> = text.chars().take(start).collect();
    let line = before.iter().filter(|c| **c == '\n').count() + 1;
    let position = before.iter().rev().take_while(|c| **c != '\n').count();
    (line, position)
}

/// Spark's `SQLQueryContext.summary` for the fragment `start..=stop` (characters) of
/// `text`; empty when the fragment is not inside the text (Spark's `isValid`).
pub fn summary(text: &str, start: usize, stop: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    if start > stop || stop >= chars.len() {
        return String::new();
    }
    let (line, position) = line_and_position(text, start);
    let mut out = format!("== SQL (line {line}, position {}) ==\n", position + 1);
    let (start, stop, len) = (start as i64, stop as i64, chars.len() as i64);
    let at = |i: i64| chars[i as usize];

    let mut line_start = start;
    while line_start >= 0 && start - line_start <= MAX_EXTRA_CONTEXT && at(line_start) != '\n' {
        line_start -= 1;
    }
    let start_truncated = start - line_start > MAX_EXTRA_CONTEXT;
    let mut current = line_start - if start_truncated { TRUNCATED.len() as i64 } else { 0 };

    let mut line_stop = stop;
    while line_stop < len && line_stop - stop <= MAX_EXTRA_CONTEXT && at(line_stop) != '\n' {
        line_stop += 1;
    }
    let stop_truncated = line_stop - stop > MAX_EXTRA_CONTEXT;

    let mut shown = String::new();
    if start_truncated {
        shown.push_str(TRUNCATED);
    }
    shown.extend(&chars[(line_start + 1) as usize..line_stop as usize]);
    if stop_truncated {
        shown.push_str(TRUNCATED);
    }
    for row in java_split_lines(&shown) {
        out.push_str(row);
        out.push('\n');
        current += 1;
        for _ in row.chars() {
            if current < start {
                out.push(' ');
            } else if current <= stop {
                out.push('^');
            }
            current += 1;
        }
        out.push('\n');
    }
    out
}

/// Java's `String.split("\n")`: trailing empty strings dropped, but a text without a
/// newline is itself (`""` gives one empty line).
fn java_split_lines(text: &str) -> Vec<&str> {
    if !text.contains('\n') {
        return vec![text];
    }
    let mut rows: Vec<&str> = text.split('\n').collect();
    while rows.last().is_some_and(|r| r.is_empty()) {
        rows.pop();
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected texts are Spark 4.0.1's, printed by PySpark for these queries.
    #[test]
    fn a_fragment_on_one_line_is_underlined() {
        assert_eq!(summary("SELECT 300Y", 7, 10), "== SQL (line 1, position 8) ==\nSELECT 300Y\n       ^^^^\n");
        assert_eq!(summary("SELECT a + 300Y FROM VALUES (1) t(a)", 11, 14), "== SQL (line 1, position 12) ==\nSELECT a + 300Y FROM VALUES (1) t(a)\n           ^^^^\n");
    }

    #[test]
    fn only_the_fragments_line_of_a_multi_line_text_is_shown() {
        let text = "SELECT 1 AS a,\n  300Y + 1 AS b\nFROM range(1)";
        assert_eq!(summary(text, 17, 20), "== SQL (line 2, position 3) ==\n  300Y + 1 AS b\n  ^^^^\n");
    }

    #[test]
    fn long_lines_are_cut_32_characters_around_the_fragment() {
        let cols = (0..20).map(|i| format!("c{i}")).collect::<Vec<_>>().join(", ");
        let text = format!("SELECT {cols}, TIMESTAMP '2020-13-45 99:00:00' AS ts, {cols} FROM range(1)");
        let expected = "== SQL (line 1, position 98) ==\n..., c14, c15, c16, c17, c18, c19, TIMESTAMP '2020-13-45 99:00:00' AS ts, c0, c1, c2, c3, c4, c5, ...\n                                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n";
        assert_eq!(summary(&text, 97, 127), expected);
    }

    #[test]
    fn a_fragment_over_several_lines_underlines_each() {
        // As Spark prints `SELECT CAST('x'\n AS INT) AS v`'s CAST_INVALID_INPUT.
        let expected = "== SQL (line 1, position 8) ==\nSELECT CAST('x'\n       ^^^^^^^^\n AS INT) AS v\n^^^^^^^^\n";
        assert_eq!(summary("SELECT CAST('x'\n AS INT) AS v", 7, 23), expected);
    }

    #[test]
    fn a_fragment_outside_the_text_has_no_summary() {
        assert_eq!(summary("abc", 2, 3), "");
        assert_eq!(summary("abc", 2, 1), "");
        assert_eq!(line_and_position("é\nab x", 5), (2, 3));
    }
}
