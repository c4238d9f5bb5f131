"""Extension points of organisasi's screens for the apps built on it.

Dependencies run organisasi ← anjab ← abk and organisasi ← kinerja, so organisasi never imports
the apps that know positions. Where one of its screens shows something they own — the position an
employee holds, on the pegawai form and in a Surat Tugas's member list — the owning app registers
a provider here from its `AppConfig.ready`, and organisasi (or kinerja) asks through this module.
With nothing registered the screens simply lack that part.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django import forms


@dataclass(frozen=True)
class IsianPegawai:
    """Fields another app adds to the pegawai form.

    `tambah(form, user, pegawai)` adds the fields (scoped to `user`) with their initial values;
    `simpan(pegawai, data)` writes them through that app's service, inside the same transaction
    as the pegawai itself; `data` is the form's cleaned data.
    """

    tambah: Callable[[forms.Form, object, object], None]
    simpan: Callable[[object, dict], None]


_isian_pegawai: list[IsianPegawai] = []
_nama_jabatan: list[Callable[[Iterable[int]], dict[int, str]]] = []
_tugas_kepala: list[Callable[[Iterable[int]], dict[int, tuple[str, list[str]]]]] = []


def daftarkan_isian_pegawai(isian: IsianPegawai) -> None:
    if isian not in _isian_pegawai:
        _isian_pegawai.append(isian)


def daftarkan_nama_jabatan(penyedia: Callable[[Iterable[int]], dict[int, str]]) -> None:
    """`penyedia(pegawai_ids)` answers {pegawai pk: name of the position he holds} in one query."""
    if penyedia not in _nama_jabatan:
        _nama_jabatan.append(penyedia)


def tambah_isian_pegawai(form: forms.Form, *, user, pegawai) -> None:
    for isian in _isian_pegawai:
        isian.tambah(form, user, pegawai)


def simpan_isian_pegawai(*, pegawai, data: dict) -> None:
    for isian in _isian_pegawai:
        isian.simpan(pegawai, data)


def nama_jabatan(pegawai_ids: Iterable[int]) -> dict[int, str]:
    ids = {i for i in pegawai_ids if i}
    hasil: dict[int, str] = {}
    if ids:
        for penyedia in _nama_jabatan:
            hasil.update(penyedia(ids))
    return hasil


def daftarkan_tugas_kepala(
    penyedia: Callable[[Iterable[int]], dict[int, tuple[str, list[str]]]],
) -> None:
    """`penyedia(unit_ids)` answers {unit pk: (its head position's name, its tasks in order)}
    for the units whose head has tasks, in a fixed number of queries (the LAKIP's Bab I C)."""
    if penyedia not in _tugas_kepala:
        _tugas_kepala.append(penyedia)


def tugas_kepala(unit_ids: Iterable[int]) -> dict[int, tuple[str, list[str]]]:
    ids = {i for i in unit_ids if i}
    hasil: dict[int, tuple[str, list[str]]] = {}
    if ids:
        for penyedia in _tugas_kepala:
            hasil.update(penyedia(ids))
    return hasil


_panel_beranda: list[Callable[[object], str]] = []


def daftarkan_panel_beranda(penyedia: Callable[[object], str]) -> None:
    """`penyedia(request)` answers the HTML of a part of the beranda for the request's user
    (its figures scoped like every other read), or "" when it has nothing to show."""
    if penyedia not in _panel_beranda:
        _panel_beranda.append(penyedia)


def panel_beranda(request) -> list[str]:
    return [html for penyedia in _panel_beranda if (html := penyedia(request))]


@dataclass(frozen=True)
class HasilCari:
    """One hit of the global search: its group ("Jabatan"), title, one line more, where it is."""

    kelompok: str
    judul: str
    keterangan: str
    url: str


@dataclass
class KelompokCari:
    judul: str
    hasil: list[HasilCari]
    jumlah: int  # all the hits, of which `hasil` are the first


_pencarian: list[Callable[[object, str], list[KelompokCari]]] = []


def daftarkan_pencarian(penyedia: Callable[[object, str], list[KelompokCari]]) -> None:
    """`penyedia(user, q)` answers its groups of hits for `q` within the user's scope."""
    if penyedia not in _pencarian:
        _pencarian.append(penyedia)


def cari(user, q: str) -> list[KelompokCari]:
    return [k for penyedia in _pencarian for k in penyedia(user, q)]
