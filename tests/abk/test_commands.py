import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook
from pypdf import PdfReader

from anjab.models import Jabatan
from organisasi.models import Instansi


def _rekap(*args) -> dict:
    out = StringIO()
    call_command("abk_rekap", *args, stdout=out)
    return json.loads(out.getvalue())


def test_the_json_rekap_of_the_tarakan_dinas(tarakan):
    data = _rekap(
        "--instansi",
        "Pemerintah Kota Tarakan",
        "--unit",
        str(tarakan["dinas"].pk),
        "--format",
        "json",
    )
    assert len(data["jabatan"]) == 37
    plo = next(j for j in data["jabatan"] if j["nomor"] == "2.1.4")
    for key in [
        "nama_jabatan",
        "unit",
        "jenis",
        "kebutuhan",
        "kebutuhan_dibulatkan",
        "bezetting",
        "selisih",
        "ej",
        "flags",
    ]:
        assert key in plo
    assert plo["nama_jabatan"] == "Penata Layanan Operasional"
    assert plo["unit"] == "Sub Bagian Umum dan Kepegawaian" and plo["jenis"] == "pelaksana"
    assert plo["kebutuhan"] == "2.880000" and plo["kebutuhan_dibulatkan"] == 3
    assert (plo["bezetting"], plo["selisih"], plo["ej"]) == (2, -1, "1.440000")
    assert any("2,640" in f for f in plo["flags"])
    assert data["total"]["kebutuhan_dibulatkan"] == 86
    assert data["total"]["kebutuhan_tercetak_dibulatkan"] == 75


def test_the_instansi_is_found_by_id_and_the_latest_period_is_the_default(tarakan):
    instansi = Instansi.objects.get(nama="Pemerintah Kota Tarakan")
    data = _rekap("--instansi", str(instansi.pk))
    assert data["periode"]["nama"] == "ABK 2024" and data["unit"] is None
    assert len(data["jabatan"]) == 38  # the Dinas and the Sekretaris Daerah
    assert (
        data["periode"]["id"]
        == _rekap("--instansi", "Tarakan", "--periode", str(tarakan["periode"].pk))["periode"]["id"]
    )


@pytest.mark.parametrize(
    ("args", "pesan"),
    [
        (["--instansi", "Kota Atlantis"], "tidak ditemukan"),
        (["--instansi", "Pemerintah Kota", "--format", "json"], "lebih dari satu"),
        (["--instansi", "Tarakan", "--unit", "999999"], "bukan milik"),
        (["--instansi", "Tarakan", "--format", "xlsx"], "--out wajib"),
    ],
)
def test_wrong_arguments_are_explained(tarakan, args, pesan):
    with pytest.raises(CommandError, match=pesan):
        call_command("abk_rekap", *args, stdout=StringIO())


def test_the_xlsx_rekap_is_formatted_and_formulas_stay_text(tarakan, tmp_path):
    jabatan = Jabatan.objects.get(nama="Operator Layanan Operasional")
    jabatan.nama = '=HYPERLINK("http://contoh")'
    jabatan.save()
    out = tmp_path / "rekap.xlsx"
    call_command(
        "abk_rekap",
        "--instansi",
        "Tarakan",
        "--unit",
        str(tarakan["dinas"].pk),
        "--format",
        "xlsx",
        "--out",
        str(out),
        stderr=StringIO(),
    )
    ws = load_workbook(out)["Rekap jabatan"]
    kepala = [c.value for c in ws[4]]
    assert kepala[:3] == ["No.", "Nama jabatan", "Unit"]
    baris = {ws.cell(r, 1).value: r for r in range(5, ws.max_row + 1)}
    r = baris["2.1.4"]
    assert ws.cell(r, 7).value == pytest.approx(2.88) and ws.cell(r, 7).number_format == "#,##0.000"
    nilai = [ws.cell(i, 2) for i in range(5, ws.max_row + 1)]
    formula = next(c for c in nilai if str(c.value).startswith("=HYPERLINK"))
    assert formula.data_type == "s"
    assert ws.cell(ws.max_row, 2).value == "JUMLAH" and ws.cell(ws.max_row, 8).value == 86


def test_render_document_keputusan(tarakan, tmp_path):
    out = tmp_path / "keputusan.pdf"
    call_command(
        "render_document",
        "keputusan",
        "--unit",
        str(tarakan["dinas"].pk),
        "--periode",
        str(tarakan["periode"].pk),
        "--out",
        str(out),
        stdout=StringIO(),
    )
    reader = PdfReader(out)
    awal = " ".join(" ".join(p.extract_text().split()) for p in reader.pages[:4])
    assert "KEPUTUSAN WALI KOTA TARAKAN NOMOR 100.3.3.3 /HK- VI / 333 /2024" in awal
    assert "MEMUTUSKAN" in awal and "KESATU" in awal and "24 Juni 2024" in awal and "BUSTAN" in awal
    assert (
        "DAFTAR INFORMASI JABATAN PADA DINAS SOSIAL DAN PEMBERDAYAAN MASYARAKAT KOTA TARAKAN"
        in awal
    )
    assert "2.1.4. Penata Layanan Operasional" in awal
    assert len(reader.pages) > 100


def test_render_document_keputusan_needs_a_unit(db, tmp_path):
    with pytest.raises(CommandError, match="--unit"):
        call_command("render_document", "keputusan", "--out", str(tmp_path / "x.pdf"))


def test_render_document_peta_jabatan_prints_the_chart_of_the_unit(tarakan, tmp_path):
    """The command named in issue 13: the Dinas's chart on one landscape page, its PLO box
    with seed 001's 5 held and the computed 17 needed."""
    out = tmp_path / "peta.pdf"
    call_command(
        "render_document", "peta-jabatan", "--unit", str(tarakan["dinas"].pk),
        "--periode", str(tarakan["periode"].pk), "--out", str(out), stdout=StringIO(),
    )  # fmt: skip
    (page,) = PdfReader(out).pages
    assert page.mediabox.width > page.mediabox.height
    teks = " ".join(page.extract_text().split())
    assert "Penata Layanan Operasional" in teks and "B 5 · K 17" in teks
    with pytest.raises(CommandError, match="--unit"):
        call_command("render_document", "peta-jabatan", "--out", str(out))
    with pytest.raises(CommandError, match=r"tidak dapat ditulis sebagai \.xlsx"):
        call_command(
            "render_document", "peta-jabatan", "--unit", str(tarakan["dinas"].pk),
            "--out", str(tmp_path / "peta.xlsx"),
        )  # fmt: skip
