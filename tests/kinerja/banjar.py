"""The whole Banjar demo (seed 003) as load_demo builds it: organisasi's organisation and
employees, anjab's positions, kinerja's rule values and team."""

from anjab.demo import muat_banjar as muat_jabatan
from kinerja.sistem_kerja.demo import muat_banjar as muat_sistem_kerja
from organisasi.demo_banjar import muat_banjar as muat_organisasi


def muat_banjar():
    muat_organisasi()
    muat_jabatan()
    return muat_sistem_kerja()
