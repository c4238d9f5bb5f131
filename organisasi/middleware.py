"""Request plumbing shared by every app."""

from django.http import Http404


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
