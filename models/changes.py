"""What changed between two rosters of one plan: who moved from which session to which, in domain words.

Used by `haichi diff`, the export's 変更 sheet and the repair workflow ("export the changes").
A person taken out of one session and put into another on the same day is one *move*; what is
left over is an *addition* or a *removal*; a pin set or cleared on an unchanged placement is a
*lock* change; a person kept in a session that asks skills, whose role there changed (the one left
becoming its 投票管理者 when the other dropped out), a *role* change.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date

from models.domain import Problem, Requirement, Roster, name_and_id
from models.i18n import t
from models.stats import session_roles

MOVED, ADDED, REMOVED, LOCKED, UNLOCKED, ROLE = "moved", "added", "removed", "locked", "unlocked", "role"
KINDS = (MOVED, ADDED, REMOVED, ROLE, LOCKED, UNLOCKED)
TOLD = (MOVED, ADDED, REMOVED, ROLE)  # the kinds the person is told of (pins concern the coordinator alone)


@dataclass(frozen=True)
class Change:
    """One person's change: `before`/`after` are session (requirement) ids, None where there is none."""

    kind: str
    staff_id: str
    before: str | None
    after: str | None
    date: date | None
    roles: tuple[str, str] = ("", "")  # a ROLE change's role before and after ("": none)


def session_of(problem: Problem, requirement_id: str) -> Requirement | None:
    """The session of the plan, or for one it no longer holds (imported again since: a club closed
    that day) what its id says of it (`Requirement.stand_in`), ending as the plan's sessions of the
    same site, activity and start end on other days (a calendar's cancelled event spans its hours)."""
    if problem.has_requirement(requirement_id):
        return problem.requirement(requirement_id)
    if (closed := problem.closed_session(requirement_id)) is not None:
        return closed  # called off: its own hours and 備考 (its reason) for the calendar's cancelled event
    gone = Requirement.stand_in(requirement_id)
    if gone is None:
        return None
    like = next((r for r in problem.requirements
                 if (r.site, r.activity, r.start) == (gone.site, gone.activity, gone.start)), None)
    return replace(gone, end=like.end, break_minutes=like.break_minutes) if like is not None else gone


def _day(problem: Problem, requirement_id: str) -> date | None:
    session = session_of(problem, requirement_id)
    return session.date if session is not None else None


def _start(problem: Problem, requirement_id: str) -> tuple[int, str]:
    session = session_of(problem, requirement_id)
    return (session.start if session is not None else -1), requirement_id


def roster_changes(problem: Problem, before: Roster, after: Roster) -> list[Change]:
    """Every change from `before` to `after`, by date, then staff order in `problem`, then kind.

    Sessions the problem no longer holds are still reported, on the date their id says (a person
    placed in a session closed since is taken off it).
    """
    old = {(a.staff_id, a.requirement_id): a for a in before.assignments}
    new = {(a.staff_id, a.requirement_id): a for a in after.assignments}
    gone: dict[tuple[str, date | None], list[str]] = defaultdict(list)
    came: dict[tuple[str, date | None], list[str]] = defaultdict(list)
    for staff_id, req in old.keys() - new.keys():
        gone[staff_id, _day(problem, req)].append(req)
    for staff_id, req in new.keys() - old.keys():
        came[staff_id, _day(problem, req)].append(req)
    changes: list[Change] = []
    for key in gone.keys() | came.keys():
        staff_id, day = key
        # Pair the day's removals and additions in time order: the morning session moves to the morning one.
        out = sorted(gone.get(key, []), key=lambda r: _start(problem, r))
        into = sorted(came.get(key, []), key=lambda r: _start(problem, r))
        for a, b in zip(out, into):
            changes.append(Change(MOVED, staff_id, a, b, day))
        changes += [Change(REMOVED, staff_id, r, None, day) for r in out[len(into):]]
        changes += [Change(ADDED, staff_id, None, r, day) for r in into[len(out):]]
    role_before, role_after = session_roles(problem, before), session_roles(problem, after)
    for pair in old.keys() & new.keys():
        was, now = old[pair].locked, new[pair].locked
        if was != now:
            changes.append(Change(LOCKED if now else UNLOCKED, pair[0], pair[1], pair[1], _day(problem, pair[1])))
        if (roles := (role_before.get(pair, ""), role_after.get(pair, ""))) and roles[0] != roles[1]:
            changes.append(Change(ROLE, pair[0], pair[1], pair[1], _day(problem, pair[1]), roles))
    position = {s.id: i for i, s in enumerate(problem.staff)}
    changes.sort(key=lambda c: (
        c.date or date.max, position.get(c.staff_id, len(position)), c.staff_id, KINDS.index(c.kind),
        _start(problem, c.before or c.after or ""),
    ))
    return changes


def session_label(problem: Problem, requirement_id: str | None) -> str:
    """`4/14 灘 3歳児健診 13:00-16:00`; of a session called off since, its label and why (`…13:00-16:00（中止:
    会場設備点検のため）`); of one the plan no longer has, what its id says of it (`4/14 灘 3歳児健診 13:00（なくなった枠）`)."""
    if requirement_id is None:
        return ""
    if problem.has_requirement(requirement_id):
        return problem.requirement(requirement_id).label()
    if (closed := problem.closed_session(requirement_id)) is not None:
        return closed.label() + called_off(closed)
    return Requirement.id_label(requirement_id) + t("（なくなった枠）", " (no longer held)")


def called_off(req: Requirement) -> str:
    """`（中止: 会場設備点検のため）`, what a session called off is said with: its 備考 when it gives one (a
    health centre's notice had read `12:45（なくなった枠）`, its reason and end lost)."""
    note = req.notes.strip()
    if not note:
        return t("（中止）", " (called off)")
    if "中止" in note or "休止" in note:  # `イベントのため中止`: said once, not `（中止: 中止（イベントのため））`
        return t("（{note}）", " ({note})", note=note)
    return t("（中止: {note}）", " (called off: {note})", note=note)


def staff_label(problem: Problem, staff_id: str) -> str:
    """`山田 花子 (H001)`, or the bare id of someone not in the plan's staff list."""
    try:
        return name_and_id(staff_id, problem.staff_by_id(staff_id).name)
    except KeyError:
        return staff_id


def kind_title(kind: str) -> str:
    """The change kind as a coordinator reads it: 移動 / moved, 追加 / added…"""
    return {
        MOVED: t("移動", "moved"), ADDED: t("追加", "added"), REMOVED: t("削除", "removed"),
        LOCKED: t("固定", "locked"), UNLOCKED: t("固定解除", "unlocked"), ROLE: t("役割", "role"),
    }[kind]


def role_change(change: Change) -> str:
    """A ROLE change's roles: `事務 → 投票管理者` (`役割なし` for none)."""
    before, after = (role or t("役割なし", "no role") for role in change.roles)
    return f"{before} → {after}"


def describe(problem: Problem, change: Change) -> str:
    """One change as a sentence in the current language."""
    who = staff_label(problem, change.staff_id)
    before, after = session_label(problem, change.before), session_label(problem, change.after)
    if change.kind == MOVED:
        return t("{who}: {a} から {b} へ移動", "{who} moved from {a} to {b}", who=who, a=before, b=after)
    if change.kind == ADDED:
        return t("{who}: {b} に追加", "{who} added to {b}", who=who, b=after)
    if change.kind == REMOVED:
        return t("{who}: {a} から外れる", "{who} taken off {a}", who=who, a=before)
    if change.kind == ROLE:
        return t("{who}: {a} の役割 {r}", "{who}'s role in {a}: {r}", who=who, a=before, r=role_change(change))
    if change.kind == LOCKED:
        return t("{who}: {a} を固定", "{who} pinned to {a}", who=who, a=before)
    return t("{who}: {a} の固定を解除", "{who} unpinned from {a}", who=who, a=before)


def change_report(problem: Problem, before: Roster, after: Roster) -> list[str]:
    """The changes as sentences, then a one-line count (or a line saying nothing changed)."""
    changes = roster_changes(problem, before, after)
    if not changes:
        return [t("変更はありません", "no changes")]
    counts = {kind: sum(1 for c in changes if c.kind == kind) for kind in KINDS}
    total = ", ".join(f"{kind_title(k)} {n}" for k, n in counts.items() if n)
    return [describe(problem, c) for c in changes] + [t("計 {n} 件 ({parts})", "{n} change(s) ({parts})",
                                                         n=len(changes), parts=total)]

