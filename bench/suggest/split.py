"""The fixed splits of the suggestion evaluation.

An article is held out (never trained on) when the SHA-256 of its argmark id, read as a number,
is 0 modulo 5 -- about a fifth of each corpus, the same on every machine and independent of file
order. The learning curve trains on nested subsets of the rest: an article is in the first P
percent when the SHA-256 of "train:" + its id is below P modulo 100.
"""
import hashlib


def _number(text: str) -> int:
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16)


def held_out(article_id: str) -> bool:
    return _number(article_id) % 5 == 0


def in_fraction(article_id: str, percent: int) -> bool:
    return _number("train:" + article_id) % 100 < percent
