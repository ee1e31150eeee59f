"""Inline suppressions, in ruff's vocabulary, carried in comments.

Markdown and HTML: ``<!-- jargonwatch: ignore[JW101] defined in our glossary -->``.
Plain text: a line of its own starting with ``#``, ``%`` or ``//``:
``# jargonwatch: disable[JW2] quoting the old policy``. reStructuredText: ``.. jargonwatch: ...``.

* ``ignore[CODES]``: the line the comment is on if it has text of its own, else the next line
  with text;
* ``disable[CODES]`` ... ``enable[CODES]``: every line in between (to the end if never enabled);
* ``file-ignore[CODES]``: the whole file.

CODES are codes or prefixes separated by commas; without brackets a directive covers every
code. Anything after the bracket is the reason, kept with each suppressed finding. A
directive that suppresses nothing is reported as JW001.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_BODY = r"jargonwatch:[ \t]*(?P<kind>ignore|disable|enable|file-ignore)\b(?:\[(?P<codes>[^\]\n]*)\])?(?P<reason>[^\n]*?)"
_MARKUP = re.compile(r"<!--[ \t]*" + _BODY + r"[ \t]*-->")
_TEXT = re.compile(r"^[ \t]*(?:#|%|//)[ \t]*" + _BODY + r"[ \t]*$", re.M)
_RST = re.compile(r"^[ \t]*\.\.[ \t]+" + _BODY + r"[ \t]*$", re.M)
_CODE = re.compile(r"^JW\d{0,3}$")


@dataclass(frozen=True, slots=True)
class Directive:
    kind: str  # ignore | disable | enable | file-ignore
    codes: tuple[str, ...]  # empty: every code
    reason: str
    start: int  # the comment's span in the text
    end: int
    line: int  # 1-based line of the comment
    bad_codes: tuple[str, ...] = ()

    def covers(self, code: str) -> bool:
        return not self.codes or code.startswith(self.codes)


def find_directives(text: str, fmt: str) -> tuple[Directive, ...]:
    pattern = {"markdown": _MARKUP, "html": _MARKUP, "rst": _RST}.get(fmt, _TEXT)
    starts = _line_starts(text)
    out = []
    for m in pattern.finditer(text):
        raw = [c.strip().upper() for c in (m.group("codes") or "").split(",") if c.strip()]
        good = tuple(c for c in raw if _CODE.match(c))
        bad = tuple(c for c in raw if not _CODE.match(c))
        line = bisect.bisect_right(starts, m.start())
        out.append(Directive(m.group("kind"), good, m.group("reason").strip(), m.start(), m.end(), line, bad))
    return tuple(out)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    i = text.find("\n")
    while i != -1:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    return starts


@dataclass(frozen=True, slots=True)
class Scope:
    directive: Directive
    first_line: int
    last_line: int  # inclusive; a very large number for "to the end"


def scopes(directives: tuple[Directive, ...], text: str) -> list[Scope]:
    """The lines each directive covers."""
    lines = text.split("\n")
    end_of_file = len(lines) + 1
    out: list[Scope] = []
    for i, d in enumerate(directives):
        if d.kind == "file-ignore":
            out.append(Scope(d, 1, end_of_file))
        elif d.kind == "ignore":
            own_line = lines[d.line - 1]
            line_start = sum(len(x) + 1 for x in lines[: d.line - 1])
            rest = own_line[: d.start - line_start] + own_line[d.end - line_start :]
            target = d.line
            if not rest.strip():
                target = next((n for n in range(d.line + 1, len(lines) + 1) if lines[n - 1].strip()), d.line)
            out.append(Scope(d, target, target))
        elif d.kind == "disable":
            until = end_of_file
            for later in directives[i + 1 :]:
                if later.kind == "enable" and (
                    not later.codes or not d.codes or set(d.codes) & set(later.codes)
                ):
                    until = later.line
                    break
            out.append(Scope(d, d.line, until))
    return out
