"""Volumes counted per day, week or month: typed as counted in the Tugas pokok tab, stored per
year with the analysis period's factor, recomputed when an Admin changes that factor."""

from decimal import Decimal

import pytest
from django.urls import reverse

from anjab import documents, services
from anjab.models import PeriodeAnalisis, TugasJabatan
from tests.anjab.test_views import _tugas_post
from tests.factories import JabatanFactory

# 2 per hari × 235 hari kerja = 470 a year; 470 × 30 minutes ÷ 75,000 minutes = 0.188.
PER_HARI = {
    "uraian": "Memverifikasi permohonan",
    "hasil_kerja": "Berkas",
    "volume": "2",
    "satuan_volume": "hari",
    "waktu": "30",
}
PER_TAHUN = {
    "uraian": "Menyusun laporan",
    "hasil_kerja": "Laporan",
    "volume": "12",
    "satuan_volume": "tahun",
    "waktu": "300",
}


@pytest.fixture
def periode(dunia):
    return PeriodeAnalisis.objects.create(instansi=dunia.instansi, nama="ABK 2025", tahun=2025)


@pytest.fixture
def jabatan(dunia, periode):
    return JabatanFactory(unit=dunia.bidang, nama="Penata Layanan Operasional")


def _url(jabatan):
    return reverse("anjab:jabatan_bagian", args=[jabatan.pk, "tugas"])


def _periode_post(periode, **ubah):
    data = {
        "nama": periode.nama,
        "tahun": periode.tahun,
        "waktu_efektif_menit": "75000",
        "hari_kerja_efektif": "235",
        "minggu_kerja_efektif": "47",
        "bulan_kerja_efektif": "12",
        "pembulatan": "half_up",
        "pita_efektivitas": "1,00 A Sangat baik\n0,90 B Baik\n0,70 C Cukup\n0,50 D Sedang\n0 E",
        "dasar_hukum": "",
    }
    data.update(ubah)
    return data


def test_it_stores_a_volume_counted_per_day_as_the_per_year_figure(users, login, jabatan, periode):
    client = login(users["operator"])
    response = client.post(_url(jabatan), _tugas_post([PER_HARI]))
    assert response.status_code == 302
    t = TugasJabatan.objects.get(jabatan=jabatan)
    assert (t.volume, t.volume_asal, t.satuan_volume) == (Decimal(470), Decimal(2), "hari")
    assert t.periode == periode
    beban = documents.beban_kerja(jabatan, periode)
    assert beban["kebutuhan"] == Decimal(470) * Decimal(30) / Decimal(75000)
    assert beban["kebutuhan"] == Decimal("0.188")

    page = client.get(_url(jabatan)).content.decode()
    assert 'name="tugas-0-volume" value="2"' in page
    assert '<option value="hari" selected>per hari</option>' in page
    assert "2 per hari × 235 hari kerja = 470 per tahun" in page
    assert "0,188" in page


def test_a_volume_counted_per_year_is_stored_as_typed(users, login, jabatan):
    client = login(users["operator"])
    assert client.post(_url(jabatan), _tugas_post([PER_TAHUN])).status_code == 302
    t = TugasJabatan.objects.get(jabatan=jabatan)
    assert (t.volume, t.volume_asal, t.satuan_volume) == (Decimal(12), None, "tahun")


def test_switching_a_row_back_to_per_year_forgets_the_typed_count(users, login, jabatan):
    client = login(users["operator"])
    client.post(_url(jabatan), _tugas_post([PER_HARI]))
    t = TugasJabatan.objects.get(jabatan=jabatan)
    row = {**PER_HARI, "id": str(t.pk), "volume": "300", "satuan_volume": "tahun"}
    assert client.post(_url(jabatan), _tugas_post([row], initial=1, versi=2)).status_code == 302
    t.refresh_from_db()
    assert (t.volume, t.volume_asal, t.satuan_volume) == (Decimal(300), None, "tahun")


def test_the_live_calculation_uses_the_per_year_figure(users, login, jabatan):
    response = login(users["operator"]).post(
        reverse("anjab:jabatan_hitung", args=[jabatan.pk]), _tugas_post([PER_HARI, PER_TAHUN])
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert ">470<br><small" in html and "(2 per hari)" in html
    # 0.188 + 12 × 300 ÷ 75,000 = 0.188 + 0.048 = 0.236
    assert "0,188" in html and "0,236" in html
    assert not TugasJabatan.objects.filter(jabatan=jabatan).exists()


def test_changing_the_days_of_the_period_recomputes_the_per_year_volumes(
    users, login, jabatan, periode
):
    per_minggu = {**PER_HARI, "uraian": "Rapat", "volume": "1", "satuan_volume": "minggu"}
    login(users["operator"]).post(_url(jabatan), _tugas_post([PER_HARI, PER_TAHUN, per_minggu]))
    response = login(users["admin"]).post(
        reverse("abk:periode_ubah", args=[periode.pk]),
        _periode_post(periode, hari_kerja_efektif="240"),
    )
    assert response.status_code == 302
    periode.refresh_from_db()
    assert periode.hari_kerja_efektif == Decimal(240)
    volumes = {t.uraian: (t.volume, t.volume_asal) for t in TugasJabatan.objects.all()}
    assert volumes == {
        "Memverifikasi permohonan": (Decimal(480), Decimal(2)),
        "Menyusun laporan": (Decimal(12), None),
        "Rapat": (Decimal(47), Decimal(1)),
    }
    # 480 × 30 ÷ 75,000 = 0.192
    hasil = documents.beban_kerja(jabatan, periode)["baris"]
    assert hasil[0]["kebutuhan"] == Decimal("0.192")


@pytest.mark.parametrize(
    ("volume", "satuan", "pesan"),
    [
        ("-2", "hari", "Nilai tidak boleh negatif."),
        ("dua", "hari", "Masukkan sebuah bilangan."),
        ("2", "jam", "Masukkan pilihan yang valid."),
        ("99999999", "hari", "Volume per tahun terlalu besar."),
    ],
)
def test_an_invalid_volume_is_refused_at_its_field_in_indonesian(
    users, login, jabatan, volume, satuan, pesan
):
    row = {**PER_HARI, "volume": volume, "satuan_volume": satuan}
    response = login(users["operator"]).post(_url(jabatan), _tugas_post([row]))
    html = response.content.decode()
    assert response.status_code == 200
    assert pesan in html
    assert "Periksa isian yang ditandai merah; belum ada yang disimpan." in html
    assert not TugasJabatan.objects.filter(jabatan=jabatan).exists()


@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        ({"hari_kerja_efektif": "0"}, "Hari kerja efektif harus lebih dari 0."),
        ({"hari_kerja_efektif": "367"}, "Hari kerja efektif paling banyak 366 dalam setahun."),
        ({"minggu_kerja_efektif": "-1"}, "Minggu kerja efektif harus lebih dari 0."),
        ({"minggu_kerja_efektif": "54"}, "Minggu kerja efektif paling banyak 53 dalam setahun."),
        ({"bulan_kerja_efektif": "13"}, "Bulan kerja paling banyak 12 dalam setahun."),
        ({"bulan_kerja_efektif": "dua belas"}, "Masukkan sebuah bilangan."),
    ],
)
def test_an_invalid_period_factor_is_refused_and_changes_nothing(
    users, login, jabatan, periode, ubah, pesan
):
    login(users["operator"]).post(_url(jabatan), _tugas_post([PER_HARI]))
    response = login(users["admin"]).post(
        reverse("abk:periode_ubah", args=[periode.pk]), _periode_post(periode, **ubah)
    )
    assert response.status_code == 200
    assert pesan in response.content.decode()
    periode.refresh_from_db()
    assert periode.faktor_volume() == {
        "tahun": Decimal(1),
        "bulan": Decimal(12),
        "minggu": Decimal(47),
        "hari": Decimal(235),
    }
    assert TugasJabatan.objects.get(jabatan=jabatan).volume == Decimal(470)


def test_the_period_form_explains_the_factors(users, login, periode):
    html = login(users["admin"]).get(reverse("abk:periode_ubah", args=[periode.pk])).content
    html = html.decode()
    assert "Hari kerja efektif per tahun" in html
    assert "2 per hari × 235 = 470 per tahun" in html
    assert 'name="minggu_kerja_efektif" value="47"' in html and 'max="53"' in html


def test_a_reader_cannot_post_the_tasks(users, login, jabatan):
    client = login(users["pembaca"])
    assert client.get(_url(jabatan)).status_code == 200
    assert client.post(_url(jabatan), _tugas_post([PER_HARI])).status_code == 403
    assert not TugasJabatan.objects.filter(jabatan=jabatan).exists()


@pytest.mark.parametrize("peran", ["pembaca", "operator", "verifikator"])
def test_only_an_admin_instansi_changes_the_factors(users, login, periode, peran):
    response = login(users[peran]).post(
        reverse("abk:periode_ubah", args=[periode.pk]),
        _periode_post(periode, hari_kerja_efektif="240"),
    )
    assert response.status_code == 403
    periode.refresh_from_db()
    assert periode.hari_kerja_efektif == Decimal(235)


def test_a_copied_period_keeps_its_factors(dunia, users, login, periode):
    periode.hari_kerja_efektif = Decimal(240)
    periode.save()
    response = login(users["admin"]).post(
        reverse("abk:periode_salin", args=[periode.pk]), {"nama": "ABK 2026", "tahun": 2026}
    )
    assert response.status_code == 302
    baru = PeriodeAnalisis.objects.get(instansi=dunia.instansi, nama="ABK 2026")
    assert baru.hari_kerja_efektif == Decimal(240)


def test_the_period_service_recomputes_only_the_unit_whose_factor_changed(jabatan, periode):
    per_bulan = TugasJabatan.objects.create(
        jabatan=jabatan, periode=periode, uraian="Rekap", satuan_volume="bulan", waktu=60
    )
    per_bulan.atur_volume(Decimal(3), periode.faktor_volume())
    per_bulan.save()
    per_hari = TugasJabatan.objects.create(
        jabatan=jabatan, periode=periode, uraian="Surat", satuan_volume="hari", waktu=5
    )
    per_hari.atur_volume(Decimal("1.5"), periode.faktor_volume())
    per_hari.save()
    assert (per_bulan.volume, per_hari.volume) == (Decimal(36), Decimal("352.50"))

    periode.bulan_kerja_efektif = Decimal(11)
    services.periode_update(periode=periode)
    per_bulan.refresh_from_db()
    per_hari.refresh_from_db()
    assert (per_bulan.volume, per_bulan.volume_asal) == (Decimal(33), Decimal(3))
    assert per_hari.volume == Decimal("352.50")
