"""A NIP's TMT year may be at most next year, "next" counted in the site's time zone."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from organisasi.nip import urai_nip

NIP_TMT_2011 = "198506152011011003"


def test_the_tmt_year_is_checked_against_the_local_today(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: dt.date(2010, 12, 31))
    assert urai_nip(NIP_TMT_2011).tahun_pengangkatan == 2011
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: dt.date(2009, 12, 31))
    with pytest.raises(ValidationError, match="Tahun TMT pada NIP"):
        urai_nip(NIP_TMT_2011)
