"""Shrinks a mismatching program: candidates smaller than the program, tried in order
until none still shows the same kind of mismatch.

Candidates: fewer rows (halves, then one row less), fewer data columns the program
does not read, pipeline steps dropped, and each subexpression replaced by one of
its children or by a literal NULL."""

import copy
import json


def _subexpr_paths(e, path=()):
    """Paths (index tuples) of every subexpression node, outermost first."""
    yield path
    if e[0] in ("call",):
        for i, a in enumerate(e[2]):
            if a[0] not in ("int", "str"):
                yield from _subexpr_paths(a, path + (2, i))
    elif e[0] in ("bin", "when"):
        for i in range(2 if e[0] == "bin" else 1, len(e)):
            yield from _subexpr_paths(e[i], path + (i,))
    elif e[0] in ("un", "cast"):
        yield from _subexpr_paths(e[1] if e[0] == "cast" else e[2], path + ((1,) if e[0] == "cast" else (2,)))


def _get(e, path):
    for p in path:
        e = e[p]
    return e


def _replaced(e, path, new):
    if not path:
        return new
    e = copy.deepcopy(e)
    parent = _get(e, path[:-1])
    parent[path[-1]] = new
    return e


def _children(node):
    tag = node[0]
    if tag == "call":
        return [a for a in node[2] if a[0] not in ("int", "str")]
    if tag == "bin":
        return [node[2], node[3]]
    if tag == "when":
        return [node[2], node[3]]
    if tag == "un":
        return [node[2]]
    if tag == "cast":
        return [node[1]]
    return []


def expr_candidates(e):
    for path in _subexpr_paths(e):
        node = _get(e, path)
        for child in _children(node):
            yield _replaced(e, path, child)
        if node[0] != "lit" and path:
            yield _replaced(e, path, ["lit", None, None])


def _columns_used(program):
    text = json.dumps([program.get("exprs"), program.get("steps")])
    return {n for n, _ in program["data"]["cols"] if f'"{n}"' in text}


def candidates(program):
    rows = program["data"]["rows"]
    n = len(rows)
    for keep in ([rows[: n // 2], rows[n // 2:]] if n > 1 else []) + [rows[:i] + rows[i + 1:] for i in range(n)]:
        p = copy.deepcopy(program)
        p["data"]["rows"] = keep
        yield p
    used = _columns_used(program)
    cols = program["data"]["cols"]
    unused = [i for i, (name, _) in enumerate(cols) if name not in used]
    if unused and program["kind"] == "expr":
        p = copy.deepcopy(program)
        p["data"]["cols"] = [c for i, c in enumerate(cols) if i not in unused]
        p["data"]["rows"] = [[v for i, v in enumerate(r) if i not in unused] for r in rows]
        yield p
    if program["kind"] == "pipeline":
        for i in range(len(program["steps"])):
            p = copy.deepcopy(program)
            del p["steps"][i]
            yield p
        for i, step in enumerate(program["steps"]):
            for key in ("e", "where"):
                if key in step:
                    for new in expr_candidates(step[key]):
                        p = copy.deepcopy(program)
                        p["steps"][i][key] = new
                        yield p
            if step["op"] == "join" and len(step["right"]["rows"]) > 1:
                p = copy.deepcopy(program)
                p["steps"][i]["right"]["rows"] = step["right"]["rows"][:-1]
                yield p
        if program.get("conf"):
            p = copy.deepcopy(program)
            p["conf"] = {k: v for k, v in program["conf"].items() if k != "spark.sql.session.timeZone"}
            if p["conf"] != program["conf"]:
                yield p
    else:
        for new in expr_candidates(program["exprs"][0]):
            p = copy.deepcopy(program)
            p["exprs"] = [new]
            yield p
        if "spark.sql.session.timeZone" in program.get("conf", {}):
            p = copy.deepcopy(program)
            del p["conf"]["spark.sql.session.timeZone"]
            yield p


def shrink(program, still_fails, budget=150):
    """The smallest program found (greedy, first improvement) for which
    still_fails(program) holds, trying at most `budget` candidates."""
    tried = 0
    improved = True
    while improved and tried < budget:
        improved = False
        for cand in candidates(program):
            tried += 1
            if still_fails(cand):
                program = cand
                improved = True
                break
            if tried >= budget:
                break
    return program, tried
