"""import_workbook --create: a new instansi takes its kind and head from its name, and its new
period is of the current year, not of any demo."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from anjab.models import PeriodeAnalisis
from organisasi.models import Instansi
from tests.abk.test_impor import buku

KOLOM = ["Unit Kerja", "Nama Jabatan", "Uraian Tugas", "Volume", "Waktu Penyelesaian (menit)"]


@pytest.mark.parametrize(
    ("nama", "jenis", "kepala"),
    [
        ("Pemerintah Kabupaten Uji", Instansi.Jenis.KABUPATEN, "Bupati"),
        ("Pemerintah Provinsi Uji", Instansi.Jenis.PROVINSI, "Gubernur"),
        ("Pemerintah Kota Uji", Instansi.Jenis.KOTA, "Wali Kota"),
    ],
)
def test_a_created_instansi_and_period_follow_its_name_and_today(db, tmp_path, nama, jenis, kepala):
    path = buku(
        tmp_path / "abk.xlsx", {"ABK": [KOLOM, ["Dinas Uji", "Analis Data", "Mengolah", 12, 30]]}
    )
    call_command("import_workbook", str(path), "--instansi", nama, "--create", stdout=StringIO())
    instansi = Instansi.objects.get(nama=nama)
    assert (instansi.jenis, instansi.jabatan_kepala) == (jenis, kepala)
    tahun = timezone.localdate().year
    periode = PeriodeAnalisis.objects.get(instansi=instansi)
    assert (periode.nama, periode.tahun) == (f"ABK {tahun}", tahun)
