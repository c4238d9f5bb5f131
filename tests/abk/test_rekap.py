"""The rekap of seed 001's Dinas: computed from its inputs, compared with what it printed."""

from decimal import Decimal

from abk.rekap import hitung_rekap


def _baris(r, nomor):
    return next(b for b in r.baris if b.nomor == nomor)


def test_the_2024_decree_understates_the_dinas_by_11_people(tarakan):
    r = hitung_rekap(tarakan["periode"], tarakan["dinas"])
    assert len(r.baris) == 37
    assert r.kebutuhan_tercetak_dibulatkan == 75
    assert r.total["kebutuhan_dibulatkan"] == 86


def test_each_summing_error_is_flagged_with_its_amount(tarakan):
    r = hitung_rekap(tarakan["periode"], tarakan["dinas"])
    pesan = {b.nomor: [t.pesan for t in b.temuan] for b in r.baris}
    assert "Kebutuhan pegawai tercetak 2,640, hasil hitung 2,880 (selisih 0,240)." in pesan["2.1.4"]
    assert "Jumlah pegawai tercetak 14 orang, hasil hitung 17 orang (selisih +3)." in pesan["3.9"]
    assert "Jumlah pegawai tercetak 2 orang, hasil hitung 3 orang (selisih +1)." in pesan["5"]
    assert "Jumlah pegawai tercetak 1 orang, hasil hitung 8 orang (selisih +7)." in pesan["10"]
    assert "Butir 28: Wpk tercetak 0,31, hasil hitung AK ÷ Kt 4,50." in pesan["3.1"]
    assert any(
        "Jumlah Wpv tercetak 3.812,94 jam, hasil hitung 3.825,50 jam" in p for p in pesan["3.1"]
    )
    # Rows the decree printed right raise nothing about their sums.
    assert not any("tercetak" in p and "Judul" not in p for p in pesan["2.1.5"])


def test_plausibility_warnings(tarakan):
    r = hitung_rekap(tarakan["periode"], tarakan["dinas"])
    pesan = {b.nomor: [t.pesan for t in b.temuan] for b in r.baris}
    assert "Butir 41: volume kegiatan nol." in pesan["9"]
    assert any('Judul kolom waktu tercetak "(JAM)"' in p for p in pesan["1"])


def test_positions_and_units_carry_need_bezetting_and_ej(tarakan):
    r = hitung_rekap(tarakan["periode"], tarakan["dinas"])
    plo = _baris(r, "2.1.4")
    assert plo.kebutuhan == Decimal("2.88") and plo.kebutuhan_dibulatkan == 3
    assert plo.bezetting == 2 and plo.bezetting_rincian == {"PPPK": 2}
    assert plo.selisih == -1
    assert plo.ej == Decimal("1.44") and plo.predikat == "A"
    ps = _baris(r, "3.1")
    assert round(ps.kebutuhan, 2) == Decimal("3.06") and ps.kebutuhan_dibulatkan == 3
    assert ps.beban_kerja_jam == Decimal("3825.50")
    sekretariat = next(ru for ru in r.units if ru.unit.nama == "Sekretariat")
    dalam = [b for b in r.baris if b.nomor == "2" or b.nomor.startswith("2.")]
    assert sekretariat.subtree["kebutuhan_dibulatkan"] == sum(b.kebutuhan_dibulatkan for b in dalam)
    assert sekretariat.subtree["bezetting"] == sum(b.bezetting for b in dalam)
    assert r.units[0].unit == tarakan["dinas"] and r.units[0].depth == 0


def test_a_surplus_is_not_netted_against_shortages(tarakan):
    r = hitung_rekap(tarakan["periode"], tarakan["dinas"])
    assert r.total["kelebihan"] == sum(max(b.selisih, 0) for b in r.baris) > 0
    assert r.total["kekurangan"] == sum(max(-b.selisih, 0) for b in r.baris)
    assert r.total["selisih"] == r.total["kelebihan"] - r.total["kekurangan"]


def test_rounding_always_up_is_a_setting_of_the_period(tarakan):
    periode = tarakan["periode"]
    periode.pembulatan = "ceiling"
    periode.save()
    r = hitung_rekap(periode, tarakan["dinas"])
    assert _baris(r, "1").kebutuhan_dibulatkan == 2  # 1.2016 → 2
    assert _baris(r, "2.1.4").kebutuhan_dibulatkan == 3


def test_the_effective_time_is_a_setting_of_the_period(tarakan):
    periode = tarakan["periode"]
    periode.waktu_efektif_menit = Decimal(72000)  # the older 1,200-hour basis
    periode.save()
    r = hitung_rekap(periode, tarakan["dinas"])
    assert _baris(r, "2.1.4").kebutuhan == Decimal(216000) / Decimal(72000)
