"""The local side of object-store I/O (copies of remote CSV/JSON/text objects, the part
files of a remote write before their upload) lives in one directory per process,
$TMPDIR/pyrust-scratch-PID: removed when the interpreter exits, and a killed process'
directory is removed by the next process that needs one. Against moto's S3 server on
127.0.0.1, each process in its own TMPDIR."""

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

# Skipped as a whole without the S3 server the fixtures start.
pytest.importorskip("boto3")
pytest.importorskip("moto.moto_server.threaded_moto_server")

from s3_server import KEY, SECRET, SETTINGS  # noqa: E402  (endpoint, bucket: tests/conftest.py)




# Writes CSV/JSON/text and reads them back (local copies), then waits for a line on
# stdin before it exits.
CHILD = textwrap.dedent("""
    import sys
    from pyrust.sql import SparkSession
    endpoint, bucket, tag = sys.argv[1:4]
    builder = SparkSession.builder
    for k, v in {settings!r}.items():
        builder = builder.config(k, v)
    spark = builder.config("spark.hadoop.fs.s3a.endpoint", endpoint).getOrCreate()
    for fmt in ["csv", "json", "text"]:
        target = f"s3a://{{bucket}}/{{tag}}/{{fmt}}"
        spark.range(5).selectExpr("cast(id as string) as value").write.format(fmt).save(target)
        assert sorted(r[0] for r in spark.read.format(fmt).load(target).collect()) == [str(i) for i in range(5)]
    print("read", flush=True)
    sys.stdin.readline()
""").format(settings=SETTINGS)


def start(endpoint, bucket, tmp, tag):
    env = {**os.environ, "TMPDIR": str(tmp)}
    proc = subprocess.Popen([sys.executable, "-c", CHILD, endpoint, bucket, tag], env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    assert line.strip() == "read", proc.stderr.read() if proc.poll() is not None else line
    return proc


def scratch_dirs(tmp):
    return sorted(p for p in os.listdir(tmp) if p.startswith("pyrust-scratch-"))


def test_local_copies_are_removed_at_exit(endpoint, bucket, tmp_path):
    proc = start(endpoint, bucket, tmp_path, "exit")
    try:
        # while the process lives, its copies are there (and are reused by later reads)
        assert scratch_dirs(tmp_path) == [f"pyrust-scratch-{proc.pid}"]
        copies = tmp_path / f"pyrust-scratch-{proc.pid}" / "copies"
        assert any(f.endswith(".csv") for _, _, files in os.walk(copies) for f in files)
        out, err = proc.communicate("exit\n", timeout=60)
        assert proc.returncode == 0, err
    finally:
        if proc.poll() is None:
            proc.kill()
    assert scratch_dirs(tmp_path) == []


def test_a_killed_process_copies_are_removed_by_the_next(endpoint, bucket, tmp_path):
    first = start(endpoint, bucket, tmp_path, "killed")
    try:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
    finally:
        if first.poll() is None:
            first.kill()
    left = tmp_path / f"pyrust-scratch-{first.pid}"
    assert left.is_dir()
    # A lock file younger than a few seconds may be a process' that has not locked it
    # yet, so it is left alone: age it rather than wait.
    old = time.time() - 120
    os.utime(left / ".lock", (old, old))
    second = start(endpoint, bucket, tmp_path, "next")
    try:
        # the dead process' directory went when the second made its own
        assert scratch_dirs(tmp_path) == [f"pyrust-scratch-{second.pid}"]
        second.communicate("exit\n", timeout=60)
    finally:
        if second.poll() is None:
            second.kill()
    assert scratch_dirs(tmp_path) == []


def test_a_live_process_copies_are_left_alone(endpoint, bucket, tmp_path):
    first = start(endpoint, bucket, tmp_path, "live1")
    try:
        lock = tmp_path / f"pyrust-scratch-{first.pid}" / ".lock"
        old = time.time() - 120
        os.utime(lock, (old, old))
        second = start(endpoint, bucket, tmp_path, "live2")
        second.communicate("exit\n", timeout=60)
        # the first still holds its lock: its directory stays
        assert scratch_dirs(tmp_path) == [f"pyrust-scratch-{first.pid}"]
        first.communicate("exit\n", timeout=60)
    finally:
        if first.poll() is None:
            first.kill()
    assert scratch_dirs(tmp_path) == []
