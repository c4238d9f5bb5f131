import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from organisasi import services
from organisasi.models import PangkatGolongan, Pegawai, UnitOrganisasi
from tests.factories import PegawaiFactory, UnitFactory


def test_moving_a_unit_keeps_its_subtree(dunia):
    seksi = UnitFactory(parent=dunia.bidang, nama="Seksi X", jenis="seksi")
    services.unit_move(unit=dunia.bidang, parent=dunia.dinas_lain)
    ancestors = [u.nama for u in UnitOrganisasi.objects.ancestors(seksi)]
    assert ancestors == ["Dinas Kesehatan", "Bidang Rehabilitasi"]


@pytest.mark.parametrize(
    "unit, induk, pesan",
    [
        ("seksi", None, "Seksi hanya dapat berada di bawah"),  # to the top of the instansi
        ("seksi", "subbag", "Seksi hanya dapat berada di bawah"),
        ("bidang", "sekretariat", "Bidang hanya dapat berada di bawah Perangkat Daerah."),
        ("sekretariat", "bidang", "Sekretariat hanya dapat berada di bawah Perangkat Daerah."),
        ("dinas_lain", "dinas", "Perangkat Daerah hanya dapat berada di bawah tingkat teratas"),
    ],
)
def test_a_unit_moves_only_under_a_kind_it_may_stand_under(dunia, unit, induk, pesan):
    seksi = UnitFactory(parent=dunia.bidang, nama="Seksi X", jenis="seksi")
    units = {"seksi": seksi, "subbag": dunia.subbag, "sekretariat": dunia.sekretariat,
             "bidang": dunia.bidang, "dinas": dunia.dinas, "dinas_lain": dunia.dinas_lain,
             None: None}  # fmt: skip
    asal = units[unit].parent_id
    with pytest.raises(ValidationError, match=pesan):
        services.unit_move(unit=units[unit], parent=units[induk])
    units[unit].refresh_from_db()
    assert units[unit].parent_id == asal


def test_a_kind_is_changed_only_where_it_and_its_sub_units_may_stand(dunia):
    with pytest.raises(ValidationError, match="Seksi hanya dapat berada di bawah"):
        services.unit_update(unit=dunia.dinas_lain, jenis="seksi")  # at the top
    UnitFactory(parent=dunia.bidang, nama="Seksi X", jenis="seksi")
    # a Bidang with a Seksi under it may not become a Sub Bagian …
    with pytest.raises(ValidationError, match="mempunyai sub-unit Seksi"):
        services.unit_update(unit=dunia.bidang, jenis="subbagian")
    # … but may become a Sekretariat, under which a Seksi may stand
    services.unit_update(unit=dunia.bidang, jenis="sekretariat")
    # a name alone is changed whatever the tree (imported trees are read as they come)
    services.unit_update(unit=dunia.bidang, nama="Bidang Rehabilitasi Sosial")


def test_a_unit_cannot_move_below_its_own_descendant(dunia):
    with pytest.raises(ValidationError) as e:
        services.unit_move(unit=dunia.dinas, parent=dunia.subbag)
    assert "ke bawah dirinya sendiri" in str(e.value)
    dunia.dinas.refresh_from_db()
    assert dunia.dinas.parent_id is None


def test_a_unit_cannot_move_below_itself(dunia):
    with pytest.raises(ValidationError):
        services.unit_move(unit=dunia.bidang, parent=dunia.bidang)


def test_a_unit_cannot_move_into_another_instansi(dunia):
    with pytest.raises(ValidationError) as e:
        services.unit_move(unit=dunia.bidang, parent=dunia.lain_unit)
    assert "instansi yang sama" in str(e.value)


def test_a_unit_with_sub_units_or_employees_is_not_deleted(dunia):
    with pytest.raises(ValidationError, match="sub-unit"):
        services.unit_delete(unit=dunia.sekretariat)
    with pytest.raises(ValidationError, match="pegawai"):
        services.unit_delete(unit=dunia.dinas_lain)
    assert UnitOrganisasi.objects.filter(pk=dunia.sekretariat.pk).exists()


def test_create_keeps_the_order_of_fungsi_and_uraian_tugas(dunia):
    unit = services.unit_create(
        instansi=dunia.instansi,
        parent=dunia.bidang,
        nama="Seksi Rehabilitasi Sosial Anak",
        jenis="seksi",
        fungsi=["penyusunan rencana", "pelaksanaan", "pelaporan"],
        uraian_tugas=["c tugas", "a tugas", "b tugas"],
    )
    assert [f.teks for f in unit.fungsi.all()] == ["penyusunan rencana", "pelaksanaan", "pelaporan"]
    assert [u.teks for u in unit.uraian_tugas.all()] == ["c tugas", "a tugas", "b tugas"]
    assert unit.urutan == 1


def test_pegawai_takes_birth_date_tmt_and_sex_from_the_nip(dunia):
    p = PegawaiFactory(unit=dunia.bidang, nip="198506152010012003")
    p.refresh_from_db()
    assert p.tanggal_lahir == dt.date(1985, 6, 15)
    assert p.tmt == dt.date(2010, 1, 1)
    assert p.get_jenis_kelamin_display() == "Perempuan"
    assert p.tanggal_pensiun == dt.date(2043, 7, 1)


def test_a_pppk_cannot_hold_a_pns_golongan(dunia):
    with pytest.raises(ValidationError) as e:
        services.pegawai_create(
            instansi=dunia.instansi,
            unit=dunia.bidang,
            nip="199205172023212001",
            nama="Yuliana",
            status="PPPK",
            golongan=PangkatGolongan.objects.get(jenis_asn="PNS", kode="III/a"),
        )
    assert "golongan" in e.value.error_dict
    assert not Pegawai.objects.filter(nip="199205172023212001").exists()


def test_a_pns_status_with_a_pppk_nip_is_refused(dunia):
    with pytest.raises(ValidationError) as e:
        services.pegawai_create(
            instansi=dunia.instansi, nip="199205172023212001", nama="Yuliana", status="PNS"
        )
    assert "berformat PPPK" in str(e.value)


def test_an_update_a_rule_refuses_changes_nothing(dunia):
    p = dunia.pegawai_sekretariat
    with pytest.raises(ValidationError) as e:
        services.pegawai_update(
            pegawai=p,
            nama="Ani Berubah",
            golongan=PangkatGolongan.objects.get(jenis_asn="PPPK", kode="IX"),
        )
    assert "golongan" in e.value.error_dict
    p.refresh_from_db()
    assert p.nama == "Ani Sekretariat" and p.golongan.jenis_asn == "PNS"


def test_an_update_keeps_the_fields_not_given(dunia):
    p = services.pegawai_update(pegawai=dunia.pegawai_sekretariat, gelar_depan="Dr.")
    p.refresh_from_db()
    assert p.nama_lengkap == "Dr. Ani Sekretariat" and p.unit_id == dunia.sekretariat.pk


def test_the_reference_list_has_every_golongan():
    pns = list(PangkatGolongan.objects.filter(jenis_asn="PNS").values_list("kode", flat=True))
    assert pns[0] == "I/a" and pns[-1] == "IV/e" and len(pns) == 17
    pppk = list(PangkatGolongan.objects.filter(jenis_asn="PPPK").values_list("kode", flat=True))
    assert pppk[0] == "I" and pppk[-1] == "XVII" and len(pppk) == 17
    assert str(PangkatGolongan.objects.get(kode="III/a")) == "Penata Muda (III/a)"


@pytest.fixture(autouse=True)
def _db(db):
    pass
