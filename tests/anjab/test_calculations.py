import pytest
from hypothesis import given
from hypothesis import strategies as st

from anjab.calculations import EvaluasiTidakSah, evaluasi_jabatan, kelas_dari_nilai, tabel_bawaan

# DOMAIN.md §4 (Permenpan RB 34/2011): points by level, the expected values for the tables.
STRUKTURAL = {
    "1": [175, 350, 550, 775, 900],
    "2": [100, 250, 350],
    "3": [450, 775, 900],
    "4A": [25, 50, 75, 100],
    "4B": [30, 75, 100, 125],
    "5": [75, 205, 340, 505, 650, 800, 930, 1030],
    "6": [310, 575, 975, 1120, 1225, 1325],
}
FUNGSIONAL = {
    "1": [50, 200, 350, 550, 750, 950, 1250, 1550, 1850],
    "2": [25, 125, 275, 450, 650],
    "3": [25, 125, 275, 450, 650],
    "4": [25, 75, 150, 225, 325, 450],
    "5": [25, 75, 150, 225, 325, 450],
    "6": [10, 25, 60, 110],
    "7": [20, 50, 120, 220],
    "8": [5, 20, 50],
    "9": [5, 20, 50],
}
KELAS = [(1, 190, 240), (2, 241, 300), (3, 301, 370), (4, 371, 450), (5, 451, 650),
         (6, 651, 850), (7, 851, 1100), (8, 1101, 1350), (9, 1351, 1600), (10, 1601, 1850),
         (11, 1851, 2100), (12, 2101, 2350), (13, 2351, 2750), (14, 2751, 3150),
         (15, 3151, 3600), (16, 3601, 4050), (17, 4051, None)]  # fmt: skip


def test_seed_000_kepala_kantor_scores_2515_and_kelas_13():
    hasil = evaluasi_jabatan(
        "struktural", {"1": 3, "2": 1, "3": 2, "4A": 3, "4B": 3, "5": 3, "6": 2}
    )
    assert hasil.nilai_faktor == {
        "1": 550, "2": 100, "3": 775, "4A": 75, "4B": 100, "5": 340, "6": 575
    }  # fmt: skip
    assert hasil.total_nilai == 2515
    assert hasil.kelas == 13
    total, kelas = hasil
    assert (total, kelas) == (2515, 13) == (hasil["total"], hasil["kelas"])


def test_the_shipped_tables_are_those_of_the_regulation():
    tabel = tabel_bawaan()
    for jenis, expected in [("struktural", STRUKTURAL), ("fungsional", FUNGSIONAL)]:
        assert {k: [v[i] for i in sorted(v)] for k, v in tabel.nilai[jenis].items()} == expected
    assert [tuple(k) for k in tabel.kelas] == KELAS


def test_lowest_functional_levels_give_kelas_1():
    hasil = evaluasi_jabatan("fungsional", {str(i): 1 for i in range(1, 10)})
    assert hasil.total_nilai == 50 + 25 + 25 + 25 + 25 + 10 + 20 + 5 + 5 == 190
    assert hasil.kelas == 1


@pytest.mark.parametrize(
    ("total", "kelas"),
    [(190, 1), (240, 1), (241, 2), (2350, 12), (2351, 13), (2355, 13), (2750, 13), (2751, 14),
     (4050, 16), (4051, 17), (9999, 17)],
)  # fmt: skip
def test_points_fall_into_the_kelas_ranges(total, kelas):
    assert kelas_dari_nilai(total) == kelas


def test_a_total_below_the_lowest_range_is_refused():
    with pytest.raises(EvaluasiTidakSah, match="di bawah rentang"):
        kelas_dari_nilai(100)


@pytest.mark.parametrize(
    ("levels", "pesan"),
    [
        ({"1": 3, "2": 1, "3": 2, "4A": 3, "4B": 3, "5": 3}, "Tingkat faktor 6 belum dipilih"),
        ({"1": 3, "2": 1, "3": 2, "4A": 3, "4B": 3, "5": 3, "6": 2, "7": 1}, "Faktor 7 tidak ada"),
        ({"1": 6, "2": 1, "3": 2, "4A": 3, "4B": 3, "5": 3, "6": 2}, "tingkat 6 (1–5)"),
    ],
)
def test_invalid_levels_are_explained_in_indonesian(levels, pesan):
    with pytest.raises(EvaluasiTidakSah, match=pesan.replace("(", r"\(").replace(")", r"\)")):
        evaluasi_jabatan("struktural", levels)


def test_an_unknown_kind_of_evaluation_is_refused():
    with pytest.raises(EvaluasiTidakSah, match="tidak dikenal"):
        evaluasi_jabatan("eselon", {})


@given(
    st.fixed_dictionaries({k: st.integers(1, len(v)) for k, v in FUNGSIONAL.items()}),
    st.sampled_from(sorted(FUNGSIONAL)),
    st.data(),
)
def test_changing_one_factor_changes_the_total_by_that_factor_s_points_only(levels, f, data):
    lain = dict(levels)
    lain[f] = data.draw(st.integers(1, len(FUNGSIONAL[f])))
    hasil, ubah = evaluasi_jabatan("fungsional", levels), evaluasi_jabatan("fungsional", lain)
    # The regulation's table: moving factor f from level a to b is worth points[b] − points[a].
    langkah = FUNGSIONAL[f][lain[f] - 1] - FUNGSIONAL[f][levels[f] - 1]
    assert ubah.total_nilai - hasil.total_nilai == langkah
    assert ubah.nilai_faktor == {**hasil.nilai_faktor, f: FUNGSIONAL[f][lain[f] - 1]}
    bawah, atas = next((b, a) for k, b, a in KELAS if k == hasil.kelas)
    assert bawah <= hasil.total_nilai and (atas is None or hasil.total_nilai <= atas)


@given(st.fixed_dictionaries({k: st.integers(1, len(v)) for k, v in STRUKTURAL.items()}),
       st.sampled_from(sorted(STRUKTURAL)))  # fmt: skip
def test_raising_one_level_never_lowers_the_kelas(levels, faktor):
    naik = dict(levels)
    naik[faktor] = min(levels[faktor] + 1, len(STRUKTURAL[faktor]))
    assert (
        evaluasi_jabatan("struktural", naik).kelas >= evaluasi_jabatan("struktural", levels).kelas
    )
