//! PyRust's local scratch files live in one directory per process,
//! `$TMPDIR/pyrust-scratch-PID/`: the copies of remote CSV/JSON/text objects read by the
//! local-file readers, the part files of a remote write before their upload, and the
//! decompressed copies of compressed CSV files (`compression::plain_copy`).
//!
//! Nothing else removes it, so it is removed here: by the process itself at exit
//! (`remove_own`, from Python's `atexit`), and, for a process that died without exiting
//! (killed, crashed), by the next process that needs one. Each process holds a lock on
//! `.lock` inside its directory for as long as it lives; a directory whose lock can be
//! taken belongs to a process that is gone.

use crate::error::{Error, Result};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

const PREFIX: &str = "pyrust-scratch-";
const LOCK: &str = ".lock";
/// A lock file younger than this may belong to a process between creating and locking it.
const LOCK_GRACE: Duration = Duration::from_secs(10);
/// A directory without a lock file (an older PyRust's, or one being created) is left
/// alone until it is this old.
const UNLOCKED_AGE: Duration = Duration::from_secs(3600);

/// This process' directory and the held lock (dropping the file releases it).
struct Own {
    pid: u32,
    dir: PathBuf,
    _lock: File,
}

static OWN: Mutex<Option<Own>> = Mutex::new(None);

/// This process' directory, created on first use (when the stale directories of dead
/// processes are removed too).
pub fn dir() -> Result<PathBuf> {
    let mut own = OWN.lock().map_err(|_| Error::internal("the scratch directory lock is poisoned"))?;
    let pid = std::process::id();
    // After a fork the child inherits the parent's entry: it is not the child's.
    if let Some(o) = own.as_ref().filter(|o| o.pid == pid && o.dir.exists()) {
        return Ok(o.dir.clone());
    }
    let tmp = std::env::temp_dir();
    let dir = tmp.join(format!("{PREFIX}{pid}"));
    if own.as_ref().is_none_or(|o| o.pid != pid) {
        // A directory with our id is a dead process' (ids are reused).
        let _ = std::fs::remove_dir_all(&dir);
    }
    std::fs::create_dir_all(&dir).map_err(|e| super::files::io_error("creating", &dir, e))?;
    let lock_path = dir.join(LOCK);
    let lock = File::create(&lock_path).map_err(|e| super::files::io_error("creating", &lock_path, e))?;
    // A file system without locks only loses the sweeping of this directory.
    let _ = lock.try_lock();
    *own = Some(Own { pid, dir: dir.clone(), _lock: lock });
    drop(own);
    remove_stale(&tmp, &dir);
    Ok(dir)
}

/// Removes this process' directory (at exit; a later `dir()` makes a new one).
pub fn remove_own() {
    let Ok(mut own) = OWN.lock() else { return };
    if let Some(o) = own.take() {
        if o.pid == std::process::id() {
            let _ = std::fs::remove_dir_all(&o.dir);
        }
    }
}

/// Removes the directories under `tmp` of processes that are gone.
fn remove_stale(tmp: &Path, own: &Path) {
    let Ok(entries) = std::fs::read_dir(tmp) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path != own && entry.file_name().to_string_lossy().starts_with(PREFIX) && path.is_dir() && is_stale(&path) {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
}

fn age(path: &Path) -> Option<Duration> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok())
}

fn is_stale(dir: &Path) -> bool {
    let lock_path = dir.join(LOCK);
    match File::open(&lock_path) {
        // Taking the lock means its holder is gone (the lock goes with our handle).
        Ok(file) => age(&lock_path).is_some_and(|a| a > LOCK_GRACE) && file.try_lock().is_ok(),
        Err(_) => age(dir).is_some_and(|a| a > UNLOCKED_AGE),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_held_lock_is_not_stale_and_a_released_one_is() {
        let root = std::env::temp_dir().join(format!("pyrust-scratch-test-{}", std::process::id()));
        let dir = root.join("p");
        std::fs::create_dir_all(&dir).unwrap();
        let lock = File::create(dir.join(LOCK)).unwrap();
        lock.try_lock().unwrap();
        let old = std::time::SystemTime::now() - Duration::from_secs(60);
        lock.set_modified(old).unwrap();
        assert!(!is_stale(&dir));
        drop(lock);
        assert!(is_stale(&dir));
        // a young lock file is left alone even when free
        let young = File::create(dir.join(LOCK)).unwrap();
        drop(young);
        assert!(!is_stale(&dir));
        std::fs::remove_dir_all(&root).unwrap();
    }
}
