import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from organisasi.nip import format_nip, urai_nip


def test_it_reads_birth_date_tmt_and_sex_from_a_pns_nip():
    info = urai_nip("19850615 201001 1 003")
    assert info.tanggal_lahir == dt.date(1985, 6, 15)
    assert info.tmt == dt.date(2010, 1, 1)
    assert info.jenis_kelamin == "L"
    assert info.nomor_urut == 3
    assert not info.pppk


def test_it_accepts_a_pppk_nip_whose_month_is_21():
    info = urai_nip("199205172023212001")
    assert info.pppk
    assert info.tmt is None
    assert info.tahun_pengangkatan == 2023
    assert info.jenis_kelamin == "P"


@pytest.mark.parametrize(
    ("nip", "pesan"),
    [
        ("1985061520100110", "18 angka"),
        ("19850615201001100A", "18 angka"),
        ("198502302010011003", "bukan tanggal lahir yang sah"),  # 30 February
        ("198506152010131003", "bukan bulan dan tahun TMT"),  # month 13
        ("198506152010001003", "bukan bulan dan tahun TMT"),  # month 00
        ("198506152010013003", "harus 1 (laki-laki) atau 2 (perempuan)"),
        ("198506151990011003", "tidak mungkin"),  # TMT at age 4
        ("198506152010011000", "tidak boleh 000"),
    ],
)
def test_it_refuses_invalid_nips_with_an_indonesian_reason(nip, pesan):
    with pytest.raises(ValidationError) as e:
        urai_nip(nip)
    assert pesan in " ".join(e.value.messages)


def test_it_prints_a_nip_in_the_official_grouping():
    assert format_nip("198506152010011003") == "19850615 201001 1 003"


@given(
    lahir=st.dates(min_value=dt.date(1955, 1, 1), max_value=dt.date(2005, 12, 31)),
    umur_tmt=st.integers(min_value=18, max_value=35),
    bulan=st.integers(min_value=1, max_value=12),
    kelamin=st.sampled_from("12"),
    urut=st.integers(min_value=1, max_value=999),
)
def test_every_well_formed_nip_round_trips(lahir, umur_tmt, bulan, kelamin, urut):
    tahun = min(lahir.year + umur_tmt, dt.date.today().year)
    if tahun < lahir.year + 14:
        return
    nip = f"{lahir:%Y%m%d}{tahun}{bulan:02d}{kelamin}{urut:03d}"
    info = urai_nip(nip)
    assert info.tanggal_lahir == lahir
    assert info.tmt == dt.date(tahun, bulan, 1)
    assert info.jenis_kelamin == ("L" if kelamin == "1" else "P")
