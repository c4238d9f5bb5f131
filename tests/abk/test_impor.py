"""Importing legacy workbooks: shapes seen in the field, and a corpus of broken files."""

import re
import zipfile
from decimal import Decimal
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from abk.impor import baca
from abk.impor.baca import BukuKerjaTidakSah, baca_buku
from abk.impor.pemetaan import JAM, MENIT, Sinonim, normalisasi
from abk.impor.proses import analisis, periksa_dan_impor
from abk.impor.validasi import NilaiTidakSah, angka
from abk.models import DeklarasiJabatan
from anjab.models import ButirKegiatan, Jabatan, PeriodeAnalisis, TugasJabatan
from organisasi.models import Pegawai, UnitOrganisasi

SEED_KEPALA_DINAS = [
    (1, 3000, "0.040"),
    (48, 180, "0.115"),
    (48, 180, "0.115"),
    (48, 180, "0.115"),
    (12, 1500, "0.240"),
    (12, 1500, "0.240"),
    (12, 300, "0.048"),
    (12, 900, "0.144"),
    (12, 900, "0.144"),
]
KOLOM_SEED = [
    "NO",
    "NAMA JABATAN",
    "URAIAN TUGAS",
    "HASIL KERJA",
    "JUMLAH BEBAN KERJA 1 TAHUN",
    "WAKTU PENYELESAIAN (JAM)",
    "WAKTU EFEKTIF PENYELESAIAN",
    "KEBUTUHAN PEGAWAI",
]


def buku(path, lembar: dict[str, list[list]]):
    wb = Workbook()
    wb.remove(wb.active)
    for nama, baris in lembar.items():
        ws = wb.create_sheet(nama)
        for b in baris:
            ws.append(b)
    wb.save(path)
    return path


def seed_001(path, *, plo_jumlah="2,640"):
    """Seed 001's table shape: a merged title, a blank row, "(JAM)" holding minutes,
    JUMLAH and JUMLAH PEGAWAI rows, numbers typed as text in Indonesian format."""
    baris = [["ANALISIS BEBAN KERJA DINAS SOSIAL DAN PEMBERDAYAAN MASYARAKAT"], [], KOLOM_SEED]
    for i, (v, w, k) in enumerate(SEED_KEPALA_DINAS, 1):
        nama = "Kepala Dinas Sosial dan Pemberdayaan Masyarakat" if i == 1 else None
        baris.append([i, nama, f"Tugas kepala dinas {i}", "Dokumen", v, w, "75,000", k])
    baris += [
        [None, None, "JUMLAH", None, None, None, None, "1.202"],
        [None, None, "JUMLAH PEGAWAI", None, None, None, None, 1],
    ]
    for i, w in enumerate([1500, 4500, 4500, 3000, 1500, 1500, 1500], 1):
        baris.append(
            [
                i,
                "Penata Layanan Operasional",
                f"Kegiatan {i}",
                "Dokumen",
                "12",
                f"{w:,}".replace(",", "."),
                "75.000",
                f"{12 * w / 75000:.3f}".replace(".", ","),
            ]
        )
    baris += [
        [None, None, "JUMLAH", None, None, None, None, plo_jumlah],
        [None, None, "JUMLAH PEGAWAI", None, None, None, None, "3"],
    ]
    return buku(path, {"ABK": baris})


def snapshot():
    """Row counts and last ids of every table the import may touch (history included)."""
    return {
        m._meta.label: (
            m.objects.count(),
            m.objects.order_by("-pk").values_list("pk", flat=True).first(),
        )
        for m in apps.get_models()
        if m._meta.app_label in {"organisasi", "anjab", "abk"} and m._meta.label != "abk.ImporBuku"
    }


@pytest.fixture
def tujuan(dunia):
    periode = PeriodeAnalisis.objects.create(instansi=dunia.instansi, nama="ABK 2024", tahun=2024)
    return {"instansi": dunia.instansi, "unit": dunia.dinas, "periode": periode}


def impor(path, tujuan, **kw):
    peta = analisis(baca_buku(path), tujuan["instansi"].pk)
    kw.setdefault("kering", False)
    return periksa_dan_impor(
        path,
        peta,
        instansi=tujuan["instansi"],
        unit=tujuan["unit"],
        periode=tujuan["periode"],
        **kw,
    )


# --- headers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("judul", "kolom"),
    [
        ("URAIAN TUGAS", "uraian_tugas"),
        ("JUMLAH BEBAN KERJA 1 TAHUN", "volume"),
        ("WAKTU PENYELESAIAN (JAM)", "waktu"),
        ("Waktu Penyelesaian\n(MENIT)", "waktu"),
        ("Angka Kredit", "angka_kredit"),
        ("Kons-tantan", "konstanta"),
        ("Konstanta", "konstanta"),
        ("IKTISAR JABATAN", "ikhtisar"),
        ("Jml Beban Kerja (Vol)", "volume"),
        ("Wkt Penyelesaian (mnt)", "waktu"),
        ("Butir Kegiatan", "butir_kegiatan"),
        ("KEBUTUHAN PEGAWAI", "kebutuhan_tugas_tercetak"),
        ("Gol.", "golongan"),
        ("NO", None),
    ],
)
def test_legacy_headers_are_recognised(db, judul, kolom):
    assert Sinonim.muat().cocokkan(judul) == kolom


def test_the_synonym_table_is_extendable_as_data(dunia):
    from abk.models import SinonimKolom

    assert Sinonim.muat(dunia.instansi.pk).cocokkan("Beban Setahun") is None
    SinonimKolom.objects.create(instansi=dunia.instansi, kolom="volume", sinonim="Beban Setahun")
    assert Sinonim.muat(dunia.instansi.pk).cocokkan("BEBAN SETAHUN") == "volume"
    assert Sinonim.muat(dunia.lain_instansi.pk).cocokkan("Beban Setahun") is None


def test_normalisation():
    assert normalisasi("WAKTU PENYELESAIAN\n(JAM)") == "waktu penyelesaian jam"
    assert normalisasi("Kons-tantan") == "konstantan"


@pytest.mark.parametrize(
    ("nilai", "bulat", "hasil"),
    [
        ("1.500", True, "1500"),
        ("1.500", False, "1.500"),
        ("0,36", False, "0.36"),
        ("75,000", True, "75000"),
        ("3,812.94", False, "3812.94"),
        ("3.812,94", False, "3812.94"),
        (12, True, "12"),
        (0.36, False, "0.36"),
        (" 48 ", True, "48"),
        ("-", True, None),
    ],
)
def test_numbers_typed_as_text(nilai, bulat, hasil):
    assert angka(nilai, bulat_lazim=bulat) == (Decimal(hasil) if hasil else None)


@pytest.mark.parametrize("nilai", ["0:09", "dua", "1.2.3x", True])
def test_what_is_not_a_number(nilai):
    with pytest.raises(NilaiTidakSah):
        angka(nilai)


# --- the seed's shape ------------------------------------------------------------------


def test_the_seed_table_imports_with_its_jam_column_read_as_minutes(tujuan, tmp_path):
    path = seed_001(tmp_path / "abk.xlsx")
    peta = analisis(baca_buku(path), tujuan["instansi"].pk)
    assert peta[0].baris_judul == 3 and peta[0].satuan_waktu == MENIT
    assert "bertuliskan jam tetapi berisi menit" in peta[0].catatan[0]
    hasil, rencana = impor(path, tujuan)
    assert hasil.galat == [] and rencana.ditulis
    assert rencana.jabatan["dibuat"] == 2 and rencana.baris_tugas == 16
    plo = Jabatan.objects.get(nama="Penata Layanan Operasional")
    assert plo.unit == tujuan["unit"] and plo.jenis == "pelaksana"
    assert [t.waktu for t in plo.tugas.all()][:2] == [Decimal(1500), Decimal(4500)]
    d = DeklarasiJabatan.objects.get(jabatan=plo)
    assert (d.kebutuhan, d.presisi_kebutuhan, d.jumlah_pegawai, d.satuan_waktu) == (
        Decimal("2.640"),
        3,
        3,
        "JAM",
    )
    kepala = Jabatan.objects.get(nama__startswith="Kepala Dinas")
    assert kepala.jenis == "jpt_pratama" and kepala.tugas.count() == 9


def test_a_jam_column_that_really_holds_hours_is_multiplied(tujuan, tmp_path):
    path = buku(
        tmp_path / "jam.xlsx",
        {
            "Tugas": [
                [
                    "Nama Jabatan",
                    "Uraian Tugas",
                    "Volume",
                    "Waktu Penyelesaian (jam)",
                    "Kebutuhan Pegawai",
                ],
                ["Analis Data", "Mengolah data", 12, 25, "0,240"],
            ]
        },
    )
    assert analisis(baca_buku(path), tujuan["instansi"].pk)[0].satuan_waktu == JAM
    impor(path, tujuan)
    assert TugasJabatan.objects.get(uraian="Mengolah data").waktu == Decimal(1500)


def test_importing_twice_changes_nothing(tujuan, tmp_path):
    path = seed_001(tmp_path / "abk.xlsx")
    impor(path, tujuan)
    sebelum = snapshot()
    _, rencana = impor(path, tujuan)
    assert rencana.jabatan == {"dibuat": 0, "diperbarui": 0, "tetap": 2}
    assert snapshot() == sebelum


def test_a_corrected_workbook_updates_in_place(tujuan, tmp_path):
    impor(seed_001(tmp_path / "a.xlsx"), tujuan)
    plo = Jabatan.objects.get(nama="Penata Layanan Operasional")
    _, rencana = impor(seed_001(tmp_path / "b.xlsx", plo_jumlah="2,880"), tujuan)
    assert rencana.jabatan == {"dibuat": 0, "diperbarui": 1, "tetap": 1}
    assert Jabatan.objects.filter(nama="Penata Layanan Operasional").get().pk == plo.pk
    assert DeklarasiJabatan.objects.get(jabatan=plo).kebutuhan == Decimal("2.880")


def test_a_dry_run_shows_the_plan_and_writes_nothing(tujuan, tmp_path):
    path = seed_001(tmp_path / "abk.xlsx")
    sebelum = snapshot()
    _, rencana = impor(path, tujuan, kering=True)
    assert rencana.jabatan["dibuat"] == 2 and not rencana.ditulis
    assert ("dibuat", "Penata Layanan Operasional (Dinas Sosial)") in rencana.rincian
    assert snapshot() == sebelum


def test_two_sheets_linked_by_name_and_number(tujuan, tmp_path, dunia):
    path = buku(
        tmp_path / "dua.xlsx",
        {
            "Daftar Jabatan": [
                ["DAFTAR JABATAN"],
                ["Unit Kerja", "No Urut", "Nama Jabatan", "Kelas", "Ikhtisar Jabatan"],
                ["Sekretariat", "2.1.1", "Penelaah Teknis Kebijakan", 7, "Menelaah kebijakan"],
                ["Sekretariat", "2.1.2", "Penelaah Teknis Kebijakan", 7, "Menelaah anggaran"],
            ],
            "Uraian Tugas": [
                [
                    "Unit Kerja",
                    "No Urut",
                    "Nama Jabatan",
                    "Uraian Tugas",
                    "Volume",
                    "Waktu (menit)",
                ],
                [
                    "Sekretariat",
                    "2.1.1",
                    "Penelaah Teknis Kebijakan",
                    "Menyusun telaahan",
                    12,
                    3000,
                ],
                ["Sekretariat", "2.1.2", "Penelaah Teknis Kebijakan", "Menyusun anggaran", 4, 9000],
                ["Sekretariat", "2.1.2", "Penelaah Teknis Kebijakan", "Merevisi anggaran", 2, 4500],
            ],
        },
    )
    hasil, _ = impor(path, tujuan)
    assert hasil.galat == []
    ptk = list(Jabatan.objects.filter(nama="Penelaah Teknis Kebijakan").order_by("urutan"))
    assert [j.ikhtisar for j in ptk] == ["Menelaah kebijakan", "Menelaah anggaran"]
    assert [j.urutan for j in ptk] == [1, 2] and all(j.unit == dunia.sekretariat for j in ptk)
    assert [t.uraian for t in ptk[1].tugas.all()] == ["Menyusun anggaran", "Merevisi anggaran"]
    assert ptk[0].kelas_jabatan == 7


def test_a_credit_table_with_a_typo_is_refused_with_the_exact_place(tujuan, tmp_path):
    path = buku(
        tmp_path / "jf.xlsx",
        {
            "Tugas": [
                ["TABEL ANGKA KREDIT PENYULUH SOSIAL AHLI MUDA"],
                [
                    "Nama Jabatan",
                    "Unsur",
                    "Sub Unsur",
                    "Butir Kegiatan",
                    "Angka Kredit",
                    "Kons-tantan",
                    "Volume",
                    "Satuan",
                ],
                [
                    "Penyuluh Sosial Ahli Muda",
                    "Penyuluhan Sosial",
                    "Persiapan",
                    "1 Menyusun gambaran umum",
                    None,
                    None,
                    None,
                    None,
                ],
                [None, None, None, "a Daerah rawan sosial", "0.36", "0.020", 3, "laporan"],
                [None, None, None, "b Peserta", "0:09", "0.020", 3, "laporan"],
            ]
        },
    )
    sebelum = snapshot()
    hasil, rencana = impor(path, tujuan)
    assert [str(g) for g in hasil.galat] == [
        "Sheet Tugas, baris 5, kolom Angka Kredit (E5): '0:09' bukan angka."
    ]
    assert not rencana.ditulis and snapshot() == sebelum
    # The analyst may import the valid rows only, knowingly.
    _, rencana = impor(path, tujuan, hanya_sah=True)
    j = Jabatan.objects.get(nama="Penyuluh Sosial Ahli Muda")
    assert rencana.ditulis and j.jenis == "fungsional" and j.jenjang == "ahli_muda"
    b = ButirKegiatan.objects.get(jabatan=j)
    assert (b.kegiatan, b.angka_kredit, b.konstanta, b.volume) == (
        "1 Menyusun gambaran umum",
        Decimal("0.36"),
        Decimal("0.02"),
        3,
    )


@pytest.mark.parametrize(
    ("baris", "pesan"),
    [
        (["X", "Tugas", "-12", 60], "kolom Volume (C3): '-12' tidak boleh negatif."),
        (["X", "Tugas", 12_000_000, 60], "tidak wajar (terlalu besar)"),
        (["X", "Tugas", 12, 600_000], "lebih dari setahun"),
        (["X", "Tugas", "=12*2", 60], "berisi rumus"),
        (
            ["X", "Tugas", __import__("datetime").date(2024, 1, 12), 60],
            "berisi tanggal/waktu, bukan angka",
        ),
        (
            ["X", None, 12, 60],
            "kolom Uraian Tugas (B3): wajib diisi bila baris berisi beban kerja.",
        ),
    ],
)
def test_bad_rows_get_a_clear_message_and_nothing_is_written(tujuan, tmp_path, baris, pesan):
    path = buku(
        tmp_path / "x.xlsx",
        {
            "Tugas": [
                ["Nama Jabatan", "Uraian Tugas", "Volume", "Waktu Penyelesaian (menit)"],
                ["X", "Baik", 1, 1],
                baris,
            ]
        },
    )
    sebelum = snapshot()
    hasil, rencana = impor(path, tujuan)
    assert any(pesan in str(g) for g in hasil.galat), [str(g) for g in hasil.galat]
    assert all(str(g).startswith("Sheet Tugas, baris 3") for g in hasil.galat)
    assert not rencana.ditulis and snapshot() == sebelum


def test_a_task_row_before_any_position_name_is_refused(tujuan, tmp_path):
    path = buku(
        tmp_path / "x.xlsx",
        {
            "Tugas": [
                ["Nama Jabatan", "Uraian Tugas", "Volume"],
                [None, "Tugas tanpa jabatan", 12],
            ]
        },
    )
    hasil, _ = impor(path, tujuan)
    assert (
        str(hasil.galat[0])
        == "Sheet Tugas, baris 2, kolom Nama Jabatan (A2): wajib diisi: tugas ini milik "
        "jabatan apa?"
    )


def test_zero_konstanta_is_refused(tujuan, tmp_path):
    path = buku(
        tmp_path / "kt.xlsx",
        {
            "B": [
                ["Nama Jabatan", "Butir Kegiatan", "Angka Kredit", "Konstanta", "Volume"],
                ["Pekerja Sosial Ahli Muda", "Asesmen", 0.3, 0, 3],
            ]
        },
    )
    hasil, _ = impor(path, tujuan)
    assert "kolom Konstanta (D2): '0' harus lebih dari 0 (pembagi Wpk)." in str(hasil.galat[0])


def test_employees_link_to_positions_and_a_bad_nip_is_refused(tujuan, tmp_path, dunia):
    path = buku(
        tmp_path / "p.xlsx",
        {
            "Tugas": [
                ["Nama Jabatan", "Uraian Tugas", "Volume", "Waktu (menit)"],
                ["Analis", "Analisis", 12, 600],
            ],
            "Pegawai": [
                ["NIP", "Nama", "Status", "Gol", "Pendidikan", "Nama Jabatan"],
                ["199001012015032004", "Sri Wahyuni", "PNS", "III/b", "S1", "Analis"],
                ["199002302015032004", "Salah Tanggal", "PNS", "III/b", "S1", "Analis"],
                ["199001012015032004", "Kembar", "PNS", "III/b", "S1", "Analis"],
            ],
        },
    )
    hasil, rencana = impor(path, tujuan, hanya_sah=True)
    pesan = [str(g) for g in hasil.galat + rencana.galat]
    assert any(
        "Sheet Pegawai, baris 3, kolom NIP" in p and "bukan tanggal lahir yang sah" in p
        for p in pesan
    )
    assert any("Sheet Pegawai, baris 4" in p and "sama persis dengan baris 2" in p for p in pesan)
    sri = Pegawai.objects.get(nip="199001012015032004")
    assert (
        sri.penempatan.jabatan.nama == "Analis"
        and sri.pendidikan == "S-1"
        and sri.golongan.kode == "III/b"
    )


def test_an_unknown_unit_is_an_error_unless_new_units_are_allowed(tujuan, tmp_path):
    path = buku(
        tmp_path / "u.xlsx",
        {
            "T": [
                ["Unit Kerja", "Nama Jabatan", "Uraian Tugas", "Volume", "Waktu (menit)"],
                ["Bidang Baru", "Analis", "Analisis", 12, 600],
            ]
        },
    )
    _, rencana = impor(path, tujuan)
    assert "tidak ditemukan pada instansi/unit tujuan" in str(rencana.galat[0])
    assert not UnitOrganisasi.objects.filter(nama="Bidang Baru").exists()
    _, rencana = impor(path, tujuan, buat_unit=True)
    baru = UnitOrganisasi.objects.get(nama="Bidang Baru")
    assert baru.parent == tujuan["unit"] and baru.jenis == "bidang"


# --- broken files ----------------------------------------------------------------------


def _rusak(tmp_path, nama, isi: bytes):
    p = tmp_path / nama
    p.write_bytes(isi)
    return p


@pytest.mark.parametrize(
    ("buat", "pesan"),
    [
        (lambda t: _rusak(t, "teks.xlsx", b"NIP;Nama\n1;2\n"), "bukan buku kerja Excel"),
        (lambda t: _rusak(t, "kosong.xlsx", b""), "Berkas kosong"),
        (
            lambda t: _rusak(t, "lama.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512),
            "Format Excel lama (.xls)",
        ),
        (lambda t: _rusak(t, "putus.xlsx", seed_001(t / "asli.xlsx").read_bytes()[:3000]), "rusak"),
        (lambda t: buku(t / "hampa.xlsx", {"Sheet1": []}), "tidak berisi data"),
    ],
)
def test_broken_files_get_a_clear_message(tmp_path, buat, pesan):
    with pytest.raises(BukuKerjaTidakSah, match=re.escape(pesan)):
        baca_buku(buat(tmp_path))


def test_a_zip_that_is_not_a_workbook(tmp_path):
    p = tmp_path / "arsip.xlsx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("foto.txt", "halo")
    with pytest.raises(BukuKerjaTidakSah, match="bukan buku kerja Excel"):
        baca_buku(p)


def test_too_many_rows_or_a_zip_bomb_is_refused_without_reading_it_all(tmp_path, monkeypatch):
    path = seed_001(tmp_path / "abk.xlsx")
    monkeypatch.setattr(baca, "MAKS_BARIS", 10)
    with pytest.raises(BukuKerjaTidakSah, match="lebih dari 10 baris"):
        baca_buku(path)
    monkeypatch.setattr(baca, "MAKS_UKURAN_TERURAI", 1000)
    with pytest.raises(BukuKerjaTidakSah, match="terlalu besar setelah diurai"):
        baca_buku(path)
    monkeypatch.setattr(baca, "MAKS_UKURAN_BERKAS", 100)
    with pytest.raises(BukuKerjaTidakSah, match="Berkas terlalu besar"):
        baca_buku(path)


def test_a_nip_stored_as_a_number_is_refused(tujuan, tmp_path):
    path = buku(tmp_path / "n.xlsx", {"P": [["NIP", "Nama Pegawai"], [1.99001012015032e17, "Sri"]]})
    hasil, _ = impor(path, tujuan)
    assert "format kolom NIP sebagai teks" in str(hasil.galat[0])


# --- command line ----------------------------------------------------------------------


def test_the_command_line_import(tujuan, tmp_path):
    path = seed_001(tmp_path / "abk.xlsx")
    out = StringIO()
    call_command(
        "import_workbook",
        str(path),
        "--instansi",
        tujuan["instansi"].nama,
        "--unit",
        str(tujuan["unit"].pk),
        "--dry-run",
        stdout=out,
    )
    assert "Rencana (uji coba" in out.getvalue() and not Jabatan.objects.exists()
    call_command(
        "import_workbook",
        str(path),
        "--instansi",
        str(tujuan["instansi"].pk),
        "--unit",
        str(tujuan["unit"].pk),
        stdout=out,
    )
    assert Jabatan.objects.count() == 2


def test_the_command_line_exits_non_zero_when_rows_are_refused(tujuan, tmp_path):
    path = buku(
        tmp_path / "x.xlsx", {"T": [["Nama Jabatan", "Uraian Tugas", "Volume"], ["X", "T", "dua"]]}
    )
    err = StringIO()
    with pytest.raises(CommandError, match="1 baris ditolak; tidak ada yang ditulis"):
        call_command(
            "import_workbook",
            str(path),
            "--instansi",
            tujuan["instansi"].nama,
            "--unit",
            str(tujuan["unit"].pk),
            stdout=StringIO(),
            stderr=err,
        )
    assert "Sheet T, baris 2, kolom Volume (C2): 'dua' bukan angka." in err.getvalue()


def test_create_makes_the_instansi_units_and_period(db, tmp_path):
    path = buku(
        tmp_path / "c.xlsx",
        {
            "T": [
                ["Unit Kerja", "Nama Jabatan", "Uraian Tugas", "Volume", "Waktu (menit)"],
                ["Dinas Perhubungan", "Analis Lalu Lintas", "Survei", 12, 600],
            ]
        },
    )
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command(
            "import_workbook",
            str(path),
            "--instansi",
            "Pemerintah Kabupaten Baru",
            stdout=StringIO(),
        )
    call_command(
        "import_workbook",
        str(path),
        "--instansi",
        "Pemerintah Kabupaten Baru",
        "--create",
        stdout=StringIO(),
    )
    j = Jabatan.objects.get(nama="Analis Lalu Lintas")
    assert j.instansi.nama == "Pemerintah Kabupaten Baru" and j.instansi.jabatan_kepala == "Bupati"
    assert (
        j.unit.nama == "Dinas Perhubungan"
        and PeriodeAnalisis.objects.filter(instansi=j.instansi).exists()
    )


def test_a_mapping_file_overrides_detection(tujuan, tmp_path):
    path = buku(
        tmp_path / "m.xlsx",
        {"S": [["Kolom 1", "Kolom 2", "Kolom 3", "Kolom 4"], ["Analis", "Survei", 12, 600]]},
    )
    mapping = tmp_path / "peta.json"
    mapping.write_text(
        '{"lembar": [{"lembar": "S", "baris_judul": 1, "kolom": {"A": "nama_jabatan", '
        '"B": "uraian_tugas", "C": "volume", "D": "waktu"}, "satuan_waktu": "menit"}]}'
    )
    call_command(
        "import_workbook",
        str(path),
        "--instansi",
        tujuan["instansi"].nama,
        "--unit",
        str(tujuan["unit"].pk),
        "--mapping",
        str(mapping),
        stdout=StringIO(),
    )
    assert TugasJabatan.objects.get(uraian="Survei").waktu == 600
