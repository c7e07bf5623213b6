"""Warnings `aligner batch` gives about its input (files left without a partner)."""
from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class BatchWarning(UserWarning):
    """Something in the batch's input the user should know about; the batch still runs."""


@contextmanager
def echo_batch_warnings(echo: Callable[[str], None]) -> Iterator[None]:
    """Show BatchWarnings through `echo` as they happen (the CLI's one-line style)."""
    with warnings.catch_warnings():
        warnings.simplefilter("always", BatchWarning)
        shown = warnings.showwarning

        def show(message, category, *args, **kwargs):
            if issubclass(category, BatchWarning):
                echo(f"aligner: warning: {message}")
            else:
                shown(message, category, *args, **kwargs)

        warnings.showwarning = show
        yield
