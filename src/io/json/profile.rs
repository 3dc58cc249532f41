//! What a pass of Spark's parser over a JSON Lines file learned about it, for
//! Polars' NDJSON reader (`fast`): whether every record is one object Polars reads
//! record for record (no bad record, no array of records, no text after the object,
//! no repeated key), how many rows they give, and which kinds of JSON values each
//! top-level key holds. Gathered while the schema is inferred (which parses every
//! record anyway) and cached per file version and parser features.

use super::parser::{NotJson, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex};
use std::time::SystemTime;

/// The kinds of JSON values met at one key, as a set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Kinds(u16);

impl Kinds {
    pub const NULL: Kinds = Kinds(1);
    pub const BOOL: Kinds = Kinds(1 << 1);
    /// An integer that fits a 64-bit long.
    pub const LONG: Kinds = Kinds(1 << 2);
    /// An integer beyond a long.
    pub const BIG_INT: Kinds = Kinds(1 << 3);
    pub const FLOAT: Kinds = Kinds(1 << 4);
    /// NaN or an infinity (`allowNonNumericNumbers`).
    pub const NON_NUMERIC: Kinds = Kinds(1 << 5);
    pub const STRING: Kinds = Kinds(1 << 6);
    pub const ARRAY: Kinds = Kinds(1 << 7);
    pub const OBJECT: Kinds = Kinds(1 << 8);

    pub const fn union(self, other: Kinds) -> Kinds {
        Kinds(self.0 | other.0)
    }

    /// Whether every kind met is one of `allowed`.
    pub fn within(self, allowed: Kinds) -> bool {
        self.0 & !allowed.0 == 0
    }

    fn of(v: &Value) -> Kinds {
        match v {
            Value::Null => Kinds::NULL,
            Value::Bool(_) => Kinds::BOOL,
            Value::Int(text) if text.parse::<i64>().is_ok() => Kinds::LONG,
            Value::Int(_) => Kinds::BIG_INT,
            Value::Float(_) => Kinds::FLOAT,
            Value::NonNumeric(..) => Kinds::NON_NUMERIC,
            Value::Str(_) => Kinds::STRING,
            Value::Array(_) => Kinds::ARRAY,
            Value::Object(_) => Kinds::OBJECT,
        }
    }
}

/// A file's records as far as Polars' reader is concerned.
#[derive(Debug, Default, Clone)]
pub struct Profile {
    /// Every record is blank or one plain object (`parse_record`) with distinct keys.
    pub clean: bool,
    /// The rows the records give (one per object).
    pub rows: usize,
    /// Per top-level key, the kinds of its values; a key never met is absent.
    pub kinds: HashMap<String, Kinds>,
}

impl Profile {
    pub fn new() -> Profile {
        Profile { clean: true, rows: 0, kinds: HashMap::new() }
    }

    /// One record as `parse_record` read it.
    pub fn observe(&mut self, record: &Result<Option<(Value, bool)>, NotJson>) {
        if !self.clean {
            return;
        }
        match record {
            Ok(None) => {}
            Ok(Some((Value::Object(entries), true))) if distinct_keys(entries) => {
                self.rows += 1;
                for (key, v) in entries {
                    // Looked up before inserting: a key is cloned once per file, not per record.
                    match self.kinds.get_mut(key) {
                        Some(k) => *k = k.union(Kinds::of(v)),
                        None => {
                            self.kinds.insert(key.clone(), Kinds::of(v));
                        }
                    }
                }
            }
            _ => *self = Profile { clean: false, rows: 0, kinds: HashMap::new() },
        }
    }

    /// The kinds of the values at `key`; NULL for a key never met (its values are missing).
    pub fn kinds_of(&self, key: &str) -> Kinds {
        self.kinds.get(key).copied().unwrap_or(Kinds::NULL)
    }
}

fn distinct_keys(entries: &[(String, Value)]) -> bool {
    if entries.len() < 16 {
        return entries.iter().enumerate().all(|(i, (k, _))| entries[..i].iter().all(|(o, _)| o != k));
    }
    let mut seen = std::collections::HashSet::with_capacity(entries.len());
    entries.iter().all(|(k, _)| seen.insert(k.as_str()))
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    path: PathBuf,
    len: u64,
    modified: Option<SystemTime>,
    features: super::parser::Features,
}

static CACHE: LazyLock<Mutex<HashMap<Key, Arc<Profile>>>> = LazyLock::new(|| Mutex::new(HashMap::new()));
const CACHE_LIMIT: usize = 1024;

fn key(path: &Path, features: &super::parser::Features) -> Option<Key> {
    let meta = std::fs::metadata(path).ok()?;
    Some(Key { path: path.to_path_buf(), len: meta.len(), modified: meta.modified().ok(), features: *features })
}

/// Keeps the profile of `path` (read with `features`) for its later reads.
pub fn remember(path: &Path, features: &super::parser::Features, profile: Profile) {
    let (Some(key), Ok(mut cache)) = (key(path, features), CACHE.lock()) else { return };
    if cache.len() >= CACHE_LIMIT {
        cache.clear();
    }
    cache.insert(key, Arc::new(profile));
}

/// The profile of `path` as it is now, if one was gathered.
pub fn recall(path: &Path, features: &super::parser::Features) -> Option<Arc<Profile>> {
    let key = key(path, features)?;
    CACHE.lock().ok()?.get(&key).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::json::parser::{parse_record, Features};

    fn profile(lines: &[&str]) -> Profile {
        let mut p = Profile::new();
        for l in lines {
            p.observe(&parse_record(l, &Features::default()));
        }
        p
    }

    #[test]
    fn kinds_per_key() {
        let p = profile(&[r#"{"a":1,"b":"x"}"#, "", "  ", r#"{"a":2.5,"c":null}"#, r#"{"a":12345678901234567890,"b":[1]}"#]);
        assert!(p.clean);
        assert_eq!(p.rows, 3);
        assert_eq!(p.kinds_of("a"), Kinds::LONG.union(Kinds::FLOAT).union(Kinds::BIG_INT));
        assert_eq!(p.kinds_of("b"), Kinds::STRING.union(Kinds::ARRAY));
        assert!(p.kinds_of("c").within(Kinds::NULL));
        assert!(p.kinds_of("never").within(Kinds::NULL));
    }

    #[test]
    fn records_polars_reads_otherwise() {
        for bad in ["broken", r#"[{"a":1}]"#, "5", r#"{"a":1} x"#, r#"{"a":1,"a":2}"#, "null", r#"{"s":"\ud800x"}"#] {
            assert!(!profile(&[r#"{"a":1}"#, bad]).clean, "{bad}");
        }
    }
}
