"""The decree is laid out a part at a time and joined (issue 12 item 6): the joined PDF has the
pages, the text and the "Halaman X dari Y" of the same decree laid out as one document."""

import io
import re

import pytest
from pypdf import PdfReader

from abk import documents, services
from anjab.models import Jabatan
from config.dokumen import render_pdf, render_pdf_bagian
from organisasi.models import UnitOrganisasi


def _halaman(pdf: bytes) -> list[str]:
    return [re.sub(r"\s+", " ", p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture
def keputusan(tarakan):
    # The Sekretariat of the demo's Dinas Sosial and its Subbagian: a few positions, so the
    # test renders in seconds.
    sekretariat = UnitOrganisasi.objects.get(parent=tarakan["dinas"], nama="Sekretariat")
    assert Jabatan.objects.filter(unit__parent=sekretariat).count() >= 2
    return services.keputusan_get_or_create(periode=tarakan["periode"], unit=sekretariat)


def test_the_decree_in_parts_is_the_decree_in_one_piece(keputusan):
    utuh = _halaman(render_pdf(documents.keputusan_html(keputusan)))
    dilihat = []
    bagian = _halaman(documents.keputusan_pdf(keputusan, per_halaman=dilihat.append))

    assert len(bagian) == len(utuh) > 3
    n = len(bagian)
    for i, (a, b) in enumerate(zip(bagian, utuh, strict=True), start=1):
        assert f"Halaman {i} dari {n}" in a
        assert a.replace(f"Halaman {i} dari {n}", "").split() == (
            b.replace(f"Halaman {i} dari {n}", "").split()
        ), f"halaman {i} berbeda"
    # Page progress counts across parts, up to the last page of the whole decree.
    assert dilihat and max(dilihat) == n
    assert dilihat == sorted(dilihat)


def test_each_part_starts_a_new_page_and_the_numbers_run_on():
    kepala = (
        "<html><head><style>@page { size: A4; margin: 2cm;"
        ' @bottom-right { content: "Halaman " counter(page) " dari " counter(pages) } }'
        "</style></head><body>"
    )
    bagian = [f"{kepala}{f'<p>Bagian {k}</p>' * (1 if k else 80)}</body></html>" for k in range(3)]
    teks = _halaman(render_pdf_bagian(iter(bagian)))
    n = len(teks)
    assert n >= 4  # 80 paragraphs run over two pages, then one page per part
    assert "Bagian 1" in teks[-2] and "Bagian 2" in teks[-1]
    assert [f"Halaman {i} dari {n}" in t for i, t in enumerate(teks, start=1)] == [True] * n


def test_no_parts_is_refused():
    with pytest.raises(ValueError):
        render_pdf_bagian(iter([]))


def test_the_lampiran_ends_with_the_signer_and_the_daftar_stands_sub_units_further_in(keputusan):
    # As seed 001 closes its lampiran: the signer under the last position's Informasi Jabatan.
    keputusan.penandatangan_jabatan = "Pj. WALI KOTA TARAKAN,"
    keputusan.penandatangan_nama = "BUSTAN"
    keputusan.save()
    halaman = _halaman(documents.keputusan_pdf(keputusan))
    terakhir = halaman[-1]
    assert "KELAS JABATAN" in terakhir
    assert terakhir.index("KELAS JABATAN") < terakhir.index("Pj. WALI KOTA TARAKAN,")
    assert terakhir.index("Pj. WALI KOTA TARAKAN,") < terakhir.index("BUSTAN")
    # The signer is printed twice: after the decree's text and at the end of the lampiran.
    assert sum(h.count("BUSTAN") for h in halaman) == 2

    html = documents.keputusan_html(keputusan)
    kedalaman = re.findall(r'<td class="butir d(\d)"><span class="nomor">([\d.]+)\.</span>', html)
    assert kedalaman[0] == ("0", "1")
    assert ("1", "2.1") in kedalaman
    assert all(int(d) == min(nomor.count("."), 4) for d, nomor in kedalaman)
