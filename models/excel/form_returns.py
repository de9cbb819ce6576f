"""Collecting returned availability forms into a plan: who answered, who did not, what changed.

Each file is read with the importer's own form reader (`form_sheet.read_form`), so a form is
matched to its person by the `職員ID` cell, and every problem (unknown person, unknown mark, a
form for another month, another person's name under the ID) is reported with file, sheet and
cell. Any problem stops the whole collection: nothing is half-imported. A person who sent two
different forms is taken at their latest save (the workbook's own "modified" time, then the
file's); the report says which. A shift's name in a 可否 cell is a wish, as in the 勤務可否 matrix:
a form replaces that person's marks and wishes for the plan period.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Sequence

from models.domain import Mark, Problem, ShiftRequest, Staff, Window, normalize, rotation_order, typed
from models.errors import InputProblem, InvalidInput
from models.excel import messages
from models.excel.availability_sheet import Availability, Kept, Wishes, wishes_of
from models.excel.form_sheet import as_list, is_form, labelled, list_owner, read_form, same_name
from models.excel.reader import Book, Period, is_blank, locate, open_book
from models.excel.schema import AVAILABILITY, AVAILABILITY_FORM, FORM_NAME_LABELS
from models.excel.styles import day_label
from models.i18n import t
from models.textparse import cell_text


@dataclass(frozen=True)
class FormReturn:
    """One person's returned form: their marks inside the plan period, their wishes (date -> the
    activity asked for, `日勤+準夜` for either) and their notes."""

    path: Path
    sheet: str
    staff_id: str
    marks: dict[date, Mark]
    notes: tuple[tuple[date, str], ...] = ()
    name_on_form: str = ""
    saved: datetime | None = None  # when the person last saved it (the workbook's own record)
    wishes: dict[date, str] = field(default_factory=dict)
    unread: tuple[str, ...] = ()  # what the reader left out, said (marks for dates outside the plan)
    leave: dict[date, str] = field(default_factory=dict)  # the × days that are leave (有休): Problem.leave
    windows: dict[date, Window] = field(default_factory=dict)  # the hours free on a day (15時から): Problem.windows
    refused: dict[date, frozenset[str]] = field(default_factory=dict)  # the shifts refused (遅番不可): Problem.refused
    caps: dict[date, int] = field(default_factory=dict)  # the most sessions of a day (1枠のみ): Problem.day_caps

    @property
    def file(self) -> str:
        return self.path.name


@dataclass(frozen=True)
class MarkChange:
    """One day whose answer differs from what the plan held before (None = blank, or no wish)."""

    staff_id: str
    date: date
    before: Mark | None
    after: Mark | None
    wish_before: str | None = None
    wish_after: str | None = None
    window_before: Window | None = None  # the hours written with the mark (15時から)
    window_after: Window | None = None
    leave_before: str | None = None  # the word of a × day (有休, 希): shown as written, not as ×
    leave_after: str | None = None
    refused_before: frozenset[str] | None = None  # the shifts refused that day (遅番不可)
    refused_after: frozenset[str] | None = None
    cap_before: int | None = None  # the most sessions that day (1枠のみ)
    cap_after: int | None = None


@dataclass
class Collection:
    """The result of collecting forms: the merged plan and everything the coordinator should know."""

    problem: Problem  # the plan with each returned person's availability and wishes replaced by their form
    used: list[FormReturn] = field(default_factory=list)  # one per person, in staff order
    superseded: list[FormReturn] = field(default_factory=list)  # older duplicates that were not used
    missing: list[Staff] = field(default_factory=list)  # active staff who returned no form
    changes: list[MarkChange] = field(default_factory=list)
    renamed: list[tuple[FormReturn, str]] = field(default_factory=list)  # (form, name on the 職員 sheet)


def _saved_at(path: Path) -> datetime | None:
    """The `modified` time Excel (or openpyxl) stored in the workbook, None when unreadable."""
    try:
        from openpyxl.packaging.core import DocumentProperties
        from openpyxl.xml.functions import fromstring

        with zipfile.ZipFile(path) as archive:
            modified = DocumentProperties.from_tree(fromstring(archive.read("docProps/core.xml"))).modified
        return modified.replace(tzinfo=None) if modified else None
    except Exception:  # no core.xml or a malformed one: fall back to the file's own time
        return None


def _read_sheet(book: Book, title: str, problem: Problem, problems: list[InputProblem]) -> list[FormReturn]:
    """One form sheet as a FormReturn, or a list of answers (one row per person and day, a Google Form's
    export) as one per person in it: only its first person's had been read, and the others' remarks
    credited to them (nothing after adding its problems)."""
    rows = book.rows(title)
    staff_ids = {s.id for s in problem.staff}
    period = Period(problem.start, problem.end)
    found: dict[str, Availability] = {}
    wishes: Wishes = {}
    kept = Kept()
    before = len(problems)
    names = {s.id: s.name for s in problem.staff}
    unread: list[InputProblem] = []
    read_form(book.name, title, rows, staff_ids, period, problems, found, {}, names,
              rotation_order(problem.requirements), wishes, unread, kept)
    if len(problems) > before or not found:
        return []
    listed = as_list(book.name, title, rows, [])
    table = listed or locate(book.name, title, rows, AVAILABILITY_FORM, [])
    assert table is not None  # read_form located it already
    notes: dict[str, list[tuple[date, str]]] = {}
    for _, row in table.data():
        try:
            day = period.to_date(table.value(row, "date"))
        except ValueError:
            continue  # blank or unreadable dates were judged by read_form
        note = typed(table.value(row, "notes")) if "notes" in table.columns else ""
        whose = list_owner(table, row, staff_ids, names) if listed else next(iter(found))
        if note and day in period and whose is not None:
            notes.setdefault(whose, []).append((day, note))
    label = None if listed else labelled(rows, FORM_NAME_LABELS, table.header_row)
    name = normalize(label[2]) if label and not is_blank(label[2]) else ""
    saved = _saved_at(book.path)
    return [FormReturn(book.path, title, staff_id, {d: m for (_, d), m in marks.items()}, tuple(notes.get(staff_id, ())),
                       name, saved, {d: w for (who, d), w in wishes.items() if who == staff_id}, tuple(map(str, unread)),
                       {d: word for (who, d), word in kept.leave.items() if who == staff_id},
                       {d: hours for (who, d), hours in kept.windows.items() if who == staff_id},
                       {d: shifts for (who, d), shifts in kept.refused.items() if who == staff_id},
                       {d: cap for (who, d), cap in kept.caps.items() if who == staff_id})
            for staff_id, marks in found.items()]


def read_returns(problem: Problem, paths: Sequence[Path | str]) -> list[FormReturn]:
    """Every form in `paths` (a file may hold several form sheets); raises InvalidInput listing
    every problem in every file."""
    problems: list[InputProblem] = []
    returns: list[FormReturn] = []
    for path in paths:
        book = open_book(Path(path), problems)
        if book is None:
            continue
        try:
            titles = book.find(AVAILABILITY, prefix=True)
            if not titles:
                problems.append(InputProblem(book.name, "", "", messages.missing_sheet(AVAILABILITY.ja)))
            for title in titles:
                if not is_form(book.rows(title)):
                    problems.append(InputProblem(book.name, title, "", t(
                        "1人分の回答票ではありません（全員分の表は haichi import で取り込んでください）",
                        "not a one-person form (import a table of everyone with haichi import)")))
                    continue
                returns += _read_sheet(book, title, problem, problems)
        finally:
            book.close()
    if problems:
        raise InvalidInput(problems)
    return returns


def _latest_first(form: FormReturn) -> tuple[datetime, int]:
    return form.saved or datetime.min, form.path.stat().st_mtime_ns


def _pick(problem: Problem, returns: list[FormReturn]) -> tuple[list[FormReturn], list[FormReturn]]:
    """(the form used per person, the older forms not used); two different answers saved at the
    same moment cannot be told apart and are refused."""
    by_person: dict[str, list[FormReturn]] = {}
    for form in returns:
        by_person.setdefault(form.staff_id, []).append(form)
    used, superseded, problems = [], [], []
    for forms in by_person.values():
        forms.sort(key=_latest_first, reverse=True)
        newest = forms[0]
        for older in forms[1:]:
            differ = (older.marks, older.wishes) != (newest.marks, newest.wishes)
            if _latest_first(older) == _latest_first(newest) and differ:
                problems.append(InputProblem(older.file, older.sheet, "", t(
                    "職員ID \"{id}\" の回答票が {other} と食い違い、どちらが新しいか分かりません",
                    'the form for staff ID "{id}" differs from {other} and neither is newer',
                    id=older.staff_id, other=newest.file)))
        used.append(newest)
        superseded += forms[1:]
    if problems:
        raise InvalidInput(problems)
    order = {s.id: i for i, s in enumerate(problem.staff)}
    used.sort(key=lambda f: order[f.staff_id])
    superseded.sort(key=lambda f: (order[f.staff_id], _latest_first(f)))
    return used, superseded


def collect_forms(problem: Problem, paths: Sequence[Path | str]) -> Collection:
    """Read the returned forms in `paths` and merge them into `problem`.

    Returns a Collection whose `problem` is a copy of `problem` with each returned person's
    availability replaced by their form (blank answers mean the plan's blank default), and their
    requests for the plan's dates by the form's wishes (as a form replaces a matrix row), plus
    the report material. Raises InvalidInput, changing nothing, when any file has a problem.
    """
    used, superseded = _pick(problem, read_returns(problem, paths))
    returned = {f.staff_id for f in used}
    availability = {key: mark for key, mark in problem.availability.items() if key[0] not in returned}
    kept = Kept()
    kept.update(Kept(problem.leave, problem.windows, problem.refused, problem.day_caps), but=returned)
    wished = wishes_of(problem)
    # A form says the wishes a 可否 cell can say: a request it cannot (not to work, another weight) stays.
    requests = [r for r in problem.requests
                if r.staff_id not in returned or not problem.start <= r.date <= problem.end
                or (r.staff_id, r.date) not in wished]
    changes: list[MarkChange] = []
    renamed: list[tuple[FormReturn, str]] = []
    for form in used:
        for day, mark in form.marks.items():
            availability[(form.staff_id, day)] = mark
        kept.leave.update({(form.staff_id, day): word for day, word in form.leave.items()})
        kept.windows.update({(form.staff_id, day): hours for day, hours in form.windows.items()})
        kept.refused.update({(form.staff_id, day): shifts for day, shifts in form.refused.items()})
        kept.caps.update({(form.staff_id, day): cap for day, cap in form.caps.items()})
        requests += [ShiftRequest(form.staff_id, day, wish, on=True) for day, wish in sorted(form.wishes.items())]
        for day in problem.days():
            before, after = problem.availability.get((form.staff_id, day)), form.marks.get(day)
            wish_before, wish_after = wished.get((form.staff_id, day)), form.wishes.get(day)
            hours_before, hours_after = problem.windows.get((form.staff_id, day)), form.windows.get(day)
            leave_before, leave_after = problem.leave.get((form.staff_id, day)), form.leave.get(day)
            refused_before, refused_after = problem.refused.get((form.staff_id, day)), form.refused.get(day)
            cap_before, cap_after = problem.day_caps.get((form.staff_id, day)), form.caps.get(day)
            if ((before, wish_before, hours_before, leave_before, refused_before, cap_before)
                    != (after, wish_after, hours_after, leave_after, refused_after, cap_after)):
                changes.append(MarkChange(form.staff_id, day, before, after, wish_before, wish_after,
                                          hours_before, hours_after, leave_before, leave_after,
                                          refused_before, refused_after, cap_before, cap_after))
        registered = problem.staff_by_id(form.staff_id).name
        if form.name_on_form and not same_name(form.name_on_form, registered):
            renamed.append((form, registered))
    missing = [s for s in problem.active_staff() if s.id not in returned]
    return Collection(problem.with_(availability=availability, requests=requests, leave=kept.leave,
                                    windows=kept.windows, refused=kept.refused, day_caps=kept.caps),
                      used, superseded, missing,
                      changes, renamed)


def _mark_text(mark: Mark | None, wish: str | None = None, window: Window | None = None,
               leave: str | None = None, refused: frozenset[str] | None = None, cap: int | None = None) -> str:
    """What the cell says (`cell_text`: the shift asked for, the leave of a × day, the hours free, the
    shifts refused, the most sessions, the mark), or blank: a form's 有休 was said as × while the workbook
    written kept 有休."""
    return cell_text(mark, wish, leave, window, refused, cap=cap) or t("空欄", "blank")


def _before_text(change: MarkChange) -> str:
    return _mark_text(change.before, change.wish_before, change.window_before, change.leave_before,
                      change.refused_before, change.cap_before)


def _after_text(change: MarkChange) -> str:
    return _mark_text(change.after, change.wish_after, change.window_after, change.leave_after, change.refused_after,
                      change.cap_after)


def _who(problem: Problem, staff_id: str) -> str:
    return problem.staff_by_id(staff_id).label()


# Up to this many people who returned no form but whose marks the plan has are named; more are counted.
NAMED_KEEPING = 10
# Blank forms named in cautions' one sentence about them.
NAMED_BLANK = 3


def report_lines(collection: Collection) -> list[str]:
    """The collection as sentences for the coordinator: counts, duplicates, names that differ,
    missing returns, then each person's changed days (or a form returned without marks) and notes."""
    p = collection.problem
    lines = [t("回答票 {n} 件を読みました（対象 {m} 名、未提出 {k} 名）",
               "{n} form(s) read ({m} staff, {k} not returned)",
               n=len(collection.used), m=len(p.active_staff()), k=len(collection.missing))]
    wishes = sum(len(f.wishes) for f in collection.used)
    if wishes:
        lines.append(t("勤務希望 {n} 件を読みました（勤務名の記入）", "{n} shift wish(es) read (a shift's name written)",
                       n=wishes))
    lines += _superseded(collection) + _renamed(collection)
    # of those who returned none, the ones the plan has marks for keep them (a 勤務可否 table answered for them)
    marked = {staff_id for staff_id, _ in p.availability}
    unmarked = [s for s in collection.missing if s.id not in marked]
    if unmarked:  # the counts add up: 未提出 21 = these and the 20 below
        lines.append(t("未提出（計画に勤務可否の記号もなし）: {names}", "not returned (and no marks in the plan): {names}",
                       names="、".join(s.label() for s in unmarked)))
    kept = [s for s in collection.missing if s.id in marked]
    if 0 < len(kept) <= NAMED_KEEPING:
        lines.append(t("未提出（計画にある勤務可否の記号のまま）: {names}", "not returned (keeping the availability marks "
                       "the plan has): {names}", names="、".join(s.label() for s in kept)))
    elif kept:  # most answered in a table, a few by form: naming them all would bury the few
        lines.append(t("未提出のほか {n} 名は、計画にある勤務可否の記号のままです", "the other {n} without a form keep the "
                       "availability marks the plan has for them", n=len(kept)) if unmarked else t(
            "未提出の {n} 名は、計画にある勤務可否の記号のままです", "the {n} without a form keep the availability marks "
            "the plan has for them", n=len(kept)))
    by_person = _changes_by_person(collection)
    for form in collection.used:
        changed = by_person.get(form.staff_id, [])
        if changed:
            days = ", ".join(f"{day_label(c.date)} {_before_text(c)}→{_after_text(c)}" for c in changed)
            lines.append(t("{who}: {n} 日変更 ({days})", "{who}: {n} day(s) changed ({days})",
                           who=_who(p, form.staff_id), n=len(changed), days=days))
        elif form.marks:
            lines.append(t("{who}: 変更なし", "{who}: no change", who=_who(p, form.staff_id)))
        if form.marks:  # a form without any: _blank says it
            lines += [t("  注意: {note}", "  note: {note}", note=note) for note in _blanked(p, form.staff_id, changed)]
        lines += _blank(p, form)
        lines += [t("  注意: {note}", "  note: {note}", note=note) for note in form.unread]
    # the remarks together, each with its writer, at the end where they are seen: the roster reads
    # none of them (`15時以降なら可`), so the coordinator must
    remarks = [(form.staff_id, day, note) for form in collection.used for day, note in form.notes]
    if remarks:
        lines.append(t("備考 {n} 件（配置には使われません。必要なら記号を直してください）:",
                       "{n} remark(s) (the roster does not read them: change the marks where needed):", n=len(remarks)))
        lines += [t("  {who} {day} 備考: {note}", "  {who} {day} note: {note}", who=_who(p, staff_id),
                    day=day_label(day), note=note) for staff_id, day, note in remarks]
    return lines


def cautions(collection: Collection) -> list[str]:
    """What in the collection needs the coordinator's eye before the answers are applied: a
    person's older form set aside, a name that differs from the staff sheet, a form returned
    without marks, what a form's reader left out. The same sentences report_lines gives among
    the rest, for a window to show before asking."""
    p = collection.problem
    lines = _superseded(collection) + _renamed(collection)
    blank = [form for form in collection.used if not form.marks]
    if len(blank) == 1:
        lines += _blank(p, blank[0])
    elif blank:  # one sentence for many (forms sent out and returned untouched), naming the first few
        names = "、".join(_who(p, form.staff_id) for form in blank[:NAMED_BLANK])
        if len(blank) > NAMED_BLANK:
            names += t(" ほか {n} 名", " and {n} more", n=len(blank) - NAMED_BLANK)
        lines.append(messages.blank_forms(names, p.blank_means))
    by_person = _changes_by_person(collection)
    for form in collection.used:
        if form.marks:  # a form without any: said above
            lines += _blanked(p, form.staff_id, by_person.get(form.staff_id, []))
        lines += [f"{_who(p, form.staff_id)}: {note}" for note in form.unread]
    return lines


def _changes_by_person(collection: Collection) -> dict[str, list[MarkChange]]:
    by_person: dict[str, list[MarkChange]] = {}
    for change in collection.changes:
        by_person.setdefault(change.staff_id, []).append(change)
    return by_person


def _blanked(p: Problem, staff_id: str, changes: list[MarkChange]) -> list[str]:
    """A caution when a form left blank the days the plan had other marks for: a helper who works 午前のみ
    wrote only her exceptions on a blank form, and her 12 午前 days became ○ (the form's blank)."""
    # a mark other than the blank's, or hours given with one (`12時から`, lost as well on a ward's form)
    lost = [c for c in changes if c.after is None and (c.before not in (None, p.blank_means) or c.window_before
                                                      or c.refused_before)]
    if not lost:
        return []
    kinds = "・".join(dict.fromkeys(_mark_text(c.before, c.wish_before, c.window_before, None, c.refused_before)
                                    for c in lost))
    return [t("{who} の回答票は、計画で {kinds} だった {n} 日が空欄です。空欄は {blank} として取り込みます。"
              "元の記号のままにするなら回答票に書き直すか、記号を書き込んだ回答票（forms --prefill）を配ってください",
              "{who}'s form leaves blank {n} day(s) the plan had as {kinds}; a blank is taken as {blank}. To keep the "
              "marks, write them on the form, or send forms filled in with the marks (forms --prefill)",
              who=_who(p, staff_id), kinds=kinds, n=len(lost), blank=p.blank_means.value)]


def _superseded(collection: Collection) -> list[str]:
    used = {f.staff_id: f for f in collection.used}
    return [t("{who}: 回答票が複数あります。新しい {new} を使い、{old} は使いません",
              "{who}: several forms; using the newer {new}, not {old}",
              who=_who(collection.problem, old.staff_id), new=used[old.staff_id].file, old=old.file)
            for old in collection.superseded]


def _renamed(collection: Collection) -> list[str]:
    return [t("{file}: 氏名「{form}」が職員名簿の「{reg}」と違います（職員ID {id} として取り込みました）",
              '{file}: name "{form}" differs from "{reg}" on the staff sheet (taken as staff ID {id})',
              file=form.file, form=form.name_on_form, reg=registered, id=form.staff_id)
            for form, registered in collection.renamed]


def _blank(p: Problem, form: FormReturn) -> list[str]:
    """A form returned without marks (not "no change": a blank form refuses every day under the default)."""
    return [] if form.marks else [f"{form.file}: {messages.blank_form(_who(p, form.staff_id), p.blank_means)}"]
