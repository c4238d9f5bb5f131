"""Imports of the flat resources (pegawai, units, an instansi's own catalogue rows) from a
spreadsheet an Admin Instansi uploaded. Every row is validated first; when any row fails nothing
is written, and a dry run writes nothing either: it is the preview the user confirms."""

from collections import Counter
from dataclasses import dataclass, field

import tablib
from django.db import transaction
from django.utils.translation import gettext
from import_export.results import RowResult

from organisasi.models import Instansi
from organisasi.resources import InstansiResource, PegawaiResource, UnitResource
from organisasi.spreadsheets import BerkasTidakSah

AKSI = {
    RowResult.IMPORT_TYPE_NEW: "baru",
    RowResult.IMPORT_TYPE_UPDATE: "diperbarui",
    RowResult.IMPORT_TYPE_SKIP: "tetap",
}


@dataclass
class BarisImpor:
    nomor: int  # the row in the file (its headers are row 1)
    aksi: str  # "baru", "diperbarui", "tetap" or "galat"
    label: str
    pesan: list[str] = field(default_factory=list)


@dataclass
class HasilImpor:
    baris: list[BarisImpor]
    galat_umum: list[str]
    ditulis: bool = False

    @property
    def jumlah(self) -> Counter:
        return Counter(b.aksi for b in self.baris)

    @property
    def ada_galat(self) -> bool:
        return bool(self.galat_umum) or any(b.aksi == "galat" for b in self.baris)

    @property
    def ada_perubahan(self) -> bool:
        return any(b.aksi in ("baru", "diperbarui") for b in self.baris)


def pegawai_import(*, instansi: Instansi, dataset: tablib.Dataset, dry_run: bool) -> HasilImpor:
    """Adds and updates the instansi's pegawai from the rows, matched by NIP within it."""
    return resource_import(PegawaiResource(instansi=instansi), dataset, dry_run=dry_run)


def unit_import(*, instansi: Instansi, dataset: tablib.Dataset, dry_run: bool) -> HasilImpor:
    """Adds and updates the instansi's units, matched by (unit induk, nama)."""
    return resource_import(UnitResource(instansi=instansi), dataset, dry_run=dry_run)


@transaction.atomic
def resource_import(
    resource: InstansiResource, dataset: tablib.Dataset, *, dry_run: bool
) -> HasilImpor:
    """Checks every row of `dataset` with `resource` and, unless a dry run or any row fails,
    writes them, all in one transaction."""
    dataset = _dengan_judul_baku(resource, dataset)
    result = resource.import_data(
        dataset,
        dry_run=dry_run,
        raise_errors=False,
        use_transactions=True,
        rollback_on_validation_errors=True,
    )
    hasil = _ringkas(resource, dataset, result)
    if dry_run or hasil.ada_galat:
        transaction.set_rollback(True)
    else:
        hasil.ditulis = True
    return hasil


def _dengan_judul_baku(resource: InstansiResource, dataset: tablib.Dataset) -> tablib.Dataset:
    """The dataset with its headers spelt as the resource's columns (case and spacing aside);
    an unknown or repeated column, or a missing key column, refuses the whole file."""
    kolom = resource.kolom()
    baku = {" ".join(k.split()).casefold(): k for k, _ in kolom}
    judul, asing = [], []
    for h in dataset.headers:
        k = baku.get(" ".join(str(h or "").split()).casefold())
        if k is None:
            asing.append(str(h))
        judul.append(k)
    if asing:
        raise BerkasTidakSah(
            gettext("Kolom tidak dikenal: %(asing)s. Kolom yang dipakai: %(dipakai)s.")
            % {"asing": ", ".join(asing), "dipakai": ", ".join(k for k, _ in kolom)}
        )
    ganda = sorted({k for k in judul if judul.count(k) > 1})
    if ganda:
        raise BerkasTidakSah(
            gettext("Kolom %(kolom)s muncul lebih dari sekali.") % {"kolom": ", ".join(ganda)}
        )
    kurang = [k for k, wajib in kolom if wajib and k not in judul]
    if kurang:
        raise BerkasTidakSah(
            gettext("Kolom wajib tidak ada: %(kolom)s.") % {"kolom": ", ".join(kurang)}
        )
    return tablib.Dataset(*dataset, headers=judul, title=dataset.title)


def _ringkas(resource: InstansiResource, dataset: tablib.Dataset, result) -> HasilImpor:
    galat_umum = [str(e.error) for e in result.base_errors]
    baris = []
    for indeks, (row_result, nilai) in enumerate(zip(result.rows, dataset, strict=True), start=1):
        if indeks in resource.baris_kosong:
            continue
        row = dict(zip(dataset.headers, nilai, strict=True))
        b = BarisImpor(
            nomor=indeks + 1,
            aksi=AKSI.get(row_result.import_type, "galat"),
            label=resource.label_baris(row),
        )
        if row_result.validation_error is not None:
            b.pesan = resource.pesan_galat(row_result.validation_error)
        elif row_result.errors:
            b.pesan = [_pesan(e.error) for e in row_result.errors]
        elif b.aksi == "diperbarui":
            berubah = [
                f.column_name
                for f in resource.get_import_fields()
                if f.column_name in row
                and f.get_value(row_result.original) != f.get_value(row_result.instance)
            ]
            b.pesan = [gettext("Berubah: %(kolom)s.") % {"kolom": ", ".join(berubah)}]
        baris.append(b)
    return HasilImpor(baris=baris, galat_umum=galat_umum)


def _pesan(error: Exception) -> str:
    if isinstance(error, ValueError):
        return str(error)
    return gettext("Baris ini tidak dapat disimpan (%(galat)s).") % {"galat": type(error).__name__}
