//! Spark's `FileOutputCommitter` idea on a local file system: files are written to a
//! hidden staging directory beside the target, and only a complete write is moved into
//! place (one rename where the target is new or replaced). A staging directory that is
//! never committed is removed when dropped, so a failed write leaves nothing behind.

use super::super::files::io_error;
use super::Replace;
use crate::error::Result;
use std::path::{Path, PathBuf};

pub struct Staging {
    target: PathBuf,
    dir: PathBuf,
    uuid: String,
    committed: bool,
}

impl Staging {
    pub fn new(target: &Path) -> Result<Staging> {
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent).map_err(|e| io_error("creating", &parent, e))?;
        let uuid = uuid4();
        let name = target.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        let dir = parent.join(format!(".{name}-pyrust-staging-{uuid}"));
        std::fs::create_dir(&dir).map_err(|e| io_error("creating", &dir, e))?;
        Ok(Staging { target: target.to_path_buf(), dir, uuid, committed: false })
    }

    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// The job's uuid, which Spark puts in every file name of a write.
    pub fn uuid(&self) -> &str {
        &self.uuid
    }

    /// Marks the output complete (`_SUCCESS`) and moves it into place.
    pub fn commit(mut self, replace: Replace) -> Result<()> {
        let success = self.dir.join("_SUCCESS");
        std::fs::write(&success, b"").map_err(|e| io_error("writing", &success, e))?;
        if !self.target.exists() {
            rename(&self.dir, &self.target)?;
        } else if let Replace::Nothing | Replace::WrittenPartitions(_) = replace {
            if let Replace::WrittenPartitions(depth) = replace {
                // The written partitions' old directories go, the others stay.
                let mut files = vec![];
                relative_files(&self.dir, "", &mut files)?;
                for dir in super::partition_dirs(files.iter().map(String::as_str), depth) {
                    let old = self.target.join(&dir);
                    if old.exists() {
                        std::fs::remove_dir_all(&old).map_err(|e| io_error("removing", &old, e))?;
                    }
                }
            }
            move_into(&self.dir, &self.target)?;
            std::fs::remove_dir_all(&self.dir).map_err(|e| io_error("removing", &self.dir, e))?;
        } else {
            // Overwrite: the old output steps aside, the new one takes its name, then the
            // old one goes; a failure in between puts the old one back.
            let old = self.dir.with_file_name(format!(".{}-pyrust-replaced", self.uuid));
            rename(&self.target, &old)?;
            if let Err(e) = rename(&self.dir, &self.target) {
                let _ = std::fs::rename(&old, &self.target);
                return Err(e);
            }
            let removed = if old.is_dir() { std::fs::remove_dir_all(&old) } else { std::fs::remove_file(&old) };
            removed.map_err(|e| io_error("removing", &old, e))?;
        }
        self.committed = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            // A failed streaming sink returns its error while some of its writer tasks
            // may still be closing files (recreating the directory, `mkdir`): look again
            // a few times before giving up on it.
            for _ in 0..10 {
                let _ = std::fs::remove_dir_all(&self.dir);
                std::thread::sleep(std::time::Duration::from_millis(20));
                if !self.dir.exists() {
                    break;
                }
            }
        }
    }
}

fn rename(from: &Path, to: &Path) -> Result<()> {
    std::fs::rename(from, to).map_err(|e| io_error("moving into place", to, e))
}

/// Moves every file under `from` to the same relative place under `to` (appending:
/// file names carry the write's uuid, so they never collide with earlier writes').
fn move_into(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to).map_err(|e| io_error("creating", to, e))?;
    for entry in std::fs::read_dir(from).map_err(|e| io_error("listing", from, e))? {
        let entry = entry.map_err(|e| io_error("listing", from, e))?;
        let dest = to.join(entry.file_name());
        if entry.path().is_dir() {
            move_into(&entry.path(), &dest)?;
        } else {
            rename(&entry.path(), &dest)?;
        }
    }
    Ok(())
}

/// The paths of the files under `dir`, relative to it with `/` separators.
pub(super) fn relative_files(dir: &Path, rel: &str, out: &mut Vec<String>) -> Result<()> {
    for entry in std::fs::read_dir(dir).map_err(|e| io_error("listing", dir, e))? {
        let entry = entry.map_err(|e| io_error("listing", dir, e))?;
        let name = entry.file_name().to_string_lossy().to_string();
        let path = if rel.is_empty() { name } else { format!("{rel}/{name}") };
        if entry.path().is_dir() {
            relative_files(&entry.path(), &path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// A random (version 4) UUID in its usual text form; the randomness comes from the
/// standard library's per-process hash keys mixed with the time and a counter.
pub(super) fn uuid4() -> String {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut words = [0u64; 2];
    for w in words.iter_mut() {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
        h.write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos()));
        h.write_u32(std::process::id());
        *w = h.finish();
    }
    let mut b = [0u8; 16];
    b[..8].copy_from_slice(&words[0].to_le_bytes());
    b[8..].copy_from_slice(&words[1].to_le_bytes());
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_look_like_uuids_and_differ() {
        let (a, b) = (uuid4(), uuid4());
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "4");
    }

    #[test]
    fn an_uncommitted_staging_directory_disappears() {
        let root = std::env::temp_dir().join(format!("pyrust-commit-test-{}", uuid4()));
        let target = root.join("out");
        {
            let s = Staging::new(&target).unwrap();
            std::fs::write(s.path().join("part"), b"x").unwrap();
        }
        assert_eq!(std::fs::read_dir(&root).unwrap().count(), 0);
        let s = Staging::new(&target).unwrap();
        std::fs::write(s.path().join("part"), b"x").unwrap();
        s.commit(Replace::Everything).unwrap();
        assert!(target.join("_SUCCESS").exists() && target.join("part").exists());
        std::fs::remove_dir_all(&root).unwrap();
    }
}
