//! Committing a write to an object store, which has no rename: the files written
//! locally are uploaded under a staging prefix beside the target
//! (`.NAME-pyrust-staging-UUID/`, outside the target, so readers of the target never
//! list it), and only a complete upload is committed: under `overwrite` the target's
//! objects are deleted, the staged objects are copied in (server-side), `_SUCCESS` is
//! written last and the staging prefix removed. docs/object-storage.md says what a
//! reader can observe when a job dies at each step.

use super::Replace;
use crate::error::Result;
use crate::io::location::Remote;
use crate::io::remote::Client;
use futures::StreamExt;
use std::path::{Path, PathBuf};

/// Requests in flight at once while uploading, copying and deleting.
const CONCURRENCY: usize = 8;

/// The staging prefix of a write to `target` (a hidden name inside the bucket root when
/// the target is the root itself).
fn staging_key(target: &Remote, uuid: &str) -> String {
    match target.key.rsplit_once('/') {
        Some((parent, name)) => format!("{parent}/.{name}-pyrust-staging-{uuid}"),
        None if target.key.is_empty() => format!(".pyrust-staging-{uuid}"),
        None => format!(".{}-pyrust-staging-{uuid}", target.key),
    }
}

fn join(prefix: &str, rel: &str) -> String {
    if prefix.is_empty() { rel.to_string() } else { format!("{prefix}/{rel}") }
}

/// Every file under `dir`, as paths relative to it with `/` separators.
fn local_files(dir: &Path, rel: &str, out: &mut Vec<(PathBuf, String)>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| crate::io::files::io_error("listing", dir, e))?;
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let child = join(rel, &name);
        if path.is_dir() {
            local_files(&path, &child, out)?;
        } else {
            out.push((path, child));
        }
    }
    Ok(())
}

/// Runs `op` over `items`, `CONCURRENCY` at a time, stopping at the first error.
fn for_each<T, F, Fut>(items: Vec<T>, op: F) -> Result<()>
where
    F: Fn(T) -> Fut,
    Fut: std::future::Future<Output = Result<()>>,
{
    let results: Vec<Result<()>> = crate::io::remote::block_on(futures::stream::iter(items).map(op).buffer_unordered(CONCURRENCY).collect::<Vec<_>>())?;
    results.into_iter().collect()
}

/// Uploads the files written under `local` and commits them to `target` under `mode`.
pub fn commit(client: &Client, target: &Remote, local: &Path, uuid: &str, replace: Replace) -> Result<()> {
    let staging = staging_key(target, uuid);
    let mut files = vec![];
    local_files(local, "", &mut files)?;
    let staged: Vec<String> = files.iter().map(|(_, rel)| rel.clone()).collect();
    let result = upload(client, &staging, files).and_then(|()| publish(client, target, &staging, &staged, replace));
    // The staging prefix goes whether the commit worked or not.
    let cleanup = for_each(staged.iter().map(|rel| join(&staging, rel)).collect(), |key| async move { client.delete_async(&key).await });
    result.and(cleanup)
}

fn upload(client: &Client, staging: &str, files: Vec<(PathBuf, String)>) -> Result<()> {
    for_each(files, |(path, rel)| async move {
        let data = std::fs::read(&path).map_err(|e| crate::io::files::io_error("reading", &path, e))?;
        client.put_async(&join(staging, &rel), data).await
    })
}

/// The commit proper: the old output goes (overwrite: all of it, or the written
/// partitions' objects), the staged files are copied into the target, `_SUCCESS` marks
/// it complete.
fn publish(client: &Client, target: &Remote, staging: &str, staged: &[String], replace: Replace) -> Result<()> {
    let replaced: Vec<String> = match replace {
        Replace::Nothing => vec![],
        Replace::Everything => vec![target.key.clone()],
        Replace::WrittenPartitions(depth) => super::partition_dirs(staged.iter().map(String::as_str), depth).iter().map(|d| join(&target.key, d)).collect(),
    };
    let own = format!("{staging}/");
    for prefix in replaced {
        let old: Vec<String> = client.list(&prefix)?.into_iter().map(|m| m.location.to_string()).filter(|k| !k.starts_with(&own)).collect();
        for_each(old, |key| async move { client.delete_async(&key).await })?;
    }
    let copies: Vec<(String, String)> = staged.iter().map(|rel| (join(staging, rel), join(&target.key, rel))).collect();
    for_each(copies, |(from, to)| async move { client.copy_async(&from, &to).await })?;
    client.put(&join(&target.key, "_SUCCESS"), vec![])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::location::{parse, Location};

    #[test]
    fn staging_prefixes_sit_beside_the_target() {
        let remote = |p: &str| match parse(p).unwrap() {
            Location::Remote(r) => r,
            Location::Local(_) => unreachable!(),
        };
        assert_eq!(staging_key(&remote("s3a://b/data/out"), "u"), "data/.out-pyrust-staging-u");
        assert_eq!(staging_key(&remote("s3a://b/out"), "u"), ".out-pyrust-staging-u");
        assert_eq!(staging_key(&remote("s3a://b/"), "u"), ".pyrust-staging-u");
    }
}
