"""Reading people from the 配置表 sheet of a roster workbook, in either layout the export writes.

A grid cell (a date's row, a site's column) holds each session of that site and day as a heading
line (`3歳児健診 13:00-16:00`) followed by names separated by `、` (and `（あと1人）` when short,
`（栄養士 あと1人）` when short of a skill);
the list layout (many sites) has one row per session with its names in the last column. People
are recognised by their registered names, spaces aside; a family name alone will do when only
one person has it, and names run together (`山田 花子 佐藤 次郎`) are told apart.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from models.domain import DAY_MINUTES, Problem, Requirement, Roster, bare_name, normalize
from models.excel.reader import cell_name, is_blank
from models.excel.sheets_master import GridColumn, LIST_HEADER, grid_columns, grid_days, list_order, session_heading
from models.i18n import t

Rows = list[tuple[Any, ...]]

# A session's hours after NFKC: `HH:MM-HH:MM` (`〜` and `~` will do too), an end of the next day as
# the export writes it (`翌1:00`, `1:00 (next day)`) or as older exports did (`25:00`).
_TIMES = (r"(?P<start>\d{1,2}):(?P<sm>\d{2})\s*[-~〜–—]\s*(?P<next>翌)?\s*(?P<end>\d{1,2}):(?P<em>\d{2})"
          r"(?P<next_en>\s*\(next day\))?")
_HEADING = re.compile(rf"^(?P<activity>.*?)\s*{_TIMES}$", re.IGNORECASE)  # the activity, then its hours
_HOURS = re.compile(rf"^{_TIMES}$", re.IGNORECASE)
# `（あと1人）`, ` (short 1)`, and a skill short: `（栄養士 あと1人）`, ` (栄養士: 1 more)`
# (a skill in it may hold one pair of brackets of its own: `（熱力学I(建築)担当 あと1人）`)
_SHORT = re.compile(r"\(\s*(?:[^()]|\([^()]*\))*?(?:あと\s*\d+\s*人|short\s+\d+|\d+\s+more)\s*\)", re.IGNORECASE)
_SEPARATORS = re.compile(r"[、,;/]")  # after NFKC, which makes `，；／､` of these
_JOINERS = re.compile(r"^[・･·\-ー\s]*$")  # what may stand between names as a separator: `山田 花子・佐藤 次郎`


@dataclass
class Entry:
    """What 配置表 says of one session: the registered names read (spaces aside), in order, and the
    text that names nobody registered. `names` is None when the session's cell has no heading for it."""

    requirement_id: str
    cell: str
    names: list[str] | None = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)


@dataclass
class Master:
    """The 配置表 sheet read: an entry per session it shows, and (cell, message) for what cannot be read."""

    entries: list[Entry] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)


class StaffNames:
    """The registered names of a problem's staff, to find in a cell's text."""

    def __init__(self, problem: Problem):
        self.skills = {skill for s in problem.staff for skill in s.skills}  # a name's role: `山田 花子（リーダー）`
        # each role as the 配置表 writes it after a name, its brackets made half-width as the cell's text
        # is; named in full, as a skill may hold brackets of its own (`（熱力学I(建築)担当）`)
        roles = sorted({normalize(skill) for skill in self.skills}, key=len, reverse=True)
        # or several joined by ・ (`（看護師・リーダー）`: one person taking two roles)
        one = "|".join(re.escape(r) for r in roles)
        self.roles = re.compile(rf"\(\s*(?:{one})(?:\s*・\s*(?:{one}))*\s*\)") if roles else None
        self.ids: dict[str, list[str]] = defaultdict(list)  # bare name -> staff IDs
        family: dict[str, set[str]] = defaultdict(set)
        for s in problem.staff:
            if bare := bare_name(s.name):
                self.ids[bare].append(s.id)
                family[normalize(s.name).split()[0]].add(bare)
        self.family = {name: next(iter(full)) for name, full in family.items() if len(full) == 1}
        longest_first = sorted(self.ids, key=len, reverse=True)
        self.pattern: re.Pattern[str] | None = None
        self._spaced: re.Pattern[str] | None = None
        if longest_first:
            self.pattern = re.compile("|".join(map(re.escape, longest_first)))
            # the same names in text with its spaces (`山田　花子`): what is left once they are found is unknown
            self._spaced = re.compile("|".join(r"\s*".join(map(re.escape, n)) for n in longest_first))

    def find(self, text: object) -> Counter[str]:
        """The registered names anywhere in `text`, counted."""
        return Counter(self.pattern.findall(bare_name(text))) if self.pattern else Counter()

    def read(self, line: str) -> tuple[list[str], list[str]]:
        """The registered names (spaces aside) in one line of names, in order, and the pieces of
        the line between separators that name nobody registered. A name may hold a separator
        (`佐藤/美咲`): registered names are found first, then the rest is split."""
        found: list[str] = []

        def take(match: re.Match[str]) -> str:
            found.append(bare_name(match.group()))
            return "、"

        rest = self._spaced.sub(take, line) if self._spaced else line
        unknown = []
        for token in _SEPARATORS.split(rest):
            if _JOINERS.match(token):
                continue  # a 中黒 or dash between two registered names
            if bare := bare_name(token):
                if bare in self.family:
                    found.append(self.family[bare])
                else:
                    unknown.append(token.strip().strip("・･·").strip())
        return found, unknown


def _grid_header(rows: Rows, columns: list[GridColumn]) -> int | None:
    """The index of the grid's header row (`日付 | site | site …`), None when there is none."""
    if not rows:
        return None
    titles = [normalize(c.title()) for c in columns]
    return next((i for i, row in enumerate(rows[:10]) if [normalize(v) for v in row[1:len(titles) + 1]] == titles), None)


def _by_cell(problem: Problem, columns: list[GridColumn]) -> dict[tuple[date, int], list[Requirement]]:
    """The sessions of each grid cell: (date, column index) -> sessions."""
    out: dict[tuple[date, int], list[Requirement]] = defaultdict(list)
    for req in problem.requirements:
        col = next((i for i, c in enumerate(columns) if c.holds(req)), None)
        if col is not None:
            out[(req.date, col)].append(req)
    return out


def grid_disagreements(rows: Rows, problem: Problem, roster: Roster) -> list[str]:
    """The cells of a 配置表 grid (dates × sites; `rows` as read) whose people are not those the
    roster places there. People are recognised by their registered names, spaces aside. Empty
    when there is no grid in the layout Haichi writes (no 配置表 sheet, the one-row-per-session
    list, reworked headers)."""
    columns = grid_columns(problem)
    header = _grid_header(rows, columns) if columns else None
    names = StaffNames(problem)
    if header is None or names.pattern is None:
        return []
    placed: dict[tuple[object, int], Counter[str]] = {}
    cell_of = {req.id: key for key, reqs in _by_cell(problem, columns).items() for req in reqs}
    for a in roster.assignments:  # read_roster kept known sessions only
        placed.setdefault(cell_of[a.requirement_id], Counter())[bare_name(problem.staff_by_id(a.staff_id).name)] += 1
    out = []
    for offset, day in enumerate(grid_days(problem)):
        index = header + 1 + offset
        row = rows[index] if index < len(rows) else ()
        for col in range(1, len(columns) + 1):
            value = row[col] if col < len(row) else None
            seen = names.find(value) if not is_blank(value) else Counter()
            if seen != placed.get((day, col - 1), Counter()):
                out.append(cell_name(index, col))
    return out


def read_master(rows: Rows, problem: Problem) -> Master | None:
    """The people 配置表 shows for each session, in the grid or the list layout; None when the
    sheet is not in the layout the export writes (no 配置表, header rows reworked)."""
    if not problem.requirements:
        return Master()
    names = StaffNames(problem)
    columns = grid_columns(problem)
    if columns:
        header = _grid_header(rows, columns)
        return None if header is None else _read_grid(rows, header, problem, columns, names)
    header = _list_header(rows)
    return None if header is None else _read_list(rows, header, problem, names)


def _read_grid(rows: Rows, header: int, problem: Problem, columns: list[GridColumn], names: StaffNames) -> Master:
    by_cell = _by_cell(problem, columns)
    master = Master()
    days = grid_days(problem)
    for offset, day in enumerate(days):
        index = header + 1 + offset
        row = rows[index] if index < len(rows) else ()
        if not _is_row_of(row, day):
            master.problems.append((cell_name(index, 0), _moved_row(f"{day.month}/{day.day}")))
            continue
        for col in range(1, len(columns) + 1):
            value = row[col] if col < len(row) else None
            _read_cell(value, by_cell.get((day, col - 1), []), cell_name(index, col), names, master)
    _nothing_below(rows, header + 1 + len(days), master)
    return master


def _is_row_of(row: tuple[Any, ...], day: date) -> bool:
    """Whether the row's date cell is `day`'s label (`1/19(火)`, in either language)."""
    return bool(row) and normalize(row[0]).startswith(f"{day.month}/{day.day}(")


def _moved_row(row: str) -> str:
    """Why a row is not read: it is not the one the export wrote there (`row`: `1/19`, or a session)."""
    return t("ここは {row} の行のはずです。配置表 の行は足したり消したり並べ替えたりせず、氏名だけを書き換えてください",
             "this should be the row of {row}: do not add, delete or reorder the rows of 配置表, change the names only",
             row=row)


def _nothing_below(rows: Rows, end: int, master: Master) -> None:
    """Text below the last row the export wrote: a person added there would be ignored."""
    for index in range(end, len(rows)):
        col = next((c for c, v in enumerate(rows[index]) if not is_blank(v)), None)
        if col is not None:
            master.problems.append((cell_name(index, col), t(
                "配置表 の表の下に書かれたものは読みません。人を加えるときは、その枠のセルに氏名を書いてください",
                "text below the 配置表 table is not read: to add someone, write their name in the session's cell")))
            return


# The end of the line 配置表 writes for a session called off (changes.called_off), read folded: `（中止）`,
# `（中止: 館内整理日）`, or the 備考 alone when it says 中止 or 休止 itself (`（設備点検のため中止）`, which
# had stopped the export's own workbook from reading back)
_CALLED_OFF = re.compile(r"(?:\(中止(?::.*)?\)|\([^()]*(?:中止|休止)[^()]*\)|\(called off(?::.*)?\))$")


def _read_cell(value: object, reqs: list[Requirement], cell: str, names: StaffNames, master: Master) -> None:
    """The entries of one grid cell: each session's heading, then the names below it."""
    if not reqs:
        # the export's own line of a session called off there (`日勤 09:45-18:15（中止: 館内整理日）`) is no entry
        if any(line.strip() and not _CALLED_OFF.search(normalize(line)) for line in str(value or "").splitlines()):
            master.problems.append((cell, t("この日この会場には枠がありません", "this site has no session on this day")))
        return
    found: dict[str, Entry] = {}
    current: Entry | None = None
    astray = False  # names with no heading of a known session above them: reported once
    off = False  # below the export's line of a session called off beside those held: no names there
    for line in str(value or "").splitlines():
        line = normalize(line)
        if not line:
            continue
        if _CALLED_OFF.search(line):
            current, off = None, True
            continue
        if heading := _HEADING.match(line):
            req = _session_of(heading, reqs)
            off = False
            if req is None or req.id in found:
                master.problems.append((cell, _bad_heading(line, reqs, req is not None)))
                current, astray = None, True
            else:
                current = found[req.id] = Entry(req.id, cell)
        elif current is not None:
            _read_names(line, current, names)
        elif off:
            master.problems.append((cell, t("「{line}」: 中止の枠には名前は書けません", '"{line}": no one can be written '
                                            "in a session called off", line=line)))
            off = False
        elif not astray:
            master.problems.append((cell, t(
                "氏名「{line}」の上に枠の見出し行（{heading}）がありません",
                'the names "{line}" have no session heading ({heading}) above them',
                line=line, heading=session_heading(reqs[0]))))
            astray = True
    master.entries += [found.get(r.id) or Entry(r.id, cell, None) for r in reqs]


def _hours(found: re.Match[str]) -> tuple[int, int]:
    """Start and end (past 24:00 for the next day's) of a match of _TIMES."""
    end = int(found["end"]) * 60 + int(found["em"])
    return int(found["start"]) * 60 + int(found["sm"]), end + (DAY_MINUTES if found["next"] or found["next_en"] else 0)


def _session_of(heading: re.Match[str], reqs: list[Requirement]) -> Requirement | None:
    """The session of a heading line: same activity (spaces aside), same start and end."""
    activity = bare_name(heading["activity"])
    return next((r for r in reqs if (bare_name(r.activity), r.start, r.end) == (activity, *_hours(heading))), None)


def _bad_heading(line: str, reqs: list[Requirement], twice: bool) -> str:
    known = "、".join(session_heading(r) for r in reqs)
    if twice:
        return t("枠の見出し「{line}」が2回あります", 'the session heading "{line}" is there twice', line=line)
    return t("見出し「{line}」の枠はこの日この会場にありません（この日の枠: {known}）。見出し行は書き換えないでください",
             'no session "{line}" at this site on this day (its sessions: {known}); do not change the heading lines',
             line=line, known=known)


def _read_names(text: str, entry: Entry, names: StaffNames) -> None:
    """The names in one line of a session (`山田 花子、佐藤 次郎（あと1人）`) added to `entry`."""
    assert entry.names is not None
    text = _SHORT.sub("、", text)
    text = names.roles.sub("", text) if names.roles else text
    found, unknown = names.read(text)
    entry.names += found
    entry.unknown += unknown


def _list_header(rows: Rows) -> int | None:
    """The index of the list layout's header row (in either language)."""
    headers = [[normalize(h[i]) for h in LIST_HEADER] for i in (0, 1)]
    return next((i for i, row in enumerate(rows[:10]) if [normalize(v) for v in row[:len(LIST_HEADER)]] in headers),
                None)


def _read_list(rows: Rows, header: int, problem: Problem, names: StaffNames) -> Master:
    master = Master()
    last = len(LIST_HEADER) - 1
    index = header + 1
    for req in list_order(problem):
        row = rows[index] if index < len(rows) else ()
        site, activity, hours = ([normalize(v) for v in row[1:4]] + ["", "", ""])[:3]
        found = _HOURS.match(hours)
        here = (_is_row_of(row, req.date) and (site, activity) == (normalize(req.site), normalize(req.activity))
                and found is not None and _hours(found) == (req.start, req.end))
        value = row[last] if last < len(row) else None
        if not problem.has_requirement(req.id):
            # a session called off has a row saying so; a list exported before such rows were written has none
            if here:
                if any(line.strip() and not _CALLED_OFF.search(normalize(line)) for line in str(value or "").splitlines()):
                    master.problems.append((cell_name(index, last), t(
                        "この枠は中止です。名前は書けません", "this session is called off: no one can be written in")))
                index += 1
            continue
        if not here:
            master.problems.append((cell_name(index, 0), _moved_row(req.label())))
            index += 1
            continue
        entry = Entry(req.id, cell_name(index, last))
        for line in str(value or "").splitlines():
            _read_names(normalize(line), entry, names)
        master.entries.append(entry)
        index += 1
    _nothing_below(rows, index, master)
    return master
