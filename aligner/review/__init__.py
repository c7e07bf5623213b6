"""Review decisions: the review file (file.py) and how its decisions are put back on a fresh
alignment (apply.py). The web app that edits them lives in aligner.reviewapp and is not needed
here: `align|check --review FILE` reads the same file without it."""
from .apply import Stale, StaleDecisionWarning, apply_flag_decisions, find_anchors, warn_stale
from .file import (BeadDecision, DocumentRef, FlagDecision, Review, ReviewFileError,
                   default_path, document_ref, normalise, read_review, write_review)

__all__ = ["BeadDecision", "DocumentRef", "FlagDecision", "Review", "ReviewFileError", "Stale",
           "StaleDecisionWarning", "apply_flag_decisions", "default_path", "document_ref",
           "find_anchors", "normalise", "read_review", "warn_stale", "write_review"]
