"""The words legacy workbooks are written in, as data: fixtures/impor_kata.json (volume units,
form labels, total rows, jenjang, education, unit abbreviations, head titles) beside the header
synonyms (impor_sinonim.json) and the jenis words (impor_jenis_jabatan.json)."""

from functools import cache

from organisasi.reference import baca_fixture


@cache
def kata_impor(bagian: str):
    """One section of fixtures/impor_kata.json ("satuan_volume", "unit" …)."""
    return baca_fixture("impor_kata.json")[bagian]
