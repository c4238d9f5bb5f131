"""Unduh/Unggah of pegawai, units and catalogues (organisasi.views_pertukaran, the import
services and the resources behind them), and the admin's import/export buttons."""

import io

import pytest
import tablib
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from anjab.models import BakatKerja
from organisasi.models import Pegawai, UnitOrganisasi
from organisasi.services_pertukaran import pegawai_import, unit_import
from organisasi.spreadsheets import BerkasTidakSah
from tests.factories import PegawaiFactory, make_user

NIP_BARU_1 = "199001012015031001"
NIP_BARU_2 = "199202022016042002"


def _xlsx(rows, nama="pegawai.xlsx") -> SimpleUploadedFile:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    out = io.BytesIO()
    wb.save(out)
    return SimpleUploadedFile(nama, out.getvalue())


def _unduh(client, jenis) -> list[list]:
    response = client.get(reverse("organisasi:pertukaran_unduh", args=[jenis]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{jenis}.xlsx"'
    ws = load_workbook(io.BytesIO(response.content)).active
    return [[c.value for c in row] for row in ws.iter_rows()]


def _unggah(client, jenis, berkas):
    return client.post(reverse("organisasi:pertukaran", args=[jenis]), {"berkas": berkas})


def _potret():
    return sorted(
        Pegawai.objects.values_list("instansi_id", "nip", "nama", "golongan_id", "unit_id")
    )


def test_it_exports_only_the_users_instansi(dunia, users, login):
    rows = _unduh(login(users["admin"]), "pegawai")
    kepala = rows[0]
    nip = [r[kepala.index("NIP")] for r in rows[1:]]
    assert sorted(nip) == sorted([dunia.pegawai_sekretariat.nip, dunia.pegawai_dinas_lain.nip])
    assert dunia.lain_pegawai.nip not in nip
    assert all(isinstance(n, str) for n in nip)
    assert {r[kepala.index("Instansi")] for r in rows[1:]} == {dunia.instansi.nama}
    baris_ani = next(r for r in rows if r[kepala.index("Nama")] == "Ani Sekretariat")
    assert baris_ani[kepala.index("Unit kerja")] == "Dinas Sosial › Sekretariat"
    assert "Jabatan" not in " ".join(kepala)


def test_it_exports_units_parents_first_and_names_the_parent_by_its_path(dunia, users, login):
    rows = _unduh(login(users["admin"]), "unit")
    kepala = rows[0]
    pasangan = [(r[kepala.index("Unit induk")], r[kepala.index("Nama unit")]) for r in rows[1:]]
    assert ("Dinas Sosial › Sekretariat", "Sub Bagian Umum") in pasangan
    assert pasangan.index((None, "Dinas Sosial")) < pasangan.index(("Dinas Sosial", "Sekretariat"))
    assert "Dinas Pendidikan" not in {n for _, n in pasangan}


@pytest.mark.parametrize("jenis", ["pegawai", "unit", "bakat-kerja"])
def test_a_round_trip_reports_no_change(dunia, users, login, jenis):
    BakatKerja.objects.create(instansi=dunia.instansi, kode="X1", nama="Bakat milik instansi")
    client = login(users["admin"])
    response = client.get(reverse("organisasi:pertukaran_unduh", args=[jenis]))
    berkas = SimpleUploadedFile(f"{jenis}.xlsx", response.content)
    response = _unggah(client, jenis, berkas)
    hasil = response.context["hasil"]
    assert not hasil.ada_galat, [(b.nomor, b.pesan) for b in hasil.baris]
    assert hasil.baris and {b.aksi for b in hasil.baris} == {"tetap"}
    assert response.context["token"] is None
    assert "Tidak ada perubahan" in response.content.decode()


def test_it_previews_two_new_and_one_update_and_writes_only_after_confirmation(dunia, users, login):
    ani = dunia.pegawai_sekretariat
    client = login(users["admin"])
    berkas = _xlsx(
        [
            ["NIP", "Nama", "Status", "Golongan", "Unit kerja"],
            [ani.nip, ani.nama, "PNS", "IV/a", "Sekretariat"],
            [NIP_BARU_1, "Dedi Baru", "PNS", "III/b", "Sub Bagian Umum"],
            [NIP_BARU_2, "Eka Baru", "PNS", "III/c", "Dinas Sosial › Bidang Rehabilitasi"],
        ]
    )
    sebelum = _potret()
    response = _unggah(client, "pegawai", berkas)
    hasil = response.context["hasil"]
    assert [(b.nomor, b.aksi) for b in hasil.baris] == [(2, "diperbarui"), (3, "baru"), (4, "baru")]
    assert hasil.baris[0].pesan == ["Berubah: Golongan."]
    assert _potret() == sebelum

    response = client.post(
        reverse("organisasi:pertukaran", args=["pegawai"]), {"data": response.context["token"]}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("organisasi:pegawai_list")
    ani.refresh_from_db()
    assert ani.golongan.kode == "IV/a"
    dedi = Pegawai.objects.get(instansi=dunia.instansi, nip=NIP_BARU_1)
    assert dedi.unit == dunia.subbag and dedi.jenis_kelamin == "L"
    assert Pegawai.objects.get(nip=NIP_BARU_2).unit == dunia.bidang


def test_a_tampered_confirmation_writes_nothing(dunia, users, login):
    sebelum = _potret()
    response = login(users["admin"]).post(
        reverse("organisasi:pertukaran", args=["pegawai"]),
        {"data": "bukan-tanda-tangan"},
        follow=True,
    )
    assert "kedaluwarsa atau rusak" in response.content.decode()
    assert _potret() == sebelum


def test_a_row_naming_another_instansis_unit_is_refused_and_nothing_is_written(dunia, users, login):
    berkas = _xlsx(
        [
            ["NIP", "Nama", "Status", "Unit kerja"],
            [NIP_BARU_1, "Dedi Baru", "PNS", "Sekretariat"],
            [NIP_BARU_2, "Eka Lain", "PNS", dunia.lain_unit.nama],
        ]
    )
    sebelum = _potret()
    response = _unggah(login(users["admin"]), "pegawai", berkas)
    hasil = response.context["hasil"]
    assert hasil.ada_galat and response.context["token"] is None
    galat = hasil.baris[1]
    assert galat.aksi == "galat"
    assert galat.pesan == [
        f"Unit kerja: Unit “Dinas Pendidikan” tidak ada di {dunia.instansi.nama}."
    ]
    assert _potret() == sebelum


def test_the_service_writes_nothing_when_one_row_fails(dunia):
    dataset = tablib.Dataset(
        (NIP_BARU_1, "Dedi Baru", "PNS", ""),
        (NIP_BARU_2, "Eka", "PNS", "X/z"),
        headers=["NIP", "Nama", "Status", "Golongan"],
    )
    hasil = pegawai_import(instansi=dunia.instansi, dataset=dataset, dry_run=False)
    assert not hasil.ditulis
    assert hasil.baris[1].pesan[0].startswith("Golongan: “X/z” bukan golongan")
    assert not Pegawai.objects.filter(nip__in=[NIP_BARU_1, NIP_BARU_2]).exists()


def test_another_tenants_nip_is_never_updated(dunia, users, login):
    lain = dunia.lain_pegawai
    rows = [["NIP", "Nama", "Status"], [lain.nip, "Nama Diubah", "PNS"]]
    client = login(users["admin"])
    response = _unggah(client, "pegawai", _xlsx(rows))
    assert [b.aksi for b in response.context["hasil"].baris] == ["baru"]
    client.post(
        reverse("organisasi:pertukaran", args=["pegawai"]), {"data": response.context["token"]}
    )
    lain.refresh_from_db()
    assert lain.nama == "Citra Banjar" and lain.instansi == dunia.lain_instansi
    assert Pegawai.objects.get(instansi=dunia.instansi, nip=lain.nip).nama == "Nama Diubah"


def test_a_row_for_another_instansi_is_refused(dunia, users, login):
    rows = [
        ["NIP", "Nama", "Status", "Instansi"],
        [NIP_BARU_1, "Dedi", "PNS", dunia.lain_instansi.nama],
    ]
    hasil = _unggah(login(users["admin"]), "pegawai", _xlsx(rows)).context["hasil"]
    assert hasil.baris[0].aksi == "galat"
    assert "bukan instansi Anda" in hasil.baris[0].pesan[0]
    assert not Pegawai.objects.filter(nip=NIP_BARU_1).exists()


def test_a_repeated_nip_in_the_file_is_refused(dunia, users, login):
    rows = [["NIP", "Nama", "Status"], [NIP_BARU_1, "Dedi", "PNS"], [NIP_BARU_1, "Dedi 2", "PNS"]]
    hasil = _unggah(login(users["admin"]), "pegawai", _xlsx(rows)).context["hasil"]
    assert hasil.baris[1].aksi == "galat"
    assert "sama dengan baris 2" in hasil.baris[1].pesan[0]


def test_a_nip_typed_as_a_number_is_refused_naming_the_fix(dunia, users, login):
    rows = [["NIP", "Nama", "Status"], [float(NIP_BARU_1), "Dedi", "PNS"]]
    hasil = _unggah(login(users["admin"]), "pegawai", _xlsx(rows)).context["hasil"]
    assert "format kolom NIP sebagai Teks" in " ".join(hasil.baris[0].pesan)


def test_a_semicolon_csv_with_labels_and_blank_lines_is_read(dunia, users, login):
    teks = (
        "NIP;Nama;Status;Pendidikan;Tanggal lahir;Pengalaman di bidang tugas (tahun)\n"
        f"{NIP_BARU_1};Dedi;PNS;SLTA/SMA/SMK;01-01-1990;2,5\n;;;;;\n"
        f"{NIP_BARU_2};Eka;PNS;S-1;;\n"
    ).encode()
    client = login(users["admin"])
    response = _unggah(client, "pegawai", SimpleUploadedFile("p.csv", teks))
    hasil = response.context["hasil"]
    assert [(b.nomor, b.aksi) for b in hasil.baris] == [(2, "baru"), (4, "baru")]
    client.post(
        reverse("organisasi:pertukaran", args=["pegawai"]), {"data": response.context["token"]}
    )
    dedi = Pegawai.objects.get(nip=NIP_BARU_1)
    assert (dedi.pendidikan, str(dedi.pengalaman_bidang_tahun)) == ("SLTA", "2.5")


def _xlsx_rumus():
    wb = Workbook()
    wb.active.append(["NIP", "Nama", "Status"])
    wb.active.append([NIP_BARU_1, '=HYPERLINK("http://contoh.test","klik")', "PNS"])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    "isi,pesan",
    [
        (
            b"\x00sampah\x01" * (10 * 1024 * 1024 // 8),
            "Berkas terlalu besar (10 MB); batasnya 5 MB.",
        ),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "bukan buku kerja .xlsx atau berkas .csv"),
        (b"PK\x03\x04rusak", "Buku kerja rusak"),
        (b"Nama Lengkap,Jabatan\nAni,Kepala\n", "Kolom tidak dikenal: Nama Lengkap, Jabatan."),
        (b"Nama,Status\nAni,PNS\n", "Kolom wajib tidak ada: NIP."),
        (b"NIP,Nama\n", "Berkas tidak berisi data"),
        (_xlsx_rumus(), "Sel B2 berisi rumus (=HYPERLINK("),
    ],
    ids=[
        "10-mb-sampah",
        "bukan-lembar-kerja",
        "zip-rusak",
        "judul-salah",
        "tanpa-nip",
        "kosong",
        "rumus",
    ],
)
def test_a_bad_file_gets_a_clear_message_and_changes_nothing(dunia, users, login, isi, pesan):
    sebelum = _potret()
    response = _unggah(login(users["admin"]), "pegawai", SimpleUploadedFile("berkas.xlsx", isi))
    assert response.status_code == 200
    assert pesan in " ".join(response.context["form"].errors["berkas"])
    assert response.context["hasil"] is None
    assert _potret() == sebelum


def test_exported_text_that_looks_like_a_formula_stays_text(dunia, users, login):
    PegawaiFactory(unit=dunia.sekretariat, nama='=HYPERLINK("http://contoh.test")')
    client = login(users["admin"])
    response = client.get(reverse("organisasi:pertukaran_unduh", args=["pegawai"]))
    ws = load_workbook(io.BytesIO(response.content)).active
    sel = next(c for row in ws.iter_rows() for c in row if str(c.value).startswith("=HYPER"))
    assert sel.data_type == "s" and sel.quotePrefix
    hasil = _unggah(client, "pegawai", SimpleUploadedFile("p.xlsx", response.content)).context[
        "hasil"
    ]
    assert {b.aksi for b in hasil.baris} == {"tetap"}


def test_a_unit_import_adds_a_sub_unit_inside_the_instansi(dunia):
    rows = [("Sub Bagian Keuangan", "Dinas Sosial › Sekretariat", "Sub Bagian", 3)]
    dataset = tablib.Dataset(*rows, headers=["Nama unit", "Unit induk", "Jenis", "Urutan"])
    hasil = unit_import(instansi=dunia.instansi, dataset=dataset, dry_run=False)
    assert hasil.ditulis, [(b.nomor, b.pesan) for b in hasil.baris]
    unit = UnitOrganisasi.objects.get(nama="Sub Bagian Keuangan")
    assert (unit.parent, unit.instansi, unit.jenis) == (
        dunia.sekretariat,
        dunia.instansi,
        "subbagian",
    )


def test_a_catalogue_import_writes_only_the_instansis_own_rows(dunia, users, login):
    nasional = BakatKerja.objects.filter(instansi__isnull=True).first()
    rows = [["Kode", "Nama", "Uraian"], [nasional.kode, "Bakat versi instansi", "Uraian baru"]]
    client = login(users["admin"])
    response = _unggah(client, "bakat-kerja", _xlsx(rows))
    assert [b.aksi for b in response.context["hasil"].baris] == ["baru"]
    client.post(
        reverse("organisasi:pertukaran", args=["bakat-kerja"]), {"data": response.context["token"]}
    )
    nama_nasional = nasional.nama
    nasional.refresh_from_db()
    assert nasional.nama == nama_nasional and nasional.instansi is None
    assert BakatKerja.objects.get(instansi=dunia.instansi, kode=nasional.kode).nama == (
        "Bakat versi instansi"
    )


@pytest.mark.parametrize("peran", ["operator", "verifikator", "pembaca"])
@pytest.mark.parametrize("nama", ["organisasi:pertukaran", "organisasi:pertukaran_unduh"])
def test_other_roles_are_refused(dunia, users, login, peran, nama):
    client = login(users[peran])
    url = reverse(nama, args=["pegawai"])
    assert client.get(url).status_code == 403
    sebelum = _potret()
    berkas = _xlsx([["NIP", "Nama", "Status"], [NIP_BARU_1, "Dedi", "PNS"]])
    assert client.post(url, {"berkas": berkas}).status_code in {403, 405}
    assert _potret() == sebelum


def test_an_unknown_kind_is_404(dunia, users, login):
    response = login(users["admin"]).get(reverse("organisasi:pertukaran", args=["jabatan"]))
    assert response.status_code == 404


def test_the_list_pages_link_to_the_screen_for_an_admin_instansi_only(dunia, users, login):
    url = reverse("organisasi:pertukaran", args=["pegawai"])
    assert url in login(users["admin"]).get(reverse("organisasi:pegawai_list")).content.decode()
    assert (
        url not in login(users["pembaca"]).get(reverse("organisasi:pegawai_list")).content.decode()
    )
    halaman = login(users["admin"]).get(reverse("anjab:katalog_daftar", args=["bakat-kerja"]))
    assert reverse("organisasi:pertukaran", args=["bakat-kerja"]) in halaman.content.decode()


@pytest.mark.parametrize("model", ["organisasi_pegawai", "anjab_bakatkerja"])
def test_the_admin_changelist_shows_import_and_export_to_a_superuser(dunia, login, model):
    client = login(make_user("super", peran=None, superuser=True))
    halaman = client.get(reverse(f"admin:{model}_changelist")).content.decode()
    assert reverse(f"admin:{model}_import") in halaman
    assert reverse(f"admin:{model}_export") in halaman
    assert client.get(reverse(f"admin:{model}_import")).status_code == 200


def test_the_unit_admin_offers_import_and_export_to_a_superuser(dunia, login):
    # Its changelist needs django-js-asset (tree_queries' admin), which is not installed:
    # the buttons are checked through the template and the views they lead to.
    unit_admin = admin.site._registry[UnitOrganisasi]
    assert unit_admin.change_list_template == "admin/import_export/change_list_import_export.html"
    client = login(make_user("super", peran=None, superuser=True))
    assert client.get(reverse("admin:organisasi_unitorganisasi_import")).status_code == 200
    assert client.get(reverse("admin:organisasi_unitorganisasi_export")).status_code == 200


def test_the_admin_export_writes_a_safe_workbook(dunia, login):
    client = login(make_user("super", peran=None, superuser=True))
    response = client.post(
        reverse("admin:organisasi_pegawai_export"),
        {
            "format": "0",
            "resource": "0",
            **{f"pegawairesource_{f}": "on" for f in ["nip", "nama", "instansi"]},
        },
    )
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.content)).active.values)
    assert rows[0] == ("NIP", "Nama", "Instansi")
    assert (dunia.lain_pegawai.nip, "Citra Banjar", dunia.lain_instansi.nama) in rows


def test_the_service_refuses_a_misspelt_header(dunia):
    dataset = tablib.Dataset((NIP_BARU_1, "III/a"), headers=["nip", "Golngan"])
    with pytest.raises(BerkasTidakSah, match="Kolom tidak dikenal: Golngan"):
        pegawai_import(instansi=dunia.instansi, dataset=dataset, dry_run=True)


def test_the_admin_import_reads_the_instansi_column(dunia, login):
    client = login(make_user("super", peran=None, superuser=True))
    rows = [
        ["NIP", "Nama", "Status", "Unit kerja", "Instansi"],
        [NIP_BARU_1, "Dedi", "PNS", "Dinas Pendidikan", dunia.lain_instansi.nama],
        [NIP_BARU_2, "Eka", "PNS", "Dinas Pendidikan", dunia.instansi.nama],
    ]
    response = client.post(
        reverse("admin:organisasi_pegawai_import"),
        {"format": "0", "import_file": _xlsx(rows)},
    )
    result = response.context["result"]
    assert [r.import_type for r in result.rows] == ["new", "invalid"]
    assert "confirm_form" not in response.context
    assert not Pegawai.objects.filter(nip__in=[NIP_BARU_1, NIP_BARU_2]).exists()
