"""A page's form as the browser would send it: every named input, checked box, textarea and
selected option, so a test changes only what a user would change and posts the rest as is."""

from html.parser import HTMLParser


class _Form(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.di_form = False
        self.data: list[tuple[str, str]] = []
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (self.form_id is None or a.get("id") == self.form_id):
            self.di_form = True
        if not self.di_form:
            return
        if tag == "input" and a.get("name"):
            jenis = a.get("type", "text")
            if jenis in ("checkbox", "radio") and "checked" not in a:
                return
            if jenis in ("submit", "button", "file"):
                return
            self.data.append((a["name"], a.get("value", "on" if jenis == "checkbox" else "")))
        elif tag == "textarea" and a.get("name"):
            self._textarea = [a["name"], ""]
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
        elif tag == "option" and self._select and "selected" in a:
            self.data.append((self._select, a.get("value", "")))

    def handle_endtag(self, tag):
        if tag == "form":
            self.di_form = False
        elif tag == "textarea" and self._textarea:
            self.data.append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data


def isian(html: str, form_id: str | None = None) -> dict[str, list[str]]:
    """name → values (a list, as a multi-valued POST) of the form `form_id` (or every form)."""
    parser = _Form(form_id)
    parser.feed(html)
    hasil: dict[str, list[str]] = {}
    for nama, nilai in parser.data:
        hasil.setdefault(nama, []).append(nilai.lstrip("\n") if nilai else nilai)
    return hasil
