//! Table statements of the session catalog (`CREATE TABLE`, `INSERT`, `DROP TABLE`,
//! `TRUNCATE TABLE`, `ALTER TABLE RENAME`, `SHOW TABLES`, `SHOW CREATE TABLE`,
//! `DESCRIBE` of a table, `CREATE DATABASE ... LOCATION`): parsed here, carried out by
//! `exec::tables`.

use super::query::QueryBuilder;
use super::{parse_error, parse_name, unsupported};
use crate::analysis::{Conf, RelationSource};
use crate::error::Result;
use crate::ir::types::parse_ddl_type;
use crate::ir::{Plan, StructField};
use sqlparser::ast as sql;
use std::collections::BTreeMap;
use std::sync::Arc;

/// What a table statement asks for. Names are as written (unresolved parts).
#[derive(Debug)]
pub enum TableStatement {
    /// `CREATE [EXTERNAL] TABLE [IF NOT EXISTS] t [(cols)] [USING fmt] [PARTITIONED BY (..)]
    /// [LOCATION '..'] [OPTIONS (..)] [AS query]`.
    Create {
        name: Vec<String>,
        columns: Vec<StructField>,
        provider: Option<String>,
        partition_by: Vec<String>,
        location: Option<String>,
        options: BTreeMap<String, String>,
        query: Option<Arc<Plan>>,
        if_not_exists: bool,
        replace: bool,
        /// `c INT COMMENT '...'`: column name -> comment.
        comments: BTreeMap<String, String>,
    },
    /// `CREATE TABLE [IF NOT EXISTS] t LIKE source [USING fmt] [LOCATION '..']`: the
    /// source's columns, partitioning, comments and (unless given) provider; no rows.
    CreateLike { name: Vec<String>, source: Vec<String>, provider: Option<String>, location: Option<String>, if_not_exists: bool },
    /// `CREATE [OR REPLACE] [GLOBAL] TEMPORARY VIEW v [(cols)] USING fmt OPTIONS (path '..', ...)`
    /// (`TEMPORARY TABLE` too): a temporary view reading files.
    CreateTempViewUsing { name: String, columns: Vec<StructField>, provider: Option<String>, options: BTreeMap<String, String>, replace: bool, global: bool },
    /// `INSERT INTO|OVERWRITE [TABLE] t [PARTITION (k=v, k2)] [(cols)] VALUES ... | query`.
    Insert { name: Vec<String>, columns: Vec<String>, query: Arc<Plan>, overwrite: bool, partition: Vec<PartitionSpec> },
    /// `ALTER TABLE t ADD COLUMN[S] (c type [COMMENT '..'], ...)`; a `NOT NULL` column is
    /// not nullable.
    AddColumns { name: Vec<String>, columns: Vec<StructField>, comments: BTreeMap<String, String> },
    Drop { name: Vec<String>, if_exists: bool },
    Truncate { name: Vec<String> },
    Rename { from: Vec<String>, to: Vec<String> },
    /// `SHOW TABLES [IN|FROM db] [[LIKE] 'pattern']`.
    ShowTables { database: Option<String>, pattern: Option<String> },
    ShowCreate { name: Vec<String> },
    /// `DESCRIBE [TABLE] [EXTENDED|FORMATTED] name`: a table's columns and partitioning
    /// (or a view's columns); EXTENDED adds the table's details.
    Describe { name: Vec<String>, extended: bool },
    /// `DESCRIBE [TABLE] [EXTENDED|FORMATTED] name column`: one column's name, type and
    /// comment (EXTENDED adds its statistics, none here).
    DescribeColumn { name: Vec<String>, column: String, extended: bool },
    CreateDatabase { name: String, if_not_exists: bool, location: String },
}

/// One column of an INSERT's `PARTITION (...)` clause.
#[derive(Debug, Clone, PartialEq)]
pub enum PartitionSpec {
    /// `k`: the value comes from the data.
    Dynamic(String),
    /// `k=v`: the value as written (text, which Spark casts to the column's type), or NULL.
    Static(String, Option<String>),
}

impl PartitionSpec {
    pub fn column(&self) -> &str {
        match self {
            PartitionSpec::Dynamic(c) | PartitionSpec::Static(c, _) => c,
        }
    }
}

fn unquote(s: &str) -> String {
    let t = s.trim();
    t.strip_prefix('\'').and_then(|r| r.strip_suffix('\'')).or_else(|| t.strip_prefix('"').and_then(|r| r.strip_suffix('"'))).unwrap_or(t).to_string()
}

/// The table statement `text` is, if it is one.
pub fn parse(text: &str, conf: &Conf, relations: &dyn RelationSource) -> Result<Option<TableStatement>> {
    let trimmed = text.trim().trim_end_matches(';').trim();
    let words: Vec<&str> = trimmed.split_whitespace().collect();
    let upper: Vec<String> = words.iter().map(|w| w.to_ascii_uppercase()).collect();
    let upper: Vec<&str> = upper.iter().map(String::as_str).collect();
    Ok(Some(match upper.as_slice() {
        ["DROP", "TABLE", "IF", "EXISTS", _] => TableStatement::Drop { name: parse_name(words[4])?, if_exists: true },
        ["DROP", "TABLE", _] => TableStatement::Drop { name: parse_name(words[2])?, if_exists: false },
        ["TRUNCATE", "TABLE", _] => TableStatement::Truncate { name: parse_name(words[2])? },
        ["ALTER", "TABLE", _, "RENAME", "TO", _] => TableStatement::Rename { from: parse_name(words[2])?, to: parse_name(words[5])? },
        ["SHOW", "CREATE", "TABLE", _] => TableStatement::ShowCreate { name: parse_name(words[3])? },
        ["SHOW", "TABLES", rest @ ..] => show_tables(&words[2..], rest, text)?,
        ["DESCRIBE" | "DESC", "TABLE", "EXTENDED" | "FORMATTED", _] => TableStatement::Describe { name: parse_name(words[3])?, extended: true },
        ["DESCRIBE" | "DESC", "EXTENDED" | "FORMATTED", _] => TableStatement::Describe { name: parse_name(words[2])?, extended: true },
        ["DESCRIBE" | "DESC", "TABLE", _] => TableStatement::Describe { name: parse_name(words[2])?, extended: false },
        ["DESCRIBE" | "DESC", w] if !matches!(*w, "QUERY" | "FUNCTION" | "EXTENDED" | "FORMATTED" | "TABLE") => {
            TableStatement::Describe { name: parse_name(words[1])?, extended: false }
        }
        // `DESCRIBE t column` (after the table forms, whose last word is the name).
        ["DESCRIBE" | "DESC", "TABLE", "EXTENDED" | "FORMATTED", _, _] => describe_column(&words[3..], true)?,
        ["DESCRIBE" | "DESC", "EXTENDED" | "FORMATTED", _, _] => describe_column(&words[2..], true)?,
        ["DESCRIBE" | "DESC", "TABLE", _, _] => describe_column(&words[2..], false)?,
        ["DESCRIBE" | "DESC", w, _] if !matches!(*w, "QUERY" | "FUNCTION" | "EXTENDED" | "FORMATTED" | "TABLE") => describe_column(&words[1..], false)?,
        ["ALTER", "TABLE", _, "ADD", "COLUMN" | "COLUMNS", _, ..] => add_columns(&words, trimmed)?,
        ["CREATE", "DATABASE" | "SCHEMA", ..] if upper.contains(&"LOCATION") => create_database(&words, &upper, text)?,
        ["CREATE", "TABLE", _, "LIKE", _, ..] | ["CREATE", "TABLE", "IF", "NOT", "EXISTS", _, "LIKE", _, ..] => create_like(&words, &upper, text)?,
        ["CREATE", rest @ ..] if temp_view_using(rest) => return create_temp_view_using(trimmed, &upper, conf, relations).map(Some),
        ["CREATE", "TABLE" | "EXTERNAL", ..] | ["CREATE", "OR", "REPLACE", "TABLE", ..] | ["INSERT", ..] => {
            return parsed(trimmed, conf, relations).map(Some)
        }
        _ => return Ok(None),
    }))
}

/// `ALTER TABLE t ADD COLUMN[S] [(]c type [NOT NULL], ...[)]`.
fn add_columns(words: &[&str], text: &str) -> Result<TableStatement> {
    let name = parse_name(words[2])?;
    let rest = words[5..].join(" ");
    let rest = rest.trim();
    let list = rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')).unwrap_or(rest);
    let (mut columns, mut comments) = (vec![], BTreeMap::new());
    for item in split_top_level(list) {
        let item = item.trim();
        let Some((column, definition)) = item.split_once(char::is_whitespace) else {
            return Err(parse_error(text, "ADD COLUMNS (name type, ...)"));
        };
        let (definition, comment) = split_comment(definition, text)?;
        if let Some(comment) = comment {
            comments.insert(column.trim_matches('`').to_string(), comment);
        }
        let upper = definition.to_ascii_uppercase();
        let (type_text, not_null) = match upper.trim_end().strip_suffix("NOT NULL") {
            Some(head) => (definition[..head.len()].trim(), true),
            None => (definition.trim(), false),
        };
        columns.push(StructField::new(column.trim_matches('`'), parse_ddl_type(type_text)?, !not_null));
    }
    if columns.is_empty() {
        return Err(parse_error(text, "ADD COLUMNS (name type, ...)"));
    }
    Ok(TableStatement::AddColumns { name, columns, comments })
}

/// `type ... COMMENT 'text'`: the definition without the comment, and the comment.
fn split_comment<'t>(definition: &'t str, text: &str) -> Result<(&'t str, Option<String>)> {
    let upper = definition.to_ascii_uppercase();
    let Some(at) = upper.find(" COMMENT ").map(|i| i + 1).or_else(|| upper.starts_with("COMMENT ").then_some(0)) else {
        return Ok((definition, None));
    };
    let literal = definition[at + "COMMENT".len()..].trim();
    let quoted = literal.len() >= 2 && (literal.starts_with('\'') && literal.ends_with('\'') || literal.starts_with('"') && literal.ends_with('"'));
    if !quoted {
        return Err(parse_error(text, "COMMENT takes a string literal"));
    }
    Ok((&definition[..at], Some(super::unescape(&literal[1..literal.len() - 1], literal.chars().next().unwrap_or('\'')))))
}

/// `DESCRIBE ... name column`: `words` from the name on.
fn describe_column(words: &[&str], extended: bool) -> Result<TableStatement> {
    Ok(TableStatement::DescribeColumn { name: parse_name(words[0])?, column: words[1].trim_matches('`').to_string(), extended })
}

/// `CREATE TABLE [IF NOT EXISTS] t LIKE source [USING fmt] [LOCATION 'path']`.
fn create_like(words: &[&str], upper: &[&str], text: &str) -> Result<TableStatement> {
    let if_not_exists = upper[2] == "IF";
    let at = if if_not_exists { 5 } else { 2 };
    let (name, source) = (parse_name(words[at])?, parse_name(words[at + 2])?);
    let (mut provider, mut location) = (None, None);
    let mut rest = at + 3;
    while rest < words.len() {
        match (upper[rest], words.get(rest + 1)) {
            ("USING", Some(format)) if provider.is_none() => provider = Some(format.to_string()),
            ("LOCATION", Some(_)) if location.is_none() => {
                // The path is the rest of the text (a quoted path may hold spaces).
                location = Some(unquote(&words[rest + 1..].join(" ")));
                break;
            }
            _ => return Err(parse_error(text, "CREATE TABLE t LIKE source [USING format] [LOCATION 'path']")),
        }
        rest += 2;
    }
    Ok(TableStatement::CreateLike { name, source, provider, location, if_not_exists })
}

/// `[OR REPLACE] [GLOBAL] TEMP[ORARY] VIEW|TABLE name ... USING`: the words after CREATE.
fn temp_view_using(rest: &[&str]) -> bool {
    let rest = match rest {
        ["OR", "REPLACE", r @ ..] => r,
        r => r,
    };
    let rest = match rest {
        ["GLOBAL", r @ ..] => r,
        r => r,
    };
    matches!(rest, ["TEMP" | "TEMPORARY", "VIEW" | "TABLE", ..]) && rest.contains(&"USING") && !rest.contains(&"AS")
}

/// `CREATE ... TEMPORARY VIEW v [(cols)] USING fmt [OPTIONS (...)]`, read as the CREATE
/// TABLE it is written like.
fn create_temp_view_using(text: &str, upper: &[&str], conf: &Conf, relations: &dyn RelationSource) -> Result<TableStatement> {
    let (replace, global) = (upper.get(1..3) == Some(&["OR", "REPLACE"]), upper.contains(&"GLOBAL"));
    let at = upper.iter().position(|w| matches!(*w, "VIEW" | "TABLE")).ok_or_else(|| parse_error(text, "TEMPORARY VIEW"))?;
    // The text from the view's name on, after `CREATE TABLE`.
    let mut start = 0;
    for _ in 0..=at {
        let t = text[start..].trim_start();
        start = text.len() - t.len();
        start += t.find(char::is_whitespace).unwrap_or(t.len());
    }
    match parsed(&format!("CREATE TABLE{}", &text[start..]), conf, relations)? {
        TableStatement::Create { name, columns, provider, options, location: None, query: None, partition_by, .. } if partition_by.is_empty() => {
            let [name] = name.as_slice() else { return Err(parse_error(text, "a temporary view's name has one part")) };
            Ok(TableStatement::CreateTempViewUsing { name: name.clone(), columns, provider, options, replace, global })
        }
        _ => Err(unsupported("CREATE TEMPORARY VIEW ... USING with LOCATION, PARTITIONED BY or AS")),
    }
}

/// The comma-separated parts of `s` outside brackets (`a INT, m MAP<INT, STRING>`).
fn split_top_level(s: &str) -> Vec<&str> {
    let (mut parts, mut depth, mut start) = (vec![], 0i32, 0);
    let mut quote = None;
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        // A comment's text may hold commas and brackets.
        match quote {
            _ if escaped => escaped = false,
            Some(_) if c == '\\' => escaped = true,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '\'' || c == '"' => quote = Some(c),
            None => {}
        }
        if quote.is_some() || c == '\'' || c == '"' {
            continue;
        }
        match c {
            '(' | '<' => depth += 1,
            ')' | '>' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    if !s[start..].trim().is_empty() {
        parts.push(&s[start..]);
    }
    parts
}

fn show_tables(words: &[&str], upper: &[&str], text: &str) -> Result<TableStatement> {
    let (database, rest) = match upper {
        ["IN" | "FROM", _, ..] => (Some(words[1].trim_matches('`').to_string()), &words[2..]),
        _ => (None, words),
    };
    let pattern = match rest {
        [] => None,
        [like, p] if like.eq_ignore_ascii_case("LIKE") => Some(unquote(p)),
        [p] => Some(unquote(p)),
        _ => return Err(parse_error(text, "SHOW TABLES [IN db] [LIKE 'pattern']")),
    };
    Ok(TableStatement::ShowTables { database, pattern })
}

fn create_database(words: &[&str], upper: &[&str], text: &str) -> Result<TableStatement> {
    let (if_not_exists, at) = match upper.get(2..5) {
        Some(["IF", "NOT", "EXISTS"]) => (true, 5),
        _ => (false, 2),
    };
    match (words.get(at), upper.get(at + 1), words.get(at + 2..)) {
        (Some(name), Some(&"LOCATION"), Some(location)) if !location.is_empty() => Ok(TableStatement::CreateDatabase {
            name: name.trim_matches('`').to_string(),
            if_not_exists,
            location: unquote(&location.join(" ")),
        }),
        _ => Err(parse_error(text, "CREATE DATABASE name LOCATION 'path'")),
    }
}

/// Spark writes `PARTITIONED BY (...)` anywhere among the table's clauses; sqlparser
/// reads it only before `USING`. The clause is moved there before parsing.
fn partitioned_before_using(text: &str) -> String {
    let upper = text.to_ascii_uppercase();
    let Some(at) = upper.find("PARTITIONED BY") else { return text.to_string() };
    let Some(open) = text[at..].find('(').map(|i| at + i) else { return text.to_string() };
    let mut depth = 0;
    let mut close = None;
    for (i, c) in text[open..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(open + i);
                    break;
                }
            }
            _ => {}
        }
    }
    let Some(close) = close else { return text.to_string() };
    let clause = &text[at..=close];
    let without = format!("{} {}", &text[..at], &text[close + 1..]);
    let upper_without = without.to_ascii_uppercase();
    let using = [" USING ", " LOCATION ", " OPTIONS", " AS ", " COMMENT ", " TBLPROPERTIES"].iter().filter_map(|k| upper_without.find(k)).min();
    match using {
        Some(u) if u < at => format!("{} {clause} {}", &without[..u], &without[u..]),
        _ => text.to_string(),
    }
}

/// The end (exclusive) of the parenthesised group opening at `open`.
fn group_end(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in text[open..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// Spark writes an INSERT's column list after `PARTITION (...)`; sqlparser reads it
/// only before. The list is moved there before parsing.
fn columns_before_partition(text: &str) -> String {
    let upper = text.to_ascii_uppercase();
    if !upper.trim_start().starts_with("INSERT") {
        return text.to_string();
    }
    let Some(at) = upper.find(" PARTITION").map(|i| i + 1) else { return text.to_string() };
    let Some(open) = text[at..].find('(').map(|i| at + i) else { return text.to_string() };
    if !text[at + "PARTITION".len()..open].trim().is_empty() {
        return text.to_string();
    }
    let Some(close) = group_end(text, open) else { return text.to_string() };
    let after = &text[close..];
    let list_open = close + (after.len() - after.trim_start().len());
    if !text[list_open..].starts_with('(') {
        return text.to_string();
    }
    let inner = text[list_open + 1..].trim_start().to_ascii_uppercase();
    if ["SELECT", "WITH", "VALUES", "FROM", "TABLE", "("].iter().any(|k| inner.starts_with(k)) {
        return text.to_string();
    }
    let Some(list_close) = group_end(text, list_open) else { return text.to_string() };
    format!("{}{} {}{}", &text[..at], &text[list_open..list_close], &text[at..close], &text[list_close..])
}

fn parsed(text: &str, conf: &Conf, relations: &dyn RelationSource) -> Result<TableStatement> {
    let (text, options) = match text.trim_start().get(..6) {
        Some(create) if create.eq_ignore_ascii_case("CREATE") => super::table_options::take_options(text)?,
        _ => (text.to_string(), BTreeMap::new()),
    };
    let text = text.as_str();
    let rewritten = columns_before_partition(&partitioned_before_using(text));
    let mut statements = super::parse_sql(&rewritten).map_err(|e| super::errors::syntax_error(text, &e, 0))?;
    if statements.len() != 1 {
        return Err(parse_error(text, "expected one statement"));
    }
    match statements.remove(0) {
        sql::Statement::CreateTable(c) => create_table(c, options, conf, relations),
        sql::Statement::Insert(i) => insert(i, text, conf, relations),
        other => Err(unsupported(&format!("the statement `{}`", other.to_string().split_whitespace().take(3).collect::<Vec<_>>().join(" ")))),
    }
}

fn object_name(name: &sql::ObjectName) -> Vec<String> {
    name.0.iter().map(|p| p.as_ident().map(|i| i.value.clone()).unwrap_or_else(|| p.to_string())).collect()
}

fn create_table(c: sql::CreateTable, mut options: BTreeMap<String, String>, conf: &Conf, relations: &dyn RelationSource) -> Result<TableStatement> {
    if c.temporary || c.like.is_some() || c.clone.is_some() {
        return Err(unsupported("CREATE TEMPORARY TABLE / CREATE TABLE LIKE"));
    }
    let (mut columns, mut comments) = (vec![], BTreeMap::new());
    for col in &c.columns {
        let not_null = col.options.iter().any(|o| matches!(o.option, sql::ColumnOption::NotNull));
        for o in &col.options {
            if let sql::ColumnOption::Comment(comment) = &o.option {
                // Kept as written by the tokenizer: Spark's escapes apply.
                comments.insert(col.name.value.clone(), super::unescape(comment, '\''));
            }
        }
        columns.push(StructField::new(col.name.value.clone(), parse_ddl_type(&col.data_type.to_string())?, !not_null));
    }
    let mut partition_by = vec![];
    if let sql::HiveDistributionStyle::PARTITIONED { columns: parts } = &c.hive_distribution {
        for p in parts {
            partition_by.push(p.name.value.clone());
            // `PARTITIONED BY (c INT)`: a typed partition column is a column of the table.
            if !matches!(p.data_type, sql::DataType::Unspecified) && !columns.iter().any(|f: &StructField| f.name.eq_ignore_ascii_case(&p.name.value)) {
                columns.push(StructField::new(p.name.value.clone(), parse_ddl_type(&p.data_type.to_string())?, true));
            }
        }
    }
    let (mut provider, mut location) = (None, c.location.clone());
    if let Some(h) = &c.hive_formats {
        match &h.storage {
            Some(sql::HiveIOFormat::Using { format }) => provider = Some(format.value.clone()),
            Some(sql::HiveIOFormat::FileFormat { format }) => provider = Some(format.to_string().to_ascii_lowercase()),
            Some(other) => return Err(unsupported(&format!("the table storage `{other:?}`"))),
            None => {}
        }
        if h.location.is_some() {
            location.clone_from(&h.location);
        }
    }
    if let sql::CreateTableOptions::Options(opts) | sql::CreateTableOptions::With(opts) = &c.table_options {
        for o in opts {
            if let sql::SqlOption::KeyValue { key, value } = o {
                options.insert(key.to_string(), unquote(&value.to_string()));
            }
        }
    }
    let query = c.query.map(|q| QueryBuilder::new(conf, relations).query(*q)).transpose()?;
    Ok(TableStatement::Create {
        name: object_name(&c.name),
        columns,
        provider,
        partition_by,
        location,
        options,
        query,
        if_not_exists: c.if_not_exists,
        replace: c.or_replace,
        comments,
    })
}

fn insert(i: sql::Insert, text: &str, conf: &Conf, relations: &dyn RelationSource) -> Result<TableStatement> {
    let sql::TableObject::TableName(name) = &i.table else { return Err(unsupported("INSERT INTO a table function")) };
    let partition = i.partitioned.iter().flatten().map(|e| partition_spec(e, text)).collect::<Result<Vec<_>>>()?;
    let Some(source) = i.source else { return Err(parse_error(text, "INSERT needs VALUES or a query")) };
    let query = QueryBuilder::new(conf, relations).query(*source)?;
    let columns = i.columns.iter().map(|c| object_name(c).join(".")).collect();
    Ok(TableStatement::Insert { name: object_name(name), columns, query, overwrite: i.overwrite, partition })
}

/// `k` or `k=literal` of `PARTITION (...)`.
fn partition_spec(e: &sql::Expr, text: &str) -> Result<PartitionSpec> {
    let column = |e: &sql::Expr| match e {
        sql::Expr::Identifier(id) => Ok(id.value.clone()),
        _ => Err(parse_error(text, "PARTITION (column[=value], ...)")),
    };
    match e {
        sql::Expr::BinaryOp { left, op: sql::BinaryOperator::Eq, right } => Ok(PartitionSpec::Static(column(left)?, partition_value(right, text)?)),
        other => Ok(PartitionSpec::Dynamic(column(other)?)),
    }
}

/// A static partition value as text (Spark keeps it as a string until it casts it to
/// the column's type); NULL is `None`.
fn partition_value(e: &sql::Expr, text: &str) -> Result<Option<String>> {
    match e {
        sql::Expr::Value(v) => match &v.value {
            sql::Value::Null => Ok(None),
            sql::Value::Number(n, _) => Ok(Some(n.to_string())),
            sql::Value::SingleQuotedString(s) | sql::Value::DoubleQuotedString(s) => Ok(Some(s.clone())),
            sql::Value::Boolean(b) => Ok(Some(b.to_string())),
            _ => Err(parse_error(text, "a literal partition value")),
        },
        sql::Expr::UnaryOp { op: sql::UnaryOperator::Minus, expr } => Ok(partition_value(expr, text)?.map(|v| format!("-{v}"))),
        _ => Err(parse_error(text, "a literal partition value")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partitioned_by_moves_before_using() {
        let words = |s: String| s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(
            words(partitioned_before_using("CREATE TABLE t (a INT, c INT) USING parquet PARTITIONED BY (c)")),
            "CREATE TABLE t (a INT, c INT) PARTITIONED BY (c) USING parquet"
        );
        let kept = "CREATE TABLE t (a INT) PARTITIONED BY (a) USING parquet";
        assert_eq!(partitioned_before_using(kept), kept);
        assert_eq!(partitioned_before_using("CREATE TABLE t (a INT) USING json"), "CREATE TABLE t (a INT) USING json");
    }

    #[test]
    fn describe_with_a_column_names_it() {
        let conf = Conf::default();
        struct NoRelations;
        impl RelationSource for NoRelations {
            fn relation(&self, parts: &[String]) -> Result<Arc<Plan>> {
                Err(crate::error::Error::unsupported(parts.join(".")))
            }
        }
        let parsed = parse("DESC EXTENDED db.t `b`", &conf, &NoRelations).unwrap();
        assert!(matches!(parsed, Some(TableStatement::DescribeColumn { name, column, extended: true }) if name == ["db", "t"] && column == "b"));
        let parsed = parse("DESCRIBE t", &conf, &NoRelations).unwrap();
        assert!(matches!(parsed, Some(TableStatement::Describe { extended: false, .. })));
    }

    #[test]
    fn insert_column_list_moves_before_partition() {
        assert_eq!(columns_before_partition("INSERT INTO t PARTITION (k=1) (b, a) VALUES (1, 2)"), "INSERT INTO t (b, a) PARTITION (k=1) VALUES (1, 2)");
        let query = "INSERT INTO t PARTITION (k=1) (SELECT 1)";
        assert_eq!(columns_before_partition(query), query);
        let plain = "INSERT INTO t PARTITION (k) VALUES (1, 2)";
        assert_eq!(columns_before_partition(plain), plain);
    }

    #[test]
    fn top_level_commas_split_columns() {
        assert_eq!(split_top_level("a INT, m MAP<INT, STRING>, d DECIMAL(10, 2)"), ["a INT", " m MAP<INT, STRING>", " d DECIMAL(10, 2)"]);
        assert!(split_top_level("  ").is_empty());
        assert_eq!(split_top_level("c INT COMMENT 'a, (b'"), ["c INT COMMENT 'a, (b'"]);
    }
}
