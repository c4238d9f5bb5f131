"""The import's services: an upload that is no workbook leaves nothing behind; the check
step's choices are stored and send the import back to be checked."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from abk.impor.baca import BukuKerjaTidakSah
from abk.impor.layanan import impor_create, impor_update
from abk.models import ImporBuku
from anjab.models import PeriodeAnalisis
from tests.abk.test_impor import seed_001


@pytest.fixture(autouse=True)
def berkas_di_tmp(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "privat"
    return tmp_path / "privat"


@pytest.fixture
def periode(dunia):
    return PeriodeAnalisis.objects.create(instansi=dunia.instansi, nama="ABK 2026", tahun=2026)


def test_a_file_that_is_no_workbook_leaves_no_row_and_no_file(dunia, users, periode, berkas_di_tmp):
    with pytest.raises(BukuKerjaTidakSah):
        impor_create(
            instansi=dunia.instansi,
            pemohon=users["admin"],
            berkas=SimpleUploadedFile("a.xlsx", b"bukan excel"),
            unit=None,
            periode=periode,
            buat_unit=False,
        )
    assert not ImporBuku.objects.exists()
    assert not [p for p in berkas_di_tmp.rglob("*") if p.is_file()]


def test_the_check_steps_choices_are_kept_and_the_import_is_checked_again(
    dunia, users, periode, tmp_path
):
    buku = seed_001(tmp_path / "seed.xlsx")
    impor = impor_create(
        instansi=dunia.instansi,
        pemohon=users["admin"],
        berkas=SimpleUploadedFile("seed.xlsx", buku.read_bytes()),
        unit=None,
        periode=periode,
        buat_unit=True,
    )
    impor.status = ImporBuku.Status.DIPERIKSA
    impor.save()
    impor_update(
        impor=impor,
        lembar={0: {"kolom": {"0": "nama_jabatan"}, "satuan_waktu": "jam"}},
        pilihan_unit={"Sekretariat": dunia.dinas.pk},
        buat_unit=False,
        diperiksa_ulang=True,
    )
    impor.refresh_from_db()
    assert impor.pemetaan["lembar"][0]["kolom"] == {"0": "nama_jabatan"}
    assert impor.pemetaan["lembar"][0]["satuan_waktu"] == "jam"
    assert impor.pemetaan["pilihan_unit"] == {"Sekretariat": dunia.dinas.pk}
    assert impor.pemetaan["buat_unit"] is False
    assert impor.status == ImporBuku.Status.DIUNGGAH
