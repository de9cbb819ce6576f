"""Suggestions: the people who could join a session, cheapest first, with the rules they strain."""

from __future__ import annotations

from datetime import date

import pytest

from factories import MONDAY, check_up_team, person, problem, session
from models.domain import Mark, Roster, RuleSetting
from solver.evaluate import evaluate
from solver.suggest import no_holder_note, suggest

REQ = session(min_staff=2, max_staff=3)
LATER = session(start="13:00", end="15:00", min_staff=0)


def plan():
    staff = [person("A", name="青木"), person("B", name="馬場"), person("C", name="千葉", max_per_day=1),
             person("D", name="土井"), person("E", name="江藤", active=False)]
    marks = {("B", MONDAY): Mark.PREFER_NOT, ("D", MONDAY): Mark.UNAVAILABLE}
    return problem(staff, [REQ, LATER], availability=marks,
                   rules={"load_spread": RuleSetting(enabled=False)})


def test_ranked_by_cost_with_strained_rules() -> None:
    p = plan()
    roster = Roster.from_pairs([("A", REQ.id), ("C", LATER.id)])
    found = suggest(p, roster, REQ.id)
    assert [s.staff_id for s in found] == ["B"]  # C would break max per day, D is away, E inactive
    [b] = found
    assert b.cost < 0  # filling the second place outweighs the △ day
    assert [v.rule_id for v in b.strained] == ["prefer_not"]


def test_hard_breakers_come_last_when_asked_for() -> None:
    p = plan()
    roster = Roster.from_pairs([("A", REQ.id), ("C", LATER.id)])
    found = suggest(p, roster, REQ.id, include_hard=True)
    assert [s.staff_id for s in found] == ["B", "C", "D"]
    assert found[1].breaks_hard_rule and {v.rule_id for v in found[1].strained} >= {"max_per_day"}
    assert {v.rule_id for v in found[2].strained} >= {"availability"}
    assert len(suggest(p, roster, REQ.id, limit=2, include_hard=True)) == 2


def test_people_already_there_are_not_suggested_and_unknown_session_is_an_error() -> None:
    p = plan()
    roster = Roster.from_pairs([("A", REQ.id), ("B", REQ.id)])
    assert "A" not in [s.staff_id for s in suggest(p, roster, REQ.id, include_hard=True)]
    with pytest.raises(KeyError):
        suggest(p, roster, "2026-04-06|どこ|なに|09:00")


def test_someone_without_the_skill_the_empty_place_needs_strains_it() -> None:
    """A doctor's session (1 place, 医師:1) left empty: a nurse would fill the place and leave the
    session without its doctor, which the evaluator counted short before and after alike."""
    doctor_slot = session(activity="医師", min_staff=1, max_staff=1, required_skills=(("医師", 1),))
    p = problem([person("N", name="看護", skills=frozenset({"看護師"})), person("D", name="医師", skills=frozenset({"医師"}))],
                [doctor_slot], rules={"load_spread": RuleSetting(enabled=False)})
    found = suggest(p, Roster(), doctor_slot.id)
    assert [s.staff_id for s in found] == ["D"]
    [nurse] = [s for s in suggest(p, Roster(), doctor_slot.id, include_hard=True) if s.staff_id == "N"]
    assert nurse.breaks_hard_rule and "lacks 医師" in nurse.strained[-1].message


def test_who_could_take_someones_place() -> None:
    p = plan()
    roster = Roster.from_pairs([("A", REQ.id), ("B", REQ.id), ("C", LATER.id)])
    found = suggest(p, roster, REQ.id, replacing="A", include_hard=True)
    # A's place: not A again nor B (in it already); C and D both break a hard rule, E is inactive
    assert sorted(s.staff_id for s in found) == ["C", "D"] and all(s.breaks_hard_rule for s in found)
    assert suggest(p, roster, REQ.id, replacing="A") == []


def test_who_could_take_a_doctors_place_holds_the_skill_the_doctor_held() -> None:
    """A check-up of eight (no most given) whose pediatrician cancels: a dental hygienist or a clerk
    was offered first, scored as filling the place, though the session then had no 小児科医."""
    check_up = session(min_staff=3, required_skills=(("小児科医", 1),))
    staff = check_up_team()
    p = problem(staff, [check_up], rules={"load_spread": RuleSetting(enabled=False)})
    roster = Roster.from_pairs([("D1", check_up.id), ("H2", check_up.id), ("J1", check_up.id)])
    assert [s.staff_id for s in suggest(p, roster, check_up.id, replacing="D1")] == ["D2"]
    everyone = suggest(p, roster, check_up.id, replacing="D1", include_hard=True)
    assert [s.staff_id for s in everyone] == ["D2", "H1"]
    assert everyone[0].cost == 0 and {v.rule_id for v in everyone[1].strained} == {"required_skills"}

    assert no_holder_note(p, roster, check_up, "D1", everyone) is None  # 中村 holds 小児科医 and comes first


def test_a_place_no_holder_of_its_skill_can_take_is_said() -> None:
    """The other pediatrician is away that day too: the candidates are a hygienist and a clerk, and the
    list alone read as if one of them were a fine replacement."""
    check_up = session(min_staff=3, required_skills=(("小児科医", 1),))
    staff = check_up_team()
    p = problem(staff, [check_up], availability={("D2", MONDAY): Mark.UNAVAILABLE},
                rules={"load_spread": RuleSetting(enabled=False)})
    roster = Roster.from_pairs([("D1", check_up.id), ("H2", check_up.id), ("J1", check_up.id)])
    found = suggest(p, roster, check_up.id, replacing="D1", include_hard=True)
    assert found[0].staff_id == "D2" and found[0].breaks_hard_rule  # the other pediatrician, away that day
    note = no_holder_note(p, roster, check_up, "D1", found)
    assert note is not None and "小児科医" in note
    soft = p.with_(rules={**p.rules, "required_skills": RuleSetting(True, False, 50)})
    found = suggest(soft, roster, check_up.id, replacing="D1")  # 小児科医 soft: the others join, short of it
    assert found and no_holder_note(soft, roster, check_up, "D1", found) is not None
    assert no_holder_note(p, roster, check_up, "H2", suggest(p, roster, check_up.id, replacing="H2")) is None
    assert no_holder_note(p, roster, check_up, None, suggest(p, roster, check_up.id)) is None
    two = Roster.from_pairs([("D1", check_up.id), ("D2", check_up.id), ("J1", check_up.id)])
    assert no_holder_note(p, two, check_up, "D1", found) is None  # 中村 still holds it: nothing is short
    assert no_holder_note(p, roster, check_up, "D1", []) is None  # nobody listed: said on its own

def test_in_a_full_session_fewer_hard_rules_broken_come_first_each_said_once() -> None:
    """A home-care visit already full: with --all, a helper marked × that day (two hard rules, +1)
    came above those only over the most (+4), and the over-full session was said twice (most and target)."""
    one = session(min_staff=1, max_staff=1)
    p = problem([person("A", name="青木"), person("B", name="馬場"), person("D", name="土井")], [one],
                availability={("D", MONDAY): Mark.UNAVAILABLE},
                rules={"load_spread": RuleSetting(enabled=False), "cover_target": RuleSetting(True, False, 3)})
    found = suggest(p, Roster.from_pairs([("A", one.id)]), one.id, include_hard=True)
    assert [s.staff_id for s in found] == ["B", "D"]
    over = [v for v in found[0].strained if v.requirement_id == one.id]
    assert len(over) == 1 and over[0].rule_id == "cover_max"


def test_a_session_short_whoever_joins_still_gets_candidates() -> None:
    """A reception desk needing 2 with nobody placed: one person leaves it 1 short whoever they are,
    and everyone was left out for that shortage (必要人数 2 名に対して 1 名です), said as theirs."""
    desk = session(activity="受付", min_staff=2, max_staff=2)
    p = problem([person("A", name="青木"), person("B", name="馬場"), person("D", name="土井")], [desk],
                availability={("D", MONDAY): Mark.UNAVAILABLE}, rules={"load_spread": RuleSetting(enabled=False)})
    found = suggest(p, Roster(), desk.id)
    assert [s.staff_id for s in found] == ["A", "B"]  # D is away that day: a hard rule of their own
    assert all(s.strained == () and s.cost < 0 for s in found)
    [away] = [s for s in suggest(p, Roster(), desk.id, include_hard=True) if s.staff_id == "D"]
    assert {v.rule_id for v in away.strained} == {"availability"}


def test_a_skill_still_short_is_not_the_candidates_but_a_most_passed_is() -> None:
    """保健師 3〜5 with one placed: a second 保健師 leaves it short of one (people and 保健師), which it
    was already (by two); one more 保健師 where five are placed passes the most, the newcomer's doing."""
    check_up = session(activity="4か月児健診", min_staff=3, max_staff=8, required_skills=(("保健師", 3),),
                       skill_caps=(("保健師", 5),))
    nurses = [person(f"H{i}", skills=frozenset({"保健師"})) for i in range(7)]
    p = problem(nurses, [check_up], rules={"load_spread": RuleSetting(enabled=False)})
    short = suggest(p, Roster.from_pairs([("H0", check_up.id)]), check_up.id)
    assert len(short) == 6 and all(s.strained == () for s in short)
    full = Roster.from_pairs([(f"H{i}", check_up.id) for i in range(5)])
    over = suggest(p, full, check_up.id, include_hard=True)
    assert over and all(s.breaks_hard_rule and {v.rule_id for v in s.strained} >= {"required_skills"} for s in over)


def test_who_could_take_a_public_health_nurses_place_lists_the_nurses_first() -> None:
    """A 4-month check-up needing 保健師 3〜5 has four; without the one replaced it keeps its three, so
    no cost told a doctor, a nurse or a clerk (listed first in the register) from a 保健師. A 保健師
    who costs more (a △ day) still comes before them."""
    check_up = session(activity="4か月児健診", min_staff=5, max_staff=8, required_skills=(("保健師", 3),),
                       skill_caps=(("保健師", 5),))
    others = [person("M1", name="医師", skills=frozenset({"医師"})),
              person("N1", name="看護", skills=frozenset({"看護師"})), person("J1", name="事務", skills=frozenset({"事務"}))]
    nurses = [person(f"H{i}", name=f"保健{i}", skills=frozenset({"保健師"})) for i in range(6)]
    p = problem(others + nurses, [check_up], availability={("H5", MONDAY): Mark.PREFER_NOT},
                rules={"load_spread": RuleSetting(enabled=False)})
    roster = Roster.from_pairs([(f"H{i}", check_up.id) for i in range(4)] + [("J1", check_up.id)])
    found = suggest(p, roster, check_up.id, replacing="H0")
    assert [s.staff_id for s in found] == ["H4", "H5", "M1", "N1"]
    h4, h5, m1, n1 = (s.cost for s in found)
    assert h4 == m1 == n1 < h5  # the same cost but for the △: only the skill told them apart


def test_what_taking_someone_out_does_to_them_is_no_candidates_strain() -> None:
    """The sample's candidates for a hygienist's place each listed that she would then work 7 times of
    the 8 she asked for: the same whoever comes, and not theirs."""
    march = date(2027, 3, 1)
    one = session(min_staff=1, max_staff=1, day=date(2027, 3, 3))
    staff = [person("A", name="小川", desired_per_month=1), person("B", name="田村"), person("C", name="福田")]
    p = problem(staff, [one], start=march, days=31, rules={"load_spread": RuleSetting(enabled=False)})
    placed = Roster.from_pairs([("A", one.id)])
    assert not evaluate(p, placed).violations
    taken_out = [v for v in evaluate(p, Roster()).violations if v.staff_id is not None]
    assert [v.staff_id for v in taken_out] == ["A"]  # 小川 short of her wish once out
    found = suggest(p, placed, one.id, replacing="A")
    assert [s.staff_id for s in found] == ["B", "C"]
    assert all(s.strained == () for s in found)
    assert found[0].cost > 0  # the cost still tells what the change costs in all (her wish)


def test_a_skill_the_others_still_make_up_puts_nobody_first() -> None:
    """An exam room's 教授 replaced beside its 准教授 (`教授・准教授` 1 of 2, the 准教授 staying): nine 教授 at +20
    (each a second day) were listed above a free 助教 at +0, who was 10th and cut off by --limit 4."""
    room = session(min_staff=2, max_staff=2, required_skills=(("主任", 1),))
    staff = [person("P1", name="教授一", skills=frozenset({"主任"})), person("P2", name="准教授", skills=frozenset({"主任"})),
             person("P3", name="教授二", skills=frozenset({"主任"})), person("A1", name="助教")]
    p = problem(staff, [room], availability={("P3", MONDAY): Mark.PREFER_NOT},
                rules={"load_spread": RuleSetting(enabled=False)})
    roster = Roster.from_pairs([("P1", room.id), ("P2", room.id)])
    found = suggest(p, roster, room.id, replacing="P1")
    assert [s.staff_id for s in found] == ["A1", "P3"]  # cheapest first: 主任 is still 准教授's
    assert found[0].cost < found[1].cost
    even = p.with_(availability={})  # 教授二 no dearer than the 助教: like for like breaks the tie
    assert [s.staff_id for s in suggest(even, roster, room.id, replacing="P1")] == ["P3", "A1"]
