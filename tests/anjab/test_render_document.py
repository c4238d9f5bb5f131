from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from anjab.models import Jabatan


def _teks(path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


def test_it_renders_the_informasi_jabatan_of_a_functional_position(demo, tmp_path):
    ps = Jabatan.objects.get(nama="Penyuluh Sosial Ahli Muda", unit__nama="Bidang Sosial")
    out = tmp_path / "ij.pdf"
    call_command("render_document", "informasi-jabatan", "--jabatan", str(ps.pk),
                 "--out", str(out), stdout=StringIO())  # fmt: skip
    teks = _teks(out)
    assert "INFORMASI JABATAN" in teks and "Penyuluh Sosial Ahli Muda" in teks
    assert "Administrator : Kepala Bidang Sosial" in teks
    assert "3.825,50" in teks  # Σ Wpv in hours, computed (the decree prints 3,812.94)
    assert "3,06" in teks and "9 (Sembilan)" in teks
    assert len(PdfReader(out).pages) > 5


def test_it_renders_the_evaluation_of_seed_000(demo, tmp_path):
    j = Jabatan.objects.get(nama="Kepala Kantor", instansi__nama="Pemerintah Kota Pontianak")
    out = tmp_path / "ev.pdf"
    call_command("render_document", "evaluasi-jabatan", "--jabatan", str(j.pk),
                 "--out", str(out), stdout=StringIO())  # fmt: skip
    teks = _teks(out)
    assert "INFORMASI FAKTOR JABATAN STRUKTURAL" in teks
    assert "FAKTOR 1: RUANG LINGKUP DAN DAMPAK PROGRAM (fk : 1 - 3 = 550)" in teks
    assert "FORMULIR HASIL EVALUASI JABATAN STRUKTURAL" in teks
    assert "Total Nilai 2515" in teks and "Kelas Jabatan 13 ( 2351 - 2750 )" in teks
    assert "Ketua Tim" in teks and "Pimpinan Unit Kerja" in teks
    assert "Kantor Kesatuan Bangsa dan Sosial Politik Kota Pontianak" in teks


def test_an_unknown_position_is_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("render_document", "informasi-jabatan", "--jabatan", "999999",
                     "--out", str(tmp_path / "x.pdf"))  # fmt: skip


def _ij(jabatan, tmp_path) -> str:
    out = tmp_path / f"ij-{jabatan.pk}.pdf"
    call_command("render_document", "informasi-jabatan", "--jabatan", str(jabatan.pk),
                 "--out", str(out), stdout=StringIO())  # fmt: skip
    return _teks(out)


def test_section_7_is_headed_by_what_its_second_column_holds_as_in_seed_001(demo, tmp_path):
    # Seed 001 prints ten positions' results with how they are used (the Kepala Dinas's
    # "Melaksanakan rumusan program …"), the others with their unit ("Dokumen").
    kadis = Jabatan.objects.get(nama="Kepala Dinas Sosial dan Pemberdayaan Masyarakat")
    assert "NO HASIL KERJA PENGGUNAAN DALAM TUGAS 1 Rencana Program Dinas Sosial" in _ij(
        kadis, tmp_path
    )
    plo = Jabatan.objects.filter(nama="Penata Layanan Operasional").first()
    teks = _ij(plo, tmp_path)
    assert "NO HASIL KERJA SATUAN HASIL 1 Data layanan operasional Dokumen" in teks
    assert Jabatan.objects.filter(kolom_hasil_kerja="penggunaan").count() == 10


def test_the_credit_table_has_the_seeds_columns_and_credits_to_two_decimals(demo, tmp_path):
    from anjab.documents import informasi_jabatan_html
    from tests.html_tabel import tabel

    ps = Jabatan.objects.get(nama="Penyuluh Sosial Ahli Muda", unit__nama="Bidang Sosial")
    assert "PENENTUAN JUMLAH FORMASI Σ Wpv ÷ 1.250" in _ij(ps, tmp_path)
    baris = tabel(informasi_jabatan_html(ps))
    # seed 001, kegiatan 2 and 3: "a Komunitas/ Massal Daerah rawan sosial 0.27 0.020 13.50
    # 3 data 40.50 40.50" and "… 0.3 0.020 15.00 3 data 45.00 45.00"
    komunitas = [b[4:] for b in baris if b[3:4] == ["a Komunitas/ Massal Daerah rawan sosial"]]
    assert komunitas[:2] == [
        ["0,27", "0,020", "13,50", "3 data", "40,50", "40,50"],
        ["0,30", "0,020", "15,00", "3 data", "45,00", "45,00"],
    ]
    # the Wpv again in the formasi column, summed below as the seed does
    assert ["JUMLAH (Σ Wpv, jam)", "3.825,50", "3.825,50"] in baris


def test_the_analyst_chooses_the_heading_in_the_editor(demo, client):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    client.force_login(get_user_model().objects.get(username="tarakan"))
    plo = Jabatan.objects.filter(nama="Penata Layanan Operasional").first()
    url = reverse("anjab:jabatan_bagian", args=[plo.pk, "hasil"])
    halaman = client.get(url).content.decode()
    assert 'value="penggunaan"' in halaman and "Penggunaan dalam tugas" in halaman
    baris = list(plo.hasil_kerja.all())
    data = {
        "versi": str(plo.versi),
        "kolom_hasil_kerja": "penggunaan",
        "hasil-TOTAL_FORMS": str(len(baris)),
        "hasil-INITIAL_FORMS": str(len(baris)),
        "hasil-MIN_NUM_FORMS": "0",
        "hasil-MAX_NUM_FORMS": "1000",
    }
    for i, h in enumerate(baris):
        data |= {f"hasil-{i}-id": str(h.pk), f"hasil-{i}-hasil": h.hasil,
                 f"hasil-{i}-satuan": h.satuan, f"hasil-{i}-ORDER": str(i + 1)}  # fmt: skip
    assert client.post(url, data).status_code == 302
    plo.refresh_from_db()
    assert plo.kolom_hasil_kerja == "penggunaan"
    dokumen = client.get(reverse("anjab:dokumen", args=[plo.pk, "informasi-jabatan"]))
    assert "<th>PENGGUNAAN DALAM TUGAS</th>" in dokumen.content.decode()


def _daftar_pilihan(html: str, label: str) -> list[str]:
    """The items printed in section 15 after `label`: one a row (its row and the rows that
    continue it), or a cell's lines."""
    import re

    baris = re.findall(r"<tr[^>]*>.*?</tr>", html, re.S)
    i = next(i for i, b in enumerate(baris) if f">{label}</td>" in b)

    def bersih(t):
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", t)).strip()

    if 'class="isi-butir"' not in baris[i]:
        isi = re.search(r'<td class="titik">:</td><td>(.*?)</td></tr>', baris[i], re.S).group(1)
        return [bersih(t) for t in isi.split("<br>")]
    items = []
    for b in baris[i:]:
        if b is not baris[i] and 'class="lanjut-butir"' not in b:
            break
        isi = re.search(
            r'<td class="isi-butir"><span class="penanda">[^<]*</span>(.*?)</td>', b, re.S
        )
        items.append(bersih(isi.group(1)))
    return items


def test_section_15_prints_the_analysts_order_and_words_as_seed_001(demo):
    from anjab.documents import informasi_jabatan_html

    ps = Jabatan.objects.get(nama="Penyuluh Sosial Ahli Muda", unit__nama="Bidang Sosial")
    html = informasi_jabatan_html(ps)
    # seed 001, 3.1: "1. Berjalan 2. Duduk 3. Berbicara 4. Mendengar 5. Melihat"
    assert _daftar_pilihan(html, "Upaya fisik") == [
        "Berjalan", "Duduk", "Berbicara", "Mendengar", "Melihat"
    ]  # fmt: skip
    # the temperamen in the seed's order F, R, V, S (not the catalogue's F, R, S, V)
    assert [t[0] for t in _daftar_pilihan(html, "Temperamen kerja")] == ["F", "R", "V", "S"]
    # "O3 Mempengaruhi" as typed, though the catalogue's O3 is Menyelia
    assert _daftar_pilihan(html, "b. Hubungan dengan orang") == [
        "O0 Menasehati", "O1 Berunding", "O3 Mempengaruhi", "O6 Berbicara - memberi tanda"
    ]  # fmt: skip
    assert _daftar_pilihan(html, "Bakat kerja") == [
        "G : Intelegensia", "V : Bakat Verbal", "Q : Bakat Ketelitian"
    ]  # fmt: skip
    # a temperamen written by its short name stays so (seed 001, 2.1.4)
    plo = Jabatan.objects.get(nama="Penata Layanan Operasional", unit__nama__contains="Umum")
    assert _daftar_pilihan(informasi_jabatan_html(plo), "Temperamen kerja") == [
        "R, Repetitive and Continuous (REPCON)", "V, Variety and Changing Conditions (VARCH)"
    ]  # fmt: skip
    # the Kepala Dinas's upaya fisik "Duduk, Berjalan, Berbicara", not alphabetical
    kadis = Jabatan.objects.get(nama="Kepala Dinas Sosial dan Pemberdayaan Masyarakat")
    assert _daftar_pilihan(informasi_jabatan_html(kadis), "Upaya fisik") == [
        "Duduk", "Berjalan", "Berbicara"
    ]  # fmt: skip


def test_ticking_another_choice_keeps_the_order_and_words_already_there(demo, client):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from anjab.documents import informasi_jabatan_html
    from anjab.models import TemperamenKerja
    from tests.html_form import isian

    client.force_login(get_user_model().objects.get(username="tarakan"))
    ps = Jabatan.objects.get(nama="Penyuluh Sosial Ahli Muda", unit__nama="Bidang Sosial")
    url = reverse("anjab:jabatan_bagian", args=[ps.pk, "syarat-lain"])
    halaman = client.get(url).content.decode()
    assert "Urutan dan teks tercetak: temperamen kerja" in halaman
    data = isian(halaman, "form-bagian")
    m = TemperamenKerja.objects.get(kode="M", instansi=None)
    data["temperamen"].append(str(m.pk))
    r = client.post(url, data)
    assert r.status_code == 302, [str(x) for x in r.context["messages"]]
    html = informasi_jabatan_html(Jabatan.objects.get(pk=ps.pk))
    assert [t[0] for t in _daftar_pilihan(html, "Temperamen kerja")] == ["F", "R", "V", "S", "M"]
    assert "O3 Mempengaruhi" in _daftar_pilihan(html, "b. Hubungan dengan orang")


def test_the_analyst_reorders_and_rewords_a_choice_in_the_editor(demo, client):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from anjab.documents import informasi_jabatan_html
    from tests.html_form import isian

    client.force_login(get_user_model().objects.get(username="tarakan"))
    ps = Jabatan.objects.get(nama="Penyuluh Sosial Ahli Muda", unit__nama="Bidang Sosial")
    url = reverse("anjab:jabatan_bagian", args=[ps.pk, "syarat-lain"])
    data = isian(client.get(url).content.decode(), "form-bagian")
    # the upaya fisik rows: Berjalan, Duduk, Berbicara, Mendengar, Melihat; Melihat goes first
    prefix = "urut-upaya_fisik"
    assert data[f"{prefix}-TOTAL_FORMS"] == ["5"]
    for i, urutan in enumerate([2, 3, 4, 5, 1]):
        data[f"{prefix}-{i}-ORDER"] = [str(urutan)]
    data[f"{prefix}-4-teks"] = ["Melihat (membaca dokumen)"]
    # the O3 typed by the analyst cleared: the catalogue's wording prints again
    fungsi = "urut-fungsi_pekerjaan"
    o3 = next(k for k, v in data.items() if k.startswith(fungsi) and v == ["O3 Mempengaruhi"])
    data[o3] = [""]
    r = client.post(url, data)
    assert r.status_code == 302, [str(x) for x in r.context["messages"]]
    html = informasi_jabatan_html(Jabatan.objects.get(pk=ps.pk))
    assert _daftar_pilihan(html, "Upaya fisik") == [
        "Melihat (membaca dokumen)", "Berjalan", "Duduk", "Berbicara", "Mendengar"
    ]  # fmt: skip
    assert "O3: Menyelia" in _daftar_pilihan(html, "b. Hubungan dengan orang")
    # rows of another position sent by a forged form change nothing of it
    lain = Jabatan.objects.get(nama="Kepala Dinas Sosial dan Pemberdayaan Masyarakat")
    baris_lain = lain.upaya_fisik.through.objects.filter(jabatan=lain).first()
    data = isian(client.get(url).content.decode(), "form-bagian")
    data[f"{prefix}-0-id"] = [str(baris_lain.pk)]
    data[f"{prefix}-0-teks"] = ["Dipalsukan"]
    client.post(url, data)
    baris_lain.refresh_from_db()
    assert baris_lain.teks != "Dipalsukan"


def test_the_credit_table_numbers_its_unsur_as_seed_001(demo):
    from anjab.documents import informasi_jabatan_html
    from tests.html_tabel import tabel

    ps = Jabatan.objects.get(nama="Penyuluh Sosial Ahli Muda", unit__nama="Bidang Sosial")
    baris = tabel(informasi_jabatan_html(ps))
    awal = next(i for i, b in enumerate(baris) if b[:2] == ["NO", "UNSUR"]) + 1
    akhir = next(i for i, b in enumerate(baris) if b[0].startswith("JUMLAH (Σ Wpv"))
    kredit = baris[awal:akhir]
    bernomor = [(b[0], b[1]) for b in kredit if b[0]]
    # seed 001, 3.1: "1 Penyuluhan Sosial Persiapan 1 Menyusun gambaran umum …" and further
    # down "2 Pengembangan Kualitas Penyuluhan Sosial Pengkajian Kebijakan …"
    assert bernomor[:2] == [
        ("1", "Penyuluhan Sosial"),
        ("2", "Pengembangan Kualitas Penyuluhan Sosial"),
    ]
    assert kredit[0][3].startswith("1 Menyusun gambaran umum")  # the kegiatan's heading row
    assert kredit[1][:4] == ["", "", "", "a Daerah rawan sosial."]
