"""Replays a campaign's recorded mismatches on this checkout's PyRust build and compares
each with the PySpark answer recorded in the campaign's results, so a triage needs no
JVM: what still differs is printed by group and category.

    .venv/bin/python fuzz/replay.py 202617            # summary and the groups still differing
    .venv/bin/python fuzz/replay.py 202617 --show 62  # one group's programs and both answers
"""

import argparse
import ast
import collections
import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "compat-tests"))

import run as campaign  # noqa: E402  (the campaign's workers, jobs and classification)


def mismatches(seed):
    for path in sorted(glob.glob(os.path.join(HERE, "reports", f"campaign-seed{seed}-n*.jsonl"))):
        for line in open(path):
            result = json.loads(line)
            found = result.get("mismatches") or []
            for m in ast.literal_eval(found) if isinstance(found, str) else found:
                yield result["group"], m


def brief(result):
    if "error" in result:
        e = result["error"]
        return f"ERR {e.get('class')} {e.get('condition')}: {str(e.get('message'))[:300]}"
    return json.dumps({"schema": result.get("schema"), "rows": [r["values"] for r in result.get("rows", [])[:6]]}, default=str)[:1200]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("seed", type=int)
    parser.add_argument("--show", type=int, action="append", default=[], help="print this group's programs and answers")
    parser.add_argument("--pyrust-python", default=os.path.join(HERE, "..", ".venv", "bin", "python"))
    args = parser.parse_args()
    worker = campaign.Worker("pyrust", args.pyrust_python, tag="-replay")
    counts, still = collections.Counter(), []
    for group, m in mismatches(args.seed):
        job = campaign.job(m["program"])
        worker.send([job])
        try:
            actual = worker.receive()[0]
        except campaign.WorkerDied as e:
            actual = {"crash": str(e)}
        category = campaign.classify(m["expected"], actual, job["ordered"])
        counts[category or "agrees now"] += 1
        if category:
            still.append((group, category, m["category"]))
        if group in args.show:
            print(f"=== group {group}: {category} (was {m['category']}) conf={job['conf']}\n{job['source']}")
            print("  PySpark:", brief(m["expected"]))
            print("  PyRust: ", brief(actual))
    worker.stop()
    print(dict(counts))
    for group, category, was in still:
        print(group, category, f"(was {was})" if was != category else "")


if __name__ == "__main__":
    main()
