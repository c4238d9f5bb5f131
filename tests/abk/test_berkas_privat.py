"""Decrees and uploaded workbooks are private: no public URL, only views that check scope."""

import importlib
import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import clear_url_caches, reverse

from abk import services
from abk.models import ImporBuku, PekerjaanLatar
from anjab.models import PeriodeAnalisis, TugasJabatan
from tests.abk.test_impor import seed_001
from tests.factories import JabatanFactory

TOKEN = r"[0-9a-f]{32}"


@pytest.fixture(autouse=True)
def berkas_di_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "privat"


@pytest.fixture
def urls_pengembangan(settings):
    """The URLs as `runserver` builds them with DEBUG on, media route included."""
    import config.urls

    lama = settings.DEBUG
    settings.DEBUG = True
    importlib.reload(config.urls)
    clear_url_caches()
    yield
    settings.DEBUG = lama
    importlib.reload(config.urls)
    clear_url_caches()


@pytest.fixture
def periode(dunia):
    periode = PeriodeAnalisis.objects.create(instansi=dunia.instansi, nama="ABK 2025", tahun=2025)
    jabatan = JabatanFactory(unit=dunia.dinas, nama="Penata Layanan Operasional")
    TugasJabatan.objects.create(
        jabatan=jabatan, periode=periode, urutan=1, uraian="Mengolah", volume=12, waktu=6250
    )
    return periode


def _cetak_di_latar(users, dunia, periode, capture) -> PekerjaanLatar:
    """What "Cetak" does for a long decree: queue the job, the worker writes the PDF."""
    keputusan = services.keputusan_get_or_create(periode=periode, unit=dunia.dinas)
    with capture(execute=True):
        job = services.keputusan_print_request(keputusan=keputusan, pemohon=users["admin"])
    job.refresh_from_db()
    return job


def _isi(response) -> bytes:
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content)
    return response.content


def test_a_background_decree_is_stored_privately_under_a_random_token(
    dunia, users, periode, settings, django_capture_on_commit_callbacks
):
    job = _cetak_di_latar(users, dunia, periode, django_capture_on_commit_callbacks)
    nama = f"keputusan-abk-{dunia.dinas.pk}-{periode.pk}.pdf"
    assert job.status == "selesai"
    assert re.fullmatch(rf"dokumen/{TOKEN}/{re.escape(nama)}", job.berkas.name)
    path = Path(job.berkas.path)
    assert path.is_relative_to(settings.PRIVATE_MEDIA_ROOT)
    assert not path.is_relative_to(settings.MEDIA_ROOT)
    with pytest.raises(ValueError):
        job.berkas.url  # noqa: B018

    # The same unit and period printed again: a new token, so the unit and period predict none.
    lagi = _cetak_di_latar(users, dunia, periode, django_capture_on_commit_callbacks)
    assert lagi.berkas.name.split("/")[1] != job.berkas.name.split("/")[1]
    assert lagi.berkas.name.endswith(nama)


def test_a_decree_is_served_only_to_its_instansi(
    dunia, users, login, periode, django_capture_on_commit_callbacks
):
    admin = login(users["admin"])
    job = _cetak_di_latar(users, dunia, periode, django_capture_on_commit_callbacks)
    pdf = Path(job.berkas.path).read_bytes()
    url = reverse("abk:pekerjaan_unduh", args=[job.pk])

    anonim = Client().get(url)
    assert anonim.status_code == 302 and anonim["Location"].startswith(reverse("login"))
    assert b"%PDF" not in _isi(anonim)
    assert login(users["admin_lain"]).get(url).status_code == 404

    response = admin.get(url)
    assert response.status_code == 200 and _isi(response) == pdf
    assert response["Content-Type"] == "application/pdf"
    assert (
        f'filename="keputusan-abk-{dunia.dinas.pk}-{periode.pk}.pdf"'
        in response["Content-Disposition"]
    )
    assert "no-store" in response["Cache-Control"]
    assert login(users["operator"]).get(url).status_code == 200  # the job's unit is its own


def test_an_uploaded_workbook_is_private_and_served_only_to_its_instansi(
    dunia, users, login, periode, settings, tmp_path
):
    path = seed_001(tmp_path / "abk.xlsx")
    operator = login(users["operator"])
    operator.post(
        reverse("abk:impor_daftar"),
        {"berkas": SimpleUploadedFile("abk.xlsx", path.read_bytes()), "unit": dunia.bidang.pk},
    )
    impor = ImporBuku.objects.get()
    assert re.fullmatch(rf"impor/{TOKEN}/abk\.xlsx", impor.berkas.name)
    disimpan = Path(impor.berkas.path)
    assert disimpan.is_relative_to(settings.PRIVATE_MEDIA_ROOT)
    assert not disimpan.is_relative_to(settings.MEDIA_ROOT)
    url = reverse("abk:impor_berkas", args=[impor.pk])

    anonim = Client().get(url)
    assert anonim.status_code == 302 and _isi(anonim) == b""
    assert login(users["admin_lain"]).get(url).status_code == 404

    response = operator.get(url)
    assert response.status_code == 200 and _isi(response) == path.read_bytes()
    assert response["Content-Disposition"] == 'attachment; filename="abk.xlsx"'
    assert login(users["admin"]).get(url).status_code == 200
    assert reverse("abk:impor_berkas", args=[impor.pk]) in operator.get(
        reverse("abk:impor_detail", args=[impor.pk])
    ).content.decode("utf-8")


def test_an_import_of_another_unit_is_404_to_an_operator(dunia, users, login, periode):
    impor = ImporBuku(instansi=dunia.instansi, nama_berkas="y.xlsx", unit=dunia.dinas_lain)
    impor.berkas.save("y.xlsx", ContentFile(b"PK rahasia"), save=False)
    impor.save()
    url = reverse("abk:impor_berkas", args=[impor.pk])
    assert login(users["operator"]).get(url).status_code == 404
    assert login(users["admin"]).get(url).status_code == 200


def test_nothing_but_logos_is_served_under_media(
    dunia, users, login, periode, settings, urls_pengembangan
):
    media = Path(settings.MEDIA_ROOT)
    lama = media / "dokumen" / "2025" / "06" / f"keputusan-abk-{dunia.dinas.pk}-{periode.pk}.pdf"
    lama.parent.mkdir(parents=True)
    lama.write_bytes(b"%PDF-1.7 keputusan lama")
    (media / "impor").mkdir()
    (media / "impor" / "buku.xlsx").write_bytes(b"PK nip dan nama")
    (media / "logo").mkdir()
    (media / "logo" / "lambang.png").write_bytes(b"\x89PNG logo")
    job = PekerjaanLatar(instansi=dunia.instansi, jenis="keputusan", judul="Keputusan")
    job.berkas.save(lama.name, ContentFile(b"%PDF-1.7 baru"), save=True)

    client = Client()
    assert client.get(f"/media/dokumen/2025/06/{lama.name}").status_code == 404
    assert client.get("/media/impor/buku.xlsx").status_code == 404
    assert client.get(f"/media/{job.berkas.name}").status_code == 404
    assert login(users["admin"]).get(f"/media/{job.berkas.name}").status_code == 404
    logo = client.get("/media/logo/lambang.png")
    assert logo.status_code == 200 and _isi(logo) == b"\x89PNG logo"


def test_behind_nginx_the_view_only_answers_an_internal_redirect(
    dunia, users, login, periode, settings
):
    settings.PRIVATE_MEDIA_ACCEL_PREFIX = "/_privat/"
    job = PekerjaanLatar(instansi=dunia.instansi, jenis="keputusan", judul="K", status="selesai")
    job.berkas.save("keputusan-abk-1-1.pdf", ContentFile(b"%PDF-1.7 isi"), save=True)
    url = reverse("abk:pekerjaan_unduh", args=[job.pk])

    response = login(users["admin"]).get(url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/_privat/{job.berkas.name}"
    assert response.content == b"" and response["Content-Type"] == "application/pdf"
    assert "X-Accel-Redirect" not in login(users["admin_lain"]).get(url)


def test_a_job_whose_file_is_missing_is_404(dunia, users, login, periode):
    job = PekerjaanLatar.objects.create(
        instansi=dunia.instansi,
        jenis="keputusan",
        judul="K",
        status="selesai",
        berkas="dokumen/2025/06/keputusan-abk-1-1.pdf",
    )
    response = login(users["admin"]).get(reverse("abk:pekerjaan_unduh", args=[job.pk]))
    assert response.status_code == 404


def test_a_private_root_inside_media_fails_the_system_check(settings, tmp_path):
    from abk.storage import check_private_root

    assert check_private_root() == []
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "media" / "privat"
    assert [e.id for e in check_private_root()] == ["abk.E001"]
