"""The kelas range 1–17 is one pair of constants, the shipped tables and Jabatan.clean agree."""

import pytest
from django.core.exceptions import ValidationError

from anjab.calculations import KELAS_MAX, KELAS_MIN, tabel_bawaan
from tests.factories import JabatanFactory


def test_the_shipped_tables_cover_exactly_kelas_min_to_kelas_max():
    assert [kelas for kelas, *_ in tabel_bawaan().kelas] == list(range(KELAS_MIN, KELAS_MAX + 1))


@pytest.mark.parametrize("kelas", [KELAS_MIN, KELAS_MAX])
def test_a_kelas_at_either_end_of_the_range_is_valid(dunia, kelas):
    jabatan = JabatanFactory(unit=dunia.bidang, kelas_jabatan=kelas)
    jabatan.clean()


@pytest.mark.parametrize("kelas", [KELAS_MIN - 1, KELAS_MAX + 1])
def test_a_kelas_outside_the_range_names_the_range(dunia, kelas):
    jabatan = JabatanFactory(unit=dunia.bidang, kelas_jabatan=kelas)
    with pytest.raises(ValidationError) as e:
        jabatan.clean()
    assert e.value.message_dict["kelas_jabatan"] == ["Kelas jabatan antara 1 dan 17."]
