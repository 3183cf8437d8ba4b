"""Text from outside (file names above all) made safe to show on one line: control characters,
line breaks and bidirectional overrides are written as escapes, so a name cannot forge a second
"错误：" line, move the cursor or reverse what the terminal shows."""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, line and paragraph separators, bidi embeddings, overrides and isolates.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def one_line(text: str) -> str:
    """``text`` with every unsafe character as a visible escape ("\\n", "\\u202e")."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
