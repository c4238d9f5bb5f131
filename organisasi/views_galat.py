"""The server-error page with the product's menu (issue 14 item 1)."""

import logging

from django.http import HttpResponseServerError
from django.template import loader

logger = logging.getLogger(__name__)

POLOS = (
    '<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Terjadi kesalahan'
    "</title></head><body><h1>Terjadi kesalahan pada server</h1><p>Silakan coba lagi. Bila "
    'berulang, hubungi admin aplikasi.</p><p><a href="/">Kembali ke beranda</a></p></body></html>'
)


def server_error(request):
    """templates/500.html rendered with the request (the menu, the user's name) where that
    still works; a page that failed may have left the database or a context processor broken,
    so any error here falls back to plain HTML rather than a second failure."""
    try:
        html = loader.get_template("500.html").render({}, request)
    except Exception:  # the error page must answer whatever broke
        logger.exception("Halaman galat 500 tidak dapat disusun; dikirim versi polos.")
        html = POLOS
    return HttpResponseServerError(html)
