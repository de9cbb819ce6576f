"""band_cover (時間帯の最低人数): at every moment of a time band, at least so many people at work.

A nursery's 配置基準 is said by the hour, not by the shift: 7:00-8:30 at least 2, 8:30-17:00 at least 12
保育士, 18:00-19:00 at least 2 of them 正規. Its shifts overlap (早番 7:00-16:00, 中番 8:30-17:30, 遅番
10:00-19:00), so no shift's 必要人数 says it: a nursery had to turn its bands into shift counts by trial,
and the counts it found made a day that the bands allowed look impossible. The rule takes the bands as
they are written, one per line or separated by 、 (設定 `時間帯の最低人数.基準`):

    7:00-8:30 2（保育士:1）
    8:30-17:00 12（保育士:12）
    平日 18:00-19:00 2（正規:1）
    土曜 8:00-17:00 5
    本園 7:00-8:30 3

A band is its hours, the people it needs and, in brackets, how many of them must hold a skill. Days of
the week before it (`平日`, `土曜`, `月〜金`, `土日祝`) hold it to those days; a site's name holds it to
that site (without one it holds at every site, each counted alone). At each moment of the band the
people whose sessions at the site span that moment count (a night counts on the next morning too);
moments when no session of the site that day is open are left out (a Saturday that opens at 8:00, a
Sunday closed). Breaks are not taken off: a nursery staggers them.

Hard by default; soft, each person short in each stretch of the band (between two session starts or
ends) costs the weight.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Iterable

from models.domain import DAY_MINUTES, HOLIDAYS, WEEKDAY_NAMES, Problem, Requirement, Roster, Staff, Violation, hhmm
from models.holidays import is_holiday
from models.i18n import t
from models.rulemeta import Param, RuleInfo
from models.textparse import parse_skill_needs, parse_time_range, parse_weekdays
from solver.rules.base import BaseRule, Penalty, setting
from solver.rules.bounds import at_least
from solver.rules.placed import breach, placed_of

if TYPE_CHECKING:
    from solver.context import Context


@dataclass(frozen=True)
class Band:
    """One line of the 基準: from `start` to `end` (minutes of the day), `least` people, `skills` (skill,
    how many of them hold it), on `days` (canonical weekday letters, "" every day), at `site` ("" every site)."""

    start: int
    end: int
    least: int
    skills: tuple[tuple[str, int], ...] = ()
    days: str = ""
    site: str = ""
    text: str = ""

    def on(self, day: date) -> bool:
        if not self.days:
            return True
        if is_holiday(day):
            if HOLIDAYS in self.days:
                return True
            if day.weekday() < 5 and len(self.days.replace(HOLIDAYS, "")) < len(WEEKDAY_NAMES):
                return False  # 平日 and 月〜金 leave out a holiday on a weekday, as a person's 曜日 does
        return WEEKDAY_NAMES[day.weekday()] in self.days


# the hours of a band: `7:00-8:30`, `7時〜8時半`, `18:00～19:00`
_TIME = r"(?:\d{1,2}[:：]\d{2}|\d{1,2}時(?:半|\d{1,2}分)?)"
_HOURS = re.compile(rf"({_TIME}\s*[-〜~～ー−]\s*{_TIME})")
_COUNT = re.compile(r"^\s*(\d+)\s*(?:人|名)?\s*(?:以上)?\s*(?:[（(]([^()（）]*)[)）])?\s*$")
_LINES = re.compile(r"[\n;；]|、(?![^（(]*[)）])")  # a 、 inside brackets parts skills, not bands


def parse_bands(text: str, sites: Iterable[str] = ()) -> list[Band]:
    """The bands of a 基準 text; ValueError naming the line that does not read."""
    known = set(sites)
    out = []
    for line in (part.strip() for part in _LINES.split(text or "")):
        if not line:
            continue
        found = _HOURS.search(line)
        count = _COUNT.match(line[found.end():]) if found else None
        if not found or not count:
            raise ValueError(line)
        start, end = parse_time_range(found[1].replace(" ", ""))
        if end <= start:
            end += DAY_MINUTES  # 22:00-7:00 runs into the next morning
        least, most = parse_skill_needs(count[2]) if count[2] else ((), ())
        if most and {s for s, _ in most} - {s for s, _ in least}:
            raise ValueError(line)  # a band sets no most
        days, site = "", ""
        for word in line[:found.start()].split():
            try:
                days += parse_weekdays(word)
            except ValueError:
                if site or (known and word not in known):
                    raise ValueError(line) from None
                site = word
        out.append(Band(start, end, int(count[1]), least, days, site, line))
    return out


def stretches(band: Band, sessions: list[tuple[Requirement, int]]) -> list[tuple[int, int, list[int]]]:
    """The band cut where a session starts or ends: (from, to, indices of `sessions` spanning it) for every
    stretch some session spans. `sessions` are (session, its offset: 0 on its day, -DAY_MINUTES the
    night before, DAY_MINUTES the next day), their minutes relative to the band's day."""
    spans = [(req.start + offset, req.end + offset) for req, offset in sessions]
    cuts = sorted({band.start, band.end, *(m for span in spans for m in span if band.start < m < band.end)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        inside = [i for i, (s, e) in enumerate(spans) if s <= a and e >= b]
        if inside:
            out.append((a, b, inside))
    return out


def band_days(problem: Problem, bands: list[Band]):
    """(band, day, site, its sessions with their offsets) for every band, day of the plan and site it holds
    at, with the site's sessions that day and the nights before it that run into it."""
    by_day: dict[tuple[str, date], list[tuple[Requirement, int]]] = defaultdict(list)
    late = any(band.end > DAY_MINUTES for band in bands)  # a band into the next morning (22:00-7:00)
    for req in problem.requirements:
        by_day[(req.site, req.date)].append((req, 0))
        if req.end > DAY_MINUTES:
            by_day[(req.site, req.date + timedelta(days=1))].append((req, -DAY_MINUTES))
        if late:
            by_day[(req.site, req.date - timedelta(days=1))].append((req, DAY_MINUTES))
    sites = sorted({req.site for req in problem.requirements})
    for band in bands:
        for day in problem.days():
            if not band.on(day):
                continue
            for site in ([band.site] if band.site else sites):
                sessions = by_day.get((site, day), [])
                if sessions:
                    yield band, day, site, sessions


class BandCover(BaseRule):
    info = RuleInfo(
        id="band_cover",
        title_ja="時間帯の最低人数",
        title_en="Staff at every hour",
        hard_default=True,
        weight_default=1000,
        params=(Param("bands", str, "", "基準", "bands", per_staff=False, reads=parse_bands),),
        description_ja="時間帯ごとに、その間ずっといる人数の下限（保育園の配置基準）。「、」か改行で区切って書く: "
                       "「7:00-8:30 2（保育士:1）、平日 18:00-19:00 2（正規:1）、土曜 8:00-17:00 5」。曜日や会場名を前に書くと"
                       "その日・その会場だけ。会場の枠が1つも開いていない時間は数えない。配置基準シートにも書ける。",
        description_en="At every moment of a time band, at least so many people at work (a nursery's staffing "
                       "standard), bands separated by 、 or new lines: \"7:00-8:30 2（保育士:1）、平日 18:00-19:00 2（正規:1）"
                       "、土曜 8:00-17:00 5\"; days of the week or a site's name before a band hold it to them. Moments "
                       "when no session of the site is open are not counted. The 配置基準 sheet may list them too.",
    )

    def _bands(self, problem: Problem) -> list[Band]:
        s = setting(problem, self.info)
        if not s.enabled or not str(s.params.get("bands") or "").strip():
            return []
        try:
            return parse_bands(str(s.params["bands"]), (r.site for r in problem.requirements))
        except ValueError:
            return []  # the 設定 sheet and the rules dialog refuse it (Param.reads)

    def build(self, ctx: Context) -> list[Penalty]:
        bands = self._bands(ctx.problem)
        s = ctx.setting(self.info)
        out: list[Penalty] = []
        for band, day, site, sessions in band_days(ctx.problem, bands):
            pairs = [ctx.staff_for(req.id) for req, _ in sessions]
            for a, b, inside in stretches(band, sessions):
                people = [(staff, v) for i in inside for staff, v in pairs[i]]
                label = f"band[{site},{day},{hhmm(a)}]"
                out += at_least(ctx.model, s, self.info.id, [v for _, v in people], band.least, label)
                for skill, k in band.skills:
                    out += at_least(ctx.model, s, self.info.id, [v for staff, v in people if skill in staff.skills],
                                    k, f"{label}.{skill}")
        return out

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        s = setting(problem, self.info)
        placed = placed_of(problem, roster)
        out = []
        for band, day, site, sessions in band_days(problem, self._bands(problem)):
            people = [placed.by_req.get(req.id, []) for req, _ in sessions]
            for a, b, inside in stretches(band, sessions):
                there: list[Staff] = [person for i in inside for person in people[i]]
                short = [(t("人", "people"), band.least, len(there))]
                short += [(skill, k, sum(1 for p in there if skill in p.skills)) for skill, k in band.skills]
                for what, need, n in short:
                    if n < need:
                        out.append(breach(self.info, s, need - n, t(
                            "{d} {site} {a}-{b}: {what} {n} 名です（時間帯の最低人数 {need} 名: {band}）。",
                            "{d} {site} {a}-{b}: {n} {what}, {need} needed at every moment ({band}).",
                            d=f"{day.month}/{day.day}", site=site, a=hhmm(a % DAY_MINUTES), b=hhmm(b % DAY_MINUTES)
                            if b != DAY_MINUTES else "24:00", what=what, n=n, need=need, band=band.text), day=day))
        return out


RULE = BandCover()
