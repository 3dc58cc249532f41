"""How PyRust reaches an S3 endpoint: the AWS credential chain when no fs.s3a key is set
(environment variables, the profile files), and bounded requests (fs.s3a.attempts.maximum,
fs.s3a.connection.timeout) against a server that accepts connections and never answers.
Against moto's S3 server on 127.0.0.1; each chain case in a fresh process, whose
environment is the chain's input."""

import os
import socket
import subprocess
import sys
import textwrap
import threading
import time

import pytest

# Skipped as a whole without the S3 server the fixtures start.
pytest.importorskip("boto3")
pytest.importorskip("moto.moto_server.threaded_moto_server")

from s3_server import KEY, SECRET  # noqa: E402  (endpoint, bucket: tests/conftest.py)




# No fs.s3a.access.key: the credentials come from the environment the test gives.
CHILD = textwrap.dedent("""
    import sys
    from pyrust.sql import SparkSession
    endpoint, target = sys.argv[1:3]
    spark = (SparkSession.builder
        .config("spark.hadoop.fs.s3a.endpoint", endpoint)
        .config("spark.hadoop.fs.s3a.endpoint.region", "us-east-1")
        .config("spark.hadoop.fs.s3a.attempts.maximum", "1")
        .config("spark.hadoop.fs.s3a.connection.establish.timeout", "2s")
        .config("spark.hadoop.fs.s3a.connection.timeout", "5s")
        .getOrCreate())
    spark.range(3).write.parquet(target)
    print(sorted(r.id for r in spark.read.parquet(target).collect()))
""")


def run_child(endpoint, target, home, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    clean.update(HOME=str(home), **env)
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", CHILD, endpoint, target], env=clean, capture_output=True, text=True, timeout=120)
    return proc, time.monotonic() - start


def test_credentials_from_the_environment(endpoint, bucket, tmp_path):
    proc, _ = run_child(endpoint, f"s3a://{bucket}/env", tmp_path, AWS_ACCESS_KEY_ID=KEY, AWS_SECRET_ACCESS_KEY=SECRET)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[0, 1, 2]"


def test_credentials_from_the_default_profile(endpoint, bucket, tmp_path):
    (tmp_path / ".aws").mkdir()
    (tmp_path / ".aws" / "credentials").write_text(f"[default]\naws_access_key_id = {KEY}\naws_secret_access_key = {SECRET}\n")
    proc, _ = run_child(endpoint, f"s3a://{bucket}/profile", tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[0, 1, 2]"


def test_no_credentials_anywhere_fails_without_hanging(endpoint, bucket, tmp_path):
    # The chain ends at the instance metadata service, which is not there (or refuses):
    # the error names the settings, within the connection timeouts.
    proc, took = run_child(endpoint, f"s3a://{bucket}/none", tmp_path)
    assert proc.returncode != 0
    assert "OBJECT_STORE_ACCESS_DENIED" in proc.stderr and f"s3a://{bucket}/none" in proc.stderr, proc.stderr
    assert "spark.hadoop.fs.s3a.access.key" in proc.stderr, proc.stderr
    assert took < 60


@pytest.fixture
def silent_server():
    """A TCP server that accepts connections and never answers."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    held, stop = [], threading.Event()

    def accept():
        sock.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(sock.accept()[0])
            except OSError:
                pass

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    stop.set()
    thread.join()
    for c in held:
        c.close()
    sock.close()


def test_a_silent_endpoint_fails_after_the_request_timeout(silent_server):
    from pyrust.sql import SparkSession

    spark = SparkSession.builder.getOrCreate()
    settings = {
        "spark.hadoop.fs.s3a.bucket.silent.endpoint": silent_server,
        "spark.hadoop.fs.s3a.bucket.silent.access.key": KEY,
        "spark.hadoop.fs.s3a.bucket.silent.secret.key": SECRET,
        "spark.hadoop.fs.s3a.bucket.silent.attempts.maximum": "2",
        "spark.hadoop.fs.s3a.bucket.silent.connection.timeout": "2s",
    }
    for k, v in settings.items():
        spark.conf.set(k, v)
    try:
        for action in [lambda: spark.read.parquet("s3a://silent/x"), lambda: spark.range(1).write.parquet("s3a://silent/y")]:
            start = time.monotonic()
            with pytest.raises(Exception) as e:
                action()
            # two attempts of 2 s each, and backoff: far from S3A's 200 s default
            assert time.monotonic() - start < 20
            assert "s3a://silent/" in str(e.value)
    finally:
        for k in settings:
            spark.conf.unset(k)
