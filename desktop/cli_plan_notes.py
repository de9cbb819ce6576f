"""What `haichi solve --plan` says of the versions it starts from: the hand fixes of a draft made after
the published version, and the part of its objective that is the changes from the roster it stays close to."""

from __future__ import annotations

import sys

from models.domain import Problem, Roster
from models.i18n import t

# What `haichi solve` writes as a version's status: any other draft (a roster workbook imported, a
# window's save) holds a coordinator's hand fixes.
SOLVED = ("optimal", "feasible")

# Hand fixes named in the note on those a solve did not keep; the rest are counted.
FIXES_NAMED = 5


def hand_draft(db, plan: str) -> tuple[int, Roster] | None:
    """(version, roster) of the newest draft after the published version that no solve wrote: an
    edited roster workbook imported (村田 → 上野 on 5/20), a window's save. None when there is none,
    or nothing is published. A solve since (a late mark) keeps it as the draft to stay close to."""
    from models.storage import PUBLISHED

    versions = db.list_solutions(plan)
    published = max((s.version for s in versions if s.status == PUBLISHED), default=None)
    if published is None:
        return None
    drafts = [s.version for s in versions
              if s.version > published and s.status != PUBLISHED and (s.stats or {}).get("status") not in SOLVED]
    return (drafts[-1], db.load_solution(plan, drafts[-1])) if drafts else None


def staying_close_to(problem: Problem, version: int, draft: Roster) -> Problem:
    """The problem solved close to the hand-fixed `draft` rather than to the published roster, and said:
    each of its hand fixes undone costs as a change from the published roster does (solver.rules.repair),
    where solving close to the published version alone undid a hand fix after publishing, unsaid."""
    from solver.rules import rule
    from solver.rules.base import setting

    mine = draft.split_by(problem)[0]
    fixes = len(_published(problem) ^ mine.pairs())
    if fixes and setting(problem, rule("repair").info).enabled:  # off: the solve stays close to nothing
        print(t("版 {v}（下書き）の手修正 {n} 件を残すよう、公開版ではなく版 {v} に近い配置を作ります。",
                "the roster is made close to version {v} (a draft), not to the published one, to keep its {n} "
                "hand fix(es).", v=version, n=fixes))
    return problem.with_(published=mine.assignments)


def warn_fixes_lost(problem: Problem, version: int, draft: Roster, roster: Roster) -> None:
    """Name the hand fixes of draft `version` (its changes from the published roster) the solved `roster`
    undoes (a rule now rules them out, or they cost more than they save), and how to keep them."""
    from solver.evaluate import evaluate

    kept = draft.split_by(problem)[0]
    published, mine, now = _published(problem), kept.pairs(), roster.pairs()
    names = {s.id: s.name or s.id for s in problem.staff}
    # a fix the marks imported since rule out (上野 now 研修 that day) cannot be kept by a lock either
    barred = {(v.staff_id, v.requirement_id) for v in evaluate(problem, kept).hard_violations}
    lost = [t("{name} → {session} がありません{why}", "{name} → {session} is missing{why}", name=names[s],
              session=problem.requirement(r).label(),
              why=t("（今は必須ルール違反）", " (it breaks a hard rule now)") if (s, r) in barred else "")
            for s, r in sorted(mine - published - now)]
    lost += [t("{name} → {session} が戻っています", "{name} → {session} is back", name=names[s],
               session=problem.requirement(r).label()) for s, r in sorted((published - mine) & now)]
    if not lost:
        return
    shown = "、".join(lost[:FIXES_NAMED]) + (
        t(" ほか {n} 件", " and {n} more", n=len(lost) - FIXES_NAMED) if len(lost) > FIXES_NAMED else "")
    print(t("注意: 版 {v}（下書き）の手修正 {n} 件はこの配置にありません（{shown}）。残すには、その配置を固定して"
            "（画面の 固定、または配置表ブックの Assignments シートの locked 列を TRUE にして haichi import）から"
            "もう一度 haichi solve --plan してください。",
            "warning: {n} hand fix(es) of version {v} (a draft) are not in this roster ({shown}). To keep them, lock "
            "them (固定 in the window, or TRUE in the locked column of the roster workbook's Assignments sheet, then "
            "haichi import) and solve with haichi solve --plan again.", v=version, n=len(lost), shown=shown),
          file=sys.stderr)


def _published(problem: Problem) -> set[tuple[str, str]]:
    """The published roster's pairs in the plan's sessions and staff as it is now."""
    return Roster(problem.published or []).split_by(problem)[0].pairs()


def print_change_cost(changes: int, rest: int, draft: int | None = None) -> None:
    """Say which part of a solve's objective is the cost of its changes from the roster it stayed close
    to (solver.rules.repair): the written workbook holds no published roster, so check scores it
    without them, and 評価値 66 there against 6 in check read as a roster eleven times worse."""
    if changes <= 0:
        return
    if draft is None:
        print(t("評価値のうち {c} は公開版からの変更の分です（書き出したブックを check すると、これを除いた {r} です）",
                "{c} of the objective is the changes from the published roster (check of the written workbook "
                "scores it without them: {r})", c=changes, r=rest))
        return
    print(t("評価値のうち {c} は版 {v}（下書き）からの変更の分です（書き出したブックを check すると、これを除いた {r} です）",
            "{c} of the objective is the changes from version {v} (a draft; check of the written workbook scores "
            "it without them: {r})", c=changes, r=rest, v=draft))
