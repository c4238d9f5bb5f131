from organisasi import selectors
from organisasi.akses import akses_untuk
from tests.factories import UnitFactory, make_user


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
    tree = selectors.unit_tree(users["operator"], jumlah_pegawai=True)
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


def _tambah_unit(dunia, n):
    """Grows the instansi's tree by `n` units, half inside the Operator's subtree."""
    for i in range(n):
        UnitFactory(parent=dunia.bidang if i % 2 else dunia.dinas_lain, nama=f"Seksi {i}")


def _jumlah_query(django_assert_max_num_queries, fn, batas):
    with django_assert_max_num_queries(batas) as ctx:
        fn()
    return len(ctx.captured_queries)


def test_the_operator_subtree_is_a_database_filter_whatever_the_tree_size(
    dunia, users, django_assert_max_num_queries
):
    operator = users["operator"]
    akses_untuk(operator)  # the role and scope, resolved once per request

    def baca():
        list(selectors.units_for_user(operator))
        selectors.unit_tree(operator)
        list(selectors.pegawai_for_user(operator))

    kecil = _jumlah_query(django_assert_max_num_queries, baca, 3)
    _tambah_unit(dunia, 40)
    assert _jumlah_query(django_assert_max_num_queries, baca, kecil) == kecil
    assert len(selectors.unit_tree(operator)) == 4 + 20
    assert not {"Dinas Kesehatan", "Seksi 0"} & {u.nama for u in selectors.unit_tree(operator)}
