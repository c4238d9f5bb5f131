"""Which position an employee holds. The link lives in anjab, beside the positions: organisasi
keeps the people and their units and knows nothing of positions. A position's bezetting is the
number of its placements (or `Jabatan.bezetting_diisi` where no employee data is kept)."""

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords


class Penempatan(models.Model):
    pegawai = models.OneToOneField(
        "organisasi.Pegawai",
        verbose_name="pegawai",
        on_delete=models.CASCADE,
        related_name="penempatan",
    )
    jabatan = models.ForeignKey(
        "anjab.Jabatan",
        verbose_name="jabatan yang diduduki",
        on_delete=models.CASCADE,
        related_name="penempatan_set",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "penempatan pegawai"
        verbose_name_plural = "penempatan pegawai"

    def __str__(self):
        return f"{self.pegawai} — {self.jabatan}"

    def clean(self):
        if (
            self.pegawai_id
            and self.jabatan_id
            and self.jabatan.instansi_id != self.pegawai.instansi_id
        ):
            raise ValidationError({"jabatan": "Jabatan harus berada pada instansi pegawai."})
