"""Tim kerja and penugasan under seed 003 (Peraturan Bupati Banjar Nomor 39 Tahun 2024 tentang
Sistem Kerja, Pasal 9–14 and Lampiran II).

Three layers in one place, because the rules are small and belong together:

- rules: pure functions over plain values (dates, codes, numbers), returning messages in
  Indonesian; no ORM inside them;
- reads: `tim_for_user` and the `get_…_for_user` helpers, the only way views reach teams;
- writes: `tim_simpan`, `penugasan_simpan`, `penugasan_hapus`, `tim_hapus`, `aturan_simpan`,
  keyword-only and atomic, which gather the plain values, run every rule and raise one
  ValidationError listing every broken rule before anything is written.

Definitions used throughout:

- *perangkat daerah* of a unit: its top-level ancestor in the instansi's tree (the unit
  itself when it has no parent). Seed 003 speaks of the "Unit Organisasi pemilik kinerja"
  (Pasal 1 angka 21: a unit led by a JPT Pratama, administrator … — in a Pemda the
  perangkat daerah); its bidang and sub-bagian are "Unit Kerja" inside it (angka 22). So
  a member whose unit lies in the same perangkat daerah as the team's owning unit is
  *dalam unit*; another perangkat daerah of the same instansi is *lintas unit*; someone
  from another instansi (recorded by name, or a pegawai row of another instansi) is
  *lintas instansi*.
- a team's *lingkup* is the widest origin among its members (dalam unit < lintas unit <
  lintas instansi); it chooses the instrument (Pasal 14).
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from kinerja.models import AturanSistemKerja, Lingkup, Penugasan, TimKerja
from organisasi.formatting import angka_ringkas, tanggal
from organisasi.models import PangkatGolongan, Pegawai, PredikatKinerja, UnitOrganisasi
from organisasi.nip import normalisasi_nip
from organisasi.selectors import units_for_user

# --------------------------------------------------------------------------------------------
# Rules (pure)
# --------------------------------------------------------------------------------------------

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


def tambah_bulan(tanggal_awal: dt.date, n: int) -> dt.date:
    """The same day n months later, clamped to the month's last day (31 Jan + 1 → 28/29 Feb)."""
    indeks = tanggal_awal.year * 12 + tanggal_awal.month - 1 + n
    tahun, bulan = divmod(indeks, 12)
    bulan += 1
    akhir_bulan = (dt.date(tahun + bulan // 12, bulan % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(tahun, bulan, min(tanggal_awal.day, akhir_bulan))


def jumlah_bulan(mulai: dt.date, selesai: dt.date) -> int:
    """The length of an assignment in months, both dates inclusive, a started month counting
    as a whole one (the limits of Pasal 9 ayat (4)–(5) are "paling lama … bulan").

    The assignment ends at the start of the day after `selesai`; the answer is the least n for
    which `mulai` + n months reaches that day. So 1 Jan–31 Dec is 12, 1 Mar–31 Aug is 6,
    1 Mar–1 Sep is 7, 15 Jan–14 Feb is 1 and a single day is 1. A month from a day the next
    month lacks ends on that month's last day: 31 Jan + 1 month is 29 Feb 2024, so 31 Jan–
    28 Feb is 1 month and 31 Jan–29 Feb is 2.
    """
    if selesai < mulai:
        raise ValueError("selesai sebelum mulai")
    akhir = selesai + dt.timedelta(days=1)
    n = (akhir.year - mulai.year) * 12 + akhir.month - mulai.month
    return n + 1 if tambah_bulan(mulai, n) < akhir else n


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


# --------------------------------------------------------------------------------------------
# Reads
# --------------------------------------------------------------------------------------------


def tim_for_user(user) -> QuerySet[TimKerja]:
    """Teams whose owning unit the user may see (organisasi.selectors.units_for_user)."""
    return TimKerja.objects.filter(unit__in=units_for_user(user))


def get_tim_for_user(user, pk) -> TimKerja:
    return get_object_or_404(
        tim_for_user(user).select_related("unit", "instansi", "indikator__indikator"), pk=pk
    )


def get_penugasan_for_user(user, pk) -> Penugasan:
    return get_object_or_404(
        Penugasan.objects.filter(tim__in=tim_for_user(user)).select_related(
            "tim__unit", "tim__instansi", "pegawai"
        ),
        pk=pk,
    )


def perangkat_daerah(unit: UnitOrganisasi) -> UnitOrganisasi:
    """The top-level unit above (or equal to) `unit`."""
    if unit.parent_id is None:
        return unit
    return UnitOrganisasi.objects.ancestors(unit).first()


def _pd_per_unit(instansi_id: int, unit_ids: set[int]) -> dict[int, int]:
    """unit pk → pk of its perangkat daerah, for many units in one query."""
    if not unit_ids:
        return {}
    nodes = (
        UnitOrganisasi.objects.with_tree_fields()
        .tree_filter(instansi_id=instansi_id)
        .filter(pk__in=unit_ids)
    )
    return {n.pk: n.tree_path[0] for n in nodes}


def anggota_tim(tim: TimKerja) -> list[Penugasan]:
    """The members, ketua first, each with `.asal` and `.bulan` set for display."""
    anggota = list(
        tim.penugasan.select_related(
            "pegawai__unit", "pegawai__jabatan", "pegawai__golongan", "pegawai__instansi"
        )
    )
    pd_pemilik = perangkat_daerah(tim.unit)
    _tandai_asal(tim, pd_pemilik, anggota)
    for p in anggota:
        p.bulan = jumlah_bulan(p.mulai, p.selesai)
    return anggota


def _tandai_asal(tim: TimKerja, pd_pemilik: UnitOrganisasi, anggota: list[Penugasan]) -> None:
    unit_ids = {
        p.pegawai.unit_id
        for p in anggota
        if p.pegawai_id and p.pegawai.unit_id and p.pegawai.instansi_id == tim.instansi_id
    }
    pd = _pd_per_unit(tim.instansi_id, unit_ids)
    for p in anggota:
        p.asal = asal_anggota(
            luar=p.luar,
            instansi_anggota_id=p.pegawai.instansi_id if p.pegawai_id else None,
            instansi_tim_id=tim.instansi_id,
            pd_anggota_id=pd.get(p.pegawai.unit_id) if p.pegawai_id else None,
            pd_pemilik_id=pd_pemilik.pk,
        )


# --------------------------------------------------------------------------------------------
# Writes
# --------------------------------------------------------------------------------------------


def syarat_ketua_dari(aturan: AturanSistemKerja) -> SyaratKetua:
    golongan = PangkatGolongan.objects.filter(
        jenis_asn=PangkatGolongan.JenisAsn.PNS, kode=aturan.ketua_golongan_minimal
    ).first()
    if golongan is None:
        raise ValidationError(
            f"Golongan minimal ketua tim ({aturan.ketua_golongan_minimal}) tidak dikenal; "
            "perbaiki aturan sistem kerja instansi."
        )
    return SyaratKetua(
        pendidikan=aturan.ketua_pendidikan_minimal,
        golongan_urutan=golongan.urutan,
        golongan_label=str(golongan),
        predikat=aturan.ketua_predikat_minimal,
        pengalaman_tahun=Decimal(aturan.ketua_pengalaman_tahun),
    )


def syarat_ketua_pegawai(pegawai: Pegawai, syarat: SyaratKetua) -> list[str]:
    """The requirements of Pasal 9 ayat (6) a pegawai does not meet (empty: qualified)."""
    gol = pegawai.golongan
    pns = gol is not None and gol.jenis_asn == PangkatGolongan.JenisAsn.PNS
    if gol is None:
        golongan_teks = ""
    elif pns:
        golongan_teks = str(gol)
    else:
        golongan_teks = f"PPPK golongan {gol.kode}, tanpa pangkat"
    return syarat_ketua_belum_terpenuhi(
        pendidikan=pegawai.pendidikan,
        golongan_urutan=gol.urutan if pns else None,
        golongan_teks=golongan_teks,
        predikat=pegawai.predikat_kinerja,
        pengalaman_tahun=pegawai.pengalaman_bidang_tahun,
        syarat=syarat,
    )


def _kunci_orang(p: Penugasan) -> tuple:
    """Who an assignment is for: the pegawai row, or an outside person's NIP (or name)."""
    if p.pegawai_id:
        return ("pegawai", p.pegawai_id)
    if p.nip_luar:
        return ("nip", normalisasi_nip(p.nip_luar))
    return ("nama", p.nama_luar.strip().lower(), p.instansi_luar.strip().lower())


def _pelanggaran_tim(
    tim: TimKerja, anggota: list[Penugasan], aturan: AturanSistemKerja
) -> tuple[str, list[str]]:
    """Every rule that concerns the team as a whole, for the members as they would be saved.
    Returns the team's lingkup and the messages."""
    pesan = []
    pd_pemilik = perangkat_daerah(tim.unit)
    for p in anggota:
        if p.luar and not (p.nama_luar.strip() and p.instansi_luar.strip()):
            pesan.append("Anggota dari instansi lain perlu nama dan instansi asalnya.")
        if p.pegawai_id and p.pegawai.instansi_id == tim.instansi_id and p.pegawai.unit_id is None:
            pesan.append(
                f"{p.nama_singkat} belum memiliki unit kerja; "
                "lengkapi data pegawainya lebih dahulu."
            )
    if pesan:
        return tim.lingkup, pesan
    _tandai_asal(tim, pd_pemilik, anggota)
    lingkup = lingkup_tim(p.asal for p in anggota)

    terlihat: dict[tuple, str] = {}
    for p in anggota:
        kunci = _kunci_orang(p)
        if kunci in terlihat:
            pesan.append(f"{p.nama_singkat} sudah menjadi anggota tim ini.")
        terlihat[kunci] = p.nama_singkat
        if p.selesai < p.mulai:
            pesan.append(f"Masa penugasan {p.nama_singkat} berakhir sebelum dimulai.")
            continue
        if p.mulai < tim.mulai or p.selesai > tim.selesai:
            pesan.append(
                f"Masa penugasan {p.nama_singkat} ({tanggal(p.mulai)}–{tanggal(p.selesai)}) "
                f"harus berada dalam masa tim ({tanggal(tim.mulai)}–{tanggal(tim.selesai)})."
            )
        galat = pelanggaran_durasi(
            nama=p.nama_singkat,
            asal=p.asal,
            bulan=jumlah_bulan(p.mulai, p.selesai),
            maks_dalam_unit=aturan.maks_bulan_dalam_unit,
            maks_lintas=aturan.maks_bulan_lintas,
        )
        if galat:
            pesan.append(galat)
        if p.asal == Lingkup.LINTAS_INSTANSI and p.jenis == Penugasan.Jenis.PENGAJUAN_SUKARELA:
            # Lampiran II huruf B angka 2: voluntary application only within the instansi.
            pesan.append(
                f"Pengajuan sukarela hanya untuk pegawai instansi ini; {p.nama_singkat} dari "
                "instansi lain ditugaskan melalui penunjukan."
            )

    ketua = [p for p in anggota if p.kedudukan == Penugasan.Kedudukan.KETUA]
    if len(ketua) > 1:
        pesan.append(
            "Tim hanya memiliki satu ketua; "
            + " dan ".join(p.nama_singkat for p in ketua)
            + " sama-sama dicatat sebagai ketua."
        )
    elif ketua and lingkup != Lingkup.DALAM_UNIT:
        # Pasal 9 ayat (3) and (6): the ketua of a cross-unit or cross-agency team.
        k = ketua[0]
        if k.asal != Lingkup.DALAM_UNIT:
            pesan.append(
                f"Ketua tim {SEBUTAN_LINGKUP[lingkup]} harus dari unit pemilik "
                f"({pd_pemilik.nama}); {k.nama_singkat} berasal dari luar unit itu."
            )
        else:
            belum = syarat_ketua_pegawai(k.pegawai, syarat_ketua_dari(aturan))
            if belum:
                pesan.append(
                    f"Ketua tim belum memenuhi syarat ({k.nama_singkat}): " + "; ".join(belum) + "."
                )
    return lingkup, pesan


def _pelanggaran_jumlah(p: Penugasan, aturan: AturanSistemKerja) -> list[str]:
    """The yearly count of one person's assignments over every team, this one excluded."""
    if p.selesai < p.mulai:
        return []
    kunci = _kunci_orang(p)
    if kunci[0] == "pegawai":
        qs = Penugasan.objects.filter(pegawai_id=p.pegawai_id)
    elif kunci[0] == "nip":
        qs = Penugasan.objects.filter(pegawai__isnull=True, nip_luar=kunci[1])
    else:
        return []  # an outside person without a NIP cannot be recognised across teams
    if p.pk:
        qs = qs.exclude(pk=p.pk)
    sudah = {
        tahun: qs.filter(mulai__lte=dt.date(tahun, 12, 31), selesai__gte=dt.date(tahun, 1, 1))
        .only("pk")
        .count()
        for tahun in tahun_dilalui(p.mulai, p.selesai)
    }
    return pelanggaran_jumlah(
        nama=p.nama_singkat, sudah_per_tahun=sudah, maks=aturan.maks_penugasan_per_tahun
    )


def _pelanggaran_indikator(tim: TimKerja) -> list[str]:
    if tim.indikator_id is None:
        return []
    unit_renstra = tim.indikator.perjanjian.renstra.unit
    if unit_renstra.instansi_id != tim.instansi_id or (
        perangkat_daerah(unit_renstra).pk != perangkat_daerah(tim.unit).pk
    ):
        return [
            "Indikator harus dari Perjanjian Kinerja perangkat daerah pemilik tim "
            f"({perangkat_daerah(tim.unit).nama})."
        ]
    return []


@transaction.atomic
def tim_simpan(*, tim: TimKerja, **fields) -> TimKerja:
    """Creates or updates a team and re-checks every member: a new owning unit changes where
    members come from, a new period moves the members whose dates followed the team's.

    Raises ValidationError listing every broken rule; nothing is written then."""
    for name, value in fields.items():
        setattr(tim, name, value)
    tim.instansi_id = tim.unit.instansi_id
    tim.full_clean()
    if tim.selesai < tim.mulai:
        raise ValidationError({"selesai": "Tanggal selesai tim sebelum tanggal mulainya."})
    pesan = []
    if not tim.target.strip() and tim.indikator_id is None:
        pesan.append("Isi target kinerja tim atau pilih indikator Perjanjian Kinerja.")
    pesan += _pelanggaran_indikator(tim)

    anggota: list[Penugasan] = []
    berubah: list[Penugasan] = []
    if tim.pk:
        lama = TimKerja.objects.select_for_update().get(pk=tim.pk)
        anggota = list(tim.penugasan.select_related("pegawai__golongan"))
        for p in anggota:
            geser = False
            if p.mulai == lama.mulai and tim.mulai != lama.mulai:
                p.mulai, geser = tim.mulai, True
            if p.selesai == lama.selesai and tim.selesai != lama.selesai:
                p.selesai, geser = tim.selesai, True
            if geser:
                berubah.append(p)
    aturan = AturanSistemKerja.untuk(tim.instansi_id)
    lingkup, pesan_tim = _pelanggaran_tim(tim, anggota, aturan)
    pesan += pesan_tim
    for p in berubah:
        pesan += _pelanggaran_jumlah(p, aturan)
    if pesan:
        raise ValidationError(pesan)
    tim.lingkup = lingkup
    tim.save()
    for p in berubah:
        p.save(update_fields=["mulai", "selesai"])
    return tim


@transaction.atomic
def penugasan_simpan(*, penugasan: Penugasan, **fields) -> Penugasan:
    """Adds a member to a team, or changes an assignment, if every rule of seed 003 still
    holds for the person (yearly count, length) and for the team (its ketua).

    Without dates the assignment takes the team's period."""
    for name, value in fields.items():
        setattr(penugasan, name, value)
    tim = TimKerja.objects.select_for_update().select_related("unit").get(pk=penugasan.tim_id)
    penugasan.tim = tim
    penugasan.mulai = penugasan.mulai or tim.mulai
    penugasan.selesai = penugasan.selesai or tim.selesai
    if penugasan.pegawai_id:
        # Serialises two requests assigning the same person (the yearly count).
        list(Pegawai.objects.select_for_update().filter(pk=penugasan.pegawai_id).values("pk"))
        for name in ("nama_luar", "nip_luar", "instansi_luar", "unit_luar", "jabatan_luar"):
            setattr(penugasan, name, "")
    else:
        penugasan.nip_luar = normalisasi_nip(penugasan.nip_luar)

    anggota = [p for p in tim.penugasan.select_related("pegawai__golongan") if p.pk != penugasan.pk]
    anggota.append(penugasan)
    aturan = AturanSistemKerja.untuk(tim.instansi_id)
    lingkup, pesan = _pelanggaran_tim(tim, anggota, aturan)
    pesan += _pelanggaran_jumlah(penugasan, aturan)
    if pesan:
        raise ValidationError(pesan)
    penugasan.full_clean()
    penugasan.save()
    _simpan_lingkup(tim, lingkup)
    return penugasan


@transaction.atomic
def penugasan_hapus(*, penugasan: Penugasan) -> None:
    """Removes a member; the team's lingkup may narrow (no rule can break by removing)."""
    tim = TimKerja.objects.select_for_update().select_related("unit").get(pk=penugasan.tim_id)
    penugasan.delete()
    anggota = list(tim.penugasan.select_related("pegawai"))
    _tandai_asal(tim, perangkat_daerah(tim.unit), anggota)
    _simpan_lingkup(tim, lingkup_tim(p.asal for p in anggota))


@transaction.atomic
def tim_hapus(*, tim: TimKerja) -> None:
    tim.delete()


@transaction.atomic
def aturan_simpan(*, aturan: AturanSistemKerja, **fields) -> AturanSistemKerja:
    """Saves an instansi's rule values; they apply to teams and assignments saved from now on."""
    for name, value in fields.items():
        setattr(aturan, name, value)
    aturan.full_clean()
    syarat_ketua_dari(aturan)
    aturan.save()
    return aturan


def _simpan_lingkup(tim: TimKerja, lingkup: str) -> None:
    if tim.lingkup != lingkup:
        tim.lingkup = lingkup
        tim.save(update_fields=["lingkup"])
