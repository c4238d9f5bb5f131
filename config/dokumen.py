"""Document plumbing every app may import: HTML → A4 PDF with WeasyPrint and the HTTP
response that shows it. The page CSS every document shares is templates/dokumen/. Nothing here
knows a domain model; each app's documents.py builds its own HTML."""

import logging
import re

from django.conf import settings
from django.http import HttpResponse


def render_pdf(html: str) -> bytes:
    """HTML → A4 PDF with WeasyPrint (static files resolved from the project). Every PDF of
    the app is rendered here, loading only what LocalOnlyFetcher allows."""
    from weasyprint import HTML

    from config.pdf_fetcher import LocalOnlyFetcher

    return HTML(
        string=html, base_url=str(settings.BASE_DIR), url_fetcher=LocalOnlyFetcher()
    ).write_pdf()


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


def render_pdf_dengan_halaman(html: str, per_halaman=None) -> bytes:
    """render_pdf, telling `per_halaman(n)` as WeasyPrint lays out page n."""
    if per_halaman is None:
        return render_pdf(html)
    logger = logging.getLogger("weasyprint.progress")
    handler = _HitungHalaman(per_halaman)
    level, propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False  # the steps go to the progress bar, not to the log
    try:
        return render_pdf(html)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


def pdf_response(html: str, filename: str) -> HttpResponse:
    """The PDF of an HTML document, shown inline in the browser under ``filename``."""
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
