"""Writing what a workbook says, in one transaction: a dry run is the same code rolled
back, so the preview and the import can never disagree. Importing the same workbook twice
changes nothing; a corrected workbook updates positions in place (unit + name + sequence)."""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from abk.impor.pemetaan import normalisasi
from abk.impor.validasi import Galat, HasilBaca, Posisi
from abk.models import DeklarasiJabatan
from anjab.models import ButirKegiatan, Jabatan, TugasJabatan
from organisasi.models import PangkatGolongan, Pegawai, UnitOrganisasi

KOLOM_TUGAS = ["uraian", "hasil_kerja", "volume", "waktu", "kebutuhan_tercetak"]
KOLOM_BUTIR = [
    "unsur",
    "sub_unsur",
    "kegiatan",
    "kode",
    "butir_kegiatan",
    "angka_kredit",
    "konstanta",
    "volume",
    "satuan",
    "wpk_tercetak",
    "wpv_tercetak",
]
ATRIBUT = [
    "kode",
    "ikhtisar",
    "syarat_pendidikan",
    "syarat_pengalaman",
    "kelas_jabatan",
    "bezetting_diisi",
    "jenis",
    "jenjang",
    "kepala_unit",
]
PENDIDIKAN = {
    normalisasi(k): k
    for k in ["SD", "SLTP", "SLTA", "D-I", "D-II", "D-III", "D-IV", "S-1", "S-2", "S-3"]
}
PENDIDIKAN.update(
    {
        "smp": "SLTP",
        "sma": "SLTA",
        "smk": "SLTA",
        "d1": "D-I",
        "d2": "D-II",
        "d3": "D-III",
        "d4": "D-IV",
        "s1": "S-1",
        "s2": "S-2",
        "s3": "S-3",
    }
)


@dataclass
class Rencana:
    jabatan: dict = field(default_factory=lambda: {"dibuat": 0, "diperbarui": 0, "tetap": 0})
    pegawai: dict = field(default_factory=lambda: {"dibuat": 0, "diperbarui": 0, "tetap": 0})
    unit_dibuat: list[str] = field(default_factory=list)
    baris_tugas: int = 0
    baris_butir: int = 0
    deklarasi: int = 0
    rincian: list[tuple[str, str]] = field(default_factory=list)
    galat: list[Galat] = field(default_factory=list)
    ditulis: bool = False

    @property
    def ada_perubahan(self) -> bool:
        return bool(
            self.jabatan["dibuat"]
            or self.jabatan["diperbarui"]
            or self.pegawai["dibuat"]
            or self.pegawai["diperbarui"]
            or self.unit_dibuat
        )

    def sebagai_dict(self) -> dict:
        return {
            "jabatan": self.jabatan,
            "pegawai": self.pegawai,
            "unit_dibuat": self.unit_dibuat,
            "baris_tugas": self.baris_tugas,
            "baris_butir": self.baris_butir,
            "deklarasi": self.deklarasi,
            "rincian": self.rincian[:500],
            "ditulis": self.ditulis,
        }


class _Penulis:
    def __init__(self, hasil, instansi, unit_induk, periode, buat_unit, sumber, progres):
        self.h, self.instansi, self.induk, self.periode = hasil, instansi, unit_induk, periode
        self.buat_unit, self.sumber, self.progres = buat_unit, sumber, progres
        self.r = Rencana()
        qs = UnitOrganisasi.objects.filter(instansi=instansi)
        if unit_induk is not None:
            qs = qs.filter(pk__in=UnitOrganisasi.objects.descendants(unit_induk, include_self=True))
        self.unit_per_nama: dict[str, list[UnitOrganisasi]] = defaultdict(list)
        self.lingkup: set[int] = set()
        for u in qs:
            self.unit_per_nama[normalisasi(u.nama)].append(u)
            self.lingkup.add(u.pk)
        self.posisi_jabatan: dict[tuple, Jabatan] = {}

    def galat(self, letak: tuple[str, int], kolom: str, nilai: str, pesan: str):
        self.r.galat.append(Galat(letak[0], letak[1], kolom, nilai, pesan))

    def unit(
        self, nama: str, letak, *, induk: UnitOrganisasi | None = None, data: dict | None = None
    ) -> UnitOrganisasi | None:
        if not nama:
            if self.induk is None:
                self.galat(letak, "Unit", "", "pilih unit tujuan impor atau sertakan kolom Unit.")
            return self.induk
        cocok = self.unit_per_nama.get(normalisasi(nama), [])
        if len(cocok) == 1:
            return cocok[0]
        if len(cocok) > 1:
            self.galat(
                letak,
                "Unit",
                nama,
                "ada lebih dari satu unit bernama ini; pilih unit tujuan yang lebih sempit.",
            )
            return None
        if not self.buat_unit:
            self.galat(
                letak,
                "Unit",
                nama,
                "tidak ditemukan pada instansi/unit tujuan; aktifkan “buat unit baru” bila "
                "memang unit baru.",
            )
            return None
        data = data or {}
        unit = UnitOrganisasi(
            instansi=self.instansi,
            parent=induk or self.induk,
            nama=nama,
            jenis=_kode_jenis_unit(data.get("jenis", "")) or _jenis_unit(nama),
            eselon=data.get("eselon", "") if data.get("eselon") in ESELON else "",
            urutan=len(self.r.unit_dibuat) + 1,
        )
        unit.full_clean()
        unit.save()
        self.unit_per_nama[normalisasi(nama)].append(unit)
        self.lingkup.add(unit.pk)
        self.r.unit_dibuat.append(nama)
        return unit

    def jalankan(self) -> Rencana:
        for u in self.h.unit:
            induk = self.unit(u["induk"], u["_baris"]) if u["induk"] else None
            if u["induk"] and induk is None:
                continue
            self.unit(u["nama"], u["_baris"], induk=induk, data=u)
        kelompok: dict[tuple, list[Posisi]] = defaultdict(list)
        target: dict[int, UnitOrganisasi] = {}
        for p in self.h.posisi.values():
            unit = self.unit(p.unit, p.baris_pertama)
            if unit is None:
                continue
            target[id(p)] = unit
            kelompok[(unit.pk, normalisasi(p.nama))].append(p)
        ada = defaultdict(list)
        for j in Jabatan.objects.filter(unit_id__in={u.pk for u in target.values()}).order_by(
            "urutan", "pk"
        ):
            ada[(j.unit_id, normalisasi(j.nama))].append(j)
        total = len(self.h.posisi)
        for i, ((unit_id, _), daftar) in enumerate(kelompok.items()):
            for k, p in enumerate(sorted(daftar, key=lambda p: _urut_nomor(p.nomor))):
                lama = ada[(unit_id, normalisasi(p.nama))]
                self.jabatan(p, target[id(p)], lama[k] if k < len(lama) else None)
            if self.progres:
                self.progres(i + 1, total)
        for data in self.h.pegawai:
            self.pegawai(data)
        return self.r

    def jabatan(self, p: Posisi, unit: UnitOrganisasi, j: Jabatan | None):
        nilai = {k: v for k, v in p.atribut.items() if k in ATRIBUT}
        baru = j is None
        if baru:
            j = Jabatan(unit=unit, instansi=self.instansi, nama=p.nama, jenis="pelaksana")
            j.urutan = _nomor_akhir(p.nomor) or (
                (
                    Jabatan.objects.filter(unit=unit)
                    .order_by("-urutan")
                    .values_list("urutan", flat=True)
                    .first()
                    or 0
                )
                + 1
            )
        berubah = [k for k, v in nilai.items() if getattr(j, k) != v]
        for k in berubah:
            setattr(j, k, nilai[k])
        if baru or berubah:
            try:
                j.full_clean()
            except ValidationError as e:
                self.galat(p.baris_pertama, "Nama jabatan", p.nama, " ".join(e.messages))
                return
            j.save()
        self.posisi_jabatan[(normalisasi(p.unit), normalisasi(p.nama), p.nomor)] = j
        ubah_baris = self.baris(j, TugasJabatan, KOLOM_TUGAS, p.tugas) | self.baris(
            j, ButirKegiatan, KOLOM_BUTIR, p.butir
        )
        ubah_deklarasi = self.deklarasi(j, p)
        if baru:
            self.r.jabatan["dibuat"] += 1
            self.r.rincian.append(("dibuat", f"{p.nama} ({unit.nama})"))
        elif berubah or ubah_baris or ubah_deklarasi:
            self.r.jabatan["diperbarui"] += 1
            self.r.rincian.append(("diperbarui", f"{p.nama} ({unit.nama})"))
        else:
            self.r.jabatan["tetap"] += 1

    def baris(self, j: Jabatan, model, kolom: list[str], rows: list[dict]) -> bool:
        if not rows:
            return False
        baru = [{k: r.get(k) for k in kolom} for r in rows]
        lama = list(
            model.objects.filter(jabatan=j, periode=self.periode)
            .order_by("urutan", "pk")
            .values(*kolom)
        )
        if _sama(lama, baru):
            return False
        model.objects.filter(jabatan=j, periode=self.periode).delete()
        model.objects.bulk_create(
            model(jabatan=j, periode=self.periode, urutan=i, **r)
            for i, r in enumerate(baru, start=1)
        )
        if model is TugasJabatan:
            self.r.baris_tugas += len(baru)
        else:
            self.r.baris_butir += len(baru)
        return True

    def deklarasi(self, j: Jabatan, p: Posisi) -> bool:
        """Stores the totals the workbook printed; only the figures it carries are touched."""
        d = p.deklarasi
        if not d:
            return False
        nilai = {}
        if "kebutuhan" in d:
            nilai["kebutuhan"] = d["kebutuhan"]
            nilai["presisi_kebutuhan"] = _presisi(d["kebutuhan"])
        for kunci in ("beban_kerja_jam", "jumlah_pegawai"):
            if kunci in d:
                nilai[kunci] = d[kunci]
        if p.satuan_waktu_tercetak:
            nilai["satuan_waktu"] = p.satuan_waktu_tercetak
        lama = DeklarasiJabatan.objects.filter(periode=self.periode, jabatan=j).first()
        if lama is not None and all(_setara(getattr(lama, k), v) for k, v in nilai.items()):
            return False
        nilai["sumber"] = self.sumber[:300]
        DeklarasiJabatan.objects.update_or_create(periode=self.periode, jabatan=j, defaults=nilai)
        self.r.deklarasi += 1
        return True

    def pegawai(self, data: dict):
        letak = data["_baris"]
        unit = self.unit(data["unit"], letak) if data["unit"] else None
        if data["unit"] and unit is None:
            return
        jabatan = None
        if data["nama_jabatan"]:
            jabatan = self._cari_jabatan(data, unit)
            if jabatan is None:
                self.galat(
                    letak,
                    "Nama jabatan",
                    data["nama_jabatan"],
                    "tidak ditemukan pada unit pegawai ini.",
                )
                return
            unit = unit or jabatan.unit
        golongan = None
        if data["golongan"]:
            jenis = "PPPK" if data["status"] == "PPPK" else "PNS"
            golongan = PangkatGolongan.objects.filter(
                jenis_asn=jenis, kode__iexact=data["golongan"]
            ).first()
            if golongan is None:
                self.galat(
                    letak, "Golongan", data["golongan"], f"bukan golongan {jenis} yang dikenal."
                )
                return
        pendidikan = (
            PENDIDIKAN.get(normalisasi(data["pendidikan"]), "") if data["pendidikan"] else ""
        )
        if data["pendidikan"] and not pendidikan:
            self.galat(
                letak,
                "Pendidikan",
                data["pendidikan"],
                "bukan jenjang pendidikan yang dikenal (SLTA, D-III, S-1 …).",
            )
            return
        nilai = {
            "nama": data["nama"],
            "gelar_depan": data["gelar_depan"],
            "gelar_belakang": data["gelar_belakang"],
            "status": data["status"],
            "golongan": golongan,
            "pendidikan": pendidikan,
        }
        if unit is not None:
            nilai["unit"] = unit
        if jabatan is not None:
            nilai["jabatan"] = jabatan
        p = Pegawai.objects.filter(instansi=self.instansi, nip=data["nip"]).first()
        if p is not None and self.induk is not None and p.unit_id not in self.lingkup:
            self.galat(
                letak, "NIP", data["nip"], "terdaftar pada unit di luar unit tujuan impor ini."
            )
            return
        baru = p is None
        if baru:
            p = Pegawai(instansi=self.instansi, nip=data["nip"])
        berubah = [k for k, v in nilai.items() if getattr(p, k) != v]
        if not baru and not berubah:
            self.r.pegawai["tetap"] += 1
            return
        for k in berubah:
            setattr(p, k, nilai[k])
        try:
            p.full_clean()
        except ValidationError as e:
            self.galat(letak, "NIP", data["nip"], " ".join(e.messages))
            return
        p.save()
        self.r.pegawai["dibuat" if baru else "diperbarui"] += 1

    def _cari_jabatan(self, data, unit) -> Jabatan | None:
        nama = normalisasi(data["nama_jabatan"])
        for (_u, n, nomor), j in self.posisi_jabatan.items():
            if (
                n == nama
                and (not data["nomor"] or data["nomor"] == nomor)
                and (unit is None or j.unit_id == unit.pk)
            ):
                return j
        qs = Jabatan.objects.filter(instansi=self.instansi)
        if unit is not None:
            qs = qs.filter(unit=unit)
        cocok = [j for j in qs if normalisasi(j.nama) == nama]
        return cocok[0] if len(cocok) == 1 else None


def terapkan(
    hasil: HasilBaca,
    *,
    instansi,
    unit_induk,
    periode,
    buat_unit=False,
    hanya_sah=False,
    kering=False,
    sumber="",
    progres=None,
) -> Rencana:
    """Writes the workbook (or, with `kering`, shows what it would write). With row errors
    and without `hanya_sah`, nothing is written either."""
    with transaction.atomic():
        penulis = _Penulis(hasil, instansi, unit_induk, periode, buat_unit, sumber, progres)
        try:
            rencana = penulis.jalankan()
        except ValidationError as e:
            penulis.r.galat.append(Galat("", 0, "", "", " ".join(e.messages)))
            rencana = penulis.r
        semua_galat = hasil.galat + rencana.galat
        if kering or (semua_galat and not hanya_sah):
            transaction.set_rollback(True)
        else:
            rencana.ditulis = True
    return rencana


def _sama(lama: list[dict], baru: list[dict]) -> bool:
    return len(lama) == len(baru) and all(
        all(_setara(a.get(k), b.get(k)) for k in b) for a, b in zip(lama, baru, strict=True)
    )


def _setara(a, b) -> bool:
    """Equal as stored values: "" and None alike, 12 and 12.00 alike, but 0 is not empty."""
    if a in ("", None) and b in ("", None):
        return True
    angka = (Decimal, int, float)
    if isinstance(a, angka) and isinstance(b, angka):
        return Decimal(str(a)) == Decimal(str(b))
    return a == b


def _presisi(v) -> int:
    if v is None:
        return 3
    return max(0, -Decimal(v).as_tuple().exponent)


def _nomor_akhir(nomor: str) -> int | None:
    m = re.search(r"(\d+)\s*$", nomor or "")
    return int(m.group(1)) if m and not nomor.startswith("#") else None


def _urut_nomor(nomor: str):
    return [int(x) if x.isdigit() else 0 for x in re.findall(r"\d+", nomor or "")]


ESELON = set(UnitOrganisasi.Eselon.values)


def _kode_jenis_unit(teks: str) -> str:
    t = normalisasi(teks)
    for kode, label in UnitOrganisasi.Jenis.choices:
        if t in (normalisasi(kode), normalisasi(label)):
            return kode
    return ""


def _jenis_unit(nama: str) -> str:
    n = normalisasi(nama)
    for awal, jenis in (
        ("sekretariat", "sekretariat"),
        ("bidang", "bidang"),
        ("bagian", "bagian"),
        ("sub bagian", "subbagian"),
        ("subbagian", "subbagian"),
        ("seksi", "seksi"),
        ("uptd", "uptd"),
        ("kelompok", "kelompok_fungsional"),
    ):
        if n.startswith(awal):
            return jenis
    return "perangkat_daerah"
