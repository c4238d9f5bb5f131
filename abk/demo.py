"""abk's part of load_demo: what Tarakan's 2024 decree printed for each position (kept to be
compared with the computed figures) and the decree itself (seed 001)."""

import datetime as dt

from abk.models import DeklarasiJabatan, Keputusan
from anjab.demo import TARAKAN, desimal, presisi, semua_jabatan_tarakan
from anjab.models import PeriodeAnalisis
from anjab.selectors import Struktur, daftar_informasi_jabatan
from organisasi.demo import simpan
from organisasi.models import UnitOrganisasi
from organisasi.reference import baca_fixture

DINAS = "Dinas Sosial dan Pemberdayaan Masyarakat"


def muat() -> list[str]:
    periode = PeriodeAnalisis.objects.get(instansi__nama=TARAKAN["nama"], nama="ABK 2024")
    dinas = UnitOrganisasi.objects.get(instansi=periode.instansi, nama=DINAS)
    per_nomor = {
        nomor: j
        for nomor, _, j in daftar_informasi_jabatan(Struktur(periode.instansi_id), dinas.pk)
    }
    keputusan = baca_fixture("demo/tarakan/keputusan.json")
    for data in semua_jabatan_tarakan():
        jabatan = per_nomor[data["nomor"]]
        fungsional_ = bool(data["butir"])
        simpan(
            DeklarasiJabatan,
            {"periode": periode, "jabatan": jabatan},
            {
                "sumber": f"Keputusan Wali Kota Tarakan Nomor {keputusan['nomor']}, "
                f"lampiran {data['nomor']}",
                "kebutuhan": desimal(
                    data["butir_formasi_tercetak"] if fungsional_ else data["jumlah_tercetak"]
                ),
                "presisi_kebutuhan": presisi(
                    data["butir_formasi_tercetak"] if fungsional_ else data["jumlah_tercetak"]
                ),
                "beban_kerja_jam": desimal(data["butir_jumlah_tercetak"]) if fungsional_ else None,
                "jumlah_pegawai": int(data["jumlah_pegawai_tercetak"])
                if data["jumlah_pegawai_tercetak"]
                else None,
                "satuan_waktu": data["satuan_waktu_tercetak"],
            },
        )
    units = {"": dinas}
    k = baca_fixture("demo/tarakan/keputusan.json")
    simpan(
        Keputusan,
        {"periode": periode, "unit": units[""]},
        {
            "nomor": k["nomor"],
            "tanggal": dt.date.fromisoformat(k["tanggal"]),
            "menimbang": k["menimbang"],
            "mengingat": k["mengingat"],
            "kesatu": k["memutuskan"]["kesatu"],
            "kedua": k["memutuskan"]["kedua"],
            "ketiga": k["memutuskan"]["ketiga"],
            "ditetapkan_di": k["ditetapkan_di"],
            "penandatangan_jabatan": k["penandatangan_jabatan"] + ",",
            "penandatangan_nama": k["penandatangan_nama"],
            "tembusan": k["tembusan"],
        },
    )
    return [f"Data ABK demo dimuat: {periode.instansi.nama} ({periode.nama})."]
