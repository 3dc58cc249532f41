"""A minimal ``pyspark.RDD``: what ``DataFrame.toJSON`` returns. PyRust has no RDD
engine; this one holds a computation of Python values (one partition), runs it at the
first action and offers the common actions and element-wise transformations."""

from typing import Any, Callable, Iterable, List, Optional


class RDD:
    def __init__(self, compute: Callable[[], List[Any]]):
        self._compute = compute
        self._values: Optional[List[Any]] = None

    def _all(self) -> List[Any]:
        if self._values is None:
            self._values = list(self._compute())
        return self._values

    def collect(self) -> List[Any]:
        return list(self._all())

    def count(self) -> int:
        return len(self._all())

    def take(self, num: int) -> List[Any]:
        return self._all()[: max(num, 0)]

    def first(self) -> Any:
        rs = self.take(1)
        if rs:
            return rs[0]
        raise ValueError("RDD is empty")

    def isEmpty(self) -> bool:
        return not self._all()

    def getNumPartitions(self) -> int:
        return 1

    def map(self, f: Callable[[Any], Any], preservesPartitioning: bool = False) -> "RDD":
        return RDD(lambda: [f(x) for x in self._all()])

    def filter(self, f: Callable[[Any], bool]) -> "RDD":
        return RDD(lambda: [x for x in self._all() if f(x)])

    def flatMap(self, f: Callable[[Any], Iterable[Any]], preservesPartitioning: bool = False) -> "RDD":
        return RDD(lambda: [y for x in self._all() for y in f(x)])

    def foreach(self, f: Callable[[Any], None]) -> None:
        for x in self._all():
            f(x)

    def __repr__(self) -> str:
        return "PythonRDD"
