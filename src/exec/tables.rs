//! Tables of the session catalog, as Spark's in-memory catalog keeps them: a table's
//! metadata (provider, location, schema, partition columns, managed or external) lives
//! in the session (`Catalog::tables`) and its data in files at its location — managed
//! tables under `<warehouse>/<table>` (`<warehouse>/<db>.db/<table>` in other
//! databases, or under a database's own `LOCATION`). Writes go through `io::write`
//! (staged, committed by rename, or copied in an object store).

use super::catalog::{key, poisoned};
use super::Session;
use crate::analysis::to_schema::can_store_assign;
use crate::analysis::{builder, new_plan_id};
use crate::error::{Error, Result};
use crate::io::location::{self, Location};
use crate::io::write::{SaveMode, WriteSpec};
use crate::ir::{CastKind, DataType, Expr, FileFormat, Plan, StructField};
use crate::sql::statement::table_not_found;
use crate::sql::tables::PartitionSpec;
use polars::prelude::{self as pl, IntoColumn};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

pub const WAREHOUSE_DIR: &str = "spark.sql.warehouse.dir";

/// What the catalog knows of a table.
#[derive(Debug, Clone)]
pub struct TableMeta {
    pub database: String,
    pub name: String,
    pub provider: FileFormat,
    pub location: String,
    /// Data columns, then the partition columns (Spark's order).
    pub schema: Vec<StructField>,
    pub partition_by: Vec<String>,
    pub managed: bool,
    pub options: BTreeMap<String, String>,
    /// When the table was created (seconds since the epoch), for DESCRIBE EXTENDED.
    pub created: i64,
    /// Column comments (`c INT COMMENT '...'`), by column name lowercased.
    pub comments: BTreeMap<String, String>,
}

impl TableMeta {
    /// The comment of column `name`, if it has one.
    pub fn comment(&self, name: &str) -> Option<String> {
        self.comments.get(&name.to_lowercase()).cloned()
    }

    /// `spark_catalog`.`db`.`t`, as Spark names a table in its errors.
    pub fn qualified(&self) -> String {
        qualified(&self.database, &self.name)
    }

    pub fn table_type(&self) -> &'static str {
        if self.managed { "MANAGED" } else { "EXTERNAL" }
    }
}

fn qualified(db: &str, name: &str) -> String {
    format!("`spark_catalog`.`{db}`.`{name}`")
}

/// The provider of a table: Spark's file sources (`USING parquet|csv|json|text`).
fn provider(name: Option<&str>) -> Result<FileFormat> {
    crate::io::parse_format(name.unwrap_or("parquet"))
}

/// Spark's name of a provider in its "format doesn't match" error.
fn provider_class(f: FileFormat) -> &'static str {
    match f {
        FileFormat::Parquet => "ParquetDataSourceV2",
        FileFormat::Csv => "CSVDataSourceV2",
        FileFormat::Json => "JsonDataSourceV2",
        FileFormat::Text => "TextDataSourceV2",
    }
}

pub fn already_exists(db: &str, name: &str) -> Error {
    let q = qualified(db, name);
    Error::analysis(
        "TABLE_OR_VIEW_ALREADY_EXISTS",
        format!("Cannot create table or view {q} because it already exists.\nChoose a different name, drop or replace the existing object, or add the IF NOT EXISTS clause to tolerate pre-existing objects."),
    )
    .with_param("relationName", q)
}

/// Spark's `DataTypeUtils.canWrite` under ANSI store assignment: `can_store_assign`,
/// with structs member by member, by position (inside arrays and maps too); a NULL
/// never goes where the table's type says NOT NULL.
fn can_write(from: &DataType, to: &DataType) -> bool {
    match (from, to) {
        (DataType::Struct(f), DataType::Struct(t)) => {
            f.len() == t.len() && f.iter().zip(t).all(|(f, t)| (!f.nullable || t.nullable) && can_write(&f.data_type, &t.data_type))
        }
        (DataType::Array(f, fnull), DataType::Array(t, tnull)) => (!fnull || *tnull) && can_write(f, t),
        (DataType::Map(fk, fv, fnull), DataType::Map(tk, tv, tnull)) => (!fnull || *tnull) && can_write(fk, tk) && can_write(fv, tv),
        _ => can_store_assign(from, to),
    }
}

/// Where a store assignment Spark refuses fails, as its `DataTypeUtils.canWrite` walks
/// the two types: into struct members, array elements and map keys and values
/// (`s`.`x`, `m`.`value`), else the
/// whole types at `path`.
fn unsafe_cast<'a>(path: Vec<String>, from: &'a DataType, to: &'a DataType) -> (Vec<String>, &'a DataType, &'a DataType) {
    let inner = |name: &str, f: &'a DataType, t: &'a DataType| {
        let mut p = path.clone();
        p.push(name.into());
        (!can_write(f, t)).then(|| unsafe_cast(p, f, t))
    };
    let found = match (from, to) {
        (DataType::Struct(f), DataType::Struct(t)) if f.len() == t.len() => {
            f.iter().zip(t).find_map(|(f, t)| inner(&t.name, &f.data_type, &t.data_type))
        }
        (DataType::Array(f, _), DataType::Array(t, _)) => inner("element", f, t),
        (DataType::Map(fk, fv, _), DataType::Map(tk, tv, _)) => inner("key", fk, tk).or_else(|| inner("value", fv, tv)),
        _ => None,
    };
    found.unwrap_or((path, from, to))
}

/// A type as Spark's `toSQLType(t.catalogString)` shows it: `MAP<STRING,INT>`.
fn catalog_string(t: &DataType) -> String {
    t.simple_string().to_uppercase()
}

/// A new table's schema: Spark's `asNullable` of the data's (nested types too).
fn nullable(fields: &[StructField]) -> Vec<StructField> {
    fields.iter().map(|f| StructField::new(f.name.clone(), f.data_type.as_nullable(), true)).collect()
}

fn same(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// The columns in Spark's table order: data columns, then the partition columns in
/// the order of `partition_by`.
fn table_order(fields: &[StructField], partition_by: &[String], table: &str) -> Result<Vec<StructField>> {
    let mut out: Vec<StructField> = fields.iter().filter(|f| !partition_by.iter().any(|p| same(p, &f.name))).cloned().collect();
    for p in partition_by {
        let field = fields.iter().find(|f| same(&f.name, p)).ok_or_else(|| {
            let cols = fields.iter().map(|f| format!("`{}`", f.name)).collect::<Vec<_>>().join(", ");
            Error::analysis(
                "COLUMN_NOT_DEFINED_IN_TABLE",
                format!("partition column `{p}` is not defined in table {table}, defined table columns are: {cols}."),
            )
            .with_param("colType", "partition")
            .with_param("colName", format!("`{p}`"))
            .with_param("tableName", table)
            .with_param("tableCols", cols)
        })?;
        out.push(field.clone());
    }
    Ok(out)
}

fn join_path(dir: &str, name: &str) -> String {
    format!("{}/{name}", dir.trim_end_matches('/'))
}

/// Whether a location holds data files (visible files below it).
fn has_data(location: &str, session: &Session) -> Result<bool> {
    match location::parse(location)? {
        Location::Local(p) => Ok(local_has_files(Path::new(&p))),
        Location::Remote(r) => {
            let client = crate::io::remote::Client::get_or_build(&r, &session.analysis_conf().storage)?;
            Ok(client.list(&r.key)?.iter().any(|o| {
                let rel = o.location.as_ref().strip_prefix(r.key.as_str()).unwrap_or(o.location.as_ref());
                rel.split('/').filter(|c| !c.is_empty()).all(|c| !c.starts_with(['_', '.']))
            }))
        }
    }
}

fn local_has_files(p: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(p) else { return p.is_file() };
    entries.flatten().any(|e| {
        let name = e.file_name().to_string_lossy().into_owned();
        !name.starts_with(['_', '.']) && (e.path().is_file() || local_has_files(&e.path()))
    })
}

/// Deletes what is at a location (a managed table's data).
fn delete_location(location: &str, session: &Session) -> Result<()> {
    match location::parse(location)? {
        Location::Local(p) => match std::fs::remove_dir_all(&p) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(crate::io::files::io_error("deleting", Path::new(&p), e)),
            _ => Ok(()),
        },
        Location::Remote(r) => {
            let client = crate::io::remote::Client::get_or_build(&r, &session.analysis_conf().storage)?;
            for o in client.list(&r.key)? {
                let key = o.location.to_string();
                crate::io::remote::block_on(client.delete_async(&key))??;
            }
            Ok(())
        }
    }
}

impl Session {
    /// The warehouse directory, absolute (Spark qualifies it against the working
    /// directory when the session starts).
    pub fn warehouse_dir(&self) -> String {
        let dir = self.get_conf(WAREHOUSE_DIR).unwrap_or_else(|| "spark-warehouse".into());
        match location::parse(&dir) {
            Ok(Location::Local(p)) => std::path::absolute(&p).map(|a| a.to_string_lossy().into_owned()).unwrap_or(p),
            _ => dir,
        }
    }

    /// Where a database's managed tables live.
    pub fn database_dir(&self, db: &str) -> Result<String> {
        if let Some(location) = self.catalog.database_location(db)? {
            return Ok(location);
        }
        let warehouse = self.warehouse_dir();
        Ok(if db == "default" { warehouse } else { join_path(&warehouse, &format!("{db}.db")) })
    }

    /// (database, table) of a table name: `t` in the current database, `db.t`,
    /// `spark_catalog.db.t`.
    pub fn table_ident(&self, parts: &[String]) -> Result<(String, String)> {
        match parts {
            [name] => Ok((self.catalog.current_database(), key(name))),
            [db, name] => Ok((key(db), key(name))),
            [catalog, db, name] if same(catalog, "spark_catalog") => Ok((key(db), key(name))),
            _ => Err(table_not_found(parts)),
        }
    }

    pub fn table_meta(&self, parts: &[String]) -> Result<Option<TableMeta>> {
        let ident = self.table_ident(parts)?;
        Ok(self.catalog.tables.read().map_err(|_| poisoned())?.get(&ident).cloned())
    }

    fn existing_table(&self, parts: &[String]) -> Result<TableMeta> {
        self.table_meta(parts)?.ok_or_else(|| table_not_found(parts))
    }

    fn register(&self, meta: TableMeta) -> Result<()> {
        self.catalog.tables.write().map_err(|_| poisoned())?.insert((meta.database.clone(), meta.name.clone()), meta);
        Ok(())
    }

    fn check_database(&self, db: &str) -> Result<()> {
        if self.catalog.database_exists(db)? {
            return Ok(());
        }
        Err(Error::analysis(
            "SCHEMA_NOT_FOUND",
            format!("The schema `spark_catalog`.`{db}` cannot be found. Verify the spelling and correctness of the schema and catalog.\nIf you did not qualify the name with a catalog, verify the current_schema() output, or qualify the name with the correct catalog.\nTo tolerate the error on drop use DROP SCHEMA IF EXISTS."),
        )
        .with_param("schemaName", format!("`spark_catalog`.`{db}`")))
    }

    /// A table's rows: a scan of its location with its schema (no files yet: no rows).
    pub fn table_relation(&self, parts: &[String]) -> Result<Option<Arc<Plan>>> {
        let Some(meta) = self.table_meta(parts)? else { return Ok(None) };
        if !has_data(&meta.location, self)? {
            let columns = meta
                .schema
                .iter()
                .map(|f| pl::Series::new_empty(f.name.as_str().into(), &crate::lowering::types::to_polars(&f.data_type)).into_column())
                .collect();
            let df = pl::DataFrame::new(0, columns)?;
            return Ok(Some(Arc::new(self.create_local(df, &meta.schema)?)));
        }
        // A table's options serve its writes and its reads; a reader takes the ones it knows.
        let table = crate::io::formats::table(meta.provider);
        let read_options = meta
            .options
            .iter()
            .filter(|(k, v)| {
                let one = BTreeMap::from([((*k).clone(), (*v).clone())]);
                crate::io::options::check(meta.provider, table, crate::io::options::Direction::Read, &one).is_ok()
            })
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let plan = self.read(meta.provider, vec![meta.location.clone()], read_options, Some(meta.schema.clone()))?;
        Ok(Some(Arc::new(plan)))
    }

    /// Writes a plan's rows to a table's location under a mode.
    fn write_table(&self, plan: &Plan, meta: &TableMeta, mode: SaveMode) -> Result<()> {
        // Spark's `DDLUtils.verifyNotReadPath`, naming the table.
        if mode == SaveMode::Overwrite && crate::io::write::reads_target(&plan.scanned_paths(), &meta.location)? {
            return Err(Error::analysis(
                "UNSUPPORTED_OVERWRITE.TABLE",
                format!("Can't overwrite the target that is also being read from. The target table is {}.", meta.qualified()),
            )
            .with_param("table", meta.qualified()));
        }
        let spec = WriteSpec {
            format: meta.provider,
            mode,
            path: meta.location.clone(),
            options: meta.options.clone(),
            partition_by: meta.partition_by.clone(),
        };
        self.write(plan, &spec)
    }

    /// A new table's metadata at its location: a managed table's location must not
    /// hold data yet (Spark's `LOCATION_ALREADY_EXISTS`).
    #[allow(clippy::too_many_arguments)]
    fn new_table(
        &self,
        db: &str,
        name: &str,
        format: FileFormat,
        mut options: BTreeMap<String, String>,
        location: Option<String>,
        fields: &[StructField],
        partition_by: Vec<String>,
    ) -> Result<TableMeta> {
        self.check_database(db)?;
        let path = options.iter().find(|(k, _)| same(k, "path")).map(|(_, v)| v.clone());
        options.retain(|k, _| !same(k, "path"));
        let given = location.or(path);
        let managed = given.is_none();
        let location = match given {
            Some(l) => l,
            None => join_path(&self.database_dir(db)?, name),
        };
        if managed && has_data(&location, self)? {
            let shown = match location::parse(&location)? {
                Location::Local(p) => format!("file:{p}"),
                Location::Remote(r) => r.shown(),
            };
            return Err(Error::analysis(
                "LOCATION_ALREADY_EXISTS",
                format!("Cannot name the managed table as {}, as its associated location '{shown}' already exists. Please pick a different table name, or remove the existing location first.", qualified(db, name)),
            )
            .with_param("location", format!("'{shown}'"))
            .with_param("identifier", qualified(db, name)));
        }
        let schema = nullable(&table_order(fields, &partition_by, &qualified(db, name))?);
        // Spark's `PreprocessTableCreation` (all columns first), then
        // `PartitioningUtils.validatePartitionColumn`, before any data is written.
        if !schema.is_empty() && partition_by.len() == schema.len() {
            return Err(Error::analysis("ALL_PARTITION_COLUMNS_NOT_ALLOWED", "Cannot use all columns for partition columns."));
        }
        crate::io::write::data_fields(&schema, &partition_by, false)?;
        let partition_by = partition_by.iter().map(|p| schema.iter().find(|f| same(&f.name, p)).map_or(p.clone(), |f| f.name.clone())).collect();
        let created = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
        Ok(TableMeta { database: db.into(), name: name.into(), provider: format, location, schema, partition_by, managed, options, created, comments: BTreeMap::new() })
    }

    /// `df.write.saveAsTable(name, format, mode, partitionBy, **options)`.
    pub fn save_as_table(&self, plan: &Plan, name: &str, format: Option<&str>, mode: SaveMode, options: BTreeMap<String, String>, partition_by: Vec<String>) -> Result<()> {
        let parts = crate::sql::parse_name(name)?;
        let (db, table) = self.table_ident(&parts)?;
        let existing = self.table_meta(&parts)?;
        let fields: Vec<StructField> = plan.output.iter().map(|a| StructField::new(a.name.clone(), a.data_type.clone(), a.nullable)).collect();
        match (existing, mode) {
            (Some(_), SaveMode::ErrorIfExists) => Err(already_exists(&db, &table)),
            (Some(_), SaveMode::Ignore) => Ok(()),
            (Some(meta), SaveMode::Append) => {
                if let Some(f) = format.map(|f| provider(Some(f))).transpose()? {
                    if f != meta.provider {
                        let q = format!("spark_catalog.{db}.{table}");
                        return Err(Error::analysis(
                            "_LEGACY_ERROR_TEMP_1159",
                            format!("The format of the existing table {q} is `{}`. It doesn't match the specified format `{}`.", provider_class(meta.provider), provider_class(f)),
                        )
                        .with_param("tableName", q)
                        .with_param("existingProvider", provider_class(meta.provider))
                        .with_param("specifiedProvider", provider_class(f)));
                    }
                }
                if fields.len() != meta.schema.len() {
                    let q = format!("spark_catalog.{db}.{table}");
                    let (a, b) = (struct_text(&meta.schema), struct_text(&fields));
                    return Err(Error::analysis("_LEGACY_ERROR_TEMP_1161", format!("The column number of the existing table {q} ({a}) doesn't match the data schema ({b})."))
                        .with_param("tableName", q)
                        .with_param("existingTableSchema", a)
                        .with_param("querySchema", b));
                }
                // saveAsTable appends by name.
                let by_name = by_name(plan, &meta, &self.analysis_conf())?;
                let aligned = self.store_assign(&by_name, &meta)?;
                self.write_table(&aligned, &meta, SaveMode::Append)
            }
            (Some(meta), SaveMode::Overwrite) => {
                let format = match format {
                    Some(f) => provider(Some(f))?,
                    None => meta.provider,
                };
                let mut replaced = TableMeta {
                    provider: format,
                    schema: nullable(&table_order(&fields, &partition_by, &meta.qualified())?),
                    partition_by: partition_by.clone(),
                    ..meta.clone()
                };
                replaced.options = options;
                let ordered = reorder(plan, &replaced.schema, &self.analysis_conf())?;
                self.write_table(&ordered, &replaced, SaveMode::Overwrite)?;
                self.register(replaced)
            }
            (None, _) => {
                let format = provider(format)?;
                let meta = self.new_table(&db, &table, format, options, None, &fields, partition_by)?;
                let ordered = reorder(plan, &meta.schema, &self.analysis_conf())?;
                self.write_table(&ordered, &meta, SaveMode::Overwrite)?;
                self.register(meta)
            }
        }
    }

    /// `df.write.insertInto(name, overwrite)` and SQL `INSERT`: the plan's columns by
    /// position (or by the named `columns`), cast to the table's types as Spark's
    /// store assignment casts them.
    pub fn insert_into(&self, plan: Arc<Plan>, name: &[String], columns: &[String], overwrite: bool) -> Result<()> {
        let meta = self.existing_table(name)?;
        let plan = if columns.is_empty() { plan } else { Arc::new(self.by_column_list(plan, columns, &meta)?) };
        let data = plan.output.len();
        let wanted = meta.schema.len();
        if data != wanted {
            let list = |names: Vec<&str>| names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
            let table_columns = list(meta.schema.iter().map(|f| f.name.as_str()).collect());
            let data_columns = list(plan.output.iter().map(|a| a.name.as_str()).collect());
            let (sub, reason) = if data > wanted { ("TOO_MANY_DATA_COLUMNS", "too many data columns") } else { ("NOT_ENOUGH_DATA_COLUMNS", "not enough data columns") };
            return Err(Error::analysis(
                &format!("INSERT_COLUMN_ARITY_MISMATCH.{sub}"),
                format!("Cannot write to {}, the reason is {reason}:\nTable columns: {table_columns}.\nData columns: {data_columns}.", meta.qualified()),
            )
            .with_param("tableName", meta.qualified())
            .with_param("tableColumns", table_columns)
            .with_param("dataColumns", data_columns));
        }
        let aligned = self.store_assign(&plan, &meta)?;
        self.write_table(&aligned, &meta, if overwrite { SaveMode::Overwrite } else { SaveMode::Append })
    }

    /// `INSERT INTO|OVERWRITE t PARTITION (k=v, k2) ...`: the static values join the
    /// data as columns (Spark casts their text to the columns' types); an overwrite
    /// replaces the partitions the static values name (the whole table when none is
    /// static, Spark's static overwrite mode).
    pub fn insert_into_partition(&self, plan: Arc<Plan>, name: &[String], columns: &[String], overwrite: bool, partition: &[PartitionSpec]) -> Result<()> {
        let meta = self.existing_table(name)?;
        let mut statics: Vec<(&StructField, Option<&String>)> = vec![];
        for (i, spec) in partition.iter().enumerate() {
            if !meta.partition_by.iter().any(|p| same(p, spec.column())) {
                return Err(partitions_not_found(spec.column(), &meta));
            }
            if partition[..i].iter().any(|s| same(s.column(), spec.column())) {
                let key = format!("`{}`", spec.column());
                return Err(Error::new(crate::error::ErrorKind::Parse, "DUPLICATE_KEY", format!("Found duplicate keys {key}.")).with_param("keyColumn", key));
            }
        }
        if partition.iter().any(|s| matches!(s, PartitionSpec::Static(_, Some(v)) if v.is_empty())) {
            let shown: Vec<String> = partition
                .iter()
                .map(|s| match s {
                    PartitionSpec::Static(c, Some(v)) => format!("{c}=Some({v})"),
                    other => format!("{}=None", other.column()),
                })
                .collect();
            let details = format!("The spec ([{}]) contains an empty partition column value", shown.join(", "));
            return Err(Error::analysis("_LEGACY_ERROR_TEMP_1076", format!("Partition spec is invalid. {details}.")).with_param("details", details));
        }
        // In the table's partition order, the static columns come first.
        let mut dynamic_seen = false;
        for p in &meta.partition_by {
            match partition.iter().find(|s| same(s.column(), p)) {
                Some(PartitionSpec::Static(_, value)) if !dynamic_seen => {
                    let field = meta.schema.iter().find(|f| same(&f.name, p)).ok_or_else(|| Error::internal("partition column not in the schema"))?;
                    statics.push((field, value.as_ref()));
                }
                Some(PartitionSpec::Static(..)) => {
                    let columns = format!("[{}]", meta.partition_by.join(","));
                    return Err(Error::analysis(
                        "_LEGACY_ERROR_TEMP_1147",
                        format!("The ordering of partition columns is {columns}. All partition columns having constant values need to appear before other partition columns that do not have an assigned constant value."),
                    )
                    .with_param("partColumns", columns))
                }
                _ => dynamic_seen = true,
            }
        }
        if statics.is_empty() {
            return self.insert_into(plan, name, columns, overwrite);
        }
        let is_static = |f: &StructField| statics.iter().any(|(s, _)| s.name == f.name);
        let data_columns: Vec<String> =
            if columns.is_empty() { meta.schema.iter().filter(|f| !is_static(f)).map(|f| f.name.clone()).collect() } else { columns.to_vec() };
        if plan.output.len() != data_columns.len() {
            let table_columns = data_columns.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
            let data = plan.output.iter().map(|a| format!("`{}`", a.name)).collect::<Vec<_>>().join(", ");
            let (sub, reason) =
                if plan.output.len() > data_columns.len() { ("TOO_MANY_DATA_COLUMNS", "too many data columns") } else { ("NOT_ENOUGH_DATA_COLUMNS", "not enough data columns") };
            return Err(Error::analysis(
                &format!("INSERT_COLUMN_ARITY_MISMATCH.{sub}"),
                format!("Cannot write to {}, the reason is {reason}:\nTable columns: {table_columns}.\nData columns: {data}.", meta.qualified()),
            )
            .with_param("tableName", meta.qualified())
            .with_param("tableColumns", table_columns)
            .with_param("dataColumns", data));
        }
        let mut exprs: Vec<Expr> = plan.output.iter().map(|a| Expr::Attr(a.clone())).collect();
        let mut all_columns = data_columns;
        for (field, value) in &statics {
            let literal = value.map_or(crate::ir::Value::Null, |v| crate::ir::Value::String(v.clone()));
            exprs.push(Expr::Cast { expr: Box::new(Expr::Literal(literal)), to: field.data_type.clone(), kind: CastKind::Ansi }.alias(&field.name));
            all_columns.push(field.name.clone());
        }
        let with_statics = Arc::new(builder::project(plan, exprs, &self.analysis_conf(), new_plan_id())?);
        // An overwrite's old files in the static partitions go once the new rows are written.
        let replaced = if overwrite { old_partition_files(&meta, &statics)? } else { vec![] };
        self.insert_into(with_statics, name, &all_columns, false)?;
        for file in replaced {
            std::fs::remove_file(&file).map_err(|e| crate::io::files::io_error("deleting", &file, e))?;
        }
        Ok(())
    }

    /// `ALTER TABLE t ADD COLUMNS (...)`: the new columns go after the data columns,
    /// before the partition columns; the files keep their columns (reads give NULL).
    pub fn add_columns(&self, name: &[String], columns: Vec<StructField>, comments: BTreeMap<String, String>) -> Result<()> {
        if let ([view], Ok(_)) = (name, self.catalog.lookup(name)) {
            let shown = format!("`{view}`");
            return Err(Error::analysis("EXPECT_TABLE_NOT_VIEW.NO_ALTERNATIVE", format!("'ALTER TABLE ... ADD COLUMNS' expects a table but {shown} is a view. "))
                .with_param("operation", "ALTER TABLE ... ADD COLUMNS")
                .with_param("viewName", shown));
        }
        let meta = self.existing_table(name)?;
        if columns.iter().any(|c| !c.nullable) {
            return Err(Error::analysis("_LEGACY_ERROR_TEMP_1052", "ADD COLUMN with v1 tables cannot specify NOT NULL."));
        }
        let mut schema: Vec<StructField> = meta.schema.iter().filter(|f| !meta.partition_by.iter().any(|p| same(p, &f.name))).cloned().collect();
        for column in columns {
            if schema.iter().chain(&meta.schema).any(|f| same(&f.name, &column.name)) {
                let shown = format!("`{}`", column.name.to_lowercase());
                return Err(Error::analysis("COLUMN_ALREADY_EXISTS", format!("The column {shown} already exists. Choose another name or rename the existing column."))
                    .with_param("columnName", shown));
            }
            schema.push(column);
        }
        schema.extend(meta.schema.iter().filter(|f| meta.partition_by.iter().any(|p| same(p, &f.name))).cloned());
        let mut meta = TableMeta { schema, ..meta };
        meta.comments.extend(comments.into_iter().map(|(c, text)| (c.to_lowercase(), text)));
        self.register(meta)
    }

    /// Column comments of a table just created (`CREATE TABLE t (c INT COMMENT '...')`).
    pub fn set_column_comments(&self, name: &[String], comments: BTreeMap<String, String>) -> Result<()> {
        if comments.is_empty() {
            return Ok(());
        }
        let mut meta = self.existing_table(name)?;
        meta.comments = comments.into_iter().map(|(c, text)| (c.to_lowercase(), text)).collect();
        self.register(meta)
    }

    /// `CREATE TABLE t LIKE source`: an empty table with the source's columns,
    /// partitioning, comments and storage options (a view's columns, all nullable, as a
    /// Parquet table), under its own provider and location when given.
    pub fn create_table_like(&self, name: &[String], source: &[String], format: Option<&str>, location: Option<String>, if_not_exists: bool) -> Result<()> {
        let (db, table) = self.table_ident(name)?;
        let view = self.catalog.lookup(source).ok();
        let like = match view {
            Some(_) => None,
            None => Some(self.table_meta(source)?.ok_or_else(|| match source {
                // Spark names an unqualified source with the current database.
                [t] => table_not_found(&[self.catalog.current_database(), t.clone()]),
                _ => table_not_found(source),
            })?),
        };
        if self.table_meta(name)?.is_some() {
            if if_not_exists {
                return Ok(());
            }
            let shown = format!("`{db}`.`{table}`");
            return Err(Error::analysis(
                "TABLE_OR_VIEW_ALREADY_EXISTS",
                format!("Cannot create table or view {shown} because it already exists.\nChoose a different name, drop or replace the existing object, or add the IF NOT EXISTS clause to tolerate pre-existing objects."),
            )
            .with_param("relationName", shown));
        }
        let (fields, partition_by, options, comments, source_format) = match (&like, view) {
            (Some(meta), _) => {
                let options = meta.options.iter().filter(|(k, _)| !same(k, "path")).map(|(k, v)| (k.clone(), v.clone())).collect();
                (meta.schema.clone(), meta.partition_by.clone(), options, meta.comments.clone(), Some(meta.provider))
            }
            (None, Some(plan)) => {
                let fields = plan.output.iter().map(|a| StructField::new(a.name.clone(), a.data_type.clone(), true)).collect();
                (fields, vec![], BTreeMap::new(), BTreeMap::new(), None)
            }
            (None, None) => return Err(Error::internal("CREATE TABLE LIKE without a source")),
        };
        let format = match (format, source_format) {
            (Some(f), _) => provider(Some(f))?,
            (None, Some(f)) => f,
            (None, None) => provider(None)?,
        };
        let mut meta = self.new_table(&db, &table, format, options, location.clone(), &fields, partition_by)?;
        meta.comments = comments;
        if location.is_none() {
            if let Location::Local(p) = location::parse(&meta.location)? {
                std::fs::create_dir_all(&p).map_err(|e| crate::io::files::io_error("creating", Path::new(&p), e))?;
            }
        }
        self.register(meta)
    }

    /// `CREATE OR REPLACE TABLE`: Spark's session catalog (v1 tables) cannot replace.
    pub fn replace_table_unsupported(&self, name: &[String], as_select: bool) -> Error {
        let q = match self.table_ident(name) {
            Ok((db, table)) => qualified(&db, &table),
            Err(e) => return e,
        };
        let operation = if as_select { "REPLACE TABLE AS SELECT" } else { "REPLACE TABLE" };
        Error::analysis(
            "UNSUPPORTED_FEATURE.TABLE_OPERATION",
            format!("The feature is not supported: Table {q} does not support {operation}. Please check the current catalog and namespace to make sure the qualified table name is expected, and also check the catalog implementation which is configured by \"spark.sql.catalog\"."),
        )
        .with_param("tableName", q)
        .with_param("operation", operation)
    }

    /// `INSERT INTO t (c, a) ...`: the data's columns in the table's order; columns not
    /// listed are NULL (Spark's default for a column without a default value).
    fn by_column_list(&self, plan: Arc<Plan>, columns: &[String], meta: &TableMeta) -> Result<Plan> {
        if columns.len() != plan.output.len() {
            return Ok(Arc::unwrap_or_clone(plan)); // the arity check reports it
        }
        let mut exprs = vec![];
        for f in &meta.schema {
            let expr = match columns.iter().position(|c| same(c, &f.name)) {
                Some(i) => Expr::Attr(plan.output[i].clone()),
                None => Expr::Cast { expr: Box::new(Expr::Literal(crate::ir::Value::Null)), to: f.data_type.clone(), kind: CastKind::Cast },
            };
            exprs.push(expr.alias(&f.name));
        }
        for c in columns {
            if !meta.schema.iter().any(|f| same(&f.name, c)) {
                let name = format!("`{c}`");
                return Err(Error::analysis(
                    "UNRESOLVED_COLUMN.WITH_SUGGESTION",
                    format!("A column, variable, or function parameter with name {name} cannot be resolved. Did you mean one of the following? [{}].", meta.schema.iter().map(|f| format!("`{}`", f.name)).collect::<Vec<_>>().join(", ")),
                )
                .with_param("objectName", name)
                .with_param("proposal", meta.schema.iter().map(|f| format!("`{}`", f.name)).collect::<Vec<_>>().join(", ")));
            }
        }
        builder::project(plan, exprs, &self.analysis_conf(), new_plan_id())
    }

    /// The plan's columns cast to the table's types by position and named as the
    /// table's; a cast Spark's store assignment refuses is its
    /// `INCOMPATIBLE_DATA_FOR_TABLE.CANNOT_SAFELY_CAST`.
    fn store_assign(&self, plan: &Plan, meta: &TableMeta) -> Result<Plan> {
        let mut exprs = vec![];
        for (attr, field) in plan.output.iter().zip(&meta.schema) {
            let from = &attr.data_type;
            let expr = if *from == field.data_type {
                Expr::Attr(attr.clone())
            } else if can_write(from, &field.data_type) || *from == DataType::Null {
                Expr::Cast { expr: Box::new(Expr::Attr(attr.clone())), to: field.data_type.clone(), kind: CastKind::Ansi }
            } else {
                let (path, from, to) = unsafe_cast(vec![field.name.clone()], from, &field.data_type);
                let (src, target) = (format!("\"{}\"", catalog_string(from)), format!("\"{}\"", catalog_string(to)));
                let col = path.iter().map(|p| format!("`{p}`")).collect::<Vec<_>>().join(".");
                return Err(Error::analysis(
                    "INCOMPATIBLE_DATA_FOR_TABLE.CANNOT_SAFELY_CAST",
                    format!("Cannot write incompatible data for the table {}: Cannot safely cast {col} {src} to {target}.", meta.qualified()),
                )
                .with_param("tableName", meta.qualified())
                .with_param("colName", col)
                .with_param("srcType", src)
                .with_param("targetType", target));
            };
            exprs.push(expr.alias(&field.name));
        }
        builder::project(Arc::new(plan.clone()), exprs, &self.analysis_conf(), new_plan_id())
    }

    /// `CREATE TABLE` and `spark.catalog.createTable`: a table from columns (no rows)
    /// or from a query's rows.
    #[allow(clippy::too_many_arguments)]
    pub fn create_table(
        &self,
        name: &[String],
        columns: Vec<StructField>,
        format: Option<&str>,
        partition_by: Vec<String>,
        location: Option<String>,
        options: BTreeMap<String, String>,
        query: Option<Arc<Plan>>,
        if_not_exists: bool,
    ) -> Result<()> {
        let (db, table) = self.table_ident(name)?;
        if self.table_meta(name)?.is_some() {
            return if if_not_exists { Ok(()) } else { Err(already_exists(&db, &table)) };
        }
        let format = provider(format)?;
        match query {
            Some(plan) => {
                let fields: Vec<StructField> = plan.output.iter().map(|a| StructField::new(a.name.clone(), a.data_type.clone(), a.nullable)).collect();
                let meta = self.new_table(&db, &table, format, options, location, &fields, partition_by)?;
                let ordered = reorder(&plan, &meta.schema, &self.analysis_conf())?;
                self.write_table(&ordered, &meta, SaveMode::Overwrite)?;
                self.register(meta)
            }
            None => {
                if columns.is_empty() && location.is_none() {
                    return Err(Error::analysis("UNABLE_TO_INFER_SCHEMA", format!("Unable to infer schema for {}. It must be specified manually.", format_label(format)))
                        .with_param("format", format_label(format)));
                }
                let external = location.is_some() || options.keys().any(|k| same(k, "path"));
                let fields = if columns.is_empty() {
                    // An external table over existing files: the schema they hold.
                    let path = location.clone().or_else(|| options.iter().find(|(k, _)| same(k, "path")).map(|(_, v)| v.clone()));
                    self.read(format, path.into_iter().collect(), options.clone(), None)?.output.iter().map(|a| StructField::new(a.name.clone(), a.data_type.clone(), true)).collect()
                } else {
                    columns
                };
                let meta = if external {
                    self.new_table(&db, &table, format, options, location, &fields, partition_by)?
                } else {
                    let meta = self.new_table(&db, &table, format, options, None, &fields, partition_by)?;
                    if let Location::Local(p) = location::parse(&meta.location)? {
                        std::fs::create_dir_all(&p).map_err(|e| crate::io::files::io_error("creating", Path::new(&p), e))?;
                    }
                    meta
                };
                self.register(meta)
            }
        }
    }

    /// `DROP TABLE`: a managed table's files go with it, an external table's stay.
    pub fn drop_table(&self, name: &[String], if_exists: bool) -> Result<()> {
        // Spark's DROP TABLE drops a temporary view of that name first.
        let dropped_view = match name {
            [n] => self.catalog.drop_temp_view(n)?,
            [db, n] if same(db, super::catalog::GLOBAL_TEMP_DATABASE) => self.catalog.drop_global_temp_view(n)?,
            _ => false,
        };
        if dropped_view {
            return Ok(());
        }
        let Some(meta) = self.table_meta(name)? else {
            if if_exists {
                return Ok(());
            }
            let (db, table) = self.table_ident(name)?;
            return Err(table_not_found(&["spark_catalog".into(), db, table]));
        };
        self.catalog.tables.write().map_err(|_| poisoned())?.remove(&(meta.database.clone(), meta.name.clone()));
        if meta.managed {
            delete_location(&meta.location, self)?;
        }
        Ok(())
    }

    /// `TRUNCATE TABLE`: a managed table's rows go, its files' directory stays.
    pub fn truncate_table(&self, name: &[String]) -> Result<()> {
        let meta = self.existing_table(name)?;
        if !meta.managed {
            let q = meta.qualified();
            return Err(Error::analysis("_LEGACY_ERROR_TEMP_1266", format!("Operation not allowed: TRUNCATE TABLE on external tables: {q}.")).with_param("tableIdentWithDB", q));
        }
        delete_location(&meta.location, self)?;
        if let Location::Local(p) = location::parse(&meta.location)? {
            std::fs::create_dir_all(&p).map_err(|e| crate::io::files::io_error("creating", Path::new(&p), e))?;
        }
        Ok(())
    }

    /// `ALTER TABLE a RENAME TO b`: a managed table's directory is renamed too.
    pub fn rename_table(&self, from: &[String], to: &[String]) -> Result<()> {
        let meta = self.existing_table(from)?;
        let (db, table) = match to {
            [name] => (meta.database.clone(), key(name)),
            _ => self.table_ident(to)?,
        };
        if self.catalog.tables.read().map_err(|_| poisoned())?.contains_key(&(db.clone(), table.clone())) {
            // Spark names the target as written.
            let shown = to.iter().map(|p| format!("`{p}`")).collect::<Vec<_>>().join(".");
            return Err(Error::analysis(
                "TABLE_OR_VIEW_ALREADY_EXISTS",
                format!("Cannot create table or view {shown} because it already exists.\nChoose a different name, drop or replace the existing object, or add the IF NOT EXISTS clause to tolerate pre-existing objects."),
            )
            .with_param("relationName", shown));
        }
        let mut renamed = TableMeta { database: db.clone(), name: table.clone(), ..meta.clone() };
        if meta.managed {
            renamed.location = join_path(&self.database_dir(&db)?, &table);
            if let (Location::Local(a), Location::Local(b)) = (location::parse(&meta.location)?, location::parse(&renamed.location)?) {
                if Path::new(&a).exists() {
                    std::fs::rename(&a, &b).map_err(|e| crate::io::files::io_error("renaming", Path::new(&a), e))?;
                }
            } else {
                return Err(Error::unsupported("ALTER TABLE RENAME of a managed table in an object store"));
            }
        }
        let mut tables = self.catalog.tables.write().map_err(|_| poisoned())?;
        tables.remove(&(meta.database.clone(), meta.name.clone()));
        tables.insert((db, table), renamed);
        Ok(())
    }

    /// The tables of a database, sorted by name.
    pub fn tables_of(&self, db: &str) -> Result<Vec<TableMeta>> {
        self.check_database(&key(db))?;
        Ok(self.catalog.tables.read().map_err(|_| poisoned())?.values().filter(|m| m.database == key(db)).cloned().collect())
    }

    /// `DESCRIBE TABLE`'s rows: the columns, then Spark's "# Partition Information".
    pub fn describe_table_rows(&self, meta: &TableMeta) -> Vec<Vec<Option<String>>> {
        let row = |f: &StructField| vec![Some(f.name.clone()), Some(f.data_type.simple_string()), meta.comment(&f.name)];
        let mut rows: Vec<Vec<Option<String>>> = meta.schema.iter().map(row).collect();
        if !meta.partition_by.is_empty() {
            rows.push(vec![Some("# Partition Information".into()), Some(String::new()), Some(String::new())]);
            rows.push(vec![Some("# col_name".into()), Some("data_type".into()), Some("comment".into())]);
            for p in &meta.partition_by {
                if let Some(f) = meta.schema.iter().find(|f| same(&f.name, p)) {
                    rows.push(row(f));
                }
            }
        }
        rows
    }

    /// DESCRIBE EXTENDED's rows after the columns: "# Detailed Table Information", in
    /// Spark's order for a data source table of the session catalog.
    pub fn describe_table_details(&self, meta: &TableMeta) -> Vec<Vec<Option<String>>> {
        let row = |k: &str, v: String| vec![Some(k.to_string()), Some(v), Some(String::new())];
        let created = chrono::DateTime::from_timestamp(meta.created, 0).map(|t| t.format("%a %b %d %H:%M:%S UTC %Y").to_string()).unwrap_or_default();
        let mut rows = vec![
            row("", String::new()),
            row("# Detailed Table Information", String::new()),
            row("Catalog", "spark_catalog".into()),
            row("Database", meta.database.clone()),
            row("Table", meta.name.clone()),
            row("Created Time", created),
            row("Last Access", "UNKNOWN".into()),
            row("Created By", "Spark 4.0.1".into()),
            row("Type", meta.table_type().into()),
            row("Provider", meta.provider.name().into()),
            row("Location", shown_location(&meta.location)),
        ];
        if !meta.options.is_empty() {
            let props: Vec<String> = meta.options.iter().map(|(k, v)| format!("{k}={v}")).collect();
            rows.push(row("Storage Properties", format!("[{}]", props.join(", "))));
        }
        if !meta.partition_by.is_empty() {
            rows.push(row("Partition Provider", "Catalog".into()));
        }
        rows
    }

    /// `SHOW CREATE TABLE`'s text, as Spark writes it for a data source table.
    pub fn show_create_table(&self, meta: &TableMeta) -> String {
        let comment = |f: &StructField| meta.comment(&f.name).map(|c| format!(" COMMENT '{}'", c.replace('\\', "\\\\").replace('\'', "\\'"))).unwrap_or_default();
        let cols: Vec<String> = meta.schema.iter().map(|f| format!("  {} {}{}", f.name, f.data_type.sql(), comment(f))).collect();
        let mut out = format!("CREATE TABLE spark_catalog.{}.{} (\n{})\nUSING {}\n", meta.database, meta.name, cols.join(",\n"), meta.provider.name());
        if !meta.options.is_empty() {
            let opts: Vec<String> = meta.options.iter().map(|(k, v)| format!("  '{k}' = '{v}'")).collect();
            out += &format!("OPTIONS (\n{})\n", opts.join(",\n"));
        }
        if !meta.partition_by.is_empty() {
            out += &format!("PARTITIONED BY ({})\n", meta.partition_by.join(", "));
        }
        if !meta.managed {
            out += &format!("LOCATION '{}'\n", shown_location(&meta.location));
        }
        out
    }
}

/// `PARTITIONS_NOT_FOUND` for a PARTITION clause naming a column that is not a
/// partition column.
fn partitions_not_found(column: &str, meta: &TableMeta) -> Error {
    Error::analysis(
        "PARTITIONS_NOT_FOUND",
        format!("The partition(s) `{column}` cannot be found in table {}.\nVerify the partition specification and table name.\nTo tolerate the error on drop use ALTER TABLE … DROP IF EXISTS PARTITION.", meta.qualified()),
    )
    .with_param("partitionList", format!("`{column}`"))
    .with_param("tableName", meta.qualified())
}

/// The files now in the partition directory the static values name (`k=1/j=x`).
fn old_partition_files(meta: &TableMeta, statics: &[(&StructField, Option<&String>)]) -> Result<Vec<std::path::PathBuf>> {
    let Location::Local(root) = location::parse(&meta.location)? else {
        return Err(Error::unsupported("INSERT OVERWRITE ... PARTITION of a table in an object store"));
    };
    let mut dir = std::path::PathBuf::from(root);
    for (field, value) in statics {
        let text = match (value, &field.data_type) {
            (None, _) => String::new(),
            (Some(v), DataType::String) => (*v).clone(),
            (Some(v), DataType::Byte | DataType::Short | DataType::Integer | DataType::Long) => match v.trim().parse::<i64>() {
                Ok(n) => n.to_string(),
                Err(_) => return Ok(vec![]), // the cast of the value fails the write
            },
            (Some(_), other) => return Err(Error::unsupported(format!("INSERT OVERWRITE ... PARTITION with a static {} value", other.simple_string()))),
        };
        let shown = if text.is_empty() { "__HIVE_DEFAULT_PARTITION__".to_string() } else { crate::io::write::escape_path_name(&text) };
        let column = meta.partition_by.iter().find(|p| same(p, &field.name)).unwrap_or(&field.name);
        dir.push(format!("{}={shown}", crate::io::write::escape_path_name(column)));
    }
    let mut files = vec![];
    collect_files(&dir, &mut files);
    Ok(files)
}

fn collect_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// A location as Spark shows it (`file:/abs/path`, `s3a://bucket/key`).
pub fn shown_location(location: &str) -> String {
    match location::parse(location) {
        Ok(Location::Local(p)) => format!("file:{}", std::path::absolute(&p).map(|a| a.to_string_lossy().into_owned()).unwrap_or(p)),
        Ok(Location::Remote(r)) => r.shown(),
        Err(_) => location.to_string(),
    }
}

/// Spark's table-name patterns (`SHOW TABLES LIKE`, `listTables(pattern=...)`):
/// alternatives split by `|`, `*` any text, case-insensitive.
pub fn like_pattern(pattern: &str, name: &str) -> bool {
    pattern.split('|').any(|p| crate::io::files::wildcard_match(&p.trim().to_ascii_lowercase(), &name.to_ascii_lowercase()))
}

fn format_label(f: FileFormat) -> &'static str {
    match f {
        FileFormat::Parquet => "Parquet",
        FileFormat::Csv => "CSV",
        FileFormat::Json => "JSON",
        FileFormat::Text => "Text",
    }
}

/// `struct<a:int,b:string>`, as Spark's catalogString.
fn struct_text(fields: &[StructField]) -> String {
    format!("struct<{}>", fields.iter().map(|f| format!("{}:{}", f.name, f.data_type.simple_string())).collect::<Vec<_>>().join(","))
}

/// The plan's columns in the order of `schema` (by name).
fn reorder(plan: &Plan, schema: &[StructField], conf: &crate::analysis::Conf) -> Result<Plan> {
    if plan.output.iter().map(|a| a.name.as_str()).eq(schema.iter().map(|f| f.name.as_str())) {
        return Ok(plan.clone());
    }
    let mut exprs = vec![];
    for f in schema {
        let attr = plan.output.iter().find(|a| same(&a.name, &f.name)).ok_or_else(|| Error::internal(format!("column {} not in the plan", f.name)))?;
        exprs.push(Expr::Attr(attr.clone()));
    }
    builder::project(Arc::new(plan.clone()), exprs, conf, new_plan_id())
}

/// saveAsTable's append: the data's columns matched to the table's by name.
fn by_name(plan: &Plan, meta: &TableMeta, conf: &crate::analysis::Conf) -> Result<Plan> {
    let mut exprs = vec![];
    for f in &meta.schema {
        let Some(attr) = plan.output.iter().find(|a| same(&a.name, &f.name)) else {
            let names = plan.output.iter().map(|a| format!("`{}`", a.name)).collect::<Vec<_>>().join(", ");
            return Err(Error::analysis(
                "UNRESOLVED_COLUMN.WITH_SUGGESTION",
                format!("A column, variable, or function parameter with name `{}` cannot be resolved. Did you mean one of the following? [{names}].", f.name),
            )
            .with_param("objectName", format!("`{}`", f.name))
            .with_param("proposal", names));
        };
        exprs.push(Expr::Attr(attr.clone()));
    }
    builder::project(Arc::new(plan.clone()), exprs, conf, new_plan_id())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(name: &str) -> StructField {
        StructField::new(name, DataType::Integer, false)
    }

    #[test]
    fn partition_columns_go_last() {
        let fields = vec![field("a"), field("p"), field("b")];
        let ordered = table_order(&fields, &["P".to_string()], "t").unwrap_or_default();
        assert_eq!(ordered.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), ["a", "b", "p"]);
        assert!(table_order(&fields, &["zz".to_string()], "t").is_err());
    }

    #[test]
    fn struct_text_is_spark_catalog_string() {
        assert_eq!(struct_text(&[field("id"), StructField::new("s", DataType::String, true)]), "struct<id:int,s:string>");
    }

    #[test]
    fn unsafe_cast_names_the_map_member() {
        let map = |k: DataType, v: DataType| DataType::Map(Box::new(k), Box::new(v), true);
        let (from, to) = (map(DataType::String, DataType::String), map(DataType::String, DataType::Integer));
        let (path, f, t) = unsafe_cast(vec!["m".into()], &from, &to);
        assert_eq!((path.join("."), catalog_string(f), catalog_string(t)), ("m.value".to_string(), "STRING".to_string(), "INT".to_string()));
        let (path, f, _) = unsafe_cast(vec!["id".into()], &to, &DataType::Integer);
        assert_eq!((path.join("."), catalog_string(f)), ("id".to_string(), "MAP<STRING,INT>".to_string()));
    }

    #[test]
    fn structs_written_member_by_member() {
        let st = |name: &str, t: DataType, nullable: bool| DataType::Struct(vec![StructField::new(name, t, nullable)]);
        assert!(can_write(&st("y", DataType::Long, false), &st("x", DataType::Integer, true)));
        assert!(!can_write(&st("x", DataType::Integer, true), &st("x", DataType::Integer, false)));
        let (from, to) = (st("x", DataType::String, true), st("x", DataType::Integer, true));
        let (path, f, _) = unsafe_cast(vec!["s".into()], &from, &to);
        assert_eq!((path.join("."), catalog_string(f)), ("s.x".to_string(), "STRING".to_string()));
    }
}
