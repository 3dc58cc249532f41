"""A small seeded TPC-H database for the SQL TPC-H cases: the eight tables with the
specification's columns and types, values drawn so every query's predicates select
some rows (brands, containers, p_size 15 with BRASS, 'forest' and 'green' parts,
SAUDI ARABIA and CANADA suppliers, 'special requests' comments, orders over 300
items) and a few NULL keys, which TPC-H never has, to check the joins' NULL rules."""

import datetime
import random
from decimal import Decimal

SCHEMAS = {
    "region": "r_regionkey bigint, r_name string, r_comment string",
    "nation": "n_nationkey bigint, n_name string, n_regionkey bigint, n_comment string",
    "supplier": "s_suppkey bigint, s_name string, s_address string, s_nationkey bigint, s_phone string, "
    "s_acctbal decimal(15,2), s_comment string",
    "customer": "c_custkey bigint, c_name string, c_address string, c_nationkey bigint, c_phone string, "
    "c_acctbal decimal(15,2), c_mktsegment string, c_comment string",
    "part": "p_partkey bigint, p_name string, p_mfgr string, p_brand string, p_type string, p_size int, "
    "p_container string, p_retailprice decimal(15,2), p_comment string",
    "partsupp": "ps_partkey bigint, ps_suppkey bigint, ps_availqty int, ps_supplycost decimal(15,2), ps_comment string",
    "orders": "o_orderkey bigint, o_custkey bigint, o_orderstatus string, o_totalprice decimal(15,2), o_orderdate date, "
    "o_orderpriority string, o_clerk string, o_shippriority int, o_comment string",
    "lineitem": "l_orderkey bigint, l_partkey bigint, l_suppkey bigint, l_linenumber int, l_quantity decimal(15,2), "
    "l_extendedprice decimal(15,2), l_discount decimal(15,2), l_tax decimal(15,2), l_returnflag string, "
    "l_linestatus string, l_shipdate date, l_commitdate date, l_receiptdate date, l_shipinstruct string, "
    "l_shipmode string, l_comment string",
}

REGIONS = ["AFRICA", "AMERICA", "ASIA", "EUROPE", "MIDDLE EAST"]
NATIONS = [
    ("ALGERIA", 0), ("ARGENTINA", 1), ("BRAZIL", 1), ("CANADA", 1), ("EGYPT", 4), ("ETHIOPIA", 0), ("FRANCE", 3),
    ("GERMANY", 3), ("INDIA", 2), ("INDONESIA", 2), ("IRAN", 4), ("IRAQ", 4), ("JAPAN", 2), ("JORDAN", 4),
    ("KENYA", 0), ("MOROCCO", 0), ("MOZAMBIQUE", 0), ("PERU", 1), ("CHINA", 2), ("ROMANIA", 3), ("SAUDI ARABIA", 4),
    ("VIETNAM", 2), ("RUSSIA", 3), ("UNITED KINGDOM", 3), ("UNITED STATES", 1),
]
# Nations the queries name, drawn more often than the rest.
FAVOURED = [2, 3, 6, 7, 8, 9, 12, 18, 20, 21, 13, 19, 17]
TYPES = ["ECONOMY ANODIZED STEEL", "PROMO BRUSHED BRASS", "STANDARD POLISHED BRASS", "MEDIUM POLISHED TIN",
         "PROMO PLATED COPPER", "LARGE BURNISHED NICKEL", "SMALL BRUSHED BRASS", "MEDIUM ANODIZED STEEL"]
BRANDS = ["Brand#12", "Brand#23", "Brand#34", "Brand#45", "Brand#51"]
CONTAINERS = ["SM CASE", "SM BOX", "SM PACK", "MED BOX", "MED BAG", "MED PKG", "LG CASE", "LG BOX", "JUMBO JAR"]
SIZES = [1, 3, 4, 5, 9, 10, 14, 15, 19, 23, 36, 45, 49]
WORDS = ["forest", "green", "lime", "almond", "blush", "khaki", "navy", "peru", "snow", "tan"]
SEGMENTS = ["BUILDING", "AUTOMOBILE", "MACHINERY", "HOUSEHOLD", "FURNITURE"]
PRIORITIES = ["1-URGENT", "2-HIGH", "3-MEDIUM", "4-NOT SPECIFIED", "5-LOW"]
MODES = ["AIR", "AIR REG", "MAIL", "SHIP", "MAIL", "SHIP", "TRUCK", "RAIL", "FOB"]
INSTRUCTS = ["DELIVER IN PERSON", "COLLECT COD", "NONE", "TAKE BACK RETURN"]
ORDER_COMMENTS = ["quick deposits", "special requests sleep", "furiously special packages requests", "bold accounts"]


def _money(rng, lo, hi):
    return Decimal(rng.randint(lo * 100, hi * 100)) / 100


def _day(d):
    return datetime.date(1992, 1, 1) + datetime.timedelta(days=d)


def rows(seed=9):
    rng = random.Random(seed)
    out = {"region": [(i, n, "region comment") for i, n in enumerate(REGIONS)]}
    out["nation"] = [(i, n, r, "nation comment") for i, (n, r) in enumerate(NATIONS)]

    def nation():
        return rng.choice(FAVOURED) if rng.random() < 0.8 else rng.randrange(25)

    suppliers = []
    for k in range(1, 21):
        n = 20 if k in (4, 9, 15) else nation()  # Q21's SAUDI ARABIA
        comment = "Customer slow Complaints" if k % 7 == 0 else "carefully final"
        suppliers.append((k, f"Supplier#{k:09d}", f"addr{k}", n, f"{n + 10}-{k:03d}", _money(rng, -900, 9999), comment))
    out["supplier"] = suppliers

    customers = []
    for k in range(1, 61):
        n = nation()
        customers.append((k, f"Customer#{k:09d}", f"caddr{k}", n, f"{n + 10}-{k:04d}", _money(rng, -500, 9999),
                          rng.choice(SEGMENTS), "customer comment"))
    out["customer"] = customers

    parts = []
    for k in range(1, 41):
        name = " ".join(rng.sample(WORDS, 3))
        retail = _money(rng, 900, 2000)
        brand, container = rng.choice(BRANDS), rng.choice(CONTAINERS)
        if k in (5, 12, 30):  # Q17's parts
            brand, container = "Brand#23", "MED BOX"
        parts.append((k, name, f"Manufacturer#{k % 5 + 1}", brand, rng.choice(TYPES), rng.choice(SIZES), container, retail,
                      "part comment"))
    out["part"] = parts

    partsupp = []
    for p in parts:
        # Q20: the 'forest' parts are supplied from CANADA (supplier 17) too.
        chosen = rng.sample(range(1, 21), 3)
        if p[1].startswith("forest") and 17 not in chosen:
            chosen[0] = 17
        for s in chosen:
            partsupp.append((p[0], s, rng.randint(1, 9999), _money(rng, 1, 1000), "ps comment"))
    out["partsupp"] = partsupp
    supplied = {}
    for ps in partsupp:
        supplied.setdefault(ps[0], []).append(ps[1])

    orders, lines = [], []
    for k in range(1, 161):
        cust = rng.randrange(1, 61)
        if cust % 3 == 0:  # a third of the customers have no orders (Q13, Q22)
            cust += 1
        od = rng.randrange(0, 2405)
        n_lines = 7 if k % 40 == 0 else rng.randint(1, 6)
        total = Decimal(0)
        statuses = set()
        for ln in range(1, n_lines + 1):
            part = parts[rng.randrange(40)]
            supp = rng.choice(supplied[part[0]])
            qty = Decimal(rng.randint(45, 50) if k % 40 == 0 else rng.randint(1, 50))
            price = qty * part[7]
            disc = Decimal(rng.randint(0, 10)) / 100
            tax = Decimal(rng.randint(0, 8)) / 100
            ship = od + rng.randint(1, 121)
            commit = od + rng.randint(30, 150)
            receipt = ship + rng.randint(1, 30)
            returned = rng.choice("RA") if receipt <= 1263 else "N"
            status = "F" if ship <= 1263 else "O"
            statuses.add(status)
            total += price * (1 + tax) * (1 - disc)
            lines.append((k, part[0], supp, ln, qty, price, disc, tax, returned, status, _day(ship), _day(commit),
                          _day(receipt), rng.choice(INSTRUCTS), rng.choice(MODES), "line comment"))
        order_status = statuses.pop() if len(statuses) == 1 else "P"
        orders.append((k, cust, order_status, total.quantize(Decimal("0.01")), _day(od), rng.choice(PRIORITIES),
                       f"Clerk#{k % 9:09d}", 0, rng.choice(ORDER_COMMENTS)))
    # NULL keys: an order of no customer, a line of no part and one of no supplier.
    orders.append((161, None, "F", Decimal("10.00"), _day(400), "1-URGENT", "Clerk#000000001", 0, "quick deposits"))
    lines.append((161, None, 3, 1, Decimal(5), Decimal("100.00"), Decimal("0.05"), Decimal("0.01"), "R", "F", _day(410),
                  _day(405), _day(420), "DELIVER IN PERSON", "AIR", "null part"))
    lines.append((161, 1, None, 2, Decimal(7), Decimal("140.00"), Decimal("0.06"), Decimal("0.01"), "R", "F", _day(410),
                  _day(405), _day(420), "DELIVER IN PERSON", "MAIL", "null supplier"))
    out["orders"] = orders
    out["lineitem"] = lines
    return out


def tables(spark):
    data = rows()
    return {name: spark.createDataFrame(data[name], ddl) for name, ddl in SCHEMAS.items()}
