"""The whole LAKIP of seed 002 (issue 13 item 4): every chapter and section the seed has, the
organisation from the rest of the product, the tables computed from stored data, the narrative
the analyst writes (per sasaran too), the cover with address and logo, and the lampiran."""

import io
import re
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader

from kinerja.documents import lakip_html
from kinerja.laporan import konteks_lakip
from kinerja.models import AnalisisSasaran, Lakip, Renstra, Sasaran
from organisasi.models import Pegawai
from tests.html_form import isian


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=StringIO())
    renstra = Renstra.objects.get()
    return {"renstra": renstra, "user": User.objects.get(username="pontianak")}


@pytest.fixture
def pdf_teks(demo, login):
    r = demo["renstra"]
    pdf = login(demo["user"]).get(reverse("kinerja:lakip_pdf", args=[r.pk, 2020])).content
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)


def _isi(teks: str) -> str:
    """The text from Bab I on (the front matter lists every heading once more)."""
    return teks[teks.index("BAB I PENDAHULUAN") :]


def test_every_section_of_seed_002_is_there_in_its_order(pdf_teks):
    isi = _isi(pdf_teks)
    urutan = [
        "A. Latar Belakang",
        "B. Landasan Hukum",
        "C. Struktur Organisasi",
        "Gambar 1",
        "Sumber Daya Manusia",
        "D. Aspek Strategis Organisasi serta Permasalahan Utama",
        "E. Sistematika Penyajian LAKIP 2020",
        "BAB II PERENCANAAN KINERJA",
        "1. Pernyataan Visi",
        "2. Pernyataan Misi",
        "3. Tujuan Strategis",
        "4. Sasaran Strategis",
        "B. Perjanjian Kinerja Tahun 2020",
        "BAB III AKUNTABILITAS KINERJA",
        "A. Capaian Kinerja Organisasi",
        "SASARAN 1 Terciptanya kondisi kondusif di Kota Pontianak",
        "SASARAN 2 Meningkatnya toleransi di kalangan masyarakat",
        "Perbandingan Realisasi Tahun N (2020) dengan Tahun N-1 (2019)",
        "Realisasi Tahun 2020 terhadap Target Akhir Renstra (2023)",
        "Program dan Kegiatan yang Mendukung Sasaran Strategis",
        "B. Analisis Penyebab Keberhasilan/Kegagalan",
        "C. Analisis atas Efisiensi Penggunaan Sumber Daya",
        "D. Analisis Program/Kegiatan",
        "E. Realisasi Anggaran Tahun 2020",
        "BAB IV PENUTUP",
        "A. Kesimpulan",
        "B. Saran",
        "LAMPIRAN 1 RENCANA STRATEGIS KANTOR KESATUAN BANGSA DAN SOSIAL POLITIK",
        "LAMPIRAN 2 RENCANA KINERJA TAHUNAN",
        "LAMPIRAN 3 PERJANJIAN KINERJA PERUBAHAN TAHUN 2020",
    ]
    posisi = []
    for bagian in urutan:
        assert bagian in isi, bagian
        posisi.append(isi.index(bagian, posisi[-1] if posisi else 0))
    assert posisi == sorted(posisi)


def test_bab_i_takes_the_organisation_from_the_anjab_and_the_staff_records(pdf_teks):
    isi = _isi(pdf_teks)
    # landasan hukum typed one per line, printed as a list in the analyst's order
    assert "dasar hukum sebagai berikut: Undang-Undang Nomor 25 Tahun 2004 tentang" in isi
    assert "Perimbangan Keuangan Pusat dan daerah; Undang-Undang Nomor 58 Tahun 2005" in isi
    # the head's tasks from the Anjab (seed 000's Kepala Kantor), the sub-units' from the unit
    assert "dibantu oleh 3 (Tiga) unit kerja" in isi
    assert "Kepala Kantor mempunyai tugas: Menyusun kebijakan teknis di bidang" in isi
    assert "Kepala Sub Bagian Tata Usaha mempunyai tugas: Menyusun rencana kerja di bidang" in isi
    assert isi.index("Kepala Seksi Kesatuan Bangsa mempunyai tugas:") < isi.index(
        "Kepala Seksi Sosial Politik mempunyai tugas:"
    )
    # the staff table from the pegawai record (Rizal, S.Sos, IV/b, S-1)
    assert "sebanyak 1 (Satu) orang" in isi
    assert re.search(r"S-1 - - - 1 - 1 Jumlah 0 0 0 1 0 1", isi)


def test_bab_iii_computes_each_sasaran_and_puts_the_sentence_before_its_table(pdf_teks):
    isi = _isi(pdf_teks)
    # per sasaran: the seed prints 117,8% for 80,09 against 75
    sasaran_1 = isi[isi.index("SASARAN 1") : isi.index("SASARAN 2")]
    assert "75 % 80,09 % 106,79%" in sasaran_1
    assert "capaiannya 106,79%: target tercapai" in sasaran_1
    # the kegiatan of the sasaran's program, listed from the Renstra
    assert "mendukung sasaran tersebut adalah: Fasilitasi Tim Verifikasi Peneliti Pemeriksa" in (
        sasaran_1
    )
    # the analyst's own analysis of the sasaran, under it
    assert "Dengan adanya pendidikan politik diharapkan" in sasaran_1
    # against the Renstra's last target (80% in 2023): 80,09 ÷ 80
    assert "80 % 80,09 % 100,11%" in isi
    # the opening paragraph of E comes before its tables (the seed printed it after)
    e = isi[isi.index("E. Realisasi Anggaran Tahun 2020") :]
    kalimat = e.index("Pagu anggaran Kantor Kesatuan Bangsa dan Sosial Politik Tahun 2020 sebesar")
    assert kalimat < e.index("Realisasi Anggaran menurut Jenis Belanja")
    # salaries and kegiatan apart: 1.491.546.452 ÷ 1.563.075.526 = 95,42%;
    # 1.223.397.993 ÷ 1.241.075.400 = 98,58% (the seed truncates to 98,57)
    assert "1.563.075.526 1.491.546.452 95,42" in e
    assert "1.241.075.400 1.223.397.993 98,58" in e
    assert "JUMLAH 2.804.150.926 2.714.944.445 96,82" in e
    # the program table carries each kegiatan's pagu, totalled as the seed's Tabel 7
    program = isi[isi.index("Program dan Kegiatan yang Mendukung Sasaran Strategis Tahun") :]
    assert "Fasilitasi Kominda" in program and "130.875.000" in program
    assert "Jumlah 1.241.075.400" in program


def test_the_conclusion_counts_the_sasaran_that_met_their_targets(pdf_teks):
    bab_iv = _isi(pdf_teks)[_isi(pdf_teks).index("BAB IV PENUTUP") :]
    assert "Dari 2 (Dua) sasaran strategis yang ditetapkan dalam Perjanjian Kinerja Perubahan" in (
        bab_iv
    )
    assert "sebanyak 2 (Dua) sasaran telah mencapai target" in bab_iv
    assert "belum mencapai target" not in bab_iv
    assert "96,82% dari pagu Rp 2.804.150.926,00" in bab_iv
    assert "Sistem AKIP pada Kantor Kesatuan Bangsa dan Sosial Politik belum terbangun" in bab_iv
    assert "RIZAL, S.Sos." in bab_iv and "NIP. 19690510 199010 1 001" in bab_iv


def test_the_lampiran_hold_the_renstra_matrix_the_rkt_and_the_pk(pdf_teks):
    lampiran = pdf_teks[pdf_teks.index("LAMPIRAN 1 RENCANA STRATEGIS") :]
    renstra = lampiran[: lampiran.index("LAMPIRAN 2")]
    # the targets of every Renstra year, the kebijakan and the penanggung jawab
    assert "2019 2020 2021 2022 2023" in renstra
    assert "72,5 % 75 % 75 % 75 % 80 %" in renstra
    assert "Melaksanakan pelatihan bela negara." in renstra
    rkt = lampiran[lampiran.index("LAMPIRAN 2") : lampiran.index("LAMPIRAN 3")]
    assert "Tahun Anggaran : 2020" in rkt
    assert "Jumlah Program Pengembangan Wawasan Kebangsaan 296.200.000" in rkt
    assert "Jumlah Program Pembinaan dan Pendidikan Politik Masyarakat 478.650.000" in rkt
    assert "J U M L A H 1.241.075.400" in rkt
    pk = lampiran[lampiran.index("LAMPIRAN 3") :]
    assert "Rp. 478.650.000,-" in pk and "WALIKOTA PONTIANAK" in pk


def test_the_cover_has_the_units_address_and_the_instansi_logo(demo, settings, tmp_path):
    r = demo["renstra"]
    assert "JL. SUTOYO, KOMP. SUTOYO INDAH<br>TELP/FAX: 0561-732806<br>PONTIANAK - 78121" in (
        lakip_html(r, 2020)
    )
    settings.MEDIA_ROOT = tmp_path / "media"
    gambar = io.BytesIO()
    Image.new("RGB", (60, 80), "red").save(gambar, "PNG")
    instansi = r.unit.instansi
    instansi.logo.save("lambang.png", ContentFile(gambar.getvalue()), save=True)
    from config.dokumen import render_pdf

    pdf = render_pdf(lakip_html(r, 2020))
    sampul = PdfReader(io.BytesIO(pdf)).pages[0]
    assert len(sampul.images) == 1
    assert "KANTOR KESATUAN BANGSA DAN SOSIAL POLITIK" in sampul.extract_text()


def test_the_analyst_writes_each_part_and_each_sasarans_analysis(demo, login):
    r = demo["renstra"]
    client = login(demo["user"])
    url = reverse("kinerja:lakip", args=[r.pk, 2020])
    halaman = client.get(url).content.decode()
    assert "Bab III A. analisis capaian sasaran 1: Terciptanya kondisi kondusif" in halaman
    data = isian(halaman)
    sasaran = Sasaran.objects.get(uraian="Meningkatnya toleransi di kalangan masyarakat")
    data[f"analisis_{sasaran.pk}"] = ["Tidak terjadi konflik sepanjang 2020."]
    data["landasan_hukum"] = ["Peraturan A\nPeraturan B"]
    assert client.post(url, data).status_code == 302
    html = client.get(reverse("kinerja:lakip_dokumen", args=[r.pk, 2020])).content.decode()
    sasaran_2 = html[html.index("SASARAN 2") : html.index("Perbandingan antara realisasi")]
    assert "Tidak terjadi konflik sepanjang 2020." in sasaran_2
    assert re.search(r"<li>Peraturan A</li>\s*<li>Peraturan B</li>", html)
    # the same page sent again is stale: refused, nothing changes
    data["saran"] = ["Ditimpa"]
    response = client.post(url, data)
    assert response.status_code == 409 and "telah diubah" in response.content.decode()
    assert Lakip.objects.get(renstra=r, tahun=2020).saran != "Ditimpa"


def test_the_lakip_runs_a_fixed_number_of_queries_whatever_the_staff_and_units(demo):
    r = demo["renstra"]
    with CaptureQueriesContext(connection) as sedikit:
        konteks_lakip(Renstra.objects.get(pk=r.pk), 2020)
    unit = r.unit
    golongan = Pegawai.objects.get(nip="196905101990101001").golongan
    for i in range(30):
        Pegawai.objects.create(
            instansi=unit.instansi,
            unit=unit.children.first(),
            nip=f"1980010120050110{i + 1:02d}",
            nama=f"Pegawai {i}",
            status="PNS",
            golongan=golongan,
            pendidikan="S-1",
        )
    AnalisisSasaran.objects.all().delete()
    with CaptureQueriesContext(connection) as banyak:
        konteks = konteks_lakip(Renstra.objects.get(pk=r.pk), 2020)
    assert konteks["sdm_jumlah"].total == 31
    assert len(banyak) == len(sedikit)


def test_a_heads_tasks_come_from_the_latest_period_and_else_from_the_unit(demo):
    from anjab.models import Jabatan, PeriodeAnalisis, TugasJabatan
    from organisasi.models import UraianTugasUnit

    r = demo["renstra"]
    kepala = Jabatan.objects.get(unit=r.unit, kepala_unit=True)
    baru = PeriodeAnalisis.objects.create(instansi=r.unit.instansi, nama="ABK 2021", tahun=2021)
    TugasJabatan.objects.create(jabatan=kepala, periode=baru, urutan=1, uraian="Tugas 2021 saja")
    seksi = r.unit.children.get(nama="Seksi Sosial Politik")
    UraianTugasUnit.objects.filter(unit=seksi).delete()
    tugas = {
        t.judul: t for t in konteks_lakip(Renstra.objects.get(pk=r.pk), 2020)["tugas_pimpinan"]
    }
    assert tugas["Kepala Kantor"].tugas == ["Tugas 2021 saja"]
    assert tugas["Kepala Kantor"].sumber == "anjab"
    assert tugas["Kepala Sub Bagian Tata Usaha"].sumber == "unit"
    assert "Kepala Seksi Sosial Politik" not in tugas  # neither in the Anjab nor in the unit
