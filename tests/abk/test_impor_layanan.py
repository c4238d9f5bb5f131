"""The import's services: an upload that is no workbook leaves nothing behind; the check
step's choices are stored and send the import back to be checked."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from abk.impor.baca import BukuKerjaTidakSah
from abk.impor.layanan import (
    BELUM_DIPERIKSA,
    MASIH_DITOLAK,
    SUDAH_DIIMPOR,
    ImporDitolak,
    impor_create,
    impor_delete,
    impor_run,
    impor_update,
    pemetaan_create,
)
from abk.models import ImporBuku, PemetaanKolom
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


@pytest.fixture
def unggahan(dunia, users, periode, tmp_path):
    return impor_create(
        instansi=dunia.instansi,
        pemohon=users["admin"],
        berkas=SimpleUploadedFile("seed.xlsx", seed_001(tmp_path / "seed.xlsx").read_bytes()),
        unit=dunia.bidang,
        periode=periode,
        buat_unit=True,
    )


def test_deleting_an_upload_removes_its_private_file(unggahan, berkas_di_tmp):
    berkas = [p for p in berkas_di_tmp.rglob("*") if p.is_file()]
    assert [p.name for p in berkas] == ["seed.xlsx"]
    impor_delete(impor=unggahan)
    assert not ImporBuku.objects.exists()
    assert not berkas[0].exists()


@pytest.mark.parametrize(
    ("status", "galat", "pesan"),
    [
        (ImporBuku.Status.DIUNGGAH, [], BELUM_DIPERIKSA),
        (ImporBuku.Status.DIPERIKSA, [{"teks": "bukan angka"}], MASIH_DITOLAK),
        (ImporBuku.Status.DIIMPOR, [], SUDAH_DIIMPOR),
    ],
)
def test_an_import_is_refused_unless_it_was_checked_clean(unggahan, users, status, galat, pesan):
    ImporBuku.objects.filter(pk=unggahan.pk).update(status=status, galat=galat)
    with pytest.raises(ImporDitolak, match=re.escape(pesan)):
        impor_run(impor=unggahan, kering=False, hanya_sah=False, pemohon=users["admin"])
    unggahan.refresh_from_db()
    assert unggahan.status == status and "jabatan" not in unggahan.ringkasan


def test_a_check_then_an_import_writes_the_positions(unggahan, users):
    impor_run(impor=unggahan, kering=True, hanya_sah=False, pemohon=users["admin"])
    assert unggahan.status == ImporBuku.Status.DIPERIKSA and not unggahan.galat
    impor_run(impor=unggahan, kering=False, hanya_sah=False, pemohon=users["admin"])
    unggahan.refresh_from_db()
    assert unggahan.status == ImporBuku.Status.DIIMPOR
    assert unggahan.ringkasan["jabatan"]["dibuat"] == 2


def test_an_imported_upload_keeps_its_choices(unggahan):
    ImporBuku.objects.filter(pk=unggahan.pk).update(status=ImporBuku.Status.DIIMPOR)
    with pytest.raises(ImporDitolak, match=re.escape(SUDAH_DIIMPOR)):
        impor_update(
            impor=unggahan, lembar={}, pilihan_unit={}, buat_unit=False, diperiksa_ulang=True
        )
    unggahan.refresh_from_db()
    assert unggahan.status == ImporBuku.Status.DIIMPOR and unggahan.pemetaan["buat_unit"]


def test_a_saved_mapping_names_the_shape_of_the_workbook(unggahan):
    pemetaan = pemetaan_create(impor=unggahan, nama="Format dinas")
    assert PemetaanKolom.objects.get() == pemetaan
    assert pemetaan.tanda == "|".join(d["tanda"] for d in unggahan.pemetaan["lembar"])
    assert pemetaan.instansi_id == unggahan.instansi_id
