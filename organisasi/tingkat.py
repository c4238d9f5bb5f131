"""Where each kind of unit may stand in the tree (issue 14 item 11), as data
(fixtures/induk_unit.json): a Seksi under a Bidang, UPTD or Sekretariat (or directly under a
Kantor or Kecamatan that has no Bidang), a Bidang only under a perangkat daerah, a perangkat
daerah only at the top of its instansi. Applied when a user adds, changes or moves a unit;
imported trees are read as they come."""

from functools import cache

from django.core.exceptions import ValidationError

from organisasi.models import UnitOrganisasi
from organisasi.reference import baca_fixture


@cache
def induk_boleh() -> dict[str, frozenset[str | None]]:
    """unit kind → the kinds of parent it may have (None: the top of the instansi)."""
    return {
        jenis: frozenset(daftar)
        for jenis, daftar in baca_fixture("induk_unit.json")["induk"].items()
    }


def _nama(jenis: str | None) -> str:
    if jenis is None:
        return "tingkat teratas instansi"
    return UnitOrganisasi.Jenis(jenis).label


def boleh_di_bawah(jenis: str, induk: UnitOrganisasi | None) -> bool:
    boleh = induk_boleh().get(jenis)
    return boleh is None or (induk.jenis if induk else None) in boleh


def pesan(jenis: str) -> str:
    boleh = sorted(induk_boleh()[jenis], key=lambda j: (j is None, j or ""))
    daftar = [_nama(j) for j in boleh]
    teks = daftar[0] if len(daftar) == 1 else ", ".join(daftar[:-1]) + " atau " + daftar[-1]
    return f"{_nama(jenis)} hanya dapat berada di bawah {teks}."


def periksa(jenis: str, induk: UnitOrganisasi | None, anak_jenis=()) -> None:
    """Raises ValidationError when a unit of `jenis` may not stand under `induk`, or when a
    sub-unit it keeps (of the kinds `anak_jenis`) may not stand under it."""
    if not boleh_di_bawah(jenis, induk):
        raise ValidationError({"parent": pesan(jenis)})
    for anak in set(anak_jenis):
        boleh = induk_boleh().get(anak)
        if boleh is not None and jenis not in boleh:
            raise ValidationError(
                {
                    "jenis": f"Unit ini mempunyai sub-unit {_nama(anak)}; "
                    + pesan(anak)[0].lower()
                    + pesan(anak)[1:]
                }
            )
