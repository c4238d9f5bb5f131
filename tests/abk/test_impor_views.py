import io
import json
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from abk.models import ImporBuku
from anjab.models import Jabatan, PeriodeAnalisis
from organisasi.models import Instansi, UnitOrganisasi
from tests.abk.test_impor import seed_001, snapshot


def _unggah(client, path, **data):
    berkas = SimpleUploadedFile(path.name, path.read_bytes())
    return client.post(reverse("abk:impor_daftar"), {"berkas": berkas, **data})


@pytest.fixture
def periode(dunia):
    return PeriodeAnalisis.objects.create(instansi=dunia.instansi, nama="ABK 2024", tahun=2024)


def test_upload_map_check_then_import(dunia, users, login, periode, tmp_path):
    client = login(users["operator"])
    response = _unggah(client, seed_001(tmp_path / "abk.xlsx"), unit=dunia.bidang.pk)
    impor = ImporBuku.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "abk:impor_detail", args=[impor.pk]
    )
    page = client.get(response["Location"]).content.decode()
    assert "bertuliskan jam tetapi berisi menit" in page and "JUMLAH BEBAN KERJA 1 TAHUN" in page
    form = {"aksi": "periksa", "l0-satuan": "menit"}
    for k, f in impor.pemetaan["lembar"][0]["kolom"].items():
        form[f"l0-k{k}"] = f
    sebelum = snapshot()
    client.post(response["Location"], form)
    impor.refresh_from_db()
    assert impor.status == "diperiksa" and impor.ringkasan["jabatan"]["dibuat"] == 2
    assert snapshot() == sebelum  # the check wrote nothing
    page = client.get(response["Location"]).content.decode()
    assert "Hasil pemeriksaan (uji coba" in page and "Impor sekarang" in page
    client.post(response["Location"], {**form, "aksi": "impor"})
    impor.refresh_from_db()
    assert impor.status == "diimpor"
    assert Jabatan.objects.get(nama="Penata Layanan Operasional").unit == dunia.bidang


def test_a_rejected_row_blocks_the_import_until_valid_rows_only_is_chosen(
    dunia, users, login, periode, tmp_path
):
    from tests.abk.test_impor import buku

    path = buku(
        tmp_path / "x.xlsx",
        {
            "Tugas": [
                ["Nama Jabatan", "Uraian Tugas", "Volume"],
                ["Analis", "Survei", 12],
                ["Analis", "Rekap", "0:09"],
            ]
        },
    )
    client = login(users["admin"])
    _unggah(client, path, unit=dunia.dinas.pk)
    impor = ImporBuku.objects.get()
    url = reverse("abk:impor_detail", args=[impor.pk])
    form = {
        "l0-satuan": "menit",
        "l0-k0": "nama_jabatan",
        "l0-k1": "uraian_tugas",
        "l0-k2": "volume",
    }
    client.post(url, {**form, "aksi": "periksa"})
    page = client.get(url).content.decode()
    assert "Baris yang ditolak (1)" in page and "0:09" in page and "bukan angka" in page
    client.post(url, {**form, "aksi": "impor"})
    assert not Jabatan.objects.exists()
    client.post(url, {**form, "aksi": "impor", "hanya_sah": "1"})
    assert Jabatan.objects.get(nama="Analis").tugas.count() == 1


@pytest.mark.parametrize(
    ("isi", "pesan"), [(b"bukan excel", "bukan buku kerja Excel"), (b"", "kosong")]
)
def test_a_broken_upload_is_refused_at_the_field_and_stores_nothing(
    dunia, users, login, periode, isi, pesan
):
    client = login(users["admin"])
    response = client.post(
        reverse("abk:impor_daftar"),
        {"berkas": SimpleUploadedFile("data.xlsx", isi), "unit": dunia.dinas.pk},
    )
    assert response.status_code == 200 and pesan in response.content.decode()
    assert not ImporBuku.objects.exists()


def test_imports_of_another_instansi_or_unit_are_404(dunia, users, login, periode, tmp_path):
    impor = ImporBuku.objects.create(
        instansi=dunia.lain_instansi, berkas="x.xlsx", nama_berkas="x.xlsx"
    )
    assert (
        login(users["admin"]).get(reverse("abk:impor_detail", args=[impor.pk])).status_code == 404
    )
    milik_dinas_lain = ImporBuku.objects.create(
        instansi=dunia.instansi, berkas="y.xlsx", nama_berkas="y.xlsx", unit=dunia.dinas_lain
    )
    response = login(users["operator"]).get(reverse("abk:impor_detail", args=[milik_dinas_lain.pk]))
    assert response.status_code == 404


def test_readers_cannot_import(dunia, users, login, periode, tmp_path):
    response = _unggah(
        login(users["pembaca"]), seed_001(tmp_path / "abk.xlsx"), unit=dunia.dinas.pk
    )
    assert response.status_code == 403 and not ImporBuku.objects.exists()


def test_a_large_workbook_runs_in_the_background(
    dunia, users, login, periode, tmp_path, monkeypatch, django_capture_on_commit_callbacks
):
    from abk.impor import layanan

    monkeypatch.setattr(layanan, "BATAS_LATAR", 5)
    client = login(users["admin"])
    _unggah(client, seed_001(tmp_path / "abk.xlsx"), unit=dunia.dinas.pk)
    impor = ImporBuku.objects.get()
    url = reverse("abk:impor_detail", args=[impor.pk])
    form = {"aksi": "periksa", "l0-satuan": "menit"}
    form.update({f"l0-k{k}": f for k, f in impor.pemetaan["lembar"][0]["kolom"].items()})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, form)
    impor.refresh_from_db()
    assert impor.pekerjaan.jenis == "impor" and impor.pekerjaan.status == "selesai"
    assert impor.status == "diperiksa" and impor.ringkasan["jabatan"]["dibuat"] == 2
    assert "Lihat hasil" in client.get(url).content.decode()


def test_the_template_documents_the_columns_and_imports_cleanly(
    dunia, users, login, periode, tmp_path
):
    from abk.impor.baca import baca_buku
    from abk.impor.proses import analisis, periksa_dan_impor

    response = login(users["admin"]).get(reverse("abk:impor_templat"))
    path = tmp_path / "templat.xlsx"
    path.write_bytes(response.content)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Jabatan", "Tugas", "Butir", "Pegawai", "Petunjuk"]
    assert [c.value for c in wb["Tugas"][1]][:4] == [
        "Unit kerja",
        "Nomor jabatan",
        "Nama jabatan",
        "Uraian tugas",
    ]
    peta = analisis(baca_buku(path), dunia.instansi.pk)
    # Task and credit sheets are both tables; each row is classified by what it holds.
    assert [p.jenis for p in peta] == ["jabatan", "tugas", "tugas", "pegawai", "tidak_dikenal"]
    hasil, rencana = periksa_dan_impor(
        path,
        peta,
        instansi=dunia.instansi,
        unit=dunia.dinas,
        periode=periode,
        buat_unit=True,
        kering=False,
    )
    assert hasil.galat == [] and rencana.galat == [] and rencana.jabatan["dibuat"] == 2


def test_export_then_import_into_a_new_instansi_reproduces_the_rekap(db, tmp_path):
    call_command("load_demo", stdout=StringIO())
    dinas = UnitOrganisasi.objects.get(nama="Dinas Sosial dan Pemberdayaan Masyarakat")
    path = tmp_path / "ekspor.xlsx"
    call_command(
        "export_workbook",
        "--instansi",
        "Pemerintah Kota Tarakan",
        "--unit",
        str(dinas.pk),
        "--out",
        str(path),
        stdout=StringIO(),
    )
    call_command(
        "import_workbook",
        str(path),
        "--instansi",
        "Pemerintah Kota Salinan",
        "--create",
        stdout=StringIO(),
    )
    sebelum = snapshot()
    call_command(
        "import_workbook", str(path), "--instansi", "Pemerintah Kota Salinan", stdout=StringIO()
    )
    assert snapshot() == sebelum

    def rekap(*args):
        out = StringIO()
        call_command("abk_rekap", *args, stdout=out)
        return [
            (
                j["nomor"],
                j["nama_jabatan"],
                j["unit"],
                j["kebutuhan"],
                j["bezetting"],
                j["kebutuhan_tercetak"],
                j["jumlah_pegawai_tercetak"],
                j["kelas"],
            )
            for j in json.loads(out.getvalue())["jabatan"]
        ]

    asli = rekap("--instansi", "Pemerintah Kota Tarakan", "--unit", str(dinas.pk))
    salinan = rekap("--instansi", "Pemerintah Kota Salinan")
    assert len(asli) == 37 and salinan == asli
    assert Instansi.objects.get(nama="Pemerintah Kota Salinan").pegawai_set.count() == 24


def _nilai(ws, awal: int) -> list[list]:
    return [list(r) for r in ws.iter_rows(min_row=awal, values_only=True)]


def test_the_rekap_and_position_exports_download(dunia, users, login, periode):
    from anjab.models import TugasJabatan
    from tests.factories import JabatanFactory, PegawaiFactory

    plo = JabatanFactory(unit=dunia.sekretariat, nama="Penata Layanan Operasional")
    for i, w in enumerate([1500, 4500, 4500, 3000], start=1):
        TugasJabatan.objects.create(
            jabatan=plo, periode=periode, urutan=i, uraian=f"Tugas {i}", volume=12, waktu=w
        )
    PegawaiFactory(unit=dunia.sekretariat, jabatan=plo, nama="Sri Wahyuni", status="PNS",
                   nip="199001012015032004")  # fmt: skip
    client = login(users["admin"])
    q = {"periode": periode.pk, "unit": dunia.dinas.pk}

    rekap = client.get(reverse("abk:ekspor_rekap"), q)
    ws = load_workbook(io.BytesIO(rekap.content))["Rekap jabatan"]
    assert ws["A1"].value == "REKAP ANALISIS BEBAN KERJA Dinas Sosial"
    baris = {r[1]: r for r in _nilai(ws, 5)}
    # Nama jabatan … Beban kerja (menit), Kebutuhan, K, B, ±, EJ, Predikat:
    # 12 × (1,500 + 4,500 + 4,500 + 3,000) = 162,000 min ÷ 75,000 = 2.16 → K 2, B 1, ± −1,
    # EJ 162,000 ÷ (1 × 75,000) = 2.16 → A.
    plo_baris = baris["Penata Layanan Operasional"]
    assert plo_baris[2] == "Sekretariat"
    assert plo_baris[5:12] == [162000, pytest.approx(2.16), 2, 1, -1, pytest.approx(2.16), "A"]
    assert baris["JUMLAH"][5:10] == [162000, pytest.approx(2.16), 2, 1, -1]

    jabatan = client.get(reverse("abk:ekspor_jabatan"), q)
    wb = load_workbook(io.BytesIO(jabatan.content))
    assert [r[2:] for r in _nilai(wb["Tugas"], 2)] == [
        ["Penata Layanan Operasional", "Tugas 1", None, 12, 1500, None],
        ["Penata Layanan Operasional", "Tugas 2", None, 12, 4500, None],
        ["Penata Layanan Operasional", "Tugas 3", None, 12, 4500, None],
        ["Penata Layanan Operasional", "Tugas 4", None, 12, 3000, None],
    ]
    pegawai = _nilai(wb["Pegawai"], 2)
    assert [(r[0], r[1], r[4], r[8]) for r in pegawai] == [
        ("199001012015032004", "Sri Wahyuni", "PNS", "Penata Layanan Operasional")
    ]
    response = login(users["admin_lain"]).get(
        reverse("abk:ekspor_jabatan"), {"periode": periode.pk}
    )
    assert response.status_code == 404


def test_a_saved_mapping_is_reused_for_the_next_workbook_of_that_shape(
    dunia, users, login, periode, tmp_path
):
    from tests.abk.test_impor import buku

    baris = [["Jab", "Kerjaan", "Berapa kali", "Lama (menit)"], ["Analis", "Survei", 12, 600]]
    client = login(users["admin"])
    _unggah(client, buku(tmp_path / "a.xlsx", {"S": baris}), unit=dunia.dinas.pk)
    impor = ImporBuku.objects.get()
    url = reverse("abk:impor_detail", args=[impor.pk])
    # "Jab" and "Kerjaan" are not known headers: the analyst maps them by hand and saves it.
    form = {
        "l0-satuan": "menit",
        "l0-k0": "nama_jabatan",
        "l0-k1": "uraian_tugas",
        "l0-k2": "volume",
        "l0-k3": "waktu",
        "nama_pemetaan": "Format Dinas X",
        "aksi": "periksa",
    }
    client.post(url, form)
    _unggah(
        client,
        buku(tmp_path / "b.xlsx", {"S": [*baris, ["Analis", "Rekap", 4, 300]]}),
        unit=dunia.dinas.pk,
    )
    kedua = ImporBuku.objects.exclude(pk=impor.pk).get()
    lembar = kedua.pemetaan["lembar"][0]
    assert lembar["kolom"] == {
        "0": "nama_jabatan",
        "1": "uraian_tugas",
        "2": "volume",
        "3": "waktu",
    }
    assert "Memakai pemetaan tersimpan “Format Dinas X”." in lembar["catatan"]


def test_the_check_step_shows_how_it_read_and_the_computed_beside_the_printed_need(
    dunia, users, login, periode, tmp_path
):
    client = login(users["operator"])
    response = _unggah(client, seed_001(tmp_path / "abk.xlsx"), unit=dunia.bidang.pk)
    client.post(response["Location"], {"aksi": "periksa"})
    page = client.get(response["Location"]).content.decode()
    assert "Cara buku kerja dibaca" in page
    assert "Sheet ABK: tabel datar" in page and "waktu dalam menit" in page
    assert "Kebutuhan dihitung dan tercetak" in page
    # Penata Layanan Operasional: 12 × (1500 + 4500 + 4500 + 3000 + 1500 + 1500 + 1500) ÷
    # 75,000 = 2.880, while the workbook prints 2,640.
    baris = page.split("<td>Penata Layanan Operasional</td>")[1].split("</tr>")[0]
    assert "2,880" in baris and "2,640" in baris and "berbeda dari angka tercetak" in baris
    kepala = page.split("<td>Kepala Dinas Sosial dan Pemberdayaan Masyarakat</td>")[1]
    assert "berbeda" not in kepala.split("</tr>")[0]


def test_an_ambiguous_unit_is_asked_in_the_mapping_step(dunia, users, login, periode, tmp_path):
    from tests.abk.test_impor import buku
    from tests.factories import UnitFactory

    kedua = UnitFactory(parent=dunia.dinas_lain, nama="Sekretariat", jenis="sekretariat")
    path = buku(
        tmp_path / "a.xlsx",
        {
            "T": [
                ["Unit Kerja", "Nama Jabatan", "Uraian Tugas", "Volume", "Waktu (menit)"],
                ["Sekretariat", "Analis Anggaran", "Menyusun anggaran", 12, 600],
            ]
        },
    )
    client = login(users["admin"])
    detail = _unggah(client, path)["Location"]
    client.post(detail, {"aksi": "periksa"})
    page = client.get(detail).content.decode()
    assert 'name="unit-Sekretariat"' in page
    assert "Dinas Kesehatan › Sekretariat" in page and "Dinas Sosial › Sekretariat" in page
    client.post(detail, {"aksi": "periksa", "unit-Sekretariat": str(kedua.pk)})
    impor = ImporBuku.objects.get()
    assert impor.status == "diperiksa" and impor.galat == []
    client.post(detail, {"aksi": "impor"})
    assert Jabatan.objects.get(nama="Analis Anggaran").unit == kedua


def test_a_different_printed_effective_time_is_warned_and_the_matching_period_offered(
    dunia, users, login, periode, tmp_path
):
    from tests.abk.test_impor import buku

    lama = PeriodeAnalisis.objects.create(
        instansi=dunia.instansi, nama="ABK 2019", tahun=2019, waktu_efektif_menit=72000
    )
    path = buku(
        tmp_path / "lama.xlsx",
        {
            "T": [
                ["Nama Jabatan", "Uraian Tugas", "Volume", "Waktu (menit)", "Waktu Efektif"],
                ["Analis", "Menyusun laporan", 12, 3000, "72.000"],
            ]
        },
    )
    client = login(users["operator"])
    detail = _unggah(client, path, unit=dunia.bidang.pk, periode=periode.pk)["Location"]
    client.post(detail, {"aksi": "periksa"})
    page = client.get(detail).content.decode()
    assert "1.200 jam (72.000 menit)" in page and "1.250 jam (75.000 menit)" in page
    assert f"ABK 2019 (id {lama.pk})" in page
    # 12 × 3000 ÷ 75,000 = 0,480 against the target period; 0,500 against the 1,200-hour one.
    assert "0,480" in page
    client.post(detail, {"aksi": "periksa", "periode": str(lama.pk)})
    page = client.get(detail).content.decode()
    assert "0,500" in page and "1.250 jam (75.000 menit)" not in page
