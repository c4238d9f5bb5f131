"""Every document of the demo, printed, checked mechanically for the page layout faults an
analyst found reading them page by page (issue 13 item 1; tests/pdf_tata_letak.py says what
each check looks for). The decree carries the Informasi Jabatan of all 37 positions of seed
001's Dinas, each starting a page, so every position's layout is checked."""

import re
from io import StringIO

from django.core.management import call_command

from tests.pdf_tata_letak import baris_halaman, judul_kolom, pelanggaran

DINAS = "Dinas Sosial dan Pemberdayaan Masyarakat"


def _dokumen() -> dict[str, tuple[str, bytes]]:
    """Each document of the demo: its HTML and its PDF."""
    from abk.documents import keputusan_bagian, laporan_koreksi_html
    from abk.koreksi import laporan_koreksi
    from abk.services import keputusan_get_or_create
    from anjab.documents import evaluasi_jabatan_html
    from anjab.models import Jabatan, PeriodeAnalisis
    from config.dokumen import render_pdf, render_pdf_bagian
    from kinerja.documents import lakip_html, perjanjian_html
    from kinerja.models import PerjanjianKinerja, Renstra, TimKerja
    from kinerja.sistem_kerja.documents import instrumen_html
    from kinerja.sistem_kerja.models import Lingkup
    from organisasi.models import UnitOrganisasi

    call_command("load_demo", stdout=StringIO())
    periode = PeriodeAnalisis.objects.get(nama="ABK 2024")
    dinas = UnitOrganisasi.objects.get(nama=DINAS)
    bagian = list(keputusan_bagian(keputusan_get_or_create(periode=periode, unit=dinas)))
    hasil = {"keputusan": ("\n".join(bagian), render_pdf_bagian(iter(bagian)))}
    pontianak = Jabatan.objects.get(
        nama="Kepala Kantor", instansi__nama="Pemerintah Kota Pontianak"
    )
    html = {
        "laporan-koreksi": laporan_koreksi_html(laporan_koreksi(periode, dinas)),
        "evaluasi-jabatan": evaluasi_jabatan_html(pontianak),
        "lakip": lakip_html(Renstra.objects.get(), 2020),
        "perjanjian-kinerja": perjanjian_html(PerjanjianKinerja.objects.first()),
    }
    # seed 003's team prints as each of its three instruments (Surat Tugas within one unit,
    # a decree across units or instansi) from the same members
    tim = TimKerja.objects.get()
    for lingkup in Lingkup.values:
        tim.lingkup = lingkup
        html[f"instrumen-{lingkup}"] = instrumen_html(tim)
    for nama, isi in html.items():
        hasil[nama] = (isi, render_pdf(isi))
    return hasil


def test_no_page_of_any_demo_document_breaks_badly(db):
    dokumen = _dokumen()
    assert set(dokumen) == {
        "keputusan", "laporan-koreksi", "evaluasi-jabatan", "lakip", "perjanjian-kinerja",
        "instrumen-dalam_unit", "instrumen-lintas_unit", "instrumen-lintas_instansi",
    }  # fmt: skip
    salah = {
        jenis: pelanggaran(
            pdf,
            awal_bagian=re.compile(r"^INFORMASI JABATAN$") if jenis == "keputusan" else None,
            judul_kolom=judul_kolom(html),
        )
        for jenis, (html, pdf) in dokumen.items()
    }
    assert salah == {jenis: [] for jenis in dokumen}
    # the decree's lampiran is the Informasi Jabatan of all 37 positions, each from a new page
    halaman = baris_halaman(dokumen["keputusan"][1])
    assert sum(1 for b in halaman if b and b[0] == "INFORMASI JABATAN") == 37


def test_the_checks_find_what_the_analyst_found():
    """The checker on pages laid out badly on purpose: each fault it must see."""
    from config.dokumen import render_pdf as cetak

    kosong = '<div style="height: 244mm"></div>'
    judul_akhir = (
        f"{kosong}<table class='ij'><tr><td class='no'>14.</td><td class='label'>RISIKO "
        "BAHAYA</td><td class='titik'>:</td><td></td></tr></table>"
        "<table class='grid'><thead><tr><th>NO</th><th>FISIK/MENTAL</th></tr></thead>"
        + "".join("<tr><td>a.</td><td>-</td></tr>" for _ in range(3))
        + "</table>"
    )
    assert [s[1] for s in pelanggaran(cetak(_doc(judul_akhir)))] == ["judul di kaki halaman"]
    # the rule every document's heading tables carry keeps it with its table
    dijaga = judul_akhir.replace("<table class='ij'>", "<table class='ij kepala'>")
    assert pelanggaran(cetak(_doc(dijaga))) == []
    sempit = (
        "<table class='grid' style='width: 60pt; table-layout: fixed'><thead><tr>"
        "<th style='width: 30pt'>PENYELESAIAN</th><th>X</th></tr></thead>"
        "<tr><td>1</td><td>2</td></tr></table>"
    )
    html = _doc(sempit).replace("overflow-wrap: normal", "overflow-wrap: anywhere")
    salah = pelanggaran(cetak(html), judul_kolom=judul_kolom(html))
    assert "judul kolom terpotong" in [s[1] for s in salah]
    akhir = "<p>" + "baris isi panjang " * 10 + "</p>"
    tipis = f"<div style='height: 250mm'></div>{akhir}"
    assert "halaman akhir hanya berisi baris terakhir" in [
        s[1] for s in pelanggaran(cetak(_doc(tipis)))
    ]


def _doc(isi: str) -> str:
    from django.template.loader import render_to_string

    return render_to_string("dokumen/base.html", {}).replace("<body></body>", f"<body>{isi}</body>")
