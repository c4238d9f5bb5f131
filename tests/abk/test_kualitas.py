"""abk.kualitas on plain rows: each check flags its case with the amount, and only its case."""

from decimal import Decimal as D
from types import SimpleNamespace

import pytest

from abk.kualitas import KEWAJARAN, SELISIH, periksa_jabatan, periksa_median_angka_kredit

PERIODE = SimpleNamespace(waktu_efektif_menit=D(75000))
# Seed 001, Penata Layanan Operasional 2.1.4: (urutan, uraian, volume, minutes, printed need).
# 12 × (1,500 + 4,500 + 4,500 + 3,000 + 1,500 + 1,500 + 1,500) = 216,000 min ÷ 75,000 = 2.880.
PLO_2_1_4 = [
    (i, f"Tugas {i}", 12, w, None)
    for i, w in enumerate([1500, 4500, 4500, 3000, 1500, 1500, 1500], start=1)
]


def _deklarasi(**isi):
    bawaan = {"kebutuhan": None, "presisi_kebutuhan": 3, "jumlah_pegawai": None,
              "beban_kerja_jam": None, "satuan_waktu": "MENIT"}  # fmt: skip
    return SimpleNamespace(**{**bawaan, **isi})


def _baris(*, kebutuhan=D("2.88"), dibulatkan=3, deklarasi=None, fungsional=False, jam=None):
    return SimpleNamespace(
        jabatan=SimpleNamespace(pk=7, nama="Penata Layanan Operasional"),
        nomor="2.1.4",
        deklarasi=deklarasi,
        kebutuhan=kebutuhan,
        kebutuhan_dibulatkan=dibulatkan,
        fungsional=fungsional,
        beban_kerja_jam=jam,
    )


def _periksa(baris, *, tugas=(), butir=(), median_ak=None):
    temuan = periksa_jabatan(
        baris, tugas=list(tugas), butir=list(butir), median_ak=median_ak or {}, periode=PERIODE
    )
    return [(t.kategori, t.pesan, t.selisih) for t in temuan]


def test_a_position_printed_right_raises_nothing():
    d = _deklarasi(kebutuhan=D("2.880"), jumlah_pegawai=3)
    assert _periksa(_baris(deklarasi=d), tugas=PLO_2_1_4) == []


def test_the_printed_need_of_seed_001_2_1_4_is_0_240_short():
    d = _deklarasi(kebutuhan=D("2.640"), jumlah_pegawai=3)
    assert _periksa(_baris(deklarasi=d), tugas=PLO_2_1_4) == [
        (SELISIH, "Kebutuhan pegawai tercetak 2,640, hasil hitung 2,880 (selisih 0,240).",
         D("0.240")),
    ]  # fmt: skip


def test_the_printed_need_is_compared_at_its_own_precision():
    # 2.8804 printed to two decimals is 2,88: right. Printed 2,884 to three: 0,004 too high.
    dua = _deklarasi(kebutuhan=D("2.88"), presisi_kebutuhan=2)
    assert _periksa(_baris(kebutuhan=D("2.8804"), deklarasi=dua), tugas=PLO_2_1_4) == []
    # 2.8846 to three decimals is 2,885, as printed (to two it would be 2,88: a false alarm).
    tiga = _deklarasi(kebutuhan=D("2.885"))
    assert _periksa(_baris(kebutuhan=D("2.8846"), deklarasi=tiga), tugas=PLO_2_1_4) == []
    temuan = _periksa(_baris(deklarasi=_deklarasi(kebutuhan=D("2.884"))), tugas=PLO_2_1_4)
    assert temuan == [
        (SELISIH, "Kebutuhan pegawai tercetak 2,884, hasil hitung 2,880 (selisih -0,004).",
         D("-0.004")),
    ]  # fmt: skip


def test_a_printed_headcount_differs_by_whole_people():
    # 2.880 rounds half up to 3; the document printed 2.
    temuan = _periksa(_baris(deklarasi=_deklarasi(jumlah_pegawai=2)), tugas=PLO_2_1_4)
    assert temuan == [
        (SELISIH, "Jumlah pegawai tercetak 2 orang, hasil hitung 3 orang (selisih +1).", D(1))
    ]
    temuan = _periksa(_baris(deklarasi=_deklarasi(jumlah_pegawai=5)), tugas=PLO_2_1_4)
    assert temuan[0][1].endswith("hasil hitung 3 orang (selisih -2).") and temuan[0][2] == D(-2)


def test_the_printed_wpv_total_of_a_functional_position():
    # Seed 001, Penyuluh Sosial Ahli Muda 3.1: printed 3,812.94 h, recomputed 3,825.50 h.
    butir = [(1, "Butir", D("0.36"), D("0.020"), 1, None, None)]
    baris = _baris(fungsional=True, jam=D("3825.50"),
                   deklarasi=_deklarasi(beban_kerja_jam=D("3812.94")))  # fmt: skip
    assert _periksa(baris, butir=butir) == [
        (SELISIH, "Jumlah Wpv tercetak 3.812,94 jam, hasil hitung 3.825,50 jam (selisih 12,56).",
         D("12.56")),
    ]  # fmt: skip


def test_a_jam_heading_over_minutes_is_a_warning_for_task_positions_only():
    d = _deklarasi(satuan_waktu="jam")
    (temuan,) = _periksa(_baris(deklarasi=d), tugas=PLO_2_1_4)
    assert temuan[0] == KEWAJARAN and temuan[1].startswith('Judul kolom waktu tercetak "(JAM)"')
    assert _periksa(_baris(deklarasi=d)) == [
        (KEWAJARAN, "Belum ada uraian tugas atau butir kegiatan dengan beban kerja.", None)
    ]


def test_task_inputs_that_are_probably_wrong():
    tugas = [
        (1, "Menyusun laporan", 12, 1500, None),
        (2, "Mengarsip", 0, None, None),
        (3, "  menyusun   LAPORAN ", 12, 1500, None),
    ]
    assert [p for _, p, _ in _periksa(_baris(), tugas=tugas)] == [
        "Tugas 2 belum mempunyai waktu penyelesaian.",
        "Tugas 2: volume (jumlah beban kerja 1 tahun) nol atau kosong.",
        "Tugas 3 sama persis dengan tugas 1.",
    ]


def test_a_task_s_printed_need_is_checked_row_by_row():
    # 12 × 1,500 ÷ 75,000 = 0.240; the row printed 0,204.
    tugas = [(1, "Menyusun laporan", 12, 1500, D("0.204")), (2, "Mengarsip", 12, 900, D("0.144"))]
    assert _periksa(_baris(), tugas=tugas) == [
        (SELISIH, "Tugas 1: kebutuhan tercetak 0,204, hasil hitung 0,240.", D("0.036"))
    ]


def test_credit_rows_that_cannot_be_computed():
    butir = [
        (1, "Menyusun laporan", D("0.36"), D(0), 3, None, None),
        (2, "Menyusun laporan", D("0.36"), D("0.020"), 0, None, None),
    ]
    assert [p for _, p, _ in _periksa(_baris(fungsional=True), butir=butir)] == [
        "Butir 1: konstanta nol, Wpk tidak dapat dihitung.",
        "Butir 2: volume kegiatan nol.",
    ]


def test_printed_wpk_and_wpv_are_recomputed():
    # Seed 001 butir 28: AK 0.09 ÷ Kt 0.020 = 4.50 h, printed 0,31.
    # AK 0.36 ÷ 0.020 = 18.00 h (printed right) × 3 = 54.00 h, printed 45,00.
    butir = [
        (1, "Butir 28", D("0.09"), D("0.020"), 1, D("0.31"), None),
        (2, "Butir lain", D("0.36"), D("0.020"), 3, D("18.00"), D("45.00")),
    ]
    assert _periksa(_baris(fungsional=True), butir=butir) == [
        (SELISIH, "Butir 1: Wpk tercetak 0,31, hasil hitung AK ÷ Kt 4,50.", D("4.19")),
        (SELISIH, "Butir 2: Wpv tercetak 45,00, hasil hitung 54,00.", D("9.00")),
    ]


def test_an_angka_kredit_ten_times_the_median_of_the_same_butir_is_flagged():
    rows = [(i, "Menyusun laporan", D("0.36"), D("0.020"), 1, None, None) for i in range(1, 4)]
    rows.append((4, "  menyusun  Laporan", D("3.60"), D("0.020"), 1, None, None))
    rows.append((5, "Menyusun laporan", D("3.59"), D("0.020"), 1, None, None))
    median = periksa_median_angka_kredit(rows)
    # AK 0.36, 0.36, 0.36, 3.59, 3.60: the median is 0.36; 3.60 = 10 × 0.36, 3.59 is less.
    assert median == {"menyusun laporan": D("0.36")}
    temuan = _periksa(_baris(fungsional=True), butir=rows, median_ak=median)
    assert [p for _, p, _ in temuan] == [
        "Butir 4: angka kredit 3,60 sedikitnya 10× median butir yang sama (0,36)."
    ]


@pytest.mark.parametrize("n", [1, 2])
def test_fewer_than_three_rows_give_no_median(n):
    rows = [(i, "Menyusun laporan", D("0.36"), D("0.020"), 1, None, None) for i in range(n)]
    assert periksa_median_angka_kredit(rows) == {}
