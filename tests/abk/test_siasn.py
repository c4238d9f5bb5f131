"""The SIASN INFOJAB workbook: export in the template's layout, import back, hand-built files."""

import zipfile
from decimal import Decimal
from io import BytesIO, StringIO

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook, load_workbook

from abk.ekspor_siasn import siasn_xlsx, siasn_zip
from abk.impor.siasn import adalah_siasn, cari_jabatan_siasn, impor_siasn
from abk.siasn_referensi import label_katalog, tata_letak
from anjab.calculations import kebutuhan_jabatan
from anjab.models import Jabatan, PeriodeAnalisis, TugasJabatan
from anjab.selectors import Struktur
from organisasi.models import UnitOrganisasi
from tests.anjab.conftest import jabatan_demo

TARAKAN = "Pemerintah Kota Tarakan"
DINAS = "Dinas Sosial dan Pemberdayaan Masyarakat"
SUBBAG_UMUM = "Sub Bagian Umum dan Kepegawaian"
KEPALA_DINAS = "Kepala Dinas Sosial dan Pemberdayaan Masyarakat"
LEMBAR = ["INFOJAB I", "INFOJAB II", "INFOJAB III", "INFOJAB IV", "INFOJAB V",
          "TABEL REFERENSI I", "TABEL REFERENSI II", "TABEL REFERENSI III"]  # fmt: skip
JUDUL_I = [
    "Kode Jabatan", "Ikhtisar Jabatan", "Tingkat Pendidikan Minimum", "Rumpun Pendidikan",
    "Rumpun Diklat", "Pengalaman Kerja (dalam hitungan tahun)", "Keterampilan Kerja",
    "Bakat Kerja", "Minat Kerja", "Tempramen Kerja", "Upaya Fisik", "Jenis Kelamin",
    "Postur Badan", "Umur Maksimal", "Penampilan", "Tinggi Badan (cm)", "Berat Badan (Kg)",
    "Terima Disabilitas", "Jenis Disabilitas", "Hubungan dengan data", "Hubungan dengan benda",
    "Hubungan dengan orang", "Nilai Kriteria", "Tanggung Jawab", "Wewenang", "Kelas Jabatan",
]  # fmt: skip
JUDUL_II = ["Uraian Tugas", "Hasil Kerja", "Satuan Hasil Kerja", "Beban Kerja 1 Tahun",
            "Waktu Kerja Efektif 1 Tahun", "Waktu Penyelesaian (jam/menit)",
            "Uraian Bahan Kerja", "Uraian Perangkat Kerja"]  # fmt: skip
# (volume, minutes) of seed 001's Kepala Dinas table.
SEED_KEPALA_DINAS = [(1, 3000), (48, 180), (48, 180), (48, 180), (12, 1500), (12, 1500),
                     (12, 300), (12, 900), (12, 900)]  # fmt: skip


def _kolom(ws, huruf: str, awal: int = 4) -> list:
    return [c.value for c in ws[huruf][awal - 1 :] if c.value is not None]


def _ekspor(jabatan, periode, tmp_path, nama="infojab.xlsx"):
    isi, laporan = siasn_xlsx(jabatan, periode)
    path = tmp_path / nama
    path.write_bytes(isi)
    return path, laporan


def _kosong_seperti(jabatan, nama="Salinan SIASN") -> Jabatan:
    return Jabatan.objects.create(unit=jabatan.unit, nama=nama, jenis=jabatan.jenis)


def _tugas(jabatan, periode) -> list[tuple]:
    return list(
        TugasJabatan.objects.filter(jabatan=jabatan, periode=periode)
        .order_by("urutan")
        .values_list("uraian", "hasil_kerja", "volume", "waktu")
    )


def _kebutuhan(jabatan, periode) -> Decimal:
    return sum(
        (v * w for _, _, v, w in _tugas(jabatan, periode) if v is not None and w is not None),
        Decimal(0),
    ) / Decimal(75000)


def test_the_export_follows_the_template_layout(tarakan, tmp_path):
    ptk = jabatan_demo("Penelaah Teknis Kebijakan", SUBBAG_UMUM)
    path, laporan = _ekspor(ptk, tarakan["periode"], tmp_path)
    wb = load_workbook(path)
    assert wb.sheetnames == LEMBAR
    i, ii = wb["INFOJAB I"], wb["INFOJAB II"]
    assert [c.value for c in i[2]] == JUDUL_I
    assert [c.value for c in ii[2]] == JUDUL_II
    assert [wb["INFOJAB III"]["A2"].value, wb["INFOJAB III"]["B2"].value] == [
        "Unit Kerja / Instansi",
        "Dalam Hal",
    ]
    assert wb["INFOJAB IV"]["A3"].value == "(lihat tabel referensi)"
    assert wb["INFOJAB V"]["A1"].value == "RESIKO BAHAYA"
    gabung = {str(r) for r in i.merged_cells.ranges}
    assert {"A1:B1", "C1:K1", "L1:S1", "T1:V1", "X1:Z1"} <= gabung
    assert i["C1"].value == "SYARAT JABATAN" and i["W1"].value == "PRESTASI KERJA DIHARAPKAN"
    assert i["H3"].value == "(lihat tabel referensi) (pilih 3)" and i["Z3"].value == "(1 - 19)"
    assert ii["E3"].value == "(1250 / 75000)"
    # Single-valued fields on the first data row only; lists go downwards in their column.
    assert i["B4"].value == ptk.ikhtisar and i["B5"].value is None
    assert i["Z4"].value == 7 and i["Z5"].value is None
    assert i["C4"].value == "S-1/Sarjana"
    assert _kolom(i, "H") == ["Intelegensia", "Bakat Verbal", "Bakat Ketelitian"]
    assert _kolom(i, "X") == [t.teks for t in ptk.tanggung_jawab.all()]
    assert len(_kolom(i, "X")) > 1
    assert _kolom(i, "W") == ["Sangat Baik"]
    assert _kolom(ii, "A") == [t.uraian for t in ptk.tugas.all()]
    assert _kolom(ii, "E") == [75000] * 6
    assert _kolom(ii, "D") == [12] * 6 and _kolom(ii, "F") == [900, 900, 2500, 900, 900, 900]
    assert _kolom(ii, "G") == [b.item for b in ptk.bahan_kerja.all()]
    assert "Keadaaan Ruangan" in _kolom(wb["INFOJAB IV"], "A")
    referensi = wb["TABEL REFERENSI I"]
    assert "Intelegensia" in [c.value for c in referensi["B"]]
    assert wb["TABEL REFERENSI II"].max_row > 24000
    # Cottle minat codes have no SIASN label: reported, not written.
    assert _kolom(i, "I") == []
    assert any(b.startswith("Minat kerja 3a (") and "tidak ada padanan SIASN" in b for b in laporan)
    assert any("Diklat 'Diklat Prajabatan'" in b for b in laporan)


def test_the_kepala_dinas_exports_its_workload_in_minutes(tarakan, tmp_path):
    kadis = jabatan_demo(KEPALA_DINAS, DINAS)
    path, _ = _ekspor(kadis, tarakan["periode"], tmp_path)
    ii = load_workbook(path)["INFOJAB II"]
    assert list(zip(_kolom(ii, "D"), _kolom(ii, "F"), strict=True)) == SEED_KEPALA_DINAS
    assert set(_kolom(ii, "E")) == {75000}
    assert load_workbook(path)["INFOJAB I"]["Z4"].value == 14


def _sama_katalog(asal: Jabatan, baru: Jabatan) -> None:
    for nama in ("bakat", "temperamen", "minat"):
        berlabel = [o.pk for o in getattr(asal, nama).all() if label_katalog(nama, o)]
        assert {o.pk for o in getattr(baru, nama).all()} == set(berlabel[:3]), nama
    assert set(baru.upaya_fisik.all()) == set(asal.upaya_fisik.all())
    for kelompok in ("data", "orang", "benda"):
        asal_f = sorted(asal.fungsi_pekerjaan.filter(kelompok=kelompok), key=lambda f: f.kode)
        baru_f = list(baru.fungsi_pekerjaan.filter(kelompok=kelompok))
        assert baru_f == asal_f[:1], kelompok


@pytest.mark.parametrize(
    ("nama", "unit"), [("Penelaah Teknis Kebijakan", SUBBAG_UMUM), (KEPALA_DINAS, DINAS)]
)
def test_export_then_import_into_an_empty_position_reproduces_it(tarakan, tmp_path, nama, unit):
    periode = tarakan["periode"]
    asal = jabatan_demo(nama, unit)
    path, _ = _ekspor(asal, periode, tmp_path)
    baru = _kosong_seperti(asal)
    hasil = impor_siasn(path, jabatan=baru, periode=periode, kering=False)
    assert hasil.galat == [] and hasil.ditulis and hasil.ringkasan["status"] == "diperbarui"
    baru.refresh_from_db()
    assert _tugas(baru, periode) == _tugas(asal, periode)
    assert _kebutuhan(baru, periode) == _kebutuhan(asal, periode) > 0
    assert (baru.kelas_jabatan, baru.ikhtisar) == (asal.kelas_jabatan, asal.ikhtisar)
    assert baru.prestasi_kerja == "Sangat Baik"
    for bagian, kolom in [
        ("tanggung_jawab", "teks"),
        ("wewenang", "teks"),
        ("keterampilan", "teks"),
        ("bahan_kerja", "item"),
        ("perangkat_kerja", "item"),
        ("hasil_kerja", "hasil"),
        ("risiko_bahaya", "fisik_mental"),
        ("risiko_bahaya", "penyebab"),
        ("korelasi", "nama_jabatan"),
        ("korelasi", "unit_kerja"),
        ("korelasi", "dalam_hal"),
    ]:
        lama = list(getattr(asal, bagian).values_list(kolom, flat=True))
        assert list(getattr(baru, bagian).values_list(kolom, flat=True)) == lama, bagian
    assert dict(baru.kondisi_lingkungan.values_list("aspek__kode", "faktor")) == dict(
        asal.kondisi_lingkungan.values_list("aspek__kode", "faktor")
    )
    _sama_katalog(asal, baru)

    riwayat = baru.history.count()
    ulang = impor_siasn(path, jabatan=baru, periode=periode, kering=False)
    assert ulang.galat == [] and ulang.ringkasan["status"] == "tetap"
    assert set(ulang.ringkasan["bagian"].values()) == {"tetap"}
    assert baru.history.count() == riwayat


def _buku(tmp_path, *, tugas, isian=None, nama="tangan.xlsx"):
    """A SIASN workbook typed by hand: titles from the template, hints, then data."""
    wb = Workbook()
    wb.remove(wb.active)
    for lembar, tata in tata_letak().items():
        ws = wb.create_sheet(lembar)
        ws["A1"] = tata.kelompok[0][2]
        for k in tata.kolom:
            ws.cell(row=2, column=k.indeks + 1, value=k.judul)
            if tata.petunjuk:
                ws.cell(row=3, column=k.indeks + 1, value=k.petunjuk or None)
    i = wb["INFOJAB I"]
    for sel, nilai in (isian or {}).items():
        i[sel] = nilai
    for r, baris in enumerate(tugas, start=4):
        for c, v in enumerate(baris, start=1):
            wb["INFOJAB II"].cell(row=r, column=c, value=v)
    path = tmp_path / nama
    wb.save(path)
    return path


@pytest.fixture
def kosong(dunia):
    periode = PeriodeAnalisis.objects.create(instansi=dunia.instansi, nama="ABK 2025", tahun=2025)
    jabatan = Jabatan.objects.create(unit=dunia.subbag, nama="Analis SDM", jenis="pelaksana")
    return jabatan, periode


ISIAN = {
    "A4": "JP.0042",
    "B4": "Menganalisis kebutuhan pegawai.",
    "H4": "intelegensia",
    "H5": "Bakat Numerik",
    "K4": "Duduk",
    "U4": "Tidak ada",
    "V4": "Menerima instruksi",
    "Z4": "8",
}


def test_each_task_row_reads_its_unit_from_the_effective_time(kosong, tmp_path):
    jabatan, periode = kosong
    path = _buku(
        tmp_path,
        isian=ISIAN,
        tugas=[
            ["Menyusun laporan", "Laporan bulanan", "Dokumen", 12, 1250, 2],
            ["Memverifikasi usulan", "Usulan terverifikasi", "Berkas", "1.500", 75000, 30],
            ["Mengolah data", None, "Data", 24, "1.250", "1,5"],
            ["Mengarsipkan", None, "Berkas", 100, "75.000", "0,5"],
        ],
    )
    hasil = impor_siasn(path, jabatan=jabatan, periode=periode, kering=False)
    assert hasil.galat == [] and hasil.ditulis
    jabatan.refresh_from_db()
    tugas = _tugas(jabatan, periode)
    menit = [(v, w) for _, _, v, w in tugas]
    assert menit == [(12, 120), (1500, 30), (24, 90), (100, Decimal("0.5"))]
    # 12 × 120 + 1500 × 30 + 24 × 90 + 100 × 0,5 = 48650 minutes of 75000.
    assert _kebutuhan(jabatan, periode) == Decimal(48650) / Decimal(75000)
    assert kebutuhan_jabatan(menit) == Decimal(48650) / Decimal(75000)
    assert [t[1] for t in tugas] == ["Dokumen", "Berkas", "Data", "Berkas"]
    assert list(jabatan.hasil_kerja.values_list("hasil", "satuan")) == [
        ("Laporan bulanan", "Dokumen"),
        ("Usulan terverifikasi", "Berkas"),
    ]
    assert jabatan.kode == "JP.0042" and jabatan.kelas_jabatan == 8
    assert sorted(jabatan.bakat.values_list("kode", flat=True)) == ["G", "N"]
    assert list(jabatan.fungsi_pekerjaan.values_list("kode", flat=True)) == ["O8"]
    assert list(jabatan.upaya_fisik.values_list("kode", flat=True)) == ["duduk"]


def test_bad_cells_are_named_and_nothing_is_written(kosong, tmp_path):
    jabatan, periode = kosong
    path = _buku(
        tmp_path,
        isian={**ISIAN, "H6": "Bakat Menyanyi", "Z4": 20},
        tugas=[
            ["Menyusun laporan", None, "Dokumen", 12, 1250, 2],
            ["Memverifikasi", None, "Berkas", 10, 1300, 30],
            ["Mengolah data", None, "Data", "dua belas", 75000, 15],
        ],
    )
    hasil = impor_siasn(path, jabatan=jabatan, periode=periode, kering=False)
    assert hasil.galat == [
        "Sheet INFOJAB I, baris 6, kolom Bakat Kerja: 'Bakat Menyanyi' tidak ada dalam tabel "
        "referensi SIASN.",
        "Sheet INFOJAB I, baris 4, kolom Kelas Jabatan: '20' harus bilangan bulat 1–19.",
        "Sheet INFOJAB II, baris 5, kolom Waktu Kerja Efektif 1 Tahun: '1300' harus 1250 (jam) "
        "atau 75000 (menit).",
        "Sheet INFOJAB II, baris 6, kolom Beban Kerja 1 Tahun: 'dua belas' bukan angka.",
    ]
    assert not hasil.ditulis
    jabatan.refresh_from_db()
    assert jabatan.kode == "" and jabatan.ikhtisar == "" and not jabatan.bakat.exists()
    assert _tugas(jabatan, periode) == []

    sebagian = impor_siasn(path, jabatan=jabatan, periode=periode, kering=False, hanya_sah=True)
    assert sebagian.ditulis and len(sebagian.galat) == 4
    assert [t[0] for t in _tugas(jabatan, periode)] == ["Menyusun laporan"]


def test_a_dry_run_reports_and_rolls_back(kosong, tmp_path):
    jabatan, periode = kosong
    path = _buku(tmp_path, isian=ISIAN, tugas=[["Menyusun laporan", None, "Dokumen", 12, 1250, 2]])
    hasil = impor_siasn(path, jabatan=jabatan, periode=periode, kering=True)
    assert hasil.galat == [] and not hasil.ditulis
    assert hasil.ringkasan["bagian"]["tugas"] == "diganti" and "kode" in hasil.ringkasan["isian"]
    jabatan.refresh_from_db()
    assert jabatan.kode == "" and _tugas(jabatan, periode) == []


def test_a_workbook_of_another_position_is_refused(kosong, tmp_path):
    jabatan, periode = kosong
    jabatan.kode = "JP.0001"
    jabatan.save()
    path = _buku(tmp_path, isian=ISIAN, tugas=[["Menyusun laporan", None, "Dokumen", 12, 1250, 2]])
    hasil = impor_siasn(path, jabatan=jabatan, periode=periode, kering=False, hanya_sah=True)
    assert not hasil.ditulis and "'JP.0042' bukan kode jabatan" in hasil.galat[0]
    assert _tugas(jabatan, periode) == []


def test_the_workbook_is_recognised_and_matched_by_kode(kosong, tmp_path):
    jabatan, _ = kosong
    path = _buku(tmp_path, isian=ISIAN, tugas=[])
    assert adalah_siasn(load_workbook(path).sheetnames)
    assert adalah_siasn(["infojab  i", "Infojab II"]) and not adalah_siasn(["INFOJAB I", "Tugas"])
    assert cari_jabatan_siasn(path, jabatan.instansi) is None
    jabatan.kode = "JP.0042"
    jabatan.save()
    assert cari_jabatan_siasn(path, jabatan.instansi) == jabatan
    Jabatan.objects.create(unit=jabatan.unit, nama="Kembar", jenis="pelaksana", kode="JP.0042")
    assert cari_jabatan_siasn(path, jabatan.instansi) is None


def test_text_that_looks_like_a_formula_stays_text(tarakan, tmp_path):
    ptk = jabatan_demo("Penelaah Teknis Kebijakan", SUBBAG_UMUM)
    ptk.wewenang.create(teks='=HYPERLINK("http://contoh")', urutan=99)
    path, _ = _ekspor(ptk, tarakan["periode"], tmp_path)
    sel = [c for c in load_workbook(path)["INFOJAB I"]["Y"] if str(c.value).startswith("=HYP")]
    assert len(sel) == 1 and sel[0].data_type == "s"


def test_a_unit_exports_one_workbook_per_position(tarakan):
    subbag = UnitOrganisasi.objects.get(nama=SUBBAG_UMUM, instansi__nama=TARAKAN)
    isi, laporan = siasn_zip(subbag, tarakan["periode"])
    struktur = Struktur(subbag.instansi_id)
    daftar = [j for j in struktur.jabatan.values() if j.unit_id == subbag.pk]
    with zipfile.ZipFile(BytesIO(isi)) as z:
        nama = z.namelist()
        assert "LAPORAN.txt" in nama
        buku = [n for n in nama if n.endswith(".xlsx")]
        assert len(buku) == len(daftar) > 1
        assert "2.1.1_Penelaah_Teknis_Kebijakan.xlsx" in buku
        assert all(n.isascii() for n in nama)
        assert load_workbook(BytesIO(z.read(buku[0]))).sheetnames == LEMBAR
        assert laporan[0] in z.read("LAPORAN.txt").decode()
        ii = load_workbook(BytesIO(z.read("2.1.1_Penelaah_Teknis_Kebijakan.xlsx")))["INFOJAB II"]
    # Seed 001, 2.1.1 Penelaah Teknis Kebijakan: six tasks of 12 a year, minutes 900, 900,
    # 2500, 900, 900, 900 against 75,000 (the seed's JUMLAH 1.120).
    assert ii["A4"].value.startswith("Melakukan Pencatatan Barang/Jasa Milik daerah")
    assert _kolom(ii, "D") == [12] * 6 and _kolom(ii, "F") == [900, 900, 2500, 900, 900, 900]
    assert _kolom(ii, "E") == [75000] * 6


def test_the_unit_download_holds_each_position_s_workbook(tarakan, client):
    from django.urls import reverse

    from organisasi.akses import Peran
    from tests.factories import make_user

    subbag = UnitOrganisasi.objects.get(nama=SUBBAG_UMUM, instansi__nama=TARAKAN)
    client.force_login(make_user("admin_zip", peran=Peran.ADMIN_INSTANSI, instansi=subbag.instansi))
    response = client.get(
        reverse("abk:ekspor_siasn_unit"), {"periode": tarakan["periode"].pk, "unit": subbag.pk}
    )
    assert response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(BytesIO(response.content)) as z:
        assert "2.1.1_Penelaah_Teknis_Kebijakan.xlsx" in z.namelist()
        ii = load_workbook(BytesIO(z.read("2.1.1_Penelaah_Teknis_Kebijakan.xlsx")))["INFOJAB II"]
    # Seed 001's third task of 2.1.1: 12 a year at 2,500 minutes.
    assert [ii["D6"].value, ii["E6"].value, ii["F6"].value] == [12, 75000, 2500]
    assert ii["A6"].value.startswith("Mengkoordinasikan dengan unit terkait kebutuhan sarana")


def test_the_command_exports_a_position_and_a_unit(tarakan, tmp_path):
    ptk = jabatan_demo("Penelaah Teknis Kebijakan", SUBBAG_UMUM)
    out, stdout = tmp_path / "ptk.xlsx", StringIO()
    call_command("export_workbook", "--instansi", "Pemerintah Kota Tarakan", "--jabatan",
                 str(ptk.pk), "--format", "siasn", "--out", str(out), stdout=stdout)  # fmt: skip
    assert load_workbook(out).sheetnames == LEMBAR
    assert "tidak ada padanan SIASN" in stdout.getvalue()
    subbag = UnitOrganisasi.objects.get(nama=SUBBAG_UMUM, instansi__nama=TARAKAN)
    zout = tmp_path / "unit.zip"
    call_command("export_workbook", "--instansi", "Tarakan", "--unit", str(subbag.pk),
                 "--format", "siasn", "--out", str(zout), stdout=StringIO())  # fmt: skip
    with zipfile.ZipFile(zout) as z:
        assert "2.1.1_Penelaah_Teknis_Kebijakan.xlsx" in z.namelist()
        assert "LAPORAN.txt" in z.namelist()
    with pytest.raises(CommandError, match="--jabatan ID atau --unit ID"):
        call_command("export_workbook", "--instansi", "Tarakan", "--format", "siasn",
                     "--out", str(tmp_path / "x.xlsx"))  # fmt: skip


def test_the_import_command_fills_the_picked_position_from_a_siasn_workbook(tarakan, tmp_path):
    """`import_workbook FILE --instansi NAME --jabatan ID`: the SIASN workbook of 2.1.4 Penata
    Layanan Operasional fills an empty position with the same 2.880 need (seed 001 prints
    2.640); without --jabatan the position is found by its kode, or the command says to pick."""
    asal = jabatan_demo("Penata Layanan Operasional", unit=SUBBAG_UMUM)
    periode = tarakan["periode"]
    path, _ = _ekspor(asal, periode, tmp_path)
    kosong = _kosong_seperti(asal)
    out = StringIO()
    call_command(
        "import_workbook", str(path), "--instansi", TARAKAN, "--jabatan", str(kosong.pk),
        stdout=out,
    )  # fmt: skip
    assert "Buku kerja SIASN" in out.getvalue()
    assert _kebutuhan(kosong, periode) == Decimal("2.88")
    assert _tugas(kosong, periode) == _tugas(asal, periode)
    # Without --jabatan and with no position carrying the workbook's kode: refused, unchanged.
    kedua = _kosong_seperti(asal, nama="Salinan kedua")
    with pytest.raises(CommandError, match="--jabatan"):
        call_command("import_workbook", str(path), "--instansi", TARAKAN, stdout=StringIO())
    assert _tugas(kedua, periode) == []


def test_the_browser_flow_exports_and_imports_a_siasn_workbook(tarakan, client, tmp_path):
    """An Admin Instansi downloads the SIASN workbook of 2.1.4 from the position page, then
    uploads it at /abk/impor/, picks the empty position it fills, checks and imports."""
    from django.contrib.auth.models import User
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from abk.models import ImporBuku
    from organisasi.akses import Peran
    from tests.factories import make_user

    asal = jabatan_demo("Penata Layanan Operasional", unit=SUBBAG_UMUM)
    periode = tarakan["periode"]
    admin = make_user("admin_siasn", peran=Peran.ADMIN_INSTANSI, instansi=asal.instansi)
    client.force_login(admin)
    halaman = client.get(reverse("abk:siasn_jabatan", args=[asal.pk])).content.decode()
    assert "Tidak ikut diekspor" in halaman and "Minat kerja" in halaman
    unduh = client.get(reverse("abk:siasn_jabatan", args=[asal.pk]), {"unduh": "1"})
    assert unduh["Content-Type"].startswith("application/vnd.openxmlformats")
    assert adalah_siasn(load_workbook(BytesIO(unduh.content)).sheetnames)

    kosong = _kosong_seperti(asal)
    berkas = SimpleUploadedFile("infojab.xlsx", unduh.content)
    detail = client.post(reverse("abk:impor_daftar"), {"berkas": berkas})["Location"]
    halaman = client.get(detail).content.decode()
    assert 'name="jabatan"' in halaman and "Buku kerja SIASN hanya memuat Kode Jabatan" in halaman
    client.post(detail, {"aksi": "periksa", "jabatan": str(kosong.pk)})
    impor = ImporBuku.objects.get()
    assert impor.status == "diperiksa", impor.galat
    assert _tugas(kosong, periode) == []
    client.post(detail, {"aksi": "impor", "jabatan": str(kosong.pk)})
    impor.refresh_from_db()
    assert impor.status == "diimpor"
    assert _kebutuhan(kosong, periode) == Decimal("2.88")
    # Another instansi's admin reaches neither the export nor the position.
    lain = make_user("admin_lain_siasn", peran=Peran.ADMIN_INSTANSI, instansi=_instansi_lain())
    client.force_login(lain)
    assert client.get(reverse("abk:siasn_jabatan", args=[asal.pk])).status_code == 404
    assert User.objects.filter(username="admin_lain_siasn").exists()


def _instansi_lain():
    from tests.factories import InstansiFactory

    return InstansiFactory(nama="Pemerintah Kabupaten Lain")


def test_a_period_s_own_effective_time_still_exports_siasn_s_and_says_so(tarakan, tmp_path):
    periode = tarakan["periode"]
    periode.waktu_efektif_menit = Decimal(72000)
    periode.save()
    kadis = jabatan_demo(KEPALA_DINAS, DINAS)
    path, laporan = _ekspor(kadis, periode, tmp_path)
    assert set(_kolom(load_workbook(path)["INFOJAB II"], "E")) == {75000}
    assert any("72000 menit; SIASN memakai 75000 menit (1250 jam)" in b for b in laporan), laporan
