"""An Excel workbook for reviewers: one row per bead, flagged rows coloured by their worst flag.

The columns are the TSV's, with the flags summarised for filtering (how many are open, the
highest open severity, their kinds, one message a line, how many a reviewer dismissed) instead
of one JSON cell. Built with pandas and styled
with openpyxl: frozen header, autofilter, wrapped text columns, scores shown as 0.00.
"""
from __future__ import annotations

import io
import json
import os
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..records import Alignment, Bead, Flag
from .atomic import atomic_outputs
from .base import Writer
from .xmltext import xml_safe

if TYPE_CHECKING:  # pandas is imported when a workbook is written (0.3 s)
    import pandas as pd
    from openpyxl.worksheet.worksheet import Worksheet

SHEET = "alignment"
# column name -> width in characters: the two texts get most of a screen
WIDTHS = {"src": 10, "tgt": 10, "src_text": 60, "tgt_text": 60, "score": 8, "flag_count": 10,
          "severity": 10, "kinds": 20, "messages": 60, "dismissed": 10}
COLUMNS = tuple(WIDTHS)
# Excel's own "light red / yellow" highlight colours, and a light blue for low
FILLS = {"high": "FFC7CE", "medium": "FFEB9C", "low": "DDEBF7"}
# What a spreadsheet would take for the start of a formula if a user re-enters the cell
FORMULA_STARTS = ("=", "+", "-", "@")


def flag_line(flag: Flag) -> str:
    evidence = ""
    if flag.src_evidence or flag.tgt_evidence:
        evidence = f' ("{flag.src_evidence}" / "{flag.tgt_evidence}")'
    return f"{flag.headline}{evidence}"


def _row(alignment: Alignment, bead: Bead) -> dict:
    return {
        "src": json.dumps(list(bead.src)),
        "tgt": json.dumps(list(bead.tgt)),
        "src_text": xml_safe(alignment.src_text(bead)),
        "tgt_text": xml_safe(alignment.tgt_text(bead)),
        "score": round(float(bead.score), 4),
        "flag_count": len(bead.open_flags),
        "severity": bead.worst_severity or "",
        "kinds": ", ".join(sorted({f.kind for f in bead.open_flags})),
        "messages": xml_safe("\n".join(flag_line(f) for f in bead.flags)),
        "dismissed": len(bead.flags) - len(bead.open_flags),
    }


def to_frame(alignment: Alignment) -> pd.DataFrame:
    """The beads as a table with the columns of COLUMNS, text made safe for XML."""
    import pandas as pd

    return pd.DataFrame([_row(alignment, b) for b in alignment.beads], columns=list(COLUMNS))


def _keep_text(sheet: Worksheet) -> None:
    """Make every string cell a string: openpyxl stores text starting with "=" as a formula."""
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"
                # quotePrefix: Excel keeps it text even when a user edits the cell
                cell.quotePrefix = cell.value.startswith(FORMULA_STARTS)


def _style(sheet: Worksheet, frame: pd.DataFrame) -> None:
    # imported here: openpyxl would add 70 ms to every `aligner` start, xlsx or not
    from openpyxl.styles import Alignment as CellAlignment
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter

    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS[column]
    wrap = CellAlignment(wrap_text=True, vertical="top")
    fills = {severity: PatternFill(fill_type="solid", start_color=colour, end_color=colour)
             for severity, colour in FILLS.items()}
    score = COLUMNS.index("score")
    # one pass over the rows: openpyxl's sheet[row] rescans the whole sheet on every call
    for row, severity in zip(sheet.iter_rows(min_row=2, max_col=len(COLUMNS)), frame["severity"]):
        row[score].number_format = "0.00"
        for cell in row:
            cell.alignment = wrap
            if severity:
                cell.fill = fills[severity]
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def workbook_bytes(alignment: Alignment) -> bytes:
    """The whole .xlsx file, built in memory so that nothing touches disk before it is complete."""
    import pandas as pd

    frame = to_frame(alignment)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as excel:
        frame.to_excel(excel, sheet_name=SHEET, index=False)
        sheet = excel.sheets[SHEET]
        _keep_text(sheet)
        _style(sheet, frame)
    return buffer.getvalue()


class XlsxWriter(Writer):
    name = "xlsx"
    suffixes = (".xlsx",)

    def write(self, alignment: Alignment, out: str | os.PathLike | None) -> None:
        if out is None:
            raise UsageError("xlsx is a binary format and cannot go to stdout: give -o FILE.xlsx")
        data = workbook_bytes(alignment)
        with atomic_outputs([out], binary=True) as (stream,):
            stream.write(data)
