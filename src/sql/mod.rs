//! Spark SQL text to IR, parsed by sqlparser's Spark dialect: the expressions of
//! `expr()`, `selectExpr()` and `filter("...")` here, queries in `query`, statements
//! (`spark.sql`) in `statement`.

pub mod commands;
mod dialect;
mod errors;
mod intervals;
pub(crate) mod origin;
pub mod parameters;
pub mod query;
pub mod statement;
mod subquery;
mod table_options;
pub mod tables;

use crate::error::sql_lexer::SparkLexer;
use crate::error::{Error, Result};
use crate::ir::{BinaryOp, CastKind, Expr, Value};
use sqlparser::ast as sql;
use sqlparser::dialect::SparkSqlDialect;
use sqlparser::parser::Parser;

mod window;
mod within_group;

/// A text PyRust refuses for a reason of its own, as Spark's syntax error at its start.
pub(crate) fn parse_error(text: &str, detail: impl std::fmt::Display) -> Error {
    errors::refused(text, &detail.to_string())
}

/// Spark 4.0's grammar has no QUALIFY: after a table name it reads the word as the
/// table's alias and stops at the next token, elsewhere it stops at QUALIFY itself.
/// `e` is the query builder's refusal; `text` the statement it came from.
pub(crate) fn qualify_error(text: &str, e: Error) -> Error {
    use sqlparser::keywords::Keyword;
    use sqlparser::tokenizer::{Token, Tokenizer};
    if !e.message.contains(QUALIFY_REFUSED) || text.contains('\n') {
        return e;
    }
    let Ok(tokens) = Tokenizer::new(&SparkSqlDialect {}, text).tokenize_with_location() else { return e };
    let tokens: Vec<_> = tokens.into_iter().filter(|t| !matches!(t.token, Token::Whitespace(_))).collect();
    let Some(at) = tokens.iter().position(|t| matches!(&t.token, Token::Word(w) if w.keyword == Keyword::QUALIFY)) else { return e };
    let after_table = at > 0 && matches!(&tokens[at - 1].token, Token::Word(w) if w.keyword == Keyword::NoKeyword);
    let target = if after_table { tokens.get(at + 1) } else { tokens.get(at) };
    let Some(target) = target else { return e };
    let token = match &target.token {
        Token::Word(w) => w.value.clone(),
        other => other.to_string(),
    };
    errors::syntax_error_at(text, 1, (target.span.start.column as usize).saturating_sub(1), &token)
}

/// The query builder's refusal of QUALIFY, which `qualify_error` places.
pub(crate) const QUALIFY_REFUSED: &str = "QUALIFY is not Spark SQL";

/// Spark's suffixes of typed number literals: `1.5D` double, `1F` float, `5S` smallint,
/// `2Y` tinyint, `1.5BD` decimal (`10L` sqlparser reads itself).
const NUMBER_SUFFIXES: [&str; 5] = ["D", "F", "S", "Y", "BD"];

/// sqlparser's statements for `text`, with a number and a suffix written against it
/// (`0.1d`) kept as one number token: sqlparser would read the suffix as an alias.
pub(crate) fn parse_sql(text: &str) -> std::result::Result<Vec<sql::Statement>, sqlparser::parser::ParserError> {
    use sqlparser::keywords::Keyword;
    use sqlparser::tokenizer::{Token, TokenWithSpan, Tokenizer};
    let dialect = dialect::SparkDialect;
    // String literals are kept as written (`\'` included) and unescaped by `unescape`
    // as Spark's lexer does; backquoted names then undouble their backquotes here.
    let tokens = Tokenizer::new(&SparkLexer, text).with_unescape(false).tokenize_with_location()?;
    let mut merged: Vec<TokenWithSpan> = Vec::with_capacity(tokens.len());
    let line_starts: Vec<usize> =
        std::iter::once(0).chain(text.char_indices().filter(|(_, c)| *c == '\n').map(|(i, _)| text[..=i].chars().count())).collect();
    let mut positional = 0;
    for mut t in tokens {
        if let Token::Word(w) = &mut t.token {
            if w.quote_style == Some('`') {
                w.value = w.value.replace("``", "`");
            }
        }
        if let Token::Placeholder(p) = &mut t.token {
            if p == "?" {
                // Spark names an unbound `?` by its character offset in the text.
                let (line, column) = (t.span.start.line as usize, t.span.start.column as usize);
                let offset = line_starts.get(line.saturating_sub(1)).copied().unwrap_or(0) + column.saturating_sub(1);
                *p = parameters::positional_marker(positional, offset);
                positional += 1;
            }
        }
        // `r'\d+'`: Spark's raw string, its text as written (no escapes).
        if let Token::SingleQuotedString(raw) | Token::DoubleQuotedString(raw) = &t.token {
            let prefix = merged.last().filter(|p| p.span.end == t.span.start);
            if matches!(prefix.map(|p| &p.token), Some(Token::Word(w)) if w.quote_style.is_none() && w.value.eq_ignore_ascii_case("r")) {
                let start = merged.pop().map_or(t.span.start, |p| p.span.start);
                let token = match t.token {
                    Token::SingleQuotedString(_) => Token::SingleQuotedRawStringLiteral(raw.clone()),
                    _ => Token::DoubleQuotedRawStringLiteral(raw.clone()),
                };
                merged.push(TokenWithSpan { token, span: sqlparser::tokenizer::Span::new(start, t.span.end) });
                continue;
            }
        }
        // `TRIM(BOTH FROM s)`: Spark's form without trim characters, which sqlparser
        // reads as `TRIM(BOTH s)` (only right after `(BOTH`: `SELECT leading FROM t` stays).
        if matches!(&t.token, Token::Word(w) if w.keyword == Keyword::FROM) {
            let mut previous = merged.iter().rev().filter(|p| !matches!(p.token, Token::Whitespace(_)));
            let side = matches!(previous.next().map(|p| &p.token), Some(Token::Word(p)) if matches!(p.keyword, Keyword::BOTH | Keyword::LEADING | Keyword::TRAILING));
            if side && matches!(previous.next().map(|p| &p.token), Some(Token::LParen)) {
                continue;
            }
        }
        // `X '1F'`: Spark's type constructor for a binary literal (as `X'1F'`).
        if let Token::SingleQuotedString(hex) = &t.token {
            let previous = merged.iter().rposition(|p| !matches!(p.token, Token::Whitespace(_)));
            if let Some(at) = previous.filter(|&at| at + 1 < merged.len()) {
                if matches!(&merged[at].token, Token::Word(w) if w.quote_style.is_none() && w.value.eq_ignore_ascii_case("x")) {
                    let start = merged[at].span.start;
                    let token = Token::HexStringLiteral(hex.clone());
                    merged.truncate(at);
                    merged.push(TokenWithSpan { token, span: sqlparser::tokenizer::Span::new(start, t.span.end) });
                    continue;
                }
            }
        }
        // `'a' 'b'` is one literal to Spark (`ab`): the tokens are joined.
        if let Token::SingleQuotedString(next) | Token::DoubleQuotedString(next) = &t.token {
            let quote = matches!(t.token, Token::SingleQuotedString(_));
            let previous = merged.iter().rposition(|p| !matches!(p.token, Token::Whitespace(_)));
            if let Some(at) = previous {
                let same = match &merged[at].token {
                    Token::SingleQuotedString(_) => quote,
                    Token::DoubleQuotedString(_) => !quote,
                    _ => false,
                };
                if same {
                    let end = t.span.end;
                    if let Token::SingleQuotedString(s) | Token::DoubleQuotedString(s) = &mut merged[at].token {
                        s.push_str(next);
                    }
                    merged[at].span.end = end;
                    merged.truncate(at + 1);
                    continue;
                }
            }
        }
        if let Token::Word(w) = &mut t.token {
            // `LIKE ANY/SOME/ALL (p, ...)`: sqlparser reads only Snowflake's `LIKE ANY`;
            // the quantifier becomes a call (`__like_any(p, ...)`) that `convert` expands.
            let previous = merged.iter().rev().find(|p| !matches!(p.token, Token::Whitespace(_)));
            let after_like = matches!(previous.map(|p| &p.token), Some(Token::Word(p)) if matches!(p.keyword, Keyword::LIKE | Keyword::ILIKE));
            let quantifier = match w.keyword {
                Keyword::ANY | Keyword::SOME => Some(LIKE_ANY),
                Keyword::ALL => Some(LIKE_ALL),
                _ => None,
            };
            if let (true, Some(name), None) = (after_like, quantifier, w.quote_style) {
                *w = sqlparser::tokenizer::Word { value: name.to_string(), quote_style: None, keyword: Keyword::NoKeyword };
            }
        }
        if let (Some(TokenWithSpan { token: Token::Number(n, false), span }), Token::Word(w)) = (merged.last_mut(), &t.token) {
            let suffix = w.value.to_ascii_uppercase();
            if w.quote_style.is_none() && span.end == t.span.start && NUMBER_SUFFIXES.contains(&suffix.as_str()) {
                n.push_str(&suffix);
                span.end = t.span.end;
                continue;
            }
        }
        merged.push(t);
    }
    values_before_pivot(&mut merged);
    exists_as_function(&mut merged);
    extract_field_as_written(&mut merged);
    intervals::rewrite(&mut merged);
    Parser::new(&dialect).with_tokens_with_locations(merged).parse_statements()
}

/// `extract(week FROM d)`: Spark names the column with the field as written; sqlparser
/// reads its known fields as keywords (upper case), any other word as written.
fn extract_field_as_written(tokens: &mut [sqlparser::tokenizer::TokenWithSpan]) {
    use sqlparser::keywords::Keyword;
    use sqlparser::tokenizer::Token;
    let code: Vec<usize> = (0..tokens.len()).filter(|&i| !matches!(tokens[i].token, Token::Whitespace(_))).collect();
    for (k, &i) in code.iter().enumerate() {
        let Token::Word(w) = &tokens[i].token else { continue };
        if w.keyword != Keyword::EXTRACT || w.quote_style.is_some() {
            continue;
        }
        let (Some(&open), Some(&field)) = (code.get(k + 1), code.get(k + 2)) else { continue };
        if tokens[open].token != Token::LParen {
            continue;
        }
        if let Token::Word(f) = &mut tokens[field].token {
            if f.quote_style.is_none() {
                f.keyword = Keyword::NoKeyword;
            }
        }
    }
}

/// `exists(array, x -> ...)`: Spark's higher-order function, where sqlparser reads an
/// EXISTS subquery. EXISTS followed by `(` and anything but a query is read as a name.
fn exists_as_function(tokens: &mut [sqlparser::tokenizer::TokenWithSpan]) {
    use sqlparser::keywords::Keyword;
    use sqlparser::tokenizer::Token;
    let code: Vec<usize> = (0..tokens.len()).filter(|&i| !matches!(tokens[i].token, Token::Whitespace(_))).collect();
    for (k, &i) in code.iter().enumerate() {
        let Token::Word(w) = &tokens[i].token else { continue };
        if w.keyword != Keyword::EXISTS || w.quote_style.is_some() {
            continue;
        }
        let (Some(&open), Some(&first)) = (code.get(k + 1), code.get(k + 2)) else { continue };
        if tokens[open].token != Token::LParen {
            continue;
        }
        let query = match &tokens[first].token {
            Token::Word(f) => matches!(f.keyword, Keyword::SELECT | Keyword::WITH | Keyword::VALUES | Keyword::FROM | Keyword::TABLE),
            Token::LParen => true,
            _ => false,
        };
        if !query {
            if let Token::Word(w) = &mut tokens[i].token {
                w.keyword = Keyword::NoKeyword;
            }
        }
    }
}

/// `FROM VALUES ... AS t(cols) UNPIVOT (...)` (or PIVOT): sqlparser reads PIVOT/UNPIVOT
/// after a table or a parenthesised subquery only, so the VALUES table is written as
/// one (`FROM (SELECT * FROM VALUES ... AS t(cols)) UNPIVOT (...)`), same rows.
fn values_before_pivot(tokens: &mut Vec<sqlparser::tokenizer::TokenWithSpan>) {
    use sqlparser::keywords::Keyword;
    use sqlparser::tokenizer::{Token, TokenWithSpan, Word};
    let keyword = |t: &TokenWithSpan, k: Keyword| matches!(&t.token, Token::Word(w) if w.keyword == k && w.quote_style.is_none());
    let word = |k: Keyword, value: &str| Token::Word(Word { value: value.to_string(), quote_style: None, keyword: k });
    let mut from = 0;
    while let Some(pivot) = tokens.iter().skip(from).position(|t| keyword(t, Keyword::UNPIVOT) || keyword(t, Keyword::PIVOT)).map(|i| i + from) {
        from = pivot + 1;
        // Back from PIVOT over the VALUES table at the same depth: its rows, AS, the
        // alias and its columns; anything else (a keyword) means it is not one.
        let mut depth = 0i32;
        let mut start = None;
        for i in (0..pivot).rev() {
            match &tokens[i].token {
                Token::RParen => depth += 1,
                Token::LParen => depth -= 1,
                Token::Word(w) if depth == 0 && w.keyword == Keyword::VALUES => {
                    start = Some(i);
                    break;
                }
                Token::Word(w) if depth == 0 && !matches!(w.keyword, Keyword::AS | Keyword::NoKeyword) => break,
                _ => {}
            }
            if depth < 0 {
                break;
            }
        }
        let Some(start) = start else { continue };
        let after_from = tokens[..start].iter().rev().find(|t| !matches!(t.token, Token::Whitespace(_))).is_some_and(|t| keyword(t, Keyword::FROM));
        if !after_from {
            continue;
        }
        let span = tokens[start].span;
        let at = |token: Token| TokenWithSpan { token, span };
        tokens.insert(pivot, at(Token::RParen));
        let opening = [Token::LParen, word(Keyword::SELECT, "SELECT"), Token::Whitespace(sqlparser::tokenizer::Whitespace::Space), Token::Mul, Token::Whitespace(sqlparser::tokenizer::Whitespace::Space), word(Keyword::FROM, "FROM"), Token::Whitespace(sqlparser::tokenizer::Whitespace::Space)];
        let added = opening.len();
        for (k, token) in opening.into_iter().enumerate() {
            tokens.insert(start + k, at(token));
        }
        from = pivot + added + 2;
    }
}

/// Parses one select item: `expr`, `expr AS name`, `*` or `t.*`.
pub fn parse_select_item(text: &str) -> Result<Expr> {
    let query = format!("SELECT {text}");
    let mut statements = parse_sql(&query).map_err(|e| errors::syntax_error(text, &e, "SELECT ".len()))?;
    if statements.len() != 1 {
        return Err(parse_error(text, "expected one expression"));
    }
    let sql::Statement::Query(q) = statements.remove(0) else { return Err(parse_error(text, "expected an expression")) };
    let sql::SetExpr::Select(select) = *q.body else { return Err(parse_error(text, "expected an expression")) };
    if select.projection.len() != 1 || !select.from.is_empty() || select.selection.is_some() {
        return Err(parse_error(text, "expected a single expression"));
    }
    let shift = "SELECT ".len();
    let item = match select.projection.into_iter().next().unwrap() {
        sql::SelectItem::UnnamedExpr(e) => origin::reading(Some(&query), shift, || convert(e)).map(|e| with_names_in(e, text)),
        sql::SelectItem::ExprWithAlias { expr, alias } => {
            origin::reading(Some(&query), shift, || convert(expr)).map(|e| with_names_in(e, text).alias(&alias.value))
        }
        sql::SelectItem::Wildcard(_) => Ok(Expr::Star { qualifier: None, plan_id: None }),
        // `t.*` or `s.*` over a struct (`o.i.*`): the qualifier is the dotted name.
        sql::SelectItem::QualifiedWildcard(sql::SelectItemQualifiedWildcardKind::ObjectName(name), _) => {
            let parts: Vec<String> = name.0.iter().map(|p| p.to_string().trim_matches('`').to_string()).collect();
            Ok(Expr::Star { qualifier: Some(parts.join(".")), plan_id: None })
        }
        other => Err(Error::unsupported(format!("select item `{other}`"))),
    };
    item.map_err(|e| errors::place(e, &query, shift))
}

/// `e`, read from the `expr()` string `text`, with the text as the origin of the names
/// in it (`Origin::SqlText`): their errors are placed in it. An expression without
/// names or calls goes as it is.
fn with_names_in(e: Expr, text: &str) -> Expr {
    if !e.any(&|x| matches!(x, Expr::Unresolved { .. } | Expr::Function { .. })) {
        return e;
    }
    Expr::WithOrigin { expr: Box::new(e), origin: crate::ir::Origin::SqlText { text: std::sync::Arc::from(text) } }
}

/// Parses an expression (no alias allowed beyond what Spark accepts in `expr()`).
pub fn parse_expression(text: &str) -> Result<Expr> {
    if text.trim().is_empty() {
        return Err(Error::empty_statement(text));
    }
    parse_select_item(text)
}

/// A multi-part name (`db.t`, `` `a.b`.c ``) as its parts.
pub fn parse_name(text: &str) -> Result<Vec<String>> {
    if text.trim().is_empty() {
        return Err(Error::empty_statement(text));
    }
    let name = Parser::new(&SparkSqlDialect {}).try_with_sql(text).and_then(|mut p| p.parse_object_name(false)).map_err(|e| {
        // Spark's own identifier parser says where the name stops being one.
        match crate::analysis::update_fields::name_parts(text) {
            Err(spark) => spark,
            Ok(_) => errors::syntax_error(text, &e, 0),
        }
    })?;
    Ok(name.0.iter().map(|p| p.as_ident().map(|i| i.value.clone()).unwrap_or_else(|| p.to_string())).collect())
}

/// An SQL form PyRust does not translate (yet), named.
pub(crate) fn unsupported(what: &str) -> Error {
    Error::unsupported(format!("SQL: {what}"))
}

/// Whether `-n` is one literal to Spark's grammar (`MINUS? INTEGER_VALUE` and the
/// suffixed forms): `-2147483648` is an INT, `-128Y` a TINYINT, `-40000S` out of range.
fn negative_literal(n: &str, long: bool) -> bool {
    let digits = n.strip_suffix(['S', 'Y']).unwrap_or(n);
    digits.bytes().all(|b| b.is_ascii_digit()) && (long || digits != n || format!("-{n}").parse::<i64>().is_ok())
}

/// Spark's INVALID_NUMERIC_LITERAL_RANGE; `digits` is the literal without its suffix.
fn out_of_range(digits: &str, kind: &str, min: &str, max: &str) -> Error {
    Error::new(
        crate::error::ErrorKind::Parse,
        "INVALID_NUMERIC_LITERAL_RANGE",
        format!("Numeric literal {digits} is outside the valid range for {kind} with minimum value of {min} and maximum value of {max}. Please adjust the value accordingly. SQLSTATE: 22003"),
    )
}

fn number(text: &str, long: bool) -> Result<Value> {
    if long {
        return text.parse().map(Value::Long).map_err(|_| {
            if text.trim_start_matches('-').bytes().all(|b| b.is_ascii_digit()) {
                out_of_range(text, "bigint", "-9223372036854775808", "9223372036854775807")
            } else {
                parse_error(text, "invalid long literal")
            }
        });
    }
    if let Some(d) = text.strip_suffix("BD") {
        return match number(d, false)? {
            Value::Integer(i) => Ok(Value::Decimal(i as i128, d.len().max(1) as u8, 0)),
            Value::Long(i) => Ok(Value::Decimal(i as i128, d.len().max(1) as u8, 0)),
            v @ Value::Decimal(..) => Ok(v),
            _ => Err(parse_error(text, "invalid decimal literal")),
        };
    }
    if let Some(d) = text.strip_suffix(['d', 'D']) {
        return match d.parse::<f64>() {
            Ok(v) if v.is_infinite() => Err(out_of_range(d, "double", "-1.7976931348623157E+308", "1.7976931348623157E+308")),
            Ok(v) => Ok(Value::Double(v)),
            Err(_) => Err(parse_error(text, "invalid double literal")),
        };
    }
    if let Some(f) = text.strip_suffix('F') {
        return f.parse().map(Value::Float).map_err(|_| parse_error(text, "invalid float literal"));
    }
    // Spark names the literal without its type suffix (`rawStrippedQualifier`).
    if let Some(s) = text.strip_suffix('S') {
        return s.parse::<i16>().map(Value::Short).map_err(|_| out_of_range(s, "smallint", "-32768", "32767"));
    }
    if let Some(y) = text.strip_suffix('Y') {
        return y.parse::<i8>().map(Value::Byte).map_err(|_| out_of_range(y, "tinyint", "-128", "127"));
    }
    if text.contains(['e', 'E']) {
        return text.parse().map(Value::Double).map_err(|_| parse_error(text, "invalid double literal"));
    }
    if let Some((int, frac)) = text.split_once('.') {
        // Spark reads `1.5` as DECIMAL(2,1).
        let digits = format!("{int}{frac}");
        let unscaled: i128 = digits.parse().map_err(|_| parse_error(text, "invalid decimal literal"))?;
        let scale = frac.len() as u8;
        let precision = (digits.trim_start_matches('0').len() as u8).max(scale).max(1);
        return Ok(Value::Decimal(unscaled, precision, scale));
    }
    if let Ok(i) = text.parse::<i32>() {
        return Ok(Value::Integer(i));
    }
    if let Ok(l) = text.parse::<i64>() {
        return Ok(Value::Long(l));
    }
    let unscaled: i128 = text.parse().map_err(|_| parse_error(text, "invalid number"))?;
    Ok(Value::Decimal(unscaled, text.len().min(38) as u8, 0))
}

fn value(v: sql::Value) -> Result<Expr> {
    Ok(Expr::Literal(match v {
        sql::Value::Number(n, long) => number(&n, long)?,
        sql::Value::SingleQuotedString(s) => Value::String(literal_text(&s, '\'')),
        sql::Value::DoubleQuotedString(s) => Value::String(literal_text(&s, '"')),
        sql::Value::SingleQuotedRawStringLiteral(s) | sql::Value::DoubleQuotedRawStringLiteral(s) => Value::String(s),
        sql::Value::Boolean(b) => Value::Boolean(b),
        sql::Value::Null => Value::Null,
        sql::Value::HexStringLiteral(h) => Value::Binary(hex_bytes(&h).ok_or_else(|| parse_error(&h, "invalid hex literal"))?),
        sql::Value::Placeholder(p) => return parameters::bind(&p),
        other => return Err(Error::unsupported(format!("SQL literal {other}"))),
    }))
}

/// `X'0AFF'`: an odd number of digits has an implied leading 0, as Spark's `Hex.unhex`.
fn hex_bytes(h: &str) -> Option<Vec<u8>> {
    let digits = if h.len() % 2 == 1 { format!("0{h}") } else { h.to_string() };
    (0..digits.len()).step_by(2).map(|i| u8::from_str_radix(digits.get(i..i + 2)?, 16).ok()).collect()
}

/// A string literal's value: unescaped, or as written with
/// `spark.sql.parser.escapedStringLiterals` (Spark 1.6's behaviour: backslashes kept).
fn literal_text(s: &str, quote: char) -> String {
    if !ESCAPED_STRING_LITERALS.with(|e| e.get()) {
        return unescape(s, quote);
    }
    // Only a doubled quote (two adjacent literals, concatenated) is read.
    let doubled: String = [quote, quote].iter().collect();
    s.replace(&doubled, "")
}

/// Spark's backslash escapes in string literals (`ParserUtils.unescapeSQLString`):
/// `\n`, `\t`, `\uXXXX`, octal `\ooo`..., `\%` and `\_` kept for LIKE, any other
/// escaped character as itself. The tokenizer keeps a doubled quote (`'a''b'`) as
/// written: Spark reads it as two adjacent literals, concatenated (`ab`).
pub(super) fn unescape(s: &str, quote: char) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == quote && chars.get(i + 1) == Some(&quote) {
            i += 2;
            continue;
        }
        if c != '\\' || i + 1 >= chars.len() {
            out.push(c);
            i += 1;
            continue;
        }
        let hex = |from: usize, n: usize| -> Option<char> {
            let digits: String = chars.get(from..from + n)?.iter().collect();
            char::from_u32(u32::from_str_radix(&digits, 16).ok()?)
        };
        let octal = |k: usize| chars.get(i + k).and_then(|d| d.to_digit(8));
        match chars[i + 1] {
            'u' if hex(i + 2, 4).is_some() => {
                out.extend(hex(i + 2, 4));
                i += 6;
                continue;
            }
            'U' if hex(i + 2, 8).is_some() => {
                out.extend(hex(i + 2, 8));
                i += 10;
                continue;
            }
            '0' | '1' if octal(2).is_some() && octal(3).is_some() => {
                let v = chars[i + 1].to_digit(8).unwrap_or(0) * 64 + octal(2).unwrap_or(0) * 8 + octal(3).unwrap_or(0);
                out.extend(char::from_u32(v));
                i += 4;
                continue;
            }
            '0' => out.push('\u{0}'),
            'b' => out.push('\u{8}'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'Z' => out.push('\u{1A}'),
            '%' => out.push_str("\\%"),
            '_' => out.push_str("\\_"),
            other => out.push(other),
        }
        i += 2;
    }
    out
}

fn binary_op(op: &sql::BinaryOperator) -> Option<BinaryOp> {
    use sql::BinaryOperator as B;
    Some(match op {
        B::Plus => BinaryOp::Add,
        B::Minus => BinaryOp::Subtract,
        B::Multiply => BinaryOp::Multiply,
        B::Divide => BinaryOp::Divide,
        B::Modulo => BinaryOp::Modulo,
        B::Eq => BinaryOp::Eq,
        B::Lt => BinaryOp::Lt,
        B::LtEq => BinaryOp::LtEq,
        B::Gt => BinaryOp::Gt,
        B::GtEq => BinaryOp::GtEq,
        B::And => BinaryOp::And,
        B::Or => BinaryOp::Or,
        B::Spaceship => BinaryOp::EqNullSafe,
        B::MyIntegerDivide | B::DuckIntegerDivide => BinaryOp::IntegralDivide,
        _ => return None,
    })
}

fn not(e: Expr) -> Expr {
    Expr::Not(Box::new(e))
}

/// An SQL expression as an unresolved IR expression; one that can fail carries its
/// origin in the text being read (`origin`).
pub(crate) fn convert(e: sql::Expr) -> Result<Expr> {
    let written = if origin::may_fail(&e) { origin::extent(&e) } else { None };
    Ok(origin::located(convert_node(e)?, written))
}

fn convert_node(e: sql::Expr) -> Result<Expr> {
    Ok(match e {
        sql::Expr::Identifier(id) => Expr::Unresolved { parts: vec![id.value], plan_id: None },
        sql::Expr::CompoundIdentifier(ids) => Expr::Unresolved { parts: ids.into_iter().map(|i| i.value).collect(), plan_id: None },
        sql::Expr::Value(v) => {
            let span = v.span;
            value(v.value).map_err(|e| errors::at_span(e, span, errors::Reach::SPAN))?
        }
        sql::Expr::Nested(e) => convert(*e)?,
        // `(a, b + 1)`: Spark's parser makes a struct, its fields named after the columns
        // it reads or `col2` (CreateStruct): `named_struct(a, a, col2, (b + 1))`.
        sql::Expr::Tuple(items) => {
            let mut args = vec![];
            for (i, item) in items.into_iter().enumerate() {
                let e = convert(item)?;
                let name = match e.without_origin() {
                    Expr::Unresolved { parts, .. } => parts.last().cloned().unwrap_or_default(),
                    _ => format!("col{}", i + 1),
                };
                args.extend([Expr::Literal(Value::String(name)), e]);
            }
            Expr::Function { name: "named_struct".into(), args, distinct: false }
        }
        sql::Expr::BinaryOp { left, op, right } => {
            let (l, r) = (convert(*left)?, convert(*right)?);
            match op {
                sql::BinaryOperator::NotEq => not(Expr::binary(BinaryOp::Eq, l, r)),
                // Spark's bitwise operators are functions named by their symbols.
                sql::BinaryOperator::BitwiseAnd => Expr::func("&", vec![l, r]),
                sql::BinaryOperator::BitwiseOr => Expr::func("|", vec![l, r]),
                sql::BinaryOperator::BitwiseXor => Expr::func("^", vec![l, r]),
                sql::BinaryOperator::PGBitwiseShiftLeft => Expr::func("<<", vec![l, r]),
                sql::BinaryOperator::PGBitwiseShiftRight => Expr::func(">>", vec![l, r]),
                sql::BinaryOperator::Custom(op) if op == dialect::UNSIGNED_SHIFT_RIGHT => Expr::func(&op, vec![l, r]),
                // Spark's parser reads `a || b` as concat(a, b).
                sql::BinaryOperator::StringConcat => Expr::func("concat", vec![l, r]),
                other => match binary_op(&other) {
                    Some(op) => Expr::binary(op, l, r),
                    None => return Err(Error::unsupported(format!("SQL operator {other}"))),
                },
            }
        }
        sql::Expr::UnaryOp { op, expr } => match op {
            sql::UnaryOperator::Not => not(convert(*expr)?),
            sql::UnaryOperator::Plus => Expr::func("positive", vec![convert(*expr)?]),
            sql::UnaryOperator::BitwiseNot => Expr::func("~", vec![convert(*expr)?]),
            // `-2147483648` is one literal to Spark: an INT (as `-9223372036854775808` a BIGINT).
            sql::UnaryOperator::Minus if matches!(&*expr, sql::Expr::Value(v) if matches!(&v.value, sql::Value::Number(n, long) if negative_literal(n, *long))) => {
                let sql::Expr::Value(v) = *expr else { return Err(Error::internal("checked literal")) };
                let sql::Value::Number(n, long) = v.value else { return Err(Error::internal("checked literal")) };
                // Spark's fragment of `-40000S` starts at the minus.
                Expr::Literal(number(&format!("-{n}"), long).map_err(|e| errors::at_span(e, v.span, errors::Reach::TOKEN_BEFORE))?)
            }
            // Only a number written after the minus is a negative literal: `- -1` is
            // `(- -1)` in Spark.
            sql::UnaryOperator::Minus if !matches!(*expr, sql::Expr::Value(..)) => Expr::func("-", vec![convert(*expr)?]),
            sql::UnaryOperator::Minus => match convert(*expr)? {
                // The smallest value has no negation in its type: Spark's negate decides.
                Expr::Literal(Value::Integer(i)) if i != i32::MIN => Expr::Literal(Value::Integer(-i)),
                Expr::Literal(Value::Long(i)) if i != i64::MIN => Expr::Literal(Value::Long(-i)),
                Expr::Literal(Value::Double(d)) => Expr::Literal(Value::Double(-d)),
                Expr::Literal(Value::Float(d)) => Expr::Literal(Value::Float(-d)),
                Expr::Literal(Value::Short(i)) if i != i16::MIN => Expr::Literal(Value::Short(-i)),
                Expr::Literal(Value::Byte(i)) if i != i8::MIN => Expr::Literal(Value::Byte(-i)),
                Expr::Literal(Value::Decimal(u, p, s)) => Expr::Literal(Value::Decimal(-u, p, s)),
                other => Expr::func("-", vec![other]),
            },
            other => return Err(Error::unsupported(format!("SQL operator {other}"))),
        },
        sql::Expr::Subquery(q) => subquery::placeholder(subquery::Kind::Scalar, *q),
        sql::Expr::Exists { subquery, negated } => {
            let e = subquery::placeholder(subquery::Kind::Exists, *subquery);
            if negated { not(e) } else { e }
        }
        sql::Expr::In { expr, target: sql::InTarget::Subquery(subquery), negated, .. } => {
            let e = subquery::placeholder(subquery::Kind::In(convert(*expr)?), *subquery);
            if negated { not(e) } else { e }
        }
        // Spark rewrites `a IS [NOT] DISTINCT FROM b` to `[NOT] (a <=> b)`, names too.
        sql::Expr::IsDistinctFrom(a, b) => not(Expr::binary(BinaryOp::EqNullSafe, convert(*a)?, convert(*b)?)),
        sql::Expr::IsNotDistinctFrom(a, b) => Expr::binary(BinaryOp::EqNullSafe, convert(*a)?, convert(*b)?),
        sql::Expr::IsNull(e) => Expr::IsNull(Box::new(convert(*e)?)),
        sql::Expr::IsNotNull(e) => Expr::IsNotNull(Box::new(convert(*e)?)),
        sql::Expr::In { expr, target: sql::InTarget::List(list), negated, .. } => {
            let e = Expr::In { expr: Box::new(convert(*expr)?), list: list.into_iter().map(convert).collect::<Result<_>>()? };
            if negated { not(e) } else { e }
        }
        sql::Expr::Between { expr, negated, low, high } => {
            let x = convert(*expr)?;
            let e = Expr::binary(
                BinaryOp::And,
                Expr::binary(BinaryOp::GtEq, x.clone(), convert(*low)?),
                Expr::binary(BinaryOp::LtEq, x, convert(*high)?),
            );
            if negated { not(e) } else { e }
        }
        sql::Expr::Like { negated, expr, pattern, escape_char, any: false } => match quantified(&pattern) {
            Some((all, patterns)) => like_quantified(false, negated, all, *expr, patterns, escape_char)?,
            None => {
                let e = Expr::func("like", like_args(*expr, *pattern, escape_char)?);
                if negated { not(e) } else { e }
            }
        },
        sql::Expr::ILike { negated, expr, pattern, escape_char, any: false } => match quantified(&pattern) {
            Some((all, patterns)) => like_quantified(true, negated, all, *expr, patterns, escape_char)?,
            None => {
                let e = Expr::func("ilike", like_args(*expr, *pattern, escape_char)?);
                if negated { not(e) } else { e }
            }
        },
        sql::Expr::RLike { negated, expr, pattern, .. } => {
            let e = Expr::func("rlike", vec![convert(*expr)?, convert(*pattern)?]);
            if negated { not(e) } else { e }
        }
        sql::Expr::Case { operand, conditions, else_result, .. } => {
            let operand = operand.map(|o| convert(*o)).transpose()?;
            let branches = conditions
                .into_iter()
                .map(|w| {
                    let c = convert(w.condition)?;
                    let c = match &operand {
                        Some(o) => Expr::binary(BinaryOp::Eq, o.clone(), c),
                        None => c,
                    };
                    Ok((c, convert(w.result)?))
                })
                .collect::<Result<Vec<_>>>()?;
            Expr::case_when(branches, else_result.map(|e| convert(*e)).transpose()?)
        }
        sql::Expr::Cast { kind, expr, data_type, .. } => {
            let to = crate::ir::types::parse_ddl_type(&data_type.to_string())?;
            let kind = match kind {
                sql::CastKind::TryCast | sql::CastKind::SafeCast => CastKind::Try,
                _ => CastKind::Cast,
            };
            Expr::Cast { expr: Box::new(convert(*expr)?), to, kind }
        }
        sql::Expr::Substring { expr, substring_from, substring_for, shorthand, special } => {
            let mut args = vec![convert(*expr)?];
            if let Some(f) = substring_from {
                args.push(convert(*f)?);
            }
            if let Some(f) = substring_for {
                args.push(convert(*f)?);
            }
            // `substr(s FROM 5)` is Spark's Substring, named `substring`.
            Expr::func(if shorthand && special { "substr" } else { "substring" }, args)
        }
        sql::Expr::Trim { expr, trim_where, trim_what, trim_characters: None } => {
            // TRIM(LEADING 'x' FROM s) is ltrim('x', s): the trim string comes first.
            let name = match trim_where {
                Some(sql::TrimWhereField::Leading) => "ltrim",
                Some(sql::TrimWhereField::Trailing) => "rtrim",
                _ => "trim",
            };
            let mut args = trim_what.map(|w| convert(*w)).transpose()?.into_iter().collect::<Vec<_>>();
            args.push(convert(*expr)?);
            Expr::func(name, args)
        }
        sql::Expr::Collate { expr, collation } => {
            Expr::func("collate", vec![convert(*expr)?, Expr::Literal(Value::String(collation.to_string()))])
        }
        sql::Expr::Position { expr, r#in } => Expr::func("locate", vec![convert(*expr)?, convert(*r#in)?]),
        sql::Expr::Overlay { expr, overlay_what, overlay_from, overlay_for } => {
            let mut args = vec![convert(*expr)?, convert(*overlay_what)?, convert(*overlay_from)?];
            if let Some(f) = overlay_for {
                args.push(convert(*f)?);
            }
            Expr::func("overlay", args)
        }
        sql::Expr::Function(f) => function(f)?,
        sql::Expr::Named { expr, name } => convert(*expr)?.alias(&name.value),
        // sqlparser reads `struct(a, b)` as a typeless STRUCT literal.
        sql::Expr::Struct { values, fields } if fields.is_empty() => {
            Expr::func("struct", values.into_iter().map(convert).collect::<Result<Vec<_>>>()?)
        }
        // `x -> x + 1`, `(acc, x) -> acc + x`: the body names its variables as columns;
        // analysis resolves them to the lambda's variables first.
        sql::Expr::Lambda(l) => {
            let names: Vec<sql::Ident> = match l.params {
                sql::OneOrManyWithParens::One(p) => vec![p.name],
                sql::OneOrManyWithParens::Many(ps) => ps.into_iter().map(|p| p.name).collect(),
            };
            let params: Vec<crate::ir::LambdaVar> = names.into_iter().map(|n| crate::ir::LambdaVar { name: n.value, binding: None }).collect();
            // Spark resolves a lambda's names to its variables before columns; doing
            // it here also names the call as Spark does (`namedlambdavariable()`).
            // Inner lambdas were converted first, so their own variables are taken.
            let body = convert(*l.body)?.transform_down(&mut |e| match e {
                Expr::Unresolved { parts, plan_id: None } => {
                    let var = params.iter().find(|p| p.name.eq_ignore_ascii_case(&parts[0]))?;
                    let mut out = Expr::LambdaVariable(var.clone());
                    for field in &parts[1..] {
                        out = Expr::func("get_field", vec![out, Expr::Literal(Value::String(field.clone()))]);
                    }
                    Some(out)
                }
                _ => None,
            });
            Expr::Lambda { params, body: Box::new(body) }
        }
        // `a[0]`, `m['k']`, `s['f']`, `x[0].f`: `col[key]` (a struct field by analysis)
        // and field access, link by link.
        sql::Expr::CompoundFieldAccess { root, access_chain } => {
            let mut out = convert(*root)?;
            for access in access_chain {
                out = match access {
                    sql::AccessExpr::Subscript(sql::Subscript::Index { index }) => Expr::func("get_item", vec![out, convert(index)?]),
                    sql::AccessExpr::Dot(sql::Expr::Identifier(field)) => Expr::func("get_field", vec![out, Expr::Literal(Value::String(field.value))]),
                    other => return Err(Error::unsupported(format!("SQL expression `{other}`"))),
                };
            }
            out
        }
        sql::Expr::TypedString(ts) => {
            // sqlparser's span is the string's; Spark's fragment starts at the type.
            let span = ts.value.span;
            typed_literal(ts).map_err(|e| errors::at_span(e, span, errors::Reach::TOKEN_BEFORE))?
        }
        sql::Expr::Interval(iv) => interval_literal(iv)?,
        sql::Expr::Extract { field, expr, .. } => {
            Expr::func("extract", vec![Expr::Literal(Value::String(field.to_string())), convert(*expr)?])
        }
        sql::Expr::Ceil { expr, field } => ceil_floor("ceil", *expr, field)?,
        sql::Expr::Floor { expr, field } => ceil_floor("floor", *expr, field)?,
        other => return Err(Error::unsupported(format!("SQL expression `{other}`"))),
    })
}

/// `DATE '2024-01-02'` and `TIMESTAMP_NTZ '...'`, read as Spark's casts read them.
fn typed_literal(ts: sql::TypedString) -> Result<Expr> {
    let text = match &ts.value.value {
        sql::Value::SingleQuotedString(s) | sql::Value::DoubleQuotedString(s) => s.clone(),
        other => return Err(Error::unsupported(format!("SQL literal {other}"))),
    };
    let invalid = |kind: &str| {
        Error::new(
            crate::error::ErrorKind::Parse,
            "INVALID_TYPED_LITERAL",
            format!("The value of the typed literal \"{kind}\" is invalid: '{text}'. SQLSTATE: 42604"),
        )
    };
    use crate::compat::datetime_text::{string_to_date, string_to_timestamp_ntz};
    Ok(Expr::Literal(match &ts.data_type {
        sql::DataType::Date => Value::Date(string_to_date(&text).and_then(|d| i32::try_from(d).ok()).ok_or_else(|| invalid("DATE"))?),
        sql::DataType::TimestampNtz(_) => {
            Value::TimestampNtz(string_to_timestamp_ntz(&text, true).ok_or_else(|| invalid("TIMESTAMP_NTZ"))?)
        }
        sql::DataType::Timestamp(None, sql::TimezoneInfo::None) => {
            // Read in the session's time zone, known only inside `spark.sql`.
            let zone = SESSION_ZONE.with(|z| z.borrow().clone()).ok_or_else(|| Error::unsupported(format!("typed literal TIMESTAMP '{text}' outside spark.sql")))?;
            let zone = crate::compat::timezone::parse(&zone)?;
            let micros = crate::compat::datetime_text::string_to_timestamp(&text, &zone, crate::compat::datetime_text::today_in);
            let invalid = invalid("TIMESTAMP").with_param("value", format!("'{text}'")).with_param("valueType", "\"TIMESTAMP\"");
            Value::Timestamp(micros.ok_or(invalid)?)
        }
        other => return Err(Error::unsupported(format!("typed literal {other} '{text}'"))),
    }))
}

thread_local! {
    static SESSION_ZONE: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

thread_local! {
    static ESCAPED_STRING_LITERALS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` (one statement's translation) with string literals read as written
/// (`spark.sql.parser.escapedStringLiterals`) or unescaped.
pub fn with_escaped_string_literals<T>(escaped: bool, f: impl FnOnce() -> T) -> T {
    let previous = ESCAPED_STRING_LITERALS.with(|e| e.replace(escaped));
    let out = f();
    ESCAPED_STRING_LITERALS.with(|e| e.set(previous));
    out
}

/// Runs `f` (one statement's translation) with the session time zone that
/// `TIMESTAMP '...'` literals are read in.
pub fn with_session_zone<T>(zone: &str, f: impl FnOnce() -> T) -> T {
    let previous = SESSION_ZONE.with(|z| z.replace(Some(zone.to_string())));
    let out = f();
    SESSION_ZONE.with(|z| z.replace(previous));
    out
}

/// `INTERVAL '1 02:03' DAY TO MINUTE`, `INTERVAL 3 HOURS`, `INTERVAL '1-2' YEAR TO MONTH`.
fn interval_literal(iv: sql::Interval) -> Result<Expr> {
    use crate::compat::interval::{interval_unit, parse_interval_text};
    let unit = |f: &Option<sql::DateTimeField>| f.as_ref().and_then(|f| interval_unit(&f.to_string()));
    let text = match *iv.value {
        sql::Expr::Value(v) => match v.value {
            sql::Value::SingleQuotedString(s) | sql::Value::DoubleQuotedString(s) => s,
            sql::Value::Number(n, _) => n,
            other => return Err(Error::unsupported(format!("interval literal {other}"))),
        },
        sql::Expr::UnaryOp { op: sql::UnaryOperator::Minus, expr } => match *expr {
            sql::Expr::Value(v) => format!("-{}", v.value).replace('\'', ""),
            other => return Err(Error::unsupported(format!("interval literal -{other}"))),
        },
        other => return Err(Error::unsupported(format!("interval literal {other}"))),
    };
    let Some((day_time, start)) = unit(&iv.leading_field) else {
        // `INTERVAL '1 year 2 months'`: the units are in the text.
        return intervals::literal_of_text(&text);
    };
    let end = match unit(&iv.last_field) {
        Some((dt, e)) if dt == day_time && e > start => e,
        Some(_) => return Err(parse_error(&text, "invalid interval range")),
        None => start,
    };
    let invalid = || {
        Error::new(crate::error::ErrorKind::Parse, "INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING", format!("Interval string does not match format: {text}"))
    };
    let value = parse_interval_text(&text, day_time, start, end).ok_or_else(invalid)?;
    Ok(Expr::Literal(if day_time {
        Value::DayTimeInterval(value, start, end)
    } else {
        Value::YearMonthInterval(i32::try_from(value).map_err(|_| invalid())?, start, end)
    }))
}

/// `CEIL(x)` and `CEIL(x, scale)`, which sqlparser parses apart from other calls.
fn ceil_floor(name: &str, expr: sql::Expr, field: sql::CeilFloorKind) -> Result<Expr> {
    let mut args = vec![convert(expr)?];
    match field {
        sql::CeilFloorKind::Scale(v) => args.push(value(v.value)?),
        sql::CeilFloorKind::DateTimeField(sql::DateTimeField::NoDateTime) => {}
        sql::CeilFloorKind::DateTimeField(f) => return Err(Error::unsupported(format!("{name} to {f}"))),
    }
    Ok(Expr::func(name, args))
}

/// `decode(x, search, result [, search, result]... [, default])`: Spark's Decode, which
/// answers as `CASE WHEN x <=> search THEN result ... ELSE default END` (a NULL search
/// matches a NULL `x`; the default is a NULL string), named `decode(...)` (two
/// arguments are the charset decode).
fn decode_call(args: Vec<Expr>) -> Expr {
    let texts: Vec<String> = args.iter().map(crate::analysis::naming::sql_text).collect();
    let name = format!("decode({})", texts.join(", "));
    let mut args = args.into_iter();
    let input = args.next().expect("more than two arguments");
    let rest: Vec<Expr> = args.collect();
    let branches = rest.chunks_exact(2).map(|p| (Expr::binary(BinaryOp::EqNullSafe, input.clone(), p[0].clone()), p[1].clone())).collect();
    // Without a default Spark's is a NULL string, which takes part in the result's type.
    let null_string = Expr::Cast { expr: Box::new(Expr::Literal(Value::Null)), to: crate::ir::DataType::String, kind: crate::ir::CastKind::Cast };
    let otherwise = if rest.len() % 2 == 1 { rest[rest.len() - 1].clone() } else { null_string };
    Expr::case_when(branches, Some(otherwise)).alias(&name)
}

/// The type a cast written as a function casts to (Spark's castAlias names).
fn cast_alias(name: &str) -> Option<crate::ir::DataType> {
    use crate::ir::DataType as T;
    Some(match name {
        "boolean" => T::Boolean,
        "tinyint" => T::Byte,
        "smallint" => T::Short,
        "int" => T::Integer,
        "bigint" => T::Long,
        "float" => T::Float,
        "double" => T::Double,
        "decimal" => T::Decimal(10, 0),
        "date" => T::Date,
        "timestamp" => T::Timestamp,
        "binary" => T::Binary,
        "string" => T::String,
        _ => return None,
    })
}

/// `date(x)`: a cast of its one argument, named as the argument.
fn cast_call(name: &str, to: crate::ir::DataType, mut args: Vec<Expr>) -> Result<Expr> {
    if args.len() != 1 {
        return Err(Error::analysis(
            "WRONG_NUM_ARGS.WITHOUT_SUGGESTION",
            format!("The `{name}` requires 1 parameters but the actual number is {}.", args.len()),
        )
        .with_param("functionName", format!("`{name}`"))
        .with_param("expectedNum", "1")
        .with_param("actualNum", args.len().to_string()));
    }
    Ok(Expr::Cast { expr: Box::new(args.remove(0)), to, kind: CastKind::Function })
}

/// `s LIKE p [ESCAPE 'c']`: the escape character is a third argument.
/// `if(c, a, b)`: Spark's If, which answers as `CASE WHEN c THEN a ELSE b END` (the
/// same common type of `a` and `b`, `b` when `c` is NULL), in the `If` form of
/// `CaseWhen` (named `(IF(c, a, b))`, typed and checked as Spark's If).
fn if_call(args: Vec<Expr>) -> Result<Expr> {
    if args.len() != 3 {
        return Err(Error::analysis(
            "WRONG_NUM_ARGS.WITHOUT_SUGGESTION",
            format!("The `if` requires 3 parameters but the actual number is {}.", args.len()),
        )
        .with_param("functionName", "`if`")
        .with_param("expectedNum", "3")
        .with_param("actualNum", args.len().to_string()));
    }
    let [condition, then, otherwise]: [Expr; 3] = args.try_into().map_err(|_| Error::internal("if: three arguments"))?;
    Ok(Expr::if_else(condition, then, otherwise))
}

/// The calls `parse_sql` writes for `LIKE ANY (...)` and `LIKE ALL (...)`.
const LIKE_ANY: &str = "__like_any";
const LIKE_ALL: &str = "__like_all";

/// The patterns of `LIKE ANY/ALL (...)` and whether it is ALL; `None` for any other pattern.
fn quantified(pattern: &sql::Expr) -> Option<(bool, Vec<sql::Expr>)> {
    let sql::Expr::Function(f) = pattern else { return None };
    let name = f.name.to_string();
    let all = match name.as_str() {
        LIKE_ANY => false,
        LIKE_ALL => true,
        _ => return None,
    };
    let sql::FunctionArguments::List(list) = &f.args else { return Some((all, vec![])) };
    let patterns = list.args.iter().filter_map(|a| match a {
        sql::FunctionArg::Unnamed(sql::FunctionArgExpr::Expr(e)) => Some(e.clone()),
        _ => None,
    });
    Some((all, patterns.collect()))
}

/// `e [NOT] LIKE|ILIKE ANY|ALL (p, ...)` as Spark's parser builds it: over string
/// literals one `likeany`/`likeall`/`notlikeany`/`notlikeall` (ILIKE matches `lower(e)`
/// against lowered patterns), shown so; otherwise the LIKEs (each negated under NOT)
/// joined by OR for ANY, AND for ALL. Both answer as the OR/AND of the LIKEs does,
/// NULLs included.
fn like_quantified(ilike: bool, negated: bool, all: bool, e: sql::Expr, patterns: Vec<sql::Expr>, escape: Option<Box<sql::Expr>>) -> Result<Expr> {
    if patterns.is_empty() {
        return Err(parse_error(&e.to_string(), "Expected something between '(' and ')'"));
    }
    if escape.is_some() {
        return Err(unsupported("ESCAPE with LIKE ANY/ALL"));
    }
    let value = convert(e)?;
    let patterns = patterns.into_iter().map(convert).collect::<Result<Vec<_>>>()?;
    let literal = |p: &Expr| match p {
        Expr::Literal(Value::String(s)) => Some(s.clone()),
        _ => None,
    };
    let join = if all { BinaryOp::And } else { BinaryOp::Or };
    let folded = patterns.iter().map(literal).collect::<Option<Vec<String>>>();
    let Some(texts) = folded else {
        let name = if ilike { "ilike" } else { "like" };
        let likes = patterns.into_iter().map(|p| {
            let l = Expr::func(name, vec![value.clone(), p]);
            if negated { not(l) } else { l }
        });
        return likes.reduce(|a, b| Expr::binary(join, a, b)).ok_or_else(|| parse_error("LIKE", "no pattern"));
    };
    let (value, texts) = if ilike {
        (Expr::func("lower", vec![value]), texts.iter().map(|t| t.to_lowercase()).collect())
    } else {
        (value, texts)
    };
    let function = format!("{}like{}", if negated { "not" } else { "" }, if all { "all" } else { "any" });
    let likes = texts.into_iter().map(|t| {
        let l = Expr::func("like", vec![value.clone(), Expr::Literal(Value::String(t))]);
        if negated { not(l) } else { l }
    });
    let joined = likes.reduce(|a, b| Expr::binary(join, a, b)).ok_or_else(|| parse_error("LIKE", "no pattern"))?;
    // Spark's MultiLikeBase is nullable whatever its input: a CASE without ELSE is too
    // (under a condition that is not the literal TRUE, which would end the nullability
    // search at its branch, as Spark's CaseWhen does).
    // Spark shows it as `likeany(x)` wherever it stands, so it is a call of its own.
    Ok(Expr::func(&function, vec![value, joined]))
}

fn like_args(expr: sql::Expr, pattern: sql::Expr, escape: Option<Box<sql::Expr>>) -> Result<Vec<Expr>> {
    let mut args = vec![convert(expr)?, convert(pattern)?];
    if let Some(e) = escape {
        args.push(convert(*e)?);
    }
    Ok(args)
}

/// The parameter name of the functions that take one argument by name too.
fn one_parameter(function: &str) -> Option<&'static str> {
    match function {
        "explode" | "explode_outer" | "posexplode" | "posexplode_outer" => Some("collection"),
        "inline" | "inline_outer" => Some("input"),
        _ => None,
    }
}

fn function(mut f: sql::Function) -> Result<Expr> {
    use sqlparser::ast::Spanned;
    // Spark's context of an error about the call is the whole call, name as written.
    let (call_span, written) = (f.span(), f.name.to_string());
    let name = written.to_ascii_lowercase();
    let within_group = std::mem::take(&mut f.within_group);
    if within_group.is_empty() {
        if let Some(e) = within_group::missing(&name) {
            return Err(e);
        }
    }
    let (args, distinct) = match f.args {
        sql::FunctionArguments::None => (vec![], false),
        sql::FunctionArguments::List(list) => {
            let distinct = matches!(list.duplicate_treatment, Some(sql::DuplicateTreatment::Distinct));
            let args = list
                .args
                .into_iter()
                .map(|a| match a {
                    sql::FunctionArg::Unnamed(sql::FunctionArgExpr::Expr(e)) => convert(e),
                    sql::FunctionArg::Unnamed(sql::FunctionArgExpr::Wildcard) => Ok(Expr::Star { qualifier: None, plan_id: None }),
                    // `explode(collection => arr)`: the generators' one parameter by name.
                    sql::FunctionArg::Named { name: param, arg: sql::FunctionArgExpr::Expr(e), .. }
                        if one_parameter(&name).is_some_and(|p| param.value.eq_ignore_ascii_case(p)) =>
                    {
                        convert(e)
                    }
                    other => Err(Error::unsupported(format!("function argument `{other}`"))),
                })
                .collect::<Result<Vec<_>>>()?;
            (args, distinct)
        }
        sql::FunctionArguments::Subquery(_) => return Err(Error::unsupported("subqueries")),
    };
    let ordered = !within_group.is_empty();
    if ordered {
        let call = within_group::call(&name, args, distinct, within_group)?;
        return filtered_over(call, f.filter, f.over);
    }
    if name == "if" {
        return if_call(args);
    }
    if let Some(to) = cast_alias(&name) {
        return cast_call(&name, to, args);
    }
    if name == intervals::MULTI_UNIT_INTERVAL {
        return intervals::literal(&args).map_err(|e| errors::at_span(e, call_span, errors::Reach::SPAN));
    }
    if name == "decode" && args.len() > 2 {
        return Ok(decode_call(args));
    }
    // `timestampadd(DAY, 1, ts)` (also spelled `dateadd`/`date_add` with three
    // arguments, and `datediff`/`date_diff` for `timestampdiff`): the unit is a keyword.
    let mut args = args;
    let mut name = name;
    if args.len() == 3 {
        let renamed = match name.as_str() {
            "timestampadd" | "dateadd" | "date_add" => Some("timestampadd"),
            "timestampdiff" | "datediff" | "date_diff" => Some("timestampdiff"),
            _ => None,
        };
        if let Some(renamed) = renamed {
            match &args[0] {
                Expr::Unresolved { parts, plan_id: None } if parts.len() == 1 => {
                    args[0] = Expr::Literal(Value::String(parts[0].clone()));
                }
                Expr::Literal(Value::String(unit)) => {
                    let e = Error::new(
                        crate::error::ErrorKind::Parse,
                        "INVALID_PARAMETER_VALUE.DATETIME_UNIT",
                        format!("The value of parameter(s) `unit` in `{written}` is invalid: expects one of the units without quotes YEAR, QUARTER, MONTH, WEEK, DAY, DAYOFYEAR, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND, but got the string literal '{unit}'."),
                    );
                    return Err(errors::at_span(e, call_span, errors::Reach::CLOSING_PAREN));
                }
                _ => {}
            }
            name = renamed.to_string();
        }
    }
    let args = window::ignore_nulls(&name, args, f.null_treatment)?;
    let call = Expr::Function { name: crate::analysis::functions::sql_name(name), args, distinct };
    filtered_over(call, f.filter, f.over)
}

/// An aggregate call with its FILTER (WHERE ...) and OVER (...).
fn filtered_over(call: Expr, filter: Option<Box<sql::Expr>>, over: Option<sql::WindowType>) -> Result<Expr> {
    let call = match filter {
        // Windows do not lower aggregate filters yet: refuse rather than fail inside.
        Some(_) if over.is_some() => return Err(Error::unsupported("an aggregate FILTER (WHERE ...) with OVER")),
        Some(condition) => Expr::AggregateFilter { agg: Box::new(call), condition: Box::new(convert(*condition)?) },
        None => call,
    };
    match over {
        Some(over) => window::over(call, over),
        None => Ok(call),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::naming::auto_name;

    #[test]
    fn a_parenthesised_list_is_a_struct() {
        assert_eq!(auto_name(&parse_expression("(a, b + 1)").unwrap()), "named_struct(a, a, col2, (b + 1))");
    }

    #[test]
    fn expressions_get_spark_names() {
        assert_eq!(auto_name(&parse_expression("a + 1").unwrap()), "(a + 1)");
        assert_eq!(auto_name(&parse_expression("CASE WHEN a > 2 THEN 1 ELSE 0 END").unwrap()), "CASE WHEN (a > 2) THEN 1 ELSE 0 END");
        assert_eq!(auto_name(&parse_expression("a != 1").unwrap()), "(NOT (a = 1))");
        assert_eq!(auto_name(&parse_expression("count(*)").unwrap()), "count(1)");
        assert_eq!(auto_name(&parse_expression("a AS x").unwrap()), "x");
    }

    #[test]
    fn a_cast_written_as_a_function_is_named_as_its_input() {
        assert_eq!(auto_name(&parse_expression("date('2008-02-20')").unwrap()), "2008-02-20");
        assert_eq!(auto_name(&parse_expression("dayname(date('2008-02-20'))").unwrap()), "dayname(2008-02-20)");
        assert_eq!(auto_name(&parse_expression("CAST('1' AS INT)").unwrap()), "CAST(1 AS INT)");
        let e = parse_expression("int('1', 2)").unwrap_err();
        assert_eq!(e.error_class.as_deref(), Some("WRONG_NUM_ARGS.WITHOUT_SUGGESTION"));
    }

    #[test]
    fn literals_out_of_range_carry_their_query_context() {
        let context = |text: &str| {
            let e = parse_expression(text).unwrap_err();
            let p = |k: &str| e.params.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()).unwrap_or_default();
            (e.error_class.clone().unwrap_or_default(), p("__start"), p("__stop"))
        };
        let range = "INVALID_NUMERIC_LITERAL_RANGE".to_string();
        assert_eq!(context("a + 300Y"), (range.clone(), "4".into(), "7".into()));
        // A negative literal is one literal, from its minus (and -128Y is in range).
        assert_eq!(context("-40000S"), (range.clone(), "0".into(), "6".into()));
        assert_eq!(parse_expression("-128Y").unwrap(), Expr::Literal(Value::Byte(-128)));
        assert_eq!(context("99999999999999999999L"), (range.clone(), "0".into(), "20".into()));
        assert_eq!(context("1e400D"), (range, "0".into(), "5".into()));
        assert_eq!(context("x = DATE '2020-13-01'").1, "4");
    }

    #[test]
    fn literals_have_spark_types() {
        assert_eq!(parse_expression("1").unwrap(), Expr::Literal(Value::Integer(1)));
        assert_eq!(parse_expression("10000000000").unwrap(), Expr::Literal(Value::Long(10000000000)));
        assert_eq!(parse_expression("1.5").unwrap(), Expr::Literal(Value::Decimal(15, 2, 1)));
    }

    #[test]
    fn string_literals_unescape_as_spark() {
        assert_eq!(unescape(r"a\\d", '\''), r"a\d");
        assert_eq!(unescape(r"\d\t\u0041\101", '\''), "d\tAA");
        assert_eq!(unescape(r"a\%b\_", '\''), r"a\%b\_");
        assert_eq!(unescape(r"it\'s", '\''), "it's");
        assert_eq!(unescape("it''s", '\''), "its");
    }

    #[test]
    fn escaped_string_literals_keep_backslashes() {
        let read = |text: &str| with_escaped_string_literals(true, || parse_expression(text).unwrap());
        assert_eq!(read(r"'a\\b\d'"), Expr::Literal(Value::String(r"a\\b\d".into())));
        assert_eq!(read("'it''s'"), Expr::Literal(Value::String("its".into())));
        assert_eq!(parse_expression(r"'a\\b'").unwrap(), Expr::Literal(Value::String(r"a\b".into())));
    }

    #[test]
    fn syntax_errors_are_parse_exceptions() {
        let e = parse_expression("a +").unwrap_err();
        assert_eq!(e.kind, crate::error::ErrorKind::Parse);
        // Spark's place: the end of `a +` (position 3, as the text was written).
        assert!(e.message.starts_with("Syntax error at or near end of input."), "{}", e.message);
        assert!(e.params.contains(&("__pos".to_string(), "3".to_string())), "{:?}", e.params);
    }

    #[test]
    fn qualify_is_refused_where_spark_stops() {
        let param = |e: &Error, key: &str| e.params.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()).unwrap_or_default();
        let refused = || Error::parse(QUALIFY_REFUSED);
        let e = qualify_error("SELECT id FROM t QUALIFY rn = 1", refused());
        assert_eq!((param(&e, "error"), param(&e, "__pos")), ("'rn'".to_string(), "25".to_string()));
        let e = qualify_error("SELECT id FROM t WHERE x > 0 QUALIFY rn = 1", refused());
        assert_eq!((param(&e, "error"), param(&e, "__pos")), ("'QUALIFY'".to_string(), "29".to_string()));
    }
}
