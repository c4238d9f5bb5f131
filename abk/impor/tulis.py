"""Writing what a workbook says, in one transaction: a dry run is the same code rolled
back, so the preview and the import can never disagree. Importing the same workbook twice
changes nothing; a corrected workbook updates positions in place (unit + name + sequence)."""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext
from simple_history.utils import bulk_create_with_history

from abk.impor.nilai import TINGKAT_NAMA
from abk.impor.pemetaan import normalisasi
from abk.impor.tulis_baris import KOLOM_BUTIR, KOLOM_TUGAS_SIMPAN, PenulisBaris, sama, sisipkan
from abk.impor.tulis_pegawai import PenulisPegawai
from abk.impor.tulis_periksa import PemeriksaTulis
from abk.impor.unit import PohonUnit, jalur_posisi, kunci_unit
from abk.impor.validasi import Galat, HasilBaca, Posisi
from abk.models import DeklarasiJabatan
from anjab.models import ButirKegiatan, Jabatan, TugasJabatan
from organisasi.models import UnitOrganisasi

FK_JABATAN = ["unit", "instansi", "atasan", "jabatan_fungsional", "jabatan_pelaksana"]
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
    # Per position: the need computed from the rows beside the need the workbook printed.
    perbandingan: list[dict] = field(default_factory=list)
    peringatan: list[str] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)
    ambigu: dict = field(default_factory=dict)  # unit name → [(id, path)] to choose from

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
            "perbandingan": [_json(b) for b in self.perbandingan[:2000]],
            "peringatan": self.peringatan[:100],
            "catatan_tulis": self.catatan[:200],
            "ambigu": self.ambigu,
        }


def _json(b: dict) -> dict:
    return {k: (str(v) if isinstance(v, Decimal) else v) for k, v in b.items()}


class _Penulis(PenulisBaris, PemeriksaTulis, PenulisPegawai):
    def __init__(self, hasil, instansi, unit_induk, periode, buat_unit, sumber, progres, **kw):
        self.h, self.instansi, self.induk, self.periode = hasil, instansi, unit_induk, periode
        self.buat_unit, self.sumber, self.progres = buat_unit, sumber, progres
        self.jabatan_tujuan = kw.get("jabatan")
        self.r = Rencana()
        self.pohon = PohonUnit(
            instansi,
            unit_induk,
            buat=buat_unit,
            pilihan={kunci_unit(k): v for k, v in (kw.get("pilihan_unit") or {}).items()},
            galat=self.galat,
        )
        self.faktor = periode.faktor_volume()
        self.posisi_jabatan: dict[tuple, Jabatan] = {}
        self._tugas_cache: dict[int, list[dict]] = {}

    @property
    def lingkup(self) -> set[int]:
        return self.pohon.lingkup

    def galat(self, letak: tuple[str, int], kolom: str, nilai: str, pesan: str):
        self.r.galat.append(Galat(letak[0], letak[1], kolom, nilai, pesan))

    def unit(self, nama: str, letak, *, induk=None, data=None) -> UnitOrganisasi | None:
        if induk is not None:
            jalur = [*self.pohon._jalur_teks(induk).split(" › "), nama]
            return self.pohon.cari(jalur, letak, data)
        return self.pohon.cari([nama], letak, data)

    def jalankan(self) -> Rencana:
        for u in self.h.unit:
            induk = self.unit(u["induk"], u["_baris"]) if u["induk"] else None
            if u["induk"] and induk is None:
                continue
            self.unit(u["nama"], u["_baris"], induk=induk, data=u)
        if self.jabatan_tujuan is not None:
            self._satu_jabatan()
        else:
            self._semua_jabatan()
        self.r.unit_dibuat = [u.nama for u in self.pohon.dibuat]
        self.r.ambigu = self.pohon.ambigu
        for data in self.h.pegawai:
            self.pegawai(data)
        self._bandingkan()
        self._periksa_waktu_efektif()
        return self.r

    def _satu_jabatan(self):
        """A one-position workbook (a form, SIASN's) fills the position the user picked."""
        daftar = list(self.h.posisi.values())
        j = self.jabatan_tujuan
        if len(daftar) != 1:
            nama = ", ".join(p.nama for p in daftar[:5])
            self.galat(
                ("", 0),
                "",
                "",
                gettext(
                    "buku kerja ini berisi %(n)s jabatan (%(nama)s); impor ke satu jabatan "
                    "hanya untuk buku kerja satu jabatan."
                )
                % {"n": len(daftar), "nama": nama},
            )
            return
        self._tulis([(daftar[0], j.unit, j)])

    def _semua_jabatan(self):
        target: list[tuple[Posisi, UnitOrganisasi]] = []
        for p in self.h.posisi.values():
            kepala = p.atribut.get("jenis") not in ("fungsional", "pelaksana")
            jalur = jalur_posisi(
                p.unit, p.nama, p.rantai, kepala=kepala, jenis=p.atribut.get("jenis", "")
            )
            unit = self.pohon.cari(jalur, p.baris_pertama)
            if unit is None:
                continue
            if p.atribut.pop("_tingkat_dari_unit", False):
                self._tingkat_dari_unit(p, unit)
            target.append((p, unit))
        kelompok: dict[tuple, list[Posisi]] = defaultdict(list)
        unit_posisi = {}
        for p, unit in target:
            kelompok[(unit.pk, normalisasi(p.nama))].append(p)
            unit_posisi[id(p)] = unit
        ada = defaultdict(list)
        urutan_akhir: dict[int, int] = defaultdict(int)
        for j in Jabatan.objects.filter(unit_id__in={u.pk for _, u in target}).order_by(
            "urutan", "pk"
        ):
            ada[(j.unit_id, normalisasi(j.nama))].append(j)
            urutan_akhir[j.unit_id] = max(urutan_akhir[j.unit_id], j.urutan)
        rencana = []
        for (unit_id, nama), daftar in kelompok.items():
            for k, p in enumerate(sorted(daftar, key=lambda p: _urut_nomor(p.nomor))):
                lama = ada[(unit_id, nama)]
                rencana.append((p, unit_posisi[id(p)], lama[k] if k < len(lama) else None))
        urutan = {id(p): i for i, p in enumerate(self.h.posisi.values())}
        rencana.sort(key=lambda r: urutan[id(r[0])])
        self._tulis(rencana, urutan_akhir)

    def _tingkat_dari_unit(self, p: Posisi, unit: UnitOrganisasi):
        kedalaman = self.pohon.kedalaman(unit)
        tingkat = ["jpt_pratama", "administrator", "pengawas"][min(kedalaman, 2)]
        if unit.eselon:
            tingkat = {"I": "jpt_madya", "II": "jpt_pratama", "III": "administrator"}.get(
                unit.eselon.split(".")[0], "pengawas"
            )
        p.atribut["jenis"] = tingkat
        self.r.catatan.append(
            gettext(
                "%(nama)s (%(unit)s): “Struktural” dibaca %(tingkat)s (dari letak unitnya pada "
                "pohon organisasi)."
            )
            % {"nama": p.nama, "unit": unit.nama, "tingkat": TINGKAT_NAMA[tingkat]}
        )

    def _tulis(self, rencana: list[tuple], urutan_akhir=None):
        """Positions, their rows and their printed figures, in bulk."""
        urutan_akhir = urutan_akhir if urutan_akhir is not None else defaultdict(int)
        baru, ubah, semua = [], [], []
        for p, unit, j in rencana:
            nilai = {k: v for k, v in p.atribut.items() if k in ATRIBUT}
            if j is None:
                j = Jabatan(unit=unit, instansi=self.instansi, nama=p.nama[:250], jenis="pelaksana")
                nomor = _nomor_akhir(p.nomor)
                if nomor is None:
                    urutan_akhir[unit.pk] += 1
                    nomor = urutan_akhir[unit.pk]
                j.urutan = nomor
                status = "dibuat"
            else:
                status = "tetap"
            berubah = [k for k, v in nilai.items() if getattr(j, k) != v]
            for k in berubah:
                setattr(j, k, nilai[k])
            if status == "dibuat" or berubah:
                try:
                    j.clean_fields(exclude=FK_JABATAN)
                    j.clean()
                except ValidationError as e:
                    self.galat(p.baris_pertama, "Nama jabatan", p.nama, " ".join(e.messages))
                    continue
                if status == "tetap":
                    status = "diperbarui"
                    ubah.append((j, berubah))
                else:
                    baru.append(j)
            semua.append((p, unit, j, status))
        if baru:
            bulk_create_with_history(baru, Jabatan, batch_size=500)
        for j, berubah in ubah:
            j.save(update_fields=berubah)
        ids = [j.pk for _, _, j, _ in semua]
        lama_tugas = self._baris_lama(TugasJabatan, KOLOM_TUGAS_SIMPAN, ids)
        lama_butir = self._baris_lama(ButirKegiatan, KOLOM_BUTIR, ids)
        lama_deklarasi = {
            d.jabatan_id: d
            for d in DeklarasiJabatan.objects.filter(periode=self.periode, jabatan_id__in=ids)
        }
        ganti = {TugasJabatan: [], ButirKegiatan: []}
        isi = {TugasJabatan: [], ButirKegiatan: []}
        deklarasi_baru = []
        total = len(semua)
        for i, (p, unit, j, status) in enumerate(semua):
            self.posisi_jabatan[(normalisasi(p.unit), normalisasi(p.nama), p.nomor)] = j
            tugas = self._tugas_posisi(p)
            butir = [{k: r.get(k) for k in KOLOM_BUTIR} for r in p.butir]
            beda = False
            for model, rows, lama in (
                (TugasJabatan, tugas, lama_tugas),
                (ButirKegiatan, butir, lama_butir),
            ):
                if rows and not sama(lama.get(j.pk, []), rows):
                    beda = True
                    if j.pk in lama:
                        ganti[model].append(j.pk)
                    isi[model].extend(
                        {"jabatan_id": j.pk, "periode_id": self.periode.pk, "urutan": k, **r}
                        for k, r in enumerate(rows, start=1)
                    )
            beda_deklarasi = self._deklarasi(j, p, lama_deklarasi.get(j.pk), deklarasi_baru)
            label = f"{p.nama} ({unit.nama})"
            if status == "dibuat":
                self.r.jabatan["dibuat"] += 1
                self.r.rincian.append(("dibuat", label))
            elif status == "diperbarui" or beda or beda_deklarasi:
                self.r.jabatan["diperbarui"] += 1
                self.r.rincian.append(("diperbarui", label))
            else:
                self.r.jabatan["tetap"] += 1
            if self.progres and (i + 1) % 100 == 0:
                self.progres(i + 1, total)
        for model, pks in ganti.items():
            if pks:
                model.objects.filter(jabatan_id__in=pks, periode=self.periode).delete()
        sisipkan(TugasJabatan, isi[TugasJabatan])
        sisipkan(ButirKegiatan, isi[ButirKegiatan])
        self.r.baris_tugas += len(isi[TugasJabatan])
        self.r.baris_butir += len(isi[ButirKegiatan])
        DeklarasiJabatan.objects.bulk_create(deklarasi_baru, batch_size=500)
        self._semua = semua


def terapkan(
    hasil: HasilBaca,
    *,
    instansi,
    unit_induk,
    periode,
    jabatan=None,
    buat_unit=False,
    hanya_sah=False,
    kering=False,
    sumber="",
    progres=None,
    pilihan_unit=None,
) -> Rencana:
    """Writes the workbook (or, with `kering`, shows what it would write). With row errors
    and without `hanya_sah`, nothing is written either."""
    with transaction.atomic():
        penulis = _Penulis(
            hasil,
            instansi,
            unit_induk,
            periode,
            buat_unit,
            sumber,
            progres,
            jabatan=jabatan,
            pilihan_unit=pilihan_unit,
        )
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


def _nomor_akhir(nomor: str) -> int | None:
    m = re.search(r"(\d+)\s*$", nomor or "")
    return int(m.group(1)) if m and not nomor.startswith("#") else None


def _urut_nomor(nomor: str):
    return [int(x) if x.isdigit() else 0 for x in re.findall(r"\d+", nomor or "")]
