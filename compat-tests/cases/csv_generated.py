"""Randomly composed CSV files (fixed seeds) read on Spark's default path: lines of
quotes, escapes and separators no one would write by hand; columns mixing every
inferable type, blank lines and ragged rows; the same files under a random schema;
timestamps in several session time zones. The files are the same on both sides."""

import random

from harness import case
from cases._csv_helpers import csv_file

SEED = 20261201

TOKEN_DIALECTS = [
    ({}, ["a", "b", ",", ",", '"', '"', '"', "\\", " ", "x"]),
    ({"escape": '"'}, ["a", ",", ",", '"', '"', '"', "\\", " ", "b"]),
    ({"quote": "'", "sep": ";"}, ["a", ";", ";", "'", "'", '"', "\\", " ", "b"]),
    ({"quote": ""}, ["a", ",", '"', "\\", " ", "b", "\r"]),
    ({"nullValue": "NA", "comment": "#"}, ["a", ",", '"', '"', "\\", "NA", "#", " ", "\t"]),
    ({}, ["a", ",", '"', "\\", "\r", "\r\n", " ", "b"]),
]

VALUES = {
    "int": ["0", "1", "-1", "+7", "007", "2147483647", "-2147483648", "42"],
    "long": ["2147483648", "-9223372036854775808", "9223372036854775807", "30000000000"],
    "decimal": ["9223372036854775808", "12345678901234567890", "5.", "1.5e1", "99999999999999999999999999999999999999"],
    "double": ["1.5", "-0.25", "1e3", ".5", "1d", "NaN", "Inf", "-Inf", "Infinity", " 3 ", "1E-5", "0x1p3", "2.5f"],
    "date": ["2024-01-05", "2000-02-29", "1999-12-31", "2024-1-5", "2024-02-30"],
    "timestamp": ["2024-01-05 10:00:00", "2024-01-05T10:00:00Z", "2024-01-05 10:00:00.123", "2024-01-05T10:00:00+05:30", "2024-01", "2024-01-05 10:00"],
    "boolean": ["true", "false", "TRUE", "False", " true"],
    "string": ["abc", "x y", "nan", "null", "NULL", "-", "1_0", "t"],
    "empty": ["", '""'],
    "quoted": ['"1"', '"a,b"', '" 2"', '"2024-01-05"', '"true"'],
}

SCHEMA_TYPES = ["int", "bigint", "tinyint", "smallint", "double", "float", "decimal(10,2)", "decimal(38,0)", "decimal(5,5)",
                "boolean", "date", "timestamp", "timestamp_ntz", "string", "binary"]

ZONES = ["America/Los_Angeles", "Europe/Berlin", "Asia/Kolkata", "Australia/Lord_Howe", "Europe/London", "America/Sao_Paulo"]


def _typed_file(rng: random.Random) -> str:
    ncol = rng.randint(1, 5)
    kinds = [rng.sample(sorted(VALUES), rng.randint(1, 3)) for _ in range(ncol)]
    lines = [",".join(f"c{i}" for i in range(ncol))]
    for _ in range(rng.randint(1, 14)):
        if rng.random() < 0.06:
            lines.append(rng.choice(["", "  "]))
            continue
        width = ncol if rng.random() < 0.9 else rng.randint(1, ncol + 2)
        fields = []
        for i in range(width):
            options = kinds[i % ncol]
            kind = rng.choices(options + ["empty"], weights=[5] * len(options) + [1])[0]
            fields.append(rng.choice(VALUES[kind]))
        lines.append(",".join(fields))
    return "\n".join(lines) + "\n"


def _tokens_case(i: int):
    def run(spark):
        rng = random.Random(SEED + i)
        options, alphabet = TOKEN_DIALECTS[i % len(TOKEN_DIALECTS)]
        lines = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 9))) for _ in range(120)]
        path = csv_file("\n".join(lines) + "\n")
        schema = ", ".join(f"c{k} string" for k in range(6))
        return spark.read.csv(path, schema=schema, header=i % 2 == 1, **options)

    run.__name__ = f"random_tokens_{i:02d}"
    return run


def _typed_case(i: int):
    def run(spark):
        rng = random.Random(SEED + 100 + i)
        return spark.read.csv(csv_file(_typed_file(rng)), header=True, inferSchema=True)

    run.__name__ = f"random_typed_{i:02d}"
    return run


def _schema_case(i: int):
    def run(spark):
        rng = random.Random(SEED + 200 + i)
        path = csv_file(_typed_file(rng))
        schema = ", ".join(f"s{k} {rng.choice(SCHEMA_TYPES)}" for k in range(rng.randint(1, 6)))
        return spark.read.csv(path, header=rng.random() < 0.7, schema=schema)

    run.__name__ = f"random_schema_{i:02d}"
    return run


def _zoned_text(rng: random.Random) -> str:
    values = []
    for _ in range(40):
        y, mo, d = rng.choice([1970, 1999, 2024, 2025, 2030]), rng.randint(1, 12), rng.randint(1, 28)
        h, mi, s = rng.randint(0, 23), rng.choice([0, 30, 59]), rng.randint(0, 59)
        day = f"{y}-{mo:02d}-{d:02d}"
        values.append(rng.choice([
            f"{day} {h:02d}:{mi:02d}:{s:02d}", f"{day}T{h}:{mi}", day, f"{day} {h:02d}:{mi:02d}:{s:02d}Z",
            f"{day} {h:02d}:{mi:02d}:{s:02d}+05:45", f"{day} {h:02d}:{mi:02d}:{s:02d} Europe/London",
            f"{y}-{mo}-{d} {h}:{mi}:{s}.{rng.randint(0, 999999)}",
            "2024-03-10 02:30:00", "2024-11-03 01:30:00", "2024-03-31 02:30:00", "2024-10-27 01:30:00",
        ]))
    return "t\n" + "\n".join(values) + "\n"


def _zoned_case(i: int):
    def run(spark):
        rng = random.Random(SEED + 300 + i)
        df = spark.read.csv(csv_file(_zoned_text(rng)), header=True, inferSchema=True)
        return df.selectExpr("t", "cast(t as string) as text", "cast(t as long) as epoch")

    run.__name__ = f"random_zoned_{i:02d}"
    return run


for _i in range(12):
    case(_tokens_case(_i))
for _i in range(20):
    case(_typed_case(_i))
for _i in range(12):
    case(_schema_case(_i))
for _i, _zone in enumerate(ZONES):
    case(_zoned_case(_i), conf={"spark.sql.session.timeZone": _zone})
