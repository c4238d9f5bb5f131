"""The rules of tim kerja and penugasan (seed 003, Peraturan Bupati Banjar Nomor 39 Tahun 2024
tentang Sistem Kerja, Pasal 9–14): pure functions over plain values (dates, codes, numbers)
returning messages in Indonesian; no ORM inside them. See kinerja/sistem_kerja/__init__.py for
the definitions (perangkat daerah, lingkup)."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from kinerja.sistem_kerja.models import Lingkup
from organisasi.formatting import angka_ringkas
from organisasi.models import PredikatKinerja
from organisasi.nip import normalisasi_nip

# D-IV and S-1 are the same level (seed 003 Pasal 9 ayat (6) huruf a: "S1/D4 atau sederajat").
URUTAN_PENDIDIKAN = {
    "SD": 1,
    "SLTP": 2,
    "SLTA": 3,
    "D-I": 4,
    "D-II": 5,
    "D-III": 6,
    "D-IV": 7,
    "S-1": 7,
    "S-2": 8,
    "S-3": 9,
}
URUTAN_PREDIKAT = {
    PredikatKinerja.SANGAT_KURANG: 1,
    PredikatKinerja.KURANG: 2,
    PredikatKinerja.BUTUH_PERBAIKAN: 3,
    PredikatKinerja.BAIK: 4,
    PredikatKinerja.SANGAT_BAIK: 5,
}
URUTAN_LINGKUP = {Lingkup.DALAM_UNIT: 1, Lingkup.LINTAS_UNIT: 2, Lingkup.LINTAS_INSTANSI: 3}
SEBUTAN_LINGKUP = {
    Lingkup.DALAM_UNIT: "dalam unit",
    Lingkup.LINTAS_UNIT: "lintas unit",
    Lingkup.LINTAS_INSTANSI: "lintas instansi",
}


def label_pendidikan(kode: str) -> str:
    """ "S-1" → "S-1/D-IV": the level, as the regulation names it."""
    return "S-1/D-IV" if kode in ("S-1", "D-IV") else kode


def jumlah_bulan(mulai: dt.date, selesai: dt.date) -> int:
    """The length of an assignment in months, both dates inclusive, a started month counting
    as a whole one (the limits of Pasal 9 ayat (4)–(5) are "paling lama … bulan").

    The assignment ends at the start of the day after `selesai`; the answer is the least n for
    which `mulai` + n months reaches that day. So 1 Jan–31 Dec is 12, 1 Mar–31 Aug is 6,
    1 Mar–1 Sep is 7, 15 Jan–14 Feb is 1 and a single day is 1. A month from a day the next
    month lacks ends on that month's last day (relativedelta clamps): 31 Jan + 1 month is
    29 Feb 2024, so 31 Jan–28 Feb is 1 month and 31 Jan–29 Feb is 2.
    """
    if selesai < mulai:
        raise ValueError("selesai sebelum mulai")
    selisih = relativedelta(selesai + dt.timedelta(days=1), mulai)
    bulan = selisih.years * 12 + selisih.months
    return bulan + 1 if selisih.days else bulan


def kunci_orang(p) -> tuple:
    """Who a Penugasan is for: the pegawai row, or an outside person's NIP (or name), so the
    same person is recognised twice in a team and across teams."""
    if p.pegawai_id:
        return ("pegawai", p.pegawai_id)
    if p.nip_luar:
        return ("nip", normalisasi_nip(p.nip_luar))
    return ("nama", p.nama_luar.strip().lower(), p.instansi_luar.strip().lower())


def tahun_dilalui(mulai: dt.date, selesai: dt.date) -> list[int]:
    """The calendar years an assignment touches: each counts it once."""
    return list(range(mulai.year, selesai.year + 1))


def asal_anggota(
    *,
    luar: bool,
    instansi_anggota_id: int | None,
    instansi_tim_id: int,
    pd_anggota_id: int | None,
    pd_pemilik_id: int,
) -> str:
    """Where one member comes from relative to the team's owning perangkat daerah."""
    if luar or instansi_anggota_id != instansi_tim_id:
        return Lingkup.LINTAS_INSTANSI
    return Lingkup.DALAM_UNIT if pd_anggota_id == pd_pemilik_id else Lingkup.LINTAS_UNIT


def lingkup_tim(asal: Iterable[str]) -> str:
    """The widest origin among the members; a team without members is dalam unit."""
    return max(asal, key=URUTAN_LINGKUP.__getitem__, default=Lingkup.DALAM_UNIT)


def pelanggaran_durasi(
    *, nama: str, asal: str, bulan: int, maks_dalam_unit: int, maks_lintas: int
) -> str | None:
    """Pasal 9 ayat (4): within the unit at most 12 months per assignment; ayat (5): members
    from another unit or instansi at most 6."""
    if asal == Lingkup.DALAM_UNIT:
        if bulan > maks_dalam_unit:
            return (
                f"Penugasan dalam unit paling lama {maks_dalam_unit} bulan; "
                f"{nama} ditugaskan {bulan} bulan."
            )
        return None
    if bulan > maks_lintas:
        return (
            f"Penugasan {SEBUTAN_LINGKUP[asal]} paling lama {maks_lintas} bulan; "
            f"{nama} ditugaskan {bulan} bulan."
        )
    return None


def pelanggaran_jumlah(*, nama: str, sudah_per_tahun: dict[int, int], maks: int) -> list[str]:
    """Pasal 9 ayat (4)–(5): at most 3 assignments; counted per calendar year over every team.

    `sudah_per_tahun` maps each year the new assignment touches to the person's other
    assignments touching that year."""
    return [
        f"{nama} sudah {n} kali ditugaskan pada {tahun} (paling banyak {maks})."
        for tahun, n in sorted(sudah_per_tahun.items())
        if n + 1 > maks
    ]


@dataclass(frozen=True)
class SyaratKetua:
    """The minimum a ketua tim of a cross-unit team must meet (Pasal 9 ayat (6))."""

    pendidikan: str = "S-1"
    golongan_urutan: int = 9
    golongan_label: str = "Penata Muda (III/a)"
    predikat: str = PredikatKinerja.BAIK
    pengalaman_tahun: Decimal = Decimal(2)


def syarat_ketua_belum_terpenuhi(
    *,
    pendidikan: str,
    golongan_urutan: int | None,
    golongan_teks: str,
    predikat: str,
    pengalaman_tahun: Decimal | None,
    syarat: SyaratKetua,
) -> list[str]:
    """Each unmet requirement, worded for the message. `golongan_urutan` is the PNS rank
    (None for a PPPK, who holds a golongan but no pangkat, or when none is recorded)."""
    belum = []
    tercatat = "belum tercatat"
    if URUTAN_PENDIDIKAN.get(pendidikan, 0) < URUTAN_PENDIDIKAN[syarat.pendidikan]:
        belum.append(
            f"pendidikan minimal {label_pendidikan(syarat.pendidikan)} "
            f"(tercatat: {pendidikan or tercatat})"
        )
    if golongan_urutan is None or golongan_urutan < syarat.golongan_urutan:
        belum.append(
            f"pangkat minimal {syarat.golongan_label} (tercatat: {golongan_teks or tercatat})"
        )
    if URUTAN_PREDIKAT.get(predikat, 0) < URUTAN_PREDIKAT[syarat.predikat]:
        label = PredikatKinerja(predikat).label if predikat else tercatat
        belum.append(
            "predikat kinerja tahun terakhir minimal "
            f"{PredikatKinerja(syarat.predikat).label} (tercatat: {label})"
        )
    if pengalaman_tahun is None or pengalaman_tahun < syarat.pengalaman_tahun:
        teks = (
            f"{angka_ringkas(pengalaman_tahun)} tahun" if pengalaman_tahun is not None else tercatat
        )
        belum.append(
            f"pengalaman di bidang tugas minimal {angka_ringkas(syarat.pengalaman_tahun)} tahun "
            f"(tercatat: {teks})"
        )
    return belum
