"""The importer's word lists are data (fixtures/impor_kata.json): every code they name is one
the models know, and the readers built on them read what offices write."""

from abk.impor import kata
from abk.impor.kata import kata_impor
from abk.impor.nilai import jenjang_dari
from abk.impor.pembaca import TIDAK, TOTAL_PEGAWAI, YA
from abk.impor.pemetaan import KUNCI_BLOK, SATUAN_VOLUME, normalisasi, satuan_volume_judul
from abk.impor.tulis_pegawai import PENDIDIKAN
from abk.impor.unit import jenis_unit, kunci_unit, unit_dari_kepala
from anjab.models import Jabatan
from anjab.models.jabatan import SatuanVolume
from organisasi.models import Instansi, Pegawai, UnitOrganisasi
from organisasi.reference import baca_fixture


def test_every_code_in_the_word_lists_is_a_choice_of_its_model():
    assert set(kata_impor("satuan_volume")) == set(SatuanVolume.values)
    assert set(kata_impor("jenjang")) == set(Jabatan.Jenjang.values)
    assert set(kata_impor("pendidikan")) <= set(Pegawai.Pendidikan.values)
    assert set(kata_impor("label_blok")) <= set(KUNCI_BLOK)
    jenis_unit_ = {a["jenis"] for a in kata_impor("unit")["jenis_dari_awal"]}
    assert jenis_unit_ <= set(UnitOrganisasi.Jenis.values)
    assert set(kata_impor("kepala_daerah")) <= set(Instansi.Jenis.values)
    assert not YA & TIDAK


def test_the_helper_reads_the_fixture_file():
    assert kata.kata_impor("ya_tidak") == baca_fixture("impor_kata.json")["ya_tidak"]


def test_a_volume_unit_is_read_from_its_header():
    assert satuan_volume_judul("Volume per Bulan") == SatuanVolume.BULAN
    assert satuan_volume_judul("Beban kerja / minggu") == SatuanVolume.MINGGU
    assert satuan_volume_judul("Jumlah sebulan") == SatuanVolume.BULAN
    assert satuan_volume_judul("Jumlah Beban Kerja 1 Tahun") == SatuanVolume.TAHUN
    assert satuan_volume_judul("Jumlah hari") is None
    assert SATUAN_VOLUME["pekan"] == SatuanVolume.MINGGU


def test_every_education_code_and_its_usual_spellings_are_known():
    for kode in Pegawai.Pendidikan.values:
        assert PENDIDIKAN[normalisasi(kode)] == kode
    assert PENDIDIKAN[normalisasi("SMK")] == Pegawai.Pendidikan.SLTA
    assert PENDIDIKAN[normalisasi("D3")] == Pegawai.Pendidikan.D3


def test_jenjang_comes_from_its_column_or_the_end_of_the_name():
    assert jenjang_dari("Penyuluh Sosial", "Muda") == Jabatan.Jenjang.AHLI_MUDA
    assert jenjang_dari("Penyuluh Sosial Ahli Pertama") == Jabatan.Jenjang.AHLI_PERTAMA
    assert jenjang_dari("Analis Muda Data") == ""


def test_unit_abbreviations_and_head_titles_are_read():
    assert kunci_unit("Subbag Umum dan Kepegawaian") == kunci_unit("Sub Bagian Umum Kepegawaian")
    assert kunci_unit("UPT Puskesmas") == "uptd puskesmas"
    assert unit_dari_kepala("Kasubbag keuangan dan aset") == "Sub Bagian Keuangan dan Aset"
    assert unit_dari_kepala("Sekretaris Dinas") == "Sekretariat"
    assert unit_dari_kepala("Sekretaris Daerah") is None
    assert jenis_unit("Sub Bidang Data") == UnitOrganisasi.Jenis.SEKSI
    assert jenis_unit("Dinas Sosial") == UnitOrganisasi.Jenis.PERANGKAT_DAERAH


def test_total_rows_are_told_apart_from_positions():
    assert "pembulatan" in TOTAL_PEGAWAI and "analis data" not in TOTAL_PEGAWAI
