"""Sheets that list things rather than tasks: positions, a REKAP of printed needs (compared,
never creating positions), employees and units."""

from django.utils.translation import gettext as _

from abk.impor.baca import Lembar
from abk.impor.pembaca import (
    MAKS_BEZETTING,  # noqa: F401
    TOTAL_KEBUTUHAN,
    TOTAL_PEGAWAI,
    Posisi,
    _kunci_nomor,
)
from abk.impor.pemetaan import PetaLembar, baris_nomor_kolom, normalisasi
from organisasi.formatting import angka_ringkas
from organisasi.models import Pegawai


def _status_pegawai() -> str:
    """ "PNS, CPNS, atau PPPK", for the message that refuses another status."""
    nilai = Pegawai.Status.values
    return _("%(daftar)s, atau %(akhir)s") % {"daftar": ", ".join(nilai[:-1]), "akhir": nilai[-1]}


class PembacaDaftar:
    """Mixed into the reader (abk.impor.validasi.PembacaBuku)."""

    def baca_jabatan(self, lembar: Lembar, peta: PetaLembar):
        self.lembar_jabatan = self.lembar_jabatan or peta.lembar
        for baris, sel in lembar.baris:
            if baris <= peta.baris_judul or baris_nomor_kolom(sel):
                continue
            self.h.jumlah_baris += 1
            nama = self.teks(peta, sel, "nama_jabatan")
            if not nama:
                if any(self.teks(peta, sel, k) for k in ("ikhtisar", "kelas", "jenis_jabatan")):
                    self.galat(peta, baris, "nama_jabatan", "", _("wajib diisi."))
                continue
            unit = self.teks(peta, sel, "unit")
            nomor = self.teks(peta, sel, "nomor")
            lain = [
                p
                for p in (self.per_nomor.get(_kunci_nomor(nomor), []) if nomor else [])
                if normalisasi(p.unit) == normalisasi(unit)
            ]
            if lain:
                self.galat(
                    peta,
                    baris,
                    "nomor",
                    nomor,
                    _("nomor ini sudah dipakai %(sel)s.") % {"sel": lain[0].sel_nama},
                )
                continue
            kunci = (normalisasi(unit), normalisasi(nama), nomor)
            if nomor and kunci in self.h.posisi:
                self.galat(
                    peta,
                    baris,
                    "nama_jabatan",
                    nama,
                    _("tercantum dua kali dengan nomor %(nomor)s.") % {"nomor": nomor},
                )
                continue
            posisi = self.posisi(peta, baris, unit, nama, nomor)
            posisi.sel_nama = self.ref(peta, "nama_jabatan", baris)
            self.daftar.append(posisi)
            if nomor:
                self.per_nomor[_kunci_nomor(nomor)].append(posisi)
            self.per_nama[normalisasi(nama)].append(posisi)
            self.atribut(peta, baris, sel, posisi)
            if posisi.atribut.get("kode"):
                self.per_kode.setdefault(posisi.atribut["kode"], posisi)
            self._deklarasi_baris(peta, sel, posisi)

    def _deklarasi_baris(self, peta, sel, posisi: Posisi):
        for kolom, kunci in (
            ("kebutuhan_tercetak", "kebutuhan"),
            ("jumlah_pegawai_tercetak", "jumlah_pegawai"),
            ("beban_kerja_jam_tercetak", "beban_kerja_jam"),
        ):
            v = self.longgar(peta, sel, kolom)
            if v is not None and v >= 0:
                posisi.deklarasi[kunci] = int(v) if kunci == "jumlah_pegawai" else v

    def baca_rekap(self, lembar: Lembar, peta: PetaLembar):
        """A REKAP sheet only declares figures: they are compared, never create positions."""
        cocok = lewat = 0
        for baris, sel in lembar.baris:
            if baris <= peta.baris_judul or baris_nomor_kolom(sel):
                continue
            nama = self.teks(peta, sel, "nama_jabatan")
            if not nama or normalisasi(nama) in TOTAL_KEBUTUHAN | TOTAL_PEGAWAI:
                continue
            unit, nomor = self.teks(peta, sel, "unit"), self.teks(peta, sel, "nomor")
            calon = [
                p
                for p in self.h.posisi.values()
                if normalisasi(p.nama) == normalisasi(nama)
                and (not unit or not p.unit or normalisasi(p.unit) == normalisasi(unit))
            ]
            if len(calon) > 1 and nomor:
                calon = [p for p in calon if _kunci_nomor(p.nomor) == _kunci_nomor(nomor)]
            if len(calon) != 1:
                lewat += 1
                continue
            p, sementara = calon[0], Posisi("", "", "", ("", 0))
            self._deklarasi_baris(peta, sel, sementara)
            for k, v in sementara.deklarasi.items():
                if k in p.deklarasi and p.deklarasi[k] != v:
                    self.h.catatan.append(
                        _(
                            "Sheet %(lembar)s baris %(baris)s mencantumkan %(angka)s %(nilai)s "
                            "untuk %(nama)s, sedangkan formulirnya %(nilai_formulir)s."
                        )
                        % {
                            "lembar": peta.lembar,
                            "baris": baris,
                            "angka": k.replace("_", " "),
                            "nilai": angka_ringkas(v),
                            "nama": p.nama,
                            "nilai_formulir": angka_ringkas(p.deklarasi[k]),
                        }
                    )
                p.deklarasi.setdefault(k, v)
            cocok += 1
        isian = {"lembar": peta.lembar, "cocok": cocok, "lewat": lewat}
        if lewat:
            pesan = _(
                "Sheet %(lembar)s (rekap) hanya dipakai sebagai angka tercetak pembanding: "
                "%(cocok)s jabatan dicocokkan, %(lewat)s tidak ditemukan/ambigu."
            )
        else:
            pesan = _(
                "Sheet %(lembar)s (rekap) hanya dipakai sebagai angka tercetak pembanding: "
                "%(cocok)s jabatan dicocokkan."
            )
        self.h.catatan.append(pesan % isian)

    def baca_pegawai(self, lembar: Lembar, peta: PetaLembar):
        from organisasi.nip import normalisasi_nip, urai_nip

        for baris, sel in lembar.baris:
            if baris <= peta.baris_judul:
                continue
            self.h.jumlah_baris += 1
            nip_teks = self.teks(peta, sel, "nip")
            s = self.sel(peta, sel, "nip")
            if s is not None and isinstance(s.nilai, float):
                self.galat(
                    peta,
                    baris,
                    "nip",
                    nip_teks,
                    _(
                        "tersimpan sebagai angka sehingga digit akhirnya hilang; "
                        "format kolom NIP sebagai teks."
                    ),
                )
                continue
            nama = self.teks(peta, sel, "nama_pegawai")
            if not nip_teks and not nama:
                continue
            nip = normalisasi_nip(nip_teks.lstrip("'"))
            try:
                info = urai_nip(nip)
            except Exception as e:  # ValidationError with an Indonesian message
                self.galat(peta, baris, "nip", nip_teks, " ".join(getattr(e, "messages", [str(e)])))
                continue
            if not nama:
                self.galat(peta, baris, "nama_pegawai", "", _("wajib diisi."))
                continue
            status = self.teks(peta, sel, "status").upper() or (
                Pegawai.Status.PPPK if info.pppk else Pegawai.Status.PNS
            )
            if status not in Pegawai.Status.values:
                self.galat(
                    peta,
                    baris,
                    "status",
                    status,
                    _("harus %(status)s.") % {"status": _status_pegawai()},
                )
                continue
            if self.duplikat(peta, baris, ("pegawai", nip)):
                continue
            self.h.pegawai.append(
                {
                    "nip": nip,
                    "nama": nama[:150],
                    "gelar_depan": self.teks(peta, sel, "gelar_depan")[:50],
                    "gelar_belakang": self.teks(peta, sel, "gelar_belakang")[:80],
                    "status": status,
                    "golongan": self.teks(peta, sel, "golongan").replace(" ", ""),
                    "pendidikan": self.teks(peta, sel, "pendidikan"),
                    "unit": self.teks(peta, sel, "unit"),
                    "nama_jabatan": self.teks(peta, sel, "nama_jabatan"),
                    "nomor": self.teks(peta, sel, "nomor"),
                    "_baris": (peta.lembar, baris),
                }
            )

    def baca_unit(self, lembar: Lembar, peta: PetaLembar):
        for baris, sel in lembar.baris:
            if baris <= peta.baris_judul:
                continue
            nama = self.teks(peta, sel, "unit")
            if not nama:
                continue
            if self.duplikat(
                peta, baris, ("unit", normalisasi(nama), normalisasi(self.teks(peta, sel, "induk")))
            ):
                continue
            self.h.unit.append(
                {
                    "nama": nama[:250],
                    "induk": self.teks(peta, sel, "induk"),
                    "jenis": self.teks(peta, sel, "jenis_unit"),
                    "eselon": self.teks(peta, sel, "eselon"),
                    "_baris": (peta.lembar, baris),
                }
            )
