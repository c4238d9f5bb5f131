"""Where imported positions land: units matched by their place in the tree and by a normalised
name, ambiguous names asked (never guessed), new units built as a tree, "Struktural" resolved
to its level, and a one-position workbook filling the position the user picked."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from abk.impor.baca import baca_buku
from abk.impor.proses import analisis, periksa_dan_impor
from abk.models import SinonimJenisJabatan
from anjab.models import Jabatan, PeriodeAnalisis, TugasJabatan
from organisasi.models import UnitOrganisasi
from tests.abk.test_impor import buku, snapshot
from tests.factories import JabatanFactory, UnitFactory

KOLOM = ["Unit Kerja", "Nama Jabatan", "Uraian Tugas", "Volume", "Waktu Penyelesaian (menit)"]


@pytest.fixture
def periode(dunia):
    return PeriodeAnalisis.objects.create(instansi=dunia.instansi, nama="ABK 2024", tahun=2024)


def impor(path, dunia, periode, **kw):
    kw.setdefault("kering", False)
    kw.setdefault("unit", None)
    peta = analisis(baca_buku(path), dunia.instansi.pk)
    return periksa_dan_impor(path, peta, instansi=dunia.instansi, periode=periode, **kw)


def galat(hasil, rencana) -> list[str]:
    return [str(g) for g in hasil.galat + rencana.galat]


@pytest.fixture
def dua_sekretariat(dunia):
    """Dinas Kesehatan gets its own Sekretariat: the name now repeats in the instansi."""
    return UnitFactory(parent=dunia.dinas_lain, nama="Sekretariat", jenis="sekretariat")


def test_an_ambiguous_unit_name_is_refused_naming_every_candidate(
    dunia, periode, dua_sekretariat, tmp_path
):
    path = buku(tmp_path / "a.xlsx", {"T": [KOLOM, ["Sekretariat", "Analis", "Menyusun", 12, 60]]})
    sebelum = snapshot()
    hasil, rencana = impor(path, dunia, periode)
    pesan = galat(hasil, rencana)
    assert len(pesan) == 1 and "ada 2 unit bernama ini" in pesan[0]
    assert "Dinas Sosial › Sekretariat" in pesan[0]
    assert "Dinas Kesehatan › Sekretariat" in pesan[0]
    assert rencana.ambigu["Sekretariat"] == [
        (dunia.sekretariat.pk, "Dinas Sosial › Sekretariat"),
        (dua_sekretariat.pk, "Dinas Kesehatan › Sekretariat"),
    ]
    assert snapshot() == sebelum
    # The analyst answers in the mapping step; the row then lands where it was told.
    hasil, rencana = impor(path, dunia, periode, pilihan_unit={"Sekretariat": dua_sekretariat.pk})
    assert galat(hasil, rencana) == []
    assert Jabatan.objects.get(nama="Analis").unit == dua_sekretariat


def test_the_target_unit_settles_a_repeated_name(dunia, periode, dua_sekretariat, tmp_path):
    path = buku(tmp_path / "a.xlsx", {"T": [KOLOM, ["Sekretariat", "Analis", "Menyusun", 12, 60]]})
    hasil, rencana = impor(path, dunia, periode, unit=dunia.dinas_lain)
    assert galat(hasil, rencana) == []
    assert Jabatan.objects.get(nama="Analis").unit == dua_sekretariat


def test_a_path_and_the_chain_of_superiors_find_the_unit_under_the_right_parent(
    dunia, periode, dua_sekretariat, tmp_path
):
    path = buku(
        tmp_path / "a.xlsx",
        {
            "Jabatan": [
                ["No", "Nama Jabatan", "Unit Kerja", "Administrator", "Pengawas"],
                ["1", "Analis Umum", "Dinas Kesehatan", "Sekretaris Dinas", ""],
                ["2", "Pengadministrasi", "Dinas Sosial", "Sekretaris Dinas", "Kasubbag Umum"],
                ["3", "Pengolah Data", "Dinas Kesehatan › Sekretariat", "", ""],
            ],
            "Tugas": [
                ["No Jabatan", "Uraian Tugas", "Volume", "Waktu (menit)"],
                ["1", "Menyusun laporan", 12, 600],
                ["2", "Mengarsip surat", 240, 15],
                ["3", "Mengolah data", 52, 120],
            ],
        },
    )
    hasil, rencana = impor(path, dunia, periode)
    assert galat(hasil, rencana) == []
    assert Jabatan.objects.get(nama="Analis Umum").unit == dua_sekretariat
    assert Jabatan.objects.get(nama="Pengolah Data").unit == dua_sekretariat
    # "Kasubbag Umum" heads the existing "Sub Bagian Umum" under Dinas Sosial's Sekretariat.
    assert Jabatan.objects.get(nama="Pengadministrasi").unit == dunia.subbag
    assert rencana.unit_dibuat == []


@pytest.mark.parametrize(
    "tertulis",
    ["SUB BAGIAN UMUM", "Subbag Umum", "Sub  Bagian   Umum", "Subbagian Umum"],
)
def test_unit_names_match_however_they_are_spelled(dunia, periode, tmp_path, tertulis):
    path = buku(tmp_path / "a.xlsx", {"T": [KOLOM, [tertulis, "Analis", "Menyusun", 12, 60]]})
    hasil, rencana = impor(path, dunia, periode)
    assert galat(hasil, rencana) == []
    assert Jabatan.objects.get(nama="Analis").unit == dunia.subbag


def test_new_units_are_built_as_a_tree_from_their_kinds(db, tmp_path):
    path = buku(
        tmp_path / "baru.xlsx",
        {
            "T": [
                KOLOM,
                ["Dinas Perikanan", "Kepala Dinas Perikanan", "Memimpin", 12, 600],
                ["Sekretariat", "Sekretaris", "Mengoordinasikan", 12, 600],
                ["Sub Bagian Keuangan", "Pengelola Keuangan", "Membayar", 120, 30],
                ["Bidang Budidaya", "Kepala Bidang Budidaya", "Membina", 12, 600],
                ["Seksi Benih", "Pengawas Benih", "Mengawasi", 52, 120],
            ]
        },
    )
    call_command(
        "import_workbook", str(path), "--instansi", "Kabupaten Uji Pohon", "--create",
        stdout=StringIO(),
    )  # fmt: skip
    induk = {
        u.nama: (u.parent.nama if u.parent else None, u.jenis)
        for u in UnitOrganisasi.objects.filter(instansi__nama="Kabupaten Uji Pohon")
    }
    assert induk == {
        "Dinas Perikanan": (None, "perangkat_daerah"),
        "Sekretariat": ("Dinas Perikanan", "sekretariat"),
        "Sub Bagian Keuangan": ("Sekretariat", "subbagian"),
        "Bidang Budidaya": ("Dinas Perikanan", "bidang"),
        "Seksi Benih": ("Bidang Budidaya", "seksi"),
    }


def test_struktural_is_resolved_from_eselon_title_chain_or_place_with_a_note(
    dunia, periode, tmp_path
):
    path = buku(
        tmp_path / "s.xlsx",
        {
            "Jabatan": [
                ["No", "Nama Jabatan", "Jenis Jabatan", "Unit Kerja", "Eselon", "Administrator"],
                ["1", "Kepala Dinas Sosial", "Struktural", "Dinas Sosial", "", ""],
                ["2", "Koordinator Umum", "Jabatan Struktural", "Sekretariat", "III.a", ""],
                ["3", "Koordinator Rehab", "Struktural", "Bidang Rehabilitasi", "", "Kabid"],
                ["4", "Penanggung Jawab", "Struktural", "Bidang Rehabilitasi", "", ""],
                ["5", "Pengelola Data", "JFU", "Sub Bagian Umum", "", ""],
                ["6", "Analis SDM Aparatur Ahli Muda", "JFT", "Sub Bagian Umum", "", ""],
            ]
        },
    )
    hasil, rencana = impor(path, dunia, periode)
    assert galat(hasil, rencana) == []
    jenis = dict(Jabatan.objects.values_list("nama", "jenis"))
    assert jenis == {
        "Kepala Dinas Sosial": "jpt_pratama",  # from the title
        "Koordinator Umum": "administrator",  # from the eselon
        "Koordinator Rehab": "pengawas",  # below an Administrator in the chain
        "Penanggung Jawab": "administrator",  # a Bidang directly under the Dinas
        "Pengelola Data": "pelaksana",
        "Analis SDM Aparatur Ahli Muda": "fungsional",
    }
    catatan = " ".join(hasil.catatan + rencana.catatan)
    assert "dari nama jabatan" in catatan and "dari eselon III.a" in catatan
    assert "dari kolom atasan" in catatan and "dari letak unitnya" in catatan


def test_a_jenis_word_is_refused_until_the_admin_adds_it(dunia, periode, tmp_path):
    baris = [
        ["Nama Jabatan", "Jenis", "Unit Kerja"],
        ["Juru Tulis", "Tenaga Teknis", "Sekretariat"],
    ]
    path = buku(tmp_path / "j.xlsx", {"J": baris})
    hasil, _ = impor(path, dunia, periode, kering=True)
    assert ["bukan jenis jabatan yang dikenal" in str(g) for g in hasil.galat] == [True]
    SinonimJenisJabatan.objects.create(
        instansi=dunia.instansi, kata="Tenaga Teknis", jenis="pelaksana"
    )
    hasil, rencana = impor(path, dunia, periode)
    assert galat(hasil, rencana) == []
    assert Jabatan.objects.get(nama="Juru Tulis").jenis == "pelaksana"


def test_our_export_of_units_with_repeated_names_reimports_cleanly(
    dunia, periode, dua_sekretariat, tmp_path
):
    JabatanFactory(unit=dunia.sekretariat, nama="Analis")
    JabatanFactory(unit=dua_sekretariat, nama="Analis")
    path = tmp_path / "e.xlsx"
    call_command(
        "export_workbook", "--instansi", dunia.instansi.nama, "--out", str(path), stdout=StringIO()
    )
    sebelum = snapshot()
    # Every sheet of our own export is recognised as what it is: no note asks the analyst to
    # say what the Unit sheet's columns mean.
    peta = {p.lembar: p for p in analisis(baca_buku(path), dunia.instansi.pk)}
    assert peta["Unit"].jenis == "unit"
    assert not [c for p in peta.values() for c in p.catatan if "tidak dikenali" in c]
    hasil, rencana = impor(path, dunia, periode)
    assert galat(hasil, rencana) == []
    assert rencana.unit_dibuat == [] and rencana.jabatan["dibuat"] == 0
    assert snapshot() == sebelum


def test_a_one_position_workbook_fills_the_position_picked(dunia, periode, tmp_path):
    jabatan = JabatanFactory(unit=dunia.subbag, nama="Pengadministrasi Perkantoran")
    path = buku(
        tmp_path / "f.xlsx",
        {
            "Formulir": [
                ["FORMULIR ANALISIS BEBAN KERJA"],
                ["Nama Jabatan", ":", "Pengadministrasi Umum"],
                ["Unit Kerja", ":", "Sub Bagian Umum"],
                ["No", "Uraian Tugas", "Volume", "Waktu Penyelesaian (jam)"],
                ["(1)", "(2)", "(3)", "(4)"],
                [1, "Mengarsip surat", 240, "0,25"],
                [None, "JUMLAH", None, None],
            ]
        },
    )
    out = StringIO()
    call_command(
        "import_workbook", str(path), "--instansi", dunia.instansi.nama,
        "--jabatan", str(jabatan.pk), stdout=out,
    )  # fmt: skip
    assert [
        (t.uraian, t.volume, t.waktu) for t in TugasJabatan.objects.filter(jabatan=jabatan)
    ] == [("Mengarsip surat", Decimal(240), Decimal(15))]
    assert Jabatan.objects.count() == 1
    two = buku(
        tmp_path / "g.xlsx",
        {"T": [KOLOM, ["Sekretariat", "A", "x", 1, 1], ["Sekretariat", "B", "y", 1, 1]]},
    )
    with pytest.raises(CommandError):
        call_command(
            "import_workbook", str(two), "--instansi", dunia.instansi.nama,
            "--jabatan", str(jabatan.pk), stdout=StringIO(), stderr=StringIO(),
        )  # fmt: skip


def test_an_employee_row_never_lands_outside_the_target_subtree(dunia, periode, tmp_path):
    JabatanFactory(unit=dunia.dinas_lain, nama="Perawat")
    path = buku(
        tmp_path / "p.xlsx",
        {
            "Pegawai": [
                ["NIP", "Nama", "Unit Kerja", "Nama Jabatan"],
                [dunia.pegawai_sekretariat.nip, "Ani Sekretariat", None, "Perawat"],
            ]
        },
    )
    sebelum = snapshot()
    hasil, rencana = impor(path, dunia, periode, unit=dunia.dinas)
    assert any("tidak ditemukan pada unit tujuan" in p for p in galat(hasil, rencana))
    assert snapshot() == sebelum


def test_a_header_written_on_two_rows_is_read_as_one(dunia, periode, tmp_path):
    """ "WAKTU PENYELESAIAN" over "(Jam)", "BEBAN KERJA" merged over "Jumlah | Satuan": the
    second row refines the first; stacked forms repeat it."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "ABK"
    for awal, nama in ((1, "Analis Data"), (10, "Pengolah Data")):
        ws.cell(awal, 1, "Nama Jabatan")
        ws.cell(awal, 2, f": {nama}")
        ws.cell(awal + 1, 1, "Unit Kerja")
        ws.cell(awal + 1, 2, ": Sub Bagian Umum")
        judul = ["No", "Uraian Tugas", "Beban Kerja", None, "Waktu Penyelesaian", "Kebutuhan"]
        for i, j in enumerate(judul, 1):
            ws.cell(awal + 2, i, j)
        ws.merge_cells(start_row=awal + 2, start_column=3, end_row=awal + 2, end_column=4)
        for i, j in enumerate([None, None, "Satuan", "Jumlah", "(Jam)", "Pegawai"], 1):
            ws.cell(awal + 3, i, j)
        ws.append([1, "Menyusun laporan", "laporan", 12, "2,5", None])
        ws.append([2, "Mengolah data", "dokumen", 48, 1, None])
        ws.append([None, "JUMLAH", None, None, None, None])
    path = tmp_path / "dua_baris.xlsx"
    wb.save(path)
    hasil, rencana = impor(path, dunia, periode)
    assert galat(hasil, rencana) == []
    for nama in ("Analis Data", "Pengolah Data"):
        j = Jabatan.objects.get(nama=nama, unit=dunia.subbag)
        assert [(t.hasil_kerja, t.volume, t.waktu) for t in j.tugas.order_by("urutan")] == [
            ("laporan", 12, 150),  # 2,5 jam = 150 menit
            ("dokumen", 48, 60),
        ]


def test_numbers_typed_with_their_unit_are_read(dunia, periode, tmp_path):
    path = buku(
        tmp_path / "satuan.xlsx",
        {
            "T": [
                ["Unit Kerja", "Nama Jabatan", "Uraian Tugas", "Volume", "Waktu Penyelesaian"],
                ["Sub Bagian Umum", "Arsiparis", "Mengarsip", "12 laporan", "30 menit"],
                ["Sub Bagian Umum", "Arsiparis", "Memilah", "2 per hari", "15 mnt"],
                ["Sub Bagian Umum", "Arsiparis", "Menata", 4, "1,5 jam"],
            ]
        },
    )
    hasil, rencana = impor(path, dunia, periode)
    assert galat(hasil, rencana) == []
    tugas = TugasJabatan.objects.filter(jabatan__nama="Arsiparis").order_by("urutan")
    # 2 per hari × 235 working days = 470 a year.
    assert [(t.volume, t.satuan_volume, t.waktu) for t in tugas] == [
        (12, "tahun", 30),
        (470, "hari", 15),
        (4, "tahun", 90),
    ]
    assert any("katanya diabaikan" in c for c in hasil.catatan)
    salah = buku(
        tmp_path / "salah.xlsx",
        {"T": [["Nama Jabatan", "Uraian Tugas", "Volume", "Waktu"], ["A", "x", 1, "3 detik"]]},
    )
    hasil, _ = impor(salah, dunia, periode, unit=dunia.subbag, kering=True)
    assert [str(g) for g in hasil.galat] == [
        "Sheet T, baris 2, kolom Waktu (D2): '3 detik' satuan waktu tidak dikenal (tulis menit "
        "atau jam)."
    ]


def test_a_heads_chain_counts_only_above_its_own_level(db, tmp_path):
    """Seed 001 lists "Sekretaris Dinas" as the Kepala Bidang's Administrator: the Bidang
    still goes directly under the Dinas, and its staff under the Bidang."""
    path = buku(
        tmp_path / "rantai.xlsx",
        {
            "Jabatan": [
                ["No", "Nama Jabatan", "Jenis", "Unit Kerja", "JPT Pratama", "Administrator",
                 "Pengawas"],
                ["1", "Kepala Dinas Sosial", "Struktural", "Dinas Sosial", "Sekretaris Daerah",
                 "", ""],
                ["2", "Sekretaris Dinas", "Struktural", "Dinas Sosial", "Kepala Dinas", "", ""],
                ["2.1", "Kepala Sub Bagian Umum", "Struktural", "Dinas Sosial", "Kepala Dinas",
                 "Sekretaris Dinas", ""],
                ["3", "Kepala Bidang Sosial", "Struktural", "Dinas Sosial", "Kepala Dinas",
                 "Sekretaris Dinas", ""],
                ["3.1", "Penelaah Teknis Kebijakan", "JFU", "Dinas Sosial", "Kepala Dinas",
                 "Kepala Bidang Sosial", ""],
                ["2.1.1", "Pengadministrasi", "JFU", "Dinas Sosial", "Kepala Dinas",
                 "Sekretaris Dinas", "Kasubbag Umum"],
            ]
        },
    )  # fmt: skip
    call_command(
        "import_workbook", str(path), "--instansi", "Kota Uji Rantai", "--create",
        stdout=StringIO(),
    )  # fmt: skip
    letak = {
        j.nama: (j.unit.nama, j.unit.parent.nama if j.unit.parent else None)
        for j in Jabatan.objects.filter(instansi__nama="Kota Uji Rantai").select_related(
            "unit__parent"
        )
    }
    assert letak == {
        "Kepala Dinas Sosial": ("Dinas Sosial", None),
        "Sekretaris Dinas": ("Sekretariat", "Dinas Sosial"),
        "Kepala Sub Bagian Umum": ("Sub Bagian Umum", "Sekretariat"),
        "Kepala Bidang Sosial": ("Bidang Sosial", "Dinas Sosial"),
        "Penelaah Teknis Kebijakan": ("Bidang Sosial", "Dinas Sosial"),
        "Pengadministrasi": ("Sub Bagian Umum", "Sekretariat"),
    }
