from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

from kinerja.calculations import capaian, perbandingan, persen_realisasi_anggaran


def test_seed_002_participation_is_106_79_percent_not_117_8():
    c = capaian(D("75"), D("80.09"), "naik")
    assert c.dibulatkan() == D("106.79")


def test_seed_002_budget_figures():
    # Program Pengembangan Wawasan Kebangsaan: the seed prints 99,00.
    assert round(persen_realisasi_anggaran(D("296200000"), D("293774600")), 2) == D("99.18")
    # The whole budget: the seed is right.
    assert round(persen_realisasi_anggaran(D("2804150926"), D("2714944445")), 2) == D("96.82")
    assert persen_realisasi_anggaran(0, 0) is None


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


def test_comparison_with_the_previous_year():
    assert perbandingan(D("80.09"), D("78.69")) == (D("1.40"), D("1.40") / D("78.69") * 100)
    assert perbandingan(None, 1) == (None, None)


@given(
    st.decimals(min_value=D("0.01"), max_value=D(1000), places=2),
    st.decimals(min_value=0, max_value=D(1000), places=2),
)
def test_capaian_rises_with_realisation_when_higher_is_better(target, realisasi):
    a = capaian(target, realisasi, "naik").nilai
    b = capaian(target, realisasi + 1, "naik").nilai
    assert b > a
    assert (a == 100) == (realisasi == target)
