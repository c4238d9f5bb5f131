"""The Tarakan Dinas of seed 001 and the Pontianak evaluation of seed 000, as loaded."""

from decimal import Decimal

from anjab.documents import beban_kerja
from anjab.models import Jabatan
from anjab.selectors import Struktur, daftar_informasi_jabatan
from organisasi.models import UnitOrganisasi
from organisasi.reference import baca_fixture
from tests.anjab.conftest import jabatan_demo

DINAS = "Dinas Sosial dan Pemberdayaan Masyarakat"


def test_the_dinas_has_its_37_positions_numbered_as_the_decree_lists_them(demo):
    dinas = UnitOrganisasi.objects.get(nama=DINAS)
    daftar = daftar_informasi_jabatan(Struktur(dinas.instansi_id), dinas.pk)
    seed = baca_fixture("demo/tarakan/keputusan.json")["daftar_informasi_jabatan"]
    assert [nomor for nomor, _, _ in daftar] == [d["nomor"] for d in seed]
    # The decree's list abbreviates the first two names; every other name is the same.
    assert [j.nama for _, _, j in daftar][2:] == [d["nama"] for d in seed][2:]
    assert len(daftar) == 37


def test_the_chain_of_superiors_is_derived_from_the_units(demo):
    plo = jabatan_demo("Penata Layanan Operasional", "Sub Bagian Umum dan Kepegawaian")
    rantai = Struktur(plo.instansi_id).rantai(plo)
    assert rantai["jpt_madya"] is None
    assert rantai["jpt_pratama"].nama == "Kepala Dinas Sosial dan Pemberdayaan Masyarakat"
    assert rantai["administrator"].nama == "Sekretaris Dinas"
    assert rantai["pengawas"].nama == "Kepala Sub Bagian Umum dan Kepegawaian"
    kadis = jabatan_demo("Kepala Dinas Sosial dan Pemberdayaan Masyarakat", DINAS)
    assert Struktur(kadis.instansi_id).rantai(kadis)["jpt_pratama"].nama == "Sekretaris Daerah"


def test_kepala_dinas_is_complete_in_every_section(demo):
    j = jabatan_demo("Kepala Dinas Sosial dan Pemberdayaan Masyarakat", DINAS)
    assert j.jenis == "jpt_pratama" and j.kelas_jabatan == 14
    assert j.ikhtisar.startswith("Memimpin dan melaksanakan urusan pemerintahan")
    assert j.syarat_pendidikan and j.syarat_pengalaman and j.diklat.count() == 3
    for related in ["tugas", "hasil_kerja", "bahan_kerja", "perangkat_kerja", "tanggung_jawab",
                    "wewenang", "korelasi", "kondisi_lingkungan", "keterampilan", "bakat",
                    "temperamen", "minat", "upaya_fisik", "fungsi_pekerjaan"]:  # fmt: skip
        assert getattr(j, related).exists(), related
    assert j.kondisi_lingkungan.count() == 9
    assert [b.kode for b in j.bakat.all()] == ["G", "V", "P"]
    assert j.prestasi_kerja == "Sangat Baik"


def test_seed_001_workload_figures(demo):
    kadis = jabatan_demo("Kepala Dinas Sosial dan Pemberdayaan Masyarakat", DINAS)
    plo = jabatan_demo("Penata Layanan Operasional", "Sub Bagian Umum dan Kepegawaian")
    ps = jabatan_demo("Penyuluh Sosial Ahli Muda", "Bidang Sosial")
    periode = kadis.tugas.first().periode

    b = beban_kerja(kadis, periode)
    assert round(b["kebutuhan"], 3) == round(Decimal("1.202"), 3)
    assert b["dibulatkan"] == 1
    # The decree prints 2.640 for 2.1.4; its rows sum to 2.880.
    b = beban_kerja(plo, periode)
    assert b["kebutuhan"] == Decimal("2.88")
    assert b["dibulatkan"] == 3
    assert plo.deklarasi.get().kebutuhan == Decimal("2.640")
    # 3.1: Σ Wpv = 3,825.50 hours (the decree prints 3,812.94: one AK typed "0:09").
    b = beban_kerja(ps, periode)
    assert ps.butir.count() == 120
    assert b["jumlah_wpv"] == Decimal("3825.50")
    assert round(b["kebutuhan"], 2) == Decimal("3.06")
    assert b["dibulatkan"] == 3


def test_the_pontianak_kepala_kantor_is_evaluated_as_in_seed_000(demo):
    j = Jabatan.objects.get(nama="Kepala Kantor", instansi__nama="Pemerintah Kota Pontianak")
    assert (j.evaluasi.total_nilai, j.evaluasi.kelas) == (2515, 13)
    assert {n.faktor.kode: n.level for n in j.evaluasi.nilai.all()} == {
        "1": 3, "2": 1, "3": 2, "4A": 3, "4B": 3, "5": 3, "6": 2
    }  # fmt: skip
    assert "RUANG LINGKUP" in j.evaluasi.nilai.get(faktor__kode="1").uraian
    assert j.tugas.count() == 13 and j.hasil_kerja.count() == 13
