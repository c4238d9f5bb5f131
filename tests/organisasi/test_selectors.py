from organisasi import selectors
from tests.factories import make_user


def _names(qs):
    return sorted(u.nama for u in qs)


def test_an_admin_instansi_sees_all_units_of_its_instansi_only(dunia, users):
    assert _names(selectors.units_for_user(users["admin"])) == [
        "Bidang Rehabilitasi",
        "Dinas Kesehatan",
        "Dinas Sosial",
        "Sekretariat",
        "Sub Bagian Umum",
    ]


def test_an_operator_sees_its_unit_subtree_only(dunia, users):
    assert _names(selectors.units_for_user(users["operator"])) == [
        "Bidang Rehabilitasi",
        "Dinas Sosial",
        "Sekretariat",
        "Sub Bagian Umum",
    ]
    assert [p.nama for p in selectors.pegawai_for_user(users["operator"])] == ["Ani Sekretariat"]


def test_the_tree_is_in_order_with_depths_relative_to_the_operator(dunia, users):
    tree = selectors.unit_tree(users["operator"])
    assert [(n.nama, n.tree_depth) for n in tree] == [
        ("Dinas Sosial", 0),
        ("Sekretariat", 1),
        ("Sub Bagian Umum", 2),
        ("Bidang Rehabilitasi", 1),
    ]
    assert {n.nama: n.jumlah_pegawai for n in tree}["Sekretariat"] == 1


def test_a_user_without_access_sees_nothing(dunia):
    user = make_user("tanpa_akses", peran=None)
    assert not selectors.units_for_user(user).exists()
    assert not selectors.pegawai_for_user(user).exists()
    assert selectors.unit_tree(user) == []


def test_an_operator_without_a_unit_gets_nothing_rather_than_everything(dunia):
    from organisasi.akses import Peran

    user = make_user("op_tanpa_unit", peran=Peran.OPERATOR, instansi=dunia.instansi)
    assert not selectors.units_for_user(user).exists()


def test_searching_employees_by_nip_prefix_and_unit_subtree(dunia, users):
    nip = dunia.pegawai_sekretariat.nip
    found = selectors.cari_pegawai(users["admin"], q=nip[:8])
    assert dunia.pegawai_sekretariat in found
    assert list(selectors.cari_pegawai(users["admin"], unit=dunia.dinas)) == [
        dunia.pegawai_sekretariat
    ]
    assert not selectors.cari_pegawai(users["admin"], q="Citra").exists()
