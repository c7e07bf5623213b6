"""JSON Lines: the output contract, one `Alignment.records()` object per line."""
from __future__ import annotations

import json
from typing import TextIO

from ..records import Alignment
from .base import StreamWriter


class JsonlWriter(StreamWriter):
    name = "jsonl"
    suffixes = (".jsonl",)

    def dump(self, alignment: Alignment, stream: TextIO) -> None:
        for record in alignment.records():
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
