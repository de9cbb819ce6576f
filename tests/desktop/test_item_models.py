"""The Qt item models read straight from the plan: tested with model.data(), no widget shown."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from desktop.edits import RosterEditor
from desktop.views.records import sessions_model, staff_model
from desktop.views.roster_grid import HOLIDAY_COLOUR, LOCK, LOCKED_ROLE, VIOLATIONS_ROLE, WEEKEND_COLOUR, RosterModel
from desktop.views.sessions import ASSIGNED_COLUMN, UNFILLED_BACKGROUND, SessionsModel
from desktop.views.statistics import StatisticsModel, ViolationsModel
from desktop.working_plan import WorkingPlan
from models.domain import Requirement
from models.stats import person_stats

D = Qt.ItemDataRole.DisplayRole
BG = Qt.ItemDataRole.BackgroundRole


@pytest.fixture
def plan(qtbot, sample_plan) -> WorkingPlan:
    p = WorkingPlan(background_evaluation=False)
    p.load(sample_plan.problem, sample_plan.witness)
    return p


def test_roster_cells_show_site_activity_and_lock(plan) -> None:
    model = RosterModel(plan)
    assert model.rowCount() == len(plan.problem.active_staff()) and model.columnCount() == 31
    a = plan.roster.assignments[0]
    req = plan.problem.requirement(a.requirement_id)
    index = model.cell_of(a.staff_id, req.date)
    assert f"{req.site} {req.activity}" in model.data(index, D)
    assert LOCK not in model.data(index, D)
    RosterEditor(plan, QUndoStack()).lock([(a.staff_id, req.id)])
    assert model.data(index, D) == f"{req.site} {req.activity}" and model.data(index, LOCKED_ROLE)
    assert model.data(index, BG) is not None
    other = next(r for r in plan.problem.requirements if r.date == req.date and r.id != req.id)
    RosterEditor(plan, QUndoStack()).assign(a.staff_id, other.id)  # a cell of two: the locked one's line says it
    assert f"{req.site} {req.activity} {LOCK}" in model.data(index, D).split("\n")
    assert not model.data(index, LOCKED_ROLE)


def test_a_plan_of_one_site_shows_the_activity_alone(qtbot) -> None:
    """A ward: every cell would repeat its name; 日勤 and 準夜 are what tells the cells apart."""
    from models.domain import Assignment, Problem, Requirement, Roster, Site, Staff

    day = date(2027, 2, 1)
    shifts = [Requirement(Requirement.make_id(day, "5東", name, start), day, "5東", name, start, end, 1)
              for name, start, end in (("日勤", 510, 1020), ("準夜", 990, 1500))]
    ward = WorkingPlan(background_evaluation=False)
    ward.load(Problem("5東", day, day, [Staff("N01", "佐藤"), Staff("N02", "鈴木")], [Site("5東")], shifts),
              Roster([Assignment("N01", shifts[0].id), Assignment("N02", shifts[1].id)]))
    model = RosterModel(ward)
    day_cell, late_cell = model.cell_of("N01", day), model.cell_of("N02", day)
    assert (model.data(day_cell, D), model.data(late_cell, D)) == ("日勤", "準夜")
    assert model.data(day_cell, BG).color() != model.data(late_cell, BG).color()
    # the evening shift's hours as people read them, in the sessions view and the cell's tooltip
    sessions = SessionsModel(ward)
    times = {sessions.data(sessions.index(r, 2), D): sessions.data(sessions.index(r, 3), D) for r in range(2)}
    assert times == {"日勤": "08:30–17:00", "準夜": "16:30–1:00 (next day)"}
    assert "16:30-1:00 (next day)" in model.data(late_cell, Qt.ItemDataRole.ToolTipRole)


def test_a_shift_wish_shows_in_its_empty_cell_and_tooltip(qtbot) -> None:
    """日勤 written in the 勤務可否 sheet (a request to work it): the grid shows it before the solve."""
    from models.domain import Mark, Problem, Requirement, Roster, ShiftRequest, Site, Staff

    day = date(2027, 2, 1)
    shifts = [Requirement(Requirement.make_id(day, "5東", name, start), day, "5東", name, start, end, 1)
              for name, start, end in (("日勤", 510, 1020), ("準夜", 990, 1500))]
    ward = WorkingPlan(background_evaluation=False)
    ward.load(Problem("5東", day, day, [Staff("N01", "佐藤"), Staff("N02", "鈴木")], [Site("5東")], shifts,
                      availability={("N01", day): Mark.AVAILABLE, ("N02", day): Mark.AVAILABLE},
                      requests=[ShiftRequest("N01", day, "日勤", True), ShiftRequest("N02", day, "日勤+準夜", True)]),
              Roster([]))
    model = RosterModel(ward)
    assert model.data(model.cell_of("N01", day), D) == "日勤 wanted"
    assert model.data(model.cell_of("N02", day), D) == "日勤/準夜 wanted"
    assert "Wish: 日勤" in model.data(model.cell_of("N01", day), Qt.ItemDataRole.ToolTipRole)


def test_a_shift_refused_shows_in_its_empty_cell_and_goes_with_a_new_mark(qtbot) -> None:
    """`準夜不可` written in the 勤務可否 sheet: the cell says it, as it says hours; a mark chosen by hand
    replaces it (as a new cell would), and undo brings it back."""
    from models.domain import Mark, Problem, Requirement, Roster, Site, Staff

    day = date(2027, 2, 1)
    shifts = [Requirement(Requirement.make_id(day, "5東", name, start), day, "5東", name, start, end, 1)
              for name, start, end in (("日勤", 510, 1020), ("準夜", 990, 1500))]
    ward = WorkingPlan(background_evaluation=False)
    ward.load(Problem("5東", day, day, [Staff("N01", "佐藤")], [Site("5東")], shifts,
                      availability={("N01", day): Mark.AVAILABLE}, refused={("N01", day): frozenset({"準夜"})}),
              Roster([]))
    model = RosterModel(ward)
    assert model.data(model.cell_of("N01", day), D) == "準夜不可"
    stack = QUndoStack()
    editor = RosterEditor(ward, stack)
    assert editor.set_mark("N01", day, Mark.AVAILABLE, "佐藤 2/1: ○")
    assert ward.problem.refused == {} and model.data(model.cell_of("N01", day), D) == ""
    assert not editor.set_mark("N01", day, Mark.AVAILABLE, "佐藤 2/1: ○")
    stack.undo()
    assert ward.problem.refused == {("N01", day): {"準夜"}}


def test_the_morning_after_a_night_shows_in_its_empty_cell_and_follows_edits(qtbot) -> None:
    """夜勤 16:30-翌9:00 on 2/1 makes 2/2 明: shown in grey as the 勤務表 shows it, gone with the night;
    the earlier plan's last night makes the first day 明 too."""
    from datetime import timedelta

    from models.domain import Assignment, Mark, Problem, Requirement, Roster, Site, Staff

    days = [date(2027, 2, 1) + timedelta(days=i) for i in range(3)]
    nights = [Requirement(Requirement.make_id(d, "5東", "夜勤", 990), d, "5東", "夜勤", 990, 1980, 1) for d in days]
    eve = Requirement(Requirement.make_id(days[0] - timedelta(days=1), "5東", "夜勤", 990),
                      days[0] - timedelta(days=1), "5東", "夜勤", 990, 1980, 1)
    ward = WorkingPlan(background_evaluation=False)
    ward.load(Problem("5東", days[0], days[-1], [Staff("N01", "佐藤"), Staff("N02", "鈴木")], [Site("5東")], nights,
                      blank_means=Mark.AVAILABLE, history_sessions={"N02": (eve,)}),
              Roster([Assignment("N01", nights[0].id)]))
    model = RosterModel(ward)
    assert [model.data(model.cell_of("N01", d), D) for d in days] == ["夜勤", "After night", ""]
    assert model.data(model.cell_of("N02", days[0]), D) == "After night"
    RosterEditor(ward, QUndoStack()).unassign("N01", nights[0].id)
    assert model.data(model.cell_of("N01", days[1]), D) == ""


def test_empty_cells_show_marks_and_rest_days_are_shaded(plan) -> None:
    model = RosterModel(plan)
    problem = plan.problem
    row = next(r for r in range(model.rowCount()) if not model.sessions_at(r, 0) and not model.sessions_at(r, 1))
    staff = model.staff_at(row)
    assert model.data(model.index(row, 0), D) == ("" if problem.mark(staff.id, date(2027, 1, 1)).value == "○"
                                                   else problem.mark(staff.id, date(2027, 1, 1)).value)
    assert model.data(model.index(row, 0), BG).color() == HOLIDAY_COLOUR  # 元日
    assert model.data(model.index(row, 1), BG).color() == WEEKEND_COLOUR  # Saturday 1/2
    assert model.data(model.index(row, 3), BG) is None  # Monday 1/4
    assert model.headerData(0, Qt.Orientation.Horizontal, D) == "1/1 Fri"


def test_violated_cell_carries_its_rule_and_tooltip(plan) -> None:
    model = RosterModel(plan)
    problem = plan.problem
    req, who = next((r, s.id) for r in problem.requirements for s in problem.active_staff()
                    if not problem.mark(s.id, r.date).can_work and s.id not in plan.staff_on(r.id))
    index = model.cell_of(who, req.date)
    assert not [v for v in model.data(index, VIOLATIONS_ROLE) if v.rule_id == "availability"]
    RosterEditor(plan, QUndoStack()).assign(who, req.id)
    found = [v for v in model.data(index, VIOLATIONS_ROLE) if v.rule_id == "availability"]
    assert found and found[0].hard
    assert "Availability" in model.data(index, Qt.ItemDataRole.ToolTipRole)


def test_sessions_model_marks_unfilled_in_red(plan) -> None:
    model = SessionsModel(plan)
    row = 0
    req = model.requirement_at(row)
    who = plan.staff_on(req.id)
    assert model.data(model.index(row, ASSIGNED_COLUMN), D) == str(len(who))
    assert model.data(model.index(row, 0), BG) is None
    editor = RosterEditor(plan, QUndoStack())
    for staff_id in who:
        editor.unassign(staff_id, req.id)
    assert model.data(model.index(row, ASSIGNED_COLUMN), D) == "0"
    assert model.data(model.index(row, 0), BG).color() == UNFILLED_BACKGROUND
    assert model.headerData(ASSIGNED_COLUMN, Qt.Orientation.Horizontal, D) == "Assigned"


def test_statistics_rows_and_totals_follow_edits(plan) -> None:
    model = StatisticsModel(plan)
    stats = person_stats(plan.problem, plan.roster)
    assert model.rowCount() == len(stats) + 1
    total_row = model.rowCount() - 1
    assert model.data(model.index(total_row, 1), D) == str(sum(s.count for s in stats))
    a = plan.roster.assignments[0]
    RosterEditor(plan, QUndoStack()).unassign(a.staff_id, a.requirement_id)
    assert model.data(model.index(total_row, 1), D) == str(sum(s.count for s in stats) - 1)


def test_statistics_of_a_plan_crossing_april_1_show_each_fiscal_year(qtbot) -> None:
    """3/31-4/1: March's session adds to what was carried in, April's starts fiscal 2027 alone."""
    from models.domain import Assignment, Problem, Requirement, Roster, Site, Staff

    days = (date(2027, 3, 31), date(2027, 4, 1))
    shifts = [Requirement(Requirement.make_id(d, "5東", "日勤", 540), d, "5東", "日勤", 540, 1020, 1) for d in days]
    ward = WorkingPlan(background_evaluation=False)
    ward.load(Problem("5東", days[0], days[1], [Staff("N01", "佐藤", hourly_rate=1500, paid_this_year=50_000)],
                      [Site("5東")], shifts, history_counts={"N01": 4}),
              Roster([Assignment("N01", r.id) for r in shifts]))
    model = StatisticsModel(ward)
    assert [model.data(model.index(0, c), D) for c in (7, 8)] == ["5 / 1", "62,000 / 12,000"]
    assert "Fiscal 2026 / fiscal 2027" in model.data(model.index(0, 7), Qt.ItemDataRole.ToolTipRole)


def test_violations_list_puts_hard_ones_first(plan) -> None:
    model = ViolationsModel(plan)
    problem = plan.problem
    req, who = next((r, s.id) for r in problem.requirements for s in problem.active_staff()
                    if not problem.mark(s.id, r.date).can_work and s.id not in plan.staff_on(r.id))
    RosterEditor(plan, QUndoStack()).assign(who, req.id)
    assert model.data(model.index(0, 1), D) == "hard"
    assert model.data(model.index(0, 0), D) == "Availability"
    assert all(model.data(model.index(r, 1), D) == "soft" for r in range(1, model.rowCount())
               if not model.data(model.index(r, 0), Qt.ItemDataRole.UserRole).hard)


def test_violations_of_one_rule_come_in_date_order_not_text_order(plan) -> None:
    model = ViolationsModel(plan)
    problem = plan.problem
    editor = RosterEditor(plan, QUndoStack())
    # someone placed on a × day on the 12th and on the 4th or so: 1/12 sorted before 1/4 as text
    placed = []
    for req in sorted(problem.requirements, key=lambda r: r.date, reverse=True):
        who = next((s.id for s in problem.active_staff() if not problem.mark(s.id, req.date).can_work
                    and s.id not in plan.staff_on(req.id)), None)
        if who is not None and req.date not in {d for d, _ in placed} and req.date.day in (4, 5, 6, 12, 13, 14, 20):
            editor.assign(who, req.id)
            placed.append((req.date, who))
    rows = [model.data(model.index(r, 0), Qt.ItemDataRole.UserRole) for r in range(model.rowCount())]
    dates = [v.date for v in rows if v.rule_id == "availability"]
    assert len(dates) >= 2 and dates == sorted(dates)


def test_a_sessions_date_typed_as_the_workbook_has_it_takes_the_plans_year(qtbot) -> None:
    """`1/5` was refused with the example `2027/1/5 2027-01-04` (two dates); shown with its weekday."""
    december = [Requirement(Requirement.make_id(date(2026, 12, 28), "灘", "健診", 540), date(2026, 12, 28), "灘", "健診",
                            540, 720, 1)]
    model = sessions_model(december, date(2026, 12, 1), date(2027, 1, 31))
    assert model.data(model.index(0, 0), D) in ("2026/12/28(月)", "2026/12/28(Mo)")
    assert model.setData(model.index(0, 0), "1/5")  # the plan runs into January: next year's 1/5
    assert model.records[0].date == date(2027, 1, 5)
    assert model.setData(model.index(0, 0), "12/30(水)") and model.records[0].date == date(2026, 12, 30)
    assert model.setData(model.index(0, 0), "2026/1/5") and model.records[0].date == date(2026, 1, 5)  # as written


def test_records_model_parses_refuses_and_inserts(qtbot, sample_plan) -> None:
    model = staff_model(sample_plan.problem.staff)
    col = [c.field for c in model.columns].index("max_per_week")
    assert model.setData(model.index(0, col), "３")  # full-width digits as typed on a Japanese keyboard
    assert model.records[0].max_per_week == 3
    assert not model.setData(model.index(0, col), "many")
    assert model.records[0].max_per_week == 3
    row = model.insert_record()
    assert model.records[row].id.startswith("NEW") and model.rowCount() == len(sample_plan.problem.staff) + 1

    sessions = sessions_model(sample_plan.problem.requirements, sample_plan.problem.start, sample_plan.problem.end)
    start_col = [c.field for c in sessions.columns].index("start")
    old_id = sessions.records[0].id
    assert sessions.setData(sessions.index(0, start_col), "８：１５")
    assert sessions.records[0].start == 8 * 60 + 15 and sessions.records[0].id != old_id
    end_col = [c.field for c in sessions.columns].index("end")
    assert sessions.setData(sessions.index(0, start_col), "16:30") and sessions.setData(sessions.index(0, end_col), "1:00")
    assert sessions.records[0].end == 25 * 60  # a night shift ends the next day, as the importer reads it
    assert sessions.data(sessions.index(0, end_col), D) == "25:00"
