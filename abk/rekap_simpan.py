"""Roll-ups kept in the cache between requests, for as long as the data they were computed
from is unchanged.

A rekap, a peta and the whole-instansi summary are read far more often than the data under
them changes; on a Kabupaten they cost tens to hundreds of milliseconds of CPU each, and under
many users that is what makes everyone wait. They are cached under the data's version number
(abk_versi_data, raised by the database itself when a transaction that wrote a tracked table
commits, see abk/migrations/0010_versi_data.py), so a cached figure is never older than the
committed data: the version is read before the figures are computed, and anything committed
after that raises it.

Nothing is cached — every figure computed afresh — on SQLite, and inside a transaction that
has written tracked rows itself (its own uncommitted changes are not in the version yet).
"""

import hashlib
from pathlib import Path

from django.core.cache import cache
from django.db import connection
from django.utils.translation import get_language

from abk import kualitas, rekap, rekap_muat
from anjab import calculations, selectors

WAKTU_SIMPAN = 600  # seconds: a version nobody asks for again leaves the cache by itself

# Computed figures change with the code that computes them: a deployment starts a new key.
_KODE = hashlib.sha256(
    b"".join(
        Path(m.__file__).read_bytes()
        for m in (rekap, rekap_muat, kualitas, selectors, calculations.beban)
    )
).hexdigest()[:12]


def versi_data() -> int | None:
    """The committed data's version, or None when nothing may be taken from the cache."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nomor, current_setting('abk.versi_ditandai', true) "
            "FROM abk_versi_data WHERE id = 1"
        )
        baris = cursor.fetchone()
    if baris is None or baris[1] == "ya":
        return None
    return baris[0]


def _tersimpan(nama: str, bagian: tuple, hitung):
    versi = versi_data()
    if versi is None:
        return hitung()
    kunci = ":".join(map(str, ("abk", nama, _KODE, versi, get_language(), *bagian)))
    hasil = cache.get(kunci)
    if hasil is None:
        hasil = hitung()
        cache.set(kunci, hasil, WAKTU_SIMPAN)
    return hasil


def rekap_unit(periode, unit, *, periksa: bool = True) -> rekap.Rekap:
    """rekap.hitung_rekap(periode, unit, periksa=…), from the cache while the data holds."""
    return _tersimpan(
        "rekap",
        (periode.pk, unit.pk if unit is not None else "-", int(periksa)),
        lambda: rekap.hitung_rekap(periode, unit, periksa=periksa),
    )


def ringkasan(periode, unit=None) -> rekap.Ringkasan:
    """rekap.hitung_ringkasan(periode, unit), from the cache while the data holds."""
    return _tersimpan(
        "ringkasan",
        (periode.pk, unit.pk if unit is not None else "-"),
        lambda: rekap.hitung_ringkasan(periode, unit),
    )


def temuan_ringkas(periode, unit=None) -> list[tuple[str, int]]:
    """The rekap's findings as (category, position id) only, for the beranda's counts: from the
    cache while the data holds, so a visit does not unpickle every row of the rekap."""
    return _tersimpan(
        "temuan",
        (periode.pk, unit.pk if unit is not None else "-"),
        lambda: [(t.kategori, t.jabatan_id) for t in rekap_unit(periode, unit).temuan],
    )
