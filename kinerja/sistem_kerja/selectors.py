"""Reads of tim kerja: `tim_for_user` and the `get_…_for_user` helpers are the only way views
reach teams and assignments; the members with their origin; a pegawai against the chair's
requirements."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from kinerja.sistem_kerja.models import AturanSistemKerja, Penugasan, TimKerja
from kinerja.sistem_kerja.rules import (
    SyaratKetua,
    asal_anggota,
    jumlah_bulan,
    syarat_ketua_belum_terpenuhi,
)
from organisasi import perluasan
from organisasi.models import PangkatGolongan, Pegawai, UnitOrganisasi
from organisasi.selectors import units_for_user


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
        tim.penugasan.select_related("pegawai__unit", "pegawai__golongan", "pegawai__instansi")
    )
    jabatan = perluasan.nama_jabatan(p.pegawai_id for p in anggota)
    for p in anggota:
        p.jabatan_pegawai = jabatan.get(p.pegawai_id, "")
    pd_pemilik = perangkat_daerah(tim.unit)
    tandai_asal(tim, pd_pemilik, anggota)
    for p in anggota:
        p.bulan = jumlah_bulan(p.mulai, p.selesai)
    return anggota


def tandai_asal(tim: TimKerja, pd_pemilik: UnitOrganisasi, anggota: list[Penugasan]) -> None:
    """Sets `.asal` on each member (saved or not): where he comes from relative to the team's
    owning perangkat daerah `pd_pemilik`."""
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


def syarat_ketua_dari(aturan: AturanSistemKerja) -> SyaratKetua:
    """The chair's requirements an instansi's rule values set; ValidationError when its
    minimum golongan is not a known PNS rank."""
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
