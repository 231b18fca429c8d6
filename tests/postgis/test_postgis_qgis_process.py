"""Issue 16 through the real headless entry point: "`postgres://…` sources in `qgis_process`" and a `postgis:…`
destination, the test role's password given as libpq reads it (PGPASSWORD, like ~/.pgpass) and so never typed
into a parameter."""
import pytest

from .conftest import pg_params
from .test_postgis_inputs import _sample_params
from .test_postgis_outputs import evaluated_in_pg  # noqa: F401 - a fixture: the admin made public.layer_styles

pytestmark = pytest.mark.slow


def _evaluate(e2e_helpers, profile, pg_uri, pg_password, schema, sample_in_pg, table):
    p = pg_params(pg_uri)
    out = (f"postgis:dbname='{p['dbname']}' host={p['host']} port={p['port']} user='le_writer' "
           f'table="{schema}"."{table}" (geom)')
    params = {**_sample_params(sample_in_pg), "OUTPUT": out}
    return e2e_helpers.call_qgis_process(["run", "landeval:evaluate", *e2e_helpers.param_args(params)], profile,
                                         env={"PGPASSWORD": pg_password})


def _styles(pg, schema, table):
    with pg.cursor() as cur:
        cur.execute("SELECT count(*) FROM public.layer_styles WHERE f_table_schema = %s AND f_table_name = %s "
                    "AND useasdefault", (schema, table))
        return cur.fetchone()[0]


def test_qgis_process_evaluates_postgis_to_postgis(pg, pg_uri, pg_password, schema, sample_in_pg, evaluated_in_pg,
                                                   e2e_helpers, qgis_process_profile):
    run = (e2e_helpers, qgis_process_profile, pg_uri, pg_password, schema, sample_in_pg)
    with pg.cursor() as cur:
        cur.execute("REVOKE ALL ON public.layer_styles FROM le_writer")
    # A role that may write its schema but not the shared style table: the results stay, a warning says why
    # they are unstyled and what to ask for.
    done = _evaluate(*run, "无样式")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "INSERT, UPDATE and DELETE on public.layer_styles" in done.stdout + done.stderr
    assert _styles(pg, schema, "无样式") == 0
    with pg.cursor() as cur:
        cur.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON public.layer_styles TO le_writer")
        cur.execute("GRANT USAGE ON SEQUENCE public.layer_styles_id_seq TO le_writer")
    done = _evaluate(*run, "qgis_process_评价")
    assert done.returncode == 0, done.stderr[-2000:]
    with pg.cursor() as cur:
        cur.execute("SELECT tableowner FROM pg_tables WHERE schemaname = %s AND tablename = %s",
                    (schema, "qgis_process_评价"))
        assert cur.fetchall() == [("le_writer",)]
        cur.execute(f'SELECT count(*), count(DISTINCT tier) FROM {schema}."qgis_process_评价"')
        count, tiers = cur.fetchone()
    assert count == 2000 and tiers > 1
    assert _styles(pg, schema, "qgis_process_评价") == 1
    # The same run again is refused: the table exists and the destination does not say replace=yes.
    done = _evaluate(*run, "qgis_process_评价")
    assert done.returncode != 0
    assert f"The PostGIS table {schema}.qgis_process_评价 already exists" in done.stdout + done.stderr
