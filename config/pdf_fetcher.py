"""What a PDF may load while WeasyPrint lays it out: the app's own static files, the logos, and
data: URIs. Nothing else, so text a user typed can never make the server fetch a URL (an
internal address, a cloud metadata endpoint) or read a file (file:///etc/passwd) into a PDF,
even if it slipped past escaping."""

import logging
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.apps import apps
from django.conf import settings
from django.core.files import File
from weasyprint.urls import URLFetcher

from organisasi.validators import periksa_logo

logger = logging.getLogger(__name__)


class SumberDitolak(ValueError):
    """A resource the PDF asked for that it may not load."""


def akar_logo() -> Path:
    return (Path(settings.MEDIA_ROOT) / "logo").resolve()


def akar_statis() -> list[Path]:
    """STATIC_ROOT, STATICFILES_DIRS and every installed app's static directory."""
    akar = [Path(settings.STATIC_ROOT)] if settings.STATIC_ROOT else []
    for d in settings.STATICFILES_DIRS:
        akar.append(Path(d[1] if isinstance(d, (list, tuple)) else d))
    akar += [Path(app.path) / "static" for app in apps.get_app_configs()]
    return [a.resolve() for a in akar]


def _di_bawah(path: Path, akar: Path) -> bool:
    return path == akar or akar in path.parents


class LocalOnlyFetcher(URLFetcher):
    """WeasyPrint's fetcher restricted to data: URIs and files under the allowed directories;
    everything else raises, which WeasyPrint reports as a resource it could not load."""

    def fetch(self, url, headers=None):
        bagian = urlsplit(url)
        skema = bagian.scheme.lower()
        if skema == "data":
            return super().fetch(url, headers)
        if skema == "file" and bagian.netloc in ("", "localhost"):
            path = Path(url2pathname(bagian.path)).resolve()
            if _di_bawah(path, akar_logo()) and path.is_file():
                self._periksa_logo(path)
                return super().fetch(url, headers)
            if any(_di_bawah(path, a) for a in akar_statis()) and path.is_file():
                return super().fetch(url, headers)
        logger.warning("PDF: sumber ditolak: %s", url[:200])
        raise SumberDitolak(f"Sumber tidak diizinkan dalam PDF: {url[:200]}")

    @staticmethod
    def _periksa_logo(path: Path) -> None:
        # A logo stored before the upload limits existed is left out rather than embedded.
        with path.open("rb") as f:
            pesan = periksa_logo(File(f))
        if pesan:
            logger.warning("PDF: logo dilewati (%s): %s", pesan, path.name)
            raise SumberDitolak(pesan)
