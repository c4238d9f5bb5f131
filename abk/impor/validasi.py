"""Every row of every sheet becomes a typed record or a precise Indonesian error
("Sheet Tugas, baris 57, kolom Angka Kredit (E57): '0:09' bukan angka."). Nothing is written
here. Rows are classified one by one (a row with AK and Kt is a credit row, a row with a
waktu penyelesaian is a task), so one sheet may mix both, as the decree's own tables do."""

from dataclasses import replace
from itertools import pairwise

from django.utils.translation import gettext as _

from abk.impor.baca import Lembar, Sel, teks_sel
from abk.impor.baris import PembacaBaris
from abk.impor.daftar import PembacaDaftar
from abk.impor.nilai import KamusJenis, NilaiTidakSah, angka
from abk.impor.pembaca import (
    BULAT_LAZIM,
    TOTAL_KEBUTUHAN,
    TOTAL_KEBUTUHAN_PEGAWAI,
    TOTAL_PEGAWAI,
    Galat,
    HasilBaca,
    Pembaca,
    Posisi,
    _angka_sel,
    _angka_teks,
    _isi,
    _kunci_nomor,
    _tanda,
    _teks_pertama,
)
from abk.impor.pemetaan import (
    PetaLembar,
    Sinonim,
    baris_kunci_nilai,
    baris_nomor_kolom,
    buat_peta,
    gabung_judul,
    lebih_jelas,
    normalisasi,
    peta_baris,
)

# Columns that describe the position itself, not its task.
KOLOM_ATRIBUT = {
    "kode_jabatan",
    "ikhtisar",
    "pendidikan_syarat",
    "pengalaman",
    "eselon",
    "kelas",
    "bezetting",
    "kepala_unit",
    "jenis_jabatan",
    "jenjang",
    "rantai_jpt_madya",
    "rantai_jpt_pratama",
    "rantai_administrator",
    "rantai_pengawas",
}

__all__ = ["BULAT_LAZIM", "Galat", "HasilBaca", "NilaiTidakSah", "Posisi", "angka", "baca_semua"]


class PembacaBuku(PembacaBaris, PembacaDaftar, Pembaca):
    """Turns mapped sheets into positions, tasks, credit rows, employees and units."""

    def baca_tabel(self, lembar: Lembar, peta: PetaLembar):
        """A sheet of tables: one flat table, tables stacked, or forms (a key/value block and
        its table, once or many times). Header rows met further down start a new table."""
        utama = self._kolom_nomor_tertaut(lembar, peta)
        tanda_utama = _tanda([Sel(j or None) for j in peta.judul])
        blok: dict = {}
        seg = None
        ctx: dict = {}
        for baris, sel in lembar.baris:
            if seg is None and baris < utama.baris_judul:
                kv = baris_kunci_nilai(sel, self.sinonim)
                if kv:
                    blok[kv[0]] = kv[1]
                continue
            if baris == utama.baris_judul:
                seg, ctx = self._mulai(lembar, utama, blok, baris)
                blok = {}
                continue
            kolom = peta_baris(sel, self.sinonim, teliti=False)
            if kolom and not any(_angka_sel(s) for s in sel):
                if _tanda(sel) == tanda_utama:
                    baru = replace(utama, baris_judul=baris, catatan=[])
                else:
                    baru = buat_peta(lembar.nama, baris, sel, kolom)
                seg, ctx = self._mulai(lembar, baru, blok, baris)
                ctx["judul_atas"] = (baris, sel)
                blok = {}
                continue
            atas = ctx.pop("judul_atas", None)
            if atas is not None and baris == atas[0] + 1:
                dua = gabung_judul(lembar, atas[0], atas[1], sel, self.sinonim)
                if dua is not None and lebih_jelas(dua[1], seg.kolom, dua[0], atas[1]):
                    seg = buat_peta(lembar.nama, baris, [Sel(j or None) for j in dua[0]], dua[1])
                    ctx["peta"] = seg
                    self.h.lembar[-1]["kolom"] = {dua[0][i]: f for i, f in seg.kolom.items()}
                    self.h.lembar[-1]["satuan_waktu"] = seg.satuan_waktu
                    continue
            if baris_nomor_kolom(sel):
                continue
            kv = baris_kunci_nilai(sel, self.sinonim, titik_dua=True)
            if kv and (ctx.get("selesai") or ctx.get("tutup") or not ctx.get("ada_baris")):
                blok[kv[0]] = kv[1]
                ctx["selesai"] = True  # a new form's block: its own header follows
                continue
            self.h.jumlah_baris += 1
            self._baris_tabel(seg, baris, sel, ctx)

    def _kolom_nomor_tertaut(self, lembar: Lembar, peta: PetaLembar) -> PetaLembar:
        """A bare "No" column of a task sheet is the positions sheet's number when its values
        repeat row after row and are that sheet's numbers; otherwise it numbers the tasks."""
        f = set(peta.kolom.values())
        if not self.daftar or "nomor" in f or "unit" in f:
            return peta
        for i, j in enumerate(peta.judul):
            if i in peta.kolom or normalisasi(j) not in {"no", "nomor", "no urut", "nomor urut"}:
                continue
            nilai = [
                teks_sel(sel[i].nilai)
                for n, sel in lembar.baris
                if n > peta.baris_judul and i < len(sel) and sel[i].nilai is not None
            ]
            if len(nilai) < 2:
                return peta
            ulang = sum(a == b for a, b in pairwise(nilai)) / (len(nilai) - 1)
            dikenal = sum(bool(self.per_nomor.get(_kunci_nomor(v))) for v in nilai) / len(nilai)
            if ulang >= 0.5 and dikenal >= 0.8:
                baru = replace(peta, kolom={**peta.kolom, i: "nomor"})
                self.h.catatan.append(
                    _(
                        "Sheet %(lembar)s: kolom “%(kolom)s” berisi nomor jabatan pada Sheet "
                        "%(lembar_jabatan)s; baris ditautkan menurut nomor itu."
                    )
                    % {"lembar": peta.lembar, "kolom": j, "lembar_jabatan": self.lembar_jabatan}
                )
                return baru
        return peta

    def _mulai(self, lembar, peta: PetaLembar, blok: dict, baris: int):
        """A table starts: its position comes from the block above it, else from its rows."""
        ctx: dict = {"unit": blok.get("unit", ""), "blok": blok, "peta": peta}
        info = {
            "lembar": peta.lembar,
            "baris_judul": baris,
            "kolom": {peta.judul[i]: f for i, f in peta.kolom.items() if i < len(peta.judul)},
            "satuan_waktu": peta.satuan_waktu,
            "satuan_volume": peta.satuan_volume,
        }
        if blok.get("waktu_efektif_tercetak"):
            v = _angka_teks(blok["waktu_efektif_tercetak"])
            if v:
                self._catat_waktu_efektif(peta.lembar, v)
        tanpa_nama = not {"nama_jabatan", "nomor", "kode_jabatan"} & set(peta.kolom.values())
        if tanpa_nama:
            nama = blok.get("nama_jabatan") or ""
            if nama:
                info["tautan"] = _("jabatan dari blok isian di atas tabel: %(nama)s") % {
                    "nama": nama
                }
                info["tata_letak"] = "formulir"
            else:
                nama = peta.lembar
                info["tautan"] = _("jabatan dari nama sheet: %(nama)s") % {"nama": nama}
                info["tata_letak"] = "formulir"
            p = None
            if self.daftar:
                p = self.tautkan(
                    peta,
                    baris,
                    [],
                    nama=nama,
                    nomor=blok.get("nomor", ""),
                    kode=blok.get("kode_jabatan", ""),
                    unit=ctx["unit"],
                )
            if p is None:
                p = self.posisi(peta, baris, ctx["unit"], nama, blok.get("nomor", ""))
            p.sel_nama = p.sel_nama or _("%(lembar)s baris %(baris)s") % {
                "lembar": peta.lembar,
                "baris": baris,
            }
            if blok:
                self.atribut(peta, baris, [], p, nilai_blok=blok)
            ctx.update(posisi=p, dari_blok=True)
        elif self.daftar and "unit" not in peta.kolom.values():
            info["tautan"] = (
                _("baris ditautkan ke Sheet %(lembar)s menurut nomor jabatan")
                if "nomor" in peta.kolom.values()
                else _("baris ditautkan ke Sheet %(lembar)s menurut nama jabatan")
            ) % {"lembar": self.lembar_jabatan}
            info["tata_letak"] = "tertaut"
        elif self.daftar:
            info["tautan"] = _("baris ditautkan ke Sheet %(lembar)s") % {
                "lembar": self.lembar_jabatan
            }
            info["tata_letak"] = "tertaut"
        else:
            info["tautan"] = _("jabatan (dan unit) ditulis pada setiap baris")
            info["tata_letak"] = "datar"
        self.h.lembar.append(info)
        return peta, ctx

    def _posisi_baris(self, peta, baris, sel, ctx) -> Posisi | None:
        if ctx.get("dari_blok"):
            return ctx["posisi"]
        nama = self.teks(peta, sel, "nama_jabatan")
        nomor = self.teks(peta, sel, "nomor")
        kode = self.teks(peta, sel, "kode_jabatan")
        unit = self.teks(peta, sel, "unit") or ctx.get("unit_baris", "") or ctx.get("unit", "")
        if not (nama or nomor or kode):
            return None if ctx.get("gagal") or ctx.get("tutup") else ctx.get("posisi")
        if self.teks(peta, sel, "unit"):
            ctx["unit_baris"] = unit
        lama = ctx.get("posisi")
        if (
            lama is not None
            and not ctx.get("tutup")
            and not ctx.get("gagal")
            and (not nama or normalisasi(nama) == normalisasi(lama.nama))
            and (not nomor or nomor == ctx.get("nomor"))
            and (not kode or kode == ctx.get("kode"))
            and normalisasi(unit) == normalisasi(ctx.get("unit_posisi", ""))
        ):
            return lama
        # A row that states its unit and name stands on its own: it may add a position the
        # positions sheet lacks. A row without its unit must point at a listed position.
        mandiri = {"unit", "nama_jabatan"} <= set(peta.kolom.values())
        p = None
        if self.daftar:
            p = self.tautkan(
                peta, baris, sel, nama=nama, nomor=nomor, kode=kode, unit=unit, wajib=not mandiri
            )
        if p is None and (mandiri or not self.daftar):
            p = self.posisi(peta, baris, unit, nama or kode or nomor, nomor)
            if not p.sel_nama:
                p.sel_nama = self.ref(peta, "nama_jabatan", baris)
        ctx.update(posisi=p, nomor=nomor, kode=kode, unit_posisi=unit, tutup=False, gagal=p is None)
        return p

    def _baris_tabel(self, peta: PetaLembar, baris: int, sel: list[Sel], ctx: dict):
        uraian = self.teks(peta, sel, "uraian_tugas")
        teks_butir = self.teks(peta, sel, "butir_kegiatan")
        label = uraian or teks_butir or self.teks(peta, sel, "kegiatan") or _teks_pertama(sel)
        if normalisasi(label) in TOTAL_PEGAWAI | TOTAL_KEBUTUHAN | TOTAL_KEBUTUHAN_PEGAWAI:
            self._total(peta, sel, ctx.get("posisi"), label)
            if normalisasi(label) in TOTAL_PEGAWAI:
                ctx["tutup"] = True
            if ctx.get("dari_blok"):
                ctx["selesai"] = True  # what follows is a signature block or notes
            return
        if ctx.get("selesai"):
            return
        posisi = self._posisi_baris(peta, baris, sel, ctx)
        ctx["ada_baris"] = True
        if (
            posisi is not None
            and not ctx.get("dari_blok")
            and KOLOM_ATRIBUT & set(peta.kolom.values())
        ):
            self.atribut(peta, baris, sel, posisi)
        ak = self.sel(peta, sel, "angka_kredit")
        if _isi(ak):
            self._butir(peta, baris, sel, posisi, ctx, teks_butir or uraian)
            return
        ada_beban = any(_isi(self.sel(peta, sel, k)) for k in ("volume", "waktu"))
        if not ada_beban:
            if "angka_kredit" in peta.kolom.values() or "butir_kegiatan" in peta.kolom.values():
                self._judul_butir(peta, sel, ctx, teks_butir or uraian)
                if posisi is None or not (uraian and "uraian_tugas" in peta.kolom.values()):
                    return
                if posisi.butir or posisi.atribut.get("jenis") == "fungsional":
                    return
                self._tugas(peta, baris, sel, posisi, ctx, uraian, judul=True)
                return
            if not uraian:
                return
            if posisi is None:
                if ctx.get("tutup") or ctx.get("gagal"):
                    return  # signature or notes under a table, or rows of a refused position
                self.galat(
                    peta, baris, "nama_jabatan", "", _("wajib diisi: tugas ini milik jabatan apa?")
                )
                return
            self._tugas(peta, baris, sel, posisi, ctx, uraian)
            return
        if not uraian:
            self.galat(
                peta, baris, "uraian_tugas", "", _("wajib diisi bila baris berisi beban kerja.")
            )
            return
        if posisi is None:
            if not ctx.get("gagal"):
                self.galat(
                    peta, baris, "nama_jabatan", "", _("wajib diisi: tugas ini milik jabatan apa?")
                )
            return
        self._tugas(peta, baris, sel, posisi, ctx, uraian)


URUTAN = {"unit": 0, "jabatan": 1, "tugas": 2, "pegawai": 4, "rekap": 5, "tidak_dikenal": 6}


def baca_semua(
    lembar: list[Lembar], peta: list[PetaLembar], instansi_id: int | None = None
) -> HasilBaca:
    """Reads the mapped sheets: position sheets first, so task sheets can refer to them;
    REKAP sheets last, to compare."""
    hasil = HasilBaca()
    pembaca = PembacaBuku(hasil, Sinonim.muat(instansi_id), KamusJenis.muat(instansi_id))
    per_nama = {lb.nama: lb for lb in lembar}
    for lb in lembar:
        hasil.catatan.extend(lb.catatan)
    for p in sorted(peta, key=lambda p: URUTAN[p.jenis]):
        lb = per_nama.get(p.lembar)
        if lb is None:
            continue
        if p.jenis == "tidak_dikenal":
            hasil.catatan.append(
                p.catatan[0]
                if p.tata_letak == "prosa" and p.catatan
                else _("Sheet %(lembar)s dilewati: kolomnya tidak dikenali.") % {"lembar": p.lembar}
            )
            continue
        if p.jenis == "tugas":
            pembaca.baca_tabel(lb, p)
        else:
            getattr(pembaca, f"baca_{p.jenis}")(lb, p)
    pembaca.selesaikan_jenis()
    return hasil
