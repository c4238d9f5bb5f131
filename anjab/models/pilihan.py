"""A position's choices from the catalogues (section 15: bakat, temperamen, minat, upaya fisik,
fungsi pekerjaan) in the analyst's order and, where the analyst wrote it differently, in the
analyst's words: the code links the choice to the catalogue (SIASN, counts, the editor's
checkboxes), the text is what the document prints ("O3 Mempengaruhi", "R, Repetitive and
Continuous (REPCON)"). Each is the table Django made for the plain many-to-many field, with
these two columns added, so nothing was copied when they came."""

from django.db import models


class PilihanJabatan(models.Model):
    jabatan = models.ForeignKey("anjab.Jabatan", on_delete=models.CASCADE)
    urutan = models.PositiveSmallIntegerField("urutan", default=0)
    teks = models.CharField(
        "teks tercetak",
        max_length=500,
        blank=True,
        help_text="Kata-kata analis untuk pilihan ini; kosong: kode dan nama dari katalog.",
    )

    # The catalogue foreign key of each concrete table.
    SASARAN = ""

    class Meta:
        abstract = True
        ordering = ["urutan", "id"]

    @property
    def katalog(self):
        """The catalogue row chosen."""
        return getattr(self, self.SASARAN)

    def teks_bawaan(self) -> str:
        """What prints when the analyst typed nothing (as the Informasi Jabatan template)."""
        k = self.katalog
        if self.SASARAN == "upayafisik":
            return k.nama
        if self.SASARAN in ("temperamenkerja", "minatkerja"):
            return f"{k.kode}: {k.uraian or k.nama}"
        return f"{k.kode}: {k.nama}"


class JabatanBakat(PilihanJabatan):
    bakatkerja = models.ForeignKey("anjab.BakatKerja", on_delete=models.CASCADE)
    SASARAN = "bakatkerja"

    class Meta(PilihanJabatan.Meta):
        db_table = "anjab_jabatan_bakat"
        unique_together = [("jabatan", "bakatkerja")]


class JabatanTemperamen(PilihanJabatan):
    temperamenkerja = models.ForeignKey("anjab.TemperamenKerja", on_delete=models.CASCADE)
    SASARAN = "temperamenkerja"

    class Meta(PilihanJabatan.Meta):
        db_table = "anjab_jabatan_temperamen"
        unique_together = [("jabatan", "temperamenkerja")]


class JabatanMinat(PilihanJabatan):
    minatkerja = models.ForeignKey("anjab.MinatKerja", on_delete=models.CASCADE)
    SASARAN = "minatkerja"

    class Meta(PilihanJabatan.Meta):
        db_table = "anjab_jabatan_minat"
        unique_together = [("jabatan", "minatkerja")]


class JabatanUpayaFisik(PilihanJabatan):
    upayafisik = models.ForeignKey("anjab.UpayaFisik", on_delete=models.CASCADE)
    SASARAN = "upayafisik"

    class Meta(PilihanJabatan.Meta):
        db_table = "anjab_jabatan_upaya_fisik"
        unique_together = [("jabatan", "upayafisik")]


class JabatanFungsiPekerjaan(PilihanJabatan):
    fungsipekerjaan = models.ForeignKey("anjab.FungsiPekerjaan", on_delete=models.CASCADE)
    SASARAN = "fungsipekerjaan"

    class Meta(PilihanJabatan.Meta):
        db_table = "anjab_jabatan_fungsi_pekerjaan"
        unique_together = [("jabatan", "fungsipekerjaan")]
