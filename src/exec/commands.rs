//! Session commands of `spark.sql` (`sql::commands`): their rows, as Spark's commands
//! give them.

use super::Session;
use crate::error::{Error, Result};
use crate::ir::Plan;
use crate::sql::commands::{builtin_function_names, matches_pattern, Command};

/// The search path Spark names when a function is not found.
const SEARCH_PATH: &str = "[`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`]";

impl Session {
    pub(super) fn run_command(&self, command: Command) -> Result<Plan> {
        match command {
            Command::Explain { plan, extended } => {
                let text = match plan {
                    Ok(plan) => self.explain(&plan, extended)?,
                    Err(message) => format!("Error occurred during query planning: \n{message}"),
                };
                self.string_rows(&["plan"], vec![vec![text]])
            }
            Command::ShowFunctions { user, system, pattern } => {
                let rows = self
                    .function_names(user, system)
                    .into_iter()
                    .filter(|(name, _)| pattern.as_deref().is_none_or(|p| matches_pattern(name, p)))
                    .map(|(name, _)| vec![name])
                    .collect();
                self.string_rows(&["function"], rows)
            }
            Command::ShowDatabases { pattern } => {
                let rows = self
                    .catalog
                    .databases()?
                    .into_iter()
                    .filter(|d| pattern.as_deref().is_none_or(|p| matches_pattern(d, p)))
                    .map(|d| vec![d])
                    .collect();
                self.string_rows(&["namespace"], rows)
            }
            Command::DescribeFunction { name, extended } => {
                let rows = self.describe_function(&name, extended)?;
                self.string_rows(&["function_desc"], rows.into_iter().map(|r| vec![r]).collect())
            }
            Command::SetTimeZone(zone) => {
                crate::compat::timezone::parse(&zone)?;
                self.set_conf("spark.sql.session.timeZone", &zone);
                self.string_rows(&["key", "value"], vec![vec!["spark.sql.session.timeZone".into(), zone]])
            }
            Command::ShowCurrentNamespace => {
                let database = self.catalog.current_database();
                self.string_rows(&["catalog", "namespace"], vec![vec!["spark_catalog".into(), database]])
            }
            Command::ShowCatalogs => self.string_rows(&["catalog"], vec![vec!["spark_catalog".into()]]),
        }
    }

    /// Functions by name, sorted, with whether each is temporary (registered with
    /// `spark.udf.register`): `user` the temporary ones, `system` the built-in ones.
    pub fn function_names(&self, user: bool, system: bool) -> Vec<(String, bool)> {
        let mut out: Vec<(String, bool)> = vec![];
        if user {
            if let Ok(udfs) = self.udfs.read() {
                out.extend(udfs.keys().map(|k| (k.clone(), true)));
            }
        }
        if system {
            out.extend(builtin_function_names().into_iter().filter(|n| !out.iter().any(|(u, _)| u == n)).map(|n| (n, false)).collect::<Vec<_>>());
        }
        out.sort();
        out
    }

    /// `DESCRIBE FUNCTION`: its name, its class (PyRust has no JVM classes: the registry's
    /// family is named instead) and its usage.
    fn describe_function(&self, name: &str, extended: bool) -> Result<Vec<String>> {
        let lower = name.to_lowercase();
        let temporary = self.udfs.read().map(|u| u.contains_key(&lower)).unwrap_or(false);
        let builtin = builtin_function_names().contains(&lower);
        if !temporary && !builtin {
            return Err(Error::analysis("UNRESOLVED_ROUTINE", format!("Cannot resolve routine `{name}` on search path {SEARCH_PATH}."))
                .with_param("routineName", format!("`{name}`"))
                .with_param("searchPath", SEARCH_PATH));
        }
        let class = if temporary { "a Python function (spark.udf.register)".to_string() } else { function_class(&lower) };
        let mut rows = vec![format!("Function: {lower}"), format!("Class: {class}"), "Usage: N/A.".to_string()];
        if extended {
            rows.push("Extended Usage:\n    No example/argument for this function.".to_string());
        }
        Ok(rows)
    }
}

/// The class PyRust names for a built-in: its registry family.
pub fn function_class(name: &str) -> String {
    match crate::analysis::functions::lookup(name) {
        Some(def) => format!("pyrust.{:?}", def.func).split('(').next().unwrap_or("pyrust").to_string(),
        None => "pyrust.Syntax".to_string(),
    }
}
