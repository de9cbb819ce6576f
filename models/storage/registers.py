"""The staff and site registers shared by every plan, and `insert_rows`, the bulk INSERT of storage.

The staff register is the people the database knows, by staff id; what a plan says about them
is the plan's own (`models.storage.plan_staff`). All statements are bulk Core statements, so
that a 300-person register costs a handful of round trips, not hundreds.
"""

from __future__ import annotations

from typing import Any, Iterable

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from models.domain import Site, Staff
from models.storage.orm import SiteRow, StaffRow


def insert_rows(session: Session, mapped: Any, rows: list[dict[str, Any]]) -> None:
    """One executemany INSERT of plain dicts into the mapped class's table (Core: no ORM bookkeeping)."""
    if rows:
        session.execute(insert(mapped.__table__), rows)


def _known_staff(session: Session, codes: Iterable[str] | None) -> dict[str, tuple[int, str]]:
    """(row id, name) by staff id: all of the register, or those in `codes` that exist."""
    query = select(StaffRow.code, StaffRow.id, StaffRow.name)
    if codes is not None:
        wanted = sorted(set(codes))
        if not wanted:
            return {}
        query = query.where(StaffRow.code.in_(wanted))
    return {code: (row_id, name) for code, row_id, name in session.execute(query)}


def staff_ids(session: Session, codes: Iterable[str] | None = None) -> dict[str, int]:
    """Register row id by staff id (all of them, or those in `codes` that exist)."""
    return {code: row_id for code, (row_id, _name) in _known_staff(session, codes).items()}


def upsert_staff(session: Session, people: list[Staff]) -> dict[str, int]:
    """Register new people and give known ones the name they are saved under; returns row id by staff id."""
    known = _known_staff(session, [p.id for p in people])
    renamed = [{"id": known[p.id][0], "name": p.name} for p in people if p.id in known and known[p.id][1] != p.name]
    if renamed:
        session.execute(update(StaffRow), renamed)  # bulk UPDATE by primary key
    new = {p.id: p.name for p in people if p.id not in known}
    insert_rows(session, StaffRow, [{"code": code, "name": name} for code, name in new.items()])
    ids = {code: row_id for code, (row_id, _name) in known.items()}
    if new:
        ids.update(staff_ids(session, new))
    return ids


def _site_ids(session: Session, names: set[str]) -> dict[str, int]:
    query = select(SiteRow.name, SiteRow.id).where(SiteRow.name.in_(sorted(names)))
    return {name: row_id for name, row_id in session.execute(query)}


def upsert_sites(session: Session, sites: list[Site], referenced: Iterable[str] = ()) -> dict[str, int]:
    """Write `sites` (update by name) and make sure every `referenced` name exists; row id by name.

    A name only referenced by a session is added bare, never overwriting what the register knows.
    """
    given = {s.name: s for s in sites}
    names = set(given) | set(referenced)
    known = _site_ids(session, names)
    updates = [
        {"id": known[name], "area": site.area, "travel_group": site.travel_group}
        for name, site in given.items()
        if name in known
    ]
    bare = Site("")
    inserts = [
        {"name": name, "area": given.get(name, bare).area, "travel_group": given.get(name, bare).travel_group}
        for name in sorted(names - known.keys())
    ]
    if updates:
        session.execute(update(SiteRow), updates)
    if inserts:
        insert_rows(session, SiteRow, inserts)
        known = _site_ids(session, names)
    return known


def read_sites(session: Session, row_ids: list[int]) -> list[Site]:
    """The register's sites with these row ids, in the given order."""
    if not row_ids:
        return []
    query = select(SiteRow.id, SiteRow.name, SiteRow.area, SiteRow.travel_group)
    rows = {r.id: r for r in session.execute(query.where(SiteRow.id.in_(row_ids)))}
    return [Site(rows[i].name, rows[i].area, rows[i].travel_group) for i in row_ids]
