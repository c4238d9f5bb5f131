"""The check step of an import: the need computed from the rows beside the need the workbook
printed, and warnings when the workbook's effective working time is not the period's."""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from abk.impor.tulis_baris import presisi_angka
from anjab import calculations as calc
from anjab.selectors import beban_jabatan
from organisasi.formatting import angka as format_angka

SEBUTAN_FAKTOR = {
    "hari": gettext_lazy("hari kerja efektif"),
    "minggu": gettext_lazy("minggu kerja efektif"),
    "bulan": gettext_lazy("bulan kerja"),
}


class PemeriksaTulis:
    """Mixed into the workbook writer (abk.impor.tulis._Penulis)."""

    def _bandingkan(self):
        """The check step's table: computed need beside printed need, flagged when they differ."""
        for p, unit, j, _status in getattr(self, "_semua", []):
            tugas = self._tugas_posisi(p)
            hasil = beban_jabatan(
                jenis=j.jenis,
                tugas=[(t["volume"], t["waktu"]) for t in tugas],
                butir=[(b["angka_kredit"], b["konstanta"], b["volume"]) for b in p.butir],
                periode=self.periode,
            )
            metode, kebutuhan, dibulatkan = hasil.metode, hasil.kebutuhan, hasil.dibulatkan
            d = p.deklarasi
            tercetak = d.get("kebutuhan")
            beda = False
            if tercetak is not None:
                presisi = presisi_angka(tercetak)
                beda = abs(kebutuhan - Decimal(tercetak)) >= Decimal(1).scaleb(-presisi)
            if d.get("jumlah_pegawai") is not None and d["jumlah_pegawai"] != dibulatkan:
                beda = True
            self.r.perbandingan.append(
                {
                    "jabatan": p.nama,
                    "unit": unit.nama,
                    "metode": _("angka kredit")
                    if metode == calc.METODE_BUTIR
                    else _("uraian tugas"),
                    "kebutuhan": kebutuhan.quantize(Decimal("0.001")),
                    "dibulatkan": dibulatkan,
                    "kebutuhan_tercetak": tercetak,
                    "jumlah_pegawai_tercetak": d.get("jumlah_pegawai"),
                    "berbeda": beda,
                    # As an Indonesian reader reads them: "2,880", the printed one as printed.
                    "kebutuhan_teks": format_angka(kebutuhan, 3),
                    "tercetak_teks": format_angka(tercetak, presisi_angka(tercetak))
                    if tercetak is not None
                    else "",
                }
            )

    def _periksa_waktu_efektif(self):
        from anjab.models import PeriodeAnalisis

        periode = self.periode
        for lembar, menit in self.h.waktu_efektif:
            if menit == periode.waktu_efektif_menit:
                continue
            cocok = PeriodeAnalisis.objects.filter(
                instansi=self.instansi, waktu_efektif_menit=menit
            ).first()
            saran = (
                _(
                    "Periode dengan waktu itu: %(nama)s (id %(id)s); pilih periode itu bila "
                    "buku kerja ini memakai aturan lama."
                )
                % {"nama": cocok.nama, "id": cocok.pk}
                if cocok
                else _(
                    "Belum ada periode dengan waktu itu; buat periode baru bila buku kerja ini "
                    "memakai aturan lama."
                )
            )
            self.r.peringatan.append(
                _(
                    "Sheet %(lembar)s mencantumkan waktu kerja efektif %(jam)s jam (%(menit)s "
                    "menit), sedangkan periode %(periode)s memakai %(jam_periode)s jam "
                    "(%(menit_periode)s menit); angka dihitung dengan periode tujuan. %(saran)s"
                )
                % {
                    "lembar": lembar,
                    "jam": _fmt(menit / 60),
                    "menit": _fmt(menit),
                    "periode": periode.nama,
                    "jam_periode": _fmt(periode.waktu_efektif_jam),
                    "menit_periode": _fmt(periode.waktu_efektif_menit),
                    "saran": saran,
                }
            )
        satuan = {t.get("satuan_volume") for p in self.h.posisi.values() for t in p.tugas}
        for s in sorted(satuan - {None, "tahun"}):
            self.r.catatan.append(
                _(
                    "Volume per %(satuan)s dikalikan %(faktor)s (%(sebutan)s periode %(periode)s) "
                    "menjadi volume per tahun."
                )
                % {
                    "satuan": s,
                    "faktor": _fmt(self.faktor[s]),
                    "sebutan": SEBUTAN_FAKTOR[s],
                    "periode": periode.nama,
                }
            )


def _fmt(v) -> str:
    return format_angka(v, 0 if Decimal(v) == Decimal(v).to_integral_value() else 2)
