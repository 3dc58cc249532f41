//! `spark.sql(...)` statements: a query, or a command on the session (views, settings,
//! catalog listings). Parsing and planning happen here; `exec` carries the commands out.

use super::query::QueryBuilder;
use super::{parse_error, unsupported};
use crate::analysis::{Conf, RelationSource};
use crate::error::{Error, Result};
use crate::ir::Plan;
use sqlparser::ast as sql;
use std::sync::Arc;

/// What a statement asks for.
#[derive(Debug)]
pub enum Statement {
    Query(Arc<Plan>),
    /// `CREATE [OR REPLACE] [GLOBAL] TEMP VIEW name AS query`.
    CreateTempView { name: String, plan: Arc<Plan>, replace: bool, global: bool },
    DropView { name: Vec<String>, if_exists: bool },
    /// `SET key=value`; `SET key` shows one setting, `SET` all of them.
    Set { key: Option<String>, value: Option<String> },
    /// `RESET` or `RESET key`.
    Reset { key: Option<String> },
    ShowTables,
    ShowDatabases,
    /// `CREATE DATABASE|SCHEMA [IF NOT EXISTS] name`.
    CreateDatabase { name: String, if_not_exists: bool },
    /// `DROP DATABASE|SCHEMA [IF EXISTS] name [CASCADE]`.
    DropDatabase { name: String, if_exists: bool },
    /// `USE db`.
    Use { database: String },
    /// `DESCRIBE [TABLE] name` and `DESCRIBE QUERY query`: the columns of a plan.
    Describe(Arc<Plan>),
    /// `SHOW COLUMNS (IN|FROM) name`.
    ShowColumns(Arc<Plan>),
    /// EXPLAIN, SHOW FUNCTIONS, DESCRIBE FUNCTION, SET TIME ZONE... (`sql::commands`).
    Command(super::commands::Command),
    /// `CACHE TABLE`, `UNCACHE TABLE`, `CLEAR CACHE`, `REFRESH TABLE`: checked, then
    /// nothing to do — PyRust reads a view's data afresh each time, which is the
    /// answer a cached or refreshed view gives.
    NoOp,
    /// A statement on the catalog's tables (`sql::tables`).
    Table(Box<super::tables::TableStatement>),
}

/// Statements sqlparser's Spark dialect does not read, by their leading words.
fn spark_only_statement(text: &str, conf: &Conf, relations: &dyn RelationSource) -> Result<Option<Statement>> {
    let trimmed = text.trim().trim_end_matches(';').trim();
    let words: Vec<&str> = trimmed.split_whitespace().collect();
    let upper: Vec<String> = words.iter().map(|w| w.to_ascii_uppercase()).collect();
    let upper: Vec<&str> = upper.iter().map(String::as_str).collect();
    let name = |w: &str| super::parse_name(w);
    let relation = |w: &str| -> Result<Arc<Plan>> { relations.relation(&name(w)?) };
    Ok(Some(match upper.as_slice() {
        ["SET"] => Statement::Set { key: None, value: None },
        ["SET", key] if !key.contains('=') && !key.starts_with('-') => Statement::Set { key: Some(words[1].to_string()), value: None },
        ["RESET"] => Statement::Reset { key: None },
        ["RESET", _] => Statement::Reset { key: Some(words[1].to_string()) },
        ["CLEAR", "CACHE"] => Statement::NoOp,
        ["CACHE", "TABLE", _] | ["CACHE", "LAZY", "TABLE", _] | ["REFRESH", "TABLE", _] => {
            relation(words[words.len() - 1])?;
            Statement::NoOp
        }
        ["UNCACHE", "TABLE", _] => {
            relation(words[2])?;
            Statement::NoOp
        }
        ["UNCACHE", "TABLE", "IF", "EXISTS", _] => Statement::NoOp,
        ["DESCRIBE" | "DESC", "QUERY", ..] => {
            let query = trimmed.split_once(char::is_whitespace).map(|(_, rest)| rest.trim_start()).unwrap_or_default();
            let query = &query[5..];
            match parse_statement(query, conf, relations)? {
                Statement::Query(plan) => Statement::Describe(plan),
                _ => return Err(parse_error(text, "DESCRIBE QUERY takes a query")),
            }
        }
        ["DESCRIBE" | "DESC", "FUNCTION", ..] => return Err(unsupported("DESCRIBE FUNCTION")),
        ["DESCRIBE" | "DESC", "TABLE", "EXTENDED" | "FORMATTED", ..] | ["DESCRIBE" | "DESC", "EXTENDED" | "FORMATTED", ..] => {
            return Err(unsupported("DESCRIBE EXTENDED"))
        }
        ["DESCRIBE" | "DESC", "TABLE", _] => Statement::Describe(relation(words[2])?),
        ["DESCRIBE" | "DESC", _] => Statement::Describe(relation(words[1])?),
        ["SHOW", "COLUMNS", "IN" | "FROM", _] => Statement::ShowColumns(relation(words[3])?),
        ["SHOW", "COLUMNS", "IN" | "FROM", _, "IN" | "FROM", _] => {
            let mut parts = name(words[5])?;
            parts.extend(name(words[3])?);
            Statement::ShowColumns(relations.relation(&parts)?)
        }
        _ => return Ok(None),
    }))
}

/// `CREATE [OR REPLACE] GLOBAL TEMP[ORARY] VIEW`: sqlparser has no GLOBAL views, so
/// the word is taken out (and remembered) before parsing.
fn without_global(text: &str) -> (String, bool) {
    let words: Vec<&str> = text.split_whitespace().collect();
    let lower: Vec<String> = words.iter().take(6).map(|w| w.to_ascii_lowercase()).collect();
    let at = match lower.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["create", "global", "temp" | "temporary", "view", ..] => 1,
        ["create", "or", "replace", "global", "temp" | "temporary", "view", ..] => 3,
        _ => return (text.to_string(), false),
    };
    let kept: Vec<&str> = words.iter().enumerate().filter(|(i, _)| *i != at).map(|(_, w)| *w).collect();
    (kept.join(" "), true)
}

pub fn parse_statement(text: &str, conf: &Conf, relations: &dyn RelationSource) -> Result<Statement> {
    // An error about a fragment (a literal) is placed in the text as Spark's context.
    // Expressions that can fail carry their fragment of the text (`sql::origin`).
    super::origin::reading(Some(text), 0, || statement(text, conf, relations))
        .map_err(|e| {
            let e = crate::error::unresolved_name::place(super::errors::place(e, text, 0), text, 0, text.chars().count().saturating_sub(1));
            e.statement_context(text)
        })
}

fn statement(text: &str, conf: &Conf, relations: &dyn RelationSource) -> Result<Statement> {
    if let Some(statement) = super::tables::parse(text, conf, relations)? {
        return Ok(Statement::Table(Box::new(statement)));
    }
    let query = |q: &str| match parse_statement(q, conf, relations)? {
        Statement::Query(plan) => Ok(plan),
        _ => Err(unsupported("EXPLAIN of a statement that is not a query")),
    };
    if let Some(command) = super::commands::command(text, &query)? {
        return Ok(Statement::Command(command));
    }
    if let Some(statement) = spark_only_statement(text, conf, relations)? {
        return Ok(statement);
    }
    let (parsed_text, global) = without_global(text);
    let mut statements = super::parse_sql(&parsed_text).map_err(|e| super::errors::syntax_error(text, &e, 0))?;
    match statements.len() {
        0 => return Err(super::errors::no_statement(text)),
        1 => {}
        _ => return Err(super::errors::second_statement(text)),
    }
    let statement = statements.remove(0);
    if parsed_text != text {
        // The spans of a rewritten text are not the user's: no origins, and its errors
        // have no context.
        return super::origin::reading(None, 0, || converted(statement, text, conf, relations, global, super::errors::unplaced));
    }
    converted(statement, text, conf, relations, global, |e| e)
}

/// `statement`, read from `text`; `rewritten` is applied to the errors of a view's query.
fn converted(
    statement: sql::Statement,
    text: &str,
    conf: &Conf,
    relations: &dyn RelationSource,
    global: bool,
    rewritten: fn(Error) -> Error,
) -> Result<Statement> {
    match statement {
        sql::Statement::Query(q) => Ok(Statement::Query(QueryBuilder::new(conf, relations).query(*q).map_err(|e| super::qualify_error(text, e))?)),
        sql::Statement::CreateView(v) => {
            if !v.temporary {
                // A persistent view needs the catalog of tables (not there yet).
                return Err(unsupported("CREATE VIEW without TEMPORARY (persistent views)"));
            }
            let plan = QueryBuilder::new(conf, relations).query(*v.query).map_err(rewritten)?;
            Ok(Statement::CreateTempView { name: v.name.to_string(), plan, replace: v.or_replace, global })
        }
        sql::Statement::Drop { object_type: sql::ObjectType::View, if_exists, names, .. } => {
            let name = names.first().map(|n| n.0.iter().map(|p| p.to_string()).collect()).unwrap_or_default();
            Ok(Statement::DropView { name, if_exists })
        }
        sql::Statement::CreateDatabase { db_name, if_not_exists, location: None, managed_location: None, .. } => {
            Ok(Statement::CreateDatabase { name: database_name(&db_name)?, if_not_exists })
        }
        sql::Statement::CreateSchema { schema_name: sql::SchemaName::Simple(name), if_not_exists, .. } => {
            Ok(Statement::CreateDatabase { name: database_name(&name)?, if_not_exists })
        }
        sql::Statement::Drop { object_type: sql::ObjectType::Schema | sql::ObjectType::Database, if_exists, names, .. } => match names.as_slice() {
            [name] => Ok(Statement::DropDatabase { name: database_name(name)?, if_exists }),
            _ => Err(unsupported("DROP DATABASE of several names")),
        },
        sql::Statement::Set(set) => set_statement(set, text),
        sql::Statement::ShowTables { .. } => Ok(Statement::ShowTables),
        sql::Statement::ShowDatabases { .. } | sql::Statement::ShowSchemas { .. } => Ok(Statement::ShowDatabases),
        sql::Statement::Use(u) => match u {
            sql::Use::Object(name) | sql::Use::Database(name) | sql::Use::Schema(name) => Ok(Statement::Use { database: name.to_string() }),
            other => Err(unsupported(&format!("USE {other}"))),
        },
        other => Err(unsupported(&format!("the statement `{}`", first_words(&other.to_string())))),
    }
}

/// A database of the session catalog: one name part (`spark_catalog.db` not yet).
fn database_name(name: &sql::ObjectName) -> Result<String> {
    match name.0.as_slice() {
        [part] => Ok(part.as_ident().map(|i| i.value.clone()).unwrap_or_else(|| part.to_string())),
        _ => Err(unsupported(&format!("the database name `{name}` with a catalog"))),
    }
}

fn set_statement(set: sql::Set, text: &str) -> Result<Statement> {
    match set {
        sql::Set::SingleAssignment { variable, values, .. } => {
            let value = values.first().map(|v| v.to_string().trim_matches('\'').trim_matches('"').to_string());
            Ok(Statement::Set { key: Some(variable.to_string()), value })
        }
        other => Err(parse_error(text, format!("unsupported SET form `{other}`"))),
    }
}

fn first_words(s: &str) -> String {
    s.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
}

/// `TABLE_OR_VIEW_NOT_FOUND` for a relation name.
pub fn table_not_found(parts: &[String]) -> Error {
    let name = parts.iter().map(|p| format!("`{p}`")).collect::<Vec<_>>().join(".");
    Error::analysis(
        "TABLE_OR_VIEW_NOT_FOUND",
        format!("The table or view {name} cannot be found. Verify the spelling and correctness of the schema and catalog.\nIf you did not qualify the name with a schema, verify the current_schema() output, or qualify the name with the correct schema and catalog.\nTo tolerate the error on drop use DROP VIEW IF EXISTS or DROP TABLE IF EXISTS."),
    )
    .with_param("relationName", name)
}
