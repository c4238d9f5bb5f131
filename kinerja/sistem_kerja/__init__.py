"""Tim kerja and penugasan under seed 003 (Peraturan Bupati Banjar Nomor 39 Tahun 2024 tentang
Sistem Kerja, Pasal 9–14 and Lampiran II).

Sistem kerja: its models, rules, selectors, services, forms, views, documents and demo.
Three layers:

- rules.py: pure functions over plain values (dates, codes, numbers), returning messages in
  Indonesian; no ORM inside them;
- selectors.py: `tim_for_user` and the `get_…_for_user` helpers, the only way views reach
  teams;
- services.py: `tim_create`, `tim_update`, `tim_delete`, `penugasan_create`,
  `penugasan_update`, `penugasan_delete`, `aturan_update`, keyword-only and atomic, which
  gather the plain values, run every rule and raise one ValidationError listing every broken
  rule before anything is written.

Definitions used throughout:

- *perangkat daerah* of a unit: its top-level ancestor in the instansi's tree (the unit
  itself when it has no parent). Seed 003 speaks of the "Unit Organisasi pemilik kinerja"
  (Pasal 1 angka 21: a unit led by a JPT Pratama, administrator … — in a Pemda the
  perangkat daerah); its bidang and sub-bagian are "Unit Kerja" inside it (angka 22). So
  a member whose unit lies in the same perangkat daerah as the team's owning unit is
  *dalam unit*; another perangkat daerah of the same instansi is *lintas unit*; someone
  from another instansi (recorded by name, or a pegawai row of another instansi) is
  *lintas instansi*.
- a team's *lingkup* is the widest origin among its members (dalam unit < lintas unit <
  lintas instansi); it chooses the instrument (Pasal 14).
"""
