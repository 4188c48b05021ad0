"""Run argmark's per-article work on a Dask cluster and merge the partial reports."""

from .driver import list_articles, main, shards

__all__ = ["list_articles", "main", "shards"]
