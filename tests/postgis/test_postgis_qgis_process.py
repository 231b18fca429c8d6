"""Issue 16 through the real headless entry point: "`postgres://…` sources in `qgis_process`" and a `postgis:…`
destination, the test role's password given as libpq reads it (PGPASSWORD, like ~/.pgpass) and so never typed
into a parameter."""
import pytest

from .conftest import pg_params
from .test_postgis_inputs import _sample_params

pytestmark = pytest.mark.slow


def test_qgis_process_evaluates_postgis_to_postgis(pg, pg_uri, pg_password, schema, sample_in_pg, e2e_helpers,
                                                   qgis_process_profile):
    p = pg_params(pg_uri)
    out = (f"postgis:dbname='{p['dbname']}' host={p['host']} port={p['port']} user='le_writer' "
           f'table="{schema}"."qgis_process_评价" (geom)')
    params = {**_sample_params(sample_in_pg), "OUTPUT": out}
    result = e2e_helpers.run_qgis_process(["run", "landeval:evaluate", *e2e_helpers.param_args(params)],
                                          qgis_process_profile, env={"PGPASSWORD": pg_password})
    assert result["results"]["OUTPUT"]
    with pg.cursor() as cur:
        cur.execute("SELECT tableowner FROM pg_tables WHERE schemaname = %s AND tablename = %s",
                    (schema, "qgis_process_评价"))
        assert cur.fetchall() == [("le_writer",)]
        cur.execute(f'SELECT count(*), count(DISTINCT tier) FROM {schema}."qgis_process_评价"')
        count, tiers = cur.fetchone()
        cur.execute("SELECT count(*) FROM public.layer_styles WHERE f_table_schema = %s AND f_table_name = %s "
                    "AND useasdefault", (schema, "qgis_process_评价"))
        assert cur.fetchone()[0] == 1
    assert count == 2000 and tiers > 1
    # The same run again is refused: the table exists and the destination does not say replace=yes.
    done = e2e_helpers.call_qgis_process(["run", "landeval:evaluate", *e2e_helpers.param_args(params)],
                                         qgis_process_profile, env={"PGPASSWORD": pg_password})
    assert done.returncode != 0
    assert f"The PostGIS table {schema}.qgis_process_评价 already exists" in done.stdout + done.stderr
