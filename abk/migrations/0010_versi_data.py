"""A version number of the data the figures are computed from (PostgreSQL only).

Every statement that writes one of the tracked tables marks its transaction (a statement
trigger; nothing per row), and a deferred constraint trigger adds one to abk_versi_data when
such a transaction commits: the number changes exactly when committed figures may have changed,
whatever wrote them (a form, an import's bulk insert, a queryset update, raw SQL), and the
row is locked only for the moment of the commit. abk.rekap_simpan keys its cached roll-ups by
it. SQLite (the first-run database) keeps no version and caches nothing.
"""

from django.db import migrations

# (app, model) of every table a roll-up, a rekap or a peta reads. A new source of figures is
# added here (and in a new migration that calls pasang()).
TABEL = [
    ("organisasi", "Instansi"),
    ("organisasi", "UnitOrganisasi"),
    ("organisasi", "Pegawai"),
    ("anjab", "PeriodeAnalisis"),
    ("anjab", "Jabatan"),
    ("anjab", "TugasJabatan"),
    ("anjab", "ButirKegiatan"),
    ("anjab", "Penempatan"),
    ("anjab", "EvaluasiJabatan"),
    ("abk", "DeklarasiJabatan"),
]

FUNGSI = """
CREATE TABLE IF NOT EXISTS abk_versi_data (
    id smallint PRIMARY KEY CHECK (id = 1),
    nomor bigint NOT NULL
);
INSERT INTO abk_versi_data (id, nomor) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;
CREATE TABLE IF NOT EXISTS abk_versi_tx (txid bigint PRIMARY KEY);

CREATE OR REPLACE FUNCTION abk_versi_tandai() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Once per transaction (the setting is local to it and undone with a savepoint).
    IF current_setting('abk.versi_ditandai', true) IS DISTINCT FROM 'ya' THEN
        INSERT INTO abk_versi_tx (txid) VALUES (txid_current()) ON CONFLICT DO NOTHING;
        PERFORM set_config('abk.versi_ditandai', 'ya', true);
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION abk_versi_naikkan() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE abk_versi_data SET nomor = nomor + 1 WHERE id = 1;
    DELETE FROM abk_versi_tx WHERE txid = NEW.txid;
    RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS abk_versi_naikkan ON abk_versi_tx;
CREATE CONSTRAINT TRIGGER abk_versi_naikkan AFTER INSERT ON abk_versi_tx
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION abk_versi_naikkan();
"""


def pasang(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNGSI)
    q = schema_editor.quote_name
    for app, model in TABEL:
        tabel = q(apps.get_model(app, model)._meta.db_table)
        schema_editor.execute(f"DROP TRIGGER IF EXISTS abk_versi ON {tabel}")
        schema_editor.execute(
            f"CREATE TRIGGER abk_versi AFTER INSERT OR UPDATE OR DELETE ON {tabel} "
            "FOR EACH STATEMENT EXECUTE FUNCTION abk_versi_tandai()"
        )
        schema_editor.execute(
            f"CREATE TRIGGER abk_versi_truncate AFTER TRUNCATE ON {tabel} "
            "FOR EACH STATEMENT EXECUTE FUNCTION abk_versi_tandai()"
        )


def lepas(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    q = schema_editor.quote_name
    for app, model in TABEL:
        tabel = q(apps.get_model(app, model)._meta.db_table)
        schema_editor.execute(f"DROP TRIGGER IF EXISTS abk_versi ON {tabel}")
        schema_editor.execute(f"DROP TRIGGER IF EXISTS abk_versi_truncate ON {tabel}")
    schema_editor.execute(
        "DROP TABLE IF EXISTS abk_versi_tx; DROP TABLE IF EXISTS abk_versi_data; "
        "DROP FUNCTION IF EXISTS abk_versi_naikkan(); DROP FUNCTION IF EXISTS abk_versi_tandai();"
    )




class Migration(migrations.Migration):
    dependencies = [
        ("abk", "0009_jenis_pekerjaan_peta"),
        ("anjab", "0007_penempatan"),
        ("organisasi", "0006_penempatan"),
    ]

    operations = [migrations.RunPython(pasang, lepas)]
