"""Spark SQL syntax beyond plain SELECT: typed number literals (`0.1d`, `5S`, `2Y`,
`1.5BD`, `1.5F`), hex binary literals, `::` casts, `SELECT * EXCEPT (...)`,
`LATERAL VIEW [OUTER]` explode/posexplode/inline, VALUES."""

from harness import case


def _lv(spark):
    spark.createDataFrame([(1, "a", [1, 2]), (2, "b", []), (3, None, None)], "id int, s string, arr array<int>").createOrReplaceTempView(
        "syn_lv"
    )


@case
def number_suffixes(spark):
    return spark.sql("SELECT 0.1d, 1e3, 10L, 5S, 2Y, 1.5BD, 1.5F, -3S, 2.5D * 2")


@case
def number_suffix_upper_and_lower(spark):
    return spark.sql("SELECT 7D, 7d, 7s, 7y, 7bd, 7f")


@case
def number_suffix_with_space_is_alias(spark):
    return spark.sql("SELECT 1 d, 2 S")


@case
def smallint_literal_out_of_range(spark):
    return spark.sql("SELECT 40000S")


@case
def tinyint_literal_out_of_range(spark):
    return spark.sql("SELECT 300Y")


@case
def double_suffix_arithmetic_type(spark):
    return spark.sql("SELECT 1d / 3, 1 + 0.5d, 10S + 1Y")


@case
def number_suffix_through_expr(spark):
    from pyspark.sql import functions as F

    return spark.range(1).select(F.expr("0.5d * 2"), F.expr("3S"))


@case
def hex_literals(spark):
    return spark.sql("SELECT X'0AFF', X'ABC', X'', x'00ff'")


@case
def hex_literal_functions(spark):
    return spark.sql("SELECT hex(X'CAFE'), length(X'0102'), X'41' = CAST('A' AS BINARY)")


@case
def double_colon_casts(spark):
    _lv(spark)
    return spark.sql("SELECT id::string, '5'::int + 1, id::double / 2 FROM syn_lv ORDER BY id")


@case
def star_except_one(spark):
    _lv(spark)
    return spark.sql("SELECT * EXCEPT (s) FROM syn_lv ORDER BY id")


@case
def star_except_two(spark):
    _lv(spark)
    return spark.sql("SELECT * EXCEPT (s, arr) FROM syn_lv ORDER BY id")


@case
def star_except_with_other_items(spark):
    _lv(spark)
    return spark.sql("SELECT id * 10 AS t, * EXCEPT (arr) FROM syn_lv ORDER BY id")


@case
def lateral_view_explode(spark):
    _lv(spark)
    return spark.sql("SELECT * FROM syn_lv LATERAL VIEW explode(arr) e AS x ORDER BY id, x")


@case
def lateral_view_outer_explode(spark):
    _lv(spark)
    return spark.sql("SELECT id, x FROM syn_lv LATERAL VIEW OUTER explode(arr) e AS x ORDER BY id, x")


@case
def lateral_view_posexplode(spark):
    _lv(spark)
    return spark.sql("SELECT id, p, x FROM syn_lv LATERAL VIEW posexplode(arr) e AS p, x ORDER BY id, p")


@case
def lateral_view_default_name(spark):
    _lv(spark)
    return spark.sql("SELECT id, col FROM syn_lv LATERAL VIEW explode(arr) e ORDER BY id, col")


@case
def lateral_view_two_and_where(spark):
    _lv(spark)
    return spark.sql(
        "SELECT id, x, y FROM syn_lv LATERAL VIEW explode(arr) e AS x LATERAL VIEW explode(array(10, 20)) f AS y WHERE x > 1 ORDER BY y"
    )


@case
def lateral_view_inline(spark):
    _lv(spark)
    return spark.sql(
        "SELECT id, a, b FROM syn_lv LATERAL VIEW inline(array(struct(1, 'p'), struct(2, 'q'))) e AS a, b ORDER BY id, a"
    )


@case
def lateral_view_qualified_column(spark):
    _lv(spark)
    return spark.sql("SELECT id, e.x FROM syn_lv LATERAL VIEW explode(arr) e AS x ORDER BY id, x")


@case
def lateral_view_outer_posexplode_null_array(spark):
    _lv(spark)
    return spark.sql("SELECT id, p, x FROM syn_lv LATERAL VIEW OUTER posexplode(arr) e AS p, x ORDER BY id, p")


@case
def lateral_view_with_group_by(spark):
    _lv(spark)
    return spark.sql("SELECT x, count(*) AS n FROM syn_lv LATERAL VIEW explode(arr) e AS x GROUP BY x ORDER BY x")


@case
def values_rows(spark):
    return spark.sql("VALUES (1, 'a'), (2, 'b')")


@case
def values_in_from_with_aliases(spark):
    return spark.sql("SELECT * FROM VALUES (1, 'a'), (2, NULL) AS x(a, b) ORDER BY a")


@case
def values_widen_types(spark):
    return spark.sql("SELECT * FROM VALUES (1, 2.5), (2L, 3) AS x(a, b) ORDER BY a")


@case
def comments_and_backquotes(spark):
    _lv(spark)
    return spark.sql("SELECT `id` /* block */ AS `my id` FROM syn_lv -- trailing\nORDER BY 1")


@case
def hints_accepted(spark):
    _lv(spark)
    return spark.sql("SELECT /*+ BROADCAST(syn_lv) */ id FROM syn_lv ORDER BY id")
