"""no_overlap: a person's sessions must not overlap, counting travel time between sites.

Two sessions clash when the gap between them is shorter than `problem.travel_minutes(a, b)`; a
session that ends past midnight (準夜 16:30-25:00) clashes with the next day's early ones (深夜
from 0:30), so sessions of two days are compared on one clock.
Hard: the clashes of each day, and those of each night between a day's late sessions and the
next day's, are covered by cliques once (the same for everyone), and each person gets
`sum <= 1` per clique, so the model grows with people × cliques, not pairs. The sessions a person
worked the day before the plan (Problem.history_sessions, from the earlier plan's roster) rule out
the first day's sessions they clash with.
Soft: each clashing pair a person works costs the weight.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from itertools import chain, combinations, product
from typing import TYPE_CHECKING, Iterator, TypeVar

from models.domain import Problem, Requirement, Roster, Violation
from models.i18n import t
from models.rulemeta import RuleInfo
from solver.rules.base import BaseRule, Penalty, setting
from solver.rules.placed import breach, placed_of

if TYPE_CHECKING:
    from solver.context import Context

T = TypeVar("T")


DAY = 24 * 60


def clash(problem: Problem, a: Requirement, b: Requirement) -> bool:
    """Whether one person cannot work both sessions (overlapping or too little travel time between
    them, on one day or across a midnight)."""
    days = (b.date - a.date).days
    if abs(days) > 1 or a.id == b.id:
        return False
    shift = days * DAY  # b's times on a's clock
    buffer = problem.travel_minutes(a.site, b.site)
    return a.start < b.end + shift + buffer and b.start + shift < a.end + buffer


def overnight(problem: Problem, by_day: dict[date, list[Requirement]]) -> dict[date, list[Requirement]]:
    """For each day, the sessions that may clash across its night: the day's sessions that end
    within the longest travel time of midnight or past it, and the next day's that start that
    close to their end. Only days with such a session are keys."""
    travel = problem.travel
    reach = max(travel.same_site, travel.same_group, travel.other_group)
    out: dict[date, list[Requirement]] = {}
    for day, sessions in by_day.items():
        late = [r for r in sessions if r.end + reach > DAY]
        if not late:
            continue
        last = max(r.end for r in late) + reach - DAY
        early = [r for r in by_day.get(day + timedelta(days=1), ()) if r.start < last]
        if early:
            out[day] = late + early
    return out


def clique_cover(problem: Problem, sessions: list[Requirement]) -> list[list[str]]:
    """Groups of requirement ids that pairwise clash, together covering every clashing pair."""
    order = sorted(sessions, key=lambda r: (r.date, r.start, r.end, r.id))
    near: dict[str, set[str]] = {r.id: set() for r in order}
    for i, a in enumerate(order):
        for b in order[i + 1:]:
            if clash(problem, a, b):
                near[a.id].add(b.id)
                near[b.id].add(a.id)
    rank = {r.id: i for i, r in enumerate(order)}
    covered: set[tuple[str, str]] = set()
    cliques: list[list[str]] = []
    for a in order:
        for b_id in sorted(near[a.id], key=rank.__getitem__):
            if (a.id, b_id) in covered:
                continue
            clique = [a.id, b_id]
            for c_id in sorted(near[a.id] & near[b_id], key=rank.__getitem__):
                if all(c_id in near[m] for m in clique):
                    clique.append(c_id)
            for x, y in combinations(clique, 2):
                covered.add((x, y))
                covered.add((y, x))
            cliques.append(clique)
    return cliques


class NoOverlap(BaseRule):
    info = RuleInfo(
        id="no_overlap",
        title_ja="時間の重なり・移動時間",
        title_en="No overlap (with travel time)",
        hard_default=True,
        weight_default=100,
        description_ja="2つの枠の時間が重ならないこと（日付をまたぐ勤務と翌日の勤務も）。会場間の移動時間も空ける。",
        description_en="A person's sessions must not overlap (a night shift and the next day's too), "
                       "leaving travel time between sites.",
    )

    def build(self, ctx: Context) -> list[Penalty]:
        s = ctx.setting(self.info)
        if not s.enabled:
            return []
        eve = self._after_eve(ctx, s.hard, s.weight)
        if not s.hard:
            return self._priced(ctx, s.weight) + eve
        # a person held to one session a day by a hard rule cannot overlap within a day: only
        # across a night is there anything to add for them
        one_a_day = ctx.enforces("max_per_day")
        active = [st.id for st in ctx.problem.staff if st.active]
        within = [staff_id for staff_id in active if not (one_a_day and ctx.one_a_day(staff_id))]
        # the cliques of the sessions the model's people have a pair of, not of every session: a
        # part of a big plan holds one person offered 4 of a day's 32 (Curtois Instance24), and
        # covering all 32 on each of 364 days took 0.7 s of its 1.2 s build
        held: dict[date, dict[str, Requirement]] = defaultdict(dict)
        for (_, day), sessions in ctx.staff_days():
            held[day].update((req.id, req) for req, _ in sessions)
        by_day = {day: sorted(sessions.values(), key=lambda r: r.id) for day, sessions in held.items()}
        for day, sessions in by_day.items() if within else ():
            self._forbid(ctx, clique_cover(ctx.problem, sessions), within, (day,))
        for day, sessions in overnight(ctx.problem, by_day).items():
            dates = {req.id: req.date for req in sessions}
            across = [c for c in clique_cover(ctx.problem, sessions) if len({dates[r] for r in c}) > 1]
            self._forbid(ctx, across, active, (day, day + timedelta(days=1)))
        return []

    def _after_eve(self, ctx: Context, hard: bool, weight: int) -> list[Penalty]:
        """The first plan day's sessions that clash with one the person worked the day before the plan:
        ruled out (hard) or each pair at the weight (soft)."""
        out: list[Penalty] = []
        for staff_id, eve in sorted(ctx.problem.history_sessions.items()):
            for first, (then, var) in product(eve, ctx.on_day(staff_id, ctx.problem.start)):
                if not clash(ctx.problem, first, then):
                    continue
                if hard:
                    ctx.model.add(var == 0)
                else:
                    out.append(Penalty(var, weight, self.info.id, f"overlap[{staff_id},{first.id},{then.id}]"))
        return out

    @staticmethod
    def _forbid(ctx: Context, cliques: list[list[str]], staff_ids: list[str], days: tuple[date, ...]) -> None:
        """`sum <= 1` over each clique's sessions that a person may take on `days`."""
        if not cliques:
            return
        for staff_id in staff_ids:
            mine = {req.id: var for day in days for req, var in ctx.on_day(staff_id, day)}
            if len(mine) < 2:
                continue
            seen: set[frozenset[str]] = set()
            for clique in cliques:
                ids = frozenset(r for r in clique if r in mine)
                if len(ids) >= 2 and ids not in seen:
                    seen.add(ids)
                    ctx.model.add(sum(mine[r] for r in sorted(ids)) <= 1)

    def _priced(self, ctx: Context, weight: int) -> list[Penalty]:
        out: list[Penalty] = []
        keys = {(staff_id, ctx.problem.requirement(req_id).date) for staff_id, req_id in ctx.pairs()}
        for staff_id, day in sorted(keys):
            for (a, va), (b, vb) in _pairs(ctx.on_day(staff_id, day), ctx.on_day(staff_id, day + timedelta(days=1))):
                if clash(ctx.problem, a, b):
                    both = ctx.model.new_bool_var(f"overlap[{staff_id},{a.id},{b.id}]")
                    ctx.model.add_min_equality(both, [va, vb])
                    out.append(Penalty(both, weight, self.info.id, f"overlap[{staff_id},{a.id},{b.id}]"))
        return out

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        s = setting(problem, self.info)
        if not s.enabled:
            return []
        placed = placed_of(problem, roster)
        out = []
        for (staff_id, day), sessions in sorted(placed.by_staff_day.items()):
            pairs = _pairs(sessions, placed.by_staff_day.get((staff_id, day + timedelta(days=1)), []))
            if day == problem.start:  # the day before the plan's sessions, carried in, with the first day's
                pairs = chain(product(problem.history_sessions.get(staff_id, ()), sessions), pairs)
            for a, b in pairs:
                if clash(problem, a, b):
                    travel = problem.travel_minutes(a.site, b.site)
                    values = dict(name=problem.staff_by_id(staff_id).name, first=a.label(), second=b.label(),
                                  travel=travel)
                    if travel:
                        message = t("{name} の {first} と {second} が重なっています（移動時間 {travel} 分を含む）。",
                                    "{name}: {first} and {second} overlap (with {travel} min travel).", **values)
                    else:  # one site, a ward: no travel to speak of
                        message = t("{name} の {first} と {second} が重なっています。",
                                    "{name}: {first} and {second} overlap.", **values)
                    out.append(breach(self.info, s, 1, message, staff_id=staff_id,
                                      requirement_id=b.id, day=day))
        return out


def _pairs(today: list[T], tomorrow: list[T]) -> Iterator[tuple[T, T]]:
    """Every pair of one day's items, then each of them with each of the next day's."""
    yield from combinations(today, 2)
    yield from product(today, tomorrow)


RULE = NoOverlap()
