import pytest
from django.urls import URLPattern, reverse

from organisasi import urls as organisasi_urls
from organisasi.models import Pegawai, UnitOrganisasi
from tests.factories import PegawaiFactory, UnitFactory

# Every organisasi URL that names an object, and which object of the world it names.
OBJECT_URLS = {
    "unit_detail": "unit",
    "unit_update": "unit",
    "unit_move": "unit",
    "unit_delete": "unit",
    "pegawai_detail": "pegawai",
    "pegawai_update": "pegawai",
    "pegawai_delete": "pegawai",
    "instansi_update": "instansi",
}


def test_every_object_url_is_covered_by_the_cross_tenant_tests():
    with_pk = {
        p.name
        for p in organisasi_urls.urlpatterns
        if isinstance(p, URLPattern) and "pk" in p.pattern.converters
    }
    assert with_pk == set(OBJECT_URLS)


def _objects_of(dunia, *, other_instansi: bool):
    if other_instansi:
        return {
            "unit": dunia.lain_unit,
            "pegawai": dunia.lain_pegawai,
            "instansi": dunia.lain_instansi,
        }
    return {"unit": dunia.dinas_lain, "pegawai": dunia.pegawai_dinas_lain}


@pytest.mark.parametrize("name", sorted(OBJECT_URLS))
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_instansi_gets_404_on_every_object_url(dunia, users, login, name, method):
    obj = _objects_of(dunia, other_instansi=True)[OBJECT_URLS[name]]
    client = login(users["admin"])
    response = getattr(client, method)(reverse(f"organisasi:{name}", args=[obj.pk]))
    assert response.status_code == 404
    assert UnitOrganisasi.objects.filter(pk=dunia.lain_unit.pk).exists()
    assert Pegawai.objects.filter(pk=dunia.lain_pegawai.pk).exists()


@pytest.mark.parametrize("name", sorted(n for n, k in OBJECT_URLS.items() if k != "instansi"))
@pytest.mark.parametrize("method", ["get", "post"])
def test_an_operator_gets_404_outside_its_unit(dunia, users, login, name, method):
    obj = _objects_of(dunia, other_instansi=False)[OBJECT_URLS[name]]
    response = getattr(login(users["operator"]), method)(
        reverse(f"organisasi:{name}", args=[obj.pk])
    )
    assert response.status_code == 404
    assert Pegawai.objects.filter(pk=dunia.pegawai_dinas_lain.pk).exists()


def test_adding_a_sub_unit_under_another_instansi_is_404(dunia, users, login):
    client = login(users["admin"])
    url = reverse("organisasi:unit_create") + f"?induk={dunia.lain_unit.pk}"
    assert client.get(url).status_code == 404
    response = client.post(url, {"nama": "Seksi Siluman", "jenis": "seksi"})
    assert response.status_code == 404
    assert not UnitOrganisasi.objects.filter(nama="Seksi Siluman").exists()


def test_anonymous_users_are_sent_to_the_login_page(dunia, client):
    response = client.get(reverse("organisasi:unit_detail", args=[dunia.dinas.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("role", ["pembaca", "verifikator"])
def test_read_only_roles_can_read_but_not_change(dunia, users, login, role):
    client = login(users[role])
    assert client.get(reverse("organisasi:unit_detail", args=[dunia.bidang.pk])).status_code == 200
    response = client.post(
        reverse("organisasi:unit_update", args=[dunia.bidang.pk]),
        {"nama": "Diubah", "jenis": "bidang"},
    )
    assert response.status_code == 403
    dunia.bidang.refresh_from_db()
    assert dunia.bidang.nama == "Bidang Rehabilitasi"
    response = client.post(
        reverse("organisasi:pegawai_delete", args=[dunia.pegawai_sekretariat.pk])
    )
    assert response.status_code == 403
    assert Pegawai.objects.filter(pk=dunia.pegawai_sekretariat.pk).exists()


def test_an_operator_cannot_move_or_delete_its_own_root_unit(dunia, users, login):
    client = login(users["operator"])
    assert client.get(reverse("organisasi:unit_move", args=[dunia.dinas.pk])).status_code == 403
    assert client.post(reverse("organisasi:unit_delete", args=[dunia.dinas.pk])).status_code == 403


def test_an_operator_adds_a_seksi_and_sees_it_in_the_tree(dunia, users, login):
    client = login(users["operator"])
    response = client.post(
        reverse("organisasi:unit_create") + f"?induk={dunia.bidang.pk}",
        {
            "nama": "Seksi Rehabilitasi Sosial Anak",
            "jenis": "seksi",
            "eselon": "IV.a",
            "jabatan_kepala": "Kepala Seksi Rehabilitasi Sosial Anak",
            "tugas_pokok": "melaksanakan sebagian tugas Kepala Bidang",
            "fungsi": "",
            "uraian_tugas": (
                "a. menyusun rencana kerja;\nb. melaksanakan rehabilitasi; dan\n\nc. melaporkan."
            ),
        },
    )
    seksi = UnitOrganisasi.objects.get(nama="Seksi Rehabilitasi Sosial Anak")
    assert response.status_code == 302
    assert seksi.parent == dunia.bidang and seksi.instansi == dunia.instansi
    assert [u.teks for u in seksi.uraian_tugas.all()] == [
        "menyusun rencana kerja",
        "melaksanakan rehabilitasi",
        "melaporkan",
    ]
    tree = client.get(reverse("organisasi:unit_tree")).content.decode()
    assert "Seksi Rehabilitasi Sosial Anak" in tree
    assert "Dinas Kesehatan" not in tree


def test_an_operator_cannot_add_a_top_level_unit(dunia, users, login):
    response = login(users["operator"]).post(
        reverse("organisasi:unit_create"), {"nama": "Dinas Baru", "jenis": "perangkat_daerah"}
    )
    assert response.status_code == 403
    assert not UnitOrganisasi.objects.filter(nama="Dinas Baru").exists()


def test_an_admin_adds_a_perangkat_daerah_at_the_top(dunia, users, login):
    response = login(users["admin"]).post(
        reverse("organisasi:unit_create"),
        {"nama": "Dinas Perhubungan", "jenis": "perangkat_daerah", "eselon": "II.b"},
    )
    assert response.status_code == 302
    unit = UnitOrganisasi.objects.get(nama="Dinas Perhubungan")
    assert unit.parent is None and unit.instansi == dunia.instansi


def test_a_missing_name_is_reported_at_the_field_in_indonesian(dunia, users, login):
    response = login(users["admin"]).post(
        reverse("organisasi:unit_update", args=[dunia.bidang.pk]), {"nama": "", "jenis": "bidang"}
    )
    assert response.status_code == 200
    assert "Wajib diisi." in response.content.decode()
    assert "Bidang ini tidak boleh kosong." not in response.content.decode()


def test_moving_a_unit_through_the_screen(dunia, users, login):
    client = login(users["admin"])
    page = client.get(reverse("organisasi:unit_move", args=[dunia.sekretariat.pk])).content.decode()
    assert "Sub Bagian Umum</option>" not in page  # its own subtree is not offered
    # a Sekretariat stands only under a perangkat daerah: no Bidang, no top level offered
    assert "Bidang Rehabilitasi</option>" not in page
    assert "(tingkat teratas instansi)" not in page
    assert "Sekretariat hanya dapat berada di bawah Perangkat Daerah." in page
    response = client.post(
        reverse("organisasi:unit_move", args=[dunia.sekretariat.pk]),
        {"parent": dunia.dinas_lain.pk},
    )
    assert response.status_code == 302
    dunia.subbag.refresh_from_db()
    assert [u.nama for u in dunia.subbag.ancestors()] == ["Dinas Kesehatan", "Sekretariat"]
    # a unit of a kind that may not stand there is refused with the rule, nothing moves
    response = client.post(
        reverse("organisasi:unit_move", args=[dunia.bidang.pk]),
        {"parent": dunia.sekretariat.pk},
    )
    assert response.status_code == 200
    dunia.bidang.refresh_from_db()
    assert dunia.bidang.parent == dunia.dinas


def test_moving_below_its_own_subtree_is_refused_with_a_message(dunia, users, login):
    response = login(users["admin"]).post(
        reverse("organisasi:unit_move", args=[dunia.sekretariat.pk]), {"parent": dunia.subbag.pk}
    )
    assert response.status_code == 200
    assert "bukan salah satu dari pilihan" in response.content.decode()
    dunia.sekretariat.refresh_from_db()
    assert dunia.sekretariat.parent == dunia.dinas


def test_deleting_a_unit_with_employees_explains_why_it_was_refused(dunia, users, login):
    response = login(users["admin"]).post(
        reverse("organisasi:unit_delete", args=[dunia.dinas_lain.pk])
    )
    assert response.status_code == 400
    assert "masih memiliki pegawai" in response.content.decode()
    assert UnitOrganisasi.objects.filter(pk=dunia.dinas_lain.pk).exists()


def test_deleting_an_empty_unit(dunia, users, login):
    response = login(users["operator"]).post(
        reverse("organisasi:unit_delete", args=[dunia.subbag.pk])
    )
    assert response.status_code == 302
    assert not UnitOrganisasi.objects.filter(pk=dunia.subbag.pk).exists()


def _pegawai_post(dunia, **overrides):
    data = {
        "nip": "19900101 201503 2 004",
        "nama": "Sri Wahyuni",
        "gelar_belakang": "S.Sos.",
        "status": "PNS",
        "golongan": "",
        "pendidikan": "S-1",
        "unit": dunia.bidang.pk,
    }
    data.update(overrides)
    return data


def test_an_operator_adds_an_employee(dunia, users, login):
    response = login(users["operator"]).post(
        reverse("organisasi:pegawai_create"), _pegawai_post(dunia)
    )
    assert response.status_code == 302
    p = Pegawai.objects.get(nip="199001012015032004")
    assert p.instansi == dunia.instansi and p.unit == dunia.bidang
    assert p.nama_lengkap == "Sri Wahyuni, S.Sos."


def test_an_invalid_nip_is_refused_at_the_field(dunia, users, login):
    response = login(users["operator"]).post(
        reverse("organisasi:pegawai_create"), _pegawai_post(dunia, nip="199002302015032004")
    )
    assert response.status_code == 200
    assert "bukan tanggal lahir yang sah" in response.content.decode()
    assert not Pegawai.objects.filter(nama="Sri Wahyuni").exists()


def test_a_duplicate_nip_in_the_same_instansi_is_refused(dunia, users, login):
    response = login(users["admin"]).post(
        reverse("organisasi:pegawai_create"),
        _pegawai_post(dunia, nip=dunia.pegawai_sekretariat.nip),
    )
    assert "NIP ini sudah terdaftar" in response.content.decode()


def test_an_operator_cannot_place_an_employee_outside_its_unit(dunia, users, login):
    response = login(users["operator"]).post(
        reverse("organisasi:pegawai_create"), _pegawai_post(dunia, unit=dunia.dinas_lain.pk)
    )
    assert response.status_code == 200
    assert not Pegawai.objects.filter(nama="Sri Wahyuni").exists()


def test_employee_list_searches_by_name_and_filters_by_status(dunia, users, login):
    PegawaiFactory(
        unit=dunia.bidang, nama="Dedi PPPK", status="PPPK", golongan=None, nip="199205172023212001"
    )
    client = login(users["admin"])
    page = client.get(reverse("organisasi:pegawai_list"), {"q": "ani"}).content.decode()
    assert "Ani Sekretariat" in page and "Budi Kesehatan" not in page
    page = client.get(reverse("organisasi:pegawai_list"), {"status": "PPPK"}).content.decode()
    assert "Dedi PPPK" in page and "Ani Sekretariat" not in page
    assert "Citra Banjar" not in page


def test_employee_search_over_htmx_returns_only_the_table(dunia, users, login):
    response = login(users["admin"]).get(
        reverse("organisasi:pegawai_list"),
        {"q": "Budi"},
        headers={"HX-Request": "true", "HX-Target": "tabel-pegawai"},
    )
    html = response.content.decode()
    assert "Budi Kesehatan" in html
    assert "<html" not in html and "<form" not in html


def test_unit_detail_over_htmx_returns_the_panel_fragment(dunia, users, login):
    response = login(users["operator"]).get(
        reverse("organisasi:unit_detail", args=[dunia.sekretariat.pk]),
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert "Sub Bagian Umum" in html and "<html" not in html
    assert "1 orang di unit ini" in html


def test_unit_detail_counts_employees_of_the_whole_subtree(dunia, users, login):
    PegawaiFactory(unit=dunia.subbag)
    html = login(users["admin"]).get(reverse("organisasi:unit_detail", args=[dunia.dinas.pk]))
    html = html.content.decode()
    assert "0 orang di unit ini" in html and "2 orang termasuk sub-unit" in html


def test_admin_instansi_edits_its_instansi(dunia, users, login):
    response = login(users["admin"]).post(
        reverse("organisasi:instansi_update", args=[dunia.instansi.pk]),
        {
            "nama": dunia.instansi.nama,
            "jenis": "kota",
            "nama_daerah": "Tarakan",
            "jabatan_kepala": "Wali Kota",
            "ibu_kota": "Tarakan",
        },
    )
    assert response.status_code == 302
    dunia.instansi.refresh_from_db()
    assert dunia.instansi.sebutan_kepala == "Wali Kota Tarakan"


def test_the_tree_runs_a_constant_number_of_queries(
    dunia, users, login, django_assert_max_num_queries
):
    client = login(users["admin"])
    for i in range(40):
        seksi = UnitFactory(parent=dunia.bidang, nama=f"Seksi {i}", jenis="seksi")
        PegawaiFactory(unit=seksi)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("organisasi:unit_tree"))
    assert response.content.decode().count('class="node"') == 45


def test_the_employee_list_runs_a_constant_number_of_queries(
    dunia, users, login, django_assert_max_num_queries
):
    client = login(users["admin"])
    for _ in range(30):
        PegawaiFactory(unit=dunia.bidang)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("organisasi:pegawai_list"))
    assert "32 pegawai ditemukan" in response.content.decode()


def test_links_carry_ids_above_999_without_thousand_separators(dunia, users, login):
    # USE_THOUSAND_SEPARATOR would print pk 1234 as "1.234" in a query string.
    besar = UnitFactory(pk=12345, parent=dunia.bidang, nama="Seksi Besar", jenis="seksi")
    html = login(users["admin"]).get(reverse("organisasi:unit_detail", args=[besar.pk]))
    html = html.content.decode()
    assert "?induk=12345" in html and "?unit=12345" in html
    form = login(users["admin"]).get(reverse("organisasi:unit_create") + "?induk=12345")
    assert 'name="induk" value="12345"' in form.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/anjab/jabatan/99999999999999999999/",
        "/abk/periode/99999999999999999999/ubah/",
        "/kinerja/renstra/1/lakip/99999999999999999999/",
        "/abk/?periode=99999999999999999999",
    ],
)
def test_a_number_beyond_the_database_range_is_404_not_500(users, login, url):
    assert login(users["admin"]).get(url).status_code == 404


def test_a_database_overflow_becomes_a_404(rf):
    from django.http import Http404

    from organisasi.middleware import AngkaDiLuarBatasMiddleware

    mw = AngkaDiLuarBatasMiddleware(lambda r: None)
    with pytest.raises(Http404):
        mw.process_exception(rf.get("/"), OverflowError("Python int too large"))
    assert mw.process_exception(rf.get("/"), ValueError("lain")) is None


def test_the_tree_keeps_the_chosen_unit_in_its_url(dunia, users, login):
    client = login(users["admin"])
    html = client.get(reverse("organisasi:unit_tree"), {"unit": dunia.bidang.pk}).content.decode()
    # the unit's detail beside the tree, the unit marked in it, each link carrying ?unit=
    assert f'?unit={dunia.bidang.pk}" hx-get=' in html
    assert f'data-unit="{dunia.bidang.pk}" aria-current="true">Bidang Rehabilitasi</a>' in html
    panel = html[html.index('id="panel-unit"') :]
    assert "Bidang Rehabilitasi" in panel[:3000]
    # another instansi's unit named in the URL is not there
    lain = client.get(reverse("organisasi:unit_tree"), {"unit": dunia.lain_unit.pk})
    assert lain.status_code == 404
