"""aligner: align English and Spanish versions of a document and flag where they disagree.

    import aligner
    result = aligner.align("statement.en.md", "statement.es.md")
    checked = aligner.check("statement.en.md", "statement.es.md")
    found = aligner.match("crawl/en", "crawl/es", "manifest.csv")   # which documents pair up
"""

__version__ = "0.1.0"


def align(*args, **kwargs):
    """See aligner.api.align (imported on first use: the encoder stack is heavy)."""
    from .api import align as _align

    return _align(*args, **kwargs)


def check(*args, **kwargs):
    """See aligner.checking.check."""
    from .checking import check as _check

    return _check(*args, **kwargs)


def batch(*args, **kwargs):
    """See aligner.batching.batch: a manifest or folder of pairs into per-pair files, a summary
    and a merged corpus."""
    from .batching import batch as _batch

    return _batch(*args, **kwargs)


def match(*args, **kwargs):
    """See aligner.matching.match: pair the documents of two folders that translate each
    other, as a manifest for batch."""
    from .matching import match as _match

    return _match(*args, **kwargs)


__all__ = ["align", "batch", "check", "match", "__version__"]
