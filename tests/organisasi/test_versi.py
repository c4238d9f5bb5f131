import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from organisasi.versi import DataBerubah, klaim_versi, pesan_berubah, waktu_indonesia
from tests.factories import JabatanFactory


def test_it_writes_the_time_as_dd_bulan_yyyy_hh_mm_in_local_time():
    utc = dt.datetime(2026, 3, 5, 7, 7, tzinfo=ZoneInfo("UTC"))
    assert waktu_indonesia(utc) == "05 Maret 2026 14:07"  # Asia/Jakarta, UTC+7


def test_it_claims_the_next_version_only_from_the_current_one(dunia):
    jabatan = JabatanFactory(unit=dunia.bidang)
    klaim_versi(jabatan, 1)
    assert jabatan.versi == 2
    jabatan.refresh_from_db()
    assert jabatan.versi == 2
    with pytest.raises(DataBerubah):
        klaim_versi(jabatan, 1)
    with pytest.raises(DataBerubah):
        klaim_versi(jabatan, None)  # a form sent without its version
    jabatan.refresh_from_db()
    assert jabatan.versi == 2


def test_the_message_names_the_last_editor_from_the_history(dunia, users):
    jabatan = JabatanFactory(unit=dunia.bidang)
    jabatan.nama = "Diubah"
    jabatan._history_user = users["operator"]
    jabatan.save()
    users["operator"].first_name, users["operator"].last_name = "Ani", "Operator"
    users["operator"].save()
    waktu = waktu_indonesia(jabatan.history.latest("history_date").history_date)
    assert pesan_berubah(jabatan) == (
        f"Data ini telah diubah oleh Ani Operator pada {waktu}; muat ulang."
    )
