from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anjab import calculations as c

# Seed 001, Kepala Dinas: (volume per year, minutes) of its 9 tasks.
KEPALA_DINAS = [(1, 3000), (48, 180), (48, 180), (48, 180), (12, 1500), (12, 1500), (12, 300),
                (12, 900), (12, 900)]  # fmt: skip
# Seed 001, Penata Layanan Operasional 2.1.4 (the decree prints JUMLAH 2.640).
PLO_2_1_4 = [(12, 1500), (12, 4500), (12, 4500), (12, 3000), (12, 1500), (12, 1500), (12, 1500)]
PITA = [(D("1.00"), "A"), (D("0.90"), "B"), (D("0.70"), "C"), (D("0.50"), "D"), (D("0"), "E")]


def test_a_task_needs_volume_times_minutes_over_75000():
    assert c.kebutuhan_tugas(1, 3000) == D("0.04")
    assert c.kebutuhan_tugas(48, 180) == D("0.1152")


def test_kepala_dinas_needs_1_202_people_rounded_to_1():
    k = c.kebutuhan_jabatan(KEPALA_DINAS)
    assert k == D("1.2016")
    assert c.bulatkan(k) == 1


def test_penata_layanan_operasional_recomputes_to_2_880_and_3_people():
    k = c.kebutuhan_jabatan(PLO_2_1_4)
    assert k == D("2.88")
    assert c.bulatkan(k) == 3


def test_functional_formation_from_the_credit_table():
    assert c.wpk(D("0.36"), D("0.020")) == D("18")
    assert c.wpv(D("0.36"), D("0.020"), 3) == D("54")
    # Penyuluh Sosial Ahli Muda 3.1: Σ Wpv 3,825.50 h ÷ 1,250 h = 3.06 → 3
    assert c.formasi_fungsional([(D("3825.50"), D(1), 1)]) == D("3.0604")
    assert c.bulatkan(D("3.0604")) == 3


def test_a_zero_konstanta_gives_no_time_instead_of_an_error():
    assert c.wpk(D("0.36"), 0) == 0


@pytest.mark.parametrize(
    ("nilai", "half_up", "ceiling"),
    [("1.202", 1, 2), ("2.49", 2, 3), ("2.5", 3, 3), ("2.640", 3, 3), ("1.728", 2, 2),
     ("2.048", 2, 3), ("14.400", 14, 15), ("2", 2, 2), ("0", 0, 0)],
)  # fmt: skip
def test_rounding_modes(nilai, half_up, ceiling):
    assert c.bulatkan(D(nilai)) == half_up
    assert c.bulatkan(D(nilai), c.PEMBULATAN_SELALU_KE_ATAS) == ceiling


def test_an_unknown_rounding_mode_is_refused():
    with pytest.raises(ValueError):
        c.bulatkan(1, "banker")


def test_rounding_happens_only_after_the_sum():
    # Three tasks of 0.4 person each: 1.2 people → 1, where rounding each row would give 0.
    rows = [(10, 3000)] * 3
    assert c.kebutuhan_tugas(10, 3000) == D("0.4")
    assert c.bulatkan(c.kebutuhan_jabatan(rows)) == 1


def test_efektivitas_jabatan_and_its_rating():
    beban = sum(v * w for v, w in KEPALA_DINAS)
    assert c.efektivitas_jabatan(beban, 1, 75000) == D("1.2016")
    assert c.efektivitas_jabatan(beban, 2, 75000) == D("0.6008")
    assert c.efektivitas_jabatan(beban, 0, 75000) is None
    ratings = [
        c.predikat_efektivitas(D(x), PITA)
        for x in ["1.2", "1", "0.95", "0.9", "0.89", "0.7", "0.69", "0.5", "0.49", "0"]
    ]
    assert ratings == ["A", "A", "B", "B", "C", "C", "D", "D", "E", "E"]
    assert c.predikat_efektivitas(None, PITA) == ""


def test_a_shortage_in_one_position_never_cancels_a_surplus_in_another():
    total = c.rekap_kelompok([(0, D("2.9"), 3, 1), (0, D("1.1"), 1, 3)])
    assert (total["kebutuhan_dibulatkan"], total["bezetting"]) == (4, 4)
    assert (total["kekurangan"], total["kelebihan"], total["selisih"]) == (2, 2, 0)


tugas = st.lists(
    st.tuples(st.integers(0, 10_000), st.integers(0, 100_000)), min_size=0, max_size=12
)


@given(tugas, tugas)
def test_need_is_additive_over_tasks(a, b):
    selisih = c.kebutuhan_jabatan(a + b) - (c.kebutuhan_jabatan(a) + c.kebutuhan_jabatan(b))
    assert abs(selisih) < D("1e-20")


@given(tugas, st.integers(0, 12), st.integers(1, 1000))
def test_need_never_falls_when_a_volume_grows(rows, i, tambah):
    if not rows:
        return
    i %= len(rows)
    lebih = list(rows)
    lebih[i] = (rows[i][0] + tambah, rows[i][1])
    assert c.kebutuhan_jabatan(lebih) >= c.kebutuhan_jabatan(rows)


@given(tugas, st.randoms(use_true_random=False))
def test_the_order_of_the_tasks_does_not_change_the_need(rows, acak):
    diacak = list(rows)
    acak.shuffle(diacak)
    assert c.kebutuhan_jabatan(diacak) == c.kebutuhan_jabatan(rows)


@given(st.decimals(0, 10_000, places=4))
def test_half_up_moves_a_need_by_at_most_half_a_person(x):
    k = c.bulatkan(x)
    assert abs(D(k) - x) <= D("0.5")
    if x - int(x) == D("0.5"):
        assert k == int(x) + 1  # a tie goes up: 2.50 → 3


@given(st.decimals(0, 10_000, places=4))
def test_always_up_never_rounds_down_and_adds_less_than_one_person(x):
    k = c.bulatkan(x, c.PEMBULATAN_SELALU_KE_ATAS)
    assert 0 <= D(k) - x < 1
    assert k >= c.bulatkan(x)


butir = st.lists(
    st.tuples(st.decimals(0, 5, places=2), st.decimals("0.01", 1, places=3), st.integers(0, 50)),
    max_size=10,
)
TOLERANSI = D("1e-20")  # Decimal's 28 digits: AK ÷ Kt is not exact, sums differ in the last one


@given(butir, butir)
def test_functional_formation_is_additive_over_credit_rows(a, b):
    selisih = c.formasi_fungsional(a + b) - (c.formasi_fungsional(a) + c.formasi_fungsional(b))
    assert abs(selisih) < TOLERANSI


@given(butir, st.randoms(use_true_random=False))
def test_the_order_of_the_credit_rows_does_not_change_the_formation(rows, acak):
    diacak = list(rows)
    acak.shuffle(diacak)
    assert abs(c.formasi_fungsional(diacak) - c.formasi_fungsional(rows)) < TOLERANSI


@given(butir, st.integers(1, 10))
def test_multiplying_every_volume_multiplies_the_formation(rows, kali):
    lebih = [(ak, kt, v * kali) for ak, kt, v in rows]
    assert abs(c.formasi_fungsional(lebih) - kali * c.formasi_fungsional(rows)) < TOLERANSI
