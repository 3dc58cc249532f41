"""Fixtures shared by tests/: moto's S3 server on 127.0.0.1 (no network, nothing mocked
inside PyRust), used by the object-storage, S3 connection, S3 scratch-file and table
tests. A test that asks for them is skipped when boto3 or moto is not installed."""

import uuid

import pytest

from s3_server import KEY, SECRET


@pytest.fixture(scope="module")
def endpoint():
    """The URL of a moto S3 server of the test module's own."""
    moto_server = pytest.importorskip("moto.moto_server.threaded_moto_server")
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture(scope="module")
def s3(endpoint):
    """A boto3 client of that server, with the keys of s3_server.SETTINGS."""
    boto3 = pytest.importorskip("boto3")
    return boto3.client("s3", endpoint_url=endpoint, aws_access_key_id=KEY, aws_secret_access_key=SECRET, region_name="us-east-1")


@pytest.fixture
def bucket(s3):
    """A new, empty bucket's name."""
    name = f"b-{uuid.uuid4().hex[:12]}"
    s3.create_bucket(Bucket=name)
    return name
