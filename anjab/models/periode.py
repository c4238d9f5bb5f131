"""The analysis period of an instansi ("ABK 2024") and the parameters its workload figures
are computed with. It lives in anjab because the task rows of every position belong to a
period; abk sums those figures into rekap, peta and decree."""

from decimal import Decimal
from functools import cache

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from anjab import calculations as calc
from organisasi.reference import baca_fixture


@cache
def _bawaan() -> dict:
    return baca_fixture("periode_bawaan.json")


def pita_bawaan() -> list[dict]:
    """The EJ bands a new period starts with (fixtures/periode_bawaan.json)."""
    return [dict(p) for p in _bawaan()["pita_efektivitas"]]


def dasar_hukum_bawaan() -> str:
    return _bawaan()["dasar_hukum"]


class PeriodeAnalisis(models.Model):
    """An ABK exercise ("ABK 2024") of an instansi, with the parameters it computes with."""

    class Pembulatan(models.TextChoices):
        SETENGAH_KE_ATAS = "half_up", "Setengah ke atas (2,49 → 2; 2,50 → 3)"
        SELALU_KE_ATAS = "ceiling", "Selalu ke atas (2,01 → 3)"

    instansi = models.ForeignKey(
        "organisasi.Instansi", on_delete=models.CASCADE, related_name="periode_abk"
    )
    nama = models.CharField("nama periode", max_length=100, help_text="Misalnya: ABK 2024.")
    tahun = models.PositiveSmallIntegerField("tahun")
    waktu_efektif_menit = models.DecimalField(
        "waktu kerja efektif (menit per tahun)",
        max_digits=9,
        decimal_places=2,
        default=calc.WAKTU_EFEKTIF_MENIT,
        help_text="Permenpan RB 1/2020: 1.250 jam = 75.000 menit.",
    )
    hari_kerja_efektif = models.DecimalField(
        "hari kerja efektif per tahun",
        max_digits=6,
        decimal_places=2,
        default=calc.HARI_KERJA_EFEKTIF,
        help_text="Pengali volume yang dihitung per hari.",
    )
    minggu_kerja_efektif = models.DecimalField(
        "minggu kerja efektif per tahun",
        max_digits=6,
        decimal_places=2,
        default=calc.MINGGU_KERJA_EFEKTIF,
        help_text="Pengali volume yang dihitung per minggu.",
    )
    bulan_kerja_efektif = models.DecimalField(
        "bulan kerja per tahun",
        max_digits=6,
        decimal_places=2,
        default=calc.BULAN_KERJA,
        help_text="Pengali volume yang dihitung per bulan.",
    )
    pembulatan = models.CharField(
        "pembulatan kebutuhan pegawai",
        max_length=10,
        choices=Pembulatan.choices,
        default=Pembulatan.SETENGAH_KE_ATAS,
    )
    pita_efektivitas = models.JSONField(
        "predikat efektivitas jabatan",
        default=pita_bawaan,
        help_text="Batas bawah EJ tiap predikat, dari tertinggi ke terendah.",
    )
    dasar_hukum = models.TextField("dasar hukum", default=dasar_hukum_bawaan, blank=True)
    dibuat = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(table_name="abk_historicalperiodeanalisis")

    class Meta:
        # The table keeps the name it had when the period lived in abk.
        db_table = "abk_periodeanalisis"
        verbose_name = "periode analisis beban kerja"
        verbose_name_plural = "periode analisis beban kerja"
        ordering = ["instansi", "-tahun", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "nama"], name="periode_unik_per_instansi")
        ]

    def __str__(self):
        return self.nama

    @property
    def waktu_efektif_jam(self) -> Decimal:
        return self.waktu_efektif_menit / Decimal(60)

    def faktor_volume(self) -> dict[str, Decimal]:
        """Per-year multipliers of a volume counted per day, week, month or year."""
        return {
            "tahun": Decimal(1),
            "bulan": self.bulan_kerja_efektif,
            "minggu": self.minggu_kerja_efektif,
            "hari": self.hari_kerja_efektif,
        }

    def pita(self) -> list[tuple[Decimal, str]]:
        return [(Decimal(str(p["batas"])), p["predikat"]) for p in self.pita_efektivitas]

    def clean(self):
        errors = {}
        if self.waktu_efektif_menit is not None and self.waktu_efektif_menit <= 0:
            errors["waktu_efektif_menit"] = "Waktu kerja efektif harus lebih dari 0."
        try:
            batas = [Decimal(str(p["batas"])) for p in self.pita_efektivitas]
            if not all(p["predikat"] for p in self.pita_efektivitas):
                raise KeyError("predikat")
        except (KeyError, TypeError, ArithmeticError):
            errors["pita_efektivitas"] = "Setiap predikat perlu batas (angka) dan predikat."
        else:
            if batas != sorted(batas, reverse=True):
                errors["pita_efektivitas"] = "Urutkan predikat dari batas tertinggi ke terendah."
        if errors:
            raise ValidationError(errors)
