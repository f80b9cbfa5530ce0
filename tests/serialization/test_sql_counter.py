"""SqlCounter: atomic serials per (agency, day) on SQLite and on a real PostgreSQL server.

The PostgreSQL tests need a server: ``.ci/run`` starts one on a Unix socket (``.ci/postgres``)
and exports its DSN as MOTCUA_TEST_POSTGRESQL_DSN; without it they are skipped, saying so.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from motcua.domain.codes import AgencyCode, DossierCounter, issue_dossier_code
from motcua.foundation.errors import InvalidInputError
from motcua.serialization.sql_counter import SqlCounter, migration_sql, schema_sql

AGENCY = AgencyCode("000.00.53.H48")
OTHER = AgencyCode("000.00.11.H29")
DAY = date(2024, 3, 1)
DSN = os.environ.get("MOTCUA_TEST_POSTGRESQL_DSN", "")
needs_postgresql = pytest.mark.skipif(
    not DSN,
    reason="no PostgreSQL server: set MOTCUA_TEST_POSTGRESQL_DSN (.ci/run starts one with "
    ".ci/postgres)",
)

# One process drawing codes: prints one serial per line, alternating two days when asked.
WORKER = textwrap.dedent(
    """
    import sys
    from datetime import date
    from motcua.domain.codes import AgencyCode, issue_dossier_code
    from motcua.serialization.sql_counter import SqlCounter

    dialect, target, count, days = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    if dialect == "sqlite":
        import sqlite3
        conn = sqlite3.connect(target, timeout=120)
    else:
        import psycopg
        conn = psycopg.connect(target)
    counter = SqlCounter(conn)
    agency = AgencyCode("000.00.53.H48")
    out = []
    for i in range(count):
        code = issue_dossier_code(agency, date(2024, 3, 1 + i % days), counter)
        out.append(str(code))
    sys.stdout.write("\\n".join(out) + "\\n")
    """
)


def _draw_concurrently(
    dialect: str, target: str, processes: int, each: int, days: int
) -> list[str]:
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, dialect, target, str(each), str(days)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(processes)
    ]
    results = [proc.communicate(timeout=600) for proc in procs]
    for proc, (_, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
    return [code for out, _ in results for code in out.split()]


def _assert_no_duplicate_no_gap(codes: list[str], total: int, days: int) -> None:
    assert len(codes) == total
    assert len(set(codes)) == total, Counter(codes).most_common(3)
    by_day: dict[str, list[int]] = {}
    for code in codes:
        _, yymmdd, serial = code.rsplit("-", 2)
        by_day.setdefault(yymmdd, []).append(int(serial))
    assert len(by_day) == days
    for serials in by_day.values():
        assert sorted(serials) == list(range(1, len(serials) + 1))


# -- SQLite ---------------------------------------------------------------------------------


def test_sqlite_serials_per_agency_and_day() -> None:
    counter = SqlCounter(sqlite3.connect(":memory:")).create()
    assert isinstance(counter, DossierCounter)
    drawn = [
        counter.next_serial(AGENCY, DAY),
        counter.next_serial(AGENCY, DAY),
        counter.next_serial(OTHER, DAY),
        counter.next_serial(AGENCY, date(2024, 3, 2)),
        counter.next_serial(AGENCY, DAY),
    ]
    assert drawn == [1, 2, 1, 1, 3]
    assert str(issue_dossier_code(OTHER, DAY, counter)) == "000.00.11.H29-240301-0002"


def test_sqlite_migrate_raises_never_lowers(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "c.db")
    counter = SqlCounter(conn, table="serials").create()
    counter.migrate({(AGENCY, DAY): 99, (OTHER, DAY): 5})
    counter.migrate({(AGENCY, DAY): 10})  # lower: kept at 99
    assert counter.next_serial(AGENCY, DAY) == 100
    assert counter.next_serial(OTHER, DAY) == 6
    rows = conn.execute("SELECT agency, day, last FROM serials ORDER BY agency").fetchall()
    assert rows == [("000.00.11.H29", "2024-03-01", 6), ("000.00.53.H48", "2024-03-01", 100)]
    with pytest.raises(InvalidInputError, match="a serial of 1 or more"):
        counter.migrate({(AGENCY, DAY): 0})


def test_sqlite_in_the_callers_transaction() -> None:
    conn = sqlite3.connect(":memory:")
    SqlCounter(conn).create()
    conn.execute("CREATE TABLE dossier (code TEXT)")
    assert conn.in_transaction is False
    conn.execute("INSERT INTO dossier VALUES ('x')")
    with pytest.raises(InvalidInputError, match="no open transaction"):
        SqlCounter(conn).next_serial(AGENCY, DAY)
    conn.rollback()
    inside = SqlCounter(conn, commit=False)
    assert inside.next_serial(AGENCY, DAY) == 1
    conn.rollback()  # the dossier was not saved: its serial comes back
    assert inside.next_serial(AGENCY, DAY) == 1
    conn.commit()
    assert SqlCounter(conn).next_serial(AGENCY, DAY) == 2


def test_sqlite_autocommit_mode_connection() -> None:
    if not hasattr(sqlite3.Connection, "autocommit"):
        pytest.skip("sqlite3 autocommit= is Python 3.12+")
    options: dict[str, bool] = {"autocommit": True}
    conn = sqlite3.connect(":memory:", **options)  # type: ignore[call-overload, unused-ignore]
    counter = SqlCounter(conn).create()
    assert [counter.next_serial(AGENCY, DAY) for _ in range(3)] == [1, 2, 3]
    assert conn.in_transaction is False


def test_a_failed_step_rolls_back() -> None:
    conn = sqlite3.connect(":memory:")
    counter = SqlCounter(conn)  # no table
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        counter.next_serial(AGENCY, DAY)
    assert conn.in_transaction is False


def test_bad_arguments_are_errors() -> None:
    conn = sqlite3.connect(":memory:")
    with pytest.raises(InvalidInputError, match="an SQL identifier"):
        SqlCounter(conn, table="serial; DROP TABLE x")
    with pytest.raises(InvalidInputError, match="sqlite or postgresql"):
        SqlCounter(conn, dialect="mysql")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="pass the dialect"):
        SqlCounter(object())
    with pytest.raises(InvalidInputError, match="qmark"):
        SqlCounter(conn, paramstyle="named")
    with pytest.raises(InvalidInputError, match="an AgencyCode"):
        SqlCounter(conn).next_serial("000.00.53.H48", DAY)  # type: ignore[arg-type]


def test_schema_and_migration_sql_golden() -> None:
    assert "day TEXT NOT NULL" in schema_sql("sqlite")
    assert "day DATE NOT NULL" in schema_sql("postgresql", "motcua.serial")
    assert migration_sql("sqlite").endswith("SET last = MAX(dossier_serial.last, excluded.last)")
    assert "VALUES (?, ?, ?)" in migration_sql("sqlite")


def test_sqlite_four_processes_no_duplicate_no_gap(tmp_path: Path) -> None:
    path = tmp_path / "serials.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    SqlCounter(conn).create()
    conn.close()
    codes = _draw_concurrently("sqlite", str(path), processes=4, each=1500, days=2)
    _assert_no_duplicate_no_gap(codes, 6000, days=2)


# -- PostgreSQL -----------------------------------------------------------------------------


@pytest.fixture
def pg_table() -> str:
    psycopg = pytest.importorskip("psycopg", reason="psycopg not installed: motcua[postgresql]")
    with psycopg.connect(DSN, autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS dossier_serial")
        SqlCounter(conn).create()
    return "dossier_serial"


@needs_postgresql
def test_postgresql_two_processes_5000_codes_each(pg_table: str) -> None:
    assert pg_table == "dossier_serial"
    # two receipt days: a day's serial has four digits (Circular 01/2018 Art. 19)
    codes = _draw_concurrently("postgresql", DSN, processes=2, each=5000, days=2)
    _assert_no_duplicate_no_gap(codes, 10_000, days=2)


@needs_postgresql
def test_postgresql_serials_migrate_and_transaction(pg_table: str) -> None:
    import psycopg

    with psycopg.connect(DSN) as conn:
        counter = SqlCounter(conn, table=pg_table)
        assert [counter.next_serial(AGENCY, DAY) for _ in range(3)] == [1, 2, 3]
        assert counter.next_serial(OTHER, DAY) == 1
        counter.migrate({(AGENCY, DAY): 41, (OTHER, DAY): 0 + 1})
        assert counter.next_serial(AGENCY, DAY) == 42
        inside = SqlCounter(conn, commit=False)
        assert inside.next_serial(OTHER, DAY) == 2
        conn.rollback()
        assert counter.next_serial(OTHER, DAY) == 2
        row = conn.execute(
            "SELECT day, last FROM dossier_serial WHERE agency = %s", (str(AGENCY),)
        ).fetchone()
        assert row == (DAY, 42)


def test_the_checker_catches_duplicates_and_gaps() -> None:
    day = "000.00.53.H48-240301-"
    with pytest.raises(AssertionError):
        _assert_no_duplicate_no_gap([day + "0001", day + "0001"], 2, days=1)
    with pytest.raises(AssertionError):
        _assert_no_duplicate_no_gap([day + "0001", day + "0003"], 2, days=1)
    _assert_no_duplicate_no_gap([day + "0002", day + "0001"], 2, days=1)
