import json
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import Client

from organisasi.models import Instansi, Pegawai, UnitOrganisasi
from tests.conftest import SEEDS_DIR

SEED = SEEDS_DIR / "004_f59819efda1a4d52.txt"


def _counts():
    return {
        m._meta.label: (
            m.objects.count(),
            m.objects.order_by("-pk").values_list("pk", flat=True).first(),
        )
        for m in apps.get_models()
        if m._meta.app_label in {"organisasi", "auth"}
    }


def test_load_demo_twice_changes_nothing(db):
    call_command("load_demo", stdout=StringIO())
    before = _counts()
    call_command("load_demo", stdout=StringIO())
    assert _counts() == before


def test_the_demo_is_the_batam_bkpsdm_of_seed_004(db):
    call_command("load_demo", stdout=StringIO())
    batam = Instansi.objects.get(nama="Pemerintah Kota Batam")
    assert batam.sebutan_kepala == "Wali Kota Batam"
    badan = UnitOrganisasi.objects.get(instansi=batam, parent=None)
    assert badan.nama == "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
    assert badan.eselon == "II.b"
    bidang = [u.nama for u in badan.children.filter(jenis="bidang").order_by("urutan")]
    assert bidang == [
        "Bidang Pengadaan, Pemberhentian, dan Informasi",
        "Bidang Mutasi dan Promosi",
        "Bidang Kinerja Aparatur dan Penghargaan",
        "Bidang Pengembangan Kompetensi Aparatur",
    ]
    sekretariat = badan.children.get(nama="Sekretariat")
    assert [u.nama for u in sekretariat.children.order_by("urutan")][:2] == [
        "Sub Bagian Umum dan Kepegawaian",
        "Sub Bagian Perencanaan Program",
    ]
    # Pasal 4 ayat (4): the Sekretaris has uraian tugas a … gg, 33 items, in order.
    uraian = [u.teks for u in sekretariat.uraian_tugas.all()]
    assert len(uraian) == 33
    assert uraian[0].startswith("merumuskan program dan rencana kerja kesekretariatan")
    assert uraian[-1].startswith("melaksanakan tugas lain dari atasan")
    assert [f.teks for f in badan.fungsi.all()][-1] == (
        "pelaksanaan, monitoring, evaluasi, dan laporan kegiatan Badan"
    )
    assert Pegawai.objects.filter(instansi=batam).count() >= 5


@pytest.mark.skipif(not SEED.exists(), reason=f"seed not found at {SEED} (set SEEDS_DIR)")
def test_every_demo_text_is_the_seeds_own_words(db):
    seed = " ".join(SEED.read_text(encoding="utf-8").replace("*", "").split())
    data = json.loads(
        (Path(__file__).resolve().parents[2] / "fixtures/demo/batam_bkpsdm.json").read_text()
    )

    def walk(u):
        yield u["tugas_pokok"]
        yield from u["fungsi"]
        yield from u["uraian_tugas"]
        for c in u["children"]:
            yield from walk(c)

    missing = [t for t in walk(data["unit"]) if t and t not in seed]
    assert missing == []


def test_the_demo_users_can_log_in_with_the_documented_passwords(db):
    call_command("load_demo", stdout=StringIO())
    for username, password in [("admin", "admin123"), ("operator", "operator123")]:
        client = Client()
        assert client.login(username=username, password=password)
        assert client.get("/organisasi/").status_code == 200
