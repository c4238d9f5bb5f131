import io

import pytest
from django.urls import URLPattern, reverse
from pypdf import PdfReader

from anjab import urls as anjab_urls
from anjab.models import BakatKerja, Jabatan, TugasJabatan
from organisasi.akses import Peran
from tests.factories import JabatanFactory, make_user

OBJECT_URLS = {
    "jabatan_detail": ("jabatan", []),
    "jabatan_bagian": ("jabatan", ["tugas"]),
    "jabatan_salin": ("jabatan", []),
    "jabatan_hitung": ("jabatan", []),
    "jabatan_hapus": ("jabatan", []),
    "jabatan_evaluasi": ("jabatan", []),
    "dokumen": ("jabatan", ["informasi-jabatan"]),
    "dokumen_pdf": ("jabatan", ["informasi-jabatan"]),
    "dokumen_docx": ("jabatan", ["informasi-jabatan"]),
    "jabatan_create": ("unit", []),
    "katalog_ubah": ("katalog", []),
}


HANYA_POST = {("jabatan_hitung", "get")}


def test_every_object_url_is_covered_by_the_cross_tenant_tests():
    names = {
        p.name
        for p in anjab_urls.urlpatterns
        if isinstance(p, URLPattern) and ({"pk", "unit_pk"} & set(p.pattern.converters))
    }
    assert names == set(OBJECT_URLS)


@pytest.fixture
def jabatan(dunia):
    return {
        "sendiri": JabatanFactory(unit=dunia.bidang, nama="Penelaah Teknis Kebijakan"),
        "unit_lain": JabatanFactory(unit=dunia.dinas_lain, nama="Analis Kesehatan"),
        "instansi_lain": JabatanFactory(unit=dunia.lain_unit, nama="Guru"),
    }


def _url(name, obj, dunia):
    kind, extra = OBJECT_URLS[name]
    if kind == "katalog":
        return reverse("anjab:katalog_ubah", args=["bakat-kerja", obj.pk])
    return reverse(f"anjab:{name}", args=[obj.pk, *extra])


@pytest.mark.parametrize("name", sorted(OBJECT_URLS))
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_instansi_gets_404_on_every_object_url(dunia, users, login, jabatan, name, method):
    kind = OBJECT_URLS[name][0]
    obj = {
        "jabatan": jabatan["instansi_lain"],
        "unit": dunia.lain_unit,
        "katalog": BakatKerja.objects.create(instansi=dunia.lain_instansi, kode="X", nama="Lain"),
    }[kind]
    response = getattr(login(users["admin"]), method)(_url(name, obj, dunia))
    assert response.status_code == (405 if (name, method) in HANYA_POST else 404)
    assert Jabatan.objects.filter(pk=jabatan["instansi_lain"].pk).exists()


@pytest.mark.parametrize(
    "name", sorted(n for n, (k, _) in OBJECT_URLS.items() if k in {"jabatan", "unit"})
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_an_operator_gets_404_outside_its_unit(dunia, users, login, jabatan, name, method):
    obj = dunia.dinas_lain if OBJECT_URLS[name][0] == "unit" else jabatan["unit_lain"]
    response = getattr(login(users["operator"]), method)(_url(name, obj, dunia))
    assert response.status_code == (405 if (name, method) in HANYA_POST else 404)
    assert Jabatan.objects.filter(pk=jabatan["unit_lain"].pk).exists()


def test_readers_cannot_change_a_position(dunia, users, login, jabatan):
    client = login(users["pembaca"])
    url = reverse("anjab:jabatan_bagian", args=[jabatan["sendiri"].pk, "umum"])
    assert client.get(url).status_code == 200
    response = client.post(url, {"nama": "Diubah", "jenis": "pelaksana"})
    assert response.status_code == 403
    jabatan["sendiri"].refresh_from_db()
    assert jabatan["sendiri"].nama == "Penelaah Teknis Kebijakan"


def test_an_operator_creates_a_position_in_its_unit(dunia, users, login):
    response = login(users["operator"]).post(
        reverse("anjab:jabatan_create", args=[dunia.bidang.pk]),
        {"nama": "Penata Layanan Operasional", "jenis": "pelaksana", "ikhtisar": "Melakukan"},
    )
    j = Jabatan.objects.get(nama="Penata Layanan Operasional")
    assert response.status_code == 302
    assert j.unit == dunia.bidang and j.instansi == dunia.instansi


def test_a_functional_position_needs_its_jenjang(dunia, users, login):
    response = login(users["operator"]).post(
        reverse("anjab:jabatan_create", args=[dunia.bidang.pk]),
        {"nama": "Penyuluh Sosial", "jenis": "fungsional"},
    )
    assert response.status_code == 200
    assert "Jabatan fungsional harus mempunyai jenjang." in response.content.decode()
    assert not Jabatan.objects.filter(nama="Penyuluh Sosial").exists()


def _tugas_post(rows, *, initial=0, order=None, delete=(), versi=1):
    """The task tab as sent; `versi` is the position's version the page was opened on."""
    data = {
        "versi": str(versi),
        "tugas-TOTAL_FORMS": str(len(rows)),
        "tugas-INITIAL_FORMS": str(initial),
        "tugas-MIN_NUM_FORMS": "0",
        "tugas-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"tugas-{i}-{key}"] = value
        data[f"tugas-{i}-ORDER"] = str((order or list(range(1, len(rows) + 1)))[i])
        if i in delete:
            data[f"tugas-{i}-DELETE"] = "on"
    return data


def test_task_rows_are_saved_in_the_order_shown(dunia, users, login, jabatan):
    j = jabatan["sendiri"]
    client = login(users["operator"])
    url = reverse("anjab:jabatan_bagian", args=[j.pk, "tugas"])
    rows = [
        {"uraian": "Menyusun rencana", "hasil_kerja": "Dokumen", "volume": "12", "waktu": "1500"},
        {"uraian": "Mengolah data", "hasil_kerja": "Data", "volume": "48", "waktu": "180"},
        {"uraian": "Membuat laporan", "hasil_kerja": "Laporan", "volume": "12", "waktu": "300"},
    ]
    assert client.post(url, _tugas_post(rows, order=[2, 3, 1])).status_code == 302
    assert [t.uraian for t in j.tugas.all()] == [
        "Membuat laporan",
        "Menyusun rencana",
        "Mengolah data",
    ]
    saved = list(j.tugas.all())
    # Now delete the first row and move "Mengolah data" up.
    edit = [{"id": str(t.pk), "uraian": t.uraian, "hasil_kerja": t.hasil_kerja,
             "volume": str(t.volume), "waktu": str(t.waktu)} for t in saved]  # fmt: skip
    assert (
        client.post(
            url, _tugas_post(edit, initial=3, order=[3, 2, 1], delete=(0,), versi=2)
        ).status_code
        == 302
    )
    assert [t.uraian for t in j.tugas.all()] == ["Mengolah data", "Menyusun rencana"]
    assert [t.urutan for t in j.tugas.all()] == [1, 2]
    page = client.get(url).content.decode()
    # 48 × 180 + 12 × 1500 = 26,640 minutes ÷ 75,000 = 0,355
    assert "0,355" in page


def test_an_invalid_row_is_reported_at_its_field_and_nothing_is_saved(dunia, users, login, jabatan):
    j = jabatan["sendiri"]
    url = reverse("anjab:jabatan_bagian", args=[j.pk, "tugas"])
    rows = [
        {"uraian": "Menyusun rencana", "hasil_kerja": "Dokumen", "volume": "12", "waktu": "1500"},
        {"uraian": "Mengolah data", "hasil_kerja": "Data", "volume": "-3", "waktu": "abc"},
    ]
    response = login(users["operator"]).post(url, _tugas_post(rows))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nilai tidak boleh negatif." in html and "Masukkan sebuah bilangan." in html
    assert 'value="Menyusun rencana"' in html or "Menyusun rencana</textarea>" in html
    assert not TugasJabatan.objects.filter(jabatan=j).exists()


def test_copying_a_position_copies_every_row(demo, login):
    user = make_user("tarakan_admin", peran=Peran.ADMIN_INSTANSI,
                     instansi=Jabatan.objects.get(nama="Kepala Kantor").instansi)  # fmt: skip
    ps = Jabatan.objects.get(nama="Penyuluh Sosial Ahli Muda", unit__nama="Bidang Sosial")
    user.akses.instansi = ps.instansi
    user.akses.save()
    response = login(user).post(
        reverse("anjab:jabatan_salin", args=[ps.pk]), {"nama": "Penyuluh Sosial Ahli Muda (2)"}
    )
    baru = Jabatan.objects.get(nama="Penyuluh Sosial Ahli Muda (2)")
    assert response.status_code == 302
    assert baru.butir.count() == ps.butir.count() == 120
    assert baru.hasil_kerja.count() == ps.hasil_kerja.count()
    assert baru.kondisi_lingkungan.count() == ps.kondisi_lingkungan.count()
    assert set(baru.bakat.all()) == set(ps.bakat.all())
    assert baru.unit == ps.unit and not baru.kepala_unit


def test_evaluation_computes_total_and_kelas_and_flags_a_different_typed_kelas(
    dunia, users, login, jabatan
):
    j = JabatanFactory(unit=dunia.dinas, nama="Kepala Dinas", jenis="administrator",
                       kepala_unit=True, kelas_jabatan=12)  # fmt: skip
    client = login(users["admin"])
    page = client.get(reverse("anjab:jabatan_evaluasi", args=[j.pk])).content.decode()
    assert "Faktor 4A" in page and "Faktor 9" not in page
    from anjab.models import FaktorEvaluasi

    data = {}
    for f in FaktorEvaluasi.objects.filter(jenis="struktural"):
        data[f"level_{f.pk}"] = {"1": 3, "2": 1, "3": 2, "4A": 3, "4B": 3, "5": 3, "6": 2}[f.kode]
        data[f"uraian_{f.pk}"] = f"Uraian faktor {f.kode}"
    assert client.post(reverse("anjab:jabatan_evaluasi", args=[j.pk]), data).status_code == 302
    j.refresh_from_db()
    assert (j.evaluasi.total_nilai, j.evaluasi.kelas) == (2515, 13)
    detail = client.get(reverse("anjab:jabatan_detail", args=[j.pk])).content.decode()
    assert "berbeda dengan kelas hasil evaluasi jabatan (13" in detail


def test_evaluation_without_every_factor_is_refused_in_indonesian(dunia, users, login, jabatan):
    j = jabatan["sendiri"]
    response = login(users["admin"]).post(reverse("anjab:jabatan_evaluasi", args=[j.pk]), {})
    assert response.status_code == 200
    assert "Wajib diisi." in response.content.decode()
    assert "Bidang ini tidak boleh kosong." not in response.content.decode()
    assert not hasattr(Jabatan.objects.get(pk=j.pk), "evaluasi")


def _pdf_text(content: bytes) -> str:
    return " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(content)).pages
    )


def test_the_informasi_jabatan_pdf_of_kepala_dinas(demo, login):
    kadis = Jabatan.objects.get(nama="Kepala Dinas Sosial dan Pemberdayaan Masyarakat")
    user = make_user("admin_tarakan2", peran=Peran.ADMIN_INSTANSI, instansi=kadis.instansi)
    response = login(user).get(reverse("anjab:dokumen_pdf", args=[kadis.pk, "informasi-jabatan"]))
    assert response["Content-Type"] == "application/pdf"
    teks = _pdf_text(response.content)
    for heading in ["INFORMASI JABATAN", "1. NAMA JABATAN", "3. UNIT KERJA", "JPT Pratama",
                    "4. IKHTISAR JABATAN", "5. SYARAT JABATAN", "6. TUGAS POKOK", "7. HASIL KERJA",
                    "8. BAHAN KERJA", "9. PERANGKAT KERJA", "10. TANGGUNG JAWAB", "11. WEWENANG",
                    "12. KORELASI JABATAN", "13. KONDISI LINGKUNGAN KERJA", "14. RISIKO BAHAYA",
                    "15. SYARAT JABATAN LAIN", "16. PRESTASI KERJA YANG DIHARAPKAN",
                    "17. KELAS JABATAN"]:  # fmt: skip
        assert heading in teks, heading
    assert "Sekretaris Daerah" in teks
    assert "1,202" in teks and "14 (Empat Belas)" in teks and "Halaman 1 dari" in teks


def test_the_preview_shows_the_same_document_in_html(demo, login):
    plo = Jabatan.objects.get(
        nama="Penata Layanan Operasional", unit__nama__startswith="Sub Bagian Umum"
    )
    user = make_user("admin_tarakan3", peran=Peran.ADMIN_INSTANSI, instansi=plo.instansi)
    html = (
        login(user)
        .get(reverse("anjab:dokumen", args=[plo.pk, "informasi-jabatan"]))
        .content.decode()
    )
    assert "INFORMASI JABATAN" in html and "2,880" in html and "7 (Tujuh)" in html


def test_an_admin_instansi_adds_a_catalogue_row_that_only_its_instansi_sees(dunia, users, login):
    client = login(users["admin"])
    response = client.post(
        reverse("anjab:katalog_daftar", args=["bakat-kerja"]),
        {
            "kode": "Z",
            "nama": "Bakat lokal",
            "urutan": "99",
            "uraian": "",
            "dasar_hukum": "Perwali",
        },
    )
    assert response.status_code == 302
    assert BakatKerja.objects.get(kode="Z").instansi == dunia.instansi
    lain = login(users["admin_lain"]).get(reverse("anjab:katalog_daftar", args=["bakat-kerja"]))
    assert "Bakat lokal" not in lain.content.decode()
    op = login(users["operator"]).post(
        reverse("anjab:katalog_daftar", args=["bakat-kerja"]), {"kode": "Y", "nama": "X"}
    )
    assert op.status_code == 403
    national = BakatKerja.objects.get(kode="G", instansi=None)
    assert (
        client.get(reverse("anjab:katalog_ubah", args=["bakat-kerja", national.pk])).status_code
        == 404
    )


def test_the_position_list_runs_a_constant_number_of_queries(
    dunia, users, login, django_assert_max_num_queries
):
    client = login(users["admin"])
    for i in range(30):
        JabatanFactory(unit=dunia.bidang, nama=f"Pelaksana {i}")
    with django_assert_max_num_queries(12):
        response = client.get(reverse("anjab:daftar"), {"unit": dunia.dinas.pk})
    assert response.content.decode().count("/dokumen/informasi-jabatan.pdf") == 30


def test_the_unit_picker_carries_ids_above_999_unformatted(dunia, users, login):
    from tests.factories import UnitFactory

    UnitFactory(pk=23456, parent=dunia.bidang, nama="Seksi Besar", jenis="seksi")
    html = login(users["admin"]).get(reverse("anjab:daftar")).content.decode()
    assert '<option value="23456"' in html


def test_evaluation_explains_each_level_and_warns_when_the_kelas_is_unusual(
    dunia, users, login, jabatan
):
    from anjab.models import FaktorEvaluasi

    j = JabatanFactory(unit=dunia.dinas, nama="Kepala Seksi", jenis="pengawas")
    client = login(users["admin"])
    url = reverse("anjab:jabatan_evaluasi", args=[j.pk])
    page = client.get(url).content.decode()
    # the level's meaning beside its points, the factor's name once (in the legend)
    assert "Tingkat 1-3 · 550 nilai — Program pada lingkup satu instansi" in page
    assert page.count("Faktor 1: Ruang lingkup dan dampak program") == 1
    assert 'data-evaluasi="{&quot;nilai&quot;' in page
    data = {}
    for f in FaktorEvaluasi.objects.filter(jenis="struktural"):
        data[f"level_{f.pk}"] = {"1": 3, "2": 1, "3": 2, "4A": 3, "4B": 3, "5": 3, "6": 2}[f.kode]
    client.post(url, data)
    page = client.get(url).content.decode()
    # seed 000's levels give kelas 13: far above a Pengawas's usual 7–10
    assert "Kelas 13 tidak lazim untuk jabatan Pengawas (lazimnya kelas 7–10)" in page
