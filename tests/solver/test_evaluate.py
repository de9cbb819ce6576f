from __future__ import annotations

from factories import MONDAY, person, problem, roster, session, soft
from models.domain import Mark, RuleSetting
from models.i18n import language, set_language
from solver.evaluate import evaluate


def test_hard_violations_cost_nothing_and_soft_ones_add_up() -> None:
    req = session(min_staff=2, max_staff=2, preferred_staff=2)
    p = problem([person("A", name="青木"), person("B")], [req],
                availability={("A", MONDAY): Mark.UNAVAILABLE, ("B", MONDAY): Mark.PREFER_NOT})
    ev = evaluate(p, roster(("A", req.id), ("B", req.id)))
    assert [v.rule_id for v in ev.hard_violations] == ["availability"]
    assert all(v.cost == 0 for v in ev.hard_violations)
    assert ev.objective == 5 == sum(v.cost for v in ev.violations)  # the △ day


def test_disabled_rules_are_not_checked_and_soft_cover_prices_the_gap() -> None:
    req = session(min_staff=2, preferred_staff=0, under_weight=0, over_weight=0)
    p = problem([person("A")], [req], rules={"cover_min": RuleSetting(enabled=False)})
    assert evaluate(p, roster()).violations == []
    p = problem([person("A")], [req], rules={"cover_target": RuleSetting(enabled=False)})
    assert evaluate(p, roster(), soft_cover=True).objective == 2000
    assert evaluate(p, roster()).hard_violations[0].rule_id == "cover_min"
    weighted = problem([person("A")], [req], rules={"cover_min": soft(3)})
    assert evaluate(weighted, roster(("A", req.id))).objective == 3


def test_messages_name_person_and_session_in_both_languages() -> None:
    req = session()
    p = problem([person("A", name="青木")], [req], availability={("A", MONDAY): Mark.UNAVAILABLE})
    before = language()
    try:
        set_language("ja")
        [ja] = evaluate(p, roster(("A", req.id))).violations
        set_language("en")
        [en] = evaluate(p, roster(("A", req.id))).violations
    finally:
        set_language(before)
    assert "青木" in ja.message and req.label() in ja.message and "勤務できません" in ja.message
    assert "青木" in en.message and "unavailable" in en.message


def test_the_rules_share_one_resolved_roster_while_it_is_scored(monkeypatch) -> None:
    """Every rule reads the same Placed during one evaluation (built once), and a rule asked on
    its own afterwards sees the roster it is given, not the one scored before."""
    from solver.rules import placed as placed_module
    from solver.rules.cover_target import RULE as COVER_TARGET

    built = []
    original = placed_module.Placed.__init__

    def counting(self, *args) -> None:
        built.append(1)
        original(self, *args)

    monkeypatch.setattr(placed_module.Placed, "__init__", counting)
    req = session(min_staff=1, preferred_staff=2)
    p = problem([person("A"), person("B")], [req])
    assert evaluate(p, roster(("A", req.id))).objective == evaluate(p, roster(("A", req.id))).objective > 0
    assert len(built) == 2  # one per evaluation, although several rules resolve the roster
    assert COVER_TARGET.check(p, roster(("A", req.id), ("B", req.id))) == []
    assert len(COVER_TARGET.check(p, roster())) == 1
