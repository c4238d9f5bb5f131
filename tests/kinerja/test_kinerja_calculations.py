from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

from kinerja.calculations import (
    capaian,
    perbandingan,
    persen_realisasi_anggaran,
    sasaran_tercapai,
)


def test_seed_002_participation_is_106_79_percent_not_117_8():
    c = capaian(D("75"), D("80.09"), "naik")
    assert c.dibulatkan() == D("106.79")


def test_seed_002_budget_figures():
    # Program Pengembangan Wawasan Kebangsaan: the seed prints 99,00.
    assert round(persen_realisasi_anggaran(D("296200000"), D("293774600")), 2) == D("99.18")
    # The whole budget: the seed is right.
    assert round(persen_realisasi_anggaran(D("2804150926"), D("2714944445")), 2) == D("96.82")
    assert persen_realisasi_anggaran(0, 0) is None
    # A pagu with nothing spent yet is 0 %, not an error.
    assert persen_realisasi_anggaran(D("296200000"), None) == 0


def test_capaian_is_rounded_half_up_for_display():
    # 1.01 ÷ 200 × 100 = 0.505 exactly → 0,51 (half to even would print 0,50).
    assert capaian(D("200"), D("1.01")).dibulatkan() == D("0.51")


def test_lower_is_better_uses_the_inverse():
    assert capaian(10, 8, "turun").dibulatkan() == D("125.00")
    assert capaian(10, 12.5, "turun").dibulatkan() == D("80.00")


def test_zero_targets_and_missing_values_are_explained():
    c = capaian(0, 5, "naik")
    assert c.nilai is None and "Target 0" in c.keterangan
    c = capaian(5, 0, "turun")
    assert c.nilai is None and "terlampaui" in c.keterangan
    assert capaian(0, 0, "turun").nilai == 100
    assert "belum diisi" in capaian(5, None).keterangan
    assert "belum ditetapkan" in capaian(None, 5).keterangan


def test_a_target_is_met_from_100_percent_and_a_sasaran_when_all_its_indikator_are():
    assert capaian(75, D("80.09")).tercapai is True  # seed 002 sasaran 1
    assert capaian(100, 100).tercapai is True  # seed 002 sasaran 2: exactly 100%
    assert capaian(100, D("99.99")).tercapai is False
    assert capaian(5, 0, "turun").tercapai is True  # beyond any ratio
    assert capaian(5, None).tercapai is None
    assert sasaran_tercapai([capaian(75, 80), capaian(100, 100)]) is True
    assert sasaran_tercapai([capaian(75, 80), capaian(100, 90)]) is False
    # one indikator without a realisation: the sasaran cannot be judged yet
    assert sasaran_tercapai([capaian(75, 80), capaian(100, None)]) is None
    assert sasaran_tercapai([]) is None


def test_comparison_with_the_previous_year():
    assert perbandingan(D("80.09"), D("78.69")) == (D("1.40"), D("1.40") / D("78.69") * 100)
    assert perbandingan(None, 1) == (None, None)
    # No % change from a year N-1 of 0: 5 points up, the ratio is undefined.
    assert perbandingan(D("5"), D("0")) == (D("5"), None)


@given(
    st.decimals(min_value=D("0.01"), max_value=D(1000), places=2),
    st.decimals(min_value=0, max_value=D(1000), places=2),
)
def test_capaian_rises_with_realisation_when_higher_is_better(target, realisasi):
    a = capaian(target, realisasi, "naik").nilai
    b = capaian(target, realisasi + 1, "naik").nilai
    assert b > a
    assert (a == 100) == (realisasi == target)


positif = st.decimals(min_value=D("0.01"), max_value=D(1000), places=2)


@given(positif, positif)
def test_capaian_falls_as_realisation_grows_when_lower_is_better(target, realisasi):
    a = capaian(target, realisasi, "turun").nilai
    b = capaian(target, realisasi + 1, "turun").nilai
    assert b < a
    assert (a == 100) == (realisasi == target)


@given(positif, positif, st.integers(2, 1000))
def test_capaian_does_not_depend_on_the_unit_of_the_indicator(target, realisasi, kali):
    # 75 % against 80.09 % reads the same as 750 ‰ against 800.9 ‰.
    for arah in ("naik", "turun"):
        a = capaian(target, realisasi, arah).nilai
        b = capaian(target * kali, realisasi * kali, arah).nilai
        assert abs(a - b) < D("1e-20")


@given(positif, positif)
def test_the_two_directions_are_reciprocal(target, realisasi):
    # R ÷ T × 100 and T ÷ R × 100 multiply to 100 × 100.
    naik = capaian(target, realisasi, "naik").nilai
    turun = capaian(target, realisasi, "turun").nilai
    assert abs(naik * turun - 10_000) < D("1e-20")
