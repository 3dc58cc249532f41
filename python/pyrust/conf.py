"""``pyspark.conf``: ``SparkConf``, key/value settings handed to a session builder."""

from typing import Dict, List, Optional, Tuple

__all__ = ["SparkConf"]


class SparkConf:
    """Spark settings as key/value pairs (`SparkSession.builder.config(conf=...)` reads them)."""

    def __init__(self, loadDefaults: bool = True, _jvm: object = None, _jconf: object = None):
        self._conf: Dict[str, str] = {}

    def set(self, key: str, value: str) -> "SparkConf":
        self._conf[key] = str(value)
        return self

    def setIfMissing(self, key: str, value: str) -> "SparkConf":
        self._conf.setdefault(key, str(value))
        return self

    def setMaster(self, value: str) -> "SparkConf":
        return self.set("spark.master", value)

    def setAppName(self, value: str) -> "SparkConf":
        return self.set("spark.app.name", value)

    def setSparkHome(self, value: str) -> "SparkConf":
        return self.set("spark.home", value)

    def setExecutorEnv(self, key: Optional[str] = None, value: Optional[str] = None,
                       pairs: Optional[List[Tuple[str, str]]] = None) -> "SparkConf":
        for k, v in pairs or ([(key, value)] if key is not None else []):
            self.set("spark.executorEnv." + str(k), str(v))
        return self

    def setAll(self, pairs: List[Tuple[str, str]]) -> "SparkConf":
        for k, v in pairs:
            self.set(k, v)
        return self

    def get(self, key: str, defaultValue: Optional[str] = None) -> Optional[str]:
        return self._conf.get(key, defaultValue)

    def getAll(self) -> List[Tuple[str, str]]:
        return list(self._conf.items())

    def contains(self, key: str) -> bool:
        return key in self._conf

    def toDebugString(self) -> str:
        return "\n".join(f"{k}={v}" for k, v in self._conf.items())
