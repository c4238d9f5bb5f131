"""One row of a workload table: a task (volume and completion time), a credit row (butir
kegiatan with its angka kredit and konstanta), a heading of a credit table, or a printed total
(JUMLAH, JUMLAH PEGAWAI, Pembulatan) kept to compare with what is computed."""

import re
from decimal import Decimal

from django.utils.translation import gettext as _

from abk.impor.baca import Sel
from abk.impor.nilai import NilaiTidakSah
from abk.impor.pembaca import (
    BATAS_JAM_EFEKTIF,
    MAKS_ANGKA_KREDIT,
    MAKS_VOLUME,
    MAKS_WAKTU_MENIT,
    TOTAL_KEBUTUHAN_PEGAWAI,
    TOTAL_PEGAWAI,
    Posisi,
    _angka_dalam_teks,
    _fmt,
    _judul_jam,
)
from abk.impor.pemetaan import JAM, MENIT, SATUAN_VOLUME, normalisasi, satuan_volume_judul

ANGKA_BERKATA = re.compile(r"^\s*([0-9][0-9.,]*)\s*([A-Za-z][A-Za-z /.-]*)$")
SATUAN_WAKTU_SEL = {"jam": JAM, "j": JAM, "jm": JAM, "menit": MENIT, "mnt": MENIT, "m": MENIT}


class PembacaBaris:
    """Mixed into the reader (abk.impor.validasi.PembacaBuku)."""

    def _judul_butir(self, peta, sel, ctx, teks):
        """A heading row of a credit table: unsur, sub unsur or kegiatan."""
        self._judul_butir_kolom(peta, sel, ctx)
        keg = self.teks(peta, sel, "kegiatan") or teks
        if keg:
            ctx["kegiatan"] = keg

    def _tugas(self, peta, baris, sel, posisi: Posisi, ctx, uraian, judul=False):
        try:
            self._satuan_volume_sel = None
            sel, satuan_sel = self._angka_bersatuan(peta, baris, sel)
            volume = self.angka(peta, baris, sel, "volume", minimum=0, maksimum=MAKS_VOLUME)
            waktu = self.angka(peta, baris, sel, "waktu", minimum=0)
            jam = peta.satuan_waktu == JAM
            wke = self.longgar(peta, sel, "waktu_efektif_tercetak")
            if wke:
                jam = wke <= BATAS_JAM_EFEKTIF
                self._catat_waktu_efektif(peta.lembar, wke * 60 if jam else wke)
                if (peta.satuan_waktu == JAM) != jam and not ctx.get("beda_satuan"):
                    ctx["beda_satuan"] = True
                    self.h.catatan.append(
                        _(
                            "Sheet %(lembar)s, baris %(baris)s: waktu efektif %(wke)s "
                            "menunjukkan waktu penyelesaian dalam %(satuan)s; satuan itu dipakai "
                            "untuk baris dengan waktu efektif."
                        )
                        % {
                            "lembar": peta.lembar,
                            "baris": baris,
                            "wke": _fmt(wke),
                            "satuan": _("jam") if jam else _("menit"),
                        }
                    )
            if satuan_sel:
                jam = satuan_sel == JAM  # "2 jam" in the cell says it for that row
            if waktu is not None and jam:
                waktu *= 60
            if waktu is not None and waktu > MAKS_WAKTU_MENIT:
                self.galat(
                    peta,
                    baris,
                    "waktu",
                    waktu,
                    _("tidak wajar (lebih dari setahun untuk satu hasil); periksa satuannya."),
                )
                raise NilaiTidakSah
            tercetak = self.longgar(peta, sel, "kebutuhan_tugas_tercetak")
            satuan = self._satuan_volume_sel or peta.satuan_volume
            teks_satuan = normalisasi(self.teks(peta, sel, "satuan_volume"))
            if teks_satuan:
                satuan = SATUAN_VOLUME.get(teks_satuan.removeprefix("per ").strip())
                if satuan is None:
                    self.galat(
                        peta,
                        baris,
                        "satuan_volume",
                        teks_satuan,
                        _("isi hari, minggu, bulan, atau tahun."),
                    )
                    raise NilaiTidakSah
        except NilaiTidakSah:
            return
        if not judul and self.duplikat(
            peta,
            baris,
            ("tugas", id(posisi), normalisasi(uraian), volume, waktu, satuan),
            tolak=False,
        ):
            return
        posisi.tugas.append(
            {
                "uraian": uraian,
                "hasil_kerja": self.teks(peta, sel, "hasil_kerja")[:200],
                "volume": volume,
                "satuan_volume": satuan,
                "waktu": waktu,
                "kebutuhan_tercetak": tercetak if tercetak is not None and tercetak >= 0 else None,
                "_baris": (peta.lembar, baris),
                "_judul": judul,
            }
        )
        if not posisi.satuan_waktu_tercetak and "waktu" in peta.kolom.values():
            posisi.satuan_waktu_tercetak = "JAM" if _judul_jam(peta) else "MENIT"

    def _angka_bersatuan(self, peta, baris, sel) -> tuple[list[Sel], str]:
        """Numbers typed with a word: "2 jam" / "30 menit" in the time column (the word gives
        that row's unit), "12 laporan" in the volume column (the word is a satuan, dropped
        with a note). Returns the row with those cells as bare numbers, and the time unit."""
        satuan = ""
        baru = sel
        for kolom in ("volume", "waktu"):
            i = peta.indeks(kolom)
            if i is None or i >= len(sel) or not isinstance(sel[i].nilai, str):
                continue
            m = ANGKA_BERKATA.match(sel[i].nilai)
            if m is None:
                continue
            kata = m.group(2).strip().lower().rstrip(".")
            if kolom == "waktu":
                if kata not in SATUAN_WAKTU_SEL:
                    self.galat(
                        peta,
                        baris,
                        "waktu",
                        sel[i].nilai,
                        _("satuan waktu tidak dikenal (tulis menit atau jam)."),
                    )
                    raise NilaiTidakSah
                satuan = SATUAN_WAKTU_SEL[kata]
            elif (periode := satuan_volume_judul(kata)) is not None:
                self._satuan_volume_sel = periode  # "2 per hari": that row counts per day
            elif not self._catatan_satuan.get(peta.lembar):
                self._catatan_satuan[peta.lembar] = True
                self.h.catatan.append(
                    _(
                        "Sheet %(lembar)s, baris %(baris)s: volume ditulis dengan satuannya "
                        "(“%(isi)s”); angkanya dipakai, katanya diabaikan."
                    )
                    % {"lembar": peta.lembar, "baris": baris, "isi": sel[i].nilai}
                )
            baru = list(baru) if baru is sel else baru
            baru[i] = Sel(m.group(1))
        return baru, satuan

    def _butir(self, peta, baris, sel, posisi: Posisi | None, ctx, teks):
        self._judul_butir_kolom(peta, sel, ctx)
        if posisi is None:
            if not ctx.get("gagal"):
                self.galat(
                    peta, baris, "nama_jabatan", "", _("wajib diisi: butir ini milik jabatan apa?")
                )
            return
        if not teks:
            kolom = "butir_kegiatan" if "butir_kegiatan" in peta.kolom.values() else "uraian_tugas"
            self.galat(peta, baris, kolom, "", _("wajib diisi bila baris berisi angka kredit."))
            return
        try:
            ak = self.angka(
                peta, baris, sel, "angka_kredit", wajib=True, minimum=0, maksimum=MAKS_ANGKA_KREDIT
            )
            kt = self.angka(peta, baris, sel, "konstanta", wajib=True, lebih_dari=0)
            volume = self.angka(peta, baris, sel, "volume", minimum=0, maksimum=MAKS_VOLUME)
            wpk = self.longgar(peta, sel, "wpk_tercetak")
            wpv = self.longgar(peta, sel, "wpv_tercetak")
        except NilaiTidakSah:
            return
        # Rows read as tasks without workload were this credit table's headings.
        posisi.tugas = [t for t in posisi.tugas if not t.get("_judul")]
        kode = self.teks(peta, sel, "kode_butir")
        kegiatan = ctx.get("kegiatan", "")
        if "kegiatan" in peta.kolom.values():
            # A sheet that states each row's kegiatan (our own export) is taken literally.
            kegiatan = self.teks(peta, sel, "kegiatan")
        unsur, sub = ctx.get("unsur", ""), ctx.get("sub_unsur", "")
        if self.duplikat(
            peta,
            baris,
            ("butir", id(posisi), unsur, sub, kegiatan, kode, normalisasi(teks), ak, kt, volume),
            tolak=False,
        ):
            return
        posisi.butir.append(
            {
                "unsur": unsur[:200],
                "sub_unsur": sub[:200],
                "kegiatan": kegiatan,
                "kode": kode[:20],
                "butir_kegiatan": teks,
                "angka_kredit": ak,
                "konstanta": kt,
                "volume": volume if volume is not None else Decimal(0),
                "satuan": (
                    self.teks(peta, sel, "satuan_butir") or self.teks(peta, sel, "hasil_kerja")
                )[:100],
                "wpk_tercetak": wpk if wpk is not None and wpk >= 0 else None,
                "wpv_tercetak": wpv if wpv is not None and wpv >= 0 else None,
                "_baris": (peta.lembar, baris),
            }
        )

    def _judul_butir_kolom(self, peta, sel, ctx):
        unsur, sub = self.teks(peta, sel, "unsur"), self.teks(peta, sel, "sub_unsur")
        if unsur:
            ctx["unsur"] = unsur
        if sub:
            ctx["sub_unsur"] = sub

    def _total(self, peta, sel, posisi: Posisi | None, label: str):
        """Rows like JUMLAH / JUMLAH PEGAWAI / Pembulatan carry the document's totals."""
        if posisi is None:
            return
        if "waktu" in peta.kolom.values() and not posisi.butir:
            # The header's unit matters only to explain the printed totals.
            posisi.satuan_waktu_tercetak = "JAM" if _judul_jam(peta) else "MENIT"
        n = normalisasi(label)
        if n in TOTAL_KEBUTUHAN_PEGAWAI:
            v = next(
                (
                    x
                    for k in ("kebutuhan_tugas_tercetak", "kebutuhan_tercetak", "wpv_tercetak")
                    if (x := self.longgar(peta, sel, k)) is not None
                ),
                None,
            )
            if v is None:
                v = _angka_dalam_teks(sel)
            if v is None or v < 0:
                return
            if v != v.to_integral_value():
                posisi.deklarasi["kebutuhan"] = v
            else:
                posisi.deklarasi.setdefault("jumlah_pegawai", int(v))
            return
        if n in TOTAL_PEGAWAI:
            v = None
            for kolom in (
                "kebutuhan_tugas_tercetak",
                "jumlah_pegawai_tercetak",
                "kebutuhan_tercetak",
                "wpv_tercetak",
                "volume",
            ):
                v = v if v is not None else self.longgar(peta, sel, kolom)
            if v is None:
                v = _angka_dalam_teks(sel)
            if v is not None and v >= 0:
                posisi.deklarasi["jumlah_pegawai"] = int(v)
            return
        for kolom, kunci in (
            ("kebutuhan_tugas_tercetak", "kebutuhan"),
            ("kebutuhan_tercetak", "kebutuhan"),
            ("wpv_tercetak", "beban_kerja_jam"),
        ):
            v = self.longgar(peta, sel, kolom)
            if v is not None and v >= 0 and kunci not in posisi.deklarasi:
                posisi.deklarasi[kunci] = v

    def _catat_waktu_efektif(self, lembar: str, menit):
        if (lembar, Decimal(menit)) not in self.h.waktu_efektif:
            self.h.waktu_efektif.append((lembar, Decimal(menit)))
