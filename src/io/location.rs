//! Where a read or write path lives: a local path (plain or `file:`), or an object in
//! S3 (`s3a://`, `s3://`, `s3n://`), GCS (`gs://`) or Azure (`abfss://`, `abfs://`,
//! `wasbs://`, `wasb://`), and the Polars cloud options that reach it, built from the
//! session's settings as Spark users spell them (`spark.hadoop.fs.s3a.endpoint`, ...).

use crate::error::{Error, ErrorKind, Result};
use object_store::aws::AmazonS3ConfigKey;
use object_store::azure::AzureConfigKey;
use object_store::gcp::GoogleConfigKey;
use object_store::ClientConfigKey;
use polars::prelude::cloud::{CloudOptions, CloudRetryConfig};
use std::collections::BTreeMap;
use std::time::Duration;

/// The Hadoop-style settings of a session: `spark.hadoop.X` and bare `X` keys for the
/// file systems (`fs.*`, `google.cloud.*`). A bare key wins, as in Spark, where SQL conf
/// entries overlay the Hadoop configuration a session starts from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Storage {
    settings: BTreeMap<String, String>,
}

impl Storage {
    pub fn from_conf<'a>(entries: impl IntoIterator<Item = (&'a String, &'a String)>) -> Storage {
        let mut prefixed = BTreeMap::new();
        let mut bare = BTreeMap::new();
        for (k, v) in entries {
            if let Some(rest) = k.strip_prefix("spark.hadoop.") {
                prefixed.insert(rest.to_string(), v.trim().to_string());
            } else if k.starts_with("fs.") || k.starts_with("google.cloud.") {
                bare.insert(k.clone(), v.trim().to_string());
            }
        }
        prefixed.extend(bare);
        Storage { settings: prefixed }
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.settings.get(key).map(String::as_str).filter(|v| !v.is_empty())
    }

    /// An S3A setting for `bucket`: `fs.s3a.bucket.BUCKET.NAME` over `fs.s3a.NAME`.
    fn s3a(&self, bucket: &str, name: &str) -> Option<&str> {
        self.get(&format!("fs.s3a.bucket.{bucket}.{name}")).or_else(|| self.get(&format!("fs.s3a.{name}")))
    }

    fn s3a_flag(&self, bucket: &str, name: &str, default: bool) -> bool {
        self.s3a(bucket, name).map_or(default, |v| v.eq_ignore_ascii_case("true"))
    }
}

/// Which object store a remote path names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Store {
    S3,
    Gcs,
    /// Azure Blob Storage / ADLS Gen2, with the storage account of the host name.
    Azure { account: String },
}

/// An object (or a prefix of objects) in a store: the bucket (container) and the key,
/// without leading or trailing slashes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remote {
    pub store: Store,
    /// The scheme as the user wrote it (`s3a`), for messages.
    pub scheme: String,
    /// The authority as the user wrote it (`bucket`, `container@account.dfs...`).
    pub authority: String,
    pub bucket: String,
    pub key: String,
}

impl Remote {
    /// The same store and bucket, another key.
    pub fn with_key(&self, key: &str) -> Remote {
        Remote { key: key.trim_matches('/').to_string(), ..self.clone() }
    }

    /// The path as Spark shows it (the user's scheme).
    pub fn shown(&self) -> String {
        format!("{}://{}/{}", self.scheme, self.authority, self.key).trim_end_matches('/').to_string()
    }

    /// The URL Polars' cloud layer understands for this key.
    pub fn polars_url(&self) -> String {
        let root = match &self.store {
            Store::S3 => format!("s3://{}", self.bucket),
            Store::Gcs => format!("gs://{}", self.bucket),
            Store::Azure { account } => format!("abfss://{}@{account}.dfs.core.windows.net", self.bucket),
        };
        if self.key.is_empty() { root } else { format!("{root}/{}", self.key) }
    }

    /// Whether `other` is this path or under it (or the other way round).
    pub fn overlaps(&self, other: &Remote) -> bool {
        let under = |a: &str, b: &str| b.is_empty() || a == b || a.starts_with(&format!("{b}/"));
        self.store == other.store && self.bucket == other.bucket && (under(&self.key, &other.key) || under(&other.key, &self.key))
    }
}

/// A read or write path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    Local(String),
    Remote(Remote),
}

/// Where `path` lives. Unknown schemes (`hdfs://`, `http://`) are refused by name.
pub fn parse(path: &str) -> Result<Location> {
    let Some((scheme, rest)) = path.split_once("://") else {
        // `file:/tmp/x` (Hadoop's spelling) and plain paths.
        return Ok(Location::Local(path.strip_prefix("file:").unwrap_or(path).to_string()));
    };
    let lower = scheme.to_ascii_lowercase();
    if lower == "file" {
        return Ok(Location::Local(rest.to_string()));
    }
    let (authority, key) = rest.split_once('/').unwrap_or((rest, ""));
    let store = match lower.as_str() {
        "s3a" | "s3" | "s3n" => Store::S3,
        "gs" => Store::Gcs,
        "abfss" | "abfs" | "wasbs" | "wasb" => {
            let account = authority.split_once('@').and_then(|(_, host)| host.split('.').next()).filter(|a| !a.is_empty());
            match account {
                Some(a) => Store::Azure { account: a.to_string() },
                None => return Err(bad_path(path, "an Azure path names its container and account: abfss://CONTAINER@ACCOUNT.dfs.core.windows.net/PATH")),
            }
        }
        _ if lower.chars().all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '-' || c == '.') && !lower.is_empty() => {
            return Err(Error::new(
                ErrorKind::Unsupported,
                "UNSUPPORTED_FILE_SYSTEM",
                format!("No FileSystem for scheme \"{scheme}\": PyRust reads and writes local paths, s3a://, s3://, s3n://, gs://, abfss:// and wasbs:// (docs/object-storage.md)."),
            ))
        }
        _ => return Ok(Location::Local(path.to_string())),
    };
    let bucket = match &store {
        Store::Azure { .. } => authority.split_once('@').map_or(authority, |(c, _)| c),
        _ => authority,
    };
    if bucket.is_empty() {
        return Err(bad_path(path, "the path names no bucket"));
    }
    Ok(Location::Remote(Remote {
        store,
        scheme: scheme.to_string(),
        authority: authority.to_string(),
        bucket: bucket.to_string(),
        key: key.trim_matches('/').to_string(),
    }))
}

/// Whether `path` names an object store (a cheap test, no parsing errors).
pub fn is_remote(path: &str) -> bool {
    matches!(parse(path), Ok(Location::Remote(_)))
}

fn bad_path(path: &str, why: &str) -> Error {
    Error::new(ErrorKind::IllegalArgument, "INVALID_PATH", format!("Invalid path {path}: {why}."))
}

/// Hadoop durations: a bare number is milliseconds; `ms`, `s`, `m`, `h` suffixes.
fn duration(text: &str) -> Option<Duration> {
    let t = text.trim().to_ascii_lowercase();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let n: u64 = number.parse().ok()?;
    match unit.trim() {
        "" | "ms" => Some(Duration::from_millis(n)),
        "s" | "sec" => Some(Duration::from_secs(n)),
        "m" | "min" => Some(Duration::from_secs(n * 60)),
        "h" => Some(Duration::from_secs(n * 3600)),
        _ => None,
    }
}

/// The settings that bound how long a request may take, with S3A's defaults (so a bad
/// endpoint fails in seconds, never hangs): attempts (5), connection establishment
/// (30 s) and request (200 s) timeouts.
pub struct Limits {
    pub attempts: usize,
    pub connect_timeout: Duration,
    pub request_timeout: Duration,
}

fn limits(storage: &Storage, bucket: &str) -> Result<Limits> {
    let attempts = match storage.s3a(bucket, "attempts.maximum") {
        None => 5,
        Some(v) => v.parse::<usize>().map_err(|_| bad_setting("fs.s3a.attempts.maximum", v))?.max(1),
    };
    let time = |name: &str, default: u64| match storage.s3a(bucket, name) {
        None => Ok(Duration::from_secs(default)),
        Some(v) => duration(v).filter(|d| !d.is_zero()).ok_or_else(|| bad_setting(&format!("fs.s3a.{name}"), v)),
    };
    Ok(Limits { attempts, connect_timeout: time("connection.establish.timeout", 30)?, request_timeout: time("connection.timeout", 200)? })
}

fn bad_setting(name: &str, value: &str) -> Error {
    Error::new(ErrorKind::IllegalArgument, "INVALID_CONF_VALUE", format!("The value '{value}' of the setting {name} is invalid."))
}

/// Polars' cloud options for `remote` under the session's settings.
pub fn cloud_options(remote: &Remote, storage: &Storage) -> Result<CloudOptions> {
    let limits = limits(storage, &remote.bucket)?;
    let retry = CloudRetryConfig {
        max_retries: Some(limits.attempts.saturating_sub(1)),
        retry_timeout: Some(limits.request_timeout),
        retry_init_backoff: Some(Duration::from_millis(100)),
        retry_max_backoff: Some(Duration::from_secs(2)),
        ..Default::default()
    };
    let secs = |d: Duration| format!("{}ms", d.as_millis());
    let options = match &remote.store {
        Store::S3 => CloudOptions::default().with_aws(s3_config(remote, storage, &limits, secs)),
        Store::Gcs => {
            let mut config = vec![
                (GoogleConfigKey::Client(ClientConfigKey::ConnectTimeout), secs(limits.connect_timeout)),
                (GoogleConfigKey::Client(ClientConfigKey::Timeout), secs(limits.request_timeout)),
            ];
            let keyfile = storage.get("google.cloud.auth.service.account.json.keyfile").or_else(|| storage.get("fs.gs.auth.service.account.json.keyfile"));
            if let Some(path) = keyfile {
                config.push((GoogleConfigKey::ServiceAccount, path.to_string()));
            }
            config.extend(gcs_endpoint(storage));
            CloudOptions::default().with_gcp(config)
        }
        Store::Azure { account } => {
            let mut config = vec![
                (AzureConfigKey::AccountName, account.clone()),
                (AzureConfigKey::Client(ClientConfigKey::ConnectTimeout), secs(limits.connect_timeout)),
                (AzureConfigKey::Client(ClientConfigKey::Timeout), secs(limits.request_timeout)),
            ];
            let key = ["dfs", "blob"].iter().find_map(|kind| storage.get(&format!("fs.azure.account.key.{account}.{kind}.core.windows.net")));
            if let Some(k) = key {
                config.push((AzureConfigKey::AccessKey, k.to_string()));
            }
            CloudOptions::default().with_azure(config)
        }
    };
    Ok(options.with_retry_config(retry))
}

fn s3_config(remote: &Remote, storage: &Storage, limits: &Limits, secs: impl Fn(Duration) -> String) -> Vec<(AmazonS3ConfigKey, String)> {
    let bucket = remote.bucket.as_str();
    let mut config = vec![
        (AmazonS3ConfigKey::Client(ClientConfigKey::ConnectTimeout), secs(limits.connect_timeout)),
        (AmazonS3ConfigKey::Client(ClientConfigKey::Timeout), secs(limits.request_timeout)),
    ];
    if let Some(endpoint) = storage.s3a(bucket, "endpoint") {
        let endpoint = if endpoint.contains("://") {
            endpoint.to_string()
        } else {
            let ssl = storage.s3a_flag(bucket, "connection.ssl.enabled", true);
            format!("{}://{endpoint}", if ssl { "https" } else { "http" })
        };
        if endpoint.starts_with("http://") {
            config.push((AmazonS3ConfigKey::Client(ClientConfigKey::AllowHttp), "true".into()));
        }
        config.push((AmazonS3ConfigKey::Endpoint, endpoint));
        // S3-compatible endpoints are addressed path-style (bucket in the path), which
        // every S3 implementation serves; S3A's virtual-host default needs DNS per bucket.
        config.push((AmazonS3ConfigKey::VirtualHostedStyleRequest, "false".into()));
    }
    if let Some(region) = storage.s3a(bucket, "endpoint.region").or_else(|| storage.s3a(bucket, "region")) {
        config.push((AmazonS3ConfigKey::Region, region.to_string()));
    }
    if let (Some(access), Some(secret)) = (storage.s3a(bucket, "access.key"), storage.s3a(bucket, "secret.key")) {
        config.push((AmazonS3ConfigKey::AccessKeyId, access.to_string()));
        config.push((AmazonS3ConfigKey::SecretAccessKey, secret.to_string()));
        if let Some(token) = storage.s3a(bucket, "session.token") {
            config.push((AmazonS3ConfigKey::Token, token.to_string()));
        }
    }
    if storage.s3a(bucket, "aws.credentials.provider").is_some_and(|p| p.contains("AnonymousAWSCredentialsProvider")) {
        config.push((AmazonS3ConfigKey::SkipSignature, "true".into()));
    }
    config
}

/// The GCS connector's custom endpoint (`fs.gs.storage.root.url`: an emulator or a
/// private endpoint) and unauthenticated access (`fs.gs.auth.type=UNAUTHENTICATED`, or
/// the older connector's `fs.gs.auth.null.enable=true`).
fn gcs_endpoint(storage: &Storage) -> Vec<(GoogleConfigKey, String)> {
    let mut config = vec![];
    if let Some(url) = storage.get("fs.gs.storage.root.url") {
        if url.starts_with("http://") {
            config.push((GoogleConfigKey::Client(ClientConfigKey::AllowHttp), "true".into()));
        }
        config.push((GoogleConfigKey::BaseUrl, url.trim_end_matches('/').to_string()));
    }
    let anonymous = storage.get("fs.gs.auth.type").is_some_and(|t| t.eq_ignore_ascii_case("UNAUTHENTICATED"))
        || storage.get("fs.gs.auth.null.enable").is_some_and(|v| v.eq_ignore_ascii_case("true"));
    if anonymous {
        config.push((GoogleConfigKey::SkipSignature, "true".into()));
    }
    config
}

/// The settings a user fixes when a store refuses the credentials, for the message.
pub fn credential_settings(remote: &Remote) -> String {
    match &remote.store {
        Store::S3 => format!(
            "spark.hadoop.fs.s3a.access.key and spark.hadoop.fs.s3a.secret.key (and fs.s3a.session.token for temporary credentials; per bucket: fs.s3a.bucket.{}.access.key), or the AWS credential chain (AWS_ACCESS_KEY_ID, ~/.aws/credentials) when none is set",
            remote.bucket
        ),
        Store::Gcs => "spark.hadoop.google.cloud.auth.service.account.json.keyfile (or GOOGLE_APPLICATION_CREDENTIALS)".into(),
        Store::Azure { account } => format!("spark.hadoop.fs.azure.account.key.{account}.dfs.core.windows.net"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn storage(pairs: &[(&str, &str)]) -> Storage {
        let owned: Vec<(String, String)> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Storage::from_conf(owned.iter().map(|(k, v)| (k, v)))
    }

    fn remote(path: &str) -> Remote {
        match parse(path).unwrap() {
            Location::Remote(r) => r,
            Location::Local(p) => panic!("local {p}"),
        }
    }

    #[test]
    fn schemes() {
        assert_eq!(parse("/tmp/x").unwrap(), Location::Local("/tmp/x".into()));
        assert_eq!(parse("file:///tmp/x").unwrap(), Location::Local("/tmp/x".into()));
        assert_eq!(parse("file:/tmp/x").unwrap(), Location::Local("/tmp/x".into()));
        let r = remote("s3a://bucket/a/b/");
        assert_eq!((r.store.clone(), r.bucket.as_str(), r.key.as_str()), (Store::S3, "bucket", "a/b"));
        assert_eq!(r.polars_url(), "s3://bucket/a/b");
        assert_eq!(r.shown(), "s3a://bucket/a/b");
        assert_eq!(remote("s3n://b").key, "");
        assert_eq!(remote("gs://b/k").polars_url(), "gs://b/k");
        let az = remote("wasbs://data@acct.blob.core.windows.net/x");
        assert_eq!(az.store, Store::Azure { account: "acct".into() });
        assert_eq!(az.polars_url(), "abfss://data@acct.dfs.core.windows.net/x");
        assert!(parse("hdfs://nn/x").is_err());
        assert!(parse("abfss://nocontainer/x").is_err());
    }

    #[test]
    fn overlapping_paths() {
        assert!(remote("s3a://b/out").overlaps(&remote("s3://b/out/x=1")));
        assert!(!remote("s3a://b/out").overlaps(&remote("s3a://b/output")));
        assert!(!remote("s3a://b/out").overlaps(&remote("s3a://c/out")));
    }

    #[test]
    fn settings_as_spark_spells_them() {
        let s = storage(&[
            ("spark.hadoop.fs.s3a.endpoint", "localhost:9000"),
            ("spark.hadoop.fs.s3a.connection.ssl.enabled", "false"),
            ("spark.hadoop.fs.s3a.access.key", "prefixed"),
            ("fs.s3a.access.key", "bare"),
            ("fs.s3a.secret.key", "s"),
            ("fs.s3a.bucket.special.access.key", "special"),
            ("spark.sql.ansi.enabled", "true"),
        ]);
        let config = |bucket: &str| s3_config(&remote(&format!("s3a://{bucket}/k")), &s, &limits(&s, bucket).unwrap(), |d| format!("{}ms", d.as_millis()));
        let get = |c: &[(AmazonS3ConfigKey, String)], k: AmazonS3ConfigKey| c.iter().find(|(key, _)| *key == k).map(|(_, v)| v.clone());
        let plain = config("plain");
        assert_eq!(get(&plain, AmazonS3ConfigKey::Endpoint).as_deref(), Some("http://localhost:9000"));
        assert_eq!(get(&plain, AmazonS3ConfigKey::AccessKeyId).as_deref(), Some("bare"));
        assert_eq!(get(&config("special"), AmazonS3ConfigKey::AccessKeyId).as_deref(), Some("special"));
        assert!(!s.settings.contains_key("spark.sql.ansi.enabled"));
    }

    #[test]
    fn gcs_endpoint_and_anonymous_access() {
        let get = |s: &Storage, k: GoogleConfigKey| gcs_endpoint(s).into_iter().find(|(key, _)| *key == k).map(|(_, v)| v);
        let emulator = storage(&[("spark.hadoop.fs.gs.storage.root.url", "http://127.0.0.1:4443/"), ("fs.gs.auth.type", "UNAUTHENTICATED")]);
        assert_eq!(get(&emulator, GoogleConfigKey::BaseUrl).as_deref(), Some("http://127.0.0.1:4443"));
        assert_eq!(get(&emulator, GoogleConfigKey::Client(ClientConfigKey::AllowHttp)).as_deref(), Some("true"));
        assert_eq!(get(&emulator, GoogleConfigKey::SkipSignature).as_deref(), Some("true"));
        assert!(gcs_endpoint(&storage(&[("fs.gs.storage.root.url", "https://gcs.internal")])).iter().all(|(k, _)| *k == GoogleConfigKey::BaseUrl));
        assert!(gcs_endpoint(&storage(&[])).is_empty());
    }

    #[test]
    fn hadoop_durations_and_limits() {
        assert_eq!(duration("200000"), Some(Duration::from_secs(200)));
        assert_eq!(duration("30s"), Some(Duration::from_secs(30)));
        assert_eq!(duration("1m"), Some(Duration::from_secs(60)));
        assert_eq!(duration("x"), None);
        let l = limits(&storage(&[("fs.s3a.attempts.maximum", "2"), ("fs.s3a.connection.timeout", "5s")]), "b").unwrap();
        assert_eq!((l.attempts, l.request_timeout), (2, Duration::from_secs(5)));
        assert!(limits(&storage(&[("fs.s3a.attempts.maximum", "many")]), "b").is_err());
    }
}
