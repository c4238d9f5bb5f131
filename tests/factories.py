import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from organisasi.akses import Peran
from organisasi.models import AksesPengguna, Instansi, PangkatGolongan, Pegawai, UnitOrganisasi


class InstansiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Instansi
        django_get_or_create = ["nama"]

    nama = factory.Sequence(lambda n: f"Pemerintah Kota Uji {n}")
    jenis = Instansi.Jenis.KOTA
    nama_daerah = factory.Sequence(lambda n: f"Uji {n}")
    jabatan_kepala = "Wali Kota"
    ibu_kota = "Uji"


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UnitOrganisasi

    instansi = factory.LazyAttribute(lambda o: o.parent.instansi if o.parent else InstansiFactory())
    parent = None
    nama = factory.Sequence(lambda n: f"Unit {n}")
    jenis = UnitOrganisasi.Jenis.PERANGKAT_DAERAH
    urutan = factory.Sequence(lambda n: n + 1)


def _nip(n: int, *, pppk: bool = False) -> str:
    # Valid by construction: a real birth date, TMT month (or 21 for PPPK), sex 1/2, seq.
    lahir = f"19{80 + n % 15:02d}{1 + n % 12:02d}{1 + n % 28:02d}"
    tmt = f"20{10 + n % 10:02d}{21 if pppk else 1 + n % 12:02d}"
    return f"{lahir}{tmt}{1 + n % 2}{1 + n % 999:03d}"


class PegawaiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pegawai
        skip_postgeneration_save = True

    unit = factory.SubFactory(UnitFactory)
    instansi = factory.LazyAttribute(lambda o: o.unit.instansi)
    nip = factory.Sequence(_nip)
    nama = factory.Sequence(lambda n: f"Pegawai {n}")
    status = Pegawai.Status.PNS
    golongan = factory.LazyFunction(
        lambda: PangkatGolongan.objects.get(jenis_asn="PNS", kode="III/a")
    )
    pendidikan = Pegawai.Pendidikan.S1

    @factory.post_generation
    def jabatan(obj, create, extracted, **kwargs):
        """PegawaiFactory(jabatan=j) places the employee in j (anjab.Penempatan)."""
        if create and extracted is not None:
            from anjab.models import Penempatan

            Penempatan.objects.create(pegawai=obj, jabatan=extracted)


def make_user(username: str, *, peran: Peran | None, instansi=None, unit=None, superuser=False):
    user = get_user_model().objects.create_user(
        username=username, password="rahasia-uji-123", is_superuser=superuser, is_staff=superuser
    )
    if peran is not None:
        user.groups.add(Group.objects.get(name=peran.value))
    if instansi is not None:
        AksesPengguna.objects.create(user=user, instansi=instansi, unit=unit)
    return user


class JabatanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "anjab.Jabatan"

    unit = factory.SubFactory(UnitFactory)
    instansi = factory.LazyAttribute(lambda o: o.unit.instansi)
    nama = factory.Sequence(lambda n: f"Jabatan {n}")
    jenis = "pelaksana"
    urutan = factory.Sequence(lambda n: n + 1)
