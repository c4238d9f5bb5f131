"""The instansi's own catalogue rows on organisasi's Unduh/Unggah screens: registered from
AnjabConfig.ready, so organisasi never imports anjab."""

from django.urls import reverse_lazy

from anjab.katalog import KATALOG
from anjab.resources import RESOURCE_KATALOG
from anjab.selectors import katalog_milik_for_user
from organisasi.models import Instansi
from organisasi.services_pertukaran import HasilImpor, resource_import
from organisasi.views_pertukaran import Sumber, daftarkan_sumber


def katalog_import(*, model, instansi: Instansi, dataset, dry_run: bool) -> HasilImpor:
    """Adds and updates the instansi's own rows of one catalogue (never the national rows)."""
    return resource_import(RESOURCE_KATALOG[model](instansi=instansi), dataset, dry_run=dry_run)


def _sumber_katalog(slug, model) -> Sumber:
    return Sumber(
        judul=model._meta.verbose_name_plural,
        kembali=reverse_lazy("anjab:katalog_daftar", args=[slug]),
        resource=RESOURCE_KATALOG[model],
        # Only the instansi's own rows: the national ones are the regulation's.
        baris=lambda user: katalog_milik_for_user(model, user),
        impor=lambda **kw: katalog_import(model=model, **kw),
    )


def daftarkan() -> None:
    for slug, (model, _) in KATALOG.items():
        daftarkan_sumber(slug, _sumber_katalog(slug, model))
