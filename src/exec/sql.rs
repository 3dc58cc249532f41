//! `spark.sql(...)`: statements carried out on the session. A query gives its plan; a
//! command changes the session (views, settings) and gives the rows Spark's command
//! gives (`SET` its key and value, `SHOW TABLES` the views).

use super::Session;
use crate::analysis::{builder, new_plan_id, RelationSource};
use crate::error::{Error, Result};
use crate::ir::{DataType, Plan, StructField};
use crate::sql::parameters::{with_parameters, Parameters};
use crate::sql::statement::{parse_statement, table_not_found, Statement};
use crate::sql::tables::TableStatement;
use polars::prelude::{self as pl, IntoColumn, NamedFrom};
use std::sync::Arc;

impl RelationSource for Session {
    fn relation(&self, parts: &[String]) -> Result<Arc<Plan>> {
        // Temporary views first, then the catalog's tables (Spark's lookup order).
        match self.catalog.lookup(parts) {
            Ok(plan) => Ok(plan),
            Err(not_found) => self.table_relation(parts)?.ok_or(not_found),
        }
    }

    fn runner(&self) -> Option<&dyn crate::analysis::grouping::QueryRunner> {
        Some(self)
    }

    fn table_function(&self, name: &str, left: Option<Arc<Plan>>, args: Vec<crate::ir::Expr>) -> Result<Option<Plan>> {
        match self.table_function_resolver() {
            Some(resolver) => resolver.call(name, left, args),
            None => Ok(None),
        }
    }
}

/// Spark 1.6's string literals: backslashes kept as written (default false).
const ESCAPED_STRING_LITERALS: &str = "spark.sql.parser.escapedStringLiterals";

impl Session {
    /// `spark.sql(text, args)`: one statement with its parameters bound.
    pub fn sql_with_parameters(&self, text: &str, params: Parameters) -> Result<Plan> {
        with_parameters(params, || self.sql(text))
    }

    /// Runs one SQL statement; the plan of its result.
    pub fn sql(&self, text: &str) -> Result<Plan> {
        let conf = self.analysis_conf();
        let escaped = self.get_conf(ESCAPED_STRING_LITERALS).is_some_and(|v| v.eq_ignore_ascii_case("true"));
        let statement = crate::sql::with_escaped_string_literals(escaped, || {
            crate::sql::with_session_zone(&conf.session_time_zone, || parse_statement(text, &conf, self))
        })?;
        match statement {
            Statement::Query(plan) => Ok(Arc::unwrap_or_clone(plan)),
            Statement::CreateTempView { name, plan, replace, global } => {
                if global {
                    self.catalog.create_global_temp_view(&name, plan, replace)?;
                } else {
                    self.catalog.create_temp_view(&name, plan, replace)?;
                }
                self.no_rows()
            }
            Statement::DropView { name, if_exists } => {
                let dropped = match name.as_slice() {
                    [n] => self.catalog.drop_temp_view(n)?,
                    [db, n] if db.eq_ignore_ascii_case(super::catalog::GLOBAL_TEMP_DATABASE) => self.catalog.drop_global_temp_view(n)?,
                    _ => false,
                };
                if !dropped && !if_exists {
                    // After the temp views, Spark looks the name up in the session
                    // catalog, and reports it qualified there.
                    let qualified: Vec<String> = match name.as_slice() {
                        [n] => vec!["spark_catalog".into(), "default".into(), n.clone()],
                        [db, n] => vec!["spark_catalog".into(), db.clone(), n.clone()],
                        _ => name.clone(),
                    };
                    return Err(table_not_found(&qualified));
                }
                self.no_rows()
            }
            Statement::Set { key: Some(key), value: Some(value) } => {
                self.set_conf(&key, &value);
                self.string_rows(&["key", "value"], vec![vec![key, value]])
            }
            Statement::Set { key: Some(key), value: None } => {
                let value = self.get_conf(&key).unwrap_or_else(|| "<undefined>".into());
                self.string_rows(&["key", "value"], vec![vec![key, value]])
            }
            Statement::Set { key: None, .. } => {
                let rows = self.all_conf().into_iter().map(|(k, v)| vec![k, v]).collect();
                self.string_rows(&["key", "value"], rows)
            }
            Statement::Reset { key } => {
                match key {
                    Some(k) => self.unset_conf(&k),
                    None => {
                        for (k, _) in self.all_conf() {
                            self.unset_conf(&k);
                        }
                    }
                }
                self.no_rows()
            }
            Statement::ShowTables => {
                let names = self.catalog.temp_views()?;
                let n = names.len();
                let df = pl::DataFrame::new(
                    n,
                    vec![
                        pl::Series::new("namespace".into(), vec![""; n]).into_column(),
                        pl::Series::new("tableName".into(), names).into_column(),
                        pl::Series::new("isTemporary".into(), vec![true; n]).into_column(),
                    ],
                )?;
                let fields = vec![
                    StructField::new("namespace", DataType::String, false),
                    StructField::new("tableName", DataType::String, false),
                    StructField::new("isTemporary", DataType::Boolean, false),
                ];
                self.create_local(df, &fields)
            }
            Statement::ShowDatabases => self.string_rows(&["namespace"], self.catalog.databases()?.into_iter().map(|d| vec![d]).collect()),
            Statement::CreateDatabase { name, if_not_exists } => {
                self.catalog.create_database(&name, if_not_exists)?;
                self.no_rows()
            }
            Statement::DropDatabase { name, if_exists } => {
                self.catalog.drop_database(&name, if_exists)?;
                self.no_rows()
            }
            Statement::Describe(plan) => {
                let rows = plan.output.iter().map(|a| vec![Some(a.name.clone()), Some(a.data_type.simple_string()), None]).collect();
                self.describe_rows(rows)
            }
            Statement::ShowColumns(plan) => {
                self.string_rows(&["col_name"], plan.output.iter().map(|a| vec![a.name.clone()]).collect())
            }
            Statement::NoOp => self.no_rows(),
            Statement::Table(statement) => self.table_statement(*statement),
            Statement::Command(command) => self.run_command(command),
            Statement::Use { database } => {
                self.catalog.set_current_database(&database)?;
                self.no_rows()
            }
        }
    }

    /// A statement on the catalog's tables (`exec::tables`).
    fn table_statement(&self, statement: TableStatement) -> Result<Plan> {
        match statement {
            TableStatement::Create { name, columns, provider, partition_by, location, options, query, if_not_exists, replace, comments } => {
                if replace {
                    return Err(self.replace_table_unsupported(&name, query.is_some()));
                }
                let existed = self.table_meta(&name)?.is_some();
                self.create_table(&name, columns, provider.as_deref(), partition_by, location, options, query, if_not_exists)?;
                if !existed {
                    self.set_column_comments(&name, comments)?;
                }
            }
            TableStatement::CreateLike { name, source, provider, location, if_not_exists } => {
                self.create_table_like(&name, &source, provider.as_deref(), location, if_not_exists)?
            }
            TableStatement::CreateTempViewUsing { name, columns, provider, options, replace, global } => {
                let format = crate::io::parse_format(provider.as_deref().unwrap_or("parquet"))?;
                let paths = options.iter().filter(|(k, _)| k.eq_ignore_ascii_case("path")).map(|(_, v)| v.clone()).collect();
                let schema = (!columns.is_empty()).then_some(columns);
                let plan = Arc::new(self.read(format, paths, options, schema)?);
                if global {
                    self.catalog.create_global_temp_view(&name, plan, replace)?;
                } else {
                    self.catalog.create_temp_view(&name, plan, replace)?;
                }
            }
            TableStatement::Insert { name, columns, query, overwrite, partition } if partition.is_empty() => self.insert_into(query, &name, &columns, overwrite)?,
            TableStatement::Insert { name, columns, query, overwrite, partition } => self.insert_into_partition(query, &name, &columns, overwrite, &partition)?,
            TableStatement::AddColumns { name, columns, comments } => self.add_columns(&name, columns, comments)?,
            TableStatement::Drop { name, if_exists } => self.drop_table(&name, if_exists)?,
            TableStatement::Truncate { name } => self.truncate_table(&name)?,
            TableStatement::Rename { from, to } => self.rename_table(&from, &to)?,
            TableStatement::CreateDatabase { name, if_not_exists, location } => self.catalog.create_database_at(&name, if_not_exists, Some(&location))?,
            TableStatement::ShowTables { database, pattern } => return self.show_tables(database.as_deref(), pattern.as_deref()),
            TableStatement::ShowCreate { name } => {
                let meta = self.table_meta(&name)?.ok_or_else(|| table_not_found(&name))?;
                return self.string_rows(&["createtab_stmt"], vec![vec![self.show_create_table(&meta)]]);
            }
            TableStatement::DescribeColumn { name, column, extended } => return self.describe_column(&name, &column, extended),
            TableStatement::Describe { name, extended } => {
                let is_view = self.catalog.lookup(&name).is_ok();
                return match self.table_meta(&name)? {
                    Some(meta) if !is_view => {
                        let mut rows = self.describe_table_rows(&meta);
                        if extended {
                            rows.extend(self.describe_table_details(&meta));
                        }
                        self.describe_rows(rows)
                    }
                    _ => {
                        let plan = crate::analysis::RelationSource::relation(self, &name)?;
                        self.describe_rows(plan.output.iter().map(|a| vec![Some(a.name.clone()), Some(a.data_type.simple_string()), None]).collect())
                    }
                };
            }
        }
        self.no_rows()
    }

    /// `SHOW TABLES [IN db] [LIKE pattern]`: the database's tables, then the temporary
    /// views, as Spark lists them.
    fn show_tables(&self, database: Option<&str>, pattern: Option<&str>) -> Result<Plan> {
        let db = database.map(str::to_ascii_lowercase).unwrap_or_else(|| self.catalog.current_database());
        let matches = |name: &str| pattern.is_none_or(|p| super::tables::like_pattern(p, name));
        let mut rows: Vec<(String, String, bool)> = self.tables_of(&db)?.into_iter().filter(|m| matches(&m.name)).map(|m| (m.database, m.name, false)).collect();
        rows.extend(self.catalog.temp_views()?.into_iter().filter(|v| matches(v)).map(|v| (String::new(), v, true)));
        let n = rows.len();
        let df = pl::DataFrame::new(
            n,
            vec![
                pl::Series::new("namespace".into(), rows.iter().map(|r| r.0.clone()).collect::<Vec<_>>()).into_column(),
                pl::Series::new("tableName".into(), rows.iter().map(|r| r.1.clone()).collect::<Vec<_>>()).into_column(),
                pl::Series::new("isTemporary".into(), rows.iter().map(|r| r.2).collect::<Vec<_>>()).into_column(),
            ],
        )?;
        let fields = vec![
            StructField::new("namespace", DataType::String, false),
            StructField::new("tableName", DataType::String, false),
            StructField::new("isTemporary", DataType::Boolean, false),
        ];
        self.create_local(df, &fields)
    }

    /// An empty result without columns, as Spark's commands give.
    fn no_rows(&self) -> Result<Plan> {
        let none = Arc::new(builder::range(0, 0, 1)?);
        builder::project(none, vec![], &self.analysis_conf(), new_plan_id())
    }

    /// DESCRIBE's rows: `col_name`, `data_type`, `comment` (the comment nullable).
    fn describe_rows(&self, rows: Vec<Vec<Option<String>>>) -> Result<Plan> {
        let names = ["col_name", "data_type", "comment"];
        let columns = names
            .iter()
            .enumerate()
            .map(|(i, name)| pl::Series::new((*name).into(), rows.iter().map(|r| r[i].clone()).collect::<Vec<_>>()).into_column())
            .collect();
        let df = pl::DataFrame::new(rows.len(), columns).map_err(Error::from)?;
        let fields: Vec<StructField> = names.iter().map(|n| StructField::new(*n, DataType::String, *n == "comment")).collect();
        self.create_local(df, &fields)
    }

    /// `DESCRIBE t column`: `info_name`/`info_value` rows of the column's name, type and
    /// comment; EXTENDED adds its statistics (none computed, as Spark without ANALYZE
    /// TABLE). Spark writes a missing value as the text `NULL`, never a NULL.
    fn describe_column(&self, name: &[String], column: &str, extended: bool) -> Result<Plan> {
        let is_view = self.catalog.lookup(name).is_ok();
        let meta = if is_view { None } else { self.table_meta(name)? };
        let plan = crate::analysis::RelationSource::relation(self, name)?;
        let conf = self.analysis_conf();
        let attr = plan.output.iter().find(|a| conf.names_equal(&a.name, column)).ok_or_else(|| {
            Error::analysis(
                "COLUMN_NOT_FOUND",
                format!("The column `{column}` cannot be found. Verify the spelling and correctness of the column name according to the SQL config \"spark.sql.caseSensitive\"."),
            )
            .with_param("colName", format!("`{column}`"))
            .with_param("caseSensitiveConfig", "\"spark.sql.caseSensitive\"")
        })?;
        let missing = || "NULL".to_string();
        let comment = meta.as_ref().and_then(|m| m.comment(&attr.name)).unwrap_or_else(missing);
        // The column as written (Spark shows `amount` for a column `Amount`).
        let mut rows = vec![("col_name", column.to_string()), ("data_type", attr.data_type.simple_string()), ("comment", comment)];
        if extended {
            rows.extend(["min", "max", "num_nulls", "distinct_count", "avg_col_len", "max_col_len", "histogram"].map(|k| (k, missing())));
        }
        let names: Vec<&str> = rows.iter().map(|(k, _)| *k).collect();
        let values: Vec<String> = rows.into_iter().map(|(_, v)| v).collect();
        let df = pl::DataFrame::new(
            names.len(),
            vec![pl::Series::new("info_name".into(), names).into_column(), pl::Series::new("info_value".into(), values).into_column()],
        )
        .map_err(Error::from)?;
        let fields = vec![StructField::new("info_name", DataType::String, false), StructField::new("info_value", DataType::String, false)];
        self.create_local(df, &fields)
    }

    /// A result of string columns (not nullable).
    pub(super) fn string_rows(&self, names: &[&str], rows: Vec<Vec<String>>) -> Result<Plan> {
        let n = rows.len();
        let columns = names
            .iter()
            .enumerate()
            .map(|(i, name)| pl::Series::new((*name).into(), rows.iter().map(|r| r[i].clone()).collect::<Vec<_>>()).into_column())
            .collect();
        let df = pl::DataFrame::new(n, columns).map_err(Error::from)?;
        let fields: Vec<StructField> = names.iter().map(|n| StructField::new(*n, DataType::String, false)).collect();
        self.create_local(df, &fields)
    }
}
