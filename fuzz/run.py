#!/usr/bin/env python3
"""The differential fuzzer (`make fuzz`): seeded random programs run on PyRust and on
real PySpark 4.0.1, one long-lived worker process each, compared with the compat
harness's own `compare`; mismatches shrunk; a report in fuzz/reports/.

Usage: run.py [--seed N] [--programs N] [--exprs-per-group N] [--shrink N]
              [--groups A:B] [--shard K/N] [--summary]

Resumable and shardable: see Campaign. A campaign run in pieces, e.g. two machines
`--shard 0/2 --shrink 0` and `--shard 1/2 --shrink 0`, then `--summary --shrink 40`.

Expression programs are batched: one select holds a group's expressions; when both
engines answer it without error, the answer is split per column and each
expression compared on its own. A group where either side fails, or whose `show()`
text differs, is re-run in halves down to single expressions; when the failure came
before any Spark job ran (an analysis error), each expression is first analysed on
its own (cheap) and those that fail run alone (Campaign.batched, Campaign.probed)."""

import argparse
import collections
import json
import os
import select
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "compat-tests"))
sys.path.insert(0, HERE)

from harness import Case, compare  # noqa: E402

import build  # noqa: E402
import programs  # noqa: E402
import shrink  # noqa: E402

JOB_TIMEOUT = 600  # a first query on a cold JVM under load took more than 120 s


class WorkerDied(Exception):
    pass


class Worker:
    def __init__(self, engine, python, tag=""):
        self.engine, self.python, self.tag = engine, python, tag
        self.restarts = -1
        self.seconds = 0.0  # time the engine spent on requests (both run at once)
        self.start()

    def start(self):
        self.restarts += 1
        env = dict(os.environ, TZ="UTC", PYTHONHASHSEED="0")
        self.log = open(os.path.join(HERE, "reports", f".{self.engine}{self.tag}.stderr"), "a" if self.restarts else "w")
        self.proc = subprocess.Popen([self.python, os.path.join(HERE, "worker.py"), self.engine], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=self.log, text=True, env=env)
        ready = self._read(900)  # a JVM on a loaded machine can take minutes
        assert ready and "ready" in ready, f"{self.engine} worker did not start"

    def _read(self, timeout):
        r, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not r:
            return None
        line = self.proc.stdout.readline()
        return json.loads(line) if line else None

    def send(self, jobs):
        self.proc.stdin.write(json.dumps({"jobs": jobs}) + "\n")
        self.proc.stdin.flush()

    def receive(self, timeout=JOB_TIMEOUT):
        sent = time.time()
        answer = self._read(timeout)
        if answer is None:
            self.seconds += time.time() - sent
            code = self.proc.poll()
            self.proc.kill()
            self.proc.wait()
            self.start()
            raise WorkerDied("timeout" if code is None else f"exit {code}")
        self.seconds += answer.get("seconds", 0.0)
        return answer["results"]

    def stop(self):
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


def run_both(workers, jobs):
    """Each side's results for the jobs; a dead worker's results are {"crash": ...}."""
    for w in workers:
        w.send(jobs)
    out = []
    for w in workers:
        try:
            out.append(w.receive())
        except WorkerDied as e:
            out.append([{"crash": f"{w.engine} worker {e}"}] * len(jobs))
    return out


def job(program, only=None, show=True):
    ordered = program["kind"] == "expr"
    return {"source": build.source(program, only), "conf": program.get("conf", {}), "ordered": ordered,
            "show": show and ordered}


def _is_internal(err):
    return err.get("condition") == "INTERNAL_ERROR" or err.get("class") in ("PanicException", "SparkRuntimeException") and "INTERNAL" in str(err)


def classify(expected, actual, ordered):
    """None when the runs agree, else a mismatch category."""
    if "crash" in actual:
        return "crash"
    if "error" in actual and _is_internal(actual["error"]):
        return "crash"
    if "crash" in expected or ("error" in expected and expected["error"].get("condition") == "INTERNAL_ERROR"):
        return "pyspark_failed"
    c = Case("fuzz", "fuzz", None, ordered=ordered, show=ordered)
    problems = compare(c, expected, actual, message_checked=False)
    if not problems:
        return None
    if "error" in expected and "error" in actual:
        return "error_condition"
    if "error" in actual:
        return "error_only_pyrust"
    if "error" in expected:
        return "error_only_pyspark"
    first = problems[0]
    if first.startswith("schema"):
        names = [s[0] for s in expected.get("schema", [])] == [s[0] for s in actual.get("schema", [])]
        types = [s[1] for s in expected.get("schema", [])] == [s[1] for s in actual.get("schema", [])]
        return "nullability" if names and types else "type" if names else "column_name"
    if first.startswith("rows"):
        return "rows"
    return "show"


# Raised while a DataFrame is built or analysed, before any Spark job: PySpark's own
# argument checks and the analyzer's.
_BEFORE_RUNNING = ("AnalysisException", "PySparkTypeError", "PySparkValueError", "ParseException")


def _before_running(result):
    return result.get("error", {}).get("class") in _BEFORE_RUNNING


def split_column(result, i):
    """One expression's part of a batched select's result."""
    return {"schema": [result["schema"][i]],
            "rows": [{"row": [r["row"][i]], "values": [r["values"][i]]} for r in result["rows"]], "stdout": ""}


def _summary_mismatch(program, expected, actual, category):
    return {"category": category, "program": program, "expected": expected, "actual": actual}


class Campaign:
    """A campaign is seed + program count; its groups of programs are numbered and each
    is generated on its own (programs.group_rng), so a run may take any subset of them
    (--groups A:B, --shard K/N). Every finished group is appended as one JSON line to
    this run's results file (fuzz/reports/campaign-seed<S>-n<N>.<part>.jsonl); a run
    skips the groups any results file of the campaign already holds (resume), and the
    report aggregates all of them (--summary makes it without running anything)."""

    def __init__(self, args, workers=True):
        self.args = args
        self.name = f"campaign-seed{args.seed}-n{args.programs}"
        tag = os.path.basename(self.part_name())[len(self.name):-len(".jsonl")]
        self.workers = [Worker("pyspark", args.pyspark_python, tag), Worker("pyrust", args.pyrust_python, tag)] if workers else []
        self.counts = collections.Counter()
        self.by_category = collections.Counter()
        self.mismatches = []
        self.queries = 0
        self.elapsed = 0.0
        self.done = set()
        self.load()

    def results_files(self):
        reports = os.path.join(HERE, "reports")
        return sorted(os.path.join(reports, f) for f in os.listdir(reports)
                      if f.startswith(self.name + ".") and f.endswith(".jsonl"))

    def load(self):
        """Aggregates the results files of this campaign (a group counted once)."""
        self.counts, self.by_category, self.mismatches = collections.Counter(), collections.Counter(), []
        self.queries, self.elapsed, self.done, self.parts = 0, 0.0, set(), 0
        for path in self.results_files():
            self.parts += 1
            with open(path) as f:
                for line in f:
                    try:
                        g = json.loads(line)
                    except ValueError:  # a line cut short by a killed run
                        continue
                    if g["group"] in self.done:
                        continue
                    self.done.add(g["group"])
                    self.counts.update(g["counts"])
                    self.by_category.update(g["by_category"])
                    self.queries += g["queries"]
                    self.elapsed += g["seconds"]
                    self.mismatches += g["mismatches"]

    def selected_groups(self):
        a = self.args
        lo, hi = (int(x) if x else None for x in a.groups.split(":")) if a.groups else (None, None)
        k, n = (int(x) for x in a.shard.split("/")) if a.shard else (0, 1)

        class Selection:
            def __contains__(self, i):
                return (lo is None or i >= lo) and (hi is None or i < hi) and i % n == k

        return Selection()

    def part_name(self):
        a = self.args
        part = (f"groups{a.groups.replace(':', '-')}" if a.groups else "") + (f"shard{a.shard.replace('/', 'of')}" if a.shard else "")
        return os.path.join(HERE, "reports", f"{self.name}.{part or 'all'}.jsonl")

    def outcomes(self, group):
        """(program, expected, actual) per program of a group."""
        if group["kind"] == "pipeline":
            (expected,), (actual,) = run_both(self.workers, [job(group)])
            self.queries += 1
            return [(group, expected, actual)]
        return self.batched(group)

    def batched(self, group, probed=False):
        """One select for the group's expressions; halves of it where either engine
        fails (a failing expression fails the whole select), down to single ones. When
        the select failed before running (an analysis error), every expression is
        first analysed on its own (`probed`): no Spark job, so cheap, and what fails
        there is run alone at once rather than found by halving, which costs a Spark
        job (two with show()) per half that succeeds."""
        (expected,), (actual,) = run_both(self.workers, [job(group)])
        self.queries += 1
        n = len(group["exprs"])
        failed = any(k in r for r in (expected, actual) for k in ("error", "crash"))
        if n == 1:
            return [(group, expected, actual)]
        if failed and not probed and any(_before_running(r) for r in (expected, actual)):
            return self.probed(group)
        if failed or expected.get("stdout") != actual.get("stdout") or len(expected["schema"]) != len(actual.get("schema", [])):
            self.counts["batches_split"] += 1
            halves = []
            for part in (group["exprs"][: n // 2], group["exprs"][n // 2:]):
                p = dict(group)
                p["exprs"] = part
                halves += self.batched(p, probed)
            return halves
        out = []
        for i, e in enumerate(group["exprs"]):
            p = dict(group)
            p["exprs"] = [e]
            out.append((p, split_column(expected, i), split_column(actual, i)))
        return out

    def probed(self, group):
        """Analyses each expression alone on both engines (one request each); those
        that fail on either engine run alone (run_case, as always), the rest as a
        batch again."""
        self.counts["batches_probed"] += 1
        singles = [dict(group, exprs=[e]) for e in group["exprs"]]
        expected, actual = run_both(self.workers, [dict(job(p), analyze=True) for p in singles])
        alone = [p for p, e, a in zip(singles, expected, actual) if not (e.get("analyzed") and a.get("analyzed"))]
        rest = [p["exprs"][0] for p, e, a in zip(singles, expected, actual) if e.get("analyzed") and a.get("analyzed")]
        out = []
        if alone:
            expected, actual = run_both(self.workers, [job(p) for p in alone])
            self.queries += len(alone)
            out += list(zip(alone, expected, actual))
        if rest:
            out += self.batched(dict(group, exprs=rest), probed=True)
        return out

    def run(self):
        start = time.time()
        deadline = start + self.args.max_minutes * 60 if self.args.max_minutes else None
        out = open(self.part_name(), "a")
        ran = 0
        for index, group in programs.campaign(self.args.seed, self.args.programs, self.args.exprs_per_group,
                                              groups=self.selected_groups()):
            if index in self.done:
                continue
            if deadline and time.time() > deadline:
                self.stopped_early = True
                break
            g_start, g_queries = time.time(), self.queries
            e_start = {w.engine: w.seconds for w in self.workers}
            counts, by_category, mismatches = collections.Counter(), collections.Counter(), []
            for program, expected, actual in self.outcomes(group):
                counts["run"] += 1
                ordered = program["kind"] == "expr"
                category = classify(expected, actual, ordered)
                if category is None:
                    counts["agreed"] += 1
                elif category == "pyspark_failed":
                    counts["pyspark_failed"] += 1
                else:
                    counts["crashed" if category == "crash" else "mismatched"] += 1
                    by_category[category] += 1
                    mismatches.append(_summary_mismatch(dict(program, group=index), expected, actual, category))
            line = {"group": index, "counts": counts, "by_category": by_category, "queries": self.queries - g_queries,
                    "seconds": round(time.time() - g_start, 2), "mismatches": mismatches,
                    "engine_seconds": {w.engine: round(w.seconds - e_start[w.engine], 2) for w in self.workers}}
            out.write(json.dumps(line, sort_keys=True) + "\n")
            out.flush()
            self.done.add(index)
            self.counts.update(counts)
            self.by_category.update(by_category)
            self.mismatches += mismatches
            ran += 1
            if ran % 10 == 0:
                elapsed = time.time() - start
                print(f"[{elapsed:7.1f}s] groups done {len(self.done)}; {dict(self.counts)}", file=sys.stderr, flush=True)
        out.close()
        self.load()  # other shards may have finished groups meanwhile

    def still_fails(self, category):
        def check(program):
            expected, actual = run_both(self.workers, [job(program)])
            self.queries += 1
            return classify(expected[0], actual[0], program["kind"] == "expr") == category
        return check

    def shrink_all(self):
        """Shrinks up to --shrink mismatches, crashes first, at most a few per
        category and first function (so one bug does not take the whole budget)."""
        seen = collections.Counter()
        order = sorted(self.mismatches, key=lambda m: m["category"] != "crash")
        shrunk = []
        start = time.time()
        for m in order:
            if len(shrunk) >= self.args.shrink or time.time() - start > self.args.shrink_minutes * 60:
                break
            p = m["program"]
            head = p["exprs"][0][:2] if p["kind"] == "expr" else [s["op"] for s in p["steps"]][:1]
            key = (m["category"], json.dumps(head))
            if seen[key] >= 2:
                continue
            seen[key] += 1
            small, tried = shrink.shrink(p, self.still_fails(m["category"]), budget=self.args.shrink_budget)
            (expected,), (actual,) = run_both(self.workers, [job(small)])
            shrunk.append(dict(m, program=small, expected=expected, actual=actual, tried=tried))
        self.shrink_seconds = time.time() - start
        return shrunk

    def report(self, shrunk):
        os.makedirs(os.path.join(HERE, "reports"), exist_ok=True)
        name = self.name
        total_groups = sum(1 for _ in programs.campaign(self.args.seed, self.args.programs, self.args.exprs_per_group))
        figures = {"seed": self.args.seed, "programs_requested": self.args.programs, **self.counts,
                   "groups_done": len(self.done), "groups_total": total_groups, "results_files": self.parts,
                   "by_category": dict(self.by_category), "seconds_in_groups": round(self.elapsed, 1),
                   "programs_per_second": round(self.counts["run"] / max(self.elapsed, 1e-9), 2),
                   "engine_queries": self.queries, "worker_restarts_this_run": {w.engine: w.restarts for w in self.workers},
                   "shrunk": len(shrunk), "shrink_seconds": round(getattr(self, "shrink_seconds", 0), 1),
                   "stopped_at_time_budget": getattr(self, "stopped_early", False)}
        with open(os.path.join(HERE, "reports", name + ".json"), "w") as f:
            json.dump({"figures": figures, "shrunk": shrunk,
                       "mismatches": self.mismatches[: self.args.keep]}, f, indent=1, sort_keys=True)
        lines = [f"# Fuzz campaign, seed {self.args.seed}", "", "```", json.dumps(figures, indent=1, sort_keys=True), "```", ""]
        for i, m in enumerate(shrunk):
            lines += [f"## {i + 1}. {m['category']} (shrunk in {m['tried']} tries)", "",
                      f"conf: `{build.conf_source(m['program'])}`", "", "```python", build.source(m["program"]).rstrip(), "```", "",
                      "PySpark: `" + _brief(m["expected"]) + "`", "", "PyRust: `" + _brief(m["actual"]) + "`", ""]
        # Besides the shrunk ones, the first unshrunk mismatch of each category.
        firsts = {}
        for m in self.mismatches:
            firsts.setdefault(m["category"], m)
        for category, m in sorted(firsts.items()):
            lines += [f"## First {category} (unshrunk)", "", f"conf: `{build.conf_source(m['program'])}`", "", "```python",
                      build.source(m["program"]).rstrip(), "```", "", "PySpark: `" + _brief(m["expected"]) + "`", "",
                      "PyRust: `" + _brief(m["actual"]) + "`", ""]
        with open(os.path.join(HERE, "reports", name + ".md"), "w") as f:
            f.write("\n".join(lines))
        return figures


def _brief(result):
    if "crash" in result:
        return result["crash"][:300]
    if "error" in result:
        e = result["error"]
        return f"{e.get('class')} {e.get('condition')}: {(e.get('message') or '')[:200]}".replace("`", "'").replace("\n", " ")
    text = json.dumps({"schema": result.get("schema"), "rows": result.get("rows")}, ensure_ascii=False)
    return text[:400].replace("`", "'")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=2026_13)
    parser.add_argument("--programs", type=int, default=10_000)
    parser.add_argument("--exprs-per-group", type=int, default=12)
    parser.add_argument("--shrink", type=int, default=40, help="how many mismatches to shrink")
    parser.add_argument("--shrink-budget", type=int, default=120, help="candidates tried per mismatch")
    parser.add_argument("--keep", type=int, default=500, help="unshrunk mismatches kept in the JSON report")
    parser.add_argument("--max-minutes", type=float, default=0, help="stop generating programs after this long (0: no limit)")
    parser.add_argument("--shrink-minutes", type=float, default=20, help="time budget of the shrinker")
    parser.add_argument("--pyrust-python", default=os.path.join(ROOT, ".venv", "bin", "python"))
    parser.add_argument("--pyspark-python", default=os.path.join(ROOT, ".venv-record", "bin", "python"))
    parser.add_argument("--groups", help="A:B, this run's range of group indices (either end may be left out)")
    parser.add_argument("--shard", help="K/N, this run takes the groups whose index is K modulo N")
    parser.add_argument("--summary", action="store_true",
                        help="run nothing: aggregate the campaign's results files into the report (and shrink if --shrink)")
    args = parser.parse_args()
    os.makedirs(os.path.join(HERE, "reports"), exist_ok=True)
    campaign = Campaign(args, workers=not args.summary or args.shrink > 0)
    if not args.summary:
        try:
            campaign.run()
        except KeyboardInterrupt:
            print("interrupted: reporting what ran", file=sys.stderr)
            campaign.stopped_early = True
    shrunk = campaign.shrink_all() if args.shrink else []
    print(json.dumps(campaign.report(shrunk), indent=1, sort_keys=True))
    for w in campaign.workers:
        w.stop()


if __name__ == "__main__":
    main()
