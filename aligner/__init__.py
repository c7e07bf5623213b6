"""aligner: align English and Spanish versions of a document and flag where they disagree."""

__version__ = "0.1.0"
