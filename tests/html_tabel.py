"""Tables of a rendered page read cell by cell, as a user reads them.

A figure checked with `"2,16" in html` also passes when the page shows 2,160 or 12,16; these
helpers compare whole cells instead.
"""

from html.parser import HTMLParser


class _Tabel(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tabel: list[dict] = []
        self._terbuka: list[dict] = []
        self._baris: list[list[str]] = []
        self._sel: list[list[str]] = []
        self._di_caption = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            t = {"caption": "", "kelas": dict(attrs).get("class") or "", "baris": []}
            self.tabel.append(t)
            self._terbuka.append(t)
        elif tag == "caption":
            self._di_caption = True
        elif tag == "tr" and self._terbuka:
            self._baris.append([])
        elif tag in ("td", "th") and self._baris:
            self._sel.append([])
        elif tag == "br" and self._sel:
            self._sel[-1].append(" ")

    def handle_endtag(self, tag):
        if tag == "table" and self._terbuka:
            self._terbuka.pop()
        elif tag == "caption":
            self._di_caption = False
        elif tag == "tr" and self._baris:
            self._terbuka[-1]["baris"].append(self._baris.pop())
        elif tag in ("td", "th") and self._sel:
            self._baris[-1].append(" ".join("".join(self._sel.pop()).split()))

    def handle_data(self, data):
        if self._di_caption and self._terbuka:
            self._terbuka[-1]["caption"] += data
        elif self._sel:
            self._sel[-1].append(data)


def tabel(html: str, caption: str | None = None) -> list[list[str]]:
    """Rows (lists of cell texts, whitespace collapsed) of the table with this caption, or of
    every table of the page when no caption is given."""
    parser = _Tabel()
    parser.feed(html)
    dipilih = [t for t in parser.tabel if caption is None or t["caption"].strip() == caption]
    assert dipilih, f"no table captioned {caption!r}"
    return [b for t in dipilih for b in t["baris"]]


def baris(html: str, sel: str, caption: str | None = None) -> list[str]:
    """The one row that has a cell reading exactly `sel`."""
    cocok = [b for b in tabel(html, caption) if sel in b]
    assert len(cocok) == 1, f"{len(cocok)} rows with a cell {sel!r}"
    return cocok[0]
