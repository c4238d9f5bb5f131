"""Request plumbing shared by every app."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render


class AngkaDiLuarBatasMiddleware:
    """A 20-digit id or year in a URL (`<int:pk>`) names no row: SQLite raises OverflowError
    when asked for it, which must be a 404, not a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OverflowError):
            raise Http404("Tidak ditemukan.") from exception
        return None


# What Django's technical 404 page (DEBUG only) says and the product's own page never does.
TANDA_404_DEBUG = b"this error because you have <code>DEBUG = True</code>"


class HalamanTidakDitemukanMiddleware:
    """The product's own "Halaman tidak ditemukan" page (templates/404.html, with the menu) in
    development too: with DEBUG on, Django answers a 404 with its technical page (the URL
    patterns, the raw message), which a user of `make run` must not meet. Production (DEBUG
    off) renders 404.html through Django's own handler already."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            settings.DEBUG
            and response.status_code == 404
            and not getattr(response, "streaming", False)
            and TANDA_404_DEBUG in response.content
        ):
            return render(request, "404.html", status=404)
        return response
