"""Writes of tim kerja: keyword-only and atomic; each gathers the plain values, runs every rule
and raises one ValidationError listing every broken rule before anything is written."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from kinerja.sistem_kerja.models import AturanSistemKerja, Lingkup, Penugasan, TimKerja
from kinerja.sistem_kerja.rules import (
    SEBUTAN_LINGKUP,
    jumlah_bulan,
    kunci_orang,
    lingkup_tim,
    pelanggaran_durasi,
    pelanggaran_jumlah,
    tahun_dilalui,
)
from kinerja.sistem_kerja.selectors import (
    perangkat_daerah,
    syarat_ketua_dari,
    syarat_ketua_pegawai,
    tandai_asal,
)
from organisasi.formatting import tanggal
from organisasi.models import Pegawai
from organisasi.nip import normalisasi_nip


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
    tandai_asal(tim, pd_pemilik, anggota)
    lingkup = lingkup_tim(p.asal for p in anggota)

    terlihat: dict[tuple, str] = {}
    for p in anggota:
        kunci = kunci_orang(p)
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
    kunci = kunci_orang(p)
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


def _periksa_tim(tim: TimKerja) -> list[str]:
    """The team's own fields: raises ValidationError on a malformed value, returns the broken
    rules (target, indikator)."""
    tim.instansi_id = tim.unit.instansi_id
    tim.full_clean()
    if tim.selesai < tim.mulai:
        raise ValidationError({"selesai": "Tanggal selesai tim sebelum tanggal mulainya."})
    pesan = []
    if not tim.target.strip() and tim.indikator_id is None:
        pesan.append("Isi target kinerja tim atau pilih indikator Perjanjian Kinerja.")
    for nama, label in (
        ("penanggung_jawab", "Penanggung jawab"),
        ("penandatangan", "Penandatangan"),
    ):
        pegawai = getattr(tim, nama)
        if pegawai is not None and pegawai.instansi_id != tim.instansi_id:
            pesan.append(f"{label} harus pegawai {tim.unit.instansi.nama}.")
    return pesan + _pelanggaran_indikator(tim)


@transaction.atomic
def tim_create(**fields) -> TimKerja:
    """Creates a team from its field values (those of TimForm); without members it is dalam
    unit until someone from outside joins.

    Raises ValidationError listing every broken rule; nothing is written then."""
    tim = TimKerja(**fields)
    pesan = _periksa_tim(tim)
    if pesan:
        raise ValidationError(pesan)
    tim.lingkup = lingkup_tim([])
    tim.save()
    return tim


@transaction.atomic
def tim_update(*, tim: TimKerja, **fields) -> TimKerja:
    """Changes a team and re-checks every member: a new owning unit changes where members
    come from, a new period moves the members whose dates followed the team's.

    Raises ValidationError listing every broken rule; nothing is written then."""
    for name, value in fields.items():
        setattr(tim, name, value)
    pesan = _periksa_tim(tim)
    lama = TimKerja.objects.select_for_update().get(pk=tim.pk)
    anggota = list(tim.penugasan.select_related("pegawai__golongan"))
    berubah: list[Penugasan] = []
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
def tim_delete(*, tim: TimKerja) -> None:
    """Removes a team together with its members' assignments."""
    tim.delete()


@transaction.atomic
def penugasan_create(*, tim: TimKerja, **fields) -> Penugasan:
    """Adds a member to a team (fields of PenugasanForm: a pegawai, or an outside person's
    name, NIP and instansi) if every rule of seed 003 still holds for the person (yearly
    count, length) and for the team (its ketua). Without dates the assignment takes the
    team's period.

    Raises ValidationError listing every broken rule; nothing is written then."""
    return _simpan_penugasan(Penugasan(tim=tim, **fields))


@transaction.atomic
def penugasan_update(*, penugasan: Penugasan, **fields) -> Penugasan:
    """Changes an assignment under the same rules as penugasan_create."""
    for name, value in fields.items():
        setattr(penugasan, name, value)
    return _simpan_penugasan(penugasan)


def _simpan_penugasan(penugasan: Penugasan) -> Penugasan:
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
def penugasan_delete(*, penugasan: Penugasan) -> None:
    """Removes a member; the team's lingkup may narrow (no rule can break by removing)."""
    tim = TimKerja.objects.select_for_update().select_related("unit").get(pk=penugasan.tim_id)
    penugasan.delete()
    anggota = list(tim.penugasan.select_related("pegawai"))
    tandai_asal(tim, perangkat_daerah(tim.unit), anggota)
    _simpan_lingkup(tim, lingkup_tim(p.asal for p in anggota))


@transaction.atomic
def aturan_update(*, aturan: AturanSistemKerja, **fields) -> AturanSistemKerja:
    """Saves an instansi's rule values (AturanSistemKerja.untuk gives an unsaved row holding
    seed 003's values the first time); they apply to teams and assignments saved from now on."""
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
