"""Laporan Hasil Penghitungan Ulang (issue 13 item 6): for seed 001's Dinas, every printed
figure the 2024 decree got wrong, as printed, as computed, the difference and its cause — as
PDF and xlsx, through the page and the command."""

import io
import re
from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from abk.koreksi import laporan_koreksi


def _teks_pdf(pdf: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


def _masuk(username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def test_the_report_gathers_what_the_decree_printed_wrong_position_by_position(tarakan):
    laporan = laporan_koreksi(tarakan["periode"], tarakan["dinas"])
    assert (laporan.jumlah_jabatan, laporan.jumlah_tercetak, laporan.jumlah_hitung) == (37, 75, 86)
    assert laporan.selisih == 11
    per_nomor = {j.nomor: j for j in laporan.jabatan}
    assert set(per_nomor) == {"2.1.4", "3.1", "3.9", "5", "7", "10"}

    plo = per_nomor["2.1.4"]
    (kebutuhan,) = plo.jumlah
    assert (kebutuhan.tercetak, kebutuhan.hitung, kebutuhan.selisih) == (
        Decimal("2.64"),
        Decimal("2.880"),
        Decimal("0.24"),
    )
    # Its rows were printed right; the decree added them up wrong.
    assert plo.penyebab == []
    assert plo.catatan == [
        "Rincian yang tercetak berjumlah 2,880, bukan 2,640: jumlahnya salah dijumlahkan."
    ]

    # 3.9 printed 14 people where its tasks need 17.
    jumlah = {t.angka: (t.tercetak, t.hitung) for t in per_nomor["3.9"].jumlah}
    assert jumlah["Jumlah pegawai (dibulatkan)"] == (Decimal(14), Decimal(17))
    # 3.1's printed Wpv total is off because one credit row's Wpk was printed wrong.
    (butir,) = per_nomor["3.1"].penyebab
    assert (butir.angka, butir.tercetak, butir.hitung) == (
        "Butir 28 (Membahas rancangan materi penyuluhan sosial ind…): Wpk (AK ÷ Kt)",
        Decimal("0.31"),
        Decimal("4.50"),
    )


def test_the_pdf_and_the_xlsx_from_the_rekap_pages_links(tarakan):
    client = _masuk("tarakan")
    q = {"periode": tarakan["periode"].pk, "unit": tarakan["dinas"].pk}
    kualitas = client.get(reverse("abk:kualitas"), q).content.decode()
    assert reverse("abk:laporan_koreksi") in kualitas
    pdf = client.get(reverse("abk:laporan_koreksi"), q)
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    teks = _teks_pdf(pdf.content)
    assert "LAPORAN HASIL PENGHITUNGAN ULANG" in teks
    assert "tercetak 75 orang; hasil hitung ulang 86 orang (selisih +11 orang)" in teks
    assert "Penata Layanan Operasional" in teks and "2,640 2,880 +0,240" in teks
    # the row named by its words too: the Informasi Jabatan numbers its unsur, not its rows
    assert "Butir 28 (Membahas rancangan materi penyuluhan sosial ind…): Wpk (AK ÷ Kt) " in teks
    assert "Kt) 0,31 4,50 +4,19" in teks
    assert "Halaman 1 dari" in teks

    xlsx = client.get(reverse("abk:laporan_koreksi_xlsx"), q)
    assert xlsx.status_code == 200
    ws = load_workbook(io.BytesIO(xlsx.content)).active
    baris = [r for r in ws.iter_rows(min_row=6, values_only=True)]
    assert (baris[0][0], baris[0][3]) == ("2.1.4", "Kebutuhan pegawai")
    assert [Decimal(str(v)) for v in baris[0][4:7]] == [
        Decimal("2.64"),
        Decimal("2.88"),
        Decimal("0.24"),
    ]
    assert any(
        r[0] == "3.9" and r[3] == "Jumlah pegawai (dibulatkan)" and r[4:7] == (14, 17, 3)
        for r in baris
    )


def test_another_instansi_gets_404_for_the_dinas_report(tarakan):
    client = _masuk("banjar")
    q = {"periode": tarakan["periode"].pk, "unit": tarakan["dinas"].pk}
    assert client.get(reverse("abk:laporan_koreksi"), q).status_code == 404
    assert client.get(reverse("abk:laporan_koreksi_xlsx"), q).status_code == 404


def test_render_document_writes_the_format_of_the_extension(tarakan, tmp_path):
    unit = str(tarakan["dinas"].pk)
    call_command(
        "render_document",
        "laporan-koreksi",
        "--unit",
        unit,
        "--out",
        str(tmp_path / "k.pdf"),
        stdout=StringIO(),
    )
    assert "Penggerak Swadaya Masyarakat Ahli Pertama" in _teks_pdf(
        (tmp_path / "k.pdf").read_bytes()
    )
    call_command(
        "render_document",
        "laporan-koreksi",
        "--unit",
        unit,
        "--out",
        str(tmp_path / "k.xlsx"),
        stdout=StringIO(),
    )
    assert load_workbook(tmp_path / "k.xlsx").active["A1"].value.startswith("LAPORAN HASIL")
    with pytest.raises(CommandError, match=r"pilih \.pdf, \.docx, \.xlsx\."):
        call_command(
            "render_document",
            "laporan-koreksi",
            "--unit",
            unit,
            "--out",
            str(tmp_path / "k.odt"),
            stdout=StringIO(),
        )
    assert not (tmp_path / "k.odt").exists()
