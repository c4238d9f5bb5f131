"""The rules of seed 003 (Peraturan Bupati Banjar 39/2024 Pasal 9) as kinerja.sistem_kerja
applies them, and the Banjar demo."""

import datetime as dt
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from kinerja.models import (
    AturanSistemKerja,
    Indikator,
    IndikatorPK,
    Lingkup,
    Penugasan,
    PerjanjianKinerja,
    Renstra,
    Sasaran,
    TimKerja,
    Tujuan,
)
from kinerja.sistem_kerja import rules, selectors, services
from organisasi.models import Instansi, PangkatGolongan, Pegawai
from tests.factories import PegawaiFactory, UnitFactory
from tests.kinerja.banjar import muat_banjar

D = dt.date
AWAL, AKHIR = D(2024, 1, 1), D(2024, 12, 31)
KETUA = Penugasan.Kedudukan.KETUA


def _gol(kode, jenis="PNS"):
    return PangkatGolongan.objects.get(jenis_asn=jenis, kode=kode)


def _layak(unit, nama, **kw):
    """A pegawai who meets every requirement for ketua tim."""
    data = {
        "pendidikan": "S-1",
        "golongan": _gol("III/b"),
        "predikat_kinerja": "baik",
        "pengalaman_bidang_tahun": Decimal(3),
    }
    data.update(kw)
    return PegawaiFactory(unit=unit, nama=nama, **data)


def _tim(unit, mulai=AWAL, selesai=AKHIR, nama="Tim Uji"):
    return services.tim_create(
        unit=unit, nama=nama, mulai=mulai, selesai=selesai, target="Target uji"
    )


def _tugaskan(tim, pegawai=None, **kw):
    return services.penugasan_create(tim=tim, pegawai=pegawai, **kw)


def _pesan(excinfo) -> str:
    return " | ".join(excinfo.value.messages)


# ---- pure rules ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mulai", "selesai", "bulan"),
    [
        (D(2024, 1, 1), D(2024, 12, 31), 12),
        (D(2024, 1, 1), D(2025, 1, 31), 13),
        (D(2024, 3, 1), D(2024, 8, 31), 6),
        (D(2024, 3, 1), D(2024, 9, 1), 7),
        (D(2024, 1, 15), D(2024, 2, 14), 1),
        (D(2024, 1, 15), D(2024, 2, 15), 2),
        (D(2024, 5, 5), D(2024, 5, 5), 1),
        (D(2024, 1, 31), D(2024, 2, 28), 1),  # a month from 31 Jan ends on 29 Feb
        (D(2024, 1, 31), D(2024, 2, 29), 2),
        (D(2024, 3, 31), D(2024, 4, 29), 1),  # 31 Mar + 1 month is 30 Apr
        (D(2024, 3, 31), D(2024, 4, 30), 2),
        (D(2023, 12, 31), D(2024, 2, 28), 2),  # across the year, into a leap February
        (D(2024, 7, 1), D(2024, 12, 31), 6),
    ],
)
def test_it_counts_months_inclusively_rounding_a_started_month_up(mulai, selesai, bulan):
    assert rules.jumlah_bulan(mulai, selesai) == bulan


def test_an_assignment_touches_every_calendar_year_it_spans():
    assert rules.tahun_dilalui(D(2024, 11, 1), D(2025, 2, 28)) == [2024, 2025]
    assert rules.tahun_dilalui(D(2024, 1, 1), D(2024, 12, 31)) == [2024]


def test_the_widest_origin_is_the_scope_of_the_team():
    assert rules.lingkup_tim([]) == Lingkup.DALAM_UNIT
    assert rules.lingkup_tim([Lingkup.DALAM_UNIT, Lingkup.LINTAS_UNIT]) == Lingkup.LINTAS_UNIT
    assert (
        rules.lingkup_tim([Lingkup.LINTAS_INSTANSI, Lingkup.DALAM_UNIT, Lingkup.LINTAS_UNIT])
        == Lingkup.LINTAS_INSTANSI
    )


def test_d_iv_counts_as_s_1_and_every_unmet_requirement_is_listed():
    syarat = rules.SyaratKetua()
    assert (
        rules.syarat_ketua_belum_terpenuhi(
            pendidikan="D-IV",
            golongan_urutan=9,
            golongan_teks="Penata Muda (III/a)",
            predikat="sangat_baik",
            pengalaman_tahun=Decimal(2),
            syarat=syarat,
        )
        == []
    )
    belum = rules.syarat_ketua_belum_terpenuhi(
        pendidikan="D-III",
        golongan_urutan=7,
        golongan_teks="Pengatur (II/c)",
        predikat="butuh_perbaikan",
        pengalaman_tahun=Decimal("1.5"),
        syarat=syarat,
    )
    assert belum == [
        "pendidikan minimal S-1/D-IV (tercatat: D-III)",
        "pangkat minimal Penata Muda (III/a) (tercatat: Pengatur (II/c))",
        "predikat kinerja tahun terakhir minimal Baik (tercatat: Butuh Perbaikan)",
        "pengalaman di bidang tugas minimal 2 tahun (tercatat: 1,5 tahun)",
    ]


# ---- the yearly count ------------------------------------------------------------------------


def test_a_fourth_assignment_in_a_year_is_refused(dunia):
    sri = PegawaiFactory(unit=dunia.bidang, nama="Sri Wahyuni")
    for i in range(3):
        _tugaskan(_tim(dunia.bidang, nama=f"Tim {i}"), sri)
    keempat = _tim(dunia.bidang, nama="Tim 4")
    with pytest.raises(ValidationError) as e:
        _tugaskan(keempat, sri)
    assert "Sri Wahyuni sudah 3 kali ditugaskan pada 2024 (paling banyak 3)." in e.value.messages
    assert not keempat.penugasan.exists()


def test_an_assignment_spanning_two_years_counts_in_each(dunia):
    sri = PegawaiFactory(unit=dunia.bidang, nama="Sri Wahyuni")
    _tugaskan(_tim(dunia.bidang, nama="A"), sri)
    _tugaskan(_tim(dunia.bidang, nama="B"), sri)
    _tugaskan(_tim(dunia.bidang, D(2024, 11, 1), D(2025, 2, 28), nama="C"), sri)
    # 2025 holds only C so far: allowed.
    _tugaskan(_tim(dunia.bidang, D(2025, 3, 1), D(2025, 6, 30), nama="D"), sri)
    with pytest.raises(ValidationError) as e:
        _tugaskan(_tim(dunia.bidang, D(2024, 12, 1), D(2025, 1, 31), nama="E"), sri)
    assert _pesan(e) == "Sri Wahyuni sudah 3 kali ditugaskan pada 2024 (paling banyak 3)."


def test_changing_an_assignment_does_not_count_it_twice(dunia):
    sri = PegawaiFactory(unit=dunia.bidang, nama="Sri Wahyuni")
    for i in range(2):
        _tugaskan(_tim(dunia.bidang, nama=f"Tim {i}"), sri)
    ketiga = _tugaskan(_tim(dunia.bidang, nama="Tim 3"), sri)
    services.penugasan_update(penugasan=ketiga, selesai=D(2024, 6, 30))
    ketiga.refresh_from_db()
    assert ketiga.selesai == D(2024, 6, 30)


def test_outside_members_are_counted_by_their_nip(dunia):
    luar = {
        "nama_luar": "Rudi Luar",
        "nip_luar": "19800101 200501 1 001",
        "instansi_luar": "Pemerintah Provinsi Kalimantan Utara",
        "mulai": D(2024, 1, 1),
        "selesai": D(2024, 3, 31),
    }
    for i in range(3):
        _tugaskan(_tim(dunia.bidang, nama=f"Tim {i}"), **luar)
    with pytest.raises(ValidationError) as e:
        _tugaskan(_tim(dunia.bidang, nama="Tim 4"), **{**luar, "nip_luar": "198001012005011001"})
    assert "Rudi Luar sudah 3 kali ditugaskan pada 2024 (paling banyak 3)." in e.value.messages


# ---- length of one assignment ----------------------------------------------------------------


def test_thirteen_months_within_the_unit_are_refused_twelve_allowed(dunia):
    tim = _tim(dunia.bidang, D(2024, 1, 1), D(2025, 12, 31))
    ani = PegawaiFactory(unit=dunia.subbag, nama="Ani")
    with pytest.raises(ValidationError) as e:
        _tugaskan(tim, ani, mulai=D(2024, 1, 1), selesai=D(2025, 1, 31))
    assert _pesan(e) == "Penugasan dalam unit paling lama 12 bulan; Ani ditugaskan 13 bulan."
    _tugaskan(tim, ani, mulai=D(2024, 1, 1), selesai=D(2024, 12, 31))


def test_seven_months_across_units_are_refused_six_allowed(dunia):
    tim = _tim(dunia.bidang)
    budi = PegawaiFactory(unit=dunia.dinas_lain, nama="Budi")
    with pytest.raises(ValidationError) as e:
        _tugaskan(tim, budi, mulai=D(2024, 1, 1), selesai=D(2024, 7, 31))
    assert _pesan(e) == "Penugasan lintas unit paling lama 6 bulan; Budi ditugaskan 7 bulan."
    _tugaskan(tim, budi, mulai=D(2024, 1, 1), selesai=D(2024, 6, 30))


def test_seven_months_across_agencies_are_refused(dunia):
    tim = _tim(dunia.bidang)
    with pytest.raises(ValidationError) as e:
        _tugaskan(
            tim,
            nama_luar="Rudi",
            instansi_luar="Pemerintah Kabupaten Bulungan",
            mulai=D(2024, 1, 1),
            selesai=D(2024, 7, 31),
        )
    assert _pesan(e) == "Penugasan lintas instansi paling lama 6 bulan; Rudi ditugaskan 7 bulan."


def test_an_assignment_takes_the_team_period_when_no_dates_are_given(dunia):
    tim = _tim(dunia.bidang, D(2024, 2, 1), D(2024, 11, 30))
    p = _tugaskan(tim, PegawaiFactory(unit=dunia.bidang))
    assert (p.mulai, p.selesai) == (D(2024, 2, 1), D(2024, 11, 30))


def test_an_assignment_outside_the_team_period_is_refused(dunia):
    tim = _tim(dunia.bidang, D(2024, 1, 1), D(2024, 6, 30))
    with pytest.raises(ValidationError) as e:
        _tugaskan(tim, PegawaiFactory(unit=dunia.bidang, nama="Ani"), selesai=D(2024, 7, 31))
    assert "harus berada dalam masa tim" in _pesan(e)


# ---- scope -----------------------------------------------------------------------------------


def test_the_scope_follows_where_the_members_come_from(dunia):
    # The owning unit is a bidang; its perangkat daerah (Dinas Sosial) is the "unit".
    tim = _tim(dunia.bidang, D(2024, 1, 1), D(2024, 6, 30))
    _tugaskan(tim, PegawaiFactory(unit=dunia.subbag))
    _tugaskan(tim, PegawaiFactory(unit=dunia.dinas))
    tim.refresh_from_db()
    assert tim.lingkup == Lingkup.DALAM_UNIT

    _tugaskan(tim, PegawaiFactory(unit=dunia.dinas_lain))
    tim.refresh_from_db()
    assert tim.lingkup == Lingkup.LINTAS_UNIT

    luar = _tugaskan(tim, nama_luar="Rudi", instansi_luar="Pemerintah Kabupaten Bulungan")
    tim.refresh_from_db()
    assert tim.lingkup == Lingkup.LINTAS_INSTANSI

    services.penugasan_delete(penugasan=luar)
    tim.refresh_from_db()
    assert tim.lingkup == Lingkup.LINTAS_UNIT


def test_a_pegawai_of_another_instansi_makes_the_team_cross_agency(dunia):
    tim = _tim(dunia.bidang, D(2024, 1, 1), D(2024, 6, 30))
    _tugaskan(tim, dunia.lain_pegawai)
    tim.refresh_from_db()
    assert tim.lingkup == Lingkup.LINTAS_INSTANSI


def test_outside_members_cannot_apply_voluntarily(dunia):
    tim = _tim(dunia.bidang, D(2024, 1, 1), D(2024, 6, 30))
    with pytest.raises(ValidationError) as e:
        _tugaskan(
            tim,
            nama_luar="Rudi",
            instansi_luar="Pemerintah Kabupaten Bulungan",
            jenis=Penugasan.Jenis.PENGAJUAN_SUKARELA,
        )
    assert "Pengajuan sukarela hanya untuk pegawai instansi ini" in _pesan(e)


def test_the_same_person_cannot_join_a_team_twice(dunia):
    tim = _tim(dunia.bidang)
    ani = PegawaiFactory(unit=dunia.bidang, nama="Ani")
    _tugaskan(tim, ani)
    with pytest.raises(ValidationError) as e:
        _tugaskan(tim, ani)
    assert _pesan(e) == "Ani sudah menjadi anggota tim ini."


# ---- the ketua -------------------------------------------------------------------------------


def test_the_ketua_of_a_cross_unit_team_must_come_from_the_owning_unit(dunia):
    tim = _tim(dunia.bidang, D(2024, 1, 1), D(2024, 6, 30))
    budi = _layak(dunia.dinas_lain, "Budi")
    with pytest.raises(ValidationError) as e:
        _tugaskan(tim, budi, kedudukan=KETUA)
    assert _pesan(e) == (
        "Ketua tim lintas unit harus dari unit pemilik (Dinas Sosial); "
        "Budi berasal dari luar unit itu."
    )
    _tugaskan(tim, budi)  # as a member he is welcome
    _tugaskan(tim, _layak(dunia.subbag, "Ani"), kedudukan=KETUA)


def test_an_unqualified_ketua_is_refused_with_every_unmet_requirement(dunia):
    tim = _tim(dunia.bidang, D(2024, 1, 1), D(2024, 6, 30))
    ani = PegawaiFactory(
        unit=dunia.bidang,
        nama="Ani",
        pendidikan="D-III",
        golongan=_gol("II/c"),
        predikat_kinerja="butuh_perbaikan",
        pengalaman_bidang_tahun=Decimal(1),
    )
    # Within one unit the requirements of Pasal 9 ayat (6) do not apply.
    _tugaskan(tim, ani, kedudukan=KETUA)
    with pytest.raises(ValidationError) as e:
        _tugaskan(tim, PegawaiFactory(unit=dunia.dinas_lain))
    assert _pesan(e) == (
        "Ketua tim belum memenuhi syarat (Ani): pendidikan minimal S-1/D-IV (tercatat: D-III); "
        "pangkat minimal Penata Muda (III/a) (tercatat: Pengatur (II/c)); "
        "predikat kinerja tahun terakhir minimal Baik (tercatat: Butuh Perbaikan); "
        "pengalaman di bidang tugas minimal 2 tahun (tercatat: 1 tahun)."
    )
    tim.refresh_from_db()
    assert tim.lingkup == Lingkup.DALAM_UNIT and tim.penugasan.count() == 1


def test_missing_data_and_a_pppk_golongan_do_not_qualify_a_ketua(dunia):
    tim = _tim(dunia.bidang, D(2024, 1, 1), D(2024, 6, 30))
    _tugaskan(tim, PegawaiFactory(unit=dunia.dinas_lain))
    pppk = PegawaiFactory(
        unit=dunia.bidang,
        nama="Yuli",
        nip="199205172023212001",
        status=Pegawai.Status.PPPK,
        golongan=_gol("IX", "PPPK"),
    )
    with pytest.raises(ValidationError) as e:
        _tugaskan(tim, pppk, kedudukan=KETUA)
    pesan = _pesan(e)
    assert "(tercatat: PPPK golongan IX, tanpa pangkat)" in pesan
    assert "predikat kinerja tahun terakhir minimal Baik (tercatat: belum tercatat)" in pesan
    assert "pengalaman di bidang tugas minimal 2 tahun (tercatat: belum tercatat)" in pesan


def test_a_team_has_one_ketua(dunia):
    tim = _tim(dunia.bidang)
    _tugaskan(tim, _layak(dunia.bidang, "Ani"), kedudukan=KETUA)
    with pytest.raises(ValidationError) as e:
        _tugaskan(tim, _layak(dunia.bidang, "Citra"), kedudukan=KETUA)
    assert "Tim hanya memiliki satu ketua" in _pesan(e)


def test_it_removes_the_assignments_with_the_team(dunia):
    tim = _tim(dunia.bidang, D(2024, 1, 1), D(2024, 6, 30))
    _tugaskan(tim, PegawaiFactory(unit=dunia.bidang))
    _tugaskan(tim, nama_luar="Rudi", instansi_luar="Pemerintah Kabupaten Bulungan")
    lain = _tugaskan(_tim(dunia.bidang, nama="Tim Lain"), PegawaiFactory(unit=dunia.bidang))
    services.tim_delete(tim=tim)
    assert not TimKerja.objects.filter(pk=tim.pk).exists()
    assert list(Penugasan.objects.all()) == [lain]


def test_moving_the_team_to_another_unit_rechecks_its_ketua(dunia):
    tim = _tim(dunia.bidang, D(2024, 1, 1), D(2024, 6, 30))
    _tugaskan(tim, _layak(dunia.bidang, "Ani"), kedudukan=KETUA)
    _tugaskan(tim, PegawaiFactory(unit=dunia.dinas_lain))
    with pytest.raises(ValidationError) as e:
        services.tim_update(tim=tim, unit=dunia.dinas_lain)
    assert "Ketua tim lintas unit harus dari unit pemilik (Dinas Kesehatan)" in _pesan(e)
    tim.refresh_from_db()
    assert tim.unit == dunia.bidang


def test_members_following_the_team_period_move_with_it(dunia):
    tim = _tim(dunia.bidang, D(2024, 1, 1), D(2024, 6, 30))
    ikut = _tugaskan(tim, PegawaiFactory(unit=dunia.bidang))
    sendiri = _tugaskan(tim, PegawaiFactory(unit=dunia.bidang), selesai=D(2024, 3, 31))
    services.tim_update(tim=tim, selesai=D(2024, 12, 31))
    ikut.refresh_from_db()
    sendiri.refresh_from_db()
    assert ikut.selesai == D(2024, 12, 31)
    assert sendiri.selesai == D(2024, 3, 31)


def test_a_team_needs_a_target_or_an_indikator(dunia):
    with pytest.raises(ValidationError) as e:
        services.tim_create(
            unit=dunia.bidang,
            nama="Tanpa target",
            mulai=D(2024, 1, 1),
            selesai=D(2024, 6, 30),
        )
    assert "Isi target kinerja tim" in _pesan(e)


def _indikator_pk(unit, uraian="Persentase PPKS yang tertangani"):
    renstra = Renstra.objects.create(unit=unit, tahun_awal=2021, tahun_akhir=2026)
    sasaran = Sasaran.objects.create(
        tujuan=Tujuan.objects.create(renstra=renstra, uraian="Tujuan"), uraian="Sasaran"
    )
    indikator = Indikator.objects.create(sasaran=sasaran, uraian=uraian, satuan="%")
    pk = PerjanjianKinerja.objects.create(renstra=renstra, tahun=2024)
    return IndikatorPK.objects.create(perjanjian=pk, indikator=indikator, target=Decimal("85.5"))


def test_the_target_comes_from_the_indikator_of_the_owning_perangkat_daerah(dunia):
    tim = services.tim_create(
        unit=dunia.bidang,
        nama="Tim PPKS",
        mulai=AWAL,
        selesai=AKHIR,
        indikator=_indikator_pk(dunia.dinas),
    )
    assert tim.target_teks == "Persentase PPKS yang tertangani sebesar 85,5 %"
    with pytest.raises(ValidationError) as e:
        services.tim_update(tim=tim, indikator=_indikator_pk(dunia.dinas_lain))
    assert _pesan(e) == (
        "Indikator harus dari Perjanjian Kinerja perangkat daerah pemilik tim (Dinas Sosial)."
    )


# ---- rule values per instansi ----------------------------------------------------------------


def test_without_saved_rules_the_seed_values_apply(db):
    aturan = AturanSistemKerja.untuk(Instansi(pk=999))
    assert aturan.pk is None
    assert (aturan.maks_penugasan_per_tahun, aturan.maks_bulan_dalam_unit) == (3, 12)
    assert (aturan.maks_bulan_lintas, aturan.ketua_golongan_minimal) == (6, "III/a")
    # the values are seed 003's, but not its legal basis: another instansi's Perbup is never
    # cited for this one (issue 14)
    assert aturan.dasar_hukum == ""


def test_rule_values_changed_for_an_instansi_take_effect_there_only(dunia):
    services.aturan_update(
        aturan=AturanSistemKerja.untuk(dunia.instansi),
        maks_bulan_lintas=8,
        maks_penugasan_per_tahun=1,
        ketua_golongan_minimal="III/c",
    )
    tim = _tim(dunia.bidang)
    budi = PegawaiFactory(unit=dunia.dinas_lain, nama="Budi")
    _tugaskan(tim, budi, mulai=D(2024, 1, 1), selesai=D(2024, 7, 31))  # 7 ≤ 8 months
    with pytest.raises(ValidationError) as e:
        _tugaskan(_tim(dunia.bidang, nama="Kedua"), budi, mulai=D(2024, 8, 1))
    assert "Budi sudah 1 kali ditugaskan pada 2024 (paling banyak 1)." in e.value.messages
    with pytest.raises(ValidationError) as e:
        _tugaskan(tim, _layak(dunia.bidang, "Ani", golongan=_gol("III/b")), kedudukan=KETUA)
    assert "pangkat minimal Penata (III/c) (tercatat: Penata Muda Tingkat I (III/b))" in _pesan(e)

    # The other instansi still has seed 003's values.
    lain = UnitFactory(instansi=dunia.lain_instansi, nama="Dinas Lain Banjar")
    tim_banjar = _tim(dunia.lain_unit)
    with pytest.raises(ValidationError) as e:
        _tugaskan(tim_banjar, PegawaiFactory(unit=lain, nama="Dodi"), selesai=D(2024, 7, 31))
    assert "Penugasan lintas unit paling lama 6 bulan" in _pesan(e)


def test_an_unknown_golongan_is_refused_in_the_rules(dunia):
    with pytest.raises(ValidationError) as e:
        services.aturan_update(
            aturan=AturanSistemKerja.untuk(dunia.instansi), ketua_golongan_minimal="V/z"
        )
    assert "ketua_golongan_minimal" in e.value.error_dict


# ---- demo ------------------------------------------------------------------------------------


def _counts():
    return {
        m._meta.label: (
            m.objects.count(),
            m.objects.order_by("-pk").values_list("pk", flat=True).first(),
        )
        for m in apps.get_models()
        if m._meta.app_label in {"organisasi", "kinerja", "anjab"}
    }


def test_the_banjar_demo_loads_twice_without_changing_anything(db):
    banjar = muat_banjar()
    before = _counts()
    assert muat_banjar() == banjar
    assert _counts() == before


def test_the_banjar_demo_is_a_cross_unit_team_under_seed_003(db):
    banjar = muat_banjar()
    assert banjar.sebutan_kepala == "Bupati Banjar" and banjar.ibu_kota == "Martapura"
    tim = TimKerja.objects.get(instansi=banjar)
    assert tim.lingkup == Lingkup.LINTAS_UNIT
    ketua = tim.penugasan.get(kedudukan=KETUA).pegawai
    syarat = selectors.syarat_ketua_dari(AturanSistemKerja.untuk(banjar))
    assert selectors.syarat_ketua_pegawai(ketua, syarat) == []
    assert AturanSistemKerja.objects.get(instansi=banjar).maks_bulan_lintas == 6
    for p in selectors.anggota_tim(tim):
        assert p.bulan <= (12 if p.asal == Lingkup.DALAM_UNIT else 6)
