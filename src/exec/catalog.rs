//! The session catalog: temporary views of this session, global temporary views shared
//! by every session of the process (`global_temp.name`, as Spark's `GlobalTempViewManager`),
//! and the current database. Names compare case-insensitively, as Spark's by default.

use crate::error::{Error, Result};
use crate::ir::Plan;
use crate::sql::statement::table_not_found;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, LazyLock, RwLock};

/// The database global temporary views live in.
pub const GLOBAL_TEMP_DATABASE: &str = "global_temp";

type Views = RwLock<BTreeMap<String, Arc<Plan>>>;

static GLOBAL_TEMP_VIEWS: LazyLock<Views> = LazyLock::new(|| RwLock::new(BTreeMap::new()));

pub struct Catalog {
    temp_views: Views,
    current_database: RwLock<String>,
    /// The databases (`default` and those made by `CREATE DATABASE`), lowercase.
    databases: RwLock<BTreeSet<String>>,
    /// `CREATE DATABASE ... LOCATION`: where a database's managed tables live (the
    /// others live under the warehouse directory, `exec::tables`).
    database_locations: RwLock<BTreeMap<String, String>>,
    /// The tables of the session catalog, by (database, table), lowercase.
    pub(crate) tables: RwLock<BTreeMap<(String, String), super::tables::TableMeta>>,
}

impl Default for Catalog {
    fn default() -> Self {
        Catalog {
            temp_views: RwLock::new(BTreeMap::new()),
            current_database: RwLock::new("default".into()),
            databases: RwLock::new(BTreeSet::from(["default".to_string()])),
            database_locations: RwLock::new(BTreeMap::new()),
            tables: RwLock::new(BTreeMap::new()),
        }
    }
}

fn schema_not_found(name: &str) -> Error {
    let name = format!("spark_catalog`.`{}", key(name));
    Error::analysis(
        "SCHEMA_NOT_FOUND",
        format!("The schema `{name}` cannot be found. Verify the spelling and correctness of the schema and catalog.\nIf you did not qualify the name with a catalog, verify the current_schema() output, or qualify the name with the correct catalog.\nTo tolerate the error on drop use DROP SCHEMA IF EXISTS."),
    )
    .with_param("schemaName", format!("`{name}`"))
}

pub(crate) fn key(name: &str) -> String {
    name.trim_matches('`').to_ascii_lowercase()
}

pub(crate) fn poisoned() -> Error {
    Error::internal("the session catalog's lock is poisoned")
}

fn create(views: &Views, name: &str, plan: Arc<Plan>, replace: bool, shown: &str) -> Result<()> {
    let mut views = views.write().map_err(|_| poisoned())?;
    if !replace && views.contains_key(&key(name)) {
        return Err(Error::analysis(
            "TEMP_TABLE_OR_VIEW_ALREADY_EXISTS",
            format!("Cannot create the temporary view `{shown}` because it already exists.\nChoose a different name, drop or replace the existing view, or add the IF NOT EXISTS clause to tolerate pre-existing views."),
        )
        .with_param("relationName", format!("`{shown}`")));
    }
    views.insert(key(name), plan);
    Ok(())
}

impl Catalog {
    pub fn create_temp_view(&self, name: &str, plan: Arc<Plan>, replace: bool) -> Result<()> {
        create(&self.temp_views, name, plan, replace, name)
    }

    pub fn create_global_temp_view(&self, name: &str, plan: Arc<Plan>, replace: bool) -> Result<()> {
        create(&GLOBAL_TEMP_VIEWS, name, plan, replace, &format!("{GLOBAL_TEMP_DATABASE}`.`{name}"))
    }

    /// Drops a temporary view; whether there was one.
    pub fn drop_temp_view(&self, name: &str) -> Result<bool> {
        Ok(self.temp_views.write().map_err(|_| poisoned())?.remove(&key(name)).is_some())
    }

    pub fn drop_global_temp_view(&self, name: &str) -> Result<bool> {
        Ok(GLOBAL_TEMP_VIEWS.write().map_err(|_| poisoned())?.remove(&key(name)).is_some())
    }

    /// The plan of a view named `v` or `global_temp.v`.
    pub fn lookup(&self, parts: &[String]) -> Result<Arc<Plan>> {
        let found = match parts {
            [name] => self.temp_views.read().map_err(|_| poisoned())?.get(&key(name)).cloned(),
            [db, name] if key(db) == GLOBAL_TEMP_DATABASE => GLOBAL_TEMP_VIEWS.read().map_err(|_| poisoned())?.get(&key(name)).cloned(),
            _ => None,
        };
        found.ok_or_else(|| table_not_found(parts))
    }

    /// The temporary views' names, sorted.
    pub fn temp_views(&self) -> Result<Vec<String>> {
        Ok(self.temp_views.read().map_err(|_| poisoned())?.keys().cloned().collect())
    }

    pub fn global_temp_views(&self) -> Result<Vec<String>> {
        Ok(GLOBAL_TEMP_VIEWS.read().map_err(|_| poisoned())?.keys().cloned().collect())
    }

    pub fn current_database(&self) -> String {
        self.current_database.read().map(|d| d.clone()).unwrap_or_else(|_| "default".into())
    }

    pub fn set_current_database(&self, name: &str) -> Result<()> {
        if !self.databases.read().map_err(|_| poisoned())?.contains(&key(name)) {
            return Err(schema_not_found(name));
        }
        *self.current_database.write().map_err(|_| poisoned())? = key(name);
        Ok(())
    }

    /// The databases, sorted (as `SHOW DATABASES`).
    pub fn databases(&self) -> Result<Vec<String>> {
        Ok(self.databases.read().map_err(|_| poisoned())?.iter().cloned().collect())
    }

    pub fn create_database(&self, name: &str, if_not_exists: bool) -> Result<()> {
        let mut dbs = self.databases.write().map_err(|_| poisoned())?;
        if !dbs.insert(key(name)) && !if_not_exists {
            let name = key(name);
            return Err(Error::analysis(
                "SCHEMA_ALREADY_EXISTS",
                format!("Cannot create schema `{name}` because it already exists.\nChoose a different name, drop the existing schema, or add the IF NOT EXISTS clause to tolerate pre-existing schema."),
            )
            .with_param("schemaName", format!("`{name}`")));
        }
        Ok(())
    }

    /// `CREATE DATABASE name LOCATION 'path'`: the database, and where its tables go.
    pub fn create_database_at(&self, name: &str, if_not_exists: bool, location: Option<&str>) -> Result<()> {
        let existed = self.database_exists(name)?;
        self.create_database(name, if_not_exists)?;
        if let (false, Some(location)) = (existed, location) {
            self.database_locations.write().map_err(|_| poisoned())?.insert(key(name), location.to_string());
        }
        Ok(())
    }

    pub fn database_exists(&self, name: &str) -> Result<bool> {
        Ok(self.databases.read().map_err(|_| poisoned())?.contains(&key(name)))
    }

    /// The location a database was created with, if it was given one.
    pub fn database_location(&self, name: &str) -> Result<Option<String>> {
        Ok(self.database_locations.read().map_err(|_| poisoned())?.get(&key(name)).cloned())
    }

    pub fn drop_database(&self, name: &str, if_exists: bool) -> Result<()> {
        if key(name) == "default" {
            return Err(Error::analysis("UNSUPPORTED_FEATURE.DROP_DATABASE", "The feature is not supported: Drop the default database `spark_catalog`.`default`.")
                .with_param("database", "`spark_catalog`.`default`"));
        }
        let removed = self.databases.write().map_err(|_| poisoned())?.remove(&key(name));
        if !removed && !if_exists {
            return Err(schema_not_found(name));
        }
        if removed {
            // The database's tables go with it (`CASCADE`; their files are left).
            self.database_locations.write().map_err(|_| poisoned())?.remove(&key(name));
            self.tables.write().map_err(|_| poisoned())?.retain(|(db, _), _| *db != key(name));
        }
        if removed && self.current_database() == key(name) {
            *self.current_database.write().map_err(|_| poisoned())? = "default".into();
        }
        Ok(())
    }
}
