"""UDF, UDTF and UDT."""

__all__: list = []
