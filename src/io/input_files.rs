//! `DataFrame.inputFiles()`: the data files the plan's scans read, as Spark lists them
//! (absolute `file://` URIs with the path percent-encoded as `java.net.URI` writes it).
//! Spark returns them from a hash set, in no set order; here they are sorted. Objects
//! in a store are listed there and named with the path's scheme (`s3a://bucket/key`).

use super::files::data_files;
use super::location::{self, Location, Storage};
use super::remote::{bucket_dir, local_mirror, Mirror};
use crate::ir::tree::Recursion;
use crate::ir::{Plan, PlanNode};
use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

pub fn input_files(plan: &Plan, storage: &Storage) -> Vec<String> {
    let mut found = BTreeSet::new();
    plan.apply(&mut |node| {
        if let PlanNode::Scan { paths, .. } = &node.node {
            for path in paths {
                match location::parse(path) {
                    Ok(Location::Remote(r)) => found.extend(object_uris(&r, storage)),
                    _ => found.extend(data_files(path).into_iter().map(|f| uri("file://", &normalized(&f.path).to_string_lossy()))),
                }
            }
        }
        Recursion::Continue
    });
    found.into_iter().collect()
}

/// A local file as Spark's `_metadata.file_path` shows it (`file:/abs/path`, encoded
/// as `java.net.URI` writes it).
pub fn file_uri(path: &Path) -> String {
    uri("file:", &normalized(path).to_string_lossy())
}

/// The absolute path with `.` and `..` folded away lexically, as Hadoop's `Path` does
/// (symbolic links are not followed).
fn normalized(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for part in absolute.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The data objects of a remote path (as a read lists them), as URIs; none when the
/// store cannot be listed (`inputFiles` does not fail).
fn object_uris(remote: &super::location::Remote, storage: &Storage) -> Vec<String> {
    let (Ok(local), Ok(dir)) = (local_mirror(remote, storage, Mirror::Names), bucket_dir(remote, Mirror::Names)) else { return vec![] };
    let root = remote.with_key("").shown();
    data_files(&local.to_string_lossy())
        .into_iter()
        .filter_map(|f| f.path.strip_prefix(&dir).ok().map(|key| uri(&format!("{root}/"), &key.to_string_lossy())))
        .collect()
}

/// `prefix` and the path with what a URI path may not hold percent-encoded (non-ASCII
/// characters stay, as `URI.toString` keeps them).
fn uri(prefix: &str, path: &str) -> String {
    let mut out = String::from(prefix);
    for c in path.chars() {
        let plain = c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@/".contains(c) || !c.is_ascii();
        if plain {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_encode_as_java() {
        assert_eq!(uri("file://", "/tmp/in files/a%b.csv"), "file:///tmp/in%20files/a%25b.csv");
        assert_eq!(uri("file://", "/tmp/é/x"), "file:///tmp/é/x");
        assert_eq!(uri("s3a://b/", "k=c%3Ad/x"), "s3a://b/k=c%253Ad/x");
        assert_eq!(normalized(Path::new("/a/b/../c/./d.csv")), PathBuf::from("/a/c/d.csv"));
    }
}
