from __future__ import annotations

from factories import fixed, person, problem, roster, session, soft
from solver.rules.required_skills import RULE

STAFF = [person("A", skills=frozenset({"フッ化物"})), person("B"), person("C", skills=frozenset({"フッ化物"}))]
REQ = session(min_staff=2, required_skills=(("フッ化物", 2),))


def test_hard_needs_enough_skilled_staff() -> None:
    p = problem(STAFF, [REQ])
    pairs = [("A", REQ.id), ("B", REQ.id)]
    assert fixed(p, pairs, [RULE]) is None
    [v] = RULE.check(p, roster(*pairs))
    assert v.hard and "フッ化物" in v.message


def test_enough_skilled_staff_passes() -> None:
    p = problem(STAFF, [REQ])
    pairs = [("A", REQ.id), ("C", REQ.id)]
    assert fixed(p, pairs, [RULE]) == 0
    assert RULE.check(p, roster(*pairs)) == []


def test_soft_costs_weight_per_missing_skill() -> None:
    p = problem(STAFF, [REQ], rules={"required_skills": soft(4)})
    assert fixed(p, [("B", REQ.id)], [RULE]) == 8
    assert sum(v.cost for v in RULE.check(p, roster(("B", REQ.id)))) == 8


CLINIC = [person("D", skills=frozenset({"内科", "小児科"})), person("E", skills=frozenset({"内科"})),
          person("F", skills=frozenset({"小児科"})), person("G", skills=frozenset({"看護師"}))]
DAY = session(min_staff=3, required_skills=(("内科", 1), ("小児科", 1), ("看護師", 1)))


def test_one_person_counts_for_two_skills_unless_each_needs_its_own_people() -> None:
    from factories import hard

    one_doctor = [("D", DAY.id), ("G", DAY.id)]
    p = problem(CLINIC, [DAY])
    assert fixed(p, one_doctor, [RULE]) == 0 and RULE.check(p, roster(*one_doctor)) == []
    p = problem(CLINIC, [DAY], rules={"required_skills": hard(distinct=True)})
    assert fixed(p, one_doctor, [RULE]) is None
    [v] = RULE.check(p, roster(*one_doctor))
    assert v.hard and ("別の職員" in v.message or "one skill only" in v.message)
    # D takes whichever place the other doctor leaves: with E (内科) D is the 小児科, with F the 内科
    for other in ("E", "F"):
        two_doctors = [*one_doctor, (other, DAY.id)]
        assert fixed(p, two_doctors, [RULE]) == 0 and RULE.check(p, roster(*two_doctors)) == []


def test_each_skill_its_own_people_soft_costs_the_places_left_and_agrees_with_the_model() -> None:
    import itertools

    p = problem(CLINIC, [DAY], rules={"required_skills": soft(7, distinct=True)})
    for size in range(len(CLINIC) + 1):
        for chosen in itertools.combinations("DEFG", size):
            pairs = [(x, DAY.id) for x in chosen]
            assert fixed(p, pairs, [RULE]) == sum(v.cost for v in RULE.check(p, roster(*pairs))), chosen
    assert fixed(p, [("D", DAY.id)], [RULE]) == 14  # D is one doctor; another doctor and a nurse are missing


def test_the_solver_places_two_doctors_when_each_skill_needs_its_own() -> None:
    from factories import hard
    from solver.core import SolveOptions, Solver

    p = problem(CLINIC, [DAY], rules={"required_skills": hard(distinct=True)})
    result = Solver(p, SolveOptions(time_limit=5, workers=1), rules=[RULE]).solve()
    assert result.status == "optimal" and not RULE.check(p, result.roster)
    doctors = {a.staff_id for a in result.roster.assignments} & {"D", "E", "F"}
    assert len(doctors) >= 2


def test_a_most_of_a_skill_holds_hard_and_costs_soft() -> None:
    """At most one 新人 on a night (a ward could only ask for 経験者:2 instead), 保健師:2〜3."""
    night = session(min_staff=3, skill_caps=(("新人", 1),))
    staff = [person("N1", skills=frozenset({"新人"})), person("N2", skills=frozenset({"新人"})), person("E1"), person("E2")]
    p = problem(staff, [night])
    two_new = [("N1", night.id), ("N2", night.id), ("E1", night.id)]
    assert fixed(p, two_new, [RULE]) is None
    [v] = RULE.check(p, roster(*two_new))
    assert v.hard and "at most 1 staff with skill 新人; 2 placed" in v.message
    one_new = [("N1", night.id), ("E1", night.id), ("E2", night.id)]
    assert fixed(p, one_new, [RULE]) == 0 and RULE.check(p, roster(*one_new)) == []
    costly = problem(staff, [night], rules={"required_skills": soft(5)})
    assert fixed(costly, two_new, [RULE]) == 5 and [v.cost for v in RULE.check(costly, roster(*two_new))] == [5]


def test_a_most_of_a_skill_stays_hard_when_cover_is_soft() -> None:
    """--soft-cover lets a night fall short of its people and skills, not put 2 新人 on it (新人:0〜1): the
    partial roster of a care home had a 新人 alone on a night marked 新人:0〜0."""
    night = session(min_staff=3, required_skills=(("リーダー", 1),), skill_caps=(("新人", 1),))
    staff = [person("N1", skills=frozenset({"新人"})), person("N2", skills=frozenset({"新人"})), person("E1")]
    p = problem(staff, [night])
    assert fixed(p, [("N1", night.id), ("E1", night.id)], [RULE], soft_cover=True) == 100  # no リーダー: short
    assert fixed(p, [("N1", night.id), ("N2", night.id), ("E1", night.id)], [RULE], soft_cover=True) is None
