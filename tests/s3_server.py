"""What the S3 tests share besides their fixtures (tests/conftest.py): the keys moto's
server is given and the fs.s3a settings that point a session at it."""

KEY, SECRET = "testing-key", "testing-secret"

# A session's settings for moto's server (the endpoint itself is the fixture's).
SETTINGS = {
    "spark.hadoop.fs.s3a.access.key": KEY,
    "spark.hadoop.fs.s3a.secret.key": SECRET,
    "spark.hadoop.fs.s3a.path.style.access": "true",
    "spark.hadoop.fs.s3a.endpoint.region": "us-east-1",
    # a hang would show as a failure in seconds, not minutes
    "spark.hadoop.fs.s3a.connection.timeout": "30s",
}
