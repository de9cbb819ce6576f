"""Turning what people type into Excel cells into values: booleans, dates, times, marks, counts, skills.

Every function takes a raw cell value (text, number, date, time or None) and either returns the
value or raises ValueError; the importer turns that ValueError into a message with the cell.
Text is folded first (`models.domain.fold`), so full-width digits, colons and parentheses work like ASCII.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any, Iterable

from models.domain import HOLIDAYS, OR_SKILL, SET_OFF, WEEKDAY_NAMES, WISHED_OFF, Mark, fold, hhmm
from models.i18n import t

# Excel serial day numbers between 1954 and 2119: anything else is not a date someone meant.
_SERIAL_RANGE = (20000, 80000)
_EXCEL_EPOCH = date(1899, 12, 30)


def _text(value: Any) -> str:
    """Folded (`models.domain.fold`), trimmed, with every run of whitespace made one space."""
    return re.sub(r"\s+", " ", fold(str(value))).strip()


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not _text(value))


_TRUE = {"はい", "有効", "可", "○", "◯", "〇", "●", "true", "yes", "y", "on", "1", "する", "あり", "有"}
_FALSE = {"いいえ", "無効", "不可", "×", "✕", "✖", "false", "no", "n", "off", "0", "しない", "なし", "無"}


# What a staff register writes for someone away for months (産休 and the like): not placed in this plan
_AWAY = {"休職", "産休", "育休", "産育休", "病休", "休業", "退職", "離職", "長期休暇"}


def parse_active(value: Any) -> bool:
    """Whether a person is on the register's active list: はい/○/在籍 (or any yes), or away for the
    whole plan: いいえ/×/休職/産休/育休/退職 (or any no); ValueError for anything else."""
    text = _text(value).replace(" ", "") if isinstance(value, str) else ""
    if text in ("在籍", "在職", "勤務", "在籍中", "在職中", "勤務中"):
        return True
    if text.removesuffix("中").removesuffix("済").removesuffix("済み") in _AWAY:  # 休職中, 退職済み
        return False
    return parse_bool(value)


def parse_bool(value: Any) -> bool:
    """True or False from はい/いいえ, 有効/無効, 可/不可, ○/×, TRUE/FALSE, yes/no, on/off, 1/0 or a bool."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    text = _text(value).casefold() if value is not None else ""
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(f"not a yes/no value: {value!r}")


# Japanese eras: the Western year of era year 1.
_ERAS = {"令和": 2019, "r": 2019, "平成": 1989, "h": 1989, "昭和": 1926, "s": 1926}


def western_year(era: str, era_year: str) -> int:
    """The Western year of an era's year: `令和`, `8` -> 2026 (`r`, `h`, `s` for short, casefolded;
    `元` is year 1). ValueError for year 0."""
    number = 1 if era_year == "元" else int(era_year)
    if number < 1:
        raise ValueError(f"not a year of {era}: {era_year!r}")
    return _ERAS[era] + number - 1


# `(水)` after a date, and a word after it that names the day (`2/3(水)予備日`, `5/3(月)祝`), not a half of it
_WEEKDAY_SUFFIX = re.compile(r"\s*\(([^)]*)\)\s*(?:(?!.*(?:午前|午後|am|pm))[^\d()]{1,8})?$")
_WEEKDAYS = {**{name: i for i, name in enumerate("月火水木金土日")},
             **{name: i for i, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))}}


class Explained(ValueError):
    """A value refused with a reason of its own (in the current language), for a reader to say as
    it is rather than as a plain "invalid"."""


def _check_weekday(day: date, written: str) -> date:
    """`day`, when the weekday written beside it (`水`, `水曜日`, `wed`) is its own or none is written;
    Explained when it is another (1月12日(水) is a Tuesday: which of the two did the writer mean?)."""
    head = written.strip()
    said = _WEEKDAYS.get(head[:3]) if head[:3] in _WEEKDAYS else _WEEKDAYS.get(head[:1])
    if said is None or said == day.weekday():
        return day
    names = "月火水木金土日"
    english = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    raise Explained(t("{m}/{d} は {real}曜日で、書かれた曜日（{said}）と合いません。日付か曜日を直してください",
                      "{m}/{d} is a {real_en}, not the {said_en} written beside it: mend the date or the weekday",
                      m=day.month, d=day.day, real=names[day.weekday()], said=written.strip(),
                      real_en=english[day.weekday()], said_en=english[said]))
_YMD = re.compile(r"^(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})(?:[ T]0{1,2}:00(?::00)?)?$")
_YMD_KANJI = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$")
_ERA = re.compile(
    r"^(令和|平成|昭和|r|h|s)\s*(\d{1,2}|元)\s*[/\-.年]\s*(\d{1,2})\s*[/\-.月]\s*(\d{1,2})\s*日?$"
)
_MD = re.compile(r"^(\d{1,2})\s*[/\-]\s*(\d{1,2})$")
_MD_KANJI = re.compile(r"^(\d{1,2})\s*月\s*(\d{1,2})\s*日?$")


def _from_serial(number: float) -> date:
    if not _SERIAL_RANGE[0] <= number <= _SERIAL_RANGE[1]:
        raise ValueError(f"not an Excel date: {number!r}")
    return _EXCEL_EPOCH + timedelta(days=int(number))


def parse_date(value: Any, default_year: int | None = None, guessed: bool = False) -> date:
    """The date in an Excel date cell or text (`2026/4/1`, `R8.4.1`, `令和8年4月1日`, `4/1(水)`,
    `4-1`...).

    Month/day text without a year takes `default_year`; without one it raises ValueError,
    as it does for impossible dates such as 4月31日. When that year is only `guessed` (no plan
    period to take it from), a weekday written beside the date picks the year before or after
    instead, when it is that year's alone. A weekday that does not fit raises Explained.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool) or value is None:
        raise ValueError(f"not a date: {value!r}")
    if isinstance(value, (int, float)):
        return _from_serial(value)
    whole = _text(value).casefold()
    suffix = _WEEKDAY_SUFFIX.search(whole)
    text = whole[:suffix.start()] if suffix else whole
    day = _date_text(text, default_year, value)
    if not suffix:
        return day
    if guessed and default_year is not None and (_MD.match(text) or _MD_KANJI.match(text)):
        # a year not written: the weekday tells which of the years around the guessed one is meant
        # (`1/5(火)` typed in December for January: 2027, not this year's Monday 1/5)
        fits = [d for d in _same_day_in(day, (default_year - 1, default_year + 1)) if _weekday_fits(d, suffix[1])]
        if not _weekday_fits(day, suffix[1]) and len(fits) == 1:
            return fits[0]
    return _check_weekday(day, suffix[1])


def _same_day_in(day: date, years: tuple[int, ...]) -> list[date]:
    found = []
    for year in years:
        try:
            found.append(day.replace(year=year))
        except ValueError:  # 2/29 in a year without it
            pass
    return found


def _weekday_fits(day: date, written: str) -> bool:
    try:
        _check_weekday(day, written)
    except Explained:
        return False
    return True


def _date_text(text: str, default_year: int | None, value: Any) -> date:
    if re.fullmatch(r"\d{5}(\.0+)?", text):
        return _from_serial(float(text))
    if m := _YMD.match(text) or _YMD_KANJI.match(text):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if m := _ERA.match(text):
        return date(western_year(m[1], m[2]), int(m[3]), int(m[4]))
    if m := _MD.match(text) or _MD_KANJI.match(text):
        if default_year is None:
            raise ValueError(f"date without a year: {value!r}")
        return date(default_year, int(m[1]), int(m[2]))
    raise ValueError(f"not a date: {value!r}")


_HM = re.compile(r"^(\d{1,2})\s*:\s*(\d{2})(?:\s*:\s*(\d{2}))?$")
_NEXT_DAY = re.compile(r"^(?:\(翌\)|翌日|翌朝|翌)\s*")  # `翌9:00`: the end of a shift that crosses midnight
# An Excel time past 24:00 (`25:00`, a serial of 1 and more) comes as a datetime on the first day
# of Excel's calendar (1900-01-01 from openpyxl, 1899-12-31 counted from the epoch): the day counts.
_EXCEL_DAYS = {date(1899, 12, 30): 0, date(1899, 12, 31): 1, date(1900, 1, 1): 1}
_HM_KANJI = re.compile(r"^(\d{1,2})\s*時\s*(?:(\d{1,2})\s*分|(半))?$")
_HALF_DAY = re.compile(r"^(午前|午後|am|pm)\s*")
_HALF_DAY_AFTER = re.compile(r"\s*(am|pm|a\.m\.|p\.m\.)$")


def _minutes(hours: int, minutes: int, seconds: int = 0) -> int:
    # Up to 47:59 so that overnight shifts can end "26:00".
    if hours > 47 or minutes > 59 or seconds > 59:
        raise ValueError(f"not a time: {hours}:{minutes}")
    return hours * 60 + minutes


def parse_time(value: Any) -> int:
    """Minutes after midnight from an Excel time, a day fraction or text (`9:00`, `９：００`, `9時30分`);
    a time of the next day (`翌9:00`, `25:00`) is past 24:00 (1440)."""
    if isinstance(value, (datetime, time)):
        # Excel's float times can land a hair before the minute (08:59:59.9996): round to nearest.
        seconds = value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
        days = _EXCEL_DAYS.get(value.date(), 0) if isinstance(value, datetime) else 0
        return days * 1440 + round(seconds / 60)
    if isinstance(value, timedelta):
        return round(value.total_seconds() / 60)
    if isinstance(value, bool) or value is None:
        raise ValueError(f"not a time: {value!r}")
    if isinstance(value, (int, float)):
        # Excel keeps times as fractions of a day; up to 2 days for overnight ends.
        if 0 <= value < 2:
            return round(value * 1440)
        raise ValueError(f"not a time: {value!r}")
    text = _text(value).casefold()
    if m := _NEXT_DAY.match(text):
        today = parse_time(text[m.end():])
        if today >= 1440:
            raise ValueError(f"not a time: {value!r}")
        return today + 1440
    afternoon = False
    if m := _HALF_DAY.match(text) or _HALF_DAY_AFTER.search(text):  # `午後1:30`, `pm 1:30`, `1:30 pm`
        afternoon = m[1] in ("午後", "pm", "p.m.")
        text = text[m.end():] if m.start() == 0 else text[:m.start()]
    if m := _HM.match(text):
        result = _minutes(int(m[1]), int(m[2]), int(m[3] or 0))
    elif m := _HM_KANJI.match(text):
        result = _minutes(int(m[1]), 30 if m[3] else int(m[2] or 0))
    else:
        raise ValueError(f"not a time: {value!r}")
    if afternoon and result < 12 * 60:
        result += 12 * 60
    return result


# A remark that says when someone can or cannot work: dates, 不可, のみ, 午前, 午後, 休み (職員's 備考, a matrix's).
SAYS_WHEN = re.compile(r"\d{1,2}\s*[/月]\s*\d{1,2}|不可|のみ|だけ|午前|午後|休み|できない|出られない|[月火水木金土日]曜")

# Leave: a day away that is no day off (公休) — paid leave, a day of training, sickness. A ward counts
# its 公休 (9 in May) without them; each is kept as written, 有 as the 有休 it stands for. And 明, the
# morning after a night that began before the plan (last month's 4/30 夜勤): no work, no day off.
LEAVE_WORDS = frozenset(("有休", "有給", "有給休暇", "年休", "休暇", "特休", "特別休暇", "夏休", "夏休み", "冬休み",
                         "リフレッシュ休暇", "慶弔休暇", "介護休暇", "看護休暇", "忌引", "忌引き", "研修", "出張",
                         "学会", "講習", "産休", "育休", "病休", "病欠", "欠勤", "休職", "明", "通院", "人間ドック"))
# Any kind of 休暇 (夏季休暇, 年末年始休暇), 出張 (学会出張) or 研修 (司書研修, 研修会) is leave too, kept as written
_LEAVE_ENDINGS = ("休暇", "出張", "研修", "研修会", "講習", "講習会", "学会")
# Leave with where or why in brackets (`研修（県立図書館）`)
_BRACKETED_LEAVE = re.compile(r"^(.+?)[(（](.+)[)）]$")
_LEAVE_SHORT = {"有": "有休", "年": "年休", "明け": "明", "欠": "欠勤", "忌": "忌引"}
# A day off asked for, kept as 希 (WISHED_OFF) so that the 勤務表 tells it from the days off Haichi gave.
_WISHED_OFF = {"希": WISHED_OFF, "希望休": WISHED_OFF, "希休": WISHED_OFF, "希望休み": WISHED_OFF, "希望休日": WISHED_OFF}
# A day off set beforehand, kept as 公 (SET_OFF): the 勤務表 showed a ward's 公 as ×
_SET_OFF = {"公": SET_OFF, "公休": SET_OFF}


_MARKS: dict[str, Mark] = {}
for _symbols, _mark in (
    (("○", "◯", "〇", "●", "◎", "o", "可", "✓", "✔", "☑", "終日", "終日可", "全日", "全日可", "1日可", "一日可", "ok"),
     Mark.AVAILABLE),
    # 休 and its kinds: how a ward's staff ask for a day off (希望休, 休み) or note leave (公休, 有休, 休暇);
    # and a day away from the workplace (研修, 出張, 学会), unless a plan's shift has that name (a wish then)
    (("×", "✕", "✖", "x", "不可", "終日不可", "全日不可", "休", "休み", "お休み", "公休", "公", "週休", "非番", "代休",
      "振休", "代", "振", "辞退", "欠席",  # an election office's 辞退 (declined) had been refused
      *_WISHED_OFF, *LEAVE_WORDS, *_LEAVE_SHORT), Mark.UNAVAILABLE),
    # undecided: `？` or `未定` on a form is a day to ask about, as △ (a consultation office's ？ refused its import)
    (("△", "▲", "要相談", "相談可", "応相談", "?", "？", "未定", "要確認", "調整中"), Mark.PREFER_NOT),
    # a half-day off leaves the other half (午前休: the afternoon is theirs); 前半・後半 are a day cut in two
    # (a polling station's 8:30-14:00 and 14:00-20:00), read as its morning and afternoon
    (("am", "午前", "午前のみ", "amのみ", "午前可", "午前のみ可", "am可", "前半", "前半のみ", "前半可", "前半のみ可",
      "午後休", "午後半休", "pm休", "午後有休", "有休(午後)", "午後休み", "午前まで", "午前中", "午前中のみ", "午前中可",
      "午前中のみ可", "午後不可", "pm不可", "後半不可"), Mark.AM_ONLY),
    (("pm", "午後", "午後のみ", "pmのみ", "午後可", "午後のみ可", "pm可", "後半", "後半のみ", "後半可", "後半のみ可",
      "午前休", "午前半休", "am休", "午前有休", "有休(午前)", "午前休み", "午後から", "午後から可", "午前不可", "am不可",
      "前半不可"), Mark.PM_ONLY),
):
    for _symbol in _symbols:
        _MARKS[_symbol] = _mark


# A dash in an availability cell: no answer, as a blank
_DASHES = frozenset(("-", "ー", "―", "‐", "—", "–"))
# A half of the day written bare after a × (`×午後`): the other half is the one free
_HALVES = {"午前": Mark.PM_ONLY, "am": Mark.PM_ONLY, "前半": Mark.PM_ONLY,
           "午後": Mark.AM_ONLY, "pm": Mark.AM_ONLY, "後半": Mark.AM_ONLY}


def leave_word(value: Any) -> str | None:
    """The word a × cell keeps (Problem.leave): the leave it says (`有休`, `研修`, `有休希望` as 有休, `有`
    as 有休), 希 for a day off asked for (`希`, `希望休`), 公 for one set beforehand (`公`, `公休`); None for
    anything else."""
    if _is_blank(value) or not isinstance(value, str):
        return None
    text = _text(value).replace(" ", "")
    if text in _WISHED_OFF:
        return _WISHED_OFF[text]
    if text in _SET_OFF:
        return _SET_OFF[text]
    text = text[:-2] if text.endswith("希望") else text
    text = _LEAVE_SHORT.get(text, text)
    text = _BECAUSE_OFF.sub("", text)  # `出張のため不可`: the leave it gives
    if m := _BRACKETED_LEAVE.match(text):  # a library's `研修（県立図書館）` and `休（研修）` were refused
        if _MARKS.get(m[2].casefold()) in (Mark.AM_ONLY, Mark.PM_ONLY):
            return None  # `有休（午前）`: half a day's leave, the other half worked
        if (word := leave_word(m[1])) is None and _MARKS.get(m[1].casefold()) is Mark.UNAVAILABLE:
            return leave_word(m[2])  # `不可(通院)`, `×（研修）`: the leave in brackets (a form had prefilled a bare ×)
        return word
    return text if text in LEAVE_WORDS or (text.endswith(_LEAVE_ENDINGS) and len(text) > 2) else None


# Between the two times of a range: 〜 ~ - – — ー, or から (`9時から12時`), already folded.
_RANGE = re.compile(r"\s*(?:[~〜\-–—ー]|から)\s*")


def parse_time_range(value: Any) -> tuple[int, int]:
    """Start and end in minutes after midnight from one cell holding both (`9:30～11:30`,
    `9時から12時`, `午後1時半-午後3時`)."""
    if not isinstance(value, str):
        raise ValueError(f"not a time range: {value!r}")
    parts = _RANGE.split(_text(value))
    if len(parts) != 2 or not all(parts):
        raise ValueError(f"not a time range: {value!r}")
    return parse_time(parts[0]), parse_time(parts[1])


# A day off with its reason before it: `出張のため不可`, `通院で不可`, `私用につき×` (not `遅番不可`, a shift
# refused, which the marks cannot say)
_BECAUSE_OFF = re.compile(r"(?:のため|の為|で|につき|により)(?:不可|×|休み?)$")
# A mark with a word in brackets after it: `○（後半）` the half it names, `×（通院）` × with its reason.
_BRACKETED_MARK = re.compile(r"^([○◯〇×✕✖x△▲])[(（](.+)[)）]$")


def parse_mark(value: Any) -> Mark | None:
    """The availability mark in a cell (○/×/△/午前/午後 in any variant, a day off as 休み, 公休,
    有休…, or asked for as 休み希望), None when blank."""
    if _is_blank(value):
        return None
    text = _text(value).casefold().replace(" ", "")  # `AM のみ` as `AMのみ`
    if text in _MARKS:
        return _MARKS[text]
    if text in _DASHES:
        return None  # `－` on a form: nothing said, as a blank (空欄の扱い decides)
    if m := _BRACKETED_MARK.match(text):
        inner_text = m[2].removesuffix("希望")
        mark, inner = _MARKS[m[1]], _MARKS.get(inner_text)
        if mark is not Mark.UNAVAILABLE and inner in (Mark.AM_ONLY, Mark.PM_ONLY):
            # `○（後半）`, `○(午前)`, `△(午前希望)`: the half it names, kept to (a university's △(午前希望) lost its
            # morning, and an afternoon could go to someone who would come only in the morning)
            return inner
        if mark is not Mark.UNAVAILABLE and parse_window(text) is not None:
            raise ValueError(f"hours, not a mark: {value!r}")  # `○(14時まで)`, `△（15時から）`: parse_window's
        if mark is not Mark.AVAILABLE:
            return mark  # `×（通院）`, `△(できれば)`: the mark, its reason a remark
    if text[:1] in "○◯〇△▲" and _MARKS.get(text[1:].removesuffix("希望")) in (Mark.AM_ONLY, Mark.PM_ONLY):
        return _MARKS[text[1:].removesuffix("希望")]  # `△午後`, `○午前`: the half it names, as `△(午後)`
    if text[:1] in "×✕✖" and text[1:] in _HALVES:
        return _HALVES[text[1:]]  # `×午後`: the afternoon refused, the morning free (as 午後不可)
    if text.endswith("希望") and _MARKS.get(text[:-2]) is Mark.UNAVAILABLE:  # `休み希望`, `有休希望`: a day off asked for
        return Mark.UNAVAILABLE
    if (m := _BRACKETED_LEAVE.match(text)) and _MARKS.get(m[1]) is Mark.UNAVAILABLE:
        return Mark.UNAVAILABLE  # `休（研修）`, `休み(私用)`: a day off, its reason a remark as `×（通院）`'s
    if leave_word(text) is not None or _BECAUSE_OFF.search(text):  # `夏季休暇`, `学会出張`, `通院のため不可`
        return Mark.UNAVAILABLE
    raise ValueError(f"unknown mark: {value!r}")


# An availability cell naming the hours a person is free (`15時から`, `〜15:00`, `10時〜15時`), read by
# `parse_window`: a ○ (or △) before or after them, `可` or `のみ` after them, are the day's mark.
_WINDOW_MARK_BEFORE = re.compile(r"^([○◯〇△▲])\s*")
_WINDOW_MARK_AFTER = re.compile(r"\s*(?:[○◯〇]|可|のみ|のみ可|ok)$")
_WINDOW_FROM = re.compile(r"^(.+?)\s*(?:から|以降|以後|[~〜\-ー])$")  # `15時から`, `15:00〜`
_WINDOW_UNTIL = re.compile(r"^(?:[~〜\-ー]\s*(.+?)|(.+?)\s*(?:まで|迄|までなら))$")  # `〜15時`, `15時まで`
_WINDOW_RANGE = re.compile(r"^(.+?)\s*(?:[~〜\-–—ー]|から)\s*(.+?)(?:まで|迄)?$")  # `10時〜15時`, `10時から15時まで`


def parse_window(value: Any) -> tuple[Mark, int, int | None] | None:
    """The hours a cell says a person is free that day: (○ or △, from, until; None = to the end of
    the day and any night after it), from `15時から`, `15:00〜`, `〜15時`, `15時まで`, `10時〜15時`,
    `9:30-13:00`, `午後3時から`, with a ○ or △ before or after (`△15時から`, `15時から可`); None for a
    cell that says no hours (a plain mark, a blank). Times as `parse_time` reads them; the end after the
    start. A bare number (`10-15`) is no time: Excel turns it into a date as it is typed."""
    if _is_blank(value) or not isinstance(value, str):
        return None
    text = _text(value).casefold().replace(" ", "")
    mark = Mark.AVAILABLE
    if m := _WINDOW_MARK_BEFORE.match(text):
        mark = Mark.PREFER_NOT if m[1] in "△▲" else Mark.AVAILABLE
        text = text[m.end():]
        if text[:1] in "(（" and text[-1:] in ")）":
            text = text[1:-1]  # `○(14時まで)`: the hours in brackets after the mark
    text = _WINDOW_MARK_AFTER.sub("", text)
    if not text or not any(sign in text for sign in (":", "時")):
        return None
    for pattern in (_WINDOW_RANGE, _WINDOW_UNTIL, _WINDOW_FROM):  # `10時から15時まで` is a range
        if m := pattern.match(text):
            try:
                if pattern is _WINDOW_RANGE:
                    start, end = parse_time(m[1]), parse_time(m[2])
                elif pattern is _WINDOW_UNTIL:
                    start, end = 0, parse_time(m[1] or m[2])
                else:
                    start, end = parse_time(m[1]), None
            except ValueError:
                continue
            return (mark, start, end) if end is None or end > start else None
    return None


def window_text(mark: Mark, start: int, end: int | None) -> str:
    """A free window as a cell writes it, read back by `parse_window`: `15:00〜`, `〜15:00`,
    `10:00〜15:00`, with △ before it when the day is △."""
    text = f"{hhmm(start) if start else ''}〜{hhmm(end) if end is not None else ''}"
    return f"△{text}" if mark is Mark.PREFER_NOT else text


def cell_text(mark: Mark | None, wish: str | None = None, leave: str | None = None,
              window: tuple[int, int | None] | None = None, refused: Iterable[str] | None = None,
              activities: Iterable[str] = (), cap: int | None = None) -> str | None:
    """What a person's 勤務可否 cell says, read back the same: the shift asked for (`日勤`), the leave
    of a × day (`有休`), the hours free (`15:00〜`), the shifts refused on a ○ day (`遅番不可`, or
    `日勤のみ` when the plan's `activities` leave fewer allowed than refused), the most sessions of a day
    that can be worked (`1枠のみ`, `△1枠のみ`), else the mark; None for a blank."""
    if wish is not None:
        return wish_text(wish)
    if mark is None:
        return None
    if mark is Mark.UNAVAILABLE:
        return leave or mark.value
    if window:
        return window_text(mark, *window)
    if refused and mark is Mark.AVAILABLE:
        return refusal_text(refused, activities)
    if cap is not None and mark in (Mark.AVAILABLE, Mark.PREFER_NOT):
        return day_cap_text(mark, cap)
    return mark.value


# The most sessions on a day written in its cell: `1枠のみ`, `1コマ`, `1回まで`, `どちらか1つ`, `△1枠のみ`; a clinic's
# `1枠のみ` (131 cells: one of the day's 午前 and 午後, whichever) refused the whole import
_DAY_CAP = re.compile(r"^([○◯〇△▲])?\s*[(（]?\s*(?:どちらか|いずれか|どれか)?\s*(\d+|一|二|三)\s*"
                      r"(?:枠|コマ|こま|回|つ|件|ヶ所|か所|箇所|単位)\s*(?:のみ|だけ|まで|迄|以内)?\s*(?:可|ok)?\s*[)）]?$")
_KANJI_DIGITS = {"一": 1, "二": 2, "三": 3}


def parse_day_cap(value: Any) -> tuple[Mark, int] | None:
    """(○ or △, the most sessions that day) a cell writes as `1枠のみ`, `1コマまで`, `どちらか1つ`, `△1枠`; None for
    any other cell."""
    if _is_blank(value) or not isinstance(value, str):
        return None
    m = _DAY_CAP.match(_text(value).casefold().replace(" ", ""))
    if not m:
        return None
    most = _KANJI_DIGITS.get(m[2]) or int(m[2])
    return (Mark.PREFER_NOT if m[1] in ("△", "▲") else Mark.AVAILABLE), most


# The evening alone, in words (`夜のみ`, `夜間のみ`, `夕方から`): sessions from EVENING on (a clinic's 夜間 17:30-20:00,
# a ward's 準夜 16:30); a ward's `夜` alone is a wish for its 夜勤 (parse_wish, read first)
EVENING = 16 * 60
_EVENING_WORDS = frozenset({"夜のみ", "夜間のみ", "夜", "夜間", "夜可", "夜間可", "夜のみ可", "夜間のみ可", "夜だけ", "夜間だけ",
                            "夕方から", "夕方以降", "夕方のみ", "夜間帯のみ"})


def parse_evening(value: Any) -> tuple[Mark, int, int | None] | None:
    """(○ or △, EVENING, None) for a cell that says the evening alone (`夜のみ`, `△夜間のみ`), as parse_window
    says hours free; None for any other cell."""
    if _is_blank(value) or not isinstance(value, str):
        return None
    text = _text(value).casefold().replace(" ", "")
    mark = Mark.AVAILABLE
    if m := _WINDOW_MARK_BEFORE.match(text):  # `△夜間のみ`, as parse_window reads a mark before hours
        mark, text = (Mark.PREFER_NOT if m[1] in "△▲" else Mark.AVAILABLE), text[m.end():]
    return (mark, EVENING, None) if text in _EVENING_WORDS else None


def day_cap_text(mark: Mark, cap: int) -> str:
    """The most sessions of a day as a cell writes it, read back by `parse_day_cap`: `1枠のみ`, `△2枠のみ`."""
    return ("△" if mark is Mark.PREFER_NOT else "") + f"{cap}枠のみ"


# A shift refused on a day that can be worked: `遅番不可`, `遅番×`, `夜勤なし`, `深夜・準夜不可`, `遅不可`, `2限以外`
# (`parse_refusal`); `日勤のみ` and `1,2,3限可` refuse every other shift of the plan.
_REFUSAL = re.compile(r"^(.+?)\s*(?:は)?\s*(?:不可|×|✕|✖|なし|無し|ng|以外|を除く|除く)$")
_ONLY = re.compile(r"^(.+?)\s*(?:(?:のみ|だけ)(?:可)?|可|ok)$")
_REFUSAL_SEPARATORS = re.compile(r"\s*[/・+、,]\s*")
# Shifts numbered in a series (a university's 1限-5限, a school's 1コマ-6コマ): `1,2,3限` names 1限, 2限 and 3限,
# `1〜3限` the three, `3限から` and `4限まで` those from or up to one; a Google Form's answers refused 205 cells
_NUMBERED = re.compile(r"^(\D*?)(\d+)(\D*)$")
_LISTED = re.compile(r"[、,]")  # shifts listed with these (not / ・ +, a wish for one of them) are the day's only ones
_NUMBERED_SPAN = re.compile(r"^(.+?)\s*[~〜\-ー]\s*(.+?)\s*(?:まで)?\s*(?:のみ|だけ)?\s*(?:可)?$")
_NUMBERED_FROM = re.compile(r"^(.+?)\s*(?:から|以降|以後)\s*(?:のみ)?\s*(?:可)?$")
_NUMBERED_UNTIL = re.compile(r"^(?:[~〜]\s*(.+?)|(.+?)\s*(?:まで|迄|以前))\s*(?:のみ)?\s*(?:可)?$")


def _activities_named(text: str, activities: Iterable[str]) -> list[str] | None:
    """The plan's activities a stem names (`深夜・準夜`, `遅` for 遅番 when it begins no other), in the
    plan's spelling; None when a part names none."""
    known = {_text(name).casefold(): name for name in activities}
    if text in known:  # an activity whose own name holds a `・`
        return [known[text]]
    found = [_named_part(part, known) for part in _numbers_completed([p for p in _REFUSAL_SEPARATORS.split(text) if p])]
    return None if not found or None in found else found  # type: ignore[return-value]


def _numbers_completed(parts: list[str]) -> list[str]:
    """`1`, `2`, `3限` as `1限`, `2限`, `3限`: bare numbers before a numbered shift's name take its words."""
    if len(parts) < 2 or not (m := _NUMBERED.match(parts[-1])) or not (m[1] or m[3]):
        return parts
    return [f"{m[1]}{part}{m[3]}" if part.isdigit() else part for part in parts]


def _numbered_series(text: str, activities: list[str]) -> list[str] | None:
    """The plan's numbered shifts a cell names as a span (`1〜3限`, `3限から`, `4限まで`), in the plan's
    spelling; None when it names no such span."""
    series: dict[tuple[str, str], dict[int, str]] = {}
    for name in activities:
        if m := _NUMBERED.match(_text(name).casefold()):
            series.setdefault((m[1], m[3]), {})[int(m[2])] = name

    def end(written: str, like: str | None = None) -> tuple[tuple[str, str], int] | None:
        if written.isdigit() and like is not None and (m := _NUMBERED.match(like)):
            written = f"{m[1]}{written}{m[3]}"
        m = _NUMBERED.match(written)
        return ((m[1], m[3]), int(m[2])) if m and (m[1], m[3]) in series else None

    named: list[str] = []
    if m := _NUMBERED_SPAN.match(text):
        low, high = end(m[1], m[2]), end(m[2])
        if low and high and low[0] == high[0] and low[1] <= high[1]:
            named = [name for n, name in sorted(series[low[0]].items()) if low[1] <= n <= high[1]]
    elif m := _NUMBERED_FROM.match(text):
        if found := end(m[1]):
            named = [name for n, name in sorted(series[found[0]].items()) if n >= found[1]]
    elif m := _NUMBERED_UNTIL.match(text):
        if found := end(m[1] or m[2]):
            named = [name for n, name in sorted(series[found[0]].items()) if n <= found[1]]
    return named or None  # `3限から` in a plan of 1限 and 2限 names none of its shifts


def _named_part(part: str, known: dict[str, str]) -> str | None:
    """The activity one part of a cell names (`known`: folded name -> the plan's spelling): itself, or a
    shift's first character alone when it is no mark and begins no other shift (a nursery's 希望表 writes
    早 and 遅 for 早番 and 遅番)."""
    if part in known:
        return known[part]
    if len(part) == 1 and part not in _MARKS:
        starting = [name for key, name in known.items() if key.startswith(part)]
        if len(starting) == 1:
            return starting[0]
    return None


def parse_refusal(value: Any, activities: Iterable[str]) -> frozenset[str] | None:
    """The activities an availability cell refuses on a day the person can otherwise work (○), in the
    plan's spelling: `遅番不可`, `遅番×`, `夜勤なし`, `深夜・準夜不可` (`・ / + 、` between them), `遅不可`
    (a shift's first character when it begins no other shift); `日勤のみ` refuses all the plan's other
    activities, and so do `1,2,3限可` (bare numbers before a numbered shift), `1〜3限`, `3限から` and `4限まで`
    (a span of numbered shifts, _numbered_series); `2限以外` refuses 2限. None when the cell names no activity
    of the plan before its 不可 (`2限不可` in a plan without 2限), or is no such cell."""
    if _is_blank(value) or not isinstance(value, str):
        return None
    activities = list(dict.fromkeys(activities))
    text = _text(value).casefold()
    if m := _REFUSAL.match(text):
        named = _activities_named(m[1], activities)
        return frozenset(named) if named else None
    if m := _ONLY.match(text):
        named = _activities_named(m[1], activities)
        if named:
            return frozenset(a for a in activities if a not in named)
    if (named := _numbered_series(text.replace(" ", ""), activities)) is not None:
        return frozenset(a for a in activities if a not in named)
    if _LISTED.search(text) and (named := _activities_named(text, activities)):  # `1限、2限`, `1,2,3限`: these
        return frozenset(a for a in activities if a not in named)
    return None


def refusal_text(refused: Iterable[str], activities: Iterable[str] = ()) -> str:
    """The shifts refused on a day as a cell writes them, read back by `parse_refusal`: `遅番不可`,
    `深夜・準夜不可` (in name order), or the shifts left of the plan's `activities` (in their order) when
    they are fewer: `日勤のみ`."""
    refused = frozenset(refused)
    left = [name for name in dict.fromkeys(activities) if name not in refused]
    if left and len(left) < len(refused) and refused <= set(activities):
        return "・".join(left) + "のみ"
    return "・".join(sorted(refused)) + "不可"


# A wish for a shift in an availability cell: `日勤`, `日勤希望`, `日勤○`; `日勤/準夜` asks for either.
_WISH_SUFFIX = re.compile(r"\s*(?:希望|[○◯〇])$")
_WISH_SEPARATORS = re.compile(r"\s*[/・+]\s*")
# What an office writes in a cell meaning "nothing here" (a 不可日 of `なし`, `－`): read as a blank.
NOTHING_WRITTEN = frozenset({"なし", "無し", "特になし", "特に無し", "該当なし", "無", "-", "ー", "―", "—", "‐", "ｰ"})
# A 時間帯 that narrows no day: the whole day, or nothing written.
WHOLE_DAY = NOTHING_WRITTEN | {"終日", "終日可", "全日", "全日可", "指定なし", "問わない", "不問", "いつでも"}


# A wish to work any session of the day (the request's activity ""): a part-timer's `出勤希望`, a doctor's
# 当直希望日 listed on 職員 (`希望日`) and written back in the 勤務可否 cell as ANY_WISH.
ANY_WISH = "出勤希望"
_ANY_WISHES = frozenset({ANY_WISH, "勤務希望", "出務希望", "希望出勤", "出勤したい", "勤務したい"})


def wish_text(activity: str) -> str:
    """A wish as a cell writes it, read back by `parse_wish`: `日勤`, `日勤/準夜` for either of
    `日勤+準夜`, `午前希望` for a shift named like a half-day mark (`half_day_mark`), ANY_WISH for any
    session of the day ("")."""
    if not activity:
        return ANY_WISH
    return "/".join(f"{name}希望" if half_day_mark(name) else name for name in activity.split("+"))


def half_day_mark(value: Any) -> Mark | None:
    """午前のみ or 午後のみ when `value` is written as that mark (`午前`, `AM`, `午後のみ`), else None. A
    cell `午前` in a plan whose morning shift is named 午前 is this mark, the template's 午前のみ,
    not a wish for the shift (`午前希望`): read as a wish, a morning-only person was put on 26
    afternoon and evening shifts of a library's month."""
    try:
        mark = parse_mark(value)
    except ValueError:
        return None
    return mark if mark in (Mark.AM_ONLY, Mark.PM_ONLY) else None


def parse_wish(value: Any, activities: Iterable[str]) -> str | None:
    """The activity an availability cell asks for, in the plan's spelling (`日勤`, `日勤希望`,
    `日勤○`; compared folded and trimmed), or for a cell naming several (`日勤/準夜`, `・`,
    `+`) those activities joined by `+`, a wish for any one of them (as `counted_activities`
    reads it); "" for a wish to work whatever the day holds (`出勤希望`, `勤務希望`); None when the cell
    names no activity of the plan, in part or whole."""
    if _is_blank(value) or not isinstance(value, str):
        return None
    known = {_text(name).casefold(): name for name in activities}
    text = _text(value).casefold()
    if text in known:  # an activity whose own name ends in 希望 or holds a `/`
        return known[text]
    if text in _ANY_WISHES:
        return ""
    text = _WISH_SUFFIX.sub("", text)
    parts = [part for part in _WISH_SEPARATORS.split(text) if part] if text else []
    named = [_named_part(part, known) for part in parts]
    if not named or None in named:
        return None
    return "+".join(dict.fromkeys(named))  # type: ignore[arg-type]


# `3日`: days a week, days in a row; `月2回`, `週3日`: a limit written with its period (the column's)
_COUNT = re.compile(r"^(?:(?:1|一)?(?:月|週|日|年)に?\s*)?(?:最大|上限|最多)?\s*(\d+)(?:\.0+)?\s*(?:人|名|回|件|分|日|コマ)?"
                    r"\s*(?:まで|以内|以下)?$")


def parse_count(value: Any) -> int:
    """A non-negative whole number (`2`, `2人`, `２`); negatives, fractions and words raise ValueError."""
    if isinstance(value, bool) or value is None:
        raise ValueError(f"not a count: {value!r}")
    if isinstance(value, int):
        if value < 0:
            raise ValueError(f"negative count: {value!r}")
        return value
    if isinstance(value, float):
        if value < 0 or not value.is_integer():
            raise ValueError(f"not a whole non-negative number: {value!r}")
        return int(value)
    m = _COUNT.match(_text(value))
    if not m:
        raise ValueError(f"not a count: {value!r}")
    return int(m[1])


_COUNT_RANGE = re.compile(r"^(\d+)\s*(?:人|名)?\s*[〜~\-ー−]\s*(\d+)\s*(?:人|名)?$")


def parse_count_range(value: Any) -> tuple[int, int | None]:
    """A count (`6`, `6人`) or a range of counts (`6〜9`, `6-9人`): (least, most), most None for a
    plain count; a range whose end is below its start raises ValueError, as parse_count does for
    anything else."""
    if isinstance(value, str):
        m = _COUNT_RANGE.match(_text(value))
        if m:
            least, most = int(m[1]), int(m[2])
            if most < least:
                raise ValueError(f"range ends below its start: {value!r}")
            return least, most
    return parse_count(value), None


_SKILL_SEPARATORS = re.compile(r"[,、・;/\s]+")
# Skills any of which will do, in a 必要スキル cell: `教員/職員:1`, `教員または職員:1`, `教員|職員` (an exam
# needs one 教員 or 職員 beside its TAs); one skill named with OR_SKILL between them (Problem: whoever
# holds one of them holds it).
_ANY_OF = re.compile(r"\s*(?:/|\||または|又は|もしくは|若しくは|\bor\b)\s*")
# Skills joined by ・ before one count are any of them too: `教授・准教授:1`, `(教授・准教授):1` (a
# university's 主任監督 had been read as one 教授 and one 准教授 beside each other); each with its
# own count (`リーダー:1・フッ化物:2`), or none (`リーダー・フッ化物`, one of each), stays a list.
_DOTTED_ANY_OF = re.compile(r"(?:(?<=^)|(?<=[,、;\s]))[(（]?([^\s,、;:・()（）]+(?:・[^\s,、;:・()（）]+)+)[)）]?(?=:)")


def parse_skills(value: Any) -> frozenset[str]:
    """The set of skill codes in a cell separated by `, 、 ・ ， ／` or spaces (empty when blank)."""
    return frozenset(skill_list(value))


def skill_list(value: Any) -> tuple[str, ...]:
    """The skill codes of `parse_skills` in the order written, each once."""
    if _is_blank(value):
        return ()
    return tuple(dict.fromkeys(s for s in _SKILL_SEPARATORS.split(_text(value)) if s))


_MAN_YEN = re.compile(r"^[¥]?\s*(\d[\d,]*(?:\.\d+)?)\s*万\s*(\d[\d,]*)?\s*円?$")


def man_yen(text: str) -> str:
    """An amount written in 万 (10 000 yen) as digits: `103万` and `103万円` -> `1030000`,
    `103.5万` -> `1035000`, `100万5000円` -> `1005000`; other text as it is (after NFKC)."""
    text = unicodedata.normalize("NFKC", text).strip()
    m = _MAN_YEN.match(text)
    if not m:
        return text
    whole = round(float(m[1].replace(",", "")) * 10000) + int((m[2] or "0").replace(",", ""))
    return str(whole)


_WEEKDAY_WORDS = (("平日", "月火水木金"), ("週末", "土日"), ("毎日", WEEKDAY_NAMES), ("全日", WEEKDAY_NAMES),
                  ("祝祭日", HOLIDAYS), ("祝日", HOLIDAYS), ("祭日", HOLIDAYS), ("休日", "土日" + HOLIDAYS),
                  ("曜日", ""), ("曜", ""), ("のみ", ""), ("だけ", ""), ("可", ""), ("含む", ""), ("も", ""))
_HOLIDAYS_OFF = re.compile(r"[(（]?\s*(?:祝祭日|祝日|祭日|祝)\s*(?:を|は)?\s*(?:除く|除き|以外|休み|なし|不可)\s*[)）]?")


_HOURS = re.compile(r"^(\d+(?:\.\d+)?)\s*(?:時間|h|hr|hrs|hours?)?\s*(?:(\d+)\s*(?:分|m|min))?$")
_MINUTES_ONLY = re.compile(r"^(\d+)\s*(?:分|min|minutes?)$")


def parse_hours(value: Any) -> int:
    """A length of time in hours, as minutes: `40`, `37.5`, `40時間`, `37時間30分`, `2400分`, a time
    cell (`7:45`) or an Excel duration; ValueError for anything else or a negative."""
    if isinstance(value, bool) or value is None:
        raise ValueError(f"not hours: {value!r}")
    if isinstance(value, timedelta):
        return round(value.total_seconds() / 60)
    if isinstance(value, time):
        return value.hour * 60 + value.minute
    if isinstance(value, (int, float)):
        if value < 0:
            raise ValueError(f"negative hours: {value!r}")
        return round(value * 60)
    text = _text(value).lower()
    text = re.sub(r"\s*(?:まで|以内|以下)$", "", re.sub(r"^(?:1|一)?(?:月|週)(?:に|の)?\s*", "", text))  # `月60時間まで`
    if m := _MINUTES_ONLY.match(text):
        return int(m[1])
    if m := _HOURS.match(text):
        return round(float(m[1]) * 60) + int(m[2] or 0)
    if m := re.match(r"^(\d+):(\d{2})$", text):
        return int(m[1]) * 60 + int(m[2])
    raise ValueError(f"not hours: {value!r}")


def parse_break(value: Any) -> int:
    """A break in minutes: a plain number is minutes (`45`, `60`), else as parse_hours reads a length
    (`45分`, `1時間`, `1時間15分`, `0:45`, a time cell); ValueError for anything else or a negative."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value < 0 or value != int(value):
            raise ValueError(f"not a break: {value!r}")
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\d+", _text(value)):
        return int(_text(value))
    return parse_hours(value)


def hours_text(minutes: int) -> float | int:
    """Minutes as the hours a cell shows: 2400 -> 40, 2250 -> 37.5 (parse_hours reads them back)."""
    return minutes // 60 if minutes % 60 == 0 else round(minutes / 60, 2)


def parse_weekdays(value: Any) -> str:
    """The days of the week someone works, canonical (`火木`, `土日祝`), from `火・木`, `火曜・木曜のみ`,
    `月〜金`, `平日`, `土日祝` (祝: national holidays too), `Tue, Thu`; blank: "" (any day). ValueError
    for anything else."""
    if _is_blank(value):
        return ""
    text = _text(value).lower()
    # holidays off is what 平日 and 月〜金 mean already (Problem.off_weekday): `平日（祝日除く）` says it again
    text = _HOLIDAYS_OFF.sub("", text)
    for word, days in _WEEKDAY_WORDS:
        text = text.replace(word, days)
    for i, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun")):
        text = re.sub(name + r"[a-z]*\.?", WEEKDAY_NAMES[i], text)
    text = re.sub(r"([月火水木金土日])\s*[〜~\-ー−から]+\s*([月火水木金土日])",  # 月〜金: Monday to Friday
                  lambda m: WEEKDAY_NAMES[WEEKDAY_NAMES.index(m[1]):WEEKDAY_NAMES.index(m[2]) + 1], text)
    days = re.sub(r"[\s,、・/;と及]+", "", text)
    if not days or any(c not in WEEKDAY_NAMES + HOLIDAYS for c in days):
        raise ValueError(f"not days of the week: {value!r}")
    return "".join(c for c in WEEKDAY_NAMES + HOLIDAYS if c in days)


def weekdays_text(days: str) -> str:
    """`火・木` for the canonical `火木`; `月〜金` for a run of three days or more."""
    week = days.replace(HOLIDAYS, "")
    shown = f"{week[0]}〜{week[-1]}" if len(week) >= 3 and week in WEEKDAY_NAMES else "・".join(week)
    return "・".join(part for part in (shown, HOLIDAYS if HOLIDAYS in days else "") if part)


def resembling(name: str, names: Iterable[str]) -> str | None:
    """The one of `names` `name` most resembles, if any is close (a typo: 保健士 for 保健師), else the one
    name that begins with it (`さくら` for さくら児童クラブ, too short a part for a close match)."""
    names = sorted(names)
    like = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    if like:
        return like[0]
    starting = [other for other in names if name and other.startswith(name)]
    return starting[0] if len(starting) == 1 else None


_NAME_SEPARATORS = re.compile(r"[,、;/]+")  # folded: ， ； ／ are , ; /
_NAME_SPLITS = re.compile(r"[・\s]+")


def parse_names(value: Any, known: Iterable[str]) -> frozenset[str]:
    """The names in a list like `訪問、訪問リハ` (`, 、 ; ／` between them); a piece that
    is none of the `known` names is split further at spaces and `・`, so that a name with a space or a
    `・` in it (`健診・相談`) stays whole while `訪問・リハ` also reads as two. Empty when blank."""
    if _is_blank(value):
        return frozenset()
    names = set(known)
    out: set[str] = set()
    for piece in _NAME_SEPARATORS.split(_text(value)):
        piece = piece.strip()
        if piece in names:
            out.add(piece)
        else:
            out.update(part for part in _NAME_SPLITS.split(piece) if part)
    return frozenset(out)


def parse_skill_counts(value: Any) -> tuple[tuple[str, int], ...]:
    """(skill, count) pairs from `リーダー:1、フッ化物：2`; a skill without a count needs 1."""
    return _name_counts(value, 1)


# A skill's most in a session, as people write it: `新人<=1`, `新人≦1`, `新人:1人まで`, `新人:最大1`,
# `保健師:2〜3` (least and most), `新人:〜1`; turned into `name:least~most` before reading.
_AT_MOST_SIGN = re.compile(r"\s*(?:<=|=<|≦|≤)\s*(\d+)")
_AT_MOST_WORD = re.compile(r":\s*(?:最大|上限)\s*(\d+)\s*(?:人|名)?|:\s*(\d+)\s*(?:人|名)?\s*(?:まで|以下)")
_SKILL_RANGE = re.compile(r":\s*(\d*)\s*(?:人|名)?\s*[〜~\-ー−]\s*(\d+)\s*(?:人|名)?")
_AT_LEAST_WORD = re.compile(r":\s*(\d+)\s*(?:人|名)?\s*以上")
# A count written straight after its skill, without the colon: `新人1名まで`, `リーダー1名以上`,
# `新人最大1名`, `保健師2〜3名` (a ward's `リーダー1名、新人1名まで` had read a skill named 新人1名まで).
# A count needs its 名・人 or its word (まで, 以下, 以上, 最大): a bare `妊婦指導1` may be a name.
_UNCOLONED = re.compile(r"(?<=[^\d\s:：〜~～\-−×*＊<>=≦≤])\s*((?:(?:最大|上限)\s*\d+\s*(?:人|名)?|(?:\d+\s*(?:人|名)?)?\s*[〜~～]\s*\d+\s*(?:人|名)?"
                        r"|\d+\s*(?:人|名)\s*(?:まで|以下|以上)?|\d+\s*(?:まで|以下|以上)))(?=$|[,、・;\s])")


def parse_skill_needs(value: Any) -> tuple[tuple[tuple[str, int], ...], tuple[tuple[str, int], ...]]:
    """(least, most) from a 必要スキル cell: the (skill, count) pairs of parse_skill_counts, and
    (skill, most) pairs for the skills a session may hold at most so many of: `保健師:2〜3、新人<=1`
    gives ((保健師, 2),) and ((保健師, 3), (新人, 1)). ValueError as parse_skill_counts, and for a
    most below its least."""
    if _is_blank(value):
        return (), ()
    return _skill_needs_in(_text(value))


@lru_cache(maxsize=4096)
def _skill_needs_in(text: str) -> tuple[tuple[tuple[str, int], ...], tuple[tuple[str, int], ...]]:
    """parse_skill_needs of a text, worked out once (a year's sessions repeat a few texts)."""
    text = _UNCOLONED.sub(lambda m: f":{m[1]}", text)
    text = _AT_MOST_SIGN.sub(r":~\1", text)
    text = _AT_LEAST_WORD.sub(r":\1", text)
    text = _AT_MOST_WORD.sub(lambda m: f":~{m[1] or m[2]}", text)
    text = _SKILL_RANGE.sub(lambda m: f":{m[1] or 0}~{m[2]}", text)
    text = re.sub(r"\s*([:+])\s*", r"\1", text)
    text = _ANY_OF.sub(OR_SKILL, text)
    text = _COUNT_SPELLED.sub(lambda m: f"{m[1]}:{m[2] or m[3]}", text)  # `リーダー×1`, `妊婦指導1名`
    text = _DOTTED_ANY_OF.sub(lambda m: m[1].replace("・", OR_SKILL), text)
    least: dict[str, int] = {}
    most: dict[str, int] = {}
    for item in _SKILL_SEPARATORS.split(text):
        if not item:
            continue
        name, _, counts = item.partition(":")
        low_text, ranged, high_text = counts.partition("~")
        low = parse_count(low_text) if low_text else (0 if ranged else 1)
        if not name or name in least or name in most or (not ranged and low < 1):
            raise ValueError(f"not a skill and its count: {item!r}")
        if ranged:
            high = parse_count(high_text)
            if high < low:
                raise ValueError(f"a most below its least: {item!r}")
            most[name] = high
        if low > 0:
            least[name] = low
    return tuple(least.items()), tuple(most.items())


@lru_cache(maxsize=4096)  # a year's 14 000 sessions repeat a few; their fields are tuples
def skill_needs_text(least: tuple[tuple[str, int], ...], most: tuple[tuple[str, int], ...]) -> str:
    """`保健師:2〜3、リーダー:1、新人:0〜1`: what parse_skill_needs reads back."""
    caps = dict(most)
    pairs = list(least)
    named = {name for name, _ in pairs}
    items = [f"{name}:{k}〜{caps[name]}" if name in caps else f"{name}:{k}" for name, k in pairs]
    return "、".join(items + [f"{name}:0〜{m}" for name, m in caps.items() if name not in named])


def parse_activity_limits(value: Any) -> tuple[tuple[str, int], ...]:
    """(activity, most) pairs from `準夜+深夜:8、日勤:20` (`+` joins activities counted together;
    0 means never); each needs its count."""
    return _name_counts(value, None)


def _name_counts(value: Any, implied: int | None) -> tuple[tuple[str, int], ...]:
    """(name, count) pairs from `name:count` items; a name alone counts `implied` (None: refused),
    and a count of 0 only where no count is implied."""
    if _is_blank(value):
        return ()
    return _name_counts_in(_text(value), implied)


# A count written without a colon: after ×/* (`リーダー×1`), or with its unit (`妊婦指導1名`, `夜勤 5回`).
# A bare number ending a name (`看護師2`) stays part of the name: which it is, only the writer knows.
_COUNT_SPELLED = re.compile(r"([^\d:+,、・;/\s])\s*(?:[×*]\s*(\d+)\s*(?:名|人|回)?|(?<![×*])\s*(\d+)\s*(?:名|人|回))"
                            r"(?=$|[,、・;/\s])")


@lru_cache(maxsize=4096)
def _name_counts_in(text: str, implied: int | None) -> tuple[tuple[str, int], ...]:
    """`_name_counts` of a text, worked out once: a year's 14 000 sessions repeat a few skill texts."""
    text = re.sub(r"\s*([:+])\s*", r"\1", text)
    text = _COUNT_SPELLED.sub(lambda m: f"{m[1]}:{m[2] or m[3]}", text)  # `リーダー×1`, `夜勤 5回`: `name:count`
    result: dict[str, int] = {}
    for item in _SKILL_SEPARATORS.split(text):
        if not item:
            continue
        name, _, count_text = item.partition(":")
        if not count_text and implied is None:
            raise ValueError(f"no count: {item!r}")
        count = parse_count(count_text) if count_text else implied
        if not name or count < (1 if implied else 0) or name in result:
            raise ValueError(f"not a name and count: {item!r}")
        result[name] = count
    return tuple(result.items())


def name_counts_text(pairs: Iterable[tuple[str, int]]) -> str:
    """`準夜+深夜:8、日勤:20`: (name, count) pairs written as parse_skill_counts and
    parse_activity_limits read them back; empty when there are none."""
    return "、".join(f"{name}:{count}" for name, count in pairs)


_PAIR_SEPARATORS = re.compile(r"[,、;；\n]+")
_ARROW = re.compile(r"\s*(?:→|⇒|->|=>|>)\s*")


def parse_successions(value: Any) -> frozenset[tuple[str, str]]:
    """(first, then) pairs of activities from `準夜→日勤、深夜→日勤` (also `->`, `⇒`, `>`; pairs
    separated by `、`, commas, semicolons or line breaks); empty when blank."""
    if _is_blank(value):
        return frozenset()
    pairs = set()
    for item in _PAIR_SEPARATORS.split(fold(str(value))):
        if not item.strip():
            continue
        parts = [_text(part) for part in _ARROW.split(item.strip())]
        if len(parts) != 2 or not all(parts):
            raise ValueError(f"not a succession: {item!r}")
        pairs.add((parts[0], parts[1]))
    return frozenset(pairs)


# A person's limits written as words in a 勤務条件 column (`月8回まで、週2日まで`): each clause a period, a number
# and its unit, then まで/以内/以下 or nothing. The 職員 field each sets; hours in minutes.
_CONDITION = re.compile(r"^(1日|一日|日|週|月)に?\s*(\d+(?:\.\d+)?)\s*(回|枠|日|時間|h)\s*(?:まで|以内|以下|迄|上限)?(?:可|可能|希望)?$")
_CONDITION_FIELDS = {("日", "回"): "max_per_day", ("日", "枠"): "max_per_day",
                     ("週", "回"): "max_per_week", ("週", "枠"): "max_per_week", ("週", "日"): "max_days_per_week",
                     ("週", "時間"): "max_minutes_per_week", ("月", "回"): "max_per_month", ("月", "枠"): "max_per_month",
                     ("月", "日"): "max_days_per_month", ("月", "時間"): "max_minutes_per_month"}


def parse_conditions(value: Any) -> tuple[dict[str, int], list[str]]:
    """The limits a 勤務条件 cell writes in words (`月8回まで、週2日まで`, `週20時間以内`, `1日1回`), by the 職員 field
    each is (hours as minutes), and the clauses read as none (a consultation office's 月8回まで had been passed over,
    and its counsellor placed 10 times). Clauses are apart at 、 , ; / ・ or spaces."""
    if _is_blank(value):
        return {}, []
    found: dict[str, int] = {}
    unread: list[str] = []
    text = re.sub(r"(1日|一日|週|月)\s+(?=\d)", r"\1", _text(value))  # `月 8回`
    for clause in re.split(r"[、,;；/・\s]+", text):
        if not clause:
            continue
        m = _CONDITION.match(clause.casefold())
        field = None if m is None else _CONDITION_FIELDS.get(("日" if m[1] in ("1日", "一日") else m[1],
                                                               "時間" if m[3] == "h" else m[3]))
        in_hours = field is not None and field.startswith("max_minutes")
        if field is None or ("." in m[2] and not in_hours):  # `月2.5回`: no count
            unread.append(clause)
            continue
        found[field] = round(float(m[2]) * 60) if in_hours else int(m[2])
    return found, unread
