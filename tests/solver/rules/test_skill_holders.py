from __future__ import annotations

from factories import MONDAY, fixed, person, problem, roster, session, soft
from models.domain import Mark, RuleSetting
from solver.core import SolveOptions, Solver
from solver.rules.skill_holders import RULE

STAFF = [person("Dr", skills=frozenset({"小児科医"})), person("PH", skills=frozenset({"保健師"})),
         person("PH2", skills=frozenset({"保健師"})), person("Dent", skills=frozenset({"歯科医師"}))]
CHECK_UP = session(min_staff=2, max_staff=3, required_skills=(("小児科医", 1), ("保健師", 1)))


def test_a_session_its_skills_make_up_takes_their_holders_only() -> None:
    """A health centre's 4か月児健診 (小児科医:1、保健師:1 of 2, at most 3) had a dentist among its people: its
    skills' counts make up its 必要人数, so a person holding none of them is kept out, up to its most too."""
    p = problem(STAFF, [CHECK_UP])
    assert fixed(p, [("Dr", CHECK_UP.id), ("PH", CHECK_UP.id), ("PH2", CHECK_UP.id)], [RULE]) == 0
    dentist = [("Dr", CHECK_UP.id), ("PH", CHECK_UP.id), ("Dent", CHECK_UP.id)]
    assert fixed(p, dentist, [RULE]) is None
    [v] = RULE.check(p, roster(*dentist))
    assert v.hard and v.staff_id == "Dent" and "小児科医、保健師" in v.message
    assert fixed(problem(STAFF, [CHECK_UP], rules={"skill_holders": soft(7)}), dentist, [RULE]) == 7
    off = RuleSetting(enabled=False, hard=True, weight=100)
    assert fixed(problem(STAFF, [CHECK_UP], rules={"skill_holders": off}), dentist, [RULE]) == 0


def test_a_session_with_room_or_a_skill_asked_none_of_takes_anyone() -> None:
    roomy = session(min_staff=3, required_skills=(("小児科医", 1), ("保健師", 1)))  # a third of any job
    never = session(start="13:00", end="16:00", min_staff=1, required_skills=(("保健師", 1), ("新人", 0)))
    p = problem(STAFF, [roomy, never])
    assert fixed(p, [("Dr", roomy.id), ("PH", roomy.id), ("Dent", roomy.id)], [RULE]) == 0
    assert fixed(p, [("Dent", never.id)], [RULE]) is None  # 新人:0 is no skill that makes it up


def test_a_person_holding_two_of_the_skills_leaves_a_place_for_anyone() -> None:
    """A university's exam of 2 invigilators asked for its own teacher (担当K1002:1) and a 教員 (教員:1): the teacher,
    a 教員 too, counts for both, and the second place is anyone's. Every second invigilator had been a 教員, and the
    TAs sat idle."""
    exam = session(min_staff=2, required_skills=(("担当K1002", 1), ("教員", 1)))
    staff = [person("T", skills=frozenset({"担当K1002", "教員"})), person("F", skills=frozenset({"教員"})), person("TA")]
    p = problem(staff, [exam])
    assert fixed(p, [("T", exam.id), ("TA", exam.id)], [RULE]) == 0 and RULE.check(p, roster(("T", exam.id))) == []
    # nobody holding both, or each skill its own person (設定 必要スキル.スキルごとに別の職員): they make it up, as before
    apart = problem([person("K", skills=frozenset({"担当K1002"})), *staff[1:]], [exam])
    assert fixed(apart, [("K", exam.id), ("TA", exam.id)], [RULE]) is None
    each_own = problem(staff, [exam], rules={"required_skills": RuleSetting(True, True, 100, {"distinct": True})})
    assert fixed(each_own, [("T", exam.id), ("TA", exam.id)], [RULE]) is None


def test_it_stays_hard_when_cover_is_made_soft() -> None:
    """--soft-cover relaxes who must come, not who may: a polling office's 投票管理者 (管理者:1 of 1) had gone
    to people without 管理者 in its partial roster."""
    manager = session(min_staff=1, required_skills=(("管理者", 1),))
    staff = [person("M", skills=frozenset({"管理者"})), person("C")]
    p = problem(staff, [manager], availability={("M", MONDAY): Mark.UNAVAILABLE})
    result = Solver(p, SolveOptions(time_limit=5, workers=1, soft_cover=True)).solve()
    assert result.roster is not None and result.roster.assignments == []
