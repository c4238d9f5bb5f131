import datetime as dt

from organisasi.calculations import batas_usia_pensiun, tanggal_pensiun, usia


def test_it_retires_at_the_start_of_the_month_after_reaching_the_age():
    assert tanggal_pensiun(dt.date(1966, 6, 15), 58) == dt.date(2024, 7, 1)


def test_a_december_birthday_retires_in_january_of_the_next_year():
    assert tanggal_pensiun(dt.date(1966, 12, 31), 58) == dt.date(2025, 1, 1)


def test_a_leap_day_birthday_retires_on_the_first_of_march():
    assert tanggal_pensiun(dt.date(1964, 2, 29), 58) == dt.date(2022, 3, 1)
    assert tanggal_pensiun(dt.date(1964, 2, 29), 60) == dt.date(2024, 3, 1)


def test_it_retires_on_the_first_whatever_the_day_of_birth():
    for hari in (1, 15, 28, 30, 31):
        assert tanggal_pensiun(dt.date(1970, 1, hari), 58) == dt.date(2028, 2, 1)


def test_retirement_age_follows_the_position():
    assert batas_usia_pensiun() == 58
    assert batas_usia_pensiun(jenis_jabatan="pelaksana") == 58
    assert batas_usia_pensiun(jenis_jabatan="fungsional", jenjang="ahli_muda") == 58
    assert batas_usia_pensiun(jenis_jabatan="jpt_pratama") == 60
    assert batas_usia_pensiun(jenis_jabatan="jpt_madya") == 60
    assert batas_usia_pensiun(jenis_jabatan="jpt_utama") == 60
    assert batas_usia_pensiun(jenis_jabatan="fungsional", jenjang="ahli_madya") == 60
    assert batas_usia_pensiun(jenis_jabatan="fungsional", jenjang="ahli_utama") == 65


def test_age_counts_completed_years():
    assert usia(dt.date(1990, 5, 17), dt.date(2024, 5, 16)) == 33
    assert usia(dt.date(1990, 5, 17), dt.date(2024, 5, 17)) == 34
