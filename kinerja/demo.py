"""Demo performance data: seed 002's Renstra, Perjanjian Kinerja 2020 (and its Perubahan),
realisations and budget of Kantor Kesbangpol Kota Pontianak. Loading twice changes nothing."""

from decimal import Decimal

from django.db import transaction

from kinerja.models import (
    AnalisisSasaran,
    Anggaran,
    Indikator,
    IndikatorPK,
    Kegiatan,
    Lakip,
    PerjanjianKinerja,
    Program,
    ProgramPK,
    Realisasi,
    Renstra,
    Sasaran,
    TargetIndikator,
    Tujuan,
)
from kinerja.sistem_kerja.demo import muat_banjar
from organisasi.demo import simpan
from organisasi.models import UnitOrganisasi
from organisasi.reference import baca_fixture


@transaction.atomic
def muat_lakip_pontianak() -> Renstra:
    data = baca_fixture("demo/pontianak_lakip.json")
    unit = UnitOrganisasi.objects.get(
        instansi__nama="Pemerintah Kota Pontianak", nama=data["unit"], parent=None
    )
    r = data["renstra"]
    renstra = simpan(
        Renstra,
        {"unit": unit, "tahun_awal": r["tahun_awal"], "tahun_akhir": r["tahun_akhir"]},
        {"visi": r["visi"], "misi": r["misi"]},
    )
    indikator: dict[str, Indikator] = {}
    sasaran_per_uraian: dict[str, Sasaran] = {}
    for i, t in enumerate(data["tujuan"], 1):
        tujuan = simpan(Tujuan, {"renstra": renstra, "uraian": t["uraian"]}, {"urutan": i})
        for j, s in enumerate(t["sasaran"], 1):
            sasaran = simpan(
                Sasaran,
                {"tujuan": tujuan, "uraian": s["uraian"]},
                {"urutan": j, "kebijakan": "\n".join(s.get("kebijakan", []))},
            )
            sasaran_per_uraian[s["uraian"]] = sasaran
            for k, ind in enumerate(s["indikator"], 1):
                obj = simpan(
                    Indikator,
                    {"sasaran": sasaran, "uraian": ind["uraian"]},
                    {"urutan": k, "satuan": ind["satuan"], "arah": ind["arah"]},
                )
                indikator[ind["kode"]] = obj
                for tahun, nilai in ind["target"].items():
                    simpan(
                        TargetIndikator,
                        {"indikator": obj, "tahun": int(tahun)},
                        {"target": Decimal(nilai)},
                    )
    program: dict[str, Program] = {}
    tahun = data["pk"]["tahun"]
    for i, p in enumerate(data["program"], 1):
        prog = simpan(
            Program,
            {"renstra": renstra, "nama": p["nama"]},
            {
                "urutan": i,
                "sasaran": sasaran_per_uraian.get(p["sasaran"]),
                "indikator": p["indikator"],
                "unit_penanggung_jawab": unit,
            },
        )
        program[p["kode"]] = prog
        for j, (nama, ind, target, pagu, realisasi) in enumerate(p["kegiatan"], 1):
            keg = simpan(
                Kegiatan,
                {"program": prog, "nama": nama},
                {"urutan": j, "indikator": ind, "target": target},
            )
            simpan(
                Anggaran,
                {"program": prog, "kegiatan": keg, "tahun": tahun, "uraian": ""},
                {"urutan": j, "pagu": Decimal(pagu), "realisasi": Decimal(realisasi)},
            )
        for j, (uraian, pagu, realisasi) in enumerate(p.get("langsung", []), 100):
            simpan(
                Anggaran,
                {"program": prog, "kegiatan": None, "tahun": tahun, "uraian": uraian},
                {"urutan": j, "pagu": Decimal(pagu), "realisasi": Decimal(realisasi)},
            )
    pk = data["pk"]
    awal = simpan(
        PerjanjianKinerja,
        {"renstra": renstra, "tahun": tahun, "jenis": "awal"},
        {k: v for k, v in pk["perubahan"].items() if k != "tempat_tanggal"},
    )
    ubah = simpan(
        PerjanjianKinerja,
        {"renstra": renstra, "tahun": tahun, "jenis": "perubahan"},
        {"asal": awal, **pk["perubahan"]},
    )
    for perjanjian in (awal, ubah):
        for i, (kode, target) in enumerate(pk["indikator"], 1):
            simpan(
                IndikatorPK,
                {"perjanjian": perjanjian, "indikator": indikator[kode]},
                {"urutan": i, "target": Decimal(target)},
            )
        for i, (kode, anggaran, ket) in enumerate(pk["program_awal"], 1):
            simpan(
                ProgramPK,
                {"perjanjian": perjanjian, "program": program[kode]},
                {"urutan": i, "anggaran": Decimal(anggaran), "keterangan": ket},
            )
    for kode, th, tw, nilai in data["realisasi"]:
        simpan(
            Realisasi,
            {"indikator": indikator[kode], "tahun": th, "triwulan": tw},
            {"nilai": Decimal(nilai)},
        )
    lk = data["lakip"]
    lakip = simpan(
        Lakip,
        {"renstra": renstra, "tahun": lk["tahun"]},
        {k: v for k, v in lk.items() if k not in ("tahun", "analisis_sasaran")},
    )
    for uraian, analisis in lk.get("analisis_sasaran", {}).items():
        simpan(
            AnalisisSasaran,
            {"lakip": lakip, "sasaran": sasaran_per_uraian[uraian]},
            {"uraian": analisis},
        )
    return renstra


def muat() -> list[str]:
    """kinerja's part of load_demo: the Kesbangpol LAKIP and the Banjar teams."""
    muat_lakip_pontianak()
    banjar = muat_banjar()
    return [
        "Data kinerja demo dimuat: LAKIP 2020 Kesbangpol.",
        f"Data demo dimuat: {banjar.nama} (tim kerja).",
    ]
