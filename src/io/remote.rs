//! Object stores as the readers and writers see them: a blocking client over the
//! `object_store` store Polars builds from the session's settings (`location`), the data
//! files of a remote path as Spark's file index lists them (directories, globs, hidden
//! names, `key=value` partitions), and local copies of text files for the readers that
//! read local files (CSV, JSON, text).

use super::files::wildcard_match;
use super::location::{cloud_options, credential_settings, Remote, Storage, Store};
use crate::error::{Error, ErrorKind, Result};
use futures::TryStreamExt;
use object_store::path::Path as ObjectPath;
use object_store::{ObjectMeta, ObjectStore, ObjectStoreExt, PutPayload};
use polars::prelude::cloud::CloudOptions;
use polars::prelude::PlRefPath;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex};

/// The runtime the blocking calls below run their requests on (a small one of our own:
/// these calls come from the Python thread, outside Polars' engines).
static RUNTIME: LazyLock<std::result::Result<tokio::runtime::Runtime, String>> =
    LazyLock::new(|| tokio::runtime::Builder::new_multi_thread().worker_threads(2).thread_name("pyrust-object-store").enable_all().build().map_err(|e| e.to_string()));

pub(crate) fn block_on<F: std::future::Future>(future: F) -> Result<F::Output> {
    let runtime = RUNTIME.as_ref().map_err(|e| Error::internal(format!("starting the object store runtime: {e}")))?;
    Ok(runtime.block_on(future))
}

/// A connection to one bucket (container) of a store.
pub struct Client {
    root: Remote,
    options: CloudOptions,
    store: Arc<dyn ObjectStore>,
}

/// Clients by bucket and options: building one reads the AWS profile files.
type Clients = HashMap<(String, CloudOptions), Arc<Client>>;
static CLIENTS: LazyLock<Mutex<Clients>> = LazyLock::new(Default::default);

impl Client {
    /// The client of `remote`'s bucket under the session's settings (built once).
    pub fn get_or_build(remote: &Remote, storage: &Storage) -> Result<Arc<Client>> {
        let key = (remote.with_key("").polars_url(), cloud_options(remote, storage)?);
        if let Some(c) = CLIENTS.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return Ok(c);
        }
        let client = Arc::new(Client::new(remote, storage)?);
        if let Ok(mut m) = CLIENTS.lock() {
            m.insert(key, client.clone());
        }
        Ok(client)
    }

    fn new(remote: &Remote, storage: &Storage) -> Result<Client> {
        let options = cloud_options(remote, storage)?;
        let root = remote.with_key("");
        // With the trailing slash: Polars reads the bucket from it (region lookup).
        let url = PlRefPath::new(format!("{}/", root.polars_url()));
        let built: std::result::Result<Arc<dyn ObjectStore>, _> = block_on(async {
            match &root.store {
                Store::S3 => options.build_aws(url, false).await.map(|s| Arc::new(s) as Arc<dyn ObjectStore>),
                Store::Gcs => options.build_gcp(url, false).map(|s| Arc::new(s) as Arc<dyn ObjectStore>),
                Store::Azure { .. } => options.build_azure(url, false).map(|s| Arc::new(s) as Arc<dyn ObjectStore>),
            }
        })?;
        let store = built.map_err(|e| Error::new(ErrorKind::IllegalArgument, "INVALID_CONF_VALUE", format!("Cannot connect to {}: {e}", root.shown())))?;
        Ok(Client { root, options, store })
    }

    /// Polars' options for scans of this bucket.
    pub fn options(&self) -> &CloudOptions {
        &self.options
    }

    pub fn remote(&self, key: &str) -> Remote {
        self.root.with_key(key)
    }

    /// The key as the store holds it. `ObjectPath::from` would percent-encode `%`, which
    /// Spark's partition directories contain (`k=c%3Ad`), so the key is taken as it is.
    fn path(&self, key: &str) -> Result<ObjectPath> {
        ObjectPath::parse(key).map_err(|e| {
            Error::new(ErrorKind::IllegalArgument, "INVALID_PATH", format!("Invalid path {}: {e}.", self.remote(key).shown()))
        })
    }

    fn fail(&self, key: &str, e: object_store::Error) -> Error {
        store_error(&self.remote(key), e)
    }

    /// Every object under `prefix/` (all levels), sorted by key. A missing bucket is
    /// `PATH_NOT_FOUND`.
    pub fn list(&self, prefix: &str) -> Result<Vec<ObjectMeta>> {
        let path = if prefix.is_empty() { None } else { Some(self.path(prefix)?) };
        let mut found: Vec<ObjectMeta> = block_on(self.store.list(path.as_ref()).try_collect::<Vec<_>>())?.map_err(|e| self.fail(prefix, e))?;
        found.retain(|m| !m.location.as_ref().ends_with('/'));
        found.sort_by(|a, b| a.location.as_ref().cmp(b.location.as_ref()));
        Ok(found)
    }

    /// The object at `key`, if there is one.
    pub fn head(&self, key: &str) -> Result<Option<ObjectMeta>> {
        if key.is_empty() {
            return Ok(None);
        }
        match block_on(self.store.head(&self.path(key)?))? {
            Ok(meta) => Ok(Some(meta)),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(self.fail(key, e)),
        }
    }

    /// Whether `key` names an object or a prefix with objects under it.
    pub fn exists(&self, key: &str) -> Result<bool> {
        if self.head(key)?.is_some() {
            return Ok(true);
        }
        let prefix = self.path(key)?;
        let first = block_on(async { self.store.list(Some(&prefix)).try_next().await })?;
        match first {
            Ok(found) => Ok(found.is_some()),
            Err(e) => match store_error(&self.remote(key), e) {
                err if err.error_class.as_deref() == Some("PATH_NOT_FOUND") => Ok(false),
                err => Err(err),
            },
        }
    }

    pub fn get(&self, key: &str) -> Result<Vec<u8>> {
        let path = self.path(key)?;
        block_on(async { self.store.get(&path).await?.bytes().await })?.map(Vec::from).map_err(|e| self.fail(key, e))
    }

    pub fn get_range(&self, key: &str, range: std::ops::Range<u64>) -> Result<Vec<u8>> {
        block_on(self.store.get_range(&self.path(key)?, range))?.map(Vec::from).map_err(|e| self.fail(key, e))
    }

    pub fn put(&self, key: &str, data: Vec<u8>) -> Result<()> {
        block_on(self.put_async(key, data))?
    }

    pub async fn put_async(&self, key: &str, data: Vec<u8>) -> Result<()> {
        self.store.put(&self.path(key)?, PutPayload::from(data)).await.map(|_| ()).map_err(|e| self.fail(key, e))
    }

    /// A server-side copy.
    pub async fn copy_async(&self, from: &str, to: &str) -> Result<()> {
        self.store.copy(&self.path(from)?, &self.path(to)?).await.map_err(|e| self.fail(to, e))
    }

    /// Deletes an object; one already gone is fine.
    pub async fn delete_async(&self, key: &str) -> Result<()> {
        match self.store.delete(&self.path(key)?).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(self.fail(key, e)),
        }
    }
}

/// An object store failure as Spark reports it: `PATH_NOT_FOUND` for a missing bucket
/// or key, a message naming the settings to fix for refused credentials.
pub fn store_error(remote: &Remote, e: object_store::Error) -> Error {
    let mut chain = e.to_string();
    let mut source = std::error::Error::source(&e);
    while let Some(s) = source {
        chain.push_str(&format!(": {s}"));
        source = s.source();
    }
    let not_found = matches!(e, object_store::Error::NotFound { .. }) || chain.contains("NoSuchBucket") || chain.contains("NoSuchKey");
    if not_found {
        return path_not_found(&remote.shown());
    }
    let denied = matches!(e, object_store::Error::PermissionDenied { .. } | object_store::Error::Unauthenticated { .. })
        || ["InvalidAccessKeyId", "SignatureDoesNotMatch", "AccessDenied", "ExpiredToken", "InvalidToken", "403 Forbidden", "401 Unauthorized"]
            .iter()
            .any(|s| chain.contains(s))
        // No credentials set anywhere: the chain ends at the instance metadata service,
        // which is absent (or refuses) off a cloud machine. The fix is the same settings.
        || ["169.254.169.254", "metadata.google.internal"].iter().any(|s| chain.contains(s));
    if denied {
        return Error::new(
            ErrorKind::Runtime,
            "OBJECT_STORE_ACCESS_DENIED",
            format!("Access to {} was denied: check {}. ({chain})", remote.shown(), credential_settings(remote)),
        );
    }
    Error::new(ErrorKind::Runtime, "OBJECT_STORE_ERROR", format!("{}: {chain}", remote.shown()))
}

pub fn path_not_found(shown: &str) -> Error {
    Error::new(ErrorKind::Analysis, "PATH_NOT_FOUND", format!("Path does not exist: {shown}."))
}

fn is_hidden_name(name: &str) -> bool {
    name.starts_with('_') || name.starts_with('.')
}

fn split_key(key: &str) -> Vec<&str> {
    key.split('/').filter(|c| !c.is_empty()).collect()
}

/// The data objects a remote path stands for, as `(root key, object)` pairs sorted by
/// key: the object itself, the objects under a prefix, or those under what a glob
/// matches (`*`, `?` in any component); names starting with `_` or `.` below the root are
/// not data. Nothing there is `PATH_NOT_FOUND`.
pub fn data_objects(client: &Client, remote: &Remote) -> Result<Vec<(String, ObjectMeta)>> {
    let parts = split_key(&remote.key);
    let Some(first_glob) = parts.iter().position(|c| c.contains(['*', '?'])) else {
        let under = client.list(&remote.key)?;
        let visible: Vec<(String, ObjectMeta)> = under
            .into_iter()
            .filter(|m| !relative(&remote.key, m.location.as_ref()).iter().any(|c| is_hidden_name(c)))
            .map(|m| (remote.key.clone(), m))
            .collect();
        if !visible.is_empty() {
            return Ok(visible);
        }
        return match client.head(&remote.key)? {
            Some(meta) => Ok(vec![(parent_key(&remote.key), meta)]),
            None if client.exists(&remote.key)? => Ok(vec![]),
            None => Err(path_not_found(&remote.shown())),
        };
    };
    let literal = parts[..first_glob].join("/");
    let mut out = vec![];
    for meta in client.list(&literal)? {
        let key_parts = split_key(meta.location.as_ref());
        if key_parts.len() < parts.len() || !parts.iter().zip(&key_parts).all(|(p, k)| wildcard_match(p, k)) {
            continue;
        }
        if key_parts[first_glob..].iter().any(|c| is_hidden_name(c)) {
            continue;
        }
        let root = if key_parts.len() == parts.len() { parent_key(meta.location.as_ref()) } else { key_parts[..parts.len()].join("/") };
        out.push((root, meta));
    }
    if out.is_empty() {
        return Err(path_not_found(&remote.shown()));
    }
    Ok(out)
}

fn parent_key(key: &str) -> String {
    key.rsplit_once('/').map_or(String::new(), |(dir, _)| dir.to_string())
}

/// The components of `key` below `root`.
fn relative<'a>(root: &str, key: &'a str) -> Vec<&'a str> {
    let rest = if root.is_empty() { key } else { key.strip_prefix(root).unwrap_or(key) };
    split_key(rest)
}

/// Which local tree stands for a bucket's data objects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mirror {
    /// Copies of the objects, for the readers of local files (CSV, JSON, text).
    Copies,
    /// Empty files with the objects' names and modification times, for Parquet, whose
    /// objects Polars scans in place: partition discovery and the discovery options
    /// (`basePath`, `recursiveFileLookup`, `pathGlobFilter`, `modifiedBefore`) then run
    /// over them as over a local directory.
    Names,
}

/// What local files were made from: the object's size and entity tag, per file.
type Stamps = HashMap<PathBuf, (u64, Option<String>)>;
static MIRRORED: LazyLock<Mutex<Stamps>> = LazyLock::new(Default::default);

/// The local directory standing for `remote`'s bucket in a mirror: keys are laid out
/// below it as in the bucket, so any remote path (a glob, a `basePath`) has its local
/// counterpart (`mirrored`).
pub fn bucket_dir(remote: &Remote, mirror: Mirror) -> Result<PathBuf> {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    remote.with_key("").polars_url().hash(&mut h);
    let kind = match mirror {
        Mirror::Copies => "copies",
        Mirror::Names => "names",
    };
    Ok(super::scratch::dir()?.join(kind).join(format!("{:016x}", h.finish())))
}

/// The local path of `remote` in a mirror whose bucket directory is `dir`.
pub fn mirrored(dir: &Path, remote: &Remote) -> PathBuf {
    if remote.key.is_empty() { dir.to_path_buf() } else { dir.join(&remote.key) }
}

/// A local path standing for a remote one: the data objects are mirrored (copied, or
/// named, again only when their size or entity tag changed) under the process' scratch
/// directory (`scratch`, removed at exit), and the local path keeps the remote one's
/// glob. A missing bucket or path is `PATH_NOT_FOUND` under its remote name.
pub fn local_mirror(remote: &Remote, storage: &Storage, mirror: Mirror) -> Result<PathBuf> {
    let client = Client::get_or_build(remote, storage)?;
    let objects = data_objects(&client, remote)?;
    let dir = bucket_dir(remote, mirror)?;
    let mut wanted = std::collections::HashSet::new();
    for (_, meta) in &objects {
        let key = meta.location.as_ref();
        let local = dir.join(key);
        wanted.insert(local.clone());
        let stamp = (meta.size, meta.e_tag.clone());
        let fresh = MIRRORED.lock().map(|m| m.get(&local) == Some(&stamp)).unwrap_or(false) && local.exists();
        if fresh {
            continue;
        }
        if let Some(parent) = local.parent() {
            std::fs::create_dir_all(parent).map_err(|e| super::files::io_error("creating", parent, e))?;
        }
        let data = match mirror {
            Mirror::Copies => client.get(key)?,
            Mirror::Names => vec![],
        };
        std::fs::write(&local, &data).map_err(|e| super::files::io_error("writing", &local, e))?;
        // modifiedBefore / modifiedAfter read the object's time.
        if let Ok(file) = std::fs::File::options().write(true).open(&local) {
            let _ = file.set_modified(std::time::SystemTime::from(meta.last_modified));
        }
        if let Ok(mut m) = MIRRORED.lock() {
            m.insert(local, stamp);
        }
    }
    // Objects deleted remotely since an earlier read go from below the literal prefix.
    let parts = split_key(&remote.key);
    let literal = parts.iter().position(|c| c.contains(['*', '?'])).unwrap_or(parts.len());
    remove_others(&mirrored(&dir, &remote.with_key(&parts[..literal].join("/"))), &wanted);
    Ok(mirrored(&dir, remote))
}

/// The local files below `dir` that this listing did not produce.
fn remove_others(dir: &Path, wanted: &std::collections::HashSet<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            remove_others(&p, wanted);
        } else if !wanted.contains(&p) {
            let _ = std::fs::remove_file(&p);
        }
    }
}

/// Removes every local copy (at exit): the process' scratch directory goes, and the
/// next read fetches again.
pub fn remove_local_copies() {
    if let Ok(mut m) = MIRRORED.lock() {
        m.clear();
    }
    super::scratch::remove_own();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_below_a_root() {
        assert_eq!(relative("data/t", "data/t/x=1/f.csv"), ["x=1", "f.csv"]);
        assert_eq!(relative("", "a/b"), ["a", "b"]);
        assert_eq!(parent_key("a/b/c"), "a/b");
        assert_eq!(parent_key("c"), "");
    }
}
