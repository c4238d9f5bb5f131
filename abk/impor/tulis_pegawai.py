"""Employees from a workbook: matched by NIP, placed in a unit and position inside the target
unit's subtree only, pangkat and education checked against the reference lists."""

from django.core.exceptions import ValidationError

from abk.impor.kata import kata_impor
from abk.impor.pemetaan import normalisasi
from anjab.models import Jabatan, Penempatan
from organisasi.models import PangkatGolongan, Pegawai

# A written education level (normalised) → Pegawai.Pendidikan: its code, or another spelling.
PENDIDIKAN = {normalisasi(k): k for k in Pegawai.Pendidikan.values} | {
    normalisasi(k): kode for kode, ks in kata_impor("pendidikan").items() for k in ks
}


class PenulisPegawai:
    """Mixed into the workbook writer (abk.impor.tulis._Penulis)."""

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
                    "tidak ditemukan pada unit pegawai ini."
                    if unit is not None or self.induk is None
                    else "tidak ditemukan pada unit tujuan impor ini.",
                )
                return
            unit = unit or jabatan.unit
        golongan = None
        if data["golongan"]:
            pppk = data["status"] == Pegawai.Status.PPPK
            jenis = PangkatGolongan.JenisAsn.PPPK if pppk else PangkatGolongan.JenisAsn.PNS
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
        p = (
            Pegawai.objects.filter(instansi=self.instansi, nip=data["nip"])
            .select_related("penempatan")
            .first()
        )
        if p is not None and self.induk is not None and p.unit_id not in self.lingkup:
            self.galat(
                letak, "NIP", data["nip"], "terdaftar pada unit di luar unit tujuan impor ini."
            )
            return
        baru = p is None
        if baru:
            p = Pegawai(instansi=self.instansi, nip=data["nip"])
        berubah = [k for k, v in nilai.items() if getattr(p, k) != v]
        sekarang = getattr(p, "penempatan", None) if not baru else None
        pindah = jabatan is not None and (sekarang is None or sekarang.jabatan_id != jabatan.pk)
        if not baru and not berubah and not pindah:
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
        if pindah:
            # The position held is anjab's placement row (one per employee).
            Penempatan.objects.update_or_create(pegawai=p, defaults={"jabatan": jabatan})
        self.r.pegawai["dibuat" if baru else "diperbarui"] += 1

    def _cari_jabatan(self, data, unit) -> Jabatan | None:
        nama = normalisasi(data["nama_jabatan"])
        for (_u, n, nomor), j in self.posisi_jabatan.items():
            if (
                n == nama
                and (not data["nomor"] or data["nomor"] == nomor)
                and (unit is None or j.unit_id == unit.pk)
                and (self.induk is None or j.unit_id in self.lingkup)
            ):
                return j
        qs = Jabatan.objects.filter(instansi=self.instansi)
        if unit is not None:
            qs = qs.filter(unit=unit)
        elif self.induk is not None:
            qs = qs.filter(unit_id__in=self.lingkup)  # never outside the target's subtree
        cocok = [j for j in qs if normalisasi(j.nama) == nama]
        return cocok[0] if len(cocok) == 1 else None
