"""Work system (seed 003, Peraturan Bupati Banjar Nomor 39 Tahun 2024 tentang Sistem Kerja):
tim kerja, the assignments (penugasan) of its members, and the per-instansi rule values.

The rules themselves are checked in kinerja.sistem_kerja.services when a team or an
assignment is saved; the models only hold the data and the stored, recomputed scope (lingkup)
of a team."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from organisasi.models import PangkatGolongan, Pegawai, PredikatKinerja
from organisasi.nip import format_nip

DASAR_HUKUM_BAKU = "Peraturan Bupati Banjar Nomor 39 Tahun 2024 tentang Sistem Kerja"


class Lingkup(models.TextChoices):
    """Where a team's members come from, relative to the perangkat daerah owning the target."""

    DALAM_UNIT = "dalam_unit", "Dalam unit organisasi"
    LINTAS_UNIT = "lintas_unit", "Lintas unit organisasi"
    LINTAS_INSTANSI = "lintas_instansi", "Lintas instansi pemerintah"


class AturanSistemKerja(models.Model):
    """The rule values of one instansi; seed 003 (Pasal 9 ayat (4)–(6)) gives the defaults."""

    instansi = models.OneToOneField(
        "organisasi.Instansi",
        on_delete=models.CASCADE,
        related_name="aturan_sistem_kerja",
        verbose_name="instansi",
    )
    maks_penugasan_per_tahun = models.PositiveSmallIntegerField(
        "paling banyak penugasan per orang per tahun",
        default=3,
        validators=[MinValueValidator(1)],
    )
    maks_bulan_dalam_unit = models.PositiveSmallIntegerField(
        "paling lama satu penugasan dalam unit (bulan)",
        default=12,
        validators=[MinValueValidator(1)],
    )
    maks_bulan_lintas = models.PositiveSmallIntegerField(
        "paling lama satu penugasan lintas unit/instansi (bulan)",
        default=6,
        validators=[MinValueValidator(1)],
    )
    ketua_pendidikan_minimal = models.CharField(
        "pendidikan minimal ketua tim",
        max_length=5,
        choices=Pegawai.Pendidikan.choices,
        default=Pegawai.Pendidikan.S1,
        help_text="S-1 dan D-IV setara: S-1 berarti S-1/D-IV atau lebih tinggi.",
    )
    ketua_golongan_minimal = models.CharField(
        "golongan minimal ketua tim", max_length=10, default="III/a", help_text="Golongan PNS."
    )
    ketua_predikat_minimal = models.CharField(
        "predikat kinerja minimal ketua tim",
        max_length=20,
        choices=PredikatKinerja.choices,
        default=PredikatKinerja.BAIK,
    )
    ketua_pengalaman_tahun = models.DecimalField(
        "pengalaman minimal ketua tim di bidangnya (tahun)",
        max_digits=4,
        decimal_places=1,
        default=2,
        validators=[MinValueValidator(0)],
    )
    # Blank until the instansi names its own regulation: seed 003's Perbup Banjar is where the
    # default values come from, never another instansi's legal basis.
    dasar_hukum = models.CharField(
        "dasar hukum",
        max_length=300,
        blank=True,
        help_text="Peraturan kepala daerah tentang sistem kerja instansi ini, misalnya "
        "“Peraturan Wali Kota … Nomor … Tahun … tentang Sistem Kerja”; dikutip pada instrumen.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "aturan sistem kerja"
        verbose_name_plural = "aturan sistem kerja"

    def __str__(self):
        return f"Aturan sistem kerja {self.instansi}"

    def clean(self):
        if not PangkatGolongan.objects.filter(
            jenis_asn=PangkatGolongan.JenisAsn.PNS, kode=self.ketua_golongan_minimal
        ).exists():
            raise ValidationError(
                {"ketua_golongan_minimal": "Bukan golongan PNS yang dikenal (misalnya III/a)."}
            )

    @classmethod
    def untuk(cls, instansi) -> "AturanSistemKerja":
        """The instansi's rules, or an unsaved instance holding seed 003's values."""
        instansi_id = getattr(instansi, "pk", instansi)
        return cls.objects.filter(instansi_id=instansi_id).first() or cls(instansi_id=instansi_id)


class TimKerja(models.Model):
    """A team of pejabat fungsional and pelaksana working toward one performance target."""

    instansi = models.ForeignKey(
        "organisasi.Instansi",
        on_delete=models.PROTECT,
        related_name="tim_kerja",
        verbose_name="instansi",
    )
    unit = models.ForeignKey(
        "organisasi.UnitOrganisasi",
        on_delete=models.PROTECT,
        related_name="tim_kerja",
        verbose_name="unit pemilik kinerja",
    )
    nama = models.CharField("nama tim", max_length=250)
    mulai = models.DateField("mulai")
    selesai = models.DateField("selesai")
    target = models.TextField(
        "target kinerja",
        blank=True,
        help_text="Dikosongkan bila indikator Perjanjian Kinerja dipilih: diambil darinya.",
    )
    indikator = models.ForeignKey(
        "kinerja.IndikatorPK",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tim_kerja",
        verbose_name="indikator Perjanjian Kinerja",
    )
    lingkup = models.CharField(
        "lingkup",
        max_length=20,
        choices=Lingkup.choices,
        default=Lingkup.DALAM_UNIT,
        editable=False,
        help_text="Dihitung dari asal anggota setiap kali tim atau anggotanya disimpan.",
    )
    # What the instrument prints besides the members.
    nomor = models.CharField("nomor instrumen", max_length=100, blank=True)
    tanggal = models.DateField("tanggal penetapan", null=True, blank=True)
    dasar = models.TextField(
        "dasar/mengingat tambahan",
        blank=True,
        help_text="Satu per baris; dasar hukum sistem kerja instansi selalu dicantumkan.",
    )
    memperhatikan = models.TextField(
        "memperhatikan",
        blank=True,
        help_text="Satu per baris (surat, nota dinas, hasil rapat); kosong: titik-titik.",
    )
    # Seed 003 Lampiran IV: a decree's team has a Penanggungjawab above its Ketua.
    penanggung_jawab = models.ForeignKey(
        "organisasi.Pegawai",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="penanggung jawab",
        help_text="Untuk keputusan: pejabat yang bertanggung jawab atas tim (biasanya kepala "
        "unit pemilik kinerja).",
    )
    tugas_penanggung_jawab = models.TextField(
        "tugas penanggung jawab", blank=True, help_text="Satu tugas per baris."
    )
    tugas_ketua = models.TextField("tugas ketua", blank=True, help_text="Satu tugas per baris.")
    tugas_anggota = models.TextField("tugas anggota", blank=True, help_text="Satu tugas per baris.")
    pejabat_penilai = models.CharField(
        "pejabat penilai kinerja",
        max_length=250,
        blank=True,
        help_text="Kepada siapa ketua tim melapor, misalnya Kepala Bidang Aplikasi Informatika.",
    )
    # The signer: a pegawai (name with gelar, pangkat and NIP from the record), or typed.
    penandatangan = models.ForeignKey(
        "organisasi.Pegawai",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="penandatangan",
        help_text="Nama, pangkat dan NIP diambil dari data pegawai; bila kosong, isian di bawah.",
    )
    penandatangan_nama = models.CharField("nama penandatangan", max_length=200, blank=True)
    penandatangan_pangkat = models.CharField("pangkat penandatangan", max_length=100, blank=True)
    penandatangan_nip = models.CharField("NIP penandatangan", max_length=30, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "tim kerja"
        verbose_name_plural = "tim kerja"
        ordering = ["-mulai", "nama"]
        indexes = [models.Index(fields=["instansi", "unit"])]

    def __str__(self):
        return self.nama

    @property
    def tahun(self) -> int:
        return self.mulai.year

    @property
    def target_teks(self) -> str:
        if self.target or self.indikator is None:
            return self.target
        from organisasi.formatting import angka_ringkas

        ind = self.indikator
        return f"{ind.indikator.uraian} sebesar {angka_ringkas(ind.target)} {ind.indikator.satuan}"


class Penugasan(models.Model):
    """One member's assignment to a team: a pegawai of this database, or someone from another
    instansi recorded by name (nama_luar …)."""

    class Kedudukan(models.TextChoices):
        KETUA = "ketua", "Ketua"
        ANGGOTA = "anggota", "Anggota"

    class Jenis(models.TextChoices):
        PENUNJUKAN = "penunjukan", "Penunjukan"
        PENGAJUAN_SUKARELA = "pengajuan_sukarela", "Pengajuan sukarela"

    tim = models.ForeignKey(
        TimKerja, on_delete=models.CASCADE, related_name="penugasan", verbose_name="tim kerja"
    )
    pegawai = models.ForeignKey(
        "organisasi.Pegawai",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="penugasan",
        verbose_name="pegawai",
    )
    nama_luar = models.CharField("nama (instansi lain)", max_length=200, blank=True)
    nip_luar = models.CharField("NIP (instansi lain)", max_length=30, blank=True)
    instansi_luar = models.CharField("instansi asal", max_length=200, blank=True)
    unit_luar = models.CharField("unit kerja asal", max_length=250, blank=True)
    jabatan_luar = models.CharField("jabatan", max_length=250, blank=True)
    kedudukan = models.CharField(
        "kedudukan dalam tim",
        max_length=10,
        choices=Kedudukan.choices,
        default=Kedudukan.ANGGOTA,
    )
    jenis = models.CharField(
        "cara penugasan", max_length=20, choices=Jenis.choices, default=Jenis.PENUNJUKAN
    )
    mulai = models.DateField("mulai")
    selesai = models.DateField("selesai")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "penugasan"
        verbose_name_plural = "penugasan"
        ordering = ["-kedudukan", "pk"]  # descending puts "ketua" before "anggota"
        constraints = [
            models.CheckConstraint(
                condition=Q(pegawai__isnull=False) | ~Q(nama_luar=""),
                name="penugasan_pegawai_atau_nama_luar",
            ),
            models.CheckConstraint(
                condition=Q(selesai__gte=models.F("mulai")), name="penugasan_selesai_setelah_mulai"
            ),
            models.UniqueConstraint(
                fields=["tim", "pegawai"],
                condition=Q(pegawai__isnull=False),
                name="penugasan_sekali_per_tim",
                violation_error_message="Pegawai ini sudah menjadi anggota tim ini.",
            ),
        ]

    def __str__(self):
        return f"{self.nama} – {self.tim}"

    @property
    def luar(self) -> bool:
        return self.pegawai_id is None

    @property
    def nama(self) -> str:
        return self.pegawai.nama_lengkap if self.pegawai_id else self.nama_luar

    @property
    def nama_singkat(self) -> str:
        """The name without academic titles, as rule messages use it."""
        return self.pegawai.nama if self.pegawai_id else self.nama_luar

    @property
    def nip(self) -> str:
        return self.pegawai.nip_tercetak if self.pegawai_id else format_nip(self.nip_luar)

    # For an employee, the position he holds as `selectors.anggota_tim` found it (positions
    # are anjab's; organisasi.perluasan answers their names).
    jabatan_pegawai = ""

    @property
    def jabatan_teks(self) -> str:
        return self.jabatan_pegawai if self.pegawai_id else self.jabatan_luar
