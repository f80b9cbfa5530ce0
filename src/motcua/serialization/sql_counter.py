"""Dossier-code serials from a SQL database: one atomic increment per (agency, day).

:class:`SqlCounter` implements the :class:`~motcua.domain.codes.DossierCounter` protocol
over any DB-API 2.0 connection (PEP 249): :mod:`sqlite3` from the standard library, or
PostgreSQL through psycopg (``pip install 'motcua[postgresql]'``), or another driver given
its dialect. motcua imports no driver: you open the connection and hand it over.

Each call is one atomic step, so that two processes never get the same serial and none
is skipped:

* PostgreSQL: a single ``INSERT ... ON CONFLICT (agency, day) DO UPDATE SET last =
  last + 1 RETURNING last`` (the row lock serialises concurrent callers);
* SQLite: ``BEGIN IMMEDIATE`` (the database's write lock, taken before reading), then the
  insert-or-increment and the read, then ``COMMIT``.

A read-then-write (``SELECT max(...)`` then ``INSERT``) is not atomic and hands out
duplicates under load; do not write one. The table, created by :meth:`SqlCounter.create`
or by the SQL of :func:`schema_sql`::

    CREATE TABLE IF NOT EXISTS dossier_serial (
        agency TEXT NOT NULL,           -- the agency code, e.g. 000.00.53.H48
        day    DATE NOT NULL,           -- the receipt day (TEXT 'YYYY-MM-DD' in SQLite)
        last   INTEGER NOT NULL CHECK (last >= 1),
        PRIMARY KEY (agency, day)
    );

Moving from another counter: :meth:`SqlCounter.migrate` (or :func:`migration_sql`) raises
each (agency, day) to the highest serial already issued, never lowers one.

>>> import sqlite3
>>> from datetime import date
>>> from motcua.domain.codes import AgencyCode, issue_dossier_code
>>> counter = SqlCounter(sqlite3.connect(":memory:")).create()
>>> agency = AgencyCode("000.00.53.H48")
>>> counter.next_serial(agency, date(2024, 3, 1)), counter.next_serial(agency, date(2024, 3, 1))
(1, 2)
>>> str(issue_dossier_code(agency, date(2024, 3, 1), counter))
'000.00.53.H48-240301-0003'
>>> counter.migrate({(agency, date(2024, 3, 2)): 41})
>>> counter.next_serial(agency, date(2024, 3, 2))
42
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any, Final, Literal

from motcua.domain.codes import AgencyCode
from motcua.foundation.errors import InvalidInputError

__all__ = ["Dialect", "SqlCounter", "migration_sql", "schema_sql"]

Dialect = Literal["sqlite", "postgresql"]
"""The SQL dialects :class:`SqlCounter` speaks."""

_DIALECTS: Final = ("sqlite", "postgresql")
_TABLE: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?")
#: DB-API paramstyle -> the placeholder for one positional parameter.
_PLACEHOLDER: Final = {"qmark": "?", "format": "%s", "pyformat": "%s", "numeric": ":{n}"}


def _check_table(table: str) -> str:
    if not isinstance(table, str) or not _TABLE.fullmatch(table):
        raise InvalidInputError(
            "SqlCounter.table", "an SQL identifier such as dossier_serial or motcua.serial", table
        )
    return table


def _check_dialect(dialect: str) -> Dialect:
    if dialect == "sqlite":
        return "sqlite"
    if dialect == "postgresql":
        return "postgresql"
    raise InvalidInputError("SqlCounter.dialect", "sqlite or postgresql", dialect)


def schema_sql(dialect: Dialect, table: str = "dossier_serial") -> str:
    """The ``CREATE TABLE`` statement for the counter's table in *dialect*.

    >>> print(schema_sql("postgresql"))
    CREATE TABLE IF NOT EXISTS dossier_serial (
        agency TEXT NOT NULL,
        day DATE NOT NULL,
        last INTEGER NOT NULL CHECK (last >= 1),
        PRIMARY KEY (agency, day)
    )
    """
    day = "DATE" if _check_dialect(dialect) == "postgresql" else "TEXT"
    return (
        f"CREATE TABLE IF NOT EXISTS {_check_table(table)} (\n"
        "    agency TEXT NOT NULL,\n"
        f"    day {day} NOT NULL,\n"
        "    last INTEGER NOT NULL CHECK (last >= 1),\n"
        "    PRIMARY KEY (agency, day)\n"
        ")"
    )


def _increment_sql(dialect: Dialect, table: str, mark: str) -> str:
    """Insert serial 1, or add one to the existing row; return the serial (both dialects)."""
    del dialect  # the same statement: PostgreSQL 9.5+, SQLite 3.35+
    # the table is checked as an identifier; values are parameters
    return (
        f"INSERT INTO {table} (agency, day, last) "  # noqa: S608
        f"VALUES ({mark.format(n=1)}, {mark.format(n=2)}, 1)\n"
        f"ON CONFLICT (agency, day) DO UPDATE SET last = {table}.last + 1\n"
        "RETURNING last"
    )


def migration_sql(dialect: Dialect, table: str = "dossier_serial", paramstyle: str = "") -> str:
    """The statement that raises one (agency, day) to a serial already issued.

    Parameters, in order: agency, day, serial. Run it once per (agency, day) with the
    highest serial issued there (e.g. ``SELECT agency, day, max(serial) FROM your_dossiers
    GROUP BY agency, day``); a higher serial already in the table is kept.

    >>> print(migration_sql("postgresql"))
    INSERT INTO dossier_serial (agency, day, last) VALUES (%s, %s, %s)
    ON CONFLICT (agency, day) DO UPDATE SET last = GREATEST(dossier_serial.last, excluded.last)
    """
    mark = _PLACEHOLDER[paramstyle or ("format" if dialect == "postgresql" else "qmark")]
    high = "GREATEST" if _check_dialect(dialect) == "postgresql" else "MAX"
    t = _check_table(table)
    return (
        f"INSERT INTO {t} (agency, day, last) "  # noqa: S608 - t is checked as an identifier
        f"VALUES ({mark.format(n=1)}, {mark.format(n=2)}, {mark.format(n=3)})\n"
        f"ON CONFLICT (agency, day) DO UPDATE SET last = {high}({t}.last, excluded.last)"
    )


def _guess_dialect(connection: object) -> Dialect:
    module = type(connection).__module__.split(".")[0]
    if module in ("sqlite3", "_sqlite3"):
        return "sqlite"
    if module in ("psycopg", "psycopg2", "pg8000", "psycopg_pool"):
        return "postgresql"
    raise InvalidInputError(
        "SqlCounter(connection)",
        "a sqlite3 or PostgreSQL connection, or dialect='sqlite' / 'postgresql'",
        type(connection).__qualname__,
        "pass the dialect of the database explicitly",
    )


class SqlCounter:
    """A :class:`~motcua.domain.codes.DossierCounter` kept in a SQL table, safe across processes.

    Give it a connection of its own: each :meth:`next_serial` commits (or, with
    ``commit=False``, leaves the increment in the caller's open transaction, which then
    holds the row until it commits, so that a dossier rolled back returns its serial).
    A driver error rolls the step back and propagates unchanged.

    Args:
        connection: A DB-API 2.0 connection.
        dialect: ``"sqlite"`` or ``"postgresql"``; guessed from the connection's module
            (sqlite3, psycopg, psycopg2, pg8000) when left out.
        table: The table's name (an identifier, optionally schema-qualified).
        paramstyle: The driver's placeholder style (``qmark``, ``format``, ``pyformat``,
            ``numeric``); by default ``qmark`` for SQLite and ``format`` (``%s``) for
            PostgreSQL.
        commit: Commit after each serial (default).

    Raises:
        InvalidInputError: An unknown dialect, table name or paramstyle; for SQLite, a
            connection in a transaction when ``commit=True``.
    """

    def __init__(
        self,
        connection: Any,
        *,
        dialect: Dialect | None = None,
        table: str = "dossier_serial",
        paramstyle: str = "",
        commit: bool = True,
    ) -> None:
        """Keep the connection; nothing is run until :meth:`create` or :meth:`next_serial`."""
        self._conn = connection
        self.dialect: Dialect = (
            _guess_dialect(connection) if dialect is None else _check_dialect(dialect)
        )
        self.table = _check_table(table)
        style = paramstyle or ("format" if self.dialect == "postgresql" else "qmark")
        if style not in _PLACEHOLDER:
            raise InvalidInputError("SqlCounter.paramstyle", ", ".join(_PLACEHOLDER), style)
        self._style = style
        self._commit = commit
        self._sql = _increment_sql(self.dialect, self.table, _PLACEHOLDER[style])

    def create(self) -> SqlCounter:
        """Create the table if it does not exist (:func:`schema_sql`); return the counter."""
        cur = self._conn.cursor()
        try:
            cur.execute(schema_sql(self.dialect, self.table))
            self._conn.commit()
        except Exception:
            self._conn.rollback()
            raise
        finally:
            cur.close()
        return self

    def migrate(self, issued: Mapping[tuple[AgencyCode, date], int]) -> None:
        """Raise each (agency, day) to the last serial already issued there; commit."""
        sql = migration_sql(self.dialect, self.table, self._style)
        rows = []
        for (agency, day), serial in issued.items():
            if isinstance(serial, bool) or not isinstance(serial, int) or serial < 1:
                raise InvalidInputError(
                    f"SqlCounter.migrate[{agency}, {day}]", "a serial of 1 or more", serial
                )
            rows.append((str(agency), self._day(day), serial))
        cur = self._conn.cursor()
        try:
            cur.executemany(sql, rows)
            self._conn.commit()
        except Exception:
            self._conn.rollback()
            raise
        finally:
            cur.close()

    def _day(self, day: date) -> object:
        return day.isoformat() if self.dialect == "sqlite" else day

    def next_serial(self, agency: AgencyCode, day: date) -> int:
        """Return the next serial for *agency* on *day* (1 for the first), atomically."""
        if not isinstance(agency, AgencyCode):
            raise InvalidInputError("SqlCounter.next_serial(agency)", "an AgencyCode", agency)
        if not isinstance(day, date):
            raise InvalidInputError("SqlCounter.next_serial(day)", "a date", day)
        params = (str(agency), self._day(day))
        cur = self._conn.cursor()
        sqlite = self.dialect == "sqlite"
        try:
            began = self._begin_immediate(cur) if sqlite else False
            cur.execute(self._sql, params)
            row = cur.fetchone()
            if began and self._commit:
                cur.execute("COMMIT")  # SQL, so that it also ends it in autocommit mode
            elif self._commit:
                self._conn.commit()
        except Exception:
            if sqlite and getattr(self._conn, "in_transaction", False):
                cur.execute("ROLLBACK")
            elif not sqlite:
                self._conn.rollback()
            raise
        finally:
            cur.close()
        return int(row[0])

    def _begin_immediate(self, cur: Any) -> bool:
        """Take SQLite's write lock before reading; False if the caller's transaction is open."""
        if getattr(self._conn, "in_transaction", False):
            if self._commit:
                raise InvalidInputError(
                    "SqlCounter(sqlite connection)",
                    "a connection with no open transaction (the counter commits each serial)",
                    "a transaction in progress",
                    "give the counter its own connection, or pass commit=False",
                )
            return False
        cur.execute("BEGIN IMMEDIATE")
        return True

    def __repr__(self) -> str:
        """Return ``SqlCounter(dialect='sqlite', table='dossier_serial')``."""
        return f"SqlCounter(dialect={self.dialect!r}, table={self.table!r})"
