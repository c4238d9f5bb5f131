"""Word output (issue 13 item 7): the Informasi Jabatan, the decree and the correction report as
.docx from the same HTML their PDF is printed from, through the pages and render_document, read
back with python-docx — and, where LibreOffice is installed, converted to PDF by it."""

import io
import re
import shutil
import subprocess
import zipfile
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm

from abk.models import PekerjaanLatar
from anjab.models import Jabatan, PeriodeAnalisis
from config.dokumen_word import DOCX, render_docx
from organisasi.models import UnitOrganisasi

DINAS = "Dinas Sosial dan Pemberdayaan Masyarakat"


def _baca(isi: bytes):
    return Document(io.BytesIO(isi))


def _teks(doc) -> str:
    """Every paragraph of the body and of every table cell (nested ones too), in order."""
    paragraf = (
        "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in doc.element.body.iter(qn("w:p"))
    )
    return re.sub(r"\s+", " ", " ".join(paragraf))


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=StringIO())


def _periksa_grid(doc):
    """What Word checks before it offers to repair: every row of every table covers exactly
    the table's grid columns, and a vertically merged cell continues one above it."""
    for tbl in doc.element.body.iter(qn("w:tbl")):
        kolom = len(tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol")))
        sebelumnya = None
        for tr in tbl.findall(qn("w:tr")):
            posisi, baris = 0, {}
            for tc in tr.findall(qn("w:tc")):
                span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
                n = int(span.get(qn("w:val"))) if span is not None else 1
                vm = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
                if vm is not None and vm.get(qn("w:val")) != "restart":
                    assert sebelumnya is not None and posisi in sebelumnya, "vMerge tanpa awal"
                baris[posisi] = n
                posisi += n
            assert posisi == kolom
            sebelumnya = baris
        # a cell ends with a paragraph
        for tc in tbl.iter(qn("w:tc")):
            assert tc[-1].tag == qn("w:p")


def _masuk(username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


HTML = """<html><head><title>Uji</title></head><body>
<section class="dokumen"><h1 class="judul">JUDUL</h1>
<table class="grid">
  <thead><tr><th>NO</th><th>JABATAN</th><th>PENYELESAIAN</th></tr></thead>
  <tbody>
    <tr><td rowspan="2">1</td><td>Analis</td><td class="angka">1.250,00</td></tr>
    <tr><td colspan="2">keterangan panjang</td></tr>
    <tr><td>2</td></tr>
  </tbody>
</table>
<table class="ij"><tr><td class="no">1.</td><td class="label">NAMA</td><td class="titik">:</td>
<td><ol class="huruf"><li>satu</li><li>dua</li></ol>
<ol class="kurung" start="3"><li>tiga</li></ol></td></tr></table>
</section>
<section class="dokumen"><p class="tengah tebal">BAGIAN DUA</p>
<img src="file:///etc/passwd"><img src="https://contoh.id/a.png"></section>
</body></html>"""


def test_the_html_grid_becomes_a_word_table_word_need_not_repair():
    doc = _baca(render_docx(HTML))
    _periksa_grid(doc)
    grid, form = doc.tables
    # rowspan and colspan are merged cells; the short last row is filled up
    assert grid.cell(0, 2).text == "PENYELESAIAN"
    assert grid.cell(1, 0).text == grid.cell(2, 0).text == "1"
    assert grid.cell(2, 1).text == grid.cell(2, 2).text == "keterangan panjang"
    assert grid.cell(3, 0).text == "2" and grid.cell(3, 2).text == ""
    # the header repeats on each page; no row breaks across pages
    rows = grid._tbl.findall(qn("w:tr"))
    assert rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert rows[1].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None
    assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in rows)
    # a bordered table has borders, a form table none
    assert grid._tbl.tblPr.find(qn("w:tblBorders")) is not None
    assert form._tbl.tblPr.find(qn("w:tblBorders")) is None
    # the header's longest word has room: ~7.5pt bold capitals, 12 of them, and the padding
    lebar = [int(c.get(qn("w:w"))) / 20 for c in grid._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert lebar[2] >= 12 * 7.5 * 0.7 + 8
    assert sum(lebar) == pytest.approx((Cm(21) - Cm(4.5)) / 12700, abs=1)
    # the two tables are not run together into one
    body = list(doc.element.body)
    i = body.index(grid._tbl)
    assert body[i + 1].tag == qn("w:p")


def test_lists_are_numbered_as_the_stylesheet_numbers_them_and_pages_break_between_sections():
    doc = _baca(render_docx(HTML))
    sel = doc.tables[1].cell(0, 3)
    assert [p.text for p in sel.paragraphs if p.text] == ["a.\tsatu", "b.\tdua", "3)\ttiga"]
    bagian_dua = next(p for p in doc.paragraphs if p.text == "BAGIAN DUA")
    assert bagian_dua.paragraph_format.page_break_before
    assert bagian_dua.alignment == 1 and bagian_dua.runs[0].bold  # centred, bold
    judul = next(p for p in doc.paragraphs if p.text == "JUDUL")
    assert judul.paragraph_format.keep_with_next
    # a picture from outside the logo and static folders is never read into the file
    assert not doc.inline_shapes
    # A4, the PDF's margins, "Halaman X dari Y" in the footer
    s = doc.sections[0]
    assert (round(s.page_width.mm), round(s.page_height.mm)) == (210, 297)
    assert (round(s.left_margin.mm), round(s.right_margin.mm)) == (25, 20)
    kaki = s.footer.paragraphs[0]._p
    perintah = [t.text.strip() for t in kaki.iter(qn("w:instrText"))]
    assert perintah == ["PAGE", "NUMPAGES"] and "Halaman" in s.footer.paragraphs[0].text


def test_the_informasi_jabatan_in_word_has_the_seeds_figures(demo, tmp_path):
    ps = Jabatan.objects.get(nama="Penyuluh Sosial Ahli Muda", unit__nama="Bidang Sosial")
    out = tmp_path / "ij.docx"
    call_command("render_document", "informasi-jabatan", "--jabatan", str(ps.pk),
                 "--out", str(out), stdout=StringIO())  # fmt: skip
    doc = Document(str(out))
    _periksa_grid(doc)
    teks = _teks(doc)
    assert "INFORMASI JABATAN" in teks and "Penyuluh Sosial Ahli Muda" in teks
    assert "3.825,50" in teks and "3,06" in teks and "9 (Sembilan)" in teks
    assert "17. KELAS JABATAN" in teks or "KELAS JABATAN" in teks
    # the credit table: its header row repeated, the figures in their own cells
    kredit = next(t for t in doc.tables if t.cell(0, 0).text == "NO" and "AK" in t.cell(0, 4).text)
    assert "3.825,50" in [c.text for c in kredit.rows[-3].cells]


def test_an_extension_without_a_writer_is_refused(demo, tmp_path):
    ps = Jabatan.objects.filter(nama="Penyuluh Sosial Ahli Muda").first()
    with pytest.raises(CommandError, match=r"pilih \.pdf, \.docx\."):
        call_command("render_document", "informasi-jabatan", "--jabatan", str(ps.pk),
                     "--out", str(tmp_path / "x.odt"))  # fmt: skip


def test_the_decree_in_word_from_its_page_in_one_request_writing_nothing(demo):
    periode = PeriodeAnalisis.objects.get(nama="ABK 2024")
    dinas = UnitOrganisasi.objects.get(nama=DINAS)
    client = _masuk("tarakan")
    q = f"?periode={periode.pk}&unit={dinas.pk}"
    halaman = client.get(reverse("abk:keputusan") + q).content.decode()
    assert 'name="format" value="docx"' in halaman
    sebelum = PekerjaanLatar.objects.count()
    r = client.post(reverse("abk:keputusan_cetak") + q, {"format": "docx"})
    assert r.status_code == 200 and r["Content-Type"] == DOCX
    assert r["Content-Disposition"].startswith("attachment;")
    assert PekerjaanLatar.objects.count() == sebelum  # no background job for Word
    doc = _baca(r.content)
    _periksa_grid(doc)
    teks = _teks(doc)
    assert "DAFTAR INFORMASI JABATAN PADA DINAS SOSIAL DAN PEMBERDAYAAN MASYARAKAT" in teks
    assert "MEMUTUSKAN" in teks and "BUSTAN" in teks
    # every position of the daftar has its Informasi Jabatan, each on a new page
    jumlah = sum(1 for p in doc.paragraphs if p.text == "INFORMASI JABATAN")
    assert jumlah == 37
    assert all(
        p.paragraph_format.page_break_before or _halaman_baru_sebelum(p)
        for p in doc.paragraphs
        if p.text == "INFORMASI JABATAN"
    )
    # the computed figures, never the printed ones: 86 people in all (the decree printed 75),
    # 3.9's 17 among them (printed 14)
    jumlah_pegawai = [
        int(t.rows[-1].cells[-1].text)
        for t in doc.tables
        if t.rows[-1].cells[0].text == "JUMLAH PEGAWAI"
    ]
    assert len(jumlah_pegawai) == 37 and sum(jumlah_pegawai) == 86 and 17 in jumlah_pegawai


def _halaman_baru_sebelum(p) -> bool:
    sebelum = p._p.getprevious()
    return (
        sebelum is not None and sebelum.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None
    )


def test_the_decree_in_word_for_another_instansi_is_not_found(demo):
    periode = PeriodeAnalisis.objects.get(nama="ABK 2024")
    dinas = UnitOrganisasi.objects.get(nama=DINAS)
    r = _masuk("banjar").post(
        reverse("abk:keputusan_cetak") + f"?periode={periode.pk}&unit={dinas.pk}",
        {"format": "docx"},
    )
    assert r.status_code == 404


def test_the_correction_report_in_word_from_the_rekap_menu_and_the_command(demo, tmp_path):
    periode = PeriodeAnalisis.objects.get(nama="ABK 2024")
    dinas = UnitOrganisasi.objects.get(nama=DINAS)
    client = _masuk("tarakan")
    q = {"periode": periode.pk, "unit": dinas.pk}
    assert (
        reverse("abk:laporan_koreksi_docx")
        in client.get(reverse("abk:kualitas"), q).content.decode()
    )
    r = client.get(reverse("abk:laporan_koreksi_docx"), q)
    assert r.status_code == 200 and r["Content-Type"] == DOCX
    doc = _baca(r.content)
    _periksa_grid(doc)
    teks = _teks(doc)
    assert "LAPORAN HASIL PENGHITUNGAN ULANG" in teks
    assert "tercetak 75 orang; hasil hitung ulang 86 orang (selisih +11 orang)" in teks
    tabel = doc.tables[-2]  # the corrections (the signer's block is the last table)
    baris = [[c.text for c in row.cells] for row in tabel.rows]
    assert [
        baris[1][0],
        baris[1][2],
        baris[1][3],
        baris[1][4],
        baris[1][5],
    ] == ["2.1.4", "Kebutuhan pegawai", "2,640", "2,880", "+0,240"]
    assert baris[1][1].startswith("Penata Layanan Operasional")

    out = tmp_path / "koreksi.docx"
    call_command("render_document", "laporan-koreksi", "--unit", str(dinas.pk),
                 "--out", str(out), stdout=StringIO())  # fmt: skip
    assert "selisih +11 orang" in _teks(Document(str(out)))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice tidak terpasang")
def test_libreoffice_opens_the_decree_and_prints_it(demo, tmp_path):
    dinas = UnitOrganisasi.objects.get(nama=DINAS)
    out = tmp_path / "keputusan.docx"
    call_command("render_document", "keputusan", "--unit", str(dinas.pk), "--out", str(out),
                 stdout=StringIO())  # fmt: skip
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    from pypdf import PdfReader

    pdf = PdfReader(tmp_path / "keputusan.pdf")
    assert len(pdf.pages) > 37
    assert "DAFTAR INFORMASI JABATAN" in " ".join(p.extract_text() for p in pdf.pages[:5])


def test_a_large_decree_in_word_is_written_in_the_background(
    demo, monkeypatch, django_capture_on_commit_callbacks
):
    from abk import views

    monkeypatch.setattr(views, "BATAS_WORD_LANGSUNG", 10)  # the Dinas has 37 positions
    periode = PeriodeAnalisis.objects.get(nama="ABK 2024")
    dinas = UnitOrganisasi.objects.get(nama=DINAS)
    client = _masuk("tarakan")
    q = f"?periode={periode.pk}&unit={dinas.pk}"
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(reverse("abk:keputusan_cetak") + q, {"format": "docx"})
    job = PekerjaanLatar.objects.get(parameter__format="docx")
    assert r.status_code == 302 and r["Location"] == reverse("abk:pekerjaan", args=[job.pk])
    assert job.status == "selesai" and job.persen == 100
    assert "Unduh Word (.docx)" in client.get(r["Location"]).content.decode()
    unduh = client.get(reverse("abk:pekerjaan_unduh", args=[job.pk]))
    assert unduh["Content-Type"] == DOCX
    doc = _baca(b"".join(unduh.streaming_content))
    assert sum(1 for p in doc.paragraphs if p.text == "INFORMASI JABATAN") == 37
    # a read-only user is not given a job for it
    assert (
        _masuk("banjar").post(reverse("abk:keputusan_cetak") + q, {"format": "docx"}).status_code
        == 404
    )


def test_a_long_document_is_written_block_by_block_and_read_back_whole_in_order(monkeypatch):
    """A decree of hundreds of positions is written a block at a time out of python-docx's
    tree (which holds about twenty times the XML): every paragraph and table comes back, in
    order, with the page setup the tree kept, and no block declares the namespaces again."""
    from config import dokumen_word

    html = (
        "<html><body>"
        + "".join(
            f"<h2>Bagian {i}</h2><p>Isi bagian {i}.</p>"
            f"<table class='grid'><tr><th>NO</th><th>URAIAN</th></tr>"
            f"<tr><td>{i}</td><td>Baris {i}</td></tr></table>"
            for i in range(1, 301)
        )
        + "<p>Penutup.</p></body></html>"
    )
    tertulis = []
    asli = dokumen_word._sisipkan_isi

    def sisipkan(docx, blok):
        tertulis.append(len(blok))
        return asli(docx, blok)

    monkeypatch.setattr(dokumen_word, "_sisipkan_isi", sisipkan)
    isi = render_docx(html)
    # 300 headings, paragraphs and tables left the tree as they were finished
    assert tertulis == [900]
    doc = _baca(isi)
    teks = _teks(doc)
    urutan = [int(m) for m in re.findall(r"Bagian (\d+)", teks)]
    assert urutan == list(range(1, 301))
    assert teks.endswith("Penutup.")
    assert len(doc.tables) == 300 and doc.tables[299].cell(1, 1).text == "Baris 300"
    assert round(doc.sections[0].page_width.cm, 1) == 21.0
    _periksa_grid(doc)
    with zipfile.ZipFile(io.BytesIO(isi)) as z:
        xml = z.read("word/document.xml")
    assert xml.count(b'xmlns:w="') == 1
