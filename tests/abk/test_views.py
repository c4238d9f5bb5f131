import io
from decimal import Decimal

import pytest
from django.urls import URLPattern, reverse
from pypdf import PdfReader

from abk import urls as abk_urls
from abk.models import Keputusan, PekerjaanLatar
from anjab.models import PeriodeAnalisis, TugasJabatan
from tests.factories import JabatanFactory, PegawaiFactory
from tests.html_tabel import baris

OBJECT_URLS = {"periode_ubah", "periode_salin", "pekerjaan", "pekerjaan_unduh"}
# impor_detail's cross-tenant tests are in test_impor_views.py, impor_berkas's in
# test_berkas_privat.py, siasn_jabatan's in test_siasn.py (it takes a position's id).
DIUJI_DI_TEMPAT_LAIN = {"impor_detail", "impor_berkas", "siasn_jabatan"}
REKAP = "Rekap per jabatan"
QUERY_URLS = ["rekap", "kualitas", "peta", "peta_pdf", "keputusan", "ekspor_siasn_unit"]


@pytest.fixture
def abk(dunia):
    periode = PeriodeAnalisis.objects.create(instansi=dunia.instansi, nama="ABK 2025", tahun=2025)
    lain = PeriodeAnalisis.objects.create(instansi=dunia.lain_instansi, nama="ABK 2025", tahun=2025)
    kepala = JabatanFactory(
        unit=dunia.dinas, nama="Kepala Dinas", jenis="jpt_pratama", kepala_unit=True
    )
    plo = JabatanFactory(unit=dunia.sekretariat, nama="Penata Layanan Operasional")
    for i, (v, w) in enumerate([(12, 1500), (12, 4500), (12, 4500), (12, 3000)], start=1):
        TugasJabatan.objects.create(
            jabatan=plo, periode=periode, urutan=i, uraian=f"Tugas {i}", volume=v, waktu=w
        )
    TugasJabatan.objects.create(
        jabatan=kepala, periode=periode, urutan=1, uraian="Memimpin", volume=12, waktu=6250
    )
    PegawaiFactory(unit=dunia.sekretariat, jabatan=plo, status="PNS")
    job_lain = PekerjaanLatar.objects.create(
        instansi=dunia.lain_instansi,
        jenis="keputusan",
        judul="Lain",
        parameter={"unit": dunia.lain_unit.pk},
    )
    return {"periode": periode, "lain": lain, "kepala": kepala, "plo": plo, "job_lain": job_lain}


def test_every_object_url_is_covered_by_the_cross_tenant_tests():
    names = {
        p.name
        for p in abk_urls.urlpatterns
        if isinstance(p, URLPattern) and "pk" in p.pattern.converters
    }
    assert names == OBJECT_URLS | DIUJI_DI_TEMPAT_LAIN


@pytest.mark.parametrize("name", sorted(OBJECT_URLS))
def test_another_instansi_gets_404_on_every_object_url(users, login, abk, name):
    obj = abk["job_lain"] if name.startswith("pekerjaan") else abk["lain"]
    client = login(users["admin"])
    assert client.get(reverse(f"abk:{name}", args=[obj.pk])).status_code == 404
    assert client.post(
        reverse(f"abk:{name}", args=[obj.pk]), {"nama": "X", "tahun": 2030}
    ).status_code in (404, 405)
    assert not PeriodeAnalisis.objects.filter(nama="X").exists()


@pytest.mark.parametrize("name", QUERY_URLS)
def test_reports_of_another_instansi_or_unit_are_404(dunia, users, login, abk, name):
    url = reverse(f"abk:{name}")
    admin = login(users["admin"])
    assert admin.get(url, {"periode": abk["lain"].pk}).status_code == 404
    assert (
        admin.get(url, {"periode": abk["periode"].pk, "unit": dunia.lain_unit.pk}).status_code
        == 404
    )
    operator = login(users["operator"])
    assert (
        operator.get(url, {"periode": abk["periode"].pk, "unit": dunia.dinas_lain.pk}).status_code
        == 404
    )


def test_the_rekap_shows_need_bezetting_and_ej(dunia, users, login, abk):
    html = (
        login(users["admin"]).get(reverse("abk:rekap"), {"unit": dunia.dinas.pk}).content.decode()
    )
    # Columns: No., Jabatan, Unit, jam, Kebutuhan, K, B, ±, EJ, Predikat, Temuan.
    # PLO: 12 × (1,500 + 4,500 + 4,500 + 3,000) = 162,000 min = 2,700 h; ÷ 75,000 = 2.160
    # → K 2 (half up); B 1 PNS; ± 1 − 2 = −1; EJ 162,000 ÷ (1 × 75,000) = 2.16 ≥ 1.00 → A.
    assert baris(html, "Penata Layanan Operasional", REKAP) == [
        "2", "Penata Layanan Operasional", "Sekretariat", "2.700,00", "2,160", "2", "1 PNS 1",
        "-1", "2,16", "A", "",
    ]  # fmt: skip
    # Kepala Dinas: 12 × 6,250 = 75,000 min = 1,250 h → 1.000, K 1, nobody holds it: no EJ.
    assert baris(html, "Kepala Dinas", REKAP) == [
        "1", "Kepala Dinas", "Dinas Sosial", "1.250,00", "1,000", "1", "0", "-1", "–", "", "",
    ]  # fmt: skip
    # Jumlah: 2,700 + 1,250 = 3,950 h; 2.160 + 1.000 = 3.160; K 2 + 1 = 3; B 1; ± −2;
    # EU 237,000 ÷ (1 × 75,000) = 3.16.
    assert baris(html, "Jumlah", REKAP) == [
        "Jumlah", "3.950,00", "3,160", "3", "1", "-2", "3,16", "A", "",
    ]  # fmt: skip
    # Per unit, K and B include sub-units: Dinas Sosial 3 needed, 1 held, 2 short.
    assert baris(html, "Dinas Sosial", "Rekap per unit, termasuk sub-unit") == [
        "Dinas Sosial", "2", "3", "1", "2", "0", "3,16", "A",
    ]  # fmt: skip
    assert "<svg" in html and "Kebutuhan pegawai (K) dibanding bezetting (B)" in html


def test_the_peta_jabatan_shows_b_k_and_the_difference_per_position(dunia, users, login, abk):
    html = login(users["admin"]).get(reverse("abk:peta"), {"unit": dunia.dinas.pk}).content.decode()
    # Nama jabatan, Kls, B, K, ± (B − K): PLO 1 held, 2 needed; Kepala Dinas 0 held, 1 needed.
    assert baris(html, "Penata Layanan Operasional") == ["Penata Layanan Operasional", "-", "1",
                                                         "2", "-1"]  # fmt: skip
    assert baris(html, "Kepala Dinas") == ["Kepala Dinas", "-", "0", "1", "-1"]
    assert "Jumlah unit dan sub-unit: B 1 · K 3 · kurang 2 · lebih 0" in html


def test_an_operator_sees_its_own_unit_without_asking(dunia, users, login, abk):
    html = login(users["operator"]).get(reverse("abk:rekap")).content.decode()
    assert "Penata Layanan Operasional" in html
    assert "Seluruh instansi" not in html


def test_the_rekap_runs_a_bounded_number_of_queries(
    dunia, users, login, abk, django_assert_max_num_queries
):
    client = login(users["admin"])
    for i in range(25):
        j = JabatanFactory(unit=dunia.bidang, nama=f"Pelaksana {i}")
        TugasJabatan.objects.bulk_create(
            TugasJabatan(
                jabatan=j, periode=abk["periode"], urutan=k, uraian="x", volume=12, waktu=900
            )
            for k in range(8)
        )
        PegawaiFactory(unit=dunia.bidang, jabatan=j)
    for name in ["rekap", "peta", "kualitas"]:
        with django_assert_max_num_queries(20):
            response = client.get(reverse(f"abk:{name}"), {"unit": dunia.dinas.pk})
        assert response.status_code == 200
        if name != "kualitas":
            assert "Pelaksana 24" in response.content.decode()


def test_the_peta_jabatan_pdf_is_landscape(dunia, users, login, abk):
    response = login(users["admin"]).get(reverse("abk:peta_pdf"), {"unit": dunia.dinas.pk})
    page = PdfReader(io.BytesIO(response.content)).pages[0]
    assert page.mediabox.width > page.mediabox.height
    teks = " ".join(page.extract_text().split())
    assert "PETA JABATAN DINAS SOSIAL" in teks and "Penata Layanan Operasional" in teks
    # Dinas Sosial's box on the chart, with its sub-units: B 1 (the PLO holder), K 1 + 2 = 3,
    # 2 short; the PLO's own box: 1 held, 2 needed
    assert "Dinas Sosial B 1 · K 3 · kurang 2 · lebih 0" in teks
    assert "Penata Layanan Operasional Kelas - · B 1 · K 2 · ± −1" in teks


def test_the_decree_starts_from_the_default_text_and_can_be_edited(dunia, users, login, abk):
    client = login(users["admin"])
    url = reverse("abk:keputusan") + f"?periode={abk['periode'].pk}&unit={dunia.dinas.pk}"
    assert "Buat keputusan" in client.get(url).content.decode()
    assert not Keputusan.objects.exists()  # opening the page writes nothing
    assert client.post(url, {"aksi": "buat"}).status_code == 302
    html = client.get(url).content.decode()
    k = Keputusan.objects.get(unit=dunia.dinas)
    # fixtures/keputusan_bawaan.json with {unit} = Dinas Sosial, {daerah} = Kota Tarakan,
    # {kepala} = Wali Kota, {instansi} = Pemerintah Kota Tarakan.
    assert k.kesatu == (
        "Analisis Jabatan dan Analisis Beban Kerja pada Dinas Sosial Kota Tarakan dengan "
        "informasi jabatan sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak "
        "terpisahkan dari Keputusan Wali Kota ini."
    )
    assert k.kedua == (
        "Keputusan Wali Kota ini merupakan pedoman dalam Penataan Kepegawaian di Lingkungan "
        "Pemerintah Kota Tarakan."
    )
    assert k.ketiga == "Keputusan Wali Kota ini mulai berlaku pada tanggal ditetapkan."
    assert k.menimbang[1].endswith(
        "perlu menetapkan Keputusan Wali Kota tentang Analisis Jabatan dan Analisis Beban Kerja "
        "pada Dinas Sosial Kota Tarakan"
    )
    assert k.tembusan == ["Kepala Dinas Sosial Kota Tarakan."]
    assert k.penandatangan_jabatan == "WALI KOTA TARAKAN,"
    teks = [k.kesatu, k.kedua, k.ketiga, *k.menimbang, *k.mengingat, *k.tembusan]
    assert not [t for t in teks if "{" in t or "}" in t]
    assert len(k.mengingat) == 7 and "Nomor 1 Tahun 2020" in html
    data = {
        "nomor": "800/12/2025",
        "tanggal": "2025-06-24",
        "kesatu": k.kesatu,
        "kedua": k.kedua,
        "ketiga": k.ketiga,
        "ditetapkan_di": "Tarakan",
        "penandatangan_jabatan": "WALI KOTA TARAKAN,",
        "penandatangan_nama": "BUSTAN",
        "menimbang_teks": "a. bahwa satu;\nb. bahwa dua;",
        "mengingat_teks": "1. Undang-Undang A;\n2. Peraturan B;",
        "tembusan_teks": "Inspektur.",
    }
    assert client.post(url, data).status_code == 302
    k.refresh_from_db()
    assert k.menimbang == ["bahwa satu", "bahwa dua"] and k.mengingat == [
        "Undang-Undang A",
        "Peraturan B",
    ]
    response = client.post(
        reverse("abk:keputusan_cetak") + f"?periode={abk['periode'].pk}&unit={dunia.dinas.pk}"
    )
    assert response["Content-Type"] == "application/pdf"
    teks = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(response.content)).pages
    )
    for bagian in [
        "KEPUTUSAN WALI KOTA TARAKAN",
        "NOMOR 800/12/2025",
        "Menimbang",
        "Mengingat",
        "MEMUTUSKAN",
        "KESATU",
        "KEDUA",
        "KETIGA",
        "Ditetapkan di Tarakan",
        "24 Juni 2025",
        "BUSTAN",
        "DAFTAR INFORMASI JABATAN PADA DINAS SOSIAL",
        "2. Penata Layanan Operasional",
        "INFORMASI JABATAN",
    ]:
        assert bagian in teks, bagian


def test_a_long_decree_is_printed_in_the_background_with_progress(
    dunia, users, login, abk, settings, django_capture_on_commit_callbacks
):
    from abk import views

    client = login(users["admin"])
    q = f"?periode={abk['periode'].pk}&unit={dunia.dinas.pk}"
    settings.DEBUG = False
    views.BATAS_CETAK_LANGSUNG, lama = 0, views.BATAS_CETAK_LANGSUNG
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("abk:keputusan_cetak") + q)
    finally:
        views.BATAS_CETAK_LANGSUNG = lama
    job = PekerjaanLatar.objects.get(instansi=dunia.instansi)
    assert response.status_code == 302 and response["Location"] == reverse(
        "abk:pekerjaan", args=[job.pk]
    )
    assert job.status == "selesai" and job.persen == 100
    page = client.get(response["Location"]).content.decode()
    assert "Unduh PDF" in page and 'value="100"' in page
    pdf = client.get(reverse("abk:pekerjaan_unduh", args=[job.pk]))
    reader = PdfReader(io.BytesIO(b"".join(pdf.streaming_content)))
    teks = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "KEPUTUSAN WALI KOTA TARAKAN" in teks
    assert "DAFTAR INFORMASI JABATAN PADA DINAS SOSIAL" in teks
    assert "2. Penata Layanan Operasional" in teks


def test_a_waiting_job_page_polls_for_progress(dunia, users, login):
    job = PekerjaanLatar.objects.create(
        instansi=dunia.instansi,
        jenis="keputusan",
        judul="Keputusan",
        parameter={"unit": dunia.dinas.pk},
        langkah_total=100,
        langkah_selesai=40,
        status="berjalan",
    )
    client = login(users["admin"])
    html = client.get(reverse("abk:pekerjaan", args=[job.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in html and 'value="40"' in html
    assert client.get(reverse("abk:pekerjaan_unduh", args=[job.pk])).status_code == 404
    frag = client.get(reverse("abk:pekerjaan", args=[job.pk]), headers={"HX-Request": "true"})
    assert "<html" not in frag.content.decode()


def test_a_new_period_starts_as_a_copy_of_the_previous(dunia, users, login, abk):
    client = login(users["admin"])
    response = client.post(
        reverse("abk:periode_salin", args=[abk["periode"].pk]), {"nama": "ABK 2026", "tahun": 2026}
    )
    assert response.status_code == 302
    baru = PeriodeAnalisis.objects.get(instansi=dunia.instansi, nama="ABK 2026")
    assert TugasJabatan.objects.filter(periode=baru).count() == 5
    assert TugasJabatan.objects.filter(periode=abk["periode"]).count() == 5
    html = client.get(
        reverse("abk:rekap"), {"periode": baru.pk, "unit": dunia.dinas.pk}
    ).content.decode()
    # The copied tasks give the same 162,000 min ÷ 75,000 = 2.160 as the first period.
    assert baris(html, "Penata Layanan Operasional", REKAP)[4] == "2,160"


def test_period_parameters_are_validated_in_indonesian(users, login, abk):
    response = login(users["admin"]).post(
        reverse("abk:periode_ubah", args=[abk["periode"].pk]),
        {
            "nama": "ABK 2025",
            "tahun": 2025,
            "waktu_efektif_menit": "0",
            "pembulatan": "half_up",
            "pita_efektivitas": "0,5 D\n0,9 B",
            "dasar_hukum": "",
        },
    )
    html = response.content.decode()
    assert "Waktu kerja efektif harus lebih dari 0." in html
    assert "Urutkan predikat dari batas tertinggi ke terendah." in html
    abk["periode"].refresh_from_db()
    assert abk["periode"].waktu_efektif_menit == Decimal(75000)


def test_only_an_admin_instansi_changes_periods(users, login, abk):
    response = login(users["operator"]).get(reverse("abk:periode_ubah", args=[abk["periode"].pk]))
    assert response.status_code == 403


def test_the_task_table_recomputes_live_from_unsaved_rows(dunia, users, login, abk):
    plo = abk["plo"]
    data = {
        "tugas-TOTAL_FORMS": "2",
        "tugas-INITIAL_FORMS": "0",
        "tugas-MIN_NUM_FORMS": "0",
        "tugas-MAX_NUM_FORMS": "1000",
        "tugas-0-uraian": "A",
        "tugas-0-volume": "48",
        "tugas-0-waktu": "180",
        "tugas-0-ORDER": "1",
        "tugas-1-uraian": "B",
        "tugas-1-volume": "12",
        "tugas-1-waktu": "1500",
        "tugas-1-ORDER": "2",
    }
    html = (
        login(users["operator"])
        .post(reverse("anjab:jabatan_hitung", args=[plo.pk]), data)
        .content.decode()
    )
    # 48 × 180 + 12 × 1,500 = 26,640 min ÷ 75,000 = 0.3552; rounded half up, 0 people.
    assert baris(html, "JUMLAH") == ["JUMLAH", "0,355"]
    assert baris(html, "JUMLAH PEGAWAI") == ["JUMLAH PEGAWAI", "0"]
    assert "<html" not in html
    assert TugasJabatan.objects.filter(jabatan=plo).count() == 4  # nothing saved
    data["tugas-1-waktu"] = "abc"
    html = (
        login(users["operator"])
        .post(reverse("anjab:jabatan_hitung", args=[plo.pk]), data)
        .content.decode()
    )
    assert "Perbaiki isian" in html


def test_the_data_quality_page_lists_declared_differences(tarakan, login):
    from django.contrib.auth.models import User

    client = login(User.objects.get(username="tarakan"))
    html = client.get(reverse("abk:kualitas"), {"unit": tarakan["dinas"].pk}).content.decode()
    assert "Kebutuhan pegawai tercetak 14,400, hasil hitung 17,280" in html
    assert "Butir 41: volume kegiatan nol." in html
    rekap = client.get(reverse("abk:rekap"), {"unit": tarakan["dinas"].pk}).content.decode()
    assert (
        "mencantumkan kebutuhan 75 orang; hasil hitung ulang 86 orang (selisih +11 orang)" in rekap
    )
    # The whole-instansi summary (from the database's sums; one of its 38 positions printed no
    # figure, so no printed total is compared) leads to the checks of every position.
    seluruh = client.get(reverse("abk:rekap")).content.decode()
    assert "mencantumkan kebutuhan" not in seluruh
    assert "Periksa kualitas data seluruh instansi" in seluruh
    assert "<strong>86</strong>" in seluruh


@pytest.fixture
def tarakan(db):
    from io import StringIO

    from django.core.management import call_command

    from organisasi.models import UnitOrganisasi

    call_command("load_demo", stdout=StringIO())
    return {"dinas": UnitOrganisasi.objects.get(nama="Dinas Sosial dan Pemberdayaan Masyarakat")}


def test_bezetting_is_counted_by_status_or_entered_per_position(dunia, users, login, abk):
    PegawaiFactory(unit=dunia.sekretariat, jabatan=abk["plo"], status="PPPK", golongan=None,
                   nip="199205172023212001")  # fmt: skip
    kepala = abk["kepala"]
    kepala.bezetting_diisi = 1
    kepala.save()
    html = (
        login(users["admin"]).get(reverse("abk:rekap"), {"unit": dunia.dinas.pk}).content.decode()
    )
    assert "PNS 1 · PPPK 1" in html and "diisi" in html


def test_an_employee_is_linked_to_the_position_held(dunia, users, login, abk):
    response = login(users["operator"]).post(
        reverse("organisasi:pegawai_create"),
        {"nip": "199001012015032004", "nama": "Sri Wahyuni", "status": "PNS", "pendidikan": "S-1",
         "unit": dunia.sekretariat.pk, "jabatan": abk["plo"].pk},
    )  # fmt: skip
    assert response.status_code == 302
    assert abk["plo"].pemangku.filter(nama="Sri Wahyuni").exists()
