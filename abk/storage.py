"""Private files: generated decrees and uploaded workbooks.

They hold names and NIPs, so they live outside MEDIA_ROOT (``PRIVATE_MEDIA_ROOT``) where no URL
reaches them, under a random directory so a leaked or guessed path names nothing. A view that
has checked the user's scope sends them with ``serve_private``.
"""

import uuid
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.checks import Error
from django.core.files.storage import FileSystemStorage, storages
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header


class PrivateStorage(FileSystemStorage):
    """A file system storage under PRIVATE_MEDIA_ROOT that has no public URL."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        raise ValueError("Berkas privat tidak mempunyai URL publik; unduh melalui aplikasi.")


def private_storage():
    return storages["privat"]


def _acak(folder: str, filename: str) -> str:
    # The random directory is what makes the path unguessable; the file keeps its readable name.
    return f"{folder}/{uuid.uuid4().hex}/{filename}"


def path_dokumen(instance, filename: str) -> str:
    return _acak("dokumen", filename)


def path_impor(instance, filename: str) -> str:
    return _acak("impor", filename)


def serve_private(
    berkas: FieldFile, *, filename: str, content_type: str, as_attachment: bool = True
) -> HttpResponse:
    """The response sending a private file to a user whose scope the caller has checked.

    With PRIVATE_MEDIA_ACCEL_PREFIX set, nginx sends the bytes (X-Accel-Redirect to an
    ``internal`` location); otherwise Django streams them.
    """
    if not berkas or not berkas.storage.exists(berkas.name):
        raise Http404("Berkas tidak ditemukan.")
    prefix = settings.PRIVATE_MEDIA_ACCEL_PREFIX
    if prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(berkas.name)
    else:
        response = FileResponse(berkas.open("rb"), content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
    patch_cache_control(response, private=True, no_store=True)
    return response


def check_private_root(app_configs=None, **kwargs) -> list[Error]:
    """PRIVATE_MEDIA_ROOT inside a publicly served directory would publish every file."""
    privat = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    errors = []
    for nama in ("MEDIA_ROOT", "STATIC_ROOT"):
        publik = getattr(settings, nama, None)
        if publik and privat.is_relative_to(Path(publik).resolve()):
            errors.append(
                Error(
                    f"PRIVATE_MEDIA_ROOT ({privat}) berada di dalam {nama}, yang dilayani publik.",
                    hint="Pilih direktori di luar MEDIA_ROOT dan STATIC_ROOT.",
                    id="abk.E001",
                )
            )
    return errors
