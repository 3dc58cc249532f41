"""Frames shared by the window cases (windows_*.py): partitions with NULL keys,
ties in the ORDER BY keys, NULL values, one-row partitions; `id` is unique so every
case can end in a total order."""

import datetime
import decimal

D = decimal.Decimal
NAN = float("nan")
INF = float("inf")
LEGACY = {"spark.sql.ansi.enabled": "false"}


def scores(spark):
    """g: partition (with NULL), o: order key with ties and a NULL, v: double, x: int,
    s: string, d: date."""
    return spark.createDataFrame(
        [
            (1, "a", 1, 10.0, 5, "p", datetime.date(2024, 1, 1)),
            (2, "a", 2, 20.0, None, "q", datetime.date(2024, 1, 3)),
            (3, "a", 2, None, 7, None, datetime.date(2024, 1, 3)),
            (4, "a", 4, 40.0, 1, "r", datetime.date(2024, 1, 10)),
            (5, "a", None, 50.0, 2, "s", None),
            (6, "b", 1, -1.5, 3, "t", datetime.date(2023, 12, 31)),
            (7, "b", 1, 2.5, 3, "u", datetime.date(2024, 1, 1)),
            (8, "b", 3, None, None, None, datetime.date(2024, 1, 2)),
            (9, None, 5, 7.0, 4, "v", datetime.date(2024, 2, 1)),
            (10, None, 5, 8.0, 9, "w", datetime.date(2024, 2, 1)),
            (11, "c", 1, 0.5, 0, "x", datetime.date(2024, 1, 1)),
        ],
        "id int, g string, o int, v double, x int, s string, d date",
    )


def series(spark):
    """Two partitions of ordered readings (t unique per partition) with NULL values:
    for ROWS frames, offsets and running totals."""
    rows = []
    values = [3, None, 5, 1, None, 8, 2, 2, 9, None]
    for i, v in enumerate(values):
        rows.append((i + 1, "k1", i + 1, v, None if v is None else v * 1.5))
    for i, v in enumerate([4, 4, None, 7]):
        rows.append((20 + i, "k2", i + 1, v, None if v is None else v / 2))
    rows.append((30, "k3", 1, 6, 6.0))
    return spark.createDataFrame(rows, "id int, k string, t int, n int, f double")


def doubles(spark):
    """An ORDER BY key of doubles with NaN, infinities, -0.0/0.0 and NULLs."""
    return spark.createDataFrame(
        [(1, 1, 1.0, 1), (1, 2, NAN, 2), (1, 3, -0.0, 3), (1, 4, 0.0, 4), (1, 5, None, 5), (1, 6, INF, 6),
         (1, 7, -INF, 7), (1, 8, 2.5, 8), (1, 9, 1.75, 9), (1, 10, NAN, 10), (2, 11, None, 1), (2, 12, None, 2),
         (2, 13, 0.5, 3)],
        "k int, id int, v double, n int",
    )


def events(spark):
    """Readings by user and day, with repeated days: dedupe, sessions, moving averages."""
    day = datetime.date
    return spark.createDataFrame(
        [
            (1, "u1", day(2024, 1, 1), 10, "login"),
            (2, "u1", day(2024, 1, 2), 20, "view"),
            (3, "u1", day(2024, 1, 2), 5, "view"),
            (4, "u1", day(2024, 1, 9), 7, "buy"),
            (5, "u1", day(2024, 1, 10), None, "view"),
            (6, "u2", day(2024, 1, 1), 3, "login"),
            (7, "u2", day(2024, 1, 5), 4, "view"),
            (8, "u2", day(2024, 1, 6), 8, "buy"),
            (9, "u3", day(2024, 3, 1), 1, "login"),
            (10, None, day(2024, 1, 1), 2, "view"),
        ],
        "id int, user string, day date, amount int, kind string",
    )
