"""The roster grid widget: violation outlines, context menu and drag-and-drop, all through RosterEditor."""

from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QDrag, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QInputDialog, QMenu, QMessageBox, QStyledItemDelegate, QTableView,
)

from desktop.dialogs import run_modal
from desktop.dialogs.suggest_dialog import SuggestDialog
from desktop.edits import RosterEditor
from desktop.views.roster_grid import (
    LOCK_COLOUR, LOCKED_ROLE, SOFT_COLOUR, VIOLATION_COLOUR, VIOLATIONS_ROLE, WORD_JOINER, RosterModel,
)
from models.domain import Mark, Staff, time_range
from models.textparse import parse_window, window_text

MIME = "application/x-haichi-assignment"
TEXT_MARGIN = 4  # pixels the style keeps free on each side of a cell's text
ROW_HEIGHT = 44  # a row's height: two lines, one session's site and activity wrapped
COLUMN_WIDTH = 112  # a day's width: a site's name on a line
# A plan of one site (a ward: 日勤, 夜勤, 遅出) names only the activity in a cell: its days are as narrow as
# the longest activity or the day's label, down to NARROWEST, and its rows one line high, so a month shows
# at once (at 112 pixels a ward's 31 days showed 6 at a time beside the statistics).
NARROWEST = 44
LOCK_SIZE = 7  # pixels across the ◆ of a locked cell
MOST_LINES = 12  # a row grows for a cell of several sessions up to this many lines (the tooltip lists all)


def whole_words(text: str, fits: Callable[[str], bool]) -> str:
    """`text` with the characters of each space-separated word that `fits` on a line joined, so a
    line breaks at a space (北保健センター / 1歳6か月児健診), not inside a word (口 / 腔機能教室)."""
    return "\n".join(" ".join(WORD_JOINER.join(word) if fits(word) else word for word in line.split(" "))
                     for line in text.split("\n"))


class ViolationOutline(QStyledItemDelegate):
    """Paints the cell (its words whole where they fit a line), then a red frame for a broken hard
    rule or an amber one for a soft rule."""

    def initStyleOption(self, option, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        width = option.rect.width() - 2 * TEXT_MARGIN
        if option.text and width > 0:
            metrics = option.fontMetrics
            option.text = whole_words(option.text, lambda word: metrics.horizontalAdvance(word) <= width)

    def paint(self, painter: QPainter, option, index: QModelIndex) -> None:
        super().paint(painter, option, index)
        if index.data(LOCKED_ROLE):  # a small ◆ in the top right corner, mostly in the cell's margin
            r, half = option.rect, LOCK_SIZE / 2
            centre = QPointF(r.right() - half - 1.5, r.top() + half + 2.5)
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(LOCK_COLOUR)
            painter.drawPolygon(QPolygonF([centre + QPointF(0, -half), centre + QPointF(half, 0),
                                           centre + QPointF(0, half), centre + QPointF(-half, 0)]))
            painter.restore()
        violations = index.data(VIOLATIONS_ROLE)
        if violations:
            hard = any(v.hard for v in violations)
            painter.save()
            painter.setPen(QPen(VIOLATION_COLOUR if hard else SOFT_COLOUR, 2.5 if hard else 2.0))
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
            painter.restore()


class RosterView(QTableView):
    """Staff × dates; right-click to assign, unassign, swap or lock; drag a session onto a colleague."""

    def __init__(self, model: RosterModel, editor: RosterEditor, parent=None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.setModel(model)
        self.setItemDelegate(ViolationOutline(self))
        self.setWordWrap(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.row_height = ROW_HEIGHT
        self.horizontalHeader().setDefaultSectionSize(COLUMN_WIDTH)
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        model.modelReset.connect(self.fit_columns)
        model.modelReset.connect(self.fit_rows)
        model.dataChanged.connect(lambda top, bottom: self.fit_rows(top.row(), bottom.row()))
        self.fit_columns()
        self.fit_rows()

    def fit_columns(self) -> None:
        """Days COLUMN_WIDTH wide with rows of ROW_HEIGHT, or, for a plan whose cells name an activity
        alone, as wide as the longest of them (or a day's label) and rows of one line."""
        texts, header = self.roster_model().short_texts(), self.horizontalHeader()
        width, height = COLUMN_WIDTH, ROW_HEIGHT
        if texts is not None:
            model, metrics = self.roster_model(), self.fontMetrics()
            labels = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(min(7, model.columnCount()))]
            widest = max([metrics.horizontalAdvance(x) for x in texts] + [0]
                         + [header.fontMetrics().horizontalAdvance(line) + 2 * TEXT_MARGIN
                            for label in labels for line in label.split("\n")])
            width = max(NARROWEST, min(COLUMN_WIDTH, widest + 2 * TEXT_MARGIN + LOCK_SIZE + 2))
            height = metrics.lineSpacing() + 2 * TEXT_MARGIN + 6
        self.row_height = height
        if header.defaultSectionSize() != width:
            header.setDefaultSectionSize(width)
            for column in range(self.roster_model().columnCount()):
                header.resizeSection(column, width)
        self.verticalHeader().setDefaultSectionSize(height)

    def fit_rows(self, first: int = 0, last: int | None = None) -> None:
        """Rows with a cell of several sessions (two half days, a nurse's round of visits) grow so
        that every session in it shows; the others keep their height (fit_columns)."""
        model, header, metrics = self.roster_model(), self.verticalHeader(), self.fontMetrics()
        width = self.horizontalHeader().defaultSectionSize() - 2 * TEXT_MARGIN
        box = QRect(0, 0, width, 100 * metrics.lineSpacing())

        def fits(word: str) -> bool:
            return metrics.horizontalAdvance(word) <= width

        for row in range(first, model.rowCount() if last is None else last + 1):
            texts = model.fullest_at(row)  # wrapped as the delegate wraps them (whole words)
            height = self.row_height
            if texts:  # measured only for the few rows with a cell of several (this runs after every evaluation)
                tall = metrics.boundingRect(box, Qt.TextFlag.TextWordWrap, whole_words("\n".join(texts), fits)).height()
                height = max(self.row_height, min(tall, MOST_LINES * metrics.lineSpacing()) + 2 * TEXT_MARGIN)
            if header.sectionSize(row) != height:
                header.resizeSection(row, height)

    def roster_model(self) -> RosterModel:
        model = self.model()
        assert isinstance(model, RosterModel)
        return model

    def selected_pairs(self) -> list[tuple[str, str]]:
        """(staff id, requirement id) of every assignment in the selected cells."""
        model = self.roster_model()
        return [
            (model.staff_at(i.row()).id, r.id)
            for i in self.selectionModel().selectedIndexes()
            for r in model.sessions_at(i.row(), i.column())
        ]

    # -- context menu -----------------------------------------------------------------------------
    def _context_menu(self, pos: QPoint) -> None:
        index = self.indexAt(pos)
        if not index.isValid():
            return
        menu = self.build_menu(index.row(), index.column())
        menu.exec(self.viewport().mapToGlobal(pos))

    def build_menu(self, row: int, column: int) -> QMenu:
        """The context menu of one cell (built on demand; tests inspect it without showing it)."""
        model, plan = self.roster_model(), self.editor.plan
        staff, day = model.staff_at(row), model.day_at(column)
        mine = model.sessions_at(row, column)
        menu = QMenu(self)
        assert plan.problem is not None
        others = sorted((r for r in plan.problem.requirements if r.date == day and r.id not in {m.id for m in mine}),
                        key=lambda r: (r.start, r.site))
        assign = menu.addMenu(self.tr("Assign to"))
        assign.setEnabled(bool(others))
        for r in others:
            n = len(plan.staff_on(r.id))
            text = f"{r.site} {r.activity} {time_range(r.start, r.end)}  ({n}/{r.min_staff})"
            assign.addAction(text, lambda r=r: self.editor.assign(staff.id, r.id))
        for r in mine:
            menu.addAction(self.tr("Unassign from %1").replace("%1", f"{r.site} {r.activity}"),
                           lambda r=r: self.editor.unassign(staff.id, r.id))
        for r in mine:  # someone cannot come after all: who could go instead, cheapest first
            menu.addAction(self.tr("Who could take this place (%1)…").replace("%1", f"{r.site} {r.activity}"),
                           lambda r=r: self.show_candidates(r.id, staff.id))
        swap = menu.addMenu(self.tr("Swap with"))
        for r in mine:
            for other_req in (x for x in plan.problem.requirements if x.date == day and x.id != r.id):
                for other_id in plan.staff_on(other_req.id):
                    if other_id == staff.id or plan.assignment(other_id, r.id) or plan.assignment(staff.id, other_req.id):
                        continue
                    name = plan.problem.staff_by_id(other_id).name
                    swap.addAction(f"{name} — {other_req.site} {other_req.activity}",
                                   lambda r=r, o=other_id, q=other_req: self.editor.swap((staff.id, r.id), (o, q.id)))
        swap.setEnabled(not swap.isEmpty())
        marks = menu.addMenu(self.tr("Availability"))
        current = plan.problem.mark(staff.id, day)
        for mark, words in ((Mark.AVAILABLE, self.tr("can work")), (Mark.PREFER_NOT, self.tr("would rather not")),
                            (Mark.UNAVAILABLE, self.tr("cannot work")), (Mark.AM_ONLY, self.tr("mornings only")),
                            (Mark.PM_ONLY, self.tr("afternoons only"))):
            # ○ △ × with their meaning; 午前/午後 are words already
            action = marks.addAction(words if mark in (Mark.AM_ONLY, Mark.PM_ONLY) else f"{mark.value}  {words}")
            action.setCheckable(True)
            action.setChecked(mark is current)
            text = (self.tr("%1 on %2: %3").replace("%1", staff.name).replace("%2", f"{day.month}/{day.day}")
                    .replace("%3", mark.value))
            action.triggered.connect(lambda _checked=False, m=mark, x=text: self.editor.set_mark(staff.id, day, m, x))
        hours = plan.problem.windows.get((staff.id, day)) if current.can_work else None
        marks.addSeparator()
        given = marks.addAction(self.tr("Hours free…") + (f"  {window_text(current, *hours)}" if hours else ""))
        given.setCheckable(True)
        given.setChecked(hours is not None)
        given.triggered.connect(lambda _checked=False: self._ask_hours(staff, day))
        menu.addSeparator()
        pairs = [(staff.id, r.id) for r in mine]
        lock = menu.addAction(self.tr("Lock"), lambda: self.editor.lock(pairs, True))
        unlock = menu.addAction(self.tr("Unlock"), lambda: self.editor.lock(pairs, False))
        lock.setEnabled(any(not plan.assignment(*p).locked for p in pairs))
        unlock.setEnabled(any(plan.assignment(*p).locked for p in pairs))
        return menu

    def show_candidates(self, requirement_id: str, replacing: str | None = None) -> None:
        """The people who could take the session, or `replacing`'s place in it (SuggestDialog)."""
        run_modal(SuggestDialog(self.editor, requirement_id, replacing, self))

    def _ask_hours(self, staff: Staff, day: date) -> None:
        """Ask for the hours the person is free that day (`15時から`, as a 勤務可否 cell says them) and set
        them with their mark (○, or △ written before them); a blank answer leaves the day ○ all day."""
        plan = self.editor.plan
        assert plan.problem is not None
        mark = plan.problem.mark(staff.id, day)
        hours = plan.problem.windows.get((staff.id, day))
        prompt = self.tr("Hours %1 can work on %2 (15時から, 〜15時, 10時〜15時):").replace("%1", staff.name).replace(
            "%2", f"{day.month}/{day.day}")
        while True:
            written, ok = QInputDialog.getText(self, self.tr("Hours free"), prompt,
                                               text=window_text(mark, *hours) if hours and mark.can_work else "")
            if not ok:
                return
            said = parse_window(written) if written.strip() else (Mark.AVAILABLE, None, None)
            if said is not None:
                break
            QMessageBox.warning(self, self.tr("Hours free"), self.tr("Not hours: %1").replace("%1", written))
        free, start, end = said
        window = (start, end) if start is not None else None
        text = (self.tr("%1 on %2: %3").replace("%1", staff.name).replace("%2", f"{day.month}/{day.day}")
                .replace("%3", window_text(free, start, end) if start is not None else free.value))
        self.editor.set_mark(staff.id, day, free, text, window)

    # -- drag and drop ----------------------------------------------------------------------------
    def startDrag(self, actions) -> None:
        index = self.currentIndex()
        if not index.isValid():
            return
        model = self.roster_model()
        sessions = model.sessions_at(index.row(), index.column())
        if not sessions:
            return
        mime = QMimeData()
        payload = f"{model.staff_at(index.row()).id}\t{sessions[0].id}"
        mime.setData(MIME, QByteArray(payload.encode("utf-8")))
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.exec(Qt.DropAction.MoveAction)

    def _drop_target(self, event) -> tuple[str, str, QModelIndex] | None:
        if not event.mimeData().hasFormat(MIME):
            return None
        staff_id, req_id = bytes(event.mimeData().data(MIME).data()).decode("utf-8").split("\t", 1)
        index = self.indexAt(event.position().toPoint())
        plan = self.editor.plan
        if not index.isValid() or plan.problem is None or not plan.problem.has_requirement(req_id):
            return None
        if self.roster_model().day_at(index.column()) != plan.problem.requirement(req_id).date:
            return None  # a session stays on its own date
        return staff_id, req_id, index

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if self._drop_target(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        target = self._drop_target(event)
        if target is None:
            event.ignore()
            return
        staff_id, req_id, index = target
        self.drop_session(staff_id, req_id, index.row(), index.column())
        event.acceptProposedAction()

    def drop_session(self, staff_id: str, req_id: str, row: int, column: int) -> bool:
        """Move the session to the person in `row`, or swap when that person works that day."""
        model = self.roster_model()
        to_staff = model.staff_at(row).id
        theirs = [r for r in model.sessions_at(row, column) if r.id != req_id]
        if theirs:
            return self.editor.swap((staff_id, req_id), (to_staff, theirs[0].id))
        return self.editor.move(staff_id, req_id, to_staff)
