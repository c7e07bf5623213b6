"""Write output files so that a failure never leaves a half-written or clobbered file behind."""
from __future__ import annotations

import os
import secrets
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from ..errors import UsageError


def _temporary_for(target: Path) -> Path:
    # Same directory as the target, so os.replace is a rename on one file system.
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")


def _open_new(path: Path, target: Path, binary: bool) -> IO:
    try:
        # "x" refuses to reuse an existing file and, unlike mkstemp, honours the umask.
        if binary:
            return open(path, "xb")
        return open(path, "x", encoding="utf-8", newline="")
    except OSError as err:
        raise UsageError(f"cannot write {target}: {err.strerror or err}") from err


@contextmanager
def atomic_outputs(paths: Sequence[str | os.PathLike], binary: bool = False) -> Iterator[list[IO]]:
    """Yield one UTF-8 text stream (or binary stream) per path; the targets appear only if the
    block succeeds.

    Every target is replaced only after all streams were written and closed, so a group of
    files (the two sides of a moses corpus) appears together or not at all.
    """
    targets = [Path(p) for p in paths]
    temps: list[Path] = []
    streams: list[IO] = []
    try:
        for target in targets:
            temp = _temporary_for(target)
            streams.append(_open_new(temp, target, binary))
            temps.append(temp)
        with _naming(targets):
            yield streams
            for stream in streams:
                stream.close()
            for temp, target in zip(temps, targets):
                os.replace(temp, target)
    except BaseException:
        for stream in streams:
            _close_quietly(stream)
        for temp in temps:
            temp.unlink(missing_ok=True)
        raise


@contextmanager
def _naming(targets: list[Path]) -> Iterator[None]:
    """A failed write says which output it was for: ENOSPC from write() or close() carries
    no file name, and a failed rename names the hidden temporary file."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as err:
        names = ", ".join(str(t) for t in targets)
        raise UsageError(f"cannot write {names}: {err.strerror or err}") from err


def _close_quietly(stream: IO) -> None:
    """Close after a failure, when flushing the rest of a full disk's buffer fails again."""
    try:
        stream.close()
    except OSError:
        pass
