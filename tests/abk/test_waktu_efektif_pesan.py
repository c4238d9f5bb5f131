"""Messages about the effective working time show the period's own figure (the default only
where there is no period yet), and the import page follows the import's status choices."""

from decimal import Decimal as D
from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from abk.kualitas import KEWAJARAN, periksa_jabatan
from abk.models import ImporBuku, PekerjaanLatar
from anjab import calculations as calc
from anjab.models import PeriodeAnalisis


def _jam_tercetak(periode):
    baris = SimpleNamespace(
        jabatan=SimpleNamespace(pk=7, nama="Penata Layanan Operasional"),
        nomor="2.1.4",
        deklarasi=SimpleNamespace(
            kebutuhan=None,
            jumlah_pegawai=None,
            beban_kerja_jam=None,
            presisi_kebutuhan=3,
            satuan_waktu="JAM",
        ),
        kebutuhan=D("2.88"),
        kebutuhan_dibulatkan=3,
        fungsional=False,
        beban_kerja_jam=None,
    )
    tugas = [(1, "Menyusun laporan", 12, 1500, None)]
    temuan = periksa_jabatan(baris, tugas=tugas, butir=[], median_ak={}, periode=periode)
    return [t.pesan for t in temuan if t.kategori == KEWAJARAN]


@pytest.mark.parametrize(("menit", "teks"), [(72000, "72.000"), (75000, "75.000")])
def test_the_hours_heading_finding_divides_by_the_period_s_minutes(menit, teks):
    (pesan,) = _jam_tercetak(SimpleNamespace(waktu_efektif_menit=D(menit)))
    assert f"hanya cocok bila dibagi {teks} menit." in pesan


def test_the_no_period_card_shows_the_default_it_will_start_with(db):
    konteks = {"nama_periode_baru": "ABK 2025", "boleh_menulis": True, "instansi_id": 1}
    html = render_to_string(
        "abk/fragment_tanpa_periode.html", {**konteks, "waktu_efektif_menit": D(72000)}
    )
    assert "parameter bawaan (72.000 menit per tahun)" in html
    html = render_to_string(
        "abk/fragment_tanpa_periode.html",
        {**konteks, "waktu_efektif_menit": calc.WAKTU_EFEKTIF_MENIT},
    )
    assert "parameter bawaan (75.000 menit per tahun)" in html
    # Without the figure the sentence still reads right, and no figure is made up.
    html = render_to_string("abk/fragment_tanpa_periode.html", konteks)
    assert (
        "dibuat dengan parameter bawaan; Admin Instansi" in html and "menit per tahun" not in html
    )


@pytest.fixture
def impor(dunia):
    periode = PeriodeAnalisis.objects.create(
        instansi=dunia.instansi, nama="ABK 2024", tahun=2024, waktu_efektif_menit=D(72000)
    )
    return ImporBuku.objects.create(
        instansi=dunia.instansi,
        berkas="impor/contoh.xlsx",
        nama_berkas="contoh.xlsx",
        periode=periode,
        ringkasan={
            "siasn": True,
            "jabatan_nama": "Analis",
            "isian": {"status": "diperbarui"},
            "jumlah_galat": 0,
        },
        pemetaan={"siasn": True},
    )


def _halaman(login, users, impor) -> str:
    return login(users["admin"]).get(reverse("abk:impor_detail", args=[impor.pk])).content.decode()


def test_a_siasn_import_names_siasn_s_own_codes_not_the_period_s(dunia, users, login, impor):
    page = _halaman(login, users, impor)
    assert "dibaca dari Waktu Kerja Efektif (1250 = jam, 75000 = menit)." in page
    assert "1.200 jam kerja efektif" in page  # the period, in the period picker


@pytest.mark.parametrize(
    ("status", "hasil", "formulir", "tombol_impor"),
    [
        (ImporBuku.Status.DIUNGGAH, "Hasil pemeriksaan", True, False),
        (ImporBuku.Status.DIPERIKSA, "Hasil pemeriksaan", True, True),
        (ImporBuku.Status.GAGAL, "Hasil pemeriksaan", True, False),
        (ImporBuku.Status.DIIMPOR, "Hasil impor", False, False),
    ],
)
def test_the_import_page_follows_the_status(
    dunia, users, login, impor, status, hasil, formulir, tombol_impor
):
    impor.status = status
    impor.save()
    page = _halaman(login, users, impor)
    assert f'<h2 id="judul-hasil">{hasil}' in page
    assert ("Periksa (uji coba)" in page) == formulir
    assert ("Impor sekarang" in page) == tombol_impor


@pytest.mark.parametrize(
    ("status", "berjalan"),
    [
        (PekerjaanLatar.Status.MENUNGGU, True),
        (PekerjaanLatar.Status.BERJALAN, True),
        (PekerjaanLatar.Status.SELESAI, False),
        (PekerjaanLatar.Status.GAGAL, False),
    ],
)
def test_a_running_job_hides_the_form(dunia, users, login, impor, status, berjalan):
    impor.pekerjaan = PekerjaanLatar.objects.create(
        instansi=dunia.instansi,
        jenis="impor",
        judul="Impor contoh.xlsx",
        parameter={"impor": impor.pk},
        status=status,
    )
    impor.status = ImporBuku.Status.DIPERIKSA
    impor.save()
    page = _halaman(login, users, impor)
    assert ("Halaman ini boleh dimuat ulang" in page) == berjalan
    assert ("Impor sekarang" in page) == (not berjalan)
