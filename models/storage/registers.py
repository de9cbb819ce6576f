"""The staff and site registers shared by every plan, and `insert_rows`, the bulk INSERT of storage.

The staff register is the people the database knows, by staff id, and the site register the sites,
by name; what a plan says about them is the plan's own (`models.storage.plan_staff`, and the
plan's `plan_sites` rows). All statements are bulk Core statements, so that a 300-person register
costs a handful of round trips, not hundreds.
"""

from __future__ import annotations

from typing import Any, Iterable

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from models.domain import Staff
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


def site_ids(session: Session, names: Iterable[str]) -> dict[str, int]:
    """Register row id by site name, registering the names not known yet. What a plan says about a
    site (area, travel group) is the plan's own (`PlanSiteRow`, written by models.storage.problems)."""
    wanted = sorted(set(names))
    if not wanted:
        return {}
    query = select(SiteRow.name, SiteRow.id).where(SiteRow.name.in_(wanted))
    known = dict(session.execute(query).all())
    if len(known) < len(wanted):
        insert_rows(session, SiteRow, [{"name": name} for name in wanted if name not in known])
        known = dict(session.execute(query).all())
    return known
