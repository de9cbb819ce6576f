"""People's days changed in the 勤務表 sheet of a roster workbook, read into its roster.

Wards keep their roster as people down and days across, and fix it there: `日勤` over a blank
day, `準` in place of `深夜`. Each cell of an exported 勤務表 is read back as the sessions that
person works that day:

- a cell names each session on a line of its own (a new line in the cell, or `、` `,` `/`
  between them) by its activity: the short form the export wrote, the whole name, or any start
  of it that no other activity of the plan shares (`日` for 日勤 beside 準夜 and 深夜); in a plan
  of several sites, by its site first (the site's short form, name or start) and then the
  activity, on one line or two. Blank, and the marks of a day off (`×` `明` `休` `公` ...), name
  no session.
- a session is that day's session of that activity (at that site). Where the day has several,
  the one the person already works is meant; a new one must be unique, else the cell is refused
  with the choice, to be made in 配置表 instead.

With the export fingerprint (`models.excel.fingerprint`) a person's row is read only when its
cells differ from what Haichi wrote: the rows left as exported show the roster as it was, not
the changes made since in 配置表 or Assignments. In an edited row, a cell whose sessions differ
from the roster read is a change of that person's day, unless the sessions it differs in had
their people changed in 配置表 or Assignments: all of them, and the cell shows the day as exported
(left alone); some of them, and it is not read, the note naming the cell (the one roster cannot
be read from two sheets at once). A workbook without the 勤務表 digests (an older Haichi's
export) is read the same way, every row counting as edited.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Iterable

from models.domain import Assignment, Mark, Problem, Requirement, days_taken, is_afternoon, is_morning, known_id, normalize
from models.errors import InputProblem
from models.excel.fingerprint import duty_digest, duty_text
from models.excel.reader import cell_name, is_blank
from models.excel.schema import DUTY_SHEET, MASTER_SHEET
from models.excel.sheets_duty import FIXED_COLUMNS, ShortForms, day_headers
from models.i18n import t
from models.textparse import parse_mark, parse_time

Rows = list[tuple[Any, ...]]

# Marks of a day without a session beside those that say × in 勤務可否 (休, 公休, 有休, ...:
# models.textparse.parse_mark): the export's faint 明 (PN) and a roster's short forms of leave.
# Compared folded (`models.domain.fold`), case aside.
_OFF_IN_ROSTER = frozenset({"明", "明け", "pn", "公", "有", "振", "off", "-", "ー", "－", "―"})


def day_off(text: str) -> bool:
    """Whether a 勤務表 cell's word says the person does not work that day."""
    if text.casefold() in _OFF_IN_ROSTER:
        return True
    try:
        return parse_mark(text) is Mark.UNAVAILABLE
    except ValueError:
        return False
_SEPARATORS = re.compile(r"[\n、,;/]+")  # folded, which makes `，；／` of these
_HEADERS = ({"職員id", "staff id"}, {"氏名", "name"})


@dataclass(frozen=True)
class DutyEdit:
    """One person's day read from its edited 勤務表 cell: the sessions before and after, as labels."""

    cell: str
    person: str
    day: date
    before: tuple[str, ...]
    after: tuple[str, ...]
    # whether the day was, and is, the morning after a night (明) rather than a day off
    after_night_before: bool = False
    after_night_after: bool = False
    leave: str = ""  # the day's word of leave (有休, 希), what the cell showed without a session

    def note(self) -> str:
        return t("{sheet}!{cell} の変更を読みました（{person} {m}/{d}: {old} → {new}）",
                 "read the change in {sheet}!{cell} ({person} {m}/{d}: {old} -> {new})",
                 sheet=DUTY_SHEET, cell=self.cell, person=self.person, m=self.day.month, d=self.day.day,
                 old=_listed(self.before) or self.leave or _free(self.after_night_before),
                 new=_listed(self.after) or _free(self.after_night_after))


def _free(after_night: bool) -> str:
    """What a day without sessions is: 明 after a night that runs into its morning, else 休み."""
    return t("明", "after night") if after_night else t("休み", "day off")


@dataclass(frozen=True)
class DutyReport:
    """What the 勤務表 sheet said: the days read from it, the cells left unread because their
    sessions were changed in 配置表 or Assignments as well, and whether it could not be read at
    all (its days or headings moved)."""

    edits: tuple[DutyEdit, ...] = ()
    clashing: tuple[str, ...] = ()
    unreadable: bool = False

    def notes(self) -> list[str]:
        notes = [edit.note() for edit in self.edits]
        if self.unreadable:
            notes.append(t("注意: 勤務表 が書き出した時の形ではないため、勤務表 での変更は読めません。",
                           "note: 勤務表 is no longer laid out as exported, so changes made in it cannot be read."))
        if self.clashing:
            cells = "、".join(self.clashing[:5]) + (
                t(" ほか {n} か所", " and {n} more", n=len(self.clashing) - 5) if len(self.clashing) > 5 else "")
            notes.append(t("注意: 勤務表 の {cells} は読んでいません。その日の枠の人が {master} か Assignments シートでも"
                           "変えられています。勤務表 の変更は {master} で直してください。",
                           "note: 勤務表 {cells} not read: the people of that day's sessions were changed in {master} "
                           "or the Assignments sheet as well. Make the 勤務表 change in {master}.",
                           cells=cells, master=MASTER_SHEET))
        return notes


def _when(word: str | None) -> Callable[[Requirement], bool] | None:
    """The test a word below an activity puts on its sessions: 午前/AM (a morning session), 午後/PM
    (starts at noon or later; models.domain.is_morning, is_afternoon) or a start (`9:00`, `13時半`);
    None for any other word."""
    if word is None:
        return None
    half = normalize(word).casefold()
    if half in ("午前", "am"):
        return lambda r: is_morning(r.start, r.end)
    if half in ("午後", "pm"):
        return lambda r: is_afternoon(r.start, r.end)
    try:
        start = parse_time(word)
    except ValueError:
        return None
    return lambda r: r.start == start


def _runs_into(sessions: Iterable[Requirement], day: date) -> bool:
    """Whether one of the day before's sessions runs into `day`'s morning (明)."""
    return any(day in days_taken(r)[1:] for r in sessions)


def _listed(items: Iterable[str]) -> str:
    return t("、", ", ").join(items)


def _bare(text: str) -> str:
    return "".join(normalize(text).casefold().split())


class _Names:
    """Names (sites or activities) as a cell may write them: whole, short form, or a unique start."""

    def __init__(self, shorts: dict[str, str]):
        self.shorts = shorts
        self._exact: dict[str, set[str]] = defaultdict(set)
        for name, short in shorts.items():
            self._exact[_bare(name)].add(name)
            self._exact[_bare(short)].add(name)

    def spells(self, text: str) -> bool:
        """Whether `text` is one of the names, whole or in short form."""
        return _bare(text) in self._exact

    def find(self, text: str) -> list[str]:
        """The names `text` may mean: those it spells out (whole or short form), else those it starts."""
        bare = _bare(text)
        if not bare:
            return []
        if bare in self._exact:
            return sorted(self._exact[bare])
        return sorted(n for n in self.shorts if _bare(n).startswith(bare) or _bare(self.shorts[n]).startswith(bare))


def _label(req: Requirement, sites: bool) -> str:
    return f"{req.site} {req.activity}" if sites else req.activity


class _Reader:
    """Reads one workbook's 勤務表 cells into sessions."""

    def __init__(self, book: str, problem: Problem):
        self.book = book
        self.problem = problem
        forms = ShortForms.of(problem)
        self.forms = forms
        self.activities = _Names(forms.activity)
        self.sites = _Names(forms.site) if forms.site else None
        self.held: dict[tuple[date, str], list[Requirement]] = defaultdict(list)
        for req in problem.requirements:
            self.held[(req.date, req.activity)].append(req)

    def problem_at(self, cell: str, message: str) -> InputProblem:
        return InputProblem(self.book, DUTY_SHEET, cell, message)

    def day_off(self, text: str) -> bool:
        """Whether a cell's word says a day off (module's day_off) rather than a shift of the plan: a
        ward whose shift is named 研修 writes it in the cell, and means the shift."""
        return day_off(text) and not self.activities.spells(text)

    def tokens(self, value: Any) -> list[str]:
        """The cell's words naming sessions (site and activity apart), day-off marks left out."""
        if is_blank(value):
            return []
        out = []
        for part in _SEPARATORS.split(normalize(value)):
            part = part.strip()
            if not part or self.day_off(part):
                continue
            words = part.split()
            if len(words) > 1 and not self.activities.find(part) and not (self.sites and self.sites.find(part)):
                out += words  # `東灘 3歳` on one line
            else:
                out += self._site_first(part) or [part]
        return out

    def _site_first(self, part: str) -> list[str] | None:
        """`東分館日勤` as `東分館`, `日勤`: a site (or its short form) then one activity without a space between
        (a library's hand fix was refused as no activity); None when the cell is not so written."""
        if self.sites is None or self.activities.find(part) or self.sites.find(part):
            return None
        bare = _bare(part)
        spelled = sorted({_bare(n) for pair in self.sites.shorts.items() for n in pair}, key=len, reverse=True)
        for site in spelled:
            if bare.startswith(site) and len(self.activities.find(bare[len(site):])) == 1:
                return [site, bare[len(site):]]
        return None

    def sessions(self, cell: str, day: date, value: Any, held: list[Requirement]) -> list[Requirement] | InputProblem:
        """The sessions a cell names on `day`; `held` the person's sessions that day in the roster read,
        which an ambiguous name means when it can."""
        chosen: list[Requirement] = []
        site: str | None = None
        words: list[str | None] = list(self.tokens(value))
        for index, word in enumerate(words):
            if word is None:
                continue  # a half of the day (or a start) read with the activity before it
            if self.sites is not None and site is None:
                sites = self.sites.find(word)
                if len(sites) == 1 and not self.activities.find(word):
                    site = sites[0]
                    continue
            names = self.activities.find(word)
            if len(names) != 1:
                return self.problem_at(cell, self._unknown(word, names, day))
            candidates = [r for r in self.held.get((day, names[0]), []) if site is None or r.site == site]
            if index + 1 < len(words) and (when := _when(words[index + 1])) is not None:
                candidates = [r for r in candidates if when(r)]  # `医師` over `午前` (or `9:00`)
                words[index + 1] = None
            free = [r for r in candidates if r not in chosen]
            mine = [r for r in free if r in held]
            if mine:
                chosen.append(mine[0])
            elif len(free) == 1:
                chosen.append(free[0])
            else:
                return self.problem_at(cell, self._no_session(word, names[0], site, day, free))
            site = None
        if site is not None:
            return self.problem_at(cell, t("会場「{site}」の後に内容がありません（{m}/{d}）",
                                           'no activity after the site "{site}" ({m}/{d})',
                                           site=site, m=day.month, d=day.day))
        return chosen

    def _unknown(self, word: str, names: list[str], day: date) -> str:
        if names:
            return t("「{word}」は {names} のどれか分かりません。略さずに書いてください（{m}/{d}）",
                     '"{word}" could be any of {names}: write the name in full ({m}/{d})',
                     word=word, names=_listed(names), m=day.month, d=day.day)
        return t("「{word}」は枠シートの内容（{known}）にありません（{m}/{d}）",
                 '"{word}" is not an activity of the sessions sheet ({known}) ({m}/{d})',
                 word=word, known=_listed(self.forms.activity), m=day.month, d=day.day)

    def _no_session(self, word: str, activity: str, site: str | None, day: date, free: list[Requirement]) -> str:
        what = f"{site} {activity}" if site else activity
        if not free:
            return t("{m}/{d} に「{what}」の枠はありません（「{word}」）", 'there is no {what} session on {m}/{d} ("{word}")',
                     m=day.month, d=day.day, what=what, word=word)
        sites = sorted({r.site for r in free})
        if site is None and len(sites) == len(free):  # one a site: the cell may name it (a library's 4 日勤)
            short = self.forms.site.get(sites[0], sites[0]) if self.forms.site else sites[0]
            return t("{m}/{d} の「{what}」の枠は {n} つあります（{which}）。会場を前に書いてください（「{short} {what}」の"
                     "ように）", "{m}/{d} has {n} {what} sessions ({which}): write the site first, as in \"{short} {what}\"",
                     m=day.month, d=day.day, what=what, n=len(free), short=short, which=_listed(r.label() for r in free))
        return t("{m}/{d} の「{what}」の枠は {n} つあります（{which}）。どれに入るかは {master} で書いてください",
                 "{m}/{d} has {n} {what} sessions ({which}): say which one in {master}",
                 m=day.month, d=day.day, what=what, n=len(free), master=MASTER_SHEET,
                 which=_listed(r.label() for r in free))


def _layout(rows: Rows, days: list[date]) -> int | None:
    """The index of the 勤務表's header row when its day columns are the plan's days as exported, else None."""
    top = day_headers(days)[0]
    for index, row in enumerate(rows[:12]):
        heads = [normalize(v).casefold() for v in row[:FIXED_COLUMNS]]
        if len(heads) == FIXED_COLUMNS and all(h in names for h, names in zip(heads, _HEADERS)):
            shown = [normalize(v) for v in row[FIXED_COLUMNS:FIXED_COLUMNS + len(days)]]
            return index if shown == top else None
    return None


def read_duty_edits(book: str, problem: Problem, assignments: list[Assignment], rows: Rows,
                    exported: dict[str, str] | None, changed: Iterable[str],
                    problems: list[InputProblem]) -> tuple[list[Assignment], DutyReport]:
    """The assignments with the days edited in 勤務表 read in (see the module docstring), and the
    report of what was read; every unreadable cell is added to `problems`. `exported` holds the
    rows' digests as exported (None: an older export, every row read), `changed` the sessions
    whose people differ from the export's in the roster read so far."""
    days = problem.days()
    header = _layout(rows, days)
    if header is None:
        return assignments, DutyReport(unreadable=True)
    reader = _Reader(book, problem)
    changed = set(changed)
    staff_ids = {s.id for s in problem.staff}
    names = {s.id: s.name for s in problem.staff}
    mine: dict[tuple[str, date], list[Assignment]] = defaultdict(list)
    for a in assignments:
        if problem.has_requirement(a.requirement_id):
            mine[(a.staff_id, problem.requirement(a.requirement_id).date)].append(a)
    replaced: dict[tuple[str, date], list[Assignment]] = {}
    edits: list[DutyEdit] = []
    clashing: list[str] = []
    seen: set[str] = set()
    sites = reader.sites is not None
    for index in range(header + 2, len(rows)):
        row = rows[index]
        staff_id = known_id(normalize(row[0]) if row else "", staff_ids)
        if staff_id is None:
            continue  # the per-day counts and the legend below the people, or a row added by hand
        if staff_id in seen:
            problems.append(reader.problem_at(cell_name(index, 0), t(
                "職員ID {id} の行が2つあります", "staff ID {id} has two rows", id=staff_id)))
            continue
        seen.add(staff_id)
        cells = {day: row[FIXED_COLUMNS + i] if FIXED_COLUMNS + i < len(row) else None for i, day in enumerate(days)}
        shown = {d: text for d, v in cells.items() if not reader.day_off(text := duty_text(v))}
        if exported is not None and duty_digest(staff_id, shown) == exported.get(staff_id, duty_digest(staff_id, {})):
            continue  # the row as exported
        eve = list(problem.history_sessions.get(staff_id, ()))
        night_before, night_after = eve, eve  # the day before's sessions, as exported and as read
        for i, day in enumerate(days):
            cell = cell_name(index, FIXED_COLUMNS + i)
            before = mine.get((staff_id, day), [])
            held = [problem.requirement(a.requirement_id) for a in before]
            read = reader.sessions(cell, day, cells[day], held)
            if isinstance(read, InputProblem):
                problems.append(read)
                night_before, night_after = held, held
                continue
            mornings = (_runs_into(night_before, day), _runs_into(night_after, day))
            night_before, night_after = held, read
            if sorted(r.id for r in read) == sorted(r.id for r in held):
                continue
            moved = {r.id for r in read} ^ {r.id for r in held}
            if moved <= changed:
                continue  # the cell as exported, its sessions changed since in 配置表 or Assignments
            if moved & changed:
                clashing.append(cell)
                continue
            kept = [a for a in before if a.requirement_id in {r.id for r in read}]
            added = [Assignment(staff_id, r.id, source="import") for r in read
                     if r.id not in {a.requirement_id for a in kept}]
            replaced[(staff_id, day)] = kept + added
            edits.append(DutyEdit(cell, names.get(staff_id, staff_id), day,
                                  tuple(_label(r, sites) for r in held), tuple(_label(r, sites) for r in read),
                                  *mornings, problem.day_words(staff_id).get(day, "")))
    if not replaced:
        return assignments, DutyReport((), tuple(clashing))
    out = [a for a in assignments if not (problem.has_requirement(a.requirement_id) and
                                          (a.staff_id, problem.requirement(a.requirement_id).date) in replaced)]
    out += [a for new in replaced.values() for a in new]
    return out, DutyReport(tuple(edits), tuple(clashing))
