"""The 22 TPC-H queries in native Python Polars: the reference PyRust is measured
against. Same parameters and the same plan shapes as `spark_queries.py`; each takes
`t` (table name -> LazyFrame) and returns a LazyFrame.
"""

from datetime import date

import polars as pl

c = pl.col


def _revenue():
    return c("l_extendedprice") * (1 - c("l_discount"))


def q1(t):
    return (
        t["lineitem"].filter(c("l_shipdate") <= date(1998, 9, 2))
        .group_by("l_returnflag", "l_linestatus")
        .agg(
            c("l_quantity").sum().alias("sum_qty"),
            c("l_extendedprice").sum().alias("sum_base_price"),
            _revenue().sum().alias("sum_disc_price"),
            (_revenue() * (1 + c("l_tax"))).sum().alias("sum_charge"),
            c("l_quantity").mean().alias("avg_qty"),
            c("l_extendedprice").mean().alias("avg_price"),
            c("l_discount").mean().alias("avg_disc"),
            pl.len().alias("count_order"),
        )
        .sort("l_returnflag", "l_linestatus")
    )


def q2(t):
    europe = (
        t["region"].filter(c("r_name") == "EUROPE")
        .join(t["nation"], left_on="r_regionkey", right_on="n_regionkey")
        .join(t["supplier"], left_on="n_nationkey", right_on="s_nationkey")
        .join(t["partsupp"], left_on="s_suppkey", right_on="ps_suppkey")
    )
    brass = t["part"].filter((c("p_size") == 15) & c("p_type").str.ends_with("BRASS"))
    candidates = europe.join(brass, left_on="ps_partkey", right_on="p_partkey")
    cheapest = candidates.group_by("ps_partkey").agg(c("ps_supplycost").min().alias("min_cost"))
    return (
        candidates.join(cheapest, left_on=["ps_partkey", "ps_supplycost"], right_on=["ps_partkey", "min_cost"])
        .select("s_acctbal", "s_name", "n_name", c("ps_partkey").alias("p_partkey"), "p_mfgr", "s_address", "s_phone", "s_comment")
        .sort(["s_acctbal", "n_name", "s_name", "p_partkey"], descending=[True, False, False, False])
        .head(100)
    )


def q3(t):
    day = date(1995, 3, 15)
    return (
        t["customer"].filter(c("c_mktsegment") == "BUILDING")
        .join(t["orders"].filter(c("o_orderdate") < day), left_on="c_custkey", right_on="o_custkey")
        .join(t["lineitem"].filter(c("l_shipdate") > day), left_on="o_orderkey", right_on="l_orderkey")
        .group_by(c("o_orderkey").alias("l_orderkey"), "o_orderdate", "o_shippriority")
        .agg(_revenue().sum().alias("revenue"))
        .select("l_orderkey", "revenue", "o_orderdate", "o_shippriority")
        .sort(["revenue", "o_orderdate"], descending=[True, False])
        .head(10)
    )


def q4(t):
    late = t["lineitem"].filter(c("l_commitdate") < c("l_receiptdate"))
    return (
        t["orders"].filter(c("o_orderdate").is_between(date(1993, 7, 1), date(1993, 10, 1), closed="left"))
        .join(late, left_on="o_orderkey", right_on="l_orderkey", how="semi")
        .group_by("o_orderpriority")
        .agg(pl.len().alias("order_count"))
        .sort("o_orderpriority")
    )


def q5(t):
    return (
        t["region"].filter(c("r_name") == "ASIA")
        .join(t["nation"], left_on="r_regionkey", right_on="n_regionkey")
        .join(t["customer"], left_on="n_nationkey", right_on="c_nationkey")
        .join(t["orders"].filter(c("o_orderdate").is_between(date(1994, 1, 1), date(1995, 1, 1), closed="left")),
              left_on="c_custkey", right_on="o_custkey")
        .join(t["lineitem"], left_on="o_orderkey", right_on="l_orderkey")
        .join(t["supplier"], left_on=["l_suppkey", "n_nationkey"], right_on=["s_suppkey", "s_nationkey"])
        .group_by("n_name")
        .agg(_revenue().sum().alias("revenue"))
        .sort("revenue", descending=True)
    )


def q6(t):
    return (
        t["lineitem"]
        .filter(
            c("l_shipdate").is_between(date(1994, 1, 1), date(1995, 1, 1), closed="left")
            & c("l_discount").is_between(0.05, 0.07)
            & (c("l_quantity") < 24)
        )
        .select((c("l_extendedprice") * c("l_discount")).sum().alias("revenue"))
    )


def q7(t):
    nation = t["nation"]
    return (
        t["lineitem"].filter(c("l_shipdate").is_between(date(1995, 1, 1), date(1996, 12, 31)))
        .join(t["supplier"], left_on="l_suppkey", right_on="s_suppkey")
        .join(t["orders"], left_on="l_orderkey", right_on="o_orderkey")
        .join(t["customer"], left_on="o_custkey", right_on="c_custkey")
        .join(nation.select(c("n_nationkey"), c("n_name").alias("supp_nation")), left_on="s_nationkey", right_on="n_nationkey")
        .join(nation.select(c("n_nationkey"), c("n_name").alias("cust_nation")), left_on="c_nationkey", right_on="n_nationkey")
        .filter(
            ((c("supp_nation") == "FRANCE") & (c("cust_nation") == "GERMANY"))
            | ((c("supp_nation") == "GERMANY") & (c("cust_nation") == "FRANCE"))
        )
        .select("supp_nation", "cust_nation", c("l_shipdate").dt.year().alias("l_year"), _revenue().alias("volume"))
        .group_by("supp_nation", "cust_nation", "l_year")
        .agg(c("volume").sum().alias("revenue"))
        .sort("supp_nation", "cust_nation", "l_year")
    )


def q8(t):
    america = (
        t["region"].filter(c("r_name") == "AMERICA")
        .join(t["nation"], left_on="r_regionkey", right_on="n_regionkey")
        .select(c("n_nationkey").alias("cust_nationkey"))
    )
    return (
        t["part"].filter(c("p_type") == "ECONOMY ANODIZED STEEL")
        .join(t["lineitem"], left_on="p_partkey", right_on="l_partkey")
        .join(t["orders"].filter(c("o_orderdate").is_between(date(1995, 1, 1), date(1996, 12, 31))),
              left_on="l_orderkey", right_on="o_orderkey")
        .join(t["customer"], left_on="o_custkey", right_on="c_custkey")
        .join(america, left_on="c_nationkey", right_on="cust_nationkey")
        .join(t["supplier"], left_on="l_suppkey", right_on="s_suppkey")
        .join(t["nation"].select("n_nationkey", c("n_name").alias("nation")), left_on="s_nationkey", right_on="n_nationkey")
        .select(c("o_orderdate").dt.year().alias("o_year"), _revenue().alias("volume"), "nation")
        .group_by("o_year")
        .agg((pl.when(c("nation") == "BRAZIL").then(c("volume")).otherwise(0).sum() / c("volume").sum()).alias("mkt_share"))
        .sort("o_year")
    )


def q9(t):
    return (
        t["part"].filter(c("p_name").str.contains("green", literal=True))
        .join(t["lineitem"], left_on="p_partkey", right_on="l_partkey")
        .join(t["supplier"], left_on="l_suppkey", right_on="s_suppkey")
        .join(t["partsupp"], left_on=["l_suppkey", "p_partkey"], right_on=["ps_suppkey", "ps_partkey"])
        .join(t["orders"], left_on="l_orderkey", right_on="o_orderkey")
        .join(t["nation"], left_on="s_nationkey", right_on="n_nationkey")
        .select(
            c("n_name").alias("nation"),
            c("o_orderdate").dt.year().alias("o_year"),
            (_revenue() - c("ps_supplycost") * c("l_quantity")).alias("amount"),
        )
        .group_by("nation", "o_year")
        .agg(c("amount").sum().alias("sum_profit"))
        .sort(["nation", "o_year"], descending=[False, True])
    )


def q10(t):
    return (
        t["customer"]
        .join(t["orders"].filter(c("o_orderdate").is_between(date(1993, 10, 1), date(1994, 1, 1), closed="left")),
              left_on="c_custkey", right_on="o_custkey")
        .join(t["lineitem"].filter(c("l_returnflag") == "R"), left_on="o_orderkey", right_on="l_orderkey")
        .join(t["nation"], left_on="c_nationkey", right_on="n_nationkey")
        .group_by("c_custkey", "c_name", "c_acctbal", "c_phone", "n_name", "c_address", "c_comment")
        .agg(_revenue().sum().alias("revenue"))
        .select("c_custkey", "c_name", "revenue", "c_acctbal", "n_name", "c_address", "c_phone", "c_comment")
        .sort("revenue", descending=True)
        .head(20)
    )


def q11(t):
    german = (
        t["nation"].filter(c("n_name") == "GERMANY")
        .join(t["supplier"], left_on="n_nationkey", right_on="s_nationkey")
        .join(t["partsupp"], left_on="s_suppkey", right_on="ps_suppkey")
        .select("ps_partkey", (c("ps_supplycost") * c("ps_availqty")).alias("value"))
    )
    threshold = german.select((c("value").sum() * 0.0001).alias("threshold"))
    return (
        german.group_by("ps_partkey").agg(c("value").sum())
        .join(threshold, how="cross")
        .filter(c("value") > c("threshold"))
        .select("ps_partkey", "value")
        .sort("value", descending=True)
    )


def q12(t):
    urgent = c("o_orderpriority").is_in(["1-URGENT", "2-HIGH"])
    return (
        t["lineitem"]
        .filter(
            c("l_shipmode").is_in(["MAIL", "SHIP"])
            & (c("l_commitdate") < c("l_receiptdate"))
            & (c("l_shipdate") < c("l_commitdate"))
            & c("l_receiptdate").is_between(date(1994, 1, 1), date(1995, 1, 1), closed="left")
        )
        .join(t["orders"], left_on="l_orderkey", right_on="o_orderkey")
        .group_by("l_shipmode")
        .agg(
            pl.when(urgent).then(1).otherwise(0).sum().alias("high_line_count"),
            pl.when(~urgent).then(1).otherwise(0).sum().alias("low_line_count"),
        )
        .sort("l_shipmode")
    )


def q13(t):
    orders = t["orders"].filter(~c("o_comment").str.contains("special.*requests"))
    return (
        t["customer"].join(orders, left_on="c_custkey", right_on="o_custkey", how="left")
        .group_by("c_custkey")
        .agg(c("o_orderkey").count().alias("c_count"))
        .group_by("c_count")
        .agg(pl.len().alias("custdist"))
        .sort(["custdist", "c_count"], descending=[True, True])
    )


def q14(t):
    return (
        t["lineitem"].filter(c("l_shipdate").is_between(date(1995, 9, 1), date(1995, 10, 1), closed="left"))
        .join(t["part"], left_on="l_partkey", right_on="p_partkey")
        .select(
            (100.00 * pl.when(c("p_type").str.starts_with("PROMO")).then(_revenue()).otherwise(0).sum() / _revenue().sum())
            .alias("promo_revenue")
        )
    )


def q15(t):
    revenue = (
        t["lineitem"].filter(c("l_shipdate").is_between(date(1996, 1, 1), date(1996, 4, 1), closed="left"))
        .group_by("l_suppkey")
        .agg(_revenue().sum().alias("total_revenue"))
    )
    top = revenue.select(c("total_revenue").max().alias("max_revenue"))
    return (
        t["supplier"].join(revenue, left_on="s_suppkey", right_on="l_suppkey")
        .join(top, left_on="total_revenue", right_on="max_revenue")
        .select("s_suppkey", "s_name", "s_address", "s_phone", "total_revenue")
        .sort("s_suppkey")
    )


def q16(t):
    complaints = t["supplier"].filter(c("s_comment").str.contains("Customer.*Complaints"))
    return (
        t["part"]
        .filter(
            (c("p_brand") != "Brand#45")
            & ~c("p_type").str.starts_with("MEDIUM POLISHED")
            & c("p_size").is_in([49, 14, 23, 45, 19, 3, 36, 9])
        )
        .join(t["partsupp"], left_on="p_partkey", right_on="ps_partkey")
        .join(complaints, left_on="ps_suppkey", right_on="s_suppkey", how="anti")
        .group_by("p_brand", "p_type", "p_size")
        .agg(c("ps_suppkey").n_unique().alias("supplier_cnt"))
        .sort(["supplier_cnt", "p_brand", "p_type", "p_size"], descending=[True, False, False, False])
    )


def q17(t):
    parts = t["part"].filter((c("p_brand") == "Brand#23") & (c("p_container") == "MED BOX"))
    lines = t["lineitem"].join(parts, left_on="l_partkey", right_on="p_partkey")
    limits = lines.group_by("l_partkey").agg((0.2 * c("l_quantity").mean()).alias("qty_limit"))
    return (
        lines.join(limits, on="l_partkey")
        .filter(c("l_quantity") < c("qty_limit"))
        .select((c("l_extendedprice").sum() / 7.0).alias("avg_yearly"))
    )


def q18(t):
    big = t["lineitem"].group_by("l_orderkey").agg(c("l_quantity").sum().alias("sum_qty")).filter(c("sum_qty") > 300)
    return (
        t["orders"].join(big, left_on="o_orderkey", right_on="l_orderkey")
        .join(t["customer"], left_on="o_custkey", right_on="c_custkey")
        .select("c_name", c("o_custkey").alias("c_custkey"), "o_orderkey", "o_orderdate", "o_totalprice", "sum_qty")
        .sort(["o_totalprice", "o_orderdate"], descending=[True, False])
        .head(100)
    )


def q19(t):
    def bracket(brand, containers, lo, hi, size):
        return (
            (c("p_brand") == brand)
            & c("p_container").is_in(containers)
            & c("l_quantity").is_between(lo, hi)
            & c("p_size").is_between(1, size)
        )

    return (
        t["lineitem"]
        .filter(c("l_shipmode").is_in(["AIR", "AIR REG"]) & (c("l_shipinstruct") == "DELIVER IN PERSON"))
        .join(t["part"], left_on="l_partkey", right_on="p_partkey")
        .filter(
            bracket("Brand#12", ["SM CASE", "SM BOX", "SM PACK", "SM PKG"], 1, 11, 5)
            | bracket("Brand#23", ["MED BAG", "MED BOX", "MED PKG", "MED PACK"], 10, 20, 10)
            | bracket("Brand#34", ["LG CASE", "LG BOX", "LG PACK", "LG PKG"], 20, 30, 15)
        )
        .select(_revenue().sum().alias("revenue"))
    )


def q20(t):
    shipped = (
        t["lineitem"].filter(c("l_shipdate").is_between(date(1994, 1, 1), date(1995, 1, 1), closed="left"))
        .group_by("l_partkey", "l_suppkey")
        .agg((0.5 * c("l_quantity").sum()).alias("half_qty"))
    )
    forest = t["part"].filter(c("p_name").str.starts_with("forest"))
    excess = (
        t["partsupp"].join(forest, left_on="ps_partkey", right_on="p_partkey", how="semi")
        .join(shipped, left_on=["ps_partkey", "ps_suppkey"], right_on=["l_partkey", "l_suppkey"])
        .filter(c("ps_availqty") > c("half_qty"))
    )
    return (
        t["supplier"]
        .join(t["nation"].filter(c("n_name") == "CANADA"), left_on="s_nationkey", right_on="n_nationkey")
        .join(excess, left_on="s_suppkey", right_on="ps_suppkey", how="semi")
        .select("s_name", "s_address")
        .sort("s_name")
    )


def q21(t):
    lines = t["lineitem"].select("l_orderkey", "l_suppkey", "l_receiptdate", "l_commitdate")
    late = lines.filter(c("l_receiptdate") > c("l_commitdate"))
    shared = lines.group_by("l_orderkey").agg(c("l_suppkey").n_unique().alias("suppliers")).filter(c("suppliers") > 1)
    alone = late.group_by("l_orderkey").agg(c("l_suppkey").n_unique().alias("late_suppliers")).filter(c("late_suppliers") == 1)
    return (
        t["nation"].filter(c("n_name") == "SAUDI ARABIA")
        .join(t["supplier"], left_on="n_nationkey", right_on="s_nationkey")
        .join(late, left_on="s_suppkey", right_on="l_suppkey")
        .join(t["orders"].filter(c("o_orderstatus") == "F"), left_on="l_orderkey", right_on="o_orderkey")
        .join(shared, on="l_orderkey", how="semi")
        .join(alone, on="l_orderkey", how="semi")
        .group_by("s_name")
        .agg(pl.len().alias("numwait"))
        .sort(["numwait", "s_name"], descending=[True, False])
        .head(100)
    )


def q22(t):
    codes = ["13", "31", "23", "29", "30", "18", "17"]
    customers = t["customer"].select(c("c_phone").str.slice(0, 2).alias("cntrycode"), "c_acctbal", "c_custkey").filter(
        c("cntrycode").is_in(codes))
    average = customers.filter(c("c_acctbal") > 0.00).select(c("c_acctbal").mean().alias("avg_acctbal"))
    return (
        customers.join(average, how="cross")
        .filter(c("c_acctbal") > c("avg_acctbal"))
        .join(t["orders"], left_on="c_custkey", right_on="o_custkey", how="anti")
        .group_by("cntrycode")
        .agg(pl.len().alias("numcust"), c("c_acctbal").sum().alias("totacctbal"))
        .sort("cntrycode")
    )


QUERIES = {i: globals()[f"q{i}"] for i in range(1, 23)}
