"""The DuckDB SQL of the store as the PostgreSQL backend sends it (no server needed)."""

from __future__ import annotations

from backchannel.store.postgres import is_url, schema_statement, shown, translate
from backchannel.store.queries import OUTLET, WHEN


def test_placeholders_are_turned_outside_literals_only() -> None:
    sql = "SELECT '?', x FROM t WHERE a = ? AND b LIKE '%z' AND c = 'it''s ?' AND d = ?"
    assert translate(sql) == (
        "SELECT '?', x FROM t WHERE a = %s AND b LIKE '%%z' AND c = 'it''s ?' AND d = %s"
    )
    assert "?" in translate(OUTLET) and "%s" not in translate(OUTLET)  # the regex's own ?s


def test_try_cast_to_a_date_is_the_forgiving_function() -> None:
    assert translate(f"SELECT {WHEN} >= ?") == (
        "SELECT coalesce(bc_try_date(e.date_start), a.published) >= %s"
    )


def test_duckdb_types_become_postgresql_types() -> None:
    assert schema_statement("x DOUBLE, y DOUBLE NOT NULL, z VARCHAR[]") == (
        "x DOUBLE PRECISION, y DOUBLE PRECISION NOT NULL, z VARCHAR[]"
    )


def test_urls_are_told_apart_and_shown_without_password() -> None:
    assert is_url("postgresql://u@h/db") and is_url("postgres://h/db")
    assert not is_url("backchannel.duckdb") and not is_url(":memory:")
    assert shown("postgresql://u:secret@h:5432/db") == "postgresql://u:***@h:5432/db"
    assert shown("postgresql://u@h/db") == "postgresql://u@h/db"
