from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords
from tree_queries.fields import TreeNodeForeignKey
from tree_queries.models import TreeNode

from organisasi import calculations
from organisasi.nip import format_nip, normalisasi_nip, urai_nip
from organisasi.validators import validasi_logo


class PredikatKinerja(models.TextChoices):
    """The rating of a yearly performance appraisal (PermenPANRB 6/2022), best first."""

    SANGAT_BAIK = "sangat_baik", "Sangat Baik"
    BAIK = "baik", "Baik"
    BUTUH_PERBAIKAN = "butuh_perbaikan", "Butuh Perbaikan"
    KURANG = "kurang", "Kurang"
    SANGAT_KURANG = "sangat_kurang", "Sangat Kurang"


class Instansi(models.Model):
    """A government (Pemerintah Kota Tarakan, Kementerian X): the tenant every record belongs to."""

    class Jenis(models.TextChoices):
        PROVINSI = "provinsi", "Provinsi"
        KABUPATEN = "kabupaten", "Kabupaten"
        KOTA = "kota", "Kota"
        KEMENTERIAN_LEMBAGA = "kementerian_lembaga", "Kementerian/Lembaga"

    nama = models.CharField("nama instansi", max_length=200, unique=True)
    jenis = models.CharField("jenis", max_length=30, choices=Jenis.choices)
    wilayah = models.CharField(
        "wilayah", max_length=200, blank=True, help_text="Misalnya: Provinsi Kalimantan Utara."
    )
    nama_daerah = models.CharField(
        "nama daerah",
        max_length=100,
        blank=True,
        help_text='Seperti tertulis pada kop keputusan, misalnya "Tarakan" atau "Banjar".',
    )
    jabatan_kepala = models.CharField(
        "jabatan kepala daerah/instansi",
        max_length=100,
        help_text='Misalnya "Wali Kota", "Bupati", "Gubernur" atau "Menteri".',
    )
    ibu_kota = models.CharField(
        "tempat penetapan", max_length=100, help_text='Untuk "Ditetapkan di …", misalnya Tarakan.'
    )
    alamat = models.CharField("alamat kantor", max_length=300, blank=True)
    logo = models.ImageField(
        "logo kop surat",
        upload_to="logo/",
        blank=True,
        validators=[
            FileExtensionValidator(
                ["png", "jpg", "jpeg"], message="Logo harus berkas .png, .jpg atau .jpeg."
            ),
            validasi_logo,
        ],
        help_text="PNG atau JPEG, paling besar 2 MB dan 2000×2000 piksel.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "instansi"
        verbose_name_plural = "instansi"
        ordering = ["nama"]

    def __str__(self):
        return self.nama

    @property
    def sebutan_kepala(self) -> str:
        """ "Wali Kota Batam": the signer as decrees name it."""
        return f"{self.jabatan_kepala} {self.nama_daerah}".strip()


class UnitOrganisasi(TreeNode):
    """A unit in the organisation tree of an instansi (seed 004 describes them)."""

    class Jenis(models.TextChoices):
        PERANGKAT_DAERAH = "perangkat_daerah", "Perangkat Daerah"
        SEKRETARIAT = "sekretariat", "Sekretariat"
        BAGIAN = "bagian", "Bagian"
        BIDANG = "bidang", "Bidang"
        UPTD = "uptd", "UPTD"
        SUBBAGIAN = "subbagian", "Sub Bagian"
        SEKSI = "seksi", "Seksi"
        KELOMPOK_FUNGSIONAL = "kelompok_fungsional", "Kelompok Jabatan Fungsional"

    class Eselon(models.TextChoices):
        I_A = "I.a", "I.a"
        I_B = "I.b", "I.b"
        II_A = "II.a", "II.a"
        II_B = "II.b", "II.b"
        III_A = "III.a", "III.a"
        III_B = "III.b", "III.b"
        IV_A = "IV.a", "IV.a"
        IV_B = "IV.b", "IV.b"
        V_A = "V.a", "V.a"

    parent = TreeNodeForeignKey(
        "self",
        verbose_name="unit induk",
        blank=True,
        null=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    instansi = models.ForeignKey(
        Instansi, verbose_name="instansi", on_delete=models.PROTECT, related_name="unit_set"
    )
    nama = models.CharField("nama unit", max_length=250)
    singkatan = models.CharField("singkatan", max_length=50, blank=True)
    jenis = models.CharField("jenis unit", max_length=30, choices=Jenis.choices)
    eselon = models.CharField("eselon", max_length=5, choices=Eselon.choices, blank=True)
    urutan = models.PositiveIntegerField(
        "urutan", default=0, help_text="Urutan di antara unit yang seinduk."
    )
    jabatan_kepala = models.CharField(
        "jabatan pimpinan", max_length=250, blank=True, help_text="Misalnya: Kepala Bidang Mutasi."
    )
    tugas_pokok = models.TextField("tugas pokok", blank=True)
    alamat = models.CharField(
        "alamat kantor",
        max_length=300,
        blank=True,
        help_text="Alamat, telepon dan kode pos perangkat daerah, untuk sampul LAKIP; "
        "dikosongkan: alamat instansi.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "unit organisasi"
        verbose_name_plural = "unit organisasi"
        ordering = ["urutan", "nama"]
        indexes = [models.Index(fields=["instansi", "parent", "urutan"])]

    def __str__(self):
        return self.nama

    def clean(self):
        if self.parent_id:
            if self.parent.instansi_id != self.instansi_id:
                raise ValidationError(
                    {"parent": "Unit induk harus berada pada instansi yang sama."}
                )
            if self.pk and (
                UnitOrganisasi.objects.ancestors(self.parent_id, include_self=True)
                .filter(pk=self.pk)
                .exists()
            ):
                raise ValidationError(
                    {
                        "parent": "Unit tidak dapat dipindahkan ke bawah dirinya sendiri "
                        "atau ke bawah sub-unitnya."
                    }
                )


class ButirUnit(models.Model):
    """One numbered item of a unit's fungsi or uraian tugas, kept in the analyst's order."""

    urutan = models.PositiveIntegerField("urutan")
    teks = models.TextField("teks")

    class Meta:
        abstract = True
        ordering = ["urutan", "id"]

    def __str__(self):
        return self.teks


class FungsiUnit(ButirUnit):
    unit = models.ForeignKey(
        UnitOrganisasi, on_delete=models.CASCADE, related_name="fungsi", verbose_name="unit"
    )

    class Meta(ButirUnit.Meta):
        verbose_name = "fungsi unit"
        verbose_name_plural = "fungsi unit"


class UraianTugasUnit(ButirUnit):
    unit = models.ForeignKey(
        UnitOrganisasi, on_delete=models.CASCADE, related_name="uraian_tugas", verbose_name="unit"
    )

    class Meta(ButirUnit.Meta):
        verbose_name = "uraian tugas unit"
        verbose_name_plural = "uraian tugas unit"


class PangkatGolongan(models.Model):
    """Reference list (fixtures/pangkat_golongan.json): PNS I/a … IV/e and PPPK I … XVII."""

    class JenisAsn(models.TextChoices):
        PNS = "PNS", "PNS"
        PPPK = "PPPK", "PPPK"

    kode = models.CharField("golongan", max_length=10)
    pangkat = models.CharField("pangkat", max_length=60, blank=True)
    jenis_asn = models.CharField("berlaku untuk", max_length=4, choices=JenisAsn.choices)
    urutan = models.PositiveSmallIntegerField("urutan")
    dasar_hukum = models.CharField("dasar hukum", max_length=250, blank=True)

    class Meta:
        verbose_name = "pangkat/golongan"
        verbose_name_plural = "pangkat/golongan"
        ordering = ["jenis_asn", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["jenis_asn", "kode"], name="golongan_unik_per_jenis")
        ]

    def __str__(self):
        return f"{self.pangkat} ({self.kode})" if self.pangkat else self.kode


class Pegawai(models.Model):
    PredikatKinerja = PredikatKinerja

    class Status(models.TextChoices):
        PNS = "PNS", "PNS"
        CPNS = "CPNS", "CPNS"
        PPPK = "PPPK", "PPPK"

    class Pendidikan(models.TextChoices):
        SD = "SD", "SD"
        SLTP = "SLTP", "SLTP/SMP"
        SLTA = "SLTA", "SLTA/SMA/SMK"
        D1 = "D-I", "D-I"
        D2 = "D-II", "D-II"
        D3 = "D-III", "D-III"
        D4 = "D-IV", "D-IV"
        S1 = "S-1", "S-1"
        S2 = "S-2", "S-2"
        S3 = "S-3", "S-3"

    class JenisKelamin(models.TextChoices):
        L = "L", "Laki-laki"
        P = "P", "Perempuan"

    instansi = models.ForeignKey(
        Instansi, verbose_name="instansi", on_delete=models.PROTECT, related_name="pegawai_set"
    )
    unit = models.ForeignKey(
        UnitOrganisasi,
        verbose_name="unit kerja",
        on_delete=models.PROTECT,
        related_name="pegawai_set",
        null=True,
        blank=True,
    )
    nip = models.CharField("NIP", max_length=18)
    nama = models.CharField("nama (tanpa gelar)", max_length=150)
    gelar_depan = models.CharField("gelar depan", max_length=50, blank=True)
    gelar_belakang = models.CharField("gelar belakang", max_length=80, blank=True)
    status = models.CharField("status kepegawaian", max_length=4, choices=Status.choices)
    golongan = models.ForeignKey(
        PangkatGolongan,
        verbose_name="pangkat/golongan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    pendidikan = models.CharField(
        "pendidikan terakhir", max_length=5, choices=Pendidikan.choices, blank=True
    )
    jurusan = models.CharField("jurusan/program studi", max_length=150, blank=True)
    tmt = models.DateField(
        "TMT CPNS/PPPK",
        null=True,
        blank=True,
        help_text="Dikosongkan: diambil dari NIP (untuk PNS/CPNS).",
    )
    tanggal_lahir = models.DateField(
        "tanggal lahir", null=True, blank=True, help_text="Dikosongkan: diambil dari NIP."
    )
    jenis_kelamin = models.CharField(
        "jenis kelamin", max_length=1, choices=JenisKelamin.choices, editable=False
    )
    # Seed 003 (Pasal 9 ayat (6)): what qualifies a pegawai to lead a cross-unit tim kerja.
    predikat_kinerja = models.CharField(
        "predikat kinerja tahun terakhir",
        max_length=20,
        choices=PredikatKinerja.choices,
        blank=True,
    )
    pengalaman_bidang_tahun = models.DecimalField(
        "pengalaman di bidang tugas (tahun)",
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "pegawai"
        verbose_name_plural = "pegawai"
        ordering = ["nama"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "nip"], name="nip_unik_per_instansi"),
        ]
        indexes = [models.Index(fields=["instansi", "unit"])]

    def __str__(self):
        return f"{self.nama_lengkap} ({self.nip})"

    def save(self, *args, **kwargs):
        self.nip = normalisasi_nip(self.nip)
        info = urai_nip(self.nip)
        self.jenis_kelamin = info.jenis_kelamin
        if self.tanggal_lahir is None:
            self.tanggal_lahir = info.tanggal_lahir
        if self.tmt is None and info.tmt is not None:
            self.tmt = info.tmt
        super().save(*args, **kwargs)

    save.alters_data = True

    @property
    def nama_lengkap(self) -> str:
        depan = f"{self.gelar_depan} " if self.gelar_depan else ""
        belakang = f", {self.gelar_belakang}" if self.gelar_belakang else ""
        return f"{depan}{self.nama}{belakang}"

    @property
    def nip_tercetak(self) -> str:
        return format_nip(self.nip)

    def clean(self):
        errors = {}
        self.nip = normalisasi_nip(self.nip)
        try:
            info = urai_nip(self.nip)
        except ValidationError as e:
            errors["nip"] = e.messages
            info = None
        if info and info.pppk and self.status and self.status != self.Status.PPPK:
            errors["status"] = "NIP ini berformat PPPK (angka ke-13–14 bernilai 21)."
        if info and not info.pppk and self.status == self.Status.PPPK:
            errors["status"] = "NIP PPPK memuat angka 21 pada posisi ke-13–14."
        if self.golongan_id and self.status:
            harus = (
                PangkatGolongan.JenisAsn.PPPK
                if self.status == self.Status.PPPK
                else PangkatGolongan.JenisAsn.PNS
            )
            if self.golongan.jenis_asn != harus:
                errors["golongan"] = (
                    "Golongan PPPK (I–XVII) hanya untuk status PPPK."
                    if harus == PangkatGolongan.JenisAsn.PNS
                    else "Pegawai PPPK memakai golongan I–XVII, bukan pangkat PNS."
                )
        if self.unit_id and self.instansi_id and self.unit.instansi_id != self.instansi_id:
            errors["unit"] = "Unit kerja harus berada pada instansi pegawai."
        if errors:
            raise ValidationError(errors)

    @property
    def batas_usia_pensiun(self) -> int:
        return calculations.batas_usia_pensiun()

    @property
    def tanggal_pensiun(self):
        return calculations.tanggal_pensiun(self.tanggal_lahir, self.batas_usia_pensiun)


class AksesPengguna(models.Model):
    """Which instansi (and, for an Operator, which unit subtree) a user works in.

    The role itself is the user's group (see organisasi.akses.Peran).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="akses"
    )
    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, verbose_name="instansi")
    unit = models.ForeignKey(
        UnitOrganisasi,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        verbose_name="unit (untuk Operator)",
        help_text="Operator hanya melihat dan mengubah unit ini beserta sub-unitnya.",
    )

    class Meta:
        verbose_name = "akses pengguna"
        verbose_name_plural = "akses pengguna"

    def __str__(self):
        return f"{self.user} – {self.unit or self.instansi}"

    def clean(self):
        if self.unit_id and self.unit.instansi_id != self.instansi_id:
            raise ValidationError({"unit": "Unit harus berada pada instansi yang sama."})
