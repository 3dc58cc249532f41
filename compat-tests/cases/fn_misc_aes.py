"""AES: aes_encrypt with fixed IVs in GCM, CBC and ECB (keys of 16, 24 and 32
bytes) gives Spark's bytes; random IVs are checked by round trip and length;
aes_decrypt of Spark's ciphertexts; Spark's errors for bad keys, modes, paddings,
IVs and AAD; try_aes_decrypt's NULLs; names with the defaults filled in."""

from harness import case
from pyspark.sql import functions as F

K16, K24, K32 = "1234567890abcdef", "abcdefghijklmnop12345678", "abcdefghijklmnop12345678ABCDEFGH"


def _texts(spark):
    rows = [(0, "Spark"), (1, ""), (2, "😀 unicode é"), (3, "x" * 40), (4, None)]
    ivs = (bytes(range(12)), bytes(range(16)), bytes(16))
    return spark.createDataFrame([r + ivs for r in rows], "id int, s string, iv12 binary, iv16 binary, zero16 binary")


def _bytes(spark, data):
    return spark.createDataFrame([(bytes.fromhex(data),)], "b binary")


@case
def aes_encrypt_gcm_fixed_iv(spark):
    df = _texts(spark)
    iv = F.col("iv12")
    return df.select("id", F.aes_encrypt("s", F.lit(K16), F.lit("GCM"), F.lit("DEFAULT"), iv).alias("k16"),
                     F.aes_encrypt("s", F.lit(K24), F.lit("GCM"), F.lit("NONE"), iv, F.lit("aad")).alias("k24"),
                     F.aes_encrypt("s", F.lit(K32), F.lit("gcm"), F.lit("DEFAULT"), iv).alias("k32")).orderBy("id")


@case
def aes_encrypt_cbc_fixed_iv(spark):
    return _texts(spark).select("id", *[F.aes_encrypt("s", F.lit(k), F.lit("CBC"), F.lit("PKCS"), "iv16").alias(f"k{len(k)}")
                                        for k in (K16, K24, K32)]).orderBy("id")


@case
def aes_encrypt_ecb(spark):
    return _texts(spark).select("id", *[F.aes_encrypt("s", F.lit(k), F.lit("ECB")).alias(f"k{len(k)}")
                                        for k in (K16, K24, K32)]).orderBy("id")


@case
def aes_round_trips_random_iv(spark):
    df = _texts(spark)
    out = df.select("id", "s", F.aes_encrypt("s", F.lit(K16)).alias("gcm"), F.aes_encrypt("s", F.lit(K32), F.lit("CBC")).alias("cbc"))
    back = out.select("id", F.length("gcm").alias("gcm_len"), F.length("cbc").alias("cbc_len"),
                      F.aes_decrypt("gcm", F.lit(K16)).cast("string").alias("gcm_back"),
                      F.aes_decrypt("cbc", F.lit(K32), F.lit("CBC")).cast("string").alias("cbc_back"),
                      (F.col("gcm") == F.aes_encrypt("s", F.lit(K16))).alias("iv_differs"))
    return back.orderBy("id")


@case
def aes_decrypt_spark_ciphertexts(spark):
    import base64

    df = spark.createDataFrame([(base64.b64decode("3lmwu+Mw0H3fi5NDvcu9lg=="), "ECB", K16),
                                (base64.b64decode("AAAAAAAAAAAAAAAAAAAAAPSd4mWyMZ5mhvjiAPQJnfg="), "CBC", K32)],
                               "c binary, m string, k string")
    return df.select(F.aes_decrypt("c", "k", "m").cast("string").alias("d"))


@case
def aes_decrypt_gcm_with_aad(spark):
    import base64

    df = spark.createDataFrame([(base64.b64decode("AAAAAAAAAAAAAAAARsTvHGpRSH/tPKwYQIYynHLUjIP3"),)], "c binary")
    return df.select(F.aes_decrypt("c", F.lit("0000111122223333"), F.lit("GCM"), F.lit("DEFAULT"),
                                   F.lit("This is an AAD mixed into the input")).cast("string").alias("d"))


@case
def aes_names_and_types(spark):
    df = spark.createDataFrame([("a", K16)], "s string, k string")
    return df.select(F.aes_encrypt("s", "k"), F.aes_decrypt(F.aes_encrypt("s", "k"), "k"),
                     F.try_aes_decrypt(F.lit(b"\x00"), "k")).schema.simpleString()


@case
def aes_sql_names(spark):
    df = spark.createDataFrame([("a", K16)], "s string, k string")
    return df.selectExpr("length(aes_encrypt(s, k))", "cast(aes_decrypt(aes_encrypt(s, k, 'ECB'), k, 'ECB') as string)",
                         "try_aes_decrypt(cast('abc' as binary), k)", "aes_encrypt(s, k, 'ECB', 'PKCS')")


@case
def aes_null_inputs(spark):
    df = spark.createDataFrame([(None, K16), ("a", None)], "s string, k string")
    return df.select(F.aes_encrypt("s", "k"), F.aes_decrypt(F.lit(None).cast("binary"), "k"))


@case
def aes_bad_key_length(spark):
    return spark.range(1).select(F.aes_encrypt(F.lit("Spark"), F.lit("12345")))


@case
def aes_unsupported_mode(spark):
    return spark.range(1).select(F.aes_encrypt(F.lit("Spark"), F.lit(K16), F.lit("XTS")))


@case
def aes_gcm_with_pkcs(spark):
    return spark.range(1).select(F.aes_encrypt(F.lit("Spark"), F.lit(K16), F.lit("GCM"), F.lit("PKCS")))


@case
def aes_ecb_with_iv(spark):
    return _bytes(spark, "00" * 16).select(F.aes_encrypt(F.lit("Spark"), F.lit(K16), F.lit("ECB"), F.lit("DEFAULT"), "b"))


@case
def aes_gcm_short_iv(spark):
    return _bytes(spark, "0000").select(F.aes_encrypt(F.lit("Spark"), F.lit(K16), F.lit("GCM"), F.lit("DEFAULT"), "b"))


@case
def aes_cbc_with_aad(spark):
    return spark.range(1).select(F.aes_encrypt(F.lit("Spark"), F.lit(K16), F.lit("CBC"), F.lit("DEFAULT"), F.lit(""), F.lit("aad")))


@case
def aes_decrypt_wrong_key(spark):
    df = spark.range(1).select(F.aes_encrypt(F.lit("x"), F.lit(K16)).alias("c"))
    return df.select(F.aes_decrypt("c", F.lit("1234567890abcdeX")))


@case
def aes_decrypt_bad_padding_ecb(spark):
    return _bytes(spark, "00112233445566778899aabbccddeeff").select(F.aes_decrypt("b", F.lit(K16), F.lit("ECB")))


@case
def try_aes_decrypt_failures_are_null(spark):
    df = _bytes(spark, "00112233445566778899aabbccddeeff").select("b", F.aes_encrypt(F.lit("x"), F.lit(K16)).alias("c"))
    return df.select(F.try_aes_decrypt("c", F.lit("1234567890abcdeX")).alias("wrong_key"),
                     F.try_aes_decrypt("c", F.lit(K16)).cast("string").alias("right_key"),
                     F.try_aes_decrypt("b", F.lit(K16), F.lit("ECB")).alias("pad"),
                     F.try_aes_decrypt("b", F.lit("short")).alias("short_key"))


@case
def aes_error_only_when_reached(spark):
    df = spark.createDataFrame([(1, "Spark")], "id int, s string")
    return df.select(F.when(F.col("id") > 5, F.aes_encrypt("s", F.lit("short"))).alias("r"))
