//! `DataFrame.inputFiles()`: the data files the plan's scans read, as Spark lists them
//! (absolute `file://` URIs with the path percent-encoded as `java.net.URI` writes it).
//! Spark returns them from a hash set, in no set order; here they are sorted.

use super::files::data_files;
use crate::ir::tree::Recursion;
use crate::ir::{Plan, PlanNode};
use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

pub fn input_files(plan: &Plan) -> Vec<String> {
    let mut found = BTreeSet::new();
    plan.apply(&mut |node| {
        if let PlanNode::Scan { paths, .. } = &node.node {
            for path in paths {
                for file in data_files(path) {
                    found.insert(file_uri(&normalized(&file.path).to_string_lossy()));
                }
            }
        }
        Recursion::Continue
    });
    found.into_iter().collect()
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

/// `file://` and the path with what a URI path may not hold as it is percent-encoded
/// (non-ASCII characters stay, as `URI.toString` keeps them).
fn file_uri(path: &str) -> String {
    let mut out = String::from("file://");
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
        assert_eq!(file_uri("/tmp/in files/a%b.csv"), "file:///tmp/in%20files/a%25b.csv");
        assert_eq!(file_uri("/tmp/é/x"), "file:///tmp/é/x");
        assert_eq!(normalized(Path::new("/a/b/../c/./d.csv")), PathBuf::from("/a/c/d.csv"));
    }
}
