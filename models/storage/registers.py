"""The staff and site registers shared by every plan: upsert from domain objects, read back.

All statements are bulk Core statements so that a 300-person register costs a handful of
round trips, not hundreds.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any, Iterable

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from models.domain import Site, Staff
from models.storage.orm import SiteRow, StaffActivityLimitRow, StaffRow, StaffSkillRow

# Staff fields stored in a plain column of the same name (the rest have tables of their own).
STAFF_SCALARS: tuple[str, ...] = tuple(
    f.name for f in fields(Staff) if f.name not in ("id", "skills", "max_per_activity")
)


def _staff_values(person: Staff) -> dict[str, Any]:
    values = {name: getattr(person, name) for name in STAFF_SCALARS}
    values["code"] = person.id
    return values


def staff_ids(session: Session, codes: Iterable[str] | None = None) -> dict[str, int]:
    """Register row id by staff id (all of them, or those in `codes` that exist)."""
    query = select(StaffRow.code, StaffRow.id)
    if codes is not None:
        wanted = sorted(set(codes))
        if not wanted:
            return {}
        query = query.where(StaffRow.code.in_(wanted))
    return {code: row_id for code, row_id in session.execute(query)}


def upsert_staff(session: Session, people: list[Staff]) -> dict[str, int]:
    """Insert new people and update known ones (by staff id); returns row id by staff id."""
    known = staff_ids(session, [p.id for p in people])
    updates = [{"id": known[p.id], **_staff_values(p)} for p in people if p.id in known]
    inserts = [_staff_values(p) for p in people if p.id not in known]
    if updates:
        session.execute(update(StaffRow), updates)  # bulk UPDATE by primary key
    if inserts:
        session.execute(insert(StaffRow.__table__), inserts)
        known = staff_ids(session, [p.id for p in people])
    row_ids = [known[p.id] for p in people]
    if row_ids:
        session.execute(delete(StaffSkillRow).where(StaffSkillRow.staff_id.in_(row_ids)))
        session.execute(
            delete(StaffActivityLimitRow).where(StaffActivityLimitRow.staff_id.in_(row_ids))
        )
    skills = [{"staff_id": known[p.id], "skill": s} for p in people for s in sorted(p.skills)]
    limits = [
        {"staff_id": known[p.id], "activity": activity, "max_count": count, "position": i}
        for p in people
        for i, (activity, count) in enumerate(p.max_per_activity)
    ]
    if skills:
        session.execute(insert(StaffSkillRow.__table__), skills)
    if limits:
        session.execute(insert(StaffActivityLimitRow.__table__), limits)
    return known


def read_staff(session: Session, row_ids: list[int]) -> list[Staff]:
    """The register's people with these row ids, in the given order."""
    if not row_ids:
        return []
    columns = [StaffRow.id, StaffRow.code, *(getattr(StaffRow, n) for n in STAFF_SCALARS)]
    rows = {r.id: r for r in session.execute(select(*columns).where(StaffRow.id.in_(row_ids)))}
    skills: dict[int, set[str]] = {}
    query = select(StaffSkillRow.staff_id, StaffSkillRow.skill)
    for staff_id, skill in session.execute(query.where(StaffSkillRow.staff_id.in_(row_ids))):
        skills.setdefault(staff_id, set()).add(skill)
    limits: dict[int, list[tuple[str, int]]] = {}
    query = (
        select(
            StaffActivityLimitRow.staff_id, StaffActivityLimitRow.activity, StaffActivityLimitRow.max_count
        )
        .where(StaffActivityLimitRow.staff_id.in_(row_ids))
        .order_by(StaffActivityLimitRow.staff_id, StaffActivityLimitRow.position)
    )
    for staff_id, activity, count in session.execute(query):
        limits.setdefault(staff_id, []).append((activity, count))
    return [
        Staff(
            id=rows[i].code,
            skills=frozenset(skills.get(i, ())),
            max_per_activity=tuple(limits.get(i, ())),
            **{n: getattr(rows[i], n) for n in STAFF_SCALARS},
        )
        for i in row_ids
    ]


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
        session.execute(insert(SiteRow.__table__), inserts)
        known = _site_ids(session, names)
    return known


def read_sites(session: Session, row_ids: list[int]) -> list[Site]:
    """The register's sites with these row ids, in the given order."""
    if not row_ids:
        return []
    query = select(SiteRow.id, SiteRow.name, SiteRow.area, SiteRow.travel_group)
    rows = {r.id: r for r in session.execute(query.where(SiteRow.id.in_(row_ids)))}
    return [Site(rows[i].name, rows[i].area, rows[i].travel_group) for i in row_ids]
