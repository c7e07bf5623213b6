"""The memory-mapped copy of a .npz: made once, checked against the file's hash, remade when the
file changes or the copy is damaged, and safe when two processes make it at once."""
from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path

import numpy as np
import pytest

from aligner.mapped import mapped_arrays

TAG = "fake-v1"


def _write_npz(path: Path, scale: float) -> None:
    np.savez_compressed(path, a=np.arange(12, dtype=np.float32).reshape(3, 4) * scale,
                        b=np.array([1, 2, 3], dtype=np.uint8), eps=np.float64(1e-12))


class Counting:
    """A prepare step that derives one array, and counts how often it ran."""

    def __init__(self):
        self.calls = 0

    def __call__(self, path):
        self.calls += 1
        with np.load(path) as npz:
            return {"a2": npz["a"] * 2, "b": npz["b"], "eps": npz["eps"]}


def _copies(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.is_dir())


@pytest.fixture
def npz(tmp_path) -> Path:
    path = tmp_path / "weights.npz"
    _write_npz(path, 1.0)
    return path


def test_copy_is_made_once_and_then_mapped_read_only(npz, tmp_path):
    root, prepare = tmp_path / "cache", Counting()
    first = mapped_arrays(npz, prepare, TAG, root)
    again = mapped_arrays(npz, prepare, TAG, root)
    assert prepare.calls == 1
    for arrays in (first, again):
        assert np.array_equal(arrays["a2"], np.arange(12, dtype=np.float32).reshape(3, 4) * 2)
        assert arrays["a2"].dtype == np.float32 and arrays["b"].dtype == np.uint8
        assert arrays["eps"].shape == () and float(arrays["eps"]) == 1e-12
        assert not arrays["a2"].flags.writeable
    assert isinstance(again["a2"].base, np.memmap) or isinstance(again["a2"].base.base, np.memmap)
    assert len(_copies(root)) == 1


def test_a_changed_file_gets_a_new_copy_and_the_old_one_goes(npz, tmp_path):
    root, prepare = tmp_path / "cache", Counting()
    mapped_arrays(npz, prepare, TAG, root)
    before = _copies(root)
    _write_npz(npz, 3.0)
    arrays = mapped_arrays(npz, prepare, TAG, root)
    assert prepare.calls == 2
    assert float(arrays["a2"][0, 1]) == 6.0
    assert len(_copies(root)) == 1 and _copies(root) != before


def test_a_touched_but_identical_file_is_rehashed_not_reprepared(npz, tmp_path):
    root, prepare = tmp_path / "cache", Counting()
    mapped_arrays(npz, prepare, TAG, root)
    stamp = next(root.glob("*.stamp"))
    recorded = stamp.read_text()
    later = time.time() + 100
    os.utime(npz, (later, later))
    mapped_arrays(npz, prepare, TAG, root)
    assert prepare.calls == 1
    assert stamp.read_text() != recorded  # the hash was taken again for the new mtime


def test_a_same_size_same_mtime_edit_is_not_seen_but_a_new_inode_is(npz, tmp_path):
    """The stamp is trusted for an unchanged (size, mtime, inode); replacing the file (what pip
    does) changes the inode, so the new contents are hashed."""
    root, prepare = tmp_path / "cache", Counting()
    mapped_arrays(npz, prepare, TAG, root)
    st = os.stat(npz)
    other = tmp_path / "other.npz"
    _write_npz(other, 5.0)
    os.replace(other, npz)
    os.utime(npz, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert float(mapped_arrays(npz, prepare, TAG, root)["a2"][0, 1]) == 10.0


@pytest.mark.parametrize("damage", ["manifest", "truncate", "wrong hash"])
def test_a_damaged_copy_is_made_again(npz, tmp_path, damage):
    root, prepare = tmp_path / "cache", Counting()
    mapped_arrays(npz, prepare, TAG, root)
    folder = root / _copies(root)[0]
    if damage == "manifest":
        (folder / "manifest.json").unlink()
    elif damage == "truncate":
        data = (folder / "a2.npy").read_bytes()
        (folder / "a2.npy").write_bytes(data[:len(data) - 8])
    else:
        text = (folder / "manifest.json").read_text()
        (folder / "manifest.json").write_text(text.replace('"sha256": "', '"sha256": "0'))
    arrays = mapped_arrays(npz, prepare, TAG, root)
    assert prepare.calls == 2
    assert float(arrays["a2"][2, 3]) == 22.0
    assert _copies(root) == [folder.name]
    assert not [p for p in root.iterdir() if p.name.startswith(".")]  # no leftovers


class SlowCounting(Counting):
    """Holds each preparation long enough that both processes are inside one at once."""

    def __init__(self, marks: Path):
        super().__init__()
        self.marks = marks

    def __call__(self, path):
        (self.marks / f"{os.getpid()}").touch()
        time.sleep(0.5)
        return super().__call__(path)


def _build_in_child(args) -> list[float]:
    npz, root, marks, start = args
    time.sleep(max(0.0, start - time.time()))
    return mapped_arrays(Path(npz), SlowCounting(Path(marks)), TAG, Path(root))["a2"].ravel().tolist()


def test_two_processes_preparing_at_once_read_one_complete_copy(npz, tmp_path):
    root, marks = tmp_path / "cache", tmp_path / "marks"
    marks.mkdir()
    start = time.time() + 0.5
    with multiprocessing.get_context("fork").Pool(2) as pool:
        results = pool.map(_build_in_child, [(str(npz), str(root), str(marks), start)] * 2)
    assert len(list(marks.iterdir())) == 2  # both really prepared a copy
    assert results[0] == results[1] == [2.0 * i for i in range(12)]
    assert len(_copies(root)) == 1
    assert not [p for p in root.iterdir() if p.name.startswith(".")]
    assert Counting()(npz)["a2"].ravel().tolist() == results[0]
    prepare = Counting()
    mapped_arrays(npz, prepare, TAG, root)
    assert prepare.calls == 0  # what they left is complete


def test_an_unwritable_cache_is_an_os_error(npz, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(OSError):
        mapped_arrays(npz, Counting(), TAG, blocker / "cache")
