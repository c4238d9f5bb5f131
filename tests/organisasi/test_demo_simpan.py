from organisasi.demo import simpan
from organisasi.models import Instansi


def test_simpan_saves_only_what_differs(db):
    instansi = simpan(Instansi, {"nama": "Pemerintah Kota Uji"}, {"nama_daerah": "Uji"})
    assert simpan(Instansi, {"nama": "Pemerintah Kota Uji"}, {"nama_daerah": "Uji"}) == instansi
    assert instansi.history.count() == 1
    simpan(Instansi, {"nama": "Pemerintah Kota Uji"}, {"nama_daerah": "Kota Uji"})
    instansi.refresh_from_db()
    assert instansi.nama_daerah == "Kota Uji" and instansi.history.count() == 2
