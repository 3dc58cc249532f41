//! The memory guard: a query whose process outgrows the memory it may use is stopped
//! with Spark's `UNABLE_TO_ACQUIRE_MEMORY` before the kernel's OOM killer ends the
//! whole process without a word (a TPC-H Q21 at SF1 under a 1 GiB cgroup cap did).
//! The waiting side of a long action (`guard_interruptible`) reads the process's
//! resident anonymous memory at each of its 50 ms polls and, past the limit, stops the query
//! through `exec::cancel`.
//!
//! The limit is 90% of the cgroup's memory limit (v2 `memory.max`, v1
//! `memory.limit_in_bytes`) or of the machine's memory, whichever is less; the
//! environment variable `PYRUST_MEMORY_LIMIT` (bytes, or with a k/m/g suffix) sets it
//! instead. (PyRust's own setting, apart from Spark's: a JVM's heap size means nothing
//! here.) What grows within one poll is not seen in time; spilling (Polars'
//! `polars-ooc`) would let such a query finish instead.

use crate::error::{Error, ErrorKind};
use std::sync::OnceLock;

/// The share of the cgroup's or the machine's memory a query may take the process to.
const SHARE: f64 = 0.9;

/// The resident size the process may reach while a query runs (None: unknown).
pub fn limit() -> Option<u64> {
    static LIMIT: OnceLock<Option<u64>> = OnceLock::new();
    *LIMIT.get_or_init(|| {
        if let Some(set) = std::env::var("PYRUST_MEMORY_LIMIT").ok().and_then(|v| parse_size(&v)) {
            return Some(set);
        }
        let machine = read("/proc/meminfo").and_then(|t| kib_field(&t, "MemTotal:"));
        let cgroup = read("/proc/self/cgroup").and_then(|t| cgroup_limit(&t, &|p| read(p)));
        let least = match (machine, cgroup) {
            (Some(m), Some(c)) => m.min(c),
            (m, c) => m.or(c)?,
        };
        Some((least as f64 * SHARE) as u64)
    })
}

/// The process's resident memory the kernel cannot take back, in bytes (Linux:
/// `/proc/self/status`): anonymous and shared-memory pages. Mapped files (the extension
/// itself, Parquet files Polars maps) are left out: their clean pages are reclaimed
/// under a cgroup's limit before anything is killed, and counting them stopped TPC-H
/// Q21 under a 1 GiB cap at 939 MiB of VmRSS with the group at 853 MiB.
pub fn resident() -> Option<u64> {
    let status = read("/proc/self/status")?;
    match (kib_field(&status, "RssAnon:"), kib_field(&status, "RssShmem:")) {
        (Some(anon), shmem) => Some(anon + shmem.unwrap_or(0)),
        (None, _) => kib_field(&status, "VmRSS:"),
    }
}

/// The resident size and the limit, when the first is past the second.
pub fn over_limit() -> Option<(u64, u64)> {
    let limit = limit()?;
    let now = resident()?;
    (now > limit).then_some((now, limit))
}

/// The error a query stopped by the guard ends with.
pub fn exceeded(resident: u64, limit: u64) -> Error {
    Error::new(
        ErrorKind::Runtime,
        "UNABLE_TO_ACQUIRE_MEMORY",
        format!(
            "Unable to acquire memory: the query was stopped with the process at {} MiB, past its limit of {} MiB (90% of the cgroup's or the machine's memory, or PYRUST_MEMORY_LIMIT). SQLSTATE: 53200",
            resident >> 20,
            limit >> 20
        ),
    )
}

/// The least memory limit of the process's cgroup and its ancestors (a parent's limit
/// holds for its children), read from `/proc/self/cgroup`'s lines: v1's `N:memory:/path`
/// (`memory.limit_in_bytes` under `/sys/fs/cgroup/memory`), v2's `0::/path`
/// (`memory.max` under `/sys/fs/cgroup`; `max` is no limit). Not the hierarchy's root
/// file: a process in a capped group below the root sees no limit there.
fn cgroup_limit(proc_cgroup: &str, read: &dyn Fn(&str) -> Option<String>) -> Option<u64> {
    let mut least: Option<u64> = None;
    for line in proc_cgroup.lines() {
        let mut fields = line.splitn(3, ':');
        let (Some(_), Some(controllers), Some(path)) = (fields.next(), fields.next(), fields.next()) else { continue };
        let (root, file) = match controllers {
            "" => ("/sys/fs/cgroup", "memory.max"),
            c if c.split(',').any(|c| c == "memory") => ("/sys/fs/cgroup/memory", "memory.limit_in_bytes"),
            _ => continue,
        };
        let mut dir = path.trim_end_matches('/').to_string();
        loop {
            if let Some(limit) = read(&format!("{root}{dir}/{file}")).and_then(|t| t.trim().parse::<u64>().ok()) {
                least = Some(least.map_or(limit, |l| l.min(limit)));
            }
            match dir.rfind('/') {
                Some(i) => dir.truncate(i),
                None => break,
            }
        }
    }
    least
}

fn read(path: &str) -> Option<String> {
    std::fs::read_to_string(path).ok()
}

/// A `Name:   1234 kB` line of a /proc file, in bytes.
fn kib_field(text: &str, name: &str) -> Option<u64> {
    let line = text.lines().find(|l| l.starts_with(name))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// `512m`, `4g`, `1000000`: a size in bytes.
fn parse_size(text: &str) -> Option<u64> {
    let t = text.trim().to_ascii_lowercase();
    let (digits, unit) = match t.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => t.split_at(i),
        None => (t.as_str(), ""),
    };
    let n: u64 = digits.parse().ok()?;
    let scale: u64 = match unit.trim_end_matches('b') {
        "" => 1,
        "k" => 1 << 10,
        "m" => 1 << 20,
        "g" => 1 << 30,
        "t" => 1 << 40,
        _ => return None,
    };
    n.checked_mul(scale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_with_units() {
        assert_eq!(parse_size("1000"), Some(1000));
        assert_eq!(parse_size("512m"), Some(512 << 20));
        assert_eq!(parse_size("4G"), Some(4 << 30));
        assert_eq!(parse_size("2gb"), Some(2 << 30));
        assert_eq!(parse_size("lots"), None);
        assert_eq!(parse_size("99999999999t"), None);
    }

    #[test]
    fn the_machine_memory_from_meminfo() {
        assert_eq!(kib_field("MemTotal:       24576000 kB\nMemFree: 1 kB\n", "MemTotal:"), Some(24576000 * 1024));
        assert_eq!(kib_field("nothing", "MemTotal:"), None);
    }

    #[test]
    fn the_cgroup_limit_is_the_process_s_own_group_or_an_ancestor_s() {
        let files = |p: &str| -> Option<String> {
            match p {
                "/sys/fs/cgroup/memory/bench/q21/memory.limit_in_bytes" => Some("536870912\n".into()),
                "/sys/fs/cgroup/memory/bench/memory.limit_in_bytes" => Some("1073741824\n".into()),
                "/sys/fs/cgroup/memory/memory.limit_in_bytes" => Some("9223372036854771712\n".into()),
                "/sys/fs/cgroup/job/memory.max" => Some("max\n".into()),
                "/sys/fs/cgroup/memory.max" => None,
                _ => None,
            }
        };
        let v1 = "12:pids:/\n4:memory:/bench/q21\n1:cpu:/\n";
        assert_eq!(cgroup_limit(v1, &files), Some(512 << 20));
        assert_eq!(cgroup_limit("4:memory:/\n", &files), Some(9223372036854771712));
        // v2: `max` is no limit; the root has no memory.max
        assert_eq!(cgroup_limit("0::/job\n", &files), None);
        let v2 = |p: &str| (p == "/sys/fs/cgroup/memory.max" || p == "/sys/fs/cgroup/job/memory.max").then(|| "2147483648".to_string());
        assert_eq!(cgroup_limit("0::/job/step\n", &v2), Some(2 << 30));
    }

    #[test]
    fn the_process_has_a_size_under_its_limit() {
        if let (Some(now), Some(limit)) = (resident(), limit()) {
            assert!(now > 0 && now < limit);
            assert!(over_limit().is_none());
        }
    }
}
