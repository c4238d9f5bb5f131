"""Screens of /sistem-kerja/: scoping, writes, the rules page and the instrument PDFs."""

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from django.urls import URLPattern, reverse
from pypdf import PdfReader

from kinerja.models import AturanSistemKerja, Lingkup, Penugasan, TimKerja
from kinerja.sistem_kerja import services
from kinerja.sistem_kerja import urls as sistem_kerja_urls
from organisasi.akses import Peran
from organisasi.models import PangkatGolongan
from tests.factories import JabatanFactory, PegawaiFactory, make_user
from tests.kinerja.banjar import muat_banjar

D = dt.date
AWAL, AKHIR_JUNI = D(2024, 1, 1), D(2024, 6, 30)

# Every URL of the sistem kerja that names an object, and which object its pk is.
OBJECT_URLS = {
    "detail": "tim",
    "ubah": "tim",
    "hapus": "tim",
    "anggota_tambah": "tim",
    "instrumen": "tim",
    "instrumen_pdf": "tim",
    "penugasan_ubah": "penugasan",
    "penugasan_hapus": "penugasan",
}


def _tim(unit, nama="Tim Uji", mulai=AWAL, selesai=AKHIR_JUNI):
    return services.tim_create(
        unit=unit, nama=nama, mulai=mulai, selesai=selesai, target="Target uji"
    )


def _tugaskan(tim, pegawai=None, **kw):
    return services.penugasan_create(tim=tim, pegawai=pegawai, **kw)


@pytest.fixture
def tim(dunia):
    """A team per place: the operator's subtree, another unit, another instansi."""
    hasil = {}
    for kunci, unit, pegawai in [
        ("sendiri", dunia.bidang, dunia.pegawai_sekretariat),
        ("unit_lain", dunia.dinas_lain, dunia.pegawai_dinas_lain),
        ("instansi_lain", dunia.lain_unit, dunia.lain_pegawai),
    ]:
        t = _tim(unit, nama=f"Tim {kunci}")
        hasil[kunci] = (t, _tugaskan(t, pegawai))
    return hasil


def _obj(tim, kunci, name):
    t, p = tim[kunci]
    return p if OBJECT_URLS[name] == "penugasan" else t


def test_every_object_url_is_covered_by_the_cross_tenant_tests():
    names = {
        p.name
        for p in sistem_kerja_urls.urlpatterns
        if isinstance(p, URLPattern) and "pk" in p.pattern.converters
    }
    assert names == set(OBJECT_URLS)


@pytest.mark.parametrize("name", sorted(OBJECT_URLS))
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_instansi_gets_404_on_every_object_url(users, login, tim, name, method):
    url = reverse(f"tim:{name}", args=[_obj(tim, "instansi_lain", name).pk])
    assert getattr(login(users["admin"]), method)(url).status_code == 404
    assert TimKerja.objects.filter(pk=tim["instansi_lain"][0].pk).exists()
    assert Penugasan.objects.filter(pk=tim["instansi_lain"][1].pk).exists()


@pytest.mark.parametrize("name", sorted(OBJECT_URLS))
@pytest.mark.parametrize("method", ["get", "post"])
def test_an_operator_gets_404_outside_its_unit(users, login, tim, name, method):
    url = reverse(f"tim:{name}", args=[_obj(tim, "unit_lain", name).pk])
    assert getattr(login(users["operator"]), method)(url).status_code == 404
    assert Penugasan.objects.filter(pk=tim["unit_lain"][1].pk).exists()


@pytest.mark.parametrize("name", sorted(OBJECT_URLS))
def test_the_own_objects_open(users, login, tim, name):
    url = reverse(f"tim:{name}", args=[_obj(tim, "sendiri", name).pk])
    assert login(users["operator"]).get(url).status_code == 200


def test_the_list_shows_only_the_teams_the_user_may_see(users, login, tim):
    page = login(users["operator"]).get(reverse("tim:daftar")).content.decode()
    assert "Tim sendiri" in page
    assert "Tim unit_lain" not in page and "Tim instansi_lain" not in page
    page = login(users["admin"]).get(reverse("tim:daftar")).content.decode()
    assert "Tim sendiri" in page and "Tim unit_lain" in page
    assert "Tim instansi_lain" not in page


def test_readers_cannot_write(users, login, tim):
    client = login(users["pembaca"])
    t, p = tim["sendiri"]
    assert client.get(reverse("tim:detail", args=[t.pk])).status_code == 200
    assert client.get(reverse("tim:tambah")).status_code == 403
    assert client.post(reverse("tim:hapus", args=[t.pk])).status_code == 403
    assert client.post(reverse("tim:penugasan_hapus", args=[p.pk])).status_code == 403
    assert Penugasan.objects.filter(pk=p.pk).exists()


def test_an_operator_creates_a_team_and_adds_members(dunia, users, login):
    client = login(users["operator"])
    response = client.post(
        reverse("tim:tambah"),
        {
            "nama": "Tim Pendataan Fakir Miskin",
            "unit": dunia.bidang.pk,
            "mulai": "2024-01-01",
            "selesai": "2024-12-31",
            "target": "Data terpadu kesejahteraan sosial mutakhir 100%",
        },
    )
    tim = TimKerja.objects.get(nama="Tim Pendataan Fakir Miskin")
    assert response.status_code == 302 and tim.instansi == dunia.instansi
    ani = PegawaiFactory(unit=dunia.subbag, nama="Ani")
    response = client.post(
        reverse("tim:anggota_tambah", args=[tim.pk]),
        {"pegawai": ani.pk, "kedudukan": "ketua", "jenis": "penunjukan"},
    )
    assert response.status_code == 302
    p = tim.penugasan.get()
    assert (p.pegawai, p.mulai, p.selesai) == (ani, D(2024, 1, 1), D(2024, 12, 31))
    page = client.get(reverse("tim:detail", args=[tim.pk])).content.decode()
    assert "Ani" in page and "Surat Tugas" in page


def test_a_broken_rule_is_shown_on_the_form(dunia, users, login):
    client = login(users["admin"])
    tim = _tim(dunia.bidang, mulai=D(2024, 1, 1), selesai=D(2024, 12, 31))
    budi = PegawaiFactory(unit=dunia.dinas_lain, nama="Budi")
    response = client.post(
        reverse("tim:anggota_tambah", args=[tim.pk]),
        {
            "pegawai": budi.pk,
            "kedudukan": "anggota",
            "jenis": "penunjukan",
            "mulai": "2024-01-01",
            "selesai": "2024-08-31",
        },
    )
    assert response.status_code == 200
    assert "Penugasan lintas unit paling lama 6 bulan; Budi ditugaskan 8 bulan." in (
        response.content.decode()
    )
    assert not tim.penugasan.exists()


def test_the_member_chooser_offers_only_visible_pegawai(dunia, users, login, tim):
    t, _ = tim["sendiri"]
    page = login(users["operator"]).get(reverse("tim:anggota_tambah", args=[t.pk]))
    page = page.content.decode()
    assert "Ani Sekretariat" in page
    assert "Budi Kesehatan" not in page and "Citra Banjar" not in page
    response = login(users["operator"]).post(
        reverse("tim:anggota_tambah", args=[t.pk]),
        {"pegawai": dunia.lain_pegawai.pk, "kedudukan": "anggota", "jenis": "penunjukan"},
    )
    assert response.status_code == 200
    assert not t.penugasan.filter(pegawai=dunia.lain_pegawai).exists()


def test_a_member_from_another_instansi_is_typed_in(dunia, users, login, tim):
    t, _ = tim["sendiri"]
    response = login(users["operator"]).post(
        reverse("tim:anggota_tambah", args=[t.pk]),
        {
            "nama_luar": "Rudi Hartono, S.Sos.",
            "nip_luar": "19800101 200501 1 001",
            "instansi_luar": "Pemerintah Kabupaten Bulungan",
            "unit_luar": "Dinas Sosial",
            "jabatan_luar": "Pekerja Sosial Ahli Muda",
            "kedudukan": "anggota",
            "jenis": "penunjukan",
        },
    )
    assert response.status_code == 302
    t.refresh_from_db()
    assert t.lingkup == Lingkup.LINTAS_INSTANSI
    assert t.penugasan.get(pegawai=None).nip_luar == "198001012005011001"


def test_the_rules_page_is_for_the_admin_instansi(dunia, users, login):
    assert login(users["operator"]).get(reverse("tim:aturan")).status_code == 403
    client = login(users["admin"])
    page = client.get(reverse("tim:aturan")).content.decode()
    assert "Belum pernah ditetapkan" in page and "Bupati Banjar" not in page
    data = {
        "maks_penugasan_per_tahun": 4,
        "maks_bulan_dalam_unit": 12,
        "maks_bulan_lintas": 9,
        "ketua_pendidikan_minimal": "S-1",
        "ketua_golongan_minimal": "III/b",
        "ketua_predikat_minimal": "baik",
        "ketua_pengalaman_tahun": "2",
        "dasar_hukum": "Peraturan Wali Kota Tarakan Nomor 1 Tahun 2025 tentang Sistem Kerja",
    }
    assert client.post(reverse("tim:aturan"), data).status_code == 302
    aturan = AturanSistemKerja.objects.get(instansi=dunia.instansi)
    assert (aturan.maks_bulan_lintas, aturan.ketua_golongan_minimal) == (9, "III/b")
    assert not AturanSistemKerja.objects.filter(instansi=dunia.lain_instansi).exists()
    daftar = client.get(reverse("tim:daftar")).content.decode()
    assert "(Peraturan Wali Kota Tarakan Nomor 1 Tahun 2025 tentang Sistem Kerja)" in daftar


def test_the_employee_page_shows_rating_and_experience(dunia, users, login):
    p = dunia.pegawai_sekretariat
    p.predikat_kinerja = "sangat_baik"
    p.pengalaman_bidang_tahun = Decimal("2.5")
    p.save()
    page = login(users["admin"]).get(reverse("organisasi:pegawai_detail", args=[p.pk]))
    assert "Sangat Baik" in page.content.decode() and "2,5 tahun" in page.content.decode()


# ---- the instrument --------------------------------------------------------------------------


def _teks_pdf(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


@pytest.fixture
def tim_lengkap(dunia):
    """A qualified ketua and a member from the owning perangkat daerah, with positions."""
    ketua = PegawaiFactory(
        unit=dunia.bidang,
        nama="Ani Rahmawati",
        jabatan=JabatanFactory(unit=dunia.bidang, nama="Pekerja Sosial Ahli Muda"),
        golongan=PangkatGolongan.objects.get(jenis_asn="PNS", kode="III/c"),
        predikat_kinerja="baik",
        pengalaman_bidang_tahun=Decimal(5),
    )
    anggota = PegawaiFactory(
        unit=dunia.subbag,
        nama="Bayu Saputra",
        jabatan=JabatanFactory(unit=dunia.subbag, nama="Pengadministrasi Perkantoran"),
    )
    dunia.bidang.jabatan_kepala = "Kepala Bidang Rehabilitasi Sosial"
    dunia.bidang.save()
    tim = _tim(dunia.bidang, nama="Tim Rehabilitasi Sosial Terpadu")
    _tugaskan(tim, ketua, kedudukan="ketua")
    _tugaskan(tim, anggota)
    return tim


BARIS_LAMPIRAN = [
    "Ani Rahmawati",
    "Ketua",
    "Bidang Rehabilitasi, Dinas Sosial",
    "Pekerja Sosial Ahli Muda",
    "Bayu Saputra",
    "Anggota",
    "Pengadministrasi Perkantoran",
]
# seed 003 Lampiran IV: each decree's lampiran under its own column headings
KOLOM_SEKDA = "NO. NAMA KEDUDUKAN DALAM TIM PERANGKAT DAERAH JABATAN PADA PERANGKAT DAERAH"
KOLOM_KEPALA_DAERAH = (
    "NO. NAMA KEDUDUKAN DALAM TIM INSTANSI/UNIT ORGANISASI/PERANGKAT DAERAH JABATAN"
)


def _assert_lampiran(teks, kolom, *extra):
    """A decree's lampiran: its columns, the Penanggungjawab first, then Ketua and Anggota."""
    assert "LAMPIRAN" in teks.upper()
    assert kolom in teks
    assert "1. ………… Penanggungjawab" in teks
    for potongan in [*BARIS_LAMPIRAN, *extra]:
        assert potongan in teks, potongan
    assert teks.index("2. Ani Rahmawati") < teks.rindex("Bayu Saputra")


def test_a_team_within_one_unit_gets_a_surat_tugas(dunia, users, login, tim_lengkap):
    assert tim_lengkap.lingkup == Lingkup.DALAM_UNIT
    kepala = PegawaiFactory(
        unit=dunia.bidang,
        nama="Hendra Gunawan",
        gelar_belakang="S.Sos., M.Si.",
        golongan=PangkatGolongan.objects.get(jenis_asn="PNS", kode="IV/a"),
    )
    tim_lengkap.penandatangan = kepala
    tim_lengkap.save()
    client = login(users["admin"])
    teks = _teks_pdf(client.get(reverse("tim:instrumen_pdf", args=[tim_lengkap.pk])))
    assert "SURAT TUGAS" in teks and "KEPUTUSAN" not in teks
    assert "MEMERINTAHKAN" in teks and "Dasar" in teks and "Untuk" in teks
    # seed 003's Dasar starts from the unit's SOTK
    assert "Dasar : Peraturan Wali Kota Tarakan tentang Susunan Organisasi dan Tata Kerja" in teks
    # the signer as the format signs: name with gelar, pangkat, NIP — from the pegawai record
    assert "KEPALA BIDANG REHABILITASI SOSIAL" in teks
    assert f"Hendra Gunawan, S.Sos., M.Si. Pembina (IV/a) NIP. {kepala.nip_tercetak}" in teks
    # the lampiran: the format's numbered list, not a table
    assert "Lampiran Surat Tugas" in teks and "NAMA KEDUDUKAN" not in teks
    assert "1. Tim Rehabilitasi Sosial Terpadu a. Ketua Tim : Ani Rahmawati" in teks
    assert "b. Anggota : 1. Bayu Saputra" in teks
    html = client.get(reverse("tim:instrumen", args=[tim_lengkap.pk])).content.decode()
    assert "SURAT TUGAS" in html


def test_a_cross_unit_team_gets_a_keputusan_sekretaris_daerah(dunia, users, login, tim_lengkap):
    _tugaskan(
        tim_lengkap,
        PegawaiFactory(unit=dunia.dinas_lain, nama="Candra Wijaya"),
        mulai=D(2024, 1, 1),
        selesai=D(2024, 6, 30),
    )
    tim_lengkap.refresh_from_db()
    assert tim_lengkap.lingkup == Lingkup.LINTAS_UNIT
    teks = _teks_pdf(login(users["admin"]).get(reverse("tim:instrumen_pdf", args=[tim_lengkap.pk])))
    assert "KEPUTUSAN SEKRETARIS DAERAH KOTA TARAKAN" in teks
    assert "PEMBENTUKAN TIM REHABILITASI SOSIAL TERPADU TAHUN 2024" in teks
    for kata in ("Menimbang", "Mengingat", "Memperhatikan", "MEMUTUSKAN", "KESATU", "KEDUA",
                 "KETIGA", "KEEMPAT"):  # fmt: skip
        assert kata in teks
    # Mengingat in full, as the format: the budget regulation and its elaboration
    assert (
        "Peraturan Daerah Kota Tarakan Nomor ………… Tahun 2024 tentang Anggaran Pendapatan dan "
        "Belanja Daerah Kota Tarakan Tahun Anggaran 2024"
    ) in teks
    assert "tentang Penjabaran Anggaran Pendapatan dan Belanja Daerah Tahun Anggaran 2024" in teks
    # KEDUA: the tasks of the Penanggungjawab, the Ketua and the Anggota
    assert teks.index("Penanggungjawab bertugas:") < teks.index("Ketua bertugas:")
    assert teks.index("Ketua bertugas:") < teks.index("Anggota bertugas:")
    _assert_lampiran(teks, KOLOM_SEKDA, "Candra Wijaya", "Dinas Kesehatan")


def test_a_cross_agency_team_gets_a_keputusan_of_the_head_of_region(users, login, tim_lengkap):
    _tugaskan(
        tim_lengkap,
        nama_luar="Rudi Hartono",
        nip_luar="198001012005011001",
        instansi_luar="Pemerintah Kabupaten Bulungan",
        unit_luar="Dinas Sosial",
        jabatan_luar="Pekerja Sosial Ahli Pertama",
        mulai=D(2024, 1, 1),
        selesai=D(2024, 3, 31),
    )
    tim_lengkap.refresh_from_db()
    assert tim_lengkap.lingkup == Lingkup.LINTAS_INSTANSI
    teks = _teks_pdf(login(users["admin"]).get(reverse("tim:instrumen_pdf", args=[tim_lengkap.pk])))
    assert "KEPUTUSAN WALI KOTA TARAKAN" in teks
    assert "SEKRETARIS DAERAH" not in teks
    _assert_lampiran(
        teks,
        KOLOM_KEPALA_DAERAH,
        "Rudi Hartono",
        "Dinas Sosial, Pemerintah Kabupaten Bulungan",
        "Pekerja Sosial Ahli Pertama",
        "Pemerintah Kota Tarakan",
    )


def test_the_signer_and_penanggung_jawab_must_be_of_the_instansi(dunia, users, login, tim_lengkap):
    lain = PegawaiFactory(unit=dunia.lain_unit, nama="Orang Banjar")
    url = reverse("tim:ubah", args=[tim_lengkap.pk])
    client = login(users["admin"])
    from tests.html_form import isian

    data = isian(client.get(url).content.decode())
    data["penandatangan"] = [str(lain.pk)]
    response = client.post(url, data)
    assert response.status_code == 200  # refused: not a choice
    tim_lengkap.refresh_from_db()
    assert tim_lengkap.penandatangan_id is None


def test_the_banjar_demo_prints_a_keputusan_sekretaris_daerah_kabupaten_banjar(db, login):
    banjar = muat_banjar()
    admin = make_user("admin_banjar_demo", peran=Peran.ADMIN_INSTANSI, instansi=banjar)
    tim = TimKerja.objects.get(instansi=banjar)
    teks = _teks_pdf(login(admin).get(reverse("tim:instrumen_pdf", args=[tim.pk])))
    assert "KEPUTUSAN SEKRETARIS DAERAH KABUPATEN BANJAR" in teks
    assert "Ditetapkan di Martapura" in teks
    assert "Muhammad Rizani, S.Kom., M.T." in teks and "Pranata Komputer Ahli Muda" in teks


def _indikator_pk(unit, uraian):
    from kinerja.models import (
        Indikator,
        IndikatorPK,
        PerjanjianKinerja,
        Renstra,
        Sasaran,
        Tujuan,
    )

    renstra = Renstra.objects.create(unit=unit, tahun_awal=2021, tahun_akhir=2026)
    tujuan = Tujuan.objects.create(renstra=renstra, uraian="Tujuan")
    sasaran = Sasaran.objects.create(tujuan=tujuan, uraian="Sasaran")
    indikator = Indikator.objects.create(sasaran=sasaran, uraian=uraian)
    pk = PerjanjianKinerja.objects.create(renstra=renstra, tahun=2024)
    return IndikatorPK.objects.create(perjanjian=pk, indikator=indikator, target=75)


def test_an_operator_chooses_only_its_own_units_indicators(dunia, users, login):
    _indikator_pk(dunia.bidang, "Persentase PPKS tertangani")
    lain = _indikator_pk(dunia.dinas_lain, "Angka kematian ibu")
    halaman = login(users["operator"]).get(reverse("tim:tambah")).content.decode()
    assert "Persentase PPKS tertangani" in halaman
    assert "Angka kematian ibu" not in halaman
    assert "Angka kematian ibu" in login(users["admin"]).get(reverse("tim:tambah")).content.decode()
    # Posting the other unit's indicator is refused at the field.
    respon = login(users["operator"]).post(
        reverse("tim:tambah"),
        {"unit": dunia.bidang.pk, "nama": "Tim X", "indikator": lain.pk, "mulai": "2024-01-01",
         "selesai": "2024-06-30", "target": "x"},
    )  # fmt: skip
    assert respon.status_code == 200 and not TimKerja.objects.filter(nama="Tim X").exists()
