"""The fixed held-out split of `argmark suggest`: an article is held out (never trained on) when
the SHA-256 of its argmark id, read as a number, is 0 modulo 5 -- about a fifth of each corpus,
the same on every machine and independent of file order."""
import hashlib


def held_out(article_id: str) -> bool:
    return int(hashlib.sha256(article_id.encode("utf-8")).hexdigest(), 16) % 5 == 0
