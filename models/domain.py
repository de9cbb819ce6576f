"""Plain domain types shared by the importer, the solver, storage and the desktop.

No Qt, no ortools, no SQLAlchemy here: these are the words of the coordinator's job
(staff, sites, sessions, availability, assignments) and nothing else.
Times of day are minutes after midnight; an end past 24:00 (1440) means the next day.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Collection, Iterable, Mapping

from models.holidays import is_holiday
from models.i18n import t


# Full-width ASCII, half-width katakana (with its sound marks) and the ideographic space.
_WIDTH_FORMS = re.compile(r"[\u3000\uff01-\uffef]+")


@lru_cache(maxsize=8192)  # an import folds the same marks and names hundreds of thousands of times
def fold(text: str) -> str:
    """Text as Haichi compares it: full-width letters, digits and signs made ASCII, half-width
    katakana made full-width and the ideographic space a space (NFKC on those), the rest composed
    (NFC) and otherwise kept as typed. Full NFKC also turned an exam's 熱力学Ⅰ into 熱力学I, ① into 1
    and ㈱ into (株) in every name a roster printed."""
    if text.isascii():
        return text
    if _WIDTH_FORMS.search(text):
        text = _WIDTH_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def normalize(text: object) -> str:
    """Fold (`fold`) and trim an ID, mark or name, so `Ｈ００３ ` equals `H003`. A whole number
    read as a float (1003.0) is written as one (`1003`), and the apostrophe that marks text in
    Excel, when a file holds it literally (`'1003`, from a CSV or another program), is dropped."""
    if text is None:
        return ""
    if isinstance(text, float) and text.is_integer():
        text = int(text)
    out = fold(str(text)).strip()
    return out[1:].lstrip() if out.startswith("'") else out


def typed(text: object) -> str:
    """Free text (備考) as typed, trimmed: not folded (`（週20時間）` stays full-width); a whole number
    read as a float written as one."""
    if text is None:
        return ""
    if isinstance(text, float) and text.is_integer():
        text = int(text)
    return str(text).strip()


# The old and the common form of the kanji of names (異体字): 髙橋 on one sheet and 高橋 on another are one
# person, as a coordinator reads them (an office's 髙, 邊 and 齋 had each been refused as nobody's name).
_NAME_VARIANTS = str.maketrans({
    "髙": "高", "﨑": "崎", "嵜": "崎", "邊": "辺", "邉": "辺", "齋": "斎", "齊": "斉", "澤": "沢", "濱": "浜",
    "櫻": "桜", "廣": "広", "國": "国", "眞": "真", "德": "徳", "惠": "恵", "瀨": "瀬", "嶋": "島", "嶌": "島",
    "槇": "槙", "冨": "富", "栁": "柳", "檜": "桧", "龍": "竜", "藏": "蔵", "實": "実", "會": "会", "關": "関",
    "彌": "弥", "榮": "栄", "淸": "清", "靜": "静", "髮": "髪", "禮": "礼",
})


def bare_name(name: object) -> str:
    """A person's name as compared: normalised, without spaces (`山田　花子`, `山田花子` and
    `山田 花子` are one name), each old form of a kanji as its common one (`髙橋` as `高橋`)."""
    return "".join(normalize(name).split()).translate(_NAME_VARIANTS)


def ids_named(name: object, names: Mapping[str, str]) -> list[str]:
    """The staff IDs whose registered name (`names`: ID -> name) is `name`, spaces aside."""
    bare = bare_name(name)
    return [staff_id for staff_id, registered in names.items() if bare and bare_name(registered) == bare]


def known_id(staff_id: str, known: Collection[str]) -> str | None:
    """The ID in `known` that `staff_id` (normalised) names: itself; for an ID of digits the one
    ID of the same number, since Excel drops leading zeros from a number (`12` on one sheet is
    `0012` typed as text on another); else the one ID that differs in case alone (`h003` typed
    for `H003`). None when there is none or more than one."""
    if staff_id in known:
        return staff_id
    if staff_id.isdecimal() and staff_id.isascii():
        number = int(staff_id)
        same = [other for other in known if other.isdecimal() and other.isascii() and int(other) == number]
    else:
        folded = staff_id.casefold()
        same = [other for other in known if other.casefold() == folded]
    return same[0] if len(same) == 1 else None


class Mark(enum.Enum):
    """What a person said about one date on their availability form."""

    AVAILABLE = "○"
    PREFER_NOT = "△"
    UNAVAILABLE = "×"
    AM_ONLY = "午前"
    PM_ONLY = "午後"

    @property
    def can_work(self) -> bool:
        return self is not Mark.UNAVAILABLE

    def allows(self, start: int, end: int, first_halves: Collection[tuple[int, int]] = (),
               evenings: Collection[tuple[int, int]] = ()) -> bool:
        """Whether a session from `start` to `end` (minutes) fits this mark: 午前 allows morning
        sessions and the plan's `first_halves` (Problem.first_halves), 午後 afternoon ones (`is_morning`,
        `is_afternoon`) but the plan's `evenings` (Problem.evenings); a full day needs a full-day mark."""
        if self is Mark.UNAVAILABLE:
            return False
        if self is Mark.AM_ONLY:
            return is_morning(start, end) or (start, end) in first_halves
        if self is Mark.PM_ONLY:
            return is_afternoon(start, end) and (start, end) not in evenings
        return True


NOON = 12 * 60
BREAK = 120  # minutes between two sessions of a day that are a break in one working day, by default
# The longest working day a break joins, from its first start to its last end, in minutes: a care home's
# 夜勤 16:30-翌9:30 is 17 hours. A 早番 7:00-16:00 then that 夜勤, 30 minutes apart, passed as one working
# day of 26.5 hours with a break in it (44 such days in one month's roster, nothing said).
LONGEST_DAY = 17 * 60


def one_working_day(first: Requirement, then: Requirement, most_break: int = BREAK) -> bool:
    """Whether `then`, later on the same day, joins `first` in one working day with a break between
    (a morning and an afternoon session): at most `most_break` minutes apart (min_rest's
    max_break_minutes), the two no longer together than LONGEST_DAY."""
    return then.start - first.end <= most_break and then.end - first.start <= LONGEST_DAY


# How far past noon a morning session may run: into the lunch hour (9:00-13:00, 7:00-13:30, a
# university's 2限 11:50-13:20), not into the afternoon. A nursery's 早番 7:00-16:00 lies mostly before
# noon, and went to someone who had written 午後休 for a hospital appointment.
MORNING_OVERRUN = 90


def is_morning(start: int, end: int) -> bool:
    """A morning session: it starts before noon and ends by 13:30 (a library's 午前 9:00-13:00, a
    clinic's 9:00-12:30, a check-up's 9:30-11:30, a 2限 11:50-13:20; not 9:00-17:00, 11:00-15:00 nor a
    早番 7:00-16:00)."""
    return start < NOON and end <= NOON + MORNING_OVERRUN


# The hours a person is free on a day they marked with them (`15時から`: textparse.parse_window): from,
# until (None: to the end of the day, and any night after it), in minutes after midnight.
Window = tuple[int, int | None]


def within(window: Window | None, start: int, end: int) -> bool:
    """Whether a session from `start` to `end` lies inside the free `window` (always, without one)."""
    return window is None or (start >= window[0] and (window[1] is None or end <= window[1]))


# A first half of a day cut in two is a morning though it runs past 13:30: a polling station's 前半 8:30-14:15
# before its 後半 14:15-20:00, a shopping centre's 10:00-15:00 before 15:00-20:00 (their 午前のみ people, 6 of 91,
# had been given no day). It starts before noon, ends by SPLIT_LATEST_END, and a session of its site that day
# starts in the afternoon when it ends or up to HANDOVER before (an early-voting office's 前半 8:30-14:30 and
# 後半 14:00-20:00 hand over for half an hour; an 11:00-14:00 beside a 13:00-16:00 is no first half). A
# session named 前半 that starts before noon is one whatever its hours: a 前半のみ voter had only ever been
# placed in the shopping centre's 10:00-15:00, never in the 前半 of the offices, with nothing said.
SPLIT_LATEST_END, HANDOVER, FIRST_HALF = 15 * 60, 30, "前半"


def skills_make_up(req: Requirement) -> frozenset[str]:
    """The skills whose counts make a session's whole 必要人数 (`小児科医:1、保健師:3` for 4 people); empty when
    they leave room for anyone (`リーダー:1` of 3), it asks none, or its 必要人数 is 0 (nothing to make up). A count of
    0 (`新人:0〜0`) is none of them.
    Such a session takes holders of them alone (solver.rules.skill_holders)."""
    needed = [(skill, k) for skill, k in req.required_skills if k > 0]
    return frozenset(skill for skill, _ in needed) if needed and sum(k for _, k in needed) >= req.min_staff > 0 \
        else frozenset()


def first_halves(requirements: Iterable[Requirement]) -> frozenset[tuple[int, int]]:
    """The (start, end) of the sessions that are the first half of their site's day (SPLIT_LATEST_END), beyond
    those `is_morning` reads as mornings already: a 早番 7:00-16:00 beside a 遅番 is none."""
    afternoons: dict[tuple[date, str], list[int]] = {}
    candidates = []
    for req in requirements:
        if req.start >= NOON:
            afternoons.setdefault((req.date, req.site), []).append(req.start)
        elif NOON + MORNING_OVERRUN < req.end and (req.end <= SPLIT_LATEST_END or FIRST_HALF in req.activity):
            candidates.append(req)
    return frozenset((req.start, req.end) for req in candidates
                     if FIRST_HALF in req.activity
                     or any(then >= req.end - HANDOVER for then in afternoons.get((req.date, req.site), ())))


# A session from this hour on, after an afternoon session of its site and day, is its evening (a clinic's 夜間
# 17:30-20:00 after its 午後 13:30-17:00): 午後 marks do not take it. A ward's 準夜 16:30 is no such evening.
EVENING_FROM = 17 * 60


def evenings(requirements: Iterable[Requirement]) -> frozenset[tuple[int, int]]:
    """The (start, end) of the sessions that are the evening of their site's day (EVENING_FROM, after an
    afternoon session that ends by their start): a clinic's people marking 午後 had been put on its 夜間."""
    afternoons: dict[tuple[date, str], list[int]] = {}
    late = []
    for req in requirements:
        if req.start >= EVENING_FROM:
            late.append(req)
        elif req.start >= NOON:
            afternoons.setdefault((req.date, req.site), []).append(req.end)
    return frozenset((req.start, req.end) for req in late
                     if any(end <= req.start for end in afternoons.get((req.date, req.site), ())))


def is_afternoon(start: int, end: int) -> bool:
    """An afternoon session: it starts at noon or later."""
    return start >= NOON


def day_mark(morning: Mark, afternoon: Mark) -> Mark:
    """A date's mark from what a person said of its morning and of its afternoon (an availability
    matrix with a 午前 and a 午後 column a date). Free in both halves is the whole day, △ when
    either half is △ (the closest a date's one mark comes: a ○ morning then costs its △ too); free
    in one half only is 午前 or 午後 (a △ there counts as ○: a half-day mark has no △ of its own)."""
    am, pm = morning.can_work, afternoon.can_work
    if am and pm:
        return Mark.PREFER_NOT if Mark.PREFER_NOT in (morning, afternoon) else Mark.AVAILABLE
    if am:
        return Mark.AM_ONLY
    if pm:
        return Mark.PM_ONLY
    return Mark.UNAVAILABLE


@lru_cache(maxsize=4096)  # a big export formats the same few hundred times 200 000 times
def hhmm(minutes: int) -> str:
    """Format minutes after midnight as `HH:MM` (hours may pass 24 for overnight shifts)."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def week_start(day: date) -> date:
    """The Monday of the week that holds `day` (weeks run Monday to Sunday)."""
    return day - timedelta(days=day.weekday())


# The word kept for a × day the person asked off (希, 希望休): shown as written, counted as a day off
# (公休), unlike the leave words (有休, 研修) that Problem.leave also keeps.
WISHED_OFF = "希"
# The word kept for a × day set off beforehand (公, 公休: a ward's 公休 written into the month before it is made,
# a new year's day): shown as written, counted as a day off. It printed as × in the 勤務表.
SET_OFF = "公"
DAY_OFF_WORDS = frozenset((WISHED_OFF, SET_OFF))
# The word of a morning after a night before the plan (勤務可否 `明`: last month's night not in Haichi), kept as leave
AFTER_NIGHT = "明"


def day_word_said(word: str) -> str:
    """A × day's kept word as a reason is told: 希望休 for 希, 公休 for 公, the leave as written (有休, 研修)."""
    return t("希望休", "asked off") if word == WISHED_OFF else t("公休", "day off") if word == SET_OFF else word


WEEKDAY_NAMES = "月火水木金土日"  # Monday first, as date.weekday() counts
# In Staff.weekdays: national holidays too, whatever their weekday (a student's 土日祝). Without it a
# holiday is off for anyone who does not work every day of the week: 平日 and 月〜金 are a ward's 師長 and
# part-timers, who had been put on 元日 and 成人の日.
HOLIDAYS = "祝"
HOLIDAY_INDEX = len(WEEKDAY_NAMES)  # HOLIDAYS among the days a person works (Problem._weekdays)


@dataclass(frozen=True)
class Site:
    name: str
    area: str = ""
    travel_group: str = ""


@dataclass(frozen=True)
class Staff:
    """A person who can be placed into sessions, with their personal limits (None = no limit)."""

    id: str
    name: str
    skills: frozenset[str] = frozenset()
    home: str = ""  # a site name or an area
    max_per_day: int | None = None
    max_per_week: int | None = None
    max_days_per_week: int | None = None  # days with a session in a Monday-Sunday week (週3日まで)
    max_per_month: int | None = None
    max_days_per_month: int | None = None  # days with a session in a calendar month (月16日まで)
    max_per_plan: int | None = None
    min_per_plan: int | None = None
    desired_per_month: int | None = None
    max_consecutive_days: int | None = None
    min_consecutive_days: int | None = None
    min_consecutive_days_off: int | None = None
    max_weekends: int | None = None
    max_minutes_per_week: int | None = None
    min_minutes_per_week: int | None = None
    max_minutes_per_month: int | None = None
    min_minutes_per_month: int | None = None
    max_minutes_per_plan: int | None = None
    min_minutes_per_plan: int | None = None
    max_per_activity: tuple[tuple[str, int], ...] = ()  # (activity, max count over the plan)
    hourly_rate: int | None = None  # yen per hour
    annual_pay_cap: int | None = None  # yen per fiscal year
    paid_this_year: int = 0  # yen already paid this fiscal year before this plan
    active: bool = True
    notes: str = ""
    weekdays: str = ""  # the days of the week they work at all, `火木`, `土日祝` (blank: any): a doctor's 火・木のみ

    def label(self, between: str = " ") -> str:
        """`S012 山田 花子`; the name alone when it is the ID (a register without an ID column)."""
        return person_label(self.id, self.name, between)

    def activity_limit(self, activity: str) -> int | None:
        for name, limit in self.max_per_activity:
            if name == activity:
                return limit
        return None


DAY_MINUTES = 24 * 60
# An end before its start is the next day's when the shift is at most this long (a two-shift ward's
# 16:00-翌10:00); 13:00-12:00 is more likely a slip, left for the reader to refuse.
OVERNIGHT_LONGEST = 18 * 60
# A shift that ends at this time of the next morning or later (夜勤 16:30-翌9:00, not a 準夜 to
# 1:00) takes that next day's morning: the day is 明 (after a night), not a day off, and the
# person's mark for it must allow its morning.
NIGHT_INTO_MORNING = 6 * 60


def person_label(staff_id: str, name: str, between: str = " ") -> str:
    """How a person is named on paper: ID and name, or the name alone when it is the ID."""
    return name if not staff_id or staff_id == name else f"{staff_id}{between}{name}"


def name_and_id(staff_id: str, name: str) -> str:
    """`山田 花子 (H001)` in a list or a message; the name alone when it is the ID (a register without an ID
    column printed `伊藤 隆 (伊藤 隆)` on every line)."""
    return name if not staff_id or staff_id == name else f"{name} ({staff_id})"


def next_morning(req: Requirement) -> int | None:
    """Minutes of the next day's morning a session takes (its end past midnight), when it ends at
    NIGHT_INTO_MORNING or later; None for every other session."""
    if req.end >= DAY_MINUTES + NIGHT_INTO_MORNING:
        return req.end - DAY_MINUTES
    return None


# Between the homes of someone who belongs to several (`北区・中央区`)
_HOMES_APART = re.compile(r"[・、,，/／]+")


def home_names(home: str, places: Collection[str]) -> tuple[str, ...]:
    """The sites or areas a person's 拠点 names: the one written, or the several joined by ・ 、 / (a
    consultation office's counsellors of 北区 who work at 本庁 in 中央区 too), unless the whole is one
    of `places` (a site named `中央・北センター`). () for none."""
    home = home.strip()
    if not home or home in places or not _HOMES_APART.search(home):
        return (home,) if home else ()
    return tuple(part.strip() for part in _HOMES_APART.split(home) if part.strip())


def days_taken(req: Requirement) -> tuple[date, ...]:
    """The days a session keeps its person from a day off: its own, and the next as well when it
    runs into that day's morning (明 after a 夜勤, see next_morning; a 準夜 to 1:00 takes its own
    day only). The rules on runs of working days, days off and weekends count these days."""
    if next_morning(req) is None:
        return (req.date,)
    return (req.date, req.date + timedelta(days=1))


def clock(minutes: int) -> str:
    """A time as people read it: `HH:MM`, or one of the next day (past 24:00) as `翌1:00`
    (`1:00 (next day)`), where the machine-readable `hhmm` writes `25:00`."""
    if minutes < DAY_MINUTES:
        return hhmm(minutes)
    hour, minute = divmod(minutes - DAY_MINUTES, 60)
    return t("翌{h}:{m:02d}", "{h}:{m:02d} (next day)", h=hour, m=minute)


def time_range(start: int, end: int, dash: str = "-") -> str:
    """A session's hours as people read them: `13:00-16:00`, `16:30-翌1:00` (the desktop's tables
    and printout join them with an en dash)."""
    return f"{clock(start)}{dash}{clock(end)}"


def end_after(start: int, end: int) -> int:
    """`end` read against `start`: an end before the start is the next day's (16:30-1:00 ends at
    25:00) when the shift then lasts at most OVERNIGHT_LONGEST; otherwise `end` as given."""
    if end < start and end + DAY_MINUTES - start <= OVERNIGHT_LONGEST:
        return end + DAY_MINUTES
    return end


def counted_activities(name: str, known: Collection[str]) -> frozenset[str]:
    """The activities a limit named `name` counts (Staff.max_per_activity): itself when the plan has
    an activity of that name, else the activities joined by `+` (`準夜+深夜`); each with its kinds in brackets
    (`数学` counts `数学（主任）` and `数学（補助）`: an exam office's `数学:0` for its 理学部 faculty had been left out
    with a note, and 35 of them proctored 数学; beside a plain 数学, 12 still did)."""
    parts = [name] if name in known else [part.strip() for part in name.split("+") if part.strip()]
    out: set[str] = set()
    for part in parts:
        kinds = {activity for activity in known if (m := BRACKETED.match(activity)) and m[1] == part}
        out |= kinds | ({part} if part in known or not kinds else set())
    return frozenset(out)


BRACKETED = re.compile(r"^(.+?)\s*[(（]([^()（）]+)[)）]$")  # `数学（主任）`: 数学 of the kind 主任; `1/5（研修）`


@dataclass(frozen=True)
class Requirement:
    """One session (or one day's shift) that needs staff.

    `min_staff` is the hard minimum, `max_staff` the hard maximum (None = no cap) and
    `preferred_staff` the soft target (None = `min_staff`); `under_weight` / `over_weight`
    price each person below / above the target. `break_minutes` of its span are no work: the
    minutes worked and paid (hours limits, pay caps, statistics) leave them out.
    """

    id: str
    date: date
    site: str
    activity: str
    start: int
    end: int
    min_staff: int
    max_staff: int | None = None
    preferred_staff: int | None = None
    required_skills: tuple[tuple[str, int], ...] = ()  # (skill, how many of the staff need it)
    under_weight: int = 10
    over_weight: int = 1
    notes: str = ""
    skill_caps: tuple[tuple[str, int], ...] = ()  # (skill, at most this many of the staff hold it)
    break_minutes: int = 0  # 休憩: within start-end, not worked

    @property
    def minutes(self) -> int:
        """The minutes worked: from start to end less the break (none below 0)."""
        return max(0, self.end - self.start - self.break_minutes)

    @property
    def skill_needs(self) -> tuple[tuple[tuple[str, int], ...], tuple[tuple[str, int], ...]]:
        """(required_skills, skill_caps): what one 必要スキル cell says (textparse.parse_skill_needs)."""
        return self.required_skills, self.skill_caps

    @property
    def target(self) -> int:
        return self.min_staff if self.preferred_staff is None else self.preferred_staff

    @property
    def cap(self) -> int | None:
        return self.max_staff

    def label(self) -> str:
        """How a coordinator names this session: `4/14 灘 3歳児健診 13:00-16:00` (`… 準夜 16:30-翌1:00`)."""
        return f"{self.date.month}/{self.date.day} {self.site} {self.activity} {time_range(self.start, self.end)}"

    @staticmethod
    def make_id(day: date, site: str, activity: str, start: int) -> str:
        return f"{day.isoformat()}|{site}|{activity}|{hhmm(start)}"

    @staticmethod
    def stand_in(requirement_id: str) -> Requirement | None:
        """The session an id names, as far as the id says it (date, site, activity, start; no end, nobody
        needed), for one a plan no longer holds (a club closed that day since the roster was published):
        its removal is still told to the people placed in it. None for an id not of `make_id`'s form."""
        parts = requirement_id.split("|")
        if len(parts) != 4:
            return None
        try:
            day = date.fromisoformat(parts[0])
            hours, _, minutes = parts[3].partition(":")
            start = int(hours) * 60 + int(minutes)
        except ValueError:
            return None
        return Requirement(requirement_id, day, parts[1], parts[2], start, start, 0)

    @staticmethod
    def id_label(requirement_id: str) -> str:
        """A session named by its id alone, as `label` names it without its end (a session a plan no
        longer holds): `2027-01-05|中央|3歳児健診|13:00` -> `1/5 中央 3歳児健診 13:00`; an id of another
        form as it is."""
        gone = Requirement.stand_in(requirement_id)
        if gone is None:
            return requirement_id
        return f"{gone.date.month}/{gone.date.day} {gone.site} {gone.activity} {hhmm(gone.start)}"


def rotation_order(sessions: Iterable[Requirement]) -> list[str]:
    """The sessions' activities in the order of a shift rotation, as a ward lists them: by earliest
    start, a start before NIGHT_INTO_MORNING counting as the night after the evening (日勤, 準夜,
    深夜 from 0:30), then by name. Day sessions (the hygienists' 9:30, 10:00, 13:00) by start."""
    earliest: dict[str, int] = {}
    for req in sessions:
        start = req.start + (DAY_MINUTES if req.start < NIGHT_INTO_MORNING else 0)
        earliest[req.activity] = min(start, earliest.get(req.activity, start))
    return sorted(earliest, key=lambda activity: (earliest[activity], activity))


@dataclass(frozen=True)
class ShiftRequest:
    """A person's wish to work (`on=True`) or not to work a session/activity on a date."""

    staff_id: str
    date: date
    activity: str  # "" = any session that day
    on: bool
    weight: int = 1


@dataclass(frozen=True)
class Assignment:
    staff_id: str
    requirement_id: str
    locked: bool = False
    source: str = "solver"  # "solver" | "manual" | "import"


@dataclass(frozen=True)
class TravelBuffers:
    """Minutes needed between two sessions on one day, by how far apart their sites are."""

    same_site: int = 0
    same_group: int = 30
    other_group: int = 60


@dataclass(frozen=True)
class HistorySource:
    """An earlier plan whose roster a plan carries in (Problem.history_*): its version, whether that
    version is published (a draft may still change), its period, and how many of its sessions were
    counted (0: another plan's roster held the same sessions and was counted instead)."""

    plan: str
    version: int
    published: bool
    start: date
    end: date
    sessions: int


@dataclass
class RuleSetting:
    """A manager's choice for one rule: on/off, hard/soft, weight, parameters, per-staff overrides."""

    enabled: bool = True
    hard: bool = True
    weight: int = 1
    params: dict[str, Any] = field(default_factory=dict)
    staff_overrides: dict[str, dict[str, Any]] = field(default_factory=dict)
    # given by a workbook's 設定 sheet (not the rules dialog): imported again without it, the rule goes back to its
    # default (settings_kept); not part of what the setting is (equality)
    from_sheet: bool = field(default=False, compare=False)


# Between the skills of one a session asks for as either (`教員または職員`: textparse.parse_skill_needs)
OR_SKILL = "または"


def holding_either(staff: list[Staff], requirements: Iterable[Requirement]) -> list[Staff]:
    """`staff`, each also holding the skills the sessions ask for as either (`教員または職員`, OR_SKILL)
    of which they hold one, so that every rule counts them for it (Problem does this to its staff)."""
    either = {skill for r in requirements for skill, _ in (*r.required_skills, *r.skill_caps) if OR_SKILL in skill}
    if not either:
        return staff
    parts = {skill: frozenset(skill.split(OR_SKILL)) for skill in either}
    return [s if not (held := {k for k, p in parts.items() if p & s.skills and k not in s.skills})
            else replace(s, skills=s.skills | held) for s in staff]


@dataclass
class Problem:
    """Everything the solver needs for one plan period."""

    name: str
    start: date
    end: date
    staff: list[Staff] = field(default_factory=list)
    sites: list[Site] = field(default_factory=list)
    requirements: list[Requirement] = field(default_factory=list)
    availability: dict[tuple[str, date], Mark] = field(default_factory=dict)
    blank_means: Mark = Mark.UNAVAILABLE
    # the word of a × day, as written (textparse.leave_word): leave (有休, 研修), no day off (公休) either,
    # or one of DAY_OFF_WORDS: WISHED_OFF (希), a day off asked for, SET_OFF (公), one set beforehand
    leave: dict[tuple[str, date], str] = field(default_factory=dict)
    # the hours of a day the person is free (`15時から`), on a day they can work: a session must lie inside them
    windows: dict[tuple[str, date], Window] = field(default_factory=dict)
    # the shifts a person refuses on a day they can work (`遅番不可`: textparse.parse_refusal), by activity name
    refused: dict[tuple[str, date], frozenset[str]] = field(default_factory=dict)
    # the most sessions a person takes on a day they can work, as the cell says (`1枠のみ`: one of the day's
    # 午前 and 午後, whichever): max_per_day keeps it
    day_caps: dict[tuple[str, date], int] = field(default_factory=dict)
    requests: list[ShiftRequest] = field(default_factory=list)
    forbidden_successions: frozenset[tuple[str, str]] = frozenset()
    min_rest_minutes: int = 0
    travel: TravelBuffers = field(default_factory=TravelBuffers)
    rules: dict[str, RuleSetting] = field(default_factory=dict)
    locked: list[Assignment] = field(default_factory=list)
    published: list[Assignment] | None = None  # the version that repair mode stays close to
    # Sessions called off (a 枠 row of 必要人数 0 or 中止 over 毎日の枠 or an earlier import: a library's 休館日, a
    # check-up cancelled), kept with their hours and 備考 to be shown and told, never staffed (max_staff 0)
    closed: list[Requirement] = field(default_factory=list)
    # Carried in from earlier plans' rosters when the plan is loaded (models.storage.history), never stored;
    # the fiscal-year ones are of the year the plan starts in (models.history.fiscal_years):
    history: dict[str, tuple[date, ...]] = field(default_factory=dict)  # days worked just before `start`
    history_counts: dict[str, int] = field(default_factory=dict)  # assignments earlier in the fiscal year
    # Saturdays, Sundays and holidays worked earlier in the fiscal year (a night's morning too): weekend_spread
    history_weekend_days: dict[str, int] = field(default_factory=dict)
    history_pay: dict[str, int] = field(default_factory=dict)  # yen earlier in the fiscal year, at each plan's rate
    # minutes earlier in the fiscal year in plans that gave the person no hourly rate (paid at today's rate)
    history_unpriced_minutes: dict[str, int] = field(default_factory=dict)
    history_sessions: dict[str, tuple[Requirement, ...]] = field(default_factory=dict)  # on the day before `start`
    # earlier in the Monday-Sunday week that holds `start` (none when it is a Monday): the weekly limits count them
    history_week: dict[str, tuple[Requirement, ...]] = field(default_factory=dict)
    # the nights (sessions into the next morning) of the days before `start` that `history` covers, for the
    # days off after a night (a 夜勤 two days before the plan: 明 the day before, the first day off)
    history_nights: dict[str, tuple[Requirement, ...]] = field(default_factory=dict)
    history_sources: tuple[HistorySource, ...] = ()  # the earlier plans (and versions) all of it comes from

    def __post_init__(self) -> None:
        self.staff = holding_either(self.staff, self.requirements)
        self._staff_by_id = {s.id: s for s in self.staff}
        self._site_by_name = {s.name: s for s in self.sites}
        self._req_by_id = {r.id: r for r in self.requirements}
        # a session held again (added back in the window) is no longer called off: one row of its id is stored
        self.closed = [r for r in self.closed if r.id not in self._req_by_id]
        self.first_halves = first_halves(self.requirements)  # what a 午前 mark allows beside mornings
        self.evenings = evenings(self.requirements)  # what a 午後 mark does not allow of the afternoons
        self._weekdays = {s.id: frozenset((WEEKDAY_NAMES + HOLIDAYS).index(c) for c in s.weekdays)
                          for s in self.staff if s.weekdays}
        self._words: dict[str, dict[date, str]] = {}
        self._leave_days: dict[str, set[date]] = {}
        for (staff_id, day), word in self.leave.items():  # while the day is still × (a mark edited since is not)
            if self.start <= day <= self.end and self.availability.get((staff_id, day)) is Mark.UNAVAILABLE:
                self._words.setdefault(staff_id, {})[day] = word
                if word not in DAY_OFF_WORDS:
                    self._leave_days.setdefault(staff_id, set()).add(day)

    # -- look-ups -----------------------------------------------------------------------
    def staff_by_id(self, staff_id: str) -> Staff:
        return self._staff_by_id[staff_id]

    def site(self, name: str) -> Site:
        return self._site_by_name.get(name) or Site(name)

    def requirement(self, requirement_id: str) -> Requirement:
        return self._req_by_id[requirement_id]

    def has_requirement(self, requirement_id: str) -> bool:
        return requirement_id in self._req_by_id

    def closed_session(self, requirement_id: str) -> Requirement | None:
        """The session of this id the plan has called off (`closed`), else None."""
        return next((req for req in self.closed if req.id == requirement_id), None)

    def mark(self, staff_id: str, day: date) -> Mark:
        """The person's mark for the day; a blank is 空欄の扱い's, or × on a weekday outside the
        person's `Staff.weekdays` (a mark written that day still counts: this month's exception)."""
        mark = self.availability.get((staff_id, day))
        if mark is not None:
            return mark
        return Mark.UNAVAILABLE if self.off_weekday(staff_id, day) else self.blank_means

    def allows(self, staff_id: str, day: date, start: int, end: int) -> bool:
        """Whether the person's mark for the day, and the hours they gave with it, allow a session
        from `start` to `end` (minutes after that day's midnight)."""
        return self.mark(staff_id, day).allows(start, end, self.first_halves, self.evenings) and \
            within(self.windows.get((staff_id, day)), start, end)

    def refuses(self, staff_id: str, req: Requirement) -> bool:
        """Whether the person refused the session's activity on its day (`遅番不可`) on a day they can
        work (a mark edited to × since keeps no refusal that matters)."""
        refused = self.refused.get((staff_id, req.date))
        return refused is not None and req.activity in refused and self.mark(staff_id, req.date).can_work

    def day_cap(self, staff_id: str, day: date) -> int | None:
        """The most sessions the person's cell allows on a day they can work (`1枠のみ`), None for no cap."""
        cap = self.day_caps.get((staff_id, day))
        return cap if cap is not None and self.mark(staff_id, day).can_work else None

    def off_weekday(self, staff_id: str, day: date) -> bool:
        """Whether the day is outside the person's `Staff.weekdays` (never for a person without them): a
        national holiday is theirs when they give 祝 (HOLIDAYS); one on a weekday (月〜金) is not, unless
        they work every day of the week; one on a Saturday is a Saturday."""
        weekdays = self._weekdays.get(staff_id)
        if weekdays is None:
            return False
        if HOLIDAY_INDEX in weekdays and is_holiday(day):
            return False
        if day.weekday() < 5 and len(weekdays) < len(WEEKDAY_NAMES) and is_holiday(day):
            return True
        return day.weekday() not in weekdays

    def leave_days(self, staff_id: str) -> set[date]:
        """The plan's days the person is on leave (有休, 研修: Problem.leave): neither work nor a day off."""
        return self._leave_days.get(staff_id, set())

    def day_words(self, staff_id: str) -> dict[date, str]:
        """The plan's × days of the person whose word is kept (Problem.leave): leave, and 希."""
        return self._words.get(staff_id, {})

    def cannot_work(self, staff_id: str, day: date) -> bool:
        """Whether the person's mark for the day is × (a blank under 空欄の扱い 不可 too), as the
        schedules show it: never while the plan still awaits its marks."""
        return self.mark(staff_id, day) is Mark.UNAVAILABLE and not self.awaits_marks()

    def day_count(self) -> int:
        """How many days the plan has (days() without listing them)."""
        return (self.end - self.start).days + 1

    def days(self) -> list[date]:
        n = (self.end - self.start).days + 1
        return [self.start + timedelta(days=i) for i in range(n)]

    def active_staff(self) -> list[Staff]:
        return [s for s in self.staff if s.active]

    def awaits_marks(self) -> bool:
        """Whether the plan still waits for its availability: no marks, and a blank counts as ×
        (with 空欄の扱い 可 or △, a plan without marks is everyone available)."""
        return not self.availability and self.blank_means is Mark.UNAVAILABLE

    def wish_count(self) -> int:
        """How many requests ask to work (a nurse's 日勤 in the 勤務可否 sheet)."""
        return sum(1 for q in self.requests if q.on)

    def rule(self, rule_id: str) -> RuleSetting | None:
        return self.rules.get(rule_id)

    def travel_minutes(self, site_a: str, site_b: str) -> int:
        """Buffer between two sessions on one day at these sites: at one site, within a travel
        group, or across groups. A site without a travel group is in its 区 (area)'s: with 区 given
        and 移動グループ blank, two patients' homes in one 区 were 'across groups' and every move
        took the longer time."""
        if site_a == site_b:
            return self.travel.same_site
        a, b = self.site(site_a), self.site(site_b)
        group_a = a.travel_group or a.area or site_a
        group_b = b.travel_group or b.area or site_b
        return self.travel.same_group if group_a == group_b else self.travel.other_group

    def with_(self, **changes: Any) -> Problem:
        return replace(self, **changes)


@dataclass
class Roster:
    """A set of assignments for one problem (solved, hand-edited or read back from Excel)."""

    assignments: list[Assignment] = field(default_factory=list)

    def staff_for(self, requirement_id: str) -> list[str]:
        return [a.staff_id for a in self.assignments if a.requirement_id == requirement_id]

    def pairs(self) -> set[tuple[str, str]]:
        return {(a.staff_id, a.requirement_id) for a in self.assignments}

    def split_by(self, problem: Problem) -> tuple[Roster, list[Assignment]]:
        """The assignments to the problem's sessions and staff, and those naming a session or person
        it no longer has (a plan imported again with sessions moved or people removed)."""
        staff = {s.id for s in problem.staff}
        known = [problem.has_requirement(a.requirement_id) and a.staff_id in staff for a in self.assignments]
        return (Roster([a for a, ok in zip(self.assignments, known) if ok]),
                [a for a, ok in zip(self.assignments, known) if not ok])

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[str, str]], locked: Iterable[tuple[str, str]] = ()) -> Roster:
        locked_set = set(locked)
        return cls(
            [Assignment(s, r, locked=(s, r) in locked_set) for s, r in sorted(pairs)]
        )


@dataclass(frozen=True)
class Violation:
    """One broken rule in a roster, in domain words, with its cost (hard ones cost nothing)."""

    rule_id: str
    hard: bool
    message: str  # a sentence a coordinator understands, in the current language
    cost: int = 0
    staff_id: str | None = None
    requirement_id: str | None = None
    date: date | None = None


def duty_days(problem: Problem, staff_id: str, sessions: Iterable[Requirement]) -> set[date]:
    """The plan's days that are no day off for the person working `sessions`: each session's day
    and the morning after each night (days_taken), the earlier plan's last night included
    (Problem.history_sessions). What the run, days-off and weekend rules, the statistics and the
    勤務表 all count."""
    held = (*problem.history_sessions.get(staff_id, ()), *sessions)
    return {day for req in held for day in days_taken(req) if problem.start <= day <= problem.end}


def settings_kept(imported: Problem, stored: Problem) -> tuple[Problem, list[str], list[str]]:
    """A plan imported again over its stored self, keeping what was set outside the workbook: the
    rule settings (made in the rules dialog) of every rule its 設定 sheet does not name, and the
    forbidden successions when it names none. A setting the last import's 設定 gave (from_sheet) that
    this one's no longer names is not kept: its row deleted, the rule is back to its default (an
    after-school office's `1日の上限` = 1, deleted, had gone on binding). Returns the plan, the ids of
    the rules kept and those of the rules back to their defaults."""
    unnamed = {rule_id: chosen for rule_id, chosen in stored.rules.items() if rule_id not in imported.rules}
    kept = {rule_id: chosen for rule_id, chosen in unnamed.items() if not chosen.from_sheet}
    successions = imported.forbidden_successions or stored.forbidden_successions
    return (imported.with_(rules={**kept, **imported.rules}, forbidden_successions=successions), sorted(kept),
            sorted(set(unnamed) - set(kept)))


def plan_slice(problem: Problem, roster: Roster, staff_ids: set[str], requirement_ids: set[str]) -> tuple[Problem, Roster]:
    """The part of the plan that decides the touched people's and sessions' violations.

    Returns a problem holding the touched people, everyone working a touched session, and every
    session any of them works; and the roster restricted to those people.
    """
    people = set(staff_ids)
    for a in roster.assignments:
        if a.requirement_id in requirement_ids:
            people.add(a.staff_id)
    assignments = [a for a in roster.assignments if a.staff_id in people]
    sessions = set(requirement_ids) | {a.requirement_id for a in assignments}
    part = problem.with_(
        staff=[s for s in problem.staff if s.id in people],
        requirements=[r for r in problem.requirements if r.id in sessions],
        requests=[q for q in problem.requests if q.staff_id in people],
        locked=[a for a in problem.locked if a.staff_id in people],
        published=None if problem.published is None else [a for a in problem.published if a.staff_id in people],
    )
    return part, Roster(assignments)
