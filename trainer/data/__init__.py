"""The corpus pipeline: read text files, annotate pinyin, write memory-mapped token shards."""
