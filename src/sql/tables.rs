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
    /// `INSERT INTO|OVERWRITE [TABLE] t [(cols)] VALUES ... | query`.
    Insert { name: Vec<String>, columns: Vec<String>, query: Arc<Plan>, overwrite: bool },
    Drop { name: Vec<String>, if_exists: bool },
    Truncate { name: Vec<String> },
    Rename { from: Vec<String>, to: Vec<String> },
    /// `SHOW TABLES [IN|FROM db] [[LIKE] 'pattern']`.
    ShowTables { database: Option<String>, pattern: Option<String> },
    ShowCreate { name: Vec<String> },
    /// `DESCRIBE [TABLE] name`: a table's columns and partitioning (or a view's columns).
    Describe { name: Vec<String> },
    CreateDatabase { name: String, if_not_exists: bool, location: String },
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
        ["DESCRIBE" | "DESC", "TABLE", _] => TableStatement::Describe { name: parse_name(words[2])? },
        ["DESCRIBE" | "DESC", w] if !matches!(*w, "QUERY" | "FUNCTION" | "EXTENDED" | "FORMATTED" | "TABLE") => {
            TableStatement::Describe { name: parse_name(words[1])? }
        }
        ["CREATE", "DATABASE" | "SCHEMA", ..] if upper.contains(&"LOCATION") => create_database(&words, &upper, text)?,
        ["CREATE", "TABLE" | "EXTERNAL", ..] | ["CREATE", "OR", "REPLACE", "TABLE", ..] | ["INSERT", ..] => {
            return parsed(trimmed, conf, relations).map(Some)
        }
        _ => return Ok(None),
    }))
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

fn parsed(text: &str, conf: &Conf, relations: &dyn RelationSource) -> Result<TableStatement> {
    let rewritten = partitioned_before_using(text);
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
    if i.partitioned.is_some() {
        return Err(unsupported("INSERT with a PARTITION clause"));
    }
    let Some(source) = i.source else { return Err(parse_error(text, "INSERT needs VALUES or a query")) };
    let query = QueryBuilder::new(conf, relations).query(*source)?;
    let columns = i.columns.iter().map(|c| object_name(c).join(".")).collect();
    Ok(TableStatement::Insert { name: object_name(name), columns, query, overwrite: i.overwrite })
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
}
