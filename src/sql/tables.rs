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
    },
    /// `INSERT INTO|OVERWRITE [TABLE] t [PARTITION (k=v, k2)] [(cols)] VALUES ... | query`.
    Insert { name: Vec<String>, columns: Vec<String>, query: Arc<Plan>, overwrite: bool, partition: Vec<PartitionSpec> },
    /// `ALTER TABLE t ADD COLUMN[S] (c type, ...)`; a `NOT NULL` column is not nullable.
    AddColumns { name: Vec<String>, columns: Vec<StructField> },
    Drop { name: Vec<String>, if_exists: bool },
    Truncate { name: Vec<String> },
    Rename { from: Vec<String>, to: Vec<String> },
    /// `SHOW TABLES [IN|FROM db] [[LIKE] 'pattern']`.
    ShowTables { database: Option<String>, pattern: Option<String> },
    ShowCreate { name: Vec<String> },
    /// `DESCRIBE [TABLE] [EXTENDED|FORMATTED] name`: a table's columns and partitioning
    /// (or a view's columns); EXTENDED adds the table's details.
    Describe { name: Vec<String>, extended: bool },
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
        ["ALTER", "TABLE", _, "ADD", "COLUMN" | "COLUMNS", _, ..] => add_columns(&words, trimmed)?,
        ["CREATE", "DATABASE" | "SCHEMA", ..] if upper.contains(&"LOCATION") => create_database(&words, &upper, text)?,
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
    let mut columns = vec![];
    for item in split_top_level(list) {
        let item = item.trim();
        let Some((column, definition)) = item.split_once(char::is_whitespace) else {
            return Err(parse_error(text, "ADD COLUMNS (name type, ...)"));
        };
        let upper = definition.to_ascii_uppercase();
        if upper.contains(" COMMENT ") || upper.starts_with("COMMENT ") {
            return Err(unsupported("ALTER TABLE ADD COLUMNS with a COMMENT"));
        }
        let (type_text, not_null) = match upper.trim_end().strip_suffix("NOT NULL") {
            Some(head) => (definition[..head.len()].trim(), true),
            None => (definition.trim(), false),
        };
        columns.push(StructField::new(column.trim_matches('`'), parse_ddl_type(type_text)?, !not_null));
    }
    if columns.is_empty() {
        return Err(parse_error(text, "ADD COLUMNS (name type, ...)"));
    }
    Ok(TableStatement::AddColumns { name, columns })
}

/// The comma-separated parts of `s` outside brackets (`a INT, m MAP<INT, STRING>`).
fn split_top_level(s: &str) -> Vec<&str> {
    let (mut parts, mut depth, mut start) = (vec![], 0i32, 0);
    for (i, c) in s.char_indices() {
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
    let rewritten = columns_before_partition(&partitioned_before_using(text));
    let mut statements = super::parse_sql(&rewritten).map_err(|e| super::errors::syntax_error(text, &e, 0))?;
    if statements.len() != 1 {
        return Err(parse_error(text, "expected one statement"));
    }
    match statements.remove(0) {
        sql::Statement::CreateTable(c) => create_table(c, conf, relations),
        sql::Statement::Insert(i) => insert(i, text, conf, relations),
        other => Err(unsupported(&format!("the statement `{}`", other.to_string().split_whitespace().take(3).collect::<Vec<_>>().join(" ")))),
    }
}

fn object_name(name: &sql::ObjectName) -> Vec<String> {
    name.0.iter().map(|p| p.as_ident().map(|i| i.value.clone()).unwrap_or_else(|| p.to_string())).collect()
}

fn create_table(c: sql::CreateTable, conf: &Conf, relations: &dyn RelationSource) -> Result<TableStatement> {
    if c.temporary || c.like.is_some() || c.clone.is_some() {
        return Err(unsupported("CREATE TEMPORARY TABLE / CREATE TABLE LIKE"));
    }
    let mut columns = vec![];
    for col in &c.columns {
        let not_null = col.options.iter().any(|o| matches!(o.option, sql::ColumnOption::NotNull));
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
    let mut options = BTreeMap::new();
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
    }
}
