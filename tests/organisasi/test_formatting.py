import datetime as dt
from decimal import Decimal

import pytest

from organisasi.formatting import angka, angka_ringkas, huruf, kelas_teks, tanggal, terbilang


def test_numbers_use_dots_for_thousands_and_a_comma_for_decimals():
    assert angka(1250) == "1.250,00"
    assert angka(Decimal("3825.5")) == "3.825,50"
    assert angka(Decimal("1.2016"), 3) == "1,202"
    assert angka(Decimal("2.88"), 3) == "2,880"
    assert angka(75000, 0) == "75.000"
    assert angka(Decimal("-1.5"), 1) == "-1,5"


def test_numbers_round_half_up_for_display():
    # Half up, not to even: 2.5 → 3 and 0.125 → 0,13 (banker's rounding would give 2 and 0,12).
    assert angka(Decimal("2.5"), 0) == "3"
    assert angka(Decimal("0.125")) == "0,13"
    assert angka(Decimal("2.0005"), 3) == "2,001"


def test_a_missing_value_prints_blank():
    assert angka(None) == angka("") == angka_ringkas(None) == tanggal(None) == ""


def test_quantities_drop_needless_decimals():
    assert angka_ringkas(Decimal("12.00")) == "12"
    assert angka_ringkas(Decimal("3000")) == "3.000"
    assert angka_ringkas(Decimal("0.50")) == "0,5"


def test_dates_are_written_with_the_month_name():
    assert tanggal(dt.date(2024, 6, 24)) == "24 Juni 2024"
    assert tanggal(dt.date(2024, 1, 8)) == "8 Januari 2024"


@pytest.mark.parametrize(
    ("n", "teks"),
    [(1, "Satu"), (9, "Sembilan"), (10, "Sepuluh"), (11, "Sebelas"), (12, "Dua Belas"),
     (14, "Empat Belas"), (17, "Tujuh Belas"), (20, "Dua Puluh"), (100, "Seratus"),
     (111, "Seratus Sebelas"), (1000, "Seribu"), (2515, "Dua Ribu Lima Ratus Lima Belas"),
     (175, "Seratus Tujuh Puluh Lima"), (1999, "Seribu Sembilan Ratus Sembilan Puluh Sembilan"),
     (1_000_000, "Satu Juta"), (1_250_000_000, "Satu Miliar Dua Ratus Lima Puluh Juta"),
     (10**12, "Satu Triliun"), (0, "Nol"), (-5, "Minus Lima")],
)  # fmt: skip
def test_numbers_in_words(n, teks):
    assert terbilang(n) == teks


def test_kelas_is_printed_with_its_words_as_in_seed_001():
    assert kelas_teks(14) == "14 (Empat Belas)"
    assert kelas_teks(7) == "7 (Tujuh)"
    assert kelas_teks(None) == "-"


def test_list_letters_continue_past_z_as_in_legal_texts():
    assert [huruf(i) for i in (1, 2, 26, 27, 33)] == ["a", "b", "z", "aa", "gg"]
