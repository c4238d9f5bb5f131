"""An Operator's web import stays inside its subtree: for every importable sheet kind, a row
naming a unit, position or employee outside it is refused with its cell, and nothing is
written anywhere."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from abk.models import ImporBuku
from anjab.models import PeriodeAnalisis
from organisasi.models import Pegawai
from tests.abk.test_impor import buku, snapshot
from tests.factories import JabatanFactory

LEMBAR = {
    "unit": [
        ["Unit Kerja", "Unit Induk", "Jenis Unit"],
        ["Seksi Gizi", "Dinas Kesehatan", "Seksi"],
    ],
    "jabatan": [
        ["Unit Kerja", "Nama Jabatan", "Kelas Jabatan", "Ikhtisar Jabatan"],
        ["Dinas Kesehatan", "Perawat Ahli Muda", 9, "Merawat"],
    ],
    "tugas": [
        ["Unit Kerja", "Nama Jabatan", "Uraian Tugas", "Volume", "Waktu Penyelesaian (menit)"],
        ["Dinas Kesehatan", "Pengadministrasi", "Mengarsip", 12, 60],
    ],
    "butir": [
        ["Unit Kerja", "Nama Jabatan", "Butir Kegiatan", "Angka Kredit", "Konstanta", "Volume"],
        ["Dinas Kesehatan", "Perawat Ahli Muda", "Asuhan", "0,5", "0,02", 12],
    ],
}


@pytest.fixture
def periode(dunia):
    return PeriodeAnalisis.objects.create(instansi=dunia.instansi, nama="ABK 2024", tahun=2024)


def _periksa_lalu_impor(client, path, **data):
    berkas = SimpleUploadedFile(path.name, path.read_bytes())
    detail = client.post(reverse("abk:impor_daftar"), {"berkas": berkas, **data})["Location"]
    client.post(detail, {"aksi": "periksa", "buat_unit": "1" if data.get("buat_unit") else ""})
    client.post(detail, {"aksi": "impor", "hanya_sah": "1"})
    return ImporBuku.objects.get(pk=int(detail.rstrip("/").rsplit("/", 1)[-1]))


@pytest.mark.parametrize("jenis", sorted(LEMBAR))
@pytest.mark.parametrize("pilih_unit", [True, False], ids=["unit-dipilih", "tanpa-unit"])
def test_an_operator_cannot_write_into_a_sibling_unit(
    dunia, users, login, periode, tmp_path, jenis, pilih_unit
):
    JabatanFactory(unit=dunia.dinas_lain, nama="Pengadministrasi")
    JabatanFactory(unit=dunia.dinas_lain, nama="Perawat Ahli Muda", jenis="fungsional",
                   jenjang="ahli_muda")  # fmt: skip
    path = buku(tmp_path / f"{jenis}.xlsx", {jenis.title(): LEMBAR[jenis]})
    client = login(users["operator"])
    sebelum = snapshot()
    data = {"unit": dunia.dinas.pk} if pilih_unit else {}
    impor = _periksa_lalu_impor(client, path, **data)
    assert impor.unit == dunia.dinas
    assert impor.status != "diimpor" or impor.ringkasan["jabatan"]["dibuat"] == 0
    pesan = " ".join(g.get("teks", "") for g in impor.galat)
    assert "Dinas Kesehatan" in pesan and "tidak ditemukan" in pesan, pesan
    assert snapshot() == sebelum


def test_an_operator_cannot_move_an_employee_out_of_its_subtree(
    dunia, users, login, periode, tmp_path
):
    JabatanFactory(unit=dunia.dinas_lain, nama="Perawat")
    sendiri = dunia.pegawai_sekretariat
    path = buku(
        tmp_path / "pegawai.xlsx",
        {
            "Pegawai": [
                ["NIP", "Nama", "Unit Kerja", "Nama Jabatan"],
                [sendiri.nip, sendiri.nama, None, "Perawat"],
                [dunia.pegawai_dinas_lain.nip, "Budi Kesehatan", None, None],
            ]
        },
    )
    sebelum = snapshot()
    impor = _periksa_lalu_impor(login(users["operator"]), path, unit=dunia.dinas.pk)
    pesan = [g.get("teks", "") for g in impor.galat]
    assert any("Nama jabatan" in p and "unit tujuan" in p for p in pesan), pesan
    assert any("di luar unit tujuan" in p for p in pesan), pesan
    assert snapshot() == sebelum
    assert Pegawai.objects.get(pk=sendiri.pk).unit == dunia.sekretariat
