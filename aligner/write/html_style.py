"""The stylesheet of the HTML report and the Content-Security-Policy that pins it.

The report runs no script: the filters are radio inputs placed before the bead list, and CSS
sibling selectors hide the rows they exclude, so thousands of beads cost no JavaScript objects
and the policy can forbid every script and every fetch.
"""
from __future__ import annotations

import base64
import functools
import hashlib

from ..records import FLAG_KINDS

# (input id, label, class a bead needs to stay visible; "" keeps every bead)
FILTERS: tuple[tuple[str, str, str], ...] = (
    ("f-all", "All", ""),
    ("f-flagged", "Flagged", "flagged"),
    ("f-high", "High", "sev-high"),
    ("f-medium", "Medium and up", "sev-medium"),
    *((f"f-{kind}", kind.capitalize(), f"k-{kind}") for kind in FLAG_KINDS),
)

_BASE = """
:root{--ink:#1d2939;--muted:#667085;--line:#e4e7ec;--bg:#f5f6f8;--card:#fff;
--high:#b42318;--high-bg:#fef3f2;--high-mark:#fecdca;
--medium:#b54708;--medium-bg:#fffaeb;--medium-mark:#fedf89;
--low:#175cd3;--low-bg:#eff8ff;--low-mark:#d1e9ff;--accent:#3e4784}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);
font:14px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",
"Liberation Sans",sans-serif}
.wrap{max-width:1400px;margin:0 auto;padding:0 24px}
header{background:var(--card);border-bottom:1px solid var(--line);padding:18px 0 20px}
h1{font-size:20px;margin:0 0 2px;font-weight:650;letter-spacing:-.01em}
h2{font-size:12px;margin:0 0 6px;color:var(--muted);font-weight:600;text-transform:uppercase;
letter-spacing:.05em}
.meta{color:var(--muted);margin:0 0 16px}
.meta b{color:var(--ink);font-weight:600}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(210px,1fr));gap:12px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 14px}
.big{font-size:26px;font-weight:650;line-height:1.2;font-variant-numeric:tabular-nums}
.card table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
.card td,.card th{padding:1px 6px 1px 0;text-align:left;font-weight:400}
.card th{color:var(--muted);font-size:12px}
.card td.c,.card th.c{text-align:right}
.sevs{display:flex;gap:6px;flex-wrap:wrap;margin-top:4px}
.chip{border-radius:999px;padding:0 8px;font-size:12px;font-weight:600}
.chip.high{background:var(--high-bg);color:var(--high)}
.chip.medium{background:var(--medium-bg);color:var(--medium)}
.chip.low{background:var(--low-bg);color:var(--low)}
.chartcard{margin-top:12px}
.chart{display:block;width:100%;height:auto}
.chart .grid{stroke:#eaecf0;stroke-width:1}
.chart .axis{fill:var(--muted);font-size:11px}
.chart .line{fill:none;stroke:var(--accent);stroke-width:1.5;stroke-linejoin:round}
.chart .pt circle{stroke:#fff;stroke-width:1.5}
.chart .pt.high circle{fill:var(--high)}
.chart .pt.medium circle{fill:#f79009}
.chart .pt.low circle{fill:#2e90fa}
.chart .pt:hover circle{stroke:var(--ink)}
.legend{color:var(--muted);font-size:12px;margin-top:4px}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);margin:0}
.bar{position:sticky;top:0;z-index:2;background:var(--bg);padding-top:12px}
.filters{display:flex;flex-wrap:wrap;gap:6px;align-items:center;padding-bottom:10px}
.filters span{color:var(--muted);margin-right:4px}
.filters label{border:1px solid var(--line);background:var(--card);border-radius:6px;
padding:3px 10px;cursor:pointer;user-select:none}
.filters label:hover{border-color:#98a2b3}
.filters label i{font-style:normal;color:var(--muted);margin-left:4px}
.cols,.bead{display:grid;grid-template-columns:72px minmax(0,1fr) minmax(0,1fr) 92px;
column-gap:20px;padding:8px 16px}
.cols{background:#eef0f4;border:1px solid var(--line);border-radius:8px 8px 0 0;
font-weight:600;font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.05em}
main{border:1px solid var(--line);border-top:0;border-radius:0 0 8px 8px;overflow:hidden;
margin-bottom:40px}
.bead{background:var(--card);border-bottom:1px solid #eef0f3;border-left:4px solid transparent;
padding-left:12px;scroll-margin-top:110px;content-visibility:auto;contain-intrinsic-size:auto 72px}
.bead:last-child{border-bottom:0}
.bead:target{box-shadow:inset 0 0 0 2px var(--accent)}
.bead.sev-high{background:var(--high-bg);border-left-color:var(--high)}
.bead.sev-medium{background:var(--medium-bg);border-left-color:#f79009}
.bead.sev-low{background:var(--low-bg);border-left-color:#2e90fa}
.pos a{color:var(--ink);font-weight:600;text-decoration:none;font-variant-numeric:tabular-nums}
.pos .shape{display:block;color:var(--muted);font-size:12px}
.side.heading{font-weight:650}
.sent .n{display:inline-block;min-width:1.7em;margin-right:5px;padding:0 4px;border-radius:4px;
background:#f2f4f7;color:var(--muted);font-size:11px;font-weight:500;text-align:center;
font-variant-numeric:tabular-nums;vertical-align:1px}
.empty{color:var(--muted);font-style:italic}
mark{color:inherit;border-radius:3px;padding:0 2px}
mark.high{background:var(--high-mark)}
mark.medium{background:var(--medium-mark)}
mark.low{background:var(--low-mark)}
.score{text-align:right;font-variant-numeric:tabular-nums}
.score svg{display:block;width:64px;height:6px;margin:4px 0 0 auto}
.score .track{fill:#eaecf0}
.score .fill{fill:var(--accent)}
.score.weak .fill{fill:#f79009}
.score.weak .num{color:var(--medium)}
.flags{grid-column:2/-1;list-style:none;margin:6px 0 2px;padding:0}
.flag{margin:2px 0}
.flag .sev{display:inline-block;min-width:58px;font-size:11px;font-weight:700;
text-transform:uppercase;letter-spacing:.04em}
.flag.high .sev{color:var(--high)}
.flag.medium .sev{color:var(--medium)}
.flag.low .sev{color:var(--low)}
.flag .kind{color:var(--muted);margin-right:6px}
.flag.dismissed{color:var(--muted);text-decoration:line-through}
.flag.dismissed .sev{color:var(--muted)}
.flag .judged{display:inline-block;margin-left:8px;font-size:12px;text-decoration:none;
color:var(--muted);font-style:italic}
.flag q{background:rgba(255,255,255,.7);border:1px solid var(--line);border-radius:3px;
padding:0 3px;quotes:none}
.none{padding:24px;text-align:center;color:var(--muted);background:var(--card)}
@media print{.bar{position:static}.filters{display:none}}
"""


def _filter_rules() -> str:
    rules = []
    for ident, _, needed in FILTERS:
        active = f"#{ident}:checked~.bar label[for={ident}]"
        rules.append(f"{active}{{background:var(--accent);border-color:var(--accent);color:#fff}}")
        rules.append(f"{active} i{{color:#dfe3f5}}")
        rules.append(f"#{ident}:focus-visible~.bar label[for={ident}]"
                     "{outline:2px solid var(--accent);outline-offset:2px}")
        if needed:
            keep = ":not(.sev-high)" if needed == "sev-medium" else ""
            rules.append(f"#{ident}:checked~main .bead:not(.{needed}){keep}{{display:none}}")
    return "\n".join(rules)


@functools.cache
def stylesheet() -> str:
    return _BASE + _filter_rules() + "\n"


def content_security_policy() -> str:
    """No fetch of any kind, no script, and only this exact stylesheet."""
    digest = base64.b64encode(hashlib.sha256(stylesheet().encode("utf-8")).digest()).decode()
    return ("default-src 'none'; script-src 'none'; "
            f"style-src 'sha256-{digest}'; img-src 'none'; base-uri 'none'; form-action 'none'")
