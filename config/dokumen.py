"""Document plumbing every app may import: HTML → A4 PDF with WeasyPrint and the HTTP
response that shows it. The page CSS every document shares is templates/dokumen/. Nothing here
knows a domain model; each app's documents.py builds its own HTML."""

import logging
import re
import tempfile
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse


def _html(html: str):
    from weasyprint import HTML

    from config.pdf_fetcher import LocalOnlyFetcher

    return HTML(string=html, base_url=str(settings.BASE_DIR), url_fetcher=LocalOnlyFetcher())


def render_pdf(html: str) -> bytes:
    """HTML → A4 PDF with WeasyPrint (static files resolved from the project). Every PDF of
    the app is rendered here, loading only what LocalOnlyFetcher allows."""
    return _html(html).write_pdf()


class _HitungHalaman(logging.Handler):
    """Follows WeasyPrint's "Creating layout - Page N" progress messages."""

    POLA = re.compile(r"Page (\d+)")

    def __init__(self, callback):
        super().__init__(level=logging.INFO)
        self.callback = callback

    def emit(self, record):
        m = self.POLA.search(record.getMessage())
        if m:
            self.callback(int(m.group(1)))


@contextmanager
def _ikuti_halaman(per_halaman):
    if per_halaman is None:
        yield
        return
    logger = logging.getLogger("weasyprint.progress")
    handler = _HitungHalaman(per_halaman)
    level, propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False  # the steps go to the progress bar, not to the log
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


def render_pdf_dengan_halaman(html: str, per_halaman=None) -> bytes:
    """render_pdf, telling `per_halaman(n)` as WeasyPrint lays out page n."""
    with _ikuti_halaman(per_halaman):
        return render_pdf(html)


# Parts are laid out without their page margins: the margin boxes ("Halaman X dari Y") need the
# total, known only once every part is laid out, so they come from one pass of empty pages.
_KOTAK_MARGIN = (
    "top-left-corner",
    "top-left",
    "top-center",
    "top-right",
    "top-right-corner",
    "left-top",
    "left-middle",
    "left-bottom",
    "right-top",
    "right-middle",
    "right-bottom",
    "bottom-left-corner",
    "bottom-left",
    "bottom-center",
    "bottom-right",
    "bottom-right-corner",
)
_TANPA_MARGIN = (
    "@page { " + " ".join(f"@{k} {{ content: none !important }}" for k in _KOTAK_MARGIN) + " }"
)


def render_pdf_bagian(
    bagian: Iterable[str], per_halaman: Callable[[int], None] | None = None
) -> bytes:
    """Several HTML documents → one PDF whose pages are numbered as if they were one document.

    WeasyPrint keeps the whole layout of a document in memory (about 3 MB a page), so a
    thousand-page document needs gigabytes; laid out a part at a time, memory is bounded by the
    largest part. Each part is written to a temporary file as soon as it is laid out (`bagian`
    may be a generator, so its HTML need not be held at once either), then the margin boxes of
    the first part's @page rules are laid out once on as many empty pages as there are, and
    stamped on the pages while pypdf joins the files. Margin boxes may therefore use
    counter(page) and counter(pages) but not content taken from the body (string(),
    element()); every part should share the first part's stylesheet and page size.
    `per_halaman(n)` is told as page n (counted across parts) is laid out.
    """
    from weasyprint import CSS

    tanpa_margin = CSS(string=_TANPA_MARGIN)
    with tempfile.TemporaryDirectory(prefix="pdf-bagian-") as tmp:
        berkas, kepala, jumlah = [], None, 0
        for i, html in enumerate(bagian):
            kepala = kepala if kepala is not None else _kepala(html)
            path = Path(tmp) / f"{i:06}.pdf"
            awal = jumlah
            with _ikuti_halaman(per_halaman and (lambda n, awal=awal: per_halaman(awal + n))):
                dokumen = _html(html).render(stylesheets=[tanpa_margin])
            jumlah += len(dokumen.pages)
            dokumen.write_pdf(path)
            del dokumen  # the layout of one part at a time, never two
            berkas.append(path)
        if kepala is None:
            raise ValueError("render_pdf_bagian: tidak ada bagian")
        margin = Path(tmp) / "margin.pdf"
        kosong = '<div style="break-before: page"></div>' * jumlah
        _html(f"{kepala}<body>{kosong}</body></html>").write_pdf(margin)
        return _gabung(berkas, margin)


def _kepala(html: str) -> str:
    """The document up to its <body>: its stylesheets and so its @page rules."""
    m = re.search(r"<body[^>]*>", html)
    if m is None:
        raise ValueError("render_pdf_bagian: bagian tanpa <body>")
    return html[: m.start()]


def _gabung(berkas: list[Path], margin: Path) -> bytes:
    """Joins the parts' PDFs in order, drawing page i of `margin` over the i-th page: the
    margin page becomes a form XObject, so no content stream is parsed or rewritten."""
    import io

    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    for nomor, path in enumerate(berkas):
        writer.append(path)
        if nomor == 0:
            metadata = PdfReader(path).metadata
            if metadata:
                writer.add_metadata(dict(metadata))
    halaman_margin = PdfReader(margin).pages
    if len(halaman_margin) != len(writer.pages):
        raise ValueError("render_pdf_bagian: jumlah halaman margin tidak sama")

    def aliran(data: bytes):
        s = DecodedStreamObject()
        s.set_data(data)
        return writer._add_object(s)

    simpan, pulihkan = aliran(b"q\n"), aliran(b"\nQ\n")
    for page, atas in zip(writer.pages, halaman_margin, strict=True):
        form = DecodedStreamObject()
        form.set_data(atas.get_contents().get_data())
        form[NameObject("/Type")] = NameObject("/XObject")
        form[NameObject("/Subtype")] = NameObject("/Form")
        form[NameObject("/BBox")] = atas.mediabox
        form[NameObject("/Resources")] = atas["/Resources"].clone(writer)
        sumber = DictionaryObject(page.get("/Resources", DictionaryObject()).get_object())
        xobject = DictionaryObject(sumber.get("/XObject", DictionaryObject()).get_object())
        xobject[NameObject("/HalamanMargin")] = writer._add_object(form)
        sumber[NameObject("/XObject")] = xobject
        page[NameObject("/Resources")] = sumber
        isi = page["/Contents"].get_object()
        isi = list(isi) if isinstance(isi, ArrayObject) else [page.raw_get("/Contents")]
        page[NameObject("/Contents")] = ArrayObject(
            [simpan, *isi, pulihkan, aliran(b"q /HalamanMargin Do Q\n")]
        )
    keluar = io.BytesIO()
    writer.write(keluar)
    return keluar.getvalue()


def pdf_response(html: str, filename: str) -> HttpResponse:
    """The PDF of an HTML document, shown inline in the browser under ``filename``."""
    return pdf_bytes_response(render_pdf(html), filename)


def pdf_bytes_response(pdf: bytes, filename: str) -> HttpResponse:
    """A PDF already rendered (e.g. by render_pdf_bagian), shown inline under ``filename``."""
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
