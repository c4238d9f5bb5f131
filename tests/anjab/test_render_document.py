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
