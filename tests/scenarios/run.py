"""Runs a whole-process scenario (one that builds and stops sessions, so it cannot be a
compat case sharing one session) on PyRust or on real PySpark, and prints what it
observed as JSON. `python run.py pyspark NAME` records goldens/NAME.json (needs
PySpark 4.0.1 and Java 17); tests/test_sessions.py runs it on PyRust and compares.

Usage: run.py pyrust|pyspark NAME [--record]
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main() -> None:
    engine, name = sys.argv[1], sys.argv[2]
    if engine == "pyrust":
        import pyrust

        pyrust.activate()
    import pyspark

    assert engine == "pyrust" or pyspark.__version__ == "4.0.1"
    from pyspark.sql import SparkSession

    builder = (SparkSession.builder.master("local[1]").config("spark.sql.session.timeZone", "UTC")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "1"))
    namespace = {"__name__": "scenario", "builder": builder}
    with open(os.path.join(HERE, f"{name}.py")) as f:
        exec(compile(f.read(), f"{name}.py", "exec"), namespace)
    observed = namespace["run"]()
    text = json.dumps({"recorded_with": f"pyspark {pyspark.__version__}", "observed": observed}, indent=1)
    if "--record" in sys.argv:
        os.makedirs(os.path.join(HERE, "goldens"), exist_ok=True)
        with open(os.path.join(HERE, "goldens", f"{name}.json"), "w") as f:
            f.write(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
