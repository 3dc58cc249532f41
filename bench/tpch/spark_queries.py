"""The 22 TPC-H queries in the PySpark DataFrame API, with the specification's
validation parameters.

The same code runs on PyRust and on real PySpark: each query takes `t` (table name ->
DataFrame) and `F` (the engine's `pyspark.sql.functions`) and returns a DataFrame.
Correlated subqueries are written as the joins and aggregations Spark's optimizer
would turn them into; interval arithmetic uses `date_add`/`add_months`-free date
literals or `date_sub`, as PySpark users write it.
"""

from datetime import date


def _revenue(F):
    return F.col("l_extendedprice") * (1 - F.col("l_discount"))


def q1(t, F):
    return (
        t["lineitem"]
        .filter(F.col("l_shipdate") <= F.date_sub(F.lit(date(1998, 12, 1)), 90))
        .groupBy("l_returnflag", "l_linestatus")
        .agg(
            F.sum("l_quantity").alias("sum_qty"),
            F.sum("l_extendedprice").alias("sum_base_price"),
            F.sum(_revenue(F)).alias("sum_disc_price"),
            F.sum(_revenue(F) * (1 + F.col("l_tax"))).alias("sum_charge"),
            F.avg("l_quantity").alias("avg_qty"),
            F.avg("l_extendedprice").alias("avg_price"),
            F.avg("l_discount").alias("avg_disc"),
            F.count("*").alias("count_order"),
        )
        .orderBy("l_returnflag", "l_linestatus")
    )


def q2(t, F):
    europe = (
        t["region"].filter(F.col("r_name") == "EUROPE")
        .join(t["nation"], F.col("r_regionkey") == F.col("n_regionkey"))
        .join(t["supplier"], F.col("n_nationkey") == F.col("s_nationkey"))
        .join(t["partsupp"], F.col("s_suppkey") == F.col("ps_suppkey"))
    )
    brass = t["part"].filter((F.col("p_size") == 15) & F.col("p_type").like("%BRASS"))
    candidates = europe.join(brass, F.col("ps_partkey") == F.col("p_partkey"))
    cheapest = candidates.groupBy("p_partkey").agg(F.min("ps_supplycost").alias("min_cost")).withColumnRenamed("p_partkey", "min_partkey")
    return (
        candidates.join(cheapest, (F.col("p_partkey") == F.col("min_partkey")) & (F.col("ps_supplycost") == F.col("min_cost")))
        .select("s_acctbal", "s_name", "n_name", "p_partkey", "p_mfgr", "s_address", "s_phone", "s_comment")
        .orderBy(F.col("s_acctbal").desc(), "n_name", "s_name", "p_partkey")
        .limit(100)
    )


def q3(t, F):
    day = date(1995, 3, 15)
    return (
        t["customer"].filter(F.col("c_mktsegment") == "BUILDING")
        .join(t["orders"].filter(F.col("o_orderdate") < day), F.col("c_custkey") == F.col("o_custkey"))
        .join(t["lineitem"].filter(F.col("l_shipdate") > day), F.col("o_orderkey") == F.col("l_orderkey"))
        .groupBy("l_orderkey", "o_orderdate", "o_shippriority")
        .agg(F.sum(_revenue(F)).alias("revenue"))
        .select("l_orderkey", "revenue", "o_orderdate", "o_shippriority")
        .orderBy(F.col("revenue").desc(), "o_orderdate")
        .limit(10)
    )


def q4(t, F):
    late = t["lineitem"].filter(F.col("l_commitdate") < F.col("l_receiptdate"))
    return (
        t["orders"].filter((F.col("o_orderdate") >= date(1993, 7, 1)) & (F.col("o_orderdate") < date(1993, 10, 1)))
        .join(late, F.col("o_orderkey") == F.col("l_orderkey"), "left_semi")
        .groupBy("o_orderpriority")
        .agg(F.count("*").alias("order_count"))
        .orderBy("o_orderpriority")
    )


def q5(t, F):
    return (
        t["region"].filter(F.col("r_name") == "ASIA")
        .join(t["nation"], F.col("r_regionkey") == F.col("n_regionkey"))
        .join(t["customer"], F.col("n_nationkey") == F.col("c_nationkey"))
        .join(t["orders"].filter((F.col("o_orderdate") >= date(1994, 1, 1)) & (F.col("o_orderdate") < date(1995, 1, 1))),
              F.col("c_custkey") == F.col("o_custkey"))
        .join(t["lineitem"], F.col("o_orderkey") == F.col("l_orderkey"))
        .join(t["supplier"], (F.col("l_suppkey") == F.col("s_suppkey")) & (F.col("c_nationkey") == F.col("s_nationkey")))
        .groupBy("n_name")
        .agg(F.sum(_revenue(F)).alias("revenue"))
        .orderBy(F.col("revenue").desc())
    )


def q6(t, F):
    return (
        t["lineitem"]
        .filter(
            (F.col("l_shipdate") >= date(1994, 1, 1))
            & (F.col("l_shipdate") < date(1995, 1, 1))
            & F.col("l_discount").between(0.05, 0.07)
            & (F.col("l_quantity") < 24)
        )
        .agg(F.sum(F.col("l_extendedprice") * F.col("l_discount")).alias("revenue"))
    )


def q7(t, F):
    supp_nation = t["nation"].select(F.col("n_nationkey").alias("sn_key"), F.col("n_name").alias("supp_nation"))
    cust_nation = t["nation"].select(F.col("n_nationkey").alias("cn_key"), F.col("n_name").alias("cust_nation"))
    pair = ((F.col("supp_nation") == "FRANCE") & (F.col("cust_nation") == "GERMANY")) | (
        (F.col("supp_nation") == "GERMANY") & (F.col("cust_nation") == "FRANCE"))
    return (
        t["lineitem"].filter(F.col("l_shipdate").between(date(1995, 1, 1), date(1996, 12, 31)))
        .join(t["supplier"], F.col("l_suppkey") == F.col("s_suppkey"))
        .join(t["orders"], F.col("l_orderkey") == F.col("o_orderkey"))
        .join(t["customer"], F.col("o_custkey") == F.col("c_custkey"))
        .join(supp_nation, F.col("s_nationkey") == F.col("sn_key"))
        .join(cust_nation, F.col("c_nationkey") == F.col("cn_key"))
        .filter(pair)
        .select("supp_nation", "cust_nation", F.year("l_shipdate").alias("l_year"), _revenue(F).alias("volume"))
        .groupBy("supp_nation", "cust_nation", "l_year")
        .agg(F.sum("volume").alias("revenue"))
        .orderBy("supp_nation", "cust_nation", "l_year")
    )


def q8(t, F):
    america = (
        t["region"].filter(F.col("r_name") == "AMERICA")
        .join(t["nation"], F.col("r_regionkey") == F.col("n_regionkey"))
        .select(F.col("n_nationkey").alias("cust_nationkey"))
    )
    supp_nation = t["nation"].select(F.col("n_nationkey").alias("sn_key"), F.col("n_name").alias("nation"))
    return (
        t["part"].filter(F.col("p_type") == "ECONOMY ANODIZED STEEL")
        .join(t["lineitem"], F.col("p_partkey") == F.col("l_partkey"))
        .join(t["orders"].filter(F.col("o_orderdate").between(date(1995, 1, 1), date(1996, 12, 31))),
              F.col("l_orderkey") == F.col("o_orderkey"))
        .join(t["customer"], F.col("o_custkey") == F.col("c_custkey"))
        .join(america, F.col("c_nationkey") == F.col("cust_nationkey"))
        .join(t["supplier"], F.col("l_suppkey") == F.col("s_suppkey"))
        .join(supp_nation, F.col("s_nationkey") == F.col("sn_key"))
        .select(F.year("o_orderdate").alias("o_year"), _revenue(F).alias("volume"), "nation")
        .groupBy("o_year")
        .agg((F.sum(F.when(F.col("nation") == "BRAZIL", F.col("volume")).otherwise(0)) / F.sum("volume")).alias("mkt_share"))
        .orderBy("o_year")
    )


def q9(t, F):
    return (
        t["part"].filter(F.col("p_name").like("%green%"))
        .join(t["lineitem"], F.col("p_partkey") == F.col("l_partkey"))
        .join(t["supplier"], F.col("l_suppkey") == F.col("s_suppkey"))
        .join(t["partsupp"], (F.col("ps_suppkey") == F.col("l_suppkey")) & (F.col("ps_partkey") == F.col("l_partkey")))
        .join(t["orders"], F.col("o_orderkey") == F.col("l_orderkey"))
        .join(t["nation"], F.col("s_nationkey") == F.col("n_nationkey"))
        .select(
            F.col("n_name").alias("nation"),
            F.year("o_orderdate").alias("o_year"),
            (_revenue(F) - F.col("ps_supplycost") * F.col("l_quantity")).alias("amount"),
        )
        .groupBy("nation", "o_year")
        .agg(F.sum("amount").alias("sum_profit"))
        .orderBy("nation", F.col("o_year").desc())
    )


def q10(t, F):
    return (
        t["customer"]
        .join(t["orders"].filter((F.col("o_orderdate") >= date(1993, 10, 1)) & (F.col("o_orderdate") < date(1994, 1, 1))),
              F.col("c_custkey") == F.col("o_custkey"))
        .join(t["lineitem"].filter(F.col("l_returnflag") == "R"), F.col("o_orderkey") == F.col("l_orderkey"))
        .join(t["nation"], F.col("c_nationkey") == F.col("n_nationkey"))
        .groupBy("c_custkey", "c_name", "c_acctbal", "c_phone", "n_name", "c_address", "c_comment")
        .agg(F.sum(_revenue(F)).alias("revenue"))
        .select("c_custkey", "c_name", "revenue", "c_acctbal", "n_name", "c_address", "c_phone", "c_comment")
        .orderBy(F.col("revenue").desc())
        .limit(20)
    )


def q11(t, F):
    german = (
        t["nation"].filter(F.col("n_name") == "GERMANY")
        .join(t["supplier"], F.col("n_nationkey") == F.col("s_nationkey"))
        .join(t["partsupp"], F.col("s_suppkey") == F.col("ps_suppkey"))
        .select("ps_partkey", (F.col("ps_supplycost") * F.col("ps_availqty")).alias("value"))
    )
    threshold = german.agg((F.sum("value") * 0.0001).alias("threshold"))
    return (
        german.groupBy("ps_partkey").agg(F.sum("value").alias("value"))
        .crossJoin(threshold)
        .filter(F.col("value") > F.col("threshold"))
        .select("ps_partkey", "value")
        .orderBy(F.col("value").desc())
    )


def q12(t, F):
    urgent = F.col("o_orderpriority").isin("1-URGENT", "2-HIGH")
    return (
        t["lineitem"]
        .filter(
            F.col("l_shipmode").isin("MAIL", "SHIP")
            & (F.col("l_commitdate") < F.col("l_receiptdate"))
            & (F.col("l_shipdate") < F.col("l_commitdate"))
            & (F.col("l_receiptdate") >= date(1994, 1, 1))
            & (F.col("l_receiptdate") < date(1995, 1, 1))
        )
        .join(t["orders"], F.col("l_orderkey") == F.col("o_orderkey"))
        .groupBy("l_shipmode")
        .agg(
            F.sum(F.when(urgent, 1).otherwise(0)).alias("high_line_count"),
            F.sum(F.when(~urgent, 1).otherwise(0)).alias("low_line_count"),
        )
        .orderBy("l_shipmode")
    )


def q13(t, F):
    orders = t["orders"].filter(~F.col("o_comment").like("%special%requests%"))
    return (
        t["customer"].join(orders, F.col("c_custkey") == F.col("o_custkey"), "left")
        .groupBy("c_custkey")
        .agg(F.count("o_orderkey").alias("c_count"))
        .groupBy("c_count")
        .agg(F.count("*").alias("custdist"))
        .orderBy(F.col("custdist").desc(), F.col("c_count").desc())
    )


def q14(t, F):
    return (
        t["lineitem"].filter((F.col("l_shipdate") >= date(1995, 9, 1)) & (F.col("l_shipdate") < date(1995, 10, 1)))
        .join(t["part"], F.col("l_partkey") == F.col("p_partkey"))
        .agg(
            (100.00 * F.sum(F.when(F.col("p_type").like("PROMO%"), _revenue(F)).otherwise(0)) / F.sum(_revenue(F)))
            .alias("promo_revenue")
        )
    )


def q15(t, F):
    revenue = (
        t["lineitem"].filter((F.col("l_shipdate") >= date(1996, 1, 1)) & (F.col("l_shipdate") < date(1996, 4, 1)))
        .groupBy("l_suppkey")
        .agg(F.sum(_revenue(F)).alias("total_revenue"))
    )
    top = revenue.agg(F.max("total_revenue").alias("max_revenue"))
    return (
        t["supplier"].join(revenue, F.col("s_suppkey") == F.col("l_suppkey"))
        .join(top, F.col("total_revenue") == F.col("max_revenue"))
        .select("s_suppkey", "s_name", "s_address", "s_phone", "total_revenue")
        .orderBy("s_suppkey")
    )


def q16(t, F):
    complaints = t["supplier"].filter(F.col("s_comment").like("%Customer%Complaints%"))
    return (
        t["part"]
        .filter(
            (F.col("p_brand") != "Brand#45")
            & ~F.col("p_type").startswith("MEDIUM POLISHED")
            & F.col("p_size").isin(49, 14, 23, 45, 19, 3, 36, 9)
        )
        .join(t["partsupp"], F.col("p_partkey") == F.col("ps_partkey"))
        .join(complaints, F.col("ps_suppkey") == F.col("s_suppkey"), "left_anti")
        .groupBy("p_brand", "p_type", "p_size")
        .agg(F.countDistinct("ps_suppkey").alias("supplier_cnt"))
        .orderBy(F.col("supplier_cnt").desc(), "p_brand", "p_type", "p_size")
    )


def q17(t, F):
    parts = t["part"].filter((F.col("p_brand") == "Brand#23") & (F.col("p_container") == "MED BOX"))
    lines = t["lineitem"].join(parts, F.col("l_partkey") == F.col("p_partkey"))
    limits = lines.groupBy("p_partkey").agg((0.2 * F.avg("l_quantity")).alias("qty_limit")).withColumnRenamed("p_partkey", "limit_partkey")
    return (
        lines.join(limits, F.col("p_partkey") == F.col("limit_partkey"))
        .filter(F.col("l_quantity") < F.col("qty_limit"))
        .agg((F.sum("l_extendedprice") / 7.0).alias("avg_yearly"))
    )


def q18(t, F):
    big = (
        t["lineitem"].groupBy("l_orderkey").agg(F.sum("l_quantity").alias("sum_qty"))
        .filter(F.col("sum_qty") > 300)
        .withColumnRenamed("l_orderkey", "big_orderkey")
    )
    return (
        t["orders"].join(big, F.col("o_orderkey") == F.col("big_orderkey"))
        .join(t["customer"], F.col("o_custkey") == F.col("c_custkey"))
        .select("c_name", "c_custkey", "o_orderkey", "o_orderdate", "o_totalprice", "sum_qty")
        .orderBy(F.col("o_totalprice").desc(), "o_orderdate")
        .limit(100)
    )


def q19(t, F):
    def bracket(brand, containers, lo, hi, size):
        return (
            (F.col("p_brand") == brand)
            & F.col("p_container").isin(*containers)
            & F.col("l_quantity").between(lo, hi)
            & F.col("p_size").between(1, size)
        )

    return (
        t["lineitem"]
        .filter(F.col("l_shipmode").isin("AIR", "AIR REG") & (F.col("l_shipinstruct") == "DELIVER IN PERSON"))
        .join(t["part"], F.col("l_partkey") == F.col("p_partkey"))
        .filter(
            bracket("Brand#12", ["SM CASE", "SM BOX", "SM PACK", "SM PKG"], 1, 11, 5)
            | bracket("Brand#23", ["MED BAG", "MED BOX", "MED PKG", "MED PACK"], 10, 20, 10)
            | bracket("Brand#34", ["LG CASE", "LG BOX", "LG PACK", "LG PKG"], 20, 30, 15)
        )
        .agg(F.sum(_revenue(F)).alias("revenue"))
    )


def q20(t, F):
    shipped = (
        t["lineitem"].filter((F.col("l_shipdate") >= date(1994, 1, 1)) & (F.col("l_shipdate") < date(1995, 1, 1)))
        .groupBy("l_partkey", "l_suppkey")
        .agg((0.5 * F.sum("l_quantity")).alias("half_qty"))
    )
    forest = t["part"].filter(F.col("p_name").startswith("forest"))
    excess = (
        t["partsupp"].join(forest, F.col("ps_partkey") == F.col("p_partkey"), "left_semi")
        .join(shipped, (F.col("ps_partkey") == F.col("l_partkey")) & (F.col("ps_suppkey") == F.col("l_suppkey")))
        .filter(F.col("ps_availqty") > F.col("half_qty"))
    )
    return (
        t["supplier"]
        .join(t["nation"].filter(F.col("n_name") == "CANADA"), F.col("s_nationkey") == F.col("n_nationkey"))
        .join(excess, F.col("s_suppkey") == F.col("ps_suppkey"), "left_semi")
        .select("s_name", "s_address")
        .orderBy("s_name")
    )


def q21(t, F):
    lines = t["lineitem"].select("l_orderkey", "l_suppkey", "l_receiptdate", "l_commitdate")
    late = lines.filter(F.col("l_receiptdate") > F.col("l_commitdate"))
    # EXISTS another supplier in the order; NOT EXISTS another late supplier in it.
    shared = lines.groupBy("l_orderkey").agg(F.countDistinct("l_suppkey").alias("suppliers")).filter(F.col("suppliers") > 1)
    alone = late.groupBy("l_orderkey").agg(F.countDistinct("l_suppkey").alias("late_suppliers")).filter(F.col("late_suppliers") == 1)
    return (
        t["nation"].filter(F.col("n_name") == "SAUDI ARABIA")
        .join(t["supplier"], F.col("n_nationkey") == F.col("s_nationkey"))
        .join(late, F.col("s_suppkey") == F.col("l_suppkey"))
        .join(t["orders"].filter(F.col("o_orderstatus") == "F"), F.col("l_orderkey") == F.col("o_orderkey"))
        .join(shared, "l_orderkey", "left_semi")
        .join(alone, "l_orderkey", "left_semi")
        .groupBy("s_name")
        .agg(F.count("*").alias("numwait"))
        .orderBy(F.col("numwait").desc(), "s_name")
        .limit(100)
    )


def q22(t, F):
    codes = ["13", "31", "23", "29", "30", "18", "17"]
    customers = t["customer"].select(F.substring("c_phone", 1, 2).alias("cntrycode"), "c_acctbal", "c_custkey").filter(
        F.col("cntrycode").isin(*codes))
    average = customers.filter(F.col("c_acctbal") > 0.00).agg(F.avg("c_acctbal").alias("avg_acctbal"))
    return (
        customers.crossJoin(average)
        .filter(F.col("c_acctbal") > F.col("avg_acctbal"))
        .join(t["orders"], F.col("c_custkey") == F.col("o_custkey"), "left_anti")
        .groupBy("cntrycode")
        .agg(F.count("*").alias("numcust"), F.sum("c_acctbal").alias("totacctbal"))
        .orderBy("cntrycode")
    )


QUERIES = {i: globals()[f"q{i}"] for i in range(1, 23)}
