"""What the importer says about a bad cell, in Japanese and English (one place, so wording stays even)."""

from __future__ import annotations

import calendar
import re
from datetime import date
from collections.abc import Collection
from typing import Any, Sequence

from models.domain import Mark, fold
from models.excel.xlsxread import Unevaluated
from models.i18n import t


def shown(value: Any) -> str:
    """A cell value as quoted in a message (dates without their midnight time)."""
    text = str(value).strip()
    return text[:-9] if text.endswith(" 00:00:00") else text


# Excel's error values, which a formula shows when it cannot work its result out (`#N/A` from a
# VLOOKUP that found nothing, `#REF!` after a deleted row)
EXCEL_ERRORS = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
                          "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"})


def is_excel_error(value: Any) -> bool:
    return isinstance(value, str) and value.strip().upper() in EXCEL_ERRORS


def unreadable_cell(value: Any) -> str | None:
    """What to say of a cell no field can be read from: an Excel error value, or a formula whose
    result the file does not hold; None for any other value."""
    if is_excel_error(value):
        return t("Excel のエラー値 \"{v}\" です（数式の参照先や元の値を直してください）",
                 'Excel error value "{v}" (mend the formula\'s source or the value)', v=shown(value))
    if isinstance(value, Unevaluated):
        return t("数式 \"{v}\" の結果がファイルに保存されていません（プログラムで作られたファイルです）。"
                 "Excel で開いて上書き保存してから取り込んでください",
                 'the result of the formula "{v}" is not saved in the file (a program wrote it): open it in '
                 "Excel, save it, and import it again", v=shown(value))
    return None


def missing_sheet(title: str) -> str:
    return t("シート「{sheet}」がありません", 'sheet "{sheet}" is missing', sheet=title)


def nearest_sheet(title: str, lacking: list[str], sheet: str) -> str:
    """What the sheet most like the missing one lacks, after `missing_sheet`."""
    return t("（シート「{title}」が {sheet} の表に近いですが、必須の列 {cols} がありません。見出しをそう書き換えるか、"
             "シートを「{sheet}」と名付けてください）",
             ' (sheet "{title}" comes nearest to a {sheet} table but lacks the required columns {cols}: write those '
             'headers, or name the sheet "{sheet}")', title=title, cols="、".join(lacking), sheet=sheet)


def missing_sheet_among(title: str, candidates: list[str]) -> str:
    return t("シート「{sheet}」がありません（{sheet} の表らしいシートが {n} つあります: {list}。どれかを「{sheet}」と名付けてください）",
             'sheet "{sheet}" is missing ({n} sheets look like its table: {list}; name one of them "{sheet}")',
             sheet=title, n=len(candidates), list="、".join(candidates))


def no_known_sheet(sheets: str) -> str:
    return t("取り込むシート（{sheets}）がありません", "holds none of the sheets to import ({sheets})", sheets=sheets)


def empty(column: str) -> str:
    return t("「{col}」が空欄です", '"{col}" is empty', col=column)


# A month and day in a date as typed: `6/31(木)`, `2027/6/31`, `6月31日`, `令和9年6月31日`.
_MONTH_DAY = re.compile(r"(\d{1,2})\s*[/月.-]\s*(\d{1,2})\s*日?\s*(?:[(（].*)?$")
_LEAP_YEAR = 2000  # a month's most days: February's 29


def bad_date(value: Any) -> str:
    """The date refused; a day past its month's end said so (`6/31(木)`: June has 30 days)."""
    text = fold(value).strip() if isinstance(value, str) else ""
    if (m := _MONTH_DAY.search(text)) and 1 <= (month := int(m[1])) <= 12 \
            and int(m[2]) > (most := calendar.monthrange(_LEAP_YEAR, month)[1]):
        days = t("28日（うるう年は29日）", "28 (29 in a leap year)") if month == 2 else t("{n}日", "{n}", n=most)
        return t("日付が正しくありません \"{v}\"（{m}月は{n}までです）", 'invalid date "{v}" (month {m} has {n} days)',
                 v=shown(value), m=month, n=days)
    return t("日付が正しくありません \"{v}\"", 'invalid date "{v}"', v=shown(value))


def no_date_columns() -> str:
    return t("見出し行に日付がありません（各列の見出しに「4/1」「2026/4/1」のように日付を記入。"
             "日だけの見出しなら、シート名か表題に「5月」のように月を記入）",
             'no dates in the header row (write each column\'s date, e.g. "4/1" or "2026/4/1"; with day '
             'numbers only, name the month in the sheet\'s name or title, e.g. "5月" or "2026/5")')


def bad_time(value: Any) -> str:
    return t("時刻が正しくありません \"{v}\"", 'invalid time "{v}"', v=shown(value))


def bad_time_range(value: Any) -> str:
    return t("時間が正しくありません \"{v}\"（例: 9:30～11:30）", 'invalid time range "{v}" (e.g. 9:30-11:30)',
             v=shown(value))


def bad_count(value: Any) -> str:
    return t("0以上の整数ではありません \"{v}\"", 'not a whole number of 0 or more "{v}"', v=shown(value))


def bad_person_rule_value(header: str, value: Any, param: Any) -> str:
    """A 職員 cell of a rule's value for the person (休日数の下限（日）) that does not read as one."""
    if param.type is bool:
        expected = t("はい か いいえ", "yes or no")
    elif param.maximum is not None:
        expected = t("{lo}〜{hi} の整数", "a whole number from {lo} to {hi}", lo=int(param.minimum or 0), hi=int(param.maximum))
    else:
        expected = t("0以上の整数", "a whole number of 0 or more")
    return t("「{h}」の値が読めません \"{v}\"（{e}。空欄なら計画の設定のとおり）",
             'cannot read "{v}" as {h} ({e}; blank: the plan\'s setting holds)', h=header, v=shown(value), e=expected)


def bad_skills(value: Any) -> str:
    return t("必要スキルが読めません \"{v}\"（例: リーダー:1、保健師:2〜3、新人:0〜1）",
             'cannot read required skills "{v}" (e.g. リーダー:1、保健師:2〜3、新人:0〜1)', v=shown(value))


def bad_hours(value: Any) -> str:
    return t("時間が読めません \"{v}\"（例: 40、37.5、37時間30分）", 'cannot read the hours "{v}" (e.g. 40, 37.5, 37時間30分)',
             v=shown(value))


def bad_days(value: Any) -> str:
    return t("曜日が読めません \"{v}\"（例: 月・水・金、火木、平日、土日祝）",
             'cannot read the days of the week "{v}" (e.g. 月・水・金, 火木, 平日, 土日祝)', v=shown(value))


def bad_weekdays(value: Any) -> str:
    return t("勤務曜日が読めません \"{v}\"（例: 火・木、月〜金、平日、土日祝。第2水曜のような日付の指定は 勤務可否 に書きます）",
             'cannot read the days of the week "{v}" (e.g. 火・木, 月〜金, 平日, 土日祝; a date such as the second '
             "Wednesday goes on the 勤務可否 sheet)", v=shown(value))


def bad_activity_limits(value: Any) -> str:
    return t("内容別上限が読めません \"{v}\"（例: 準夜+深夜:8、日勤:20。0 はその勤務に入れない）",
             'cannot read the limits per activity "{v}" (e.g. 準夜+深夜:8、日勤:20; 0 means never)', v=shown(value))


def bad_active(value: Any) -> str:
    return t("在籍が読めません \"{v}\"（在籍なら ○ か空欄、休職・産休などで今回入らないなら ×、途中からなら "
             "2/15退職・3/1から・3/10から休職 のように日付で）",
             'cannot read 在籍 (active) "{v}" (○ or blank when active, × when away for this plan, or a date: '
             '2/15退職, 3/1から, 3/10から休職)', v=shown(value))


def bad_date_list(value: Any) -> str:
    return t("日付の並びが読めません \"{v}\"（3/5, 3/12 や 3/10〜3/12 のように）", 'cannot read the dates "{v}" '
             "(as in 3/5, 3/12 or 3/10〜3/12)", v=shown(value))


def skills_at_least(session: str, skill: str, k: int, n: int) -> str:
    return t("必要スキルの人数は「以上」です。{session} などの {n} 枠は、必要スキルの人で必要人数が埋まり、最大人数・目標人数までは"
             "そのどれかのスキルの人がさらに入ります（{skill}:{k} は {k} 名以上）。ちょうどにするなら {skill}:{k}〜{k} のように"
             "上限も書いてください", "required skills are counts of at least: in {session} and {more} more sessions their "
             "holders make up 必要人数, and more of them may come up to 最大人数 or 目標人数 ({skill}:{k} is {k} or more); "
             "for exactly, write a most as well: {skill}:{k}〜{k}", session=session, n=n, more=n - 1, skill=skill, k=k)


def bad_day_part(value: Any) -> str:
    return t("時間帯が読めません \"{v}\"（午前のみ、午後のみ、15時まで、10時〜15時 のように）", 'cannot read the part of the '
             'day "{v}" (as in 午前のみ, 午後のみ, 15時まで or 10時〜15時)', v=shown(value))


def bad_tenure(value: Any) -> str:
    return t("在籍の日付が読めません \"{v}\"（2/15退職、3/1から、3/10から休職 のように）",
             'cannot read the date of 在籍 (active) "{v}" (as in 2/15退職, 3/1から or 3/10から休職)', v=shown(value))


def bad_bool(value: Any) -> str:
    return t("はい/いいえ として読めません \"{v}\"", 'not a yes/no value "{v}"', v=shown(value))


_NAMED_ACTIVITIES = 3  # how many of the plan's activities an unknown mark's message lists


def _shift_names(activities: Collection[str]) -> tuple[str, str]:
    """The first few of the plan's activities, in their order, as (Japanese, English) lists."""
    names = list(activities)
    more = len(names) > _NAMED_ACTIVITIES
    return ("、".join(names[:_NAMED_ACTIVITIES]) + ("など" if more else ""),
            ", ".join(names[:_NAMED_ACTIVITIES]) + (", …" if more else ""))


def unknown_mark(value: Any, activities: Collection[str] = ()) -> str:
    """An unreadable 勤務可否 cell; with the plan's `activities` (the first few listed, in their
    order), it says a shift's name (a wish) is read too."""
    if (unreadable := unreadable_cell(value)) is not None:
        return unreadable
    if not activities:
        return t("不明な記号 \"{v}\"（○・△・×・午前・午後 のどれか、または勤務できる時間 15時から・〜15時・10時〜15時 を記入。"
                 "休み・公休・有休・年休・研修 なども × と読みます）",
                 'unknown mark "{v}" (write ○, △, ×, 午前 (AM), 午後 (PM), or the hours free: 15時から (from 15:00), '
                 "〜15時 (until 15:00), 10時〜15時; 休み, 公休, 有休, 年休, 研修 and the like read as ×)",
                 v=shown(value))
    listed, listed_en = _shift_names(activities)
    return t("不明な記号 \"{v}\"（○・△・×・午前・午後・勤務できる時間（15時から・〜15時）のどれか、希望する勤務名 {names}、"
             "または断る勤務（{first}不可）を記入。休み・公休・有休・年休・研修 なども × と読みます）",
             'unknown mark "{v}" (write ○, △, ×, 午前 (AM), 午後 (PM), the hours free (15時から, 〜15時), a shift to '
             "ask for it: {names_en}, or one refused that day ({first}不可); 休み, 公休, 有休, 年休, 研修 and the like "
             "read as ×)",
             v=shown(value), names=listed, names_en=listed_en, first=next(iter(activities)))


def unknown_name(name: str) -> str:
    return t("氏名「{n}」は職員シートにありません（職員IDの列がないので氏名で照らし合わせています）",
             'no one named "{n}" on the 職員 sheet (without a staff ID column, people are found by name)', n=name)


def name_of_several(name: str, ids: list[str]) -> str:
    return t("氏名「{n}」の職員が {k} 人います（{ids}）: 職員ID の列を加えてください",
             '"{n}" is the name of {k} people ({ids}): add a staff ID column', n=name, k=len(ids), ids="、".join(ids))


def unknown_staff(staff_id: str) -> str:
    return t("職員ID \"{id}\" は職員シートにありません", 'staff ID "{id}" is not on the staff sheet', id=staff_id)


def duplicate_staff(staff_id: str, where: str) -> str:
    return t("職員ID \"{id}\" が重複しています（{where} と同じ）",
             'duplicate staff ID "{id}" (also at {where})', id=staff_id, where=where)


def names_as_ids() -> str:
    return t("職員IDの列がないため、氏名を職員IDとして読みました（翌月も同じ氏名で書けば、前月までの勤務と照合されます）。"
             "同姓同名の人がいる場合は職員IDの列を加えてください",
             "no staff ID column: each name was read as the person's ID (write the same names next month and "
             "the earlier months' work is matched); add a staff ID column when two people share a name")


def duplicate_site(name: str, where: str) -> str:
    return t("会場 \"{name}\" が重複しています（{where} と同じ）",
             'duplicate site "{name}" (also at {where})', name=name, where=where)


def target_outside(target: int, least: int, most: int | None) -> str:
    """A 目標人数 below the session's 必要人数 or above its 最大人数."""
    return t("目標人数 {t} が 必要人数 {a}〜最大人数 {b} の外です", "the target {t} lies outside the minimum {a} to the "
             "maximum {b}", t=target, a=least, b="" if most is None else most)


def bad_dates(value: Any) -> str:
    """A 毎日の枠 期間 cell that is no range of dates."""
    return t("期間が正しくありません \"{v}\"（3/25〜4/6 のように、最初と最後の日を 〜 でつないで書いてください）",
             'invalid dates "{v}" (write the first and last day joined by 〜: 3/25〜4/6)', v=shown(value))


def dates_reversed(first: str, last: str) -> str:
    return t("期間の終わり {b} が始まり {a} より前です", "the dates end ({b}) before they begin ({a})", a=first, b=last)


def duplicate_session(label: str, where: str) -> str:
    return t("枠 {label} が重複しています（{where} と同じ）",
             "duplicate session {label} (also at {where})", label=label, where=where)


def end_not_after_start(start: str, end: str) -> str:
    return t("終了 {end} が開始 {start} より後ではありません（翌日に終わる勤務なら終了を「翌{end}」と書いてください）",
             "end {end} is not after start {start} (for a shift that ends the next day, write the end as 翌{end})",
             start=start, end=end)


def overnight_unlike_the_rest(activity: str, start: str, end: str, others: int) -> str:
    return t("終了 {end} が開始 {start} より前です。「{a}」のほかの枠 {n} 件はその日のうちに終わります。終了の時刻を直してください"
             "（翌日に終わる枠なら 翌{end} と書けます）",
             "the end {end} is before the start {start}, while the other {n} '{a}' sessions end on their own day: "
             "mend the end time (a session ending the next day can be written 翌{end})",
             end=end, start=start, a=activity, n=others)


def ends_next_day(count: int, example: str) -> str:
    return t("終了が開始より前の枠 {n} 件は、翌日に終わる勤務として読みました（{e} など）",
             "{n} session(s) ending before they start were read as ending the next day ({e}, ...)", n=count, e=example)


def person_outside_weekdays(name: str, weekdays: str, days: list[str], holidays: int) -> str:
    """One person of marks_outside_weekdays: their days (the first few), and how many are national holidays
    (a 月〜金 person's ○ on 5/3-5/5 was said as "3 days", which read as a mistake of the note)."""
    shown = "・".join(days[:3]) + (t(" など", " ...") if len(days) > 3 else "")
    of = t("、うち祝日 {h} 日", ", {h} of them national holidays", h=holidays) if holidays else ""
    return t("{name}（{w}）{n} 日: {d}{of}", "{name} ({w}): {n} days: {d}{of}", name=name, w=weekdays, n=len(days),
             d=shown, of=of)


def marks_outside_weekdays(named: list[str], others: int) -> str:
    more = t("ほか {n} 名", "and {n} more", n=others) if others else ""
    return t("勤務曜日のほかの日に ○ などが書かれています: {p}{more}。書かれた日はその月の例外として勤務できると読みました。"
             "勤務曜日だけにするなら、その日を × か空欄にしてください",
             "days outside their 勤務曜日 are marked as workable: {p}{more}; a written mark is read as that month's "
             "exception, so they may work those days; to keep to the weekdays, make those days × or blank",
             p=t("、", "; ").join(named), more=(t("、", "; ") + more) if more else "")


def bad_break(value: Any) -> str:
    return t("休憩が読めません \"{v}\"（分で: 45、60、1時間、0:45）", 'cannot read the break "{v}" (in minutes: 45, 60, '
             "1時間, 0:45)", v=shown(value))


def break_too_long(minutes: int, span: int) -> str:
    return t("休憩 {b} 分が枠の長さ {s} 分より短くありません", "the break of {b} minutes is not shorter than the "
             "session's {s} minutes", b=minutes, s=span)


def duration(minutes: int) -> str:
    """A length of time as people say it: `15時間15分`, `8時間` (`15 h 15 min`, `8 h`)."""
    hours, rest = divmod(minutes, 60)
    return t("{h}時間{m}", "{h} h{m}", h=hours, m=t("{m}分", " {m} min", m=rest) if rest else "")


def holiday_kept(days: str) -> str:
    """A 毎日の枠 row of named weekdays that keeps national holidays among them (its 日曜祝日 blank)."""
    return t("祝日 {d} にもこの枠を作りました（曜日に当たるため。日曜祝日 が空欄なので平日の人数）。祝日は休みなら 日曜祝日 に 0 を"
             "書いてください",
             "this row's sessions were made on the holidays {d} too (they fall on its weekdays; with 日曜祝日 blank, at "
             "the weekday count): write 0 in 日曜祝日 if it closes on holidays", d=days)


def bands_unread() -> str:
    return t("。この表は読んでいません（時間帯・最低人数・必要スキル・曜日 の列があれば、時間帯の最低人数 として読みます）",
             "; this table was not read (with columns 時間帯, 最低人数, 必要スキル and 曜日 it is read as 時間帯の最低人数)")


def band_hours() -> str:
    return t("時間帯（または 開始 と 終了）を書いてください（例: 7:00〜8:30）", "write the band's hours (or 開始 and 終了), "
             "e.g. 7:00〜8:30")


def band_unread(line: str) -> str:
    return t("配置基準として読めません:「{l}」（例: 7:00〜8:30、最低人数 2、必要スキル 保育士:1、曜日 平日）",
             "not a band of the staffing standard: \"{l}\" (e.g. 7:00〜8:30, 最低人数 2, 必要スキル 保育士:1, 曜日 平日)",
             l=line)


def daily_taken(session: str, where: str, what: str) -> str:
    """A 枠 row replacing a 毎日の枠 session took what its table has no column for from the 毎日の枠 row."""
    return t("{s}: 枠 の行に列がないため、毎日の枠（{w}）の {x} を引き継ぎました",
             "{s}: {x} taken from 毎日の枠 ({w}), the 枠 row's table having no column for it", s=session, w=where, x=what)


def daily_left(session: str, where: str, what: str) -> str:
    """A 枠 row replacing a 毎日の枠 session leaves out what the 毎日の枠 row asks."""
    return t("{s}: この日の 枠 の行が毎日の枠（{w}）に代わるため、{x} はこの日にはありません。要るなら 枠 の行に書いてください",
             "{s}: this day's 枠 row replaces 毎日の枠 ({w}), so {x} does not apply that day; write it in the 枠 row "
             "if it does", s=session, w=where, x=what)


def daily_ends_next_day(example: str, minutes: int) -> str:
    return t("終了が開始より前なので、翌日に終わる勤務として読みました: {e}（{d}）。夜勤でなければ開始・終了を直してください",
             "the end is before the start, so this shift was read as ending the next day: {e} ({d}); "
             "if it is no night shift, mend its start or end", e=example, d=duration(minutes))


def max_below_min(max_staff: int, min_staff: int) -> str:
    return t("最大人数 {max} が必要人数 {min} より少ないです",
             "max_staff {max} is less than min_staff {min}", max=max_staff, min=min_staff)


def skill_over_max(skill: str, count: int, max_staff: int) -> str:
    return t("必要スキル「{skill}」の人数 {count} が最大人数 {max} を超えています",
             'required skill "{skill}" needs {count}, more than max_staff {max}',
             skill=skill, count=count, max=max_staff)


def date_from_row_above(rows: int | None = None) -> str:
    """`rows`: how many, when they lie in several runs between the cells named."""
    if rows is None:
        return t("日付が空欄の行は上の行の日付として読みました", "rows with a blank date were read as the date of the row above")
    return t("日付が空欄の行（{n} 行）は上の行の日付として読みました", "{n} rows with a blank date were read as the date of the row above",
             n=rows)


def unknown_activity(names: str, known: str) -> str:
    return t("内容「{names}」の枠がありません（枠の内容: {known}）", 'no session has the activity "{names}" (activities: {known})',
             names=names, known=known)


def absent_activity(names: str, known: str) -> str:
    return t("内容「{names}」の枠はこの計画にないので、その上限や並びは使いません（枠の内容: {known}）",
             'this plan has no session of "{names}": limits and successions naming it are left unused '
             "(activities: {known})", names=names, known=known)


def outside_period(day: str, start: str, end: str) -> str:
    return t("日付 {day} が計画期間 {start}〜{end} の外です",
             "date {day} is outside the plan period {start} to {end}", day=day, start=start, end=end)


def no_sessions() -> str:
    return t("枠が1件もありません", "no sessions found")


def no_form_id(name: str = "", staff_id: str | None = None) -> str:
    """No ID on a form; when the 氏名 on it is one registered person's, their ID is suggested."""
    if staff_id:
        return t("職員IDの欄が見つからないか空欄です（「職員ID」の右のセルにIDを記入。{name} さんの職員IDは {id}）",
                 'no staff ID found or it is blank (write the ID in the cell right of "staff_id"; {name} '
                 "has staff ID {id})", name=name, id=staff_id)
    return t("職員IDの欄が見つからないか空欄です（「職員ID」の右のセルにIDを記入）",
             'no staff ID found or it is blank (write the ID in the cell right of "staff_id")')


def unknown_form_id(value: str, hint: tuple[str, str] | None) -> str:
    """An ID on a form that the staff sheet does not have; `hint` is (a name, its registered ID)
    when the cell holds a name, or the form's 氏名 is someone's."""
    text = unknown_staff(value)
    if hint is not None:
        text += t("（{name} さんの職員IDは {id}。職員ID欄には氏名ではなくIDを記入）",
                  " ({name} has staff ID {id}; write the ID, not the name)", name=hint[0], id=hint[1])
    return text


def form_name_of_another(name: str, owner: str, staff_id: str, registered: str) -> str:
    return t("氏名「{name}」は職員ID {owner} の方です。この回答票の職員ID {id} は {reg} さんです"
             "（どちらの回答か確かめて、職員IDか氏名を直してください）",
             'the name "{name}" is staff ID {owner}\'s, but this form\'s staff ID {id} is {reg} '
             "(check whose answers these are and correct the ID or the name)",
             name=name, owner=owner, id=staff_id, reg=registered)


def unknown_form_mark(value: Any, activities: Collection[str] = ()) -> str:
    """An unreadable 可否 cell of a returned form; with the plan's `activities`, it says a
    shift's name (a wish) is read too, as `unknown_mark` does for the matrix."""
    if not activities:
        return t("不明な記号 \"{v}\"（○・△・×・午前・午後、または勤務できる時間 15時から・〜15時・10時〜15時 を記入。"
                 "ほかの条件は「備考」欄へ）",
                 'unknown mark "{v}" (write ○, △, ×, 午前 (AM), 午後 (PM), or the hours free: 15時から, 〜15時, '
                 "10時〜15時; other conditions go in 備考 (notes))",
                 v=shown(value))
    listed, listed_en = _shift_names(activities)
    return t("不明な記号 \"{v}\"（○・△・×・午前・午後・勤務できる時間（15時から・〜15時）のどれか、または希望する勤務名 {names} を"
             "記入。ほかの条件は「備考」欄へ）",
             'unknown mark "{v}" (write ○, △, ×, 午前 (AM), 午後 (PM), the hours free (15時から, 〜15時), or a shift to '
             "ask for it: {names_en}; other conditions go in 備考 (notes))",
             v=shown(value), names=listed, names_en=listed_en, first=next(iter(activities)))


def note_in_date_column(value: Any) -> str:
    return t("日付の欄に日付ではない文字があります \"{v}\"（連絡事項は「備考」欄へ。行の先頭に ※ を付けると読み飛ばします）",
             'text that is not a date in the date column "{v}" (write notes in 備考 (notes), or start the '
             "row with ※ to have it skipped)", v=shown(value))


def form_date_twice(day: str, where: str) -> str:
    return t("{day} の回答が2行あり、{where} と食い違っています（どちらか1行にしてください）",
             "{day} is answered on two rows that differ (also at {where}); keep one", day=day, where=where)


def form_outside_period(start: str, end: str) -> str:
    return t("この回答票の日付はすべて計画期間 {start}〜{end} の外です（別の期間の回答票ではありませんか）",
             "every date of this form is outside the plan period {start} to {end} (a form for another period?)",
             start=start, end=end)


def marks_outside_period(count: int, dates: str, start: str, end: str, year_off: int | None = None) -> str:
    if year_off is not None:  # each date a year off the period: its year was typed wrong
        return t("計画期間 {start}〜{end} の外の日付（{dates}）の記号 {n} 個は読んでいません。年を {y} 年"
                 "ずらすと期間に入ります：見出しの日付の年を確かめてください",
                 "{n} mark(s) for dates outside the plan period {start} to {end} ({dates}) were not read; a year "
                 "{later} they would be inside it: check the year of those header dates",
                 n=count, dates=dates, start=start, end=end, y=f"{year_off:+d}",
                 later=t("後", "later") if year_off > 0 else t("前", "earlier"))
    return t("計画期間 {start}〜{end} の外の日付（{dates}）の記号 {n} 個は読んでいません"
             "（読むには 設定 シートの 期間開始・期間終了 にその日付を含めてください）",
             "{n} mark(s) for dates outside the plan period {start} to {end} ({dates}) were not read "
             "(to read them, set 期間開始 and 期間終了 (period_start, period_end) on the 設定 sheet to include them)",
             n=count, dates=dates, start=start, end=end)


def blank_as(mark: Mark) -> str:
    """What a blank availability cell counts as (空欄の扱い): `× (cannot work)`."""
    meaning = {Mark.AVAILABLE: t("勤務できる", "can work"), Mark.PREFER_NOT: t("できれば避けたい", "would rather not"),
               Mark.UNAVAILABLE: t("勤務できない", "cannot work")}.get(mark, mark.value)
    return t("{m}（{meaning}）", "{m} ({meaning})", m=mark.value, meaning=meaning)


def no_availability_row(people: str, blank: Mark) -> str:
    return t("職員シートの {people} の行がありません。その人の日はすべて空欄となり、空欄の扱いにより {blank} になります",
             "no row here for {people} of the staff sheet: each of their days counts as blank, which "
             "空欄の扱い (blank_means) makes {blank}", people=people, blank=blank_as(blank))


def days_without_column(days: str, blank: Mark) -> str:
    """Days of the plan no 勤務可否 matrix has a column for (1/31 typed as 2/1)."""
    return t("勤務可否 に {days} の列がありません。その日は回答票のない全員が空欄となり、空欄の扱いにより {blank} になります"
             "（日付の書き間違いではありませんか）",
             "no 勤務可否 column for {days}: everyone without a returned form counts as blank that day, which "
             "空欄の扱い (blank_means) makes {blank} (a date mistyped?)", days=days, blank=blank_as(blank))


def blank_form(who: str, blank: Mark) -> str:
    return t("{who} の回答票に記号が1つもありません。すべての日が空欄となり、空欄の扱いにより {blank} になります",
             "the form of {who} holds no marks: every day counts as blank, which 空欄の扱い (blank_means) makes {blank}",
             who=who, blank=blank_as(blank))


def blank_forms(who: str, blank: Mark) -> str:
    """blank_form for several people's forms at once (`who` names them)."""
    return t("{who} の回答票に記号が1つもありません。すべての日が空欄となり、空欄の扱いにより {blank} になります",
             "the forms of {who} hold no marks: every day counts as blank, which 空欄の扱い (blank_means) makes {blank}",
             who=who, blank=blank_as(blank))


def no_marks_at_all(blank: Mark) -> str:
    return t("勤務可否に記号が1つもありません。全員のすべての日が空欄となり、空欄の扱いにより {blank} になります",
             "no availability marks at all: every day of everyone counts as blank, which 空欄の扱い (blank_means) "
             "makes {blank}", blank=blank_as(blank))


def no_marks_sheet(blank: Mark, listed: bool = False, others: Sequence[str] = ()) -> str:
    """No sheet of marks, blanks ○ or △; `others`: the visible sheets nothing was read from (a nursery's 希望休
    calendar, weeks down and names in the day cells, had been left unread with no word of it)."""
    if listed:  # a polling office's 不可日一覧 read: "everyone free every day" was wrong, and alarming
        text = t("勤務可否 のシートがありません。可能日・不可日 などの一覧にない日は空欄となり、空欄の扱いにより {blank} "
                 "になります", "no 勤務可否 (availability) sheet: the days no list (可能日, 不可日...) names count as "
                 "blank, which 空欄の扱い (blank_means) makes {blank}", blank=blank_as(blank))
    else:
        text = t("勤務可否 のシートがありません。全員のすべての日が空欄となり、空欄の扱いにより {blank} になります。勤務可否 の表が"
                 "別の名前のシートにあるなら、シート名を「勤務可否」にしてください",
                 "no 勤務可否 (availability) sheet: every day of everyone counts as blank, which 空欄の扱い (blank_means) "
                 "makes {blank}; if the marks are on a sheet of another name, name it 勤務可否", blank=blank_as(blank))
    if others:
        text += t("。読まなかったシート: {s}（希望休などがあるなら、1行に1人・日付ごとの列の 勤務可否 の表にしてください）",
                  "; sheets not read: {s} (if they hold days off asked for, make them a 勤務可否 table, a row per "
                  "person and a column per date)", s="、".join(f"「{o}」" for o in others))
    return text


def mark_as_skill(mark: str, header: str) -> str:
    return t("「{m}」はスキルの名前ではありません。持っているスキルや資格の名前（例 看護師）を書くか、列名をその名前にしてください"
             "（例 看護師資格: ○ の人が 看護師 を持ちます）",
             '"{m}" is not a skill: write the skill or qualification held (e.g. 看護師), or name the column after it '
             "(e.g. 看護師資格: those with ○ hold 看護師)", m=mark)


def only_days_off_listed() -> str:
    return t("勤務可否 のシートがなく、一覧にあるのは 不可日 だけです。空欄の扱い が 不可 なので、不可日 にない日も全員 ×（勤務できない）"
             "になります。不可日 のほかは勤務できるなら、設定 の 空欄の扱い を 可 にしてください",
             "no 勤務可否 (availability) sheet, and the lists give 不可日 alone: as 空欄の扱い (blank_means) is 不可, every "
             "day they do not name is × (cannot work) too; if the other days can be worked, set 空欄の扱い to 可 on the "
             "設定 sheet")


def blanks_as_unavailable(refusing: int, allowing: int) -> str:
    return t("空欄は 設定 の「空欄の扱い」により ×（勤務できない）として読みました。ところが記入された記号は勤務できない日の"
             "ものが多く（× や休みなど {x} 個、○ など勤務できる日 {o} 個）、空欄を勤務できる日のつもりで書かれているようです。"
             "その場合は 空欄の扱い を 可 にしてください",
             "blanks were read as × (cannot work), as 空欄の扱い (blank_means) on the 設定 sheet says; yet most marks "
             "written are days off ({x} × or day-off marks, {o} that allow work), as if a blank meant a day one can "
             "work: if so, set 空欄の扱い to 可", x=refusing, o=allowing)


_AT_MOST = ("<", "＜", "≦", "≤", "以下", "最大", "まで", "上限")  # a maximum written in a way 必要スキル does not read


def skills_counted_twice(skills: str, people: str, more: int) -> str:
    return t("必要スキル {skills}: {people}{more} はこのうち2つ以上を持ち、1 人で複数のスキルに数えられます（その分の枠はスキルを"
             "問わず埋まります）。スキルごとに別の職員にするには 設定 に 必要スキル.スキルごとに別の職員 = はい と書いてください",
             "required skills {skills}: {people}{more} hold two or more of them and count for several in one place (the "
             "place left over goes to anyone); for a different person for each skill write "
             "必要スキル.スキルごとに別の職員 = はい on the 設定 sheet", skills=skills, people=people,
             more=t(" ほか {n} 名", " and {n} more", n=more) if more else "")


def name_differs(written: str, registered: str, staff_id: str, owners: list[str]) -> str:
    """A marks row whose name is not its ID's on 職員; `owners`: the IDs that name is registered under."""
    other = t("（「{w}」は 職員 では {ids}）", " ('{w}' is {ids} on the staff sheet)", w=written,
              ids="、".join(owners)) if owners else ""
    return t("氏名「{w}」は、職員ID {id} の 職員 シートの氏名「{reg}」と違います{other}。この行は {id} {reg} の記号として"
             "読みました。行を並べ替えたときにずれていないか確かめてください",
             "name '{w}' is not {reg}, whom staff ID {id} is on the staff sheet{other}: the row was read as {id} "
             "{reg}'s marks; check that sorting did not shift the names", w=written, reg=registered, id=staff_id,
             other=other)


def skill_nobody_asks_for(skill: str, like: str, holders: list[str]) -> str:
    who = "、".join(holders[:3]) + (t(" ほか {n} 名", " and {n} more", n=len(holders) - 3) if len(holders) > 3 else "")
    return t("スキル「{skill}」はどの枠の必要スキルにもないため、{who} は「{like}」が必要な枠の人数に数えられません"
             "（「{like}」の書き間違いなら直してください）",
             'skill "{skill}" is no session\'s required skill, so {who} cannot fill a place that needs "{like}" '
             '(a slip for "{like}"? if so, correct it)', skill=skill, like=like, who=who)


def capped_skill_nobody_has(skill: str, like: str | None) -> str:
    text = t("上限を書いたスキル「{skill}」を持つ職員が 職員 シートにいないため、この上限は今は誰も制限しません（そのスキルの人が"
             "いるなら、職員 のスキル（資格）の列に書いてください）", 'nobody on the 職員 (staff) sheet holds the skill "{skill}", '
             "so its most keeps nobody out for now (if some do, write it in the staff's skills column)", skill=skill)
    if like is not None:
        text += t("（「{like}」の書き間違いではありませんか）", ' (a slip for "{like}"?)', like=like)
    return text


def skill_nobody_has(skill: str, like: str | None) -> str:
    text = t("必要スキル「{skill}」を持つ職員が 職員 シートにいません",
             'nobody on the 職員 (staff) sheet holds the required skill "{skill}"', skill=skill)
    if any(word in skill for word in _AT_MOST):
        return text + t("（人数の上限は「新人:0〜1」「保健師:2〜3」のように、最低〜最大で書きます）",
                        " (write a most as least〜most: 新人:0〜1 for at most one 新人, 保健師:2〜3)")
    if like is not None and skill.startswith(like) and skill[len(like):].strip().isdigit():  # 妊婦指導1
        text += t("（「{like}」のことなら、人数は {like}:1 のように「:」で書きます）",
                  ' (if "{like}" is meant, write its count after a colon: {like}:1)', like=like)
    elif like is not None:
        text += t("（職員 シートの「{like}」の書き間違いではありませんか）", ' (a slip for "{like}" on the staff sheet?)',
                  like=like)
    return text


def misnamed_sheet(title: str, kind: str, name: str) -> str:
    return t("シート「{title}」は {kind} の表のようですが、シート名が違うため読んでいません。読むにはシート名を「{name}」に"
             "してください",
             'sheet "{title}" looks like a {kind} table but was not read, as its name is not one Haichi reads: '
             'name it "{name}"', title=title, kind=kind, name=name)


def long_shift_back_to_back(activity: str, hours: int) -> str:
    return t("「{a}」は {h} 時間の勤務ですが、続けて入ることを止める設定がありません。続けないなら 設定 の「禁止する勤務の並び」に"
             " {a}→{a} と書いてください", '"{a}" is a shift of {h} hours, and nothing keeps one from following '
             "another: to keep them apart, write {a}→{a} in 禁止する勤務の並び (forbidden_pairs) on the 設定 sheet",
             a=activity, h=hours)


def two_shifts_one_day(first: str, then: str) -> str:
    return t("{a} と {b} は同じ日の別々の勤務ですが、1人が同じ日に両方に入ることを止める設定がありません。1日1勤務にするには 設定 の"
             "「1日の上限」を 1 に（人ごとなら 職員 の 1日上限 に）、間の休息を決めるなら「勤務間の休息時間.最低休息（分）」を書いてください",
             "{a} and {b} are separate shifts of one day, and nothing keeps one person from working both: for one shift "
             "a day, set 1日の上限 (max_per_day) to 1 on the 設定 sheet (or 1日上限 per person on 職員); for a rest "
             "between them, set 勤務間の休息時間.最低休息（分） (min_rest)", a=first, b=then)


def more_counted_twice(n: int) -> str:
    return t("ほか {n} 種類の必要スキルの枠でも、2つ以上のスキルを持つ人が両方に数えられます（上と同じ。スキルごとに別の職員に"
             "するなら 設定 の 必要スキル.スキルごとに別の職員 を はい に）",
             "the same holds for {n} more kinds of sessions' required skills: someone holding two counts for both "
             "(set 必要スキル.スキルごとに別の職員 to はい on the 設定 sheet for each skill to need its own people)", n=n)


def matrix_remarks_unread(name: str, remark: str, more: int) -> str:
    who = t("{name} の", "{name}'s ", name=name) if name else ""
    others = t("など {k} 件", " and {more} more", k=more + 1, more=more) if more else ""
    return t("{who}「{r}」{others}の、勤務できる日や時間は配置に使いません。その日の列に 午前・午後・× などと書いてください",
             '{who}"{r}"{others} say when people can work, which the roster does not read: write 午前, 午後 or × in '
             "that day's column", who=who, r=remark, others=others)


def matrix_columns_unread(names: str) -> str:
    return t("列{names}は読みませんでした（勤務可否の表で読むのは 職員ID・氏名 と日付の列です。日付の並びは 職員 の 可能日・不可日 に、"
             "その日の事情は日付の列の記号に書いてください）",
             "the columns {names} were not read (an availability matrix is read by its 職員ID, 氏名 and date columns; "
             "list dates in 可能日 or 不可日 on 職員, and write a day's reason as its mark)", names=names)


def dates_listed_read(title: str, columns: str) -> str:
    return t("シート「{title}」の {c} を、職員 の人ごとの勤務可否として読みました（可能日はその日だけ ○、不可日は ×、"
             "希望日は ○ で勤務の希望、時間帯は勤務できる日ごとのその時間）",
             'the {c} of sheet "{title}" were read as the marks of the people on 職員 (可能日: ○ on those days '
             "alone; 不可日: ×; 希望日: ○ and a wish to work; 時間帯: those hours of each day they may work)",
             title=title, c=columns)


def read_as(title: str, kind: str) -> str:
    return t("シート「{title}」を {kind} の表として読みました（{kind} という名前のシートがないため）",
             'sheet "{title}" was read as the {kind} table (no sheet is named {kind})', title=title, kind=kind)


def second_sheet(title: str, read: str) -> str:
    return t("シート「{title}」は読んでいません（「{read}」を読みました）。こちらの行も使うなら「{read}」に移してください",
             'sheet "{title}" was not read ("{read}" was): to use its rows too, move them to "{read}"',
             title=title, read=read)


def form_remark(day: Any, remark: str, hours: bool = False) -> str:
    """A returned form's 備考 for a day of the plan, which the roster cannot read; `hours` when it says
    the hours the person is free (`15時から`), which the 可否 cell can say."""
    if hours:
        return t("回答票の備考（{m}/{d}）:「{r}」。備考の時間は配置に反映されません。可否欄に「{r}」と書けば、その時間内の枠だけに"
                 "入ります",
                 'remark on the form ({m}/{d}): "{r}". Hours in the remarks are not read: written in the 可否 cell, '
                 '"{r}" keeps the person to sessions inside them', m=day.month, d=day.day, r=remark)
    return t("回答票の備考（{m}/{d}）:「{r}」。配置では読み取れないので、必要なら記号や配置で反映してください",
             'remark on the form ({m}/{d}): "{r}". The roster cannot read it: mend the marks or the roster by hand '
             "if it matters", m=day.month, d=day.day, r=remark)


def cap_without_rate(name: str) -> str:
    return t("{name} には年間上限額がありますが時給が空欄のため、支給額を数えられず上限は守られません（時給を記入してください）",
             "{name} has an annual pay cap but no hourly rate: the pay cannot be counted, so the cap is not kept "
             "(write the hourly rate)", name=name)


def days_in_a_sessions_limit(column: str, days_column: str, n: int) -> str:
    return t("{col} は枠の数です（「{n}日」を {n} 回として読みました）。日数の上限なら {days} の列に書きます",
             "{col} counts sessions ({n} days read as {n} sessions): a limit of days goes in the {days} column",
             col=column, days=days_column, n=n)


def same_name(name: str, other_id: str, where: str) -> str:
    return t("{name} は {other}（{where}）と同じ氏名です。同じ人を2つのIDで載せていると、同じ時間の2つの枠に入ったり、"
             "上限を2人分使ったりします。同姓同名の別の人なら、このままで構いません",
             "{name} has the same name as {other} ({where}): one person listed under two IDs can be placed in two "
             "sessions at once and gets each limit twice; two people of the same name can stay as they are",
             name=name, other=other_id, where=where)


def paid_before_the_year(year: str, n: int) -> str:
    return t("計画は{y}の初日から始まるのに、{n} 名に 年間支給済額 が書かれています（上限額はこの額を引いた残りで守ります）。"
             "前の年の額が残っていませんか。1月〜12月の収入の上限（扶養など）なら、設定 で "
             "年間支給額の上限.年の始まり（月） を 1 にしてください",
             "the plan starts on the first day of {y}, yet {n} people have a 年間支給済額 (amount paid this year; the "
             "caps are kept against what is left after it): last year's amount left in? For a cap on a calendar "
             "year's income (扶養), set 年間支給額の上限.年の始まり（月） to 1 on the 設定 sheet", y=year, n=n)


def affiliation_as_skills(header: str) -> str:
    return t("列「{h}」の値は 会場 シートの会場でも区でもないため、拠点ではなくスキルとして読みました"
             "（必要スキル や 回数の偏り の 職種ごとに比べる で使えます）",
             'the column "{h}" names no site or area of the 会場 sheet: read as skills, not as a home (for 必要スキル, '
             "or to compare fairness by job)", h=header)


def home_as_site(home: str, site: str) -> str:
    return t("拠点「{home}」を会場「{site}」として読みました（ほかの人の「{home}」も同じです）",
             'home "{home}" read as the site "{site}" (for everyone with that home)', home=home, site=site)


def home_not_a_site(home: str, like: str | None = None) -> str:
    return t("拠点「{home}」はどの枠の会場でもありません。この拠点の人の勤務はすべて拠点外として数えます",
             'home "{home}" is none of the sessions\' sites: every session of the people with this home counts as '
             "away from it", home=home) + _slip(like)


def conditions_unread(name: str, unread: list[str]) -> str:
    return t("{name} の勤務条件のうち「{items}」は読めませんでした（読めるのは 月8回まで・週2日まで・週20時間まで・1日1回 のような"
             "上限です。ほかは 勤務曜日 や 勤務可否 に書いてください）",
             'of the conditions of {name}, "{items}" could not be read (limits such as 月8回まで, 週2日まで, 週20時間まで or '
             "1日1回 are read; write the rest in 勤務曜日 or the marks)", name=name, items="」「".join(unread))


def unknown_home(home: str, like: str | None = None) -> str:
    return t("拠点「{home}」は 会場 シートの会場にも区にもありません。この人の勤務はすべて地区外として数えます",
             'home "{home}" is neither a site nor an area on the 会場 (sites) sheet: every session of this person '
             "counts as outside their area", home=home) + _slip(like)


def _slip(like: str | None) -> str:
    """`（「東灘区」の書き間違いではありませんか）` after a name that resembles `like`, else nothing."""
    return "" if like is None else t("（「{like}」の書き間違いではありませんか）", ' (a slip for "{like}"?)', like=like)


def unlisted_site(name: str, like: str | None) -> str:
    text = t("会場「{name}」は 会場 シートにありません。区・移動グループなしの会場として加えました",
             'site "{name}" is not on the 会場 (sites) sheet: added without an area or travel group', name=name)
    if like is not None:
        text += t("（会場 シートの「{like}」の書き間違いではありませんか）", ' (a slip for "{like}"?)', like=like)
    return text


def answer_sent_again(staff_id: str, where: str) -> str:
    return t("職員ID \"{id}\" の回答が2回あります。新しい回答（{where}、タイムスタンプの遅いほう）を読み、この行は読みませんでした",
             'staff ID "{id}" answered twice: the newer answer ({where}, the later timestamp) was read, not this row',
             id=staff_id, where=where)


def duplicate_availability(staff_id: str, where: str) -> str:
    return t("職員ID \"{id}\" の勤務可否が重複しています（{where} と同じ）",
             'availability for staff ID "{id}" given twice (also at {where})', id=staff_id, where=where)


def duplicate_availability_sheet(count: int, sheet: str, first: str) -> str:
    """Many rows of one matrix repeating the people of another sheet for the same dates: a sheet copied."""
    return t("この表の {n} 名分の勤務可否は、同じ日付について {sheet} にもあります（{first} ほか）。同じ期間の表が2枚あります:"
             "どちらか一方を消してください",
             "{n} people's availability here is given for the same dates on {sheet} too ({first} and others): two sheets "
             "for one period, delete one of them", n=count, sheet=sheet, first=first)


def duplicate_date_column(day: str, where: str) -> str:
    return t("{day} の列が重複しています（{where} と同じ）",
             "a second column for {day} (also at {where})", day=day, where=where)


def marks_without_date() -> str:
    return t("見出し行に日付のない列に記号があります（列の見出しに日付を記入。午前・午後に分けるなら、日付の下の行に「午前」「午後」と記入）",
             "marks in a column with no date in the header row (write its date; for mornings and "
             "afternoons, put 午前 and 午後 in the row under the dates)")


def half_without_date() -> str:
    return t("この午前・午後の列の上（見出し行）に日付がありません",
             "no date in the header row above this morning/afternoon column")


def wrong_half_mark(value: Any, half: str) -> str:
    """A 午前 or 午後 column holding the other half's mark, or hours (`15時から`: write them in a
    whole day's column)."""
    return t("{half}の列に \"{v}\" は書けません（○・△・× で記入）",
             '"{v}" cannot stand in a {half} column (write ○, △ or ×)', v=shown(value),
             half=t(half, {"午前": "morning", "午後": "afternoon"}[half]))


def period_reversed(start: str, end: str) -> str:
    return t("期間終了 {end} が期間開始 {start} より前です",
             "period_end {end} is before period_start {start}", start=start, end=end)


def hidden_sheet() -> str:
    return t("このシートは非表示です（シート見出しを右クリックして［再表示］。古い控えなら削除してください）",
             "this sheet is hidden (right-click a sheet tab > Unhide; delete it if it is an old copy)")


def duplicate_setting(key: str, where: str, value: Any) -> str:
    return t("設定「{key}」が2回あり、値が食い違っています（{where} では \"{v}\"。1行にしてください）",
             'setting "{key}" is given twice with different values ("{v}" at {where}); keep one',
             key=key, where=where, v=shown(value))


def unread_columns(headers: list[str]) -> str:
    return t("列{h}は読みませんでした（Haichi の列名ではありません。配置に使うなら、「記入方法」シートにある列名にするか、"
             "スキルや備考に書いてください）",
             "the columns {h} were not read (no column Haichi knows by that name; to use them in the roster, give "
             "them a name from the 記入方法 sheet, or write them as skills or notes)",
             h="、".join(f"「{h}」" for h in headers))


def unread_limit(header: str, columns: list[str]) -> str:
    return t("列「{h}」は上限・下限のようですが、Haichi の列名ではないので読めません（読まないと守られません）。"
             "職員 シートの上限・下限の列: {c}",
             'column "{h}" looks like a limit but is no column Haichi reads, so it would not hold; the limits of the '
             "staff sheet: {c}", h=header, c="、".join(columns))


def day_numbers_of_another_month(sheet: str, month: int, start: date) -> str:
    return t("シート「{sheet}」の日付は日にちだけで、シート名や見出しは {m}月 のものですが、計画は {y}年{pm}月 です。"
             "{pm}月の勤務可否のシートにするか、見出しに日付（{pm}/1 など）を書いてください",
             'sheet "{sheet}" gives days of the month only, and its name or title is of month {m}, but the plan is of '
             "{y}-{pm:02}: use the sheet of month {pm}, or write the dates in full in its header ({pm}/1, ...)",
             sheet=sheet, m=month, y=start.year, pm=start.month)


def sheet_of_another_month(sheet: str, month: int) -> str:
    return t("シート「{sheet}」は {m}月 の日にちの表なので、この計画には読みません", 'sheet "{sheet}" holds the days of '
             "month {m}: not read for this plan", sheet=sheet, m=month)


def cancelled_in_notes(note: str) -> str:
    return t("備考「{n}」: この枠には配置します。中止なら 必要人数 に「中止」と書いてください",
             'note "{n}": this session is staffed; if it is called off, write 中止 as its 必要人数', n=note)


def zero_yet_skills(count: int) -> str:
    return t("必要人数は 0 ですが、必要スキル の人数（{n} 名）と 最大人数 までは配置します。"
             "中止なら 必要人数 に「中止」と書いてください",
             "必要人数 is 0, yet the session is staffed for its 必要スキル ({n}) and up to its 最大人数; "
             "if it is called off, write 中止 as its 必要人数", n=count)


def staff_remarks_unread(name: str, note: str, more: int) -> str:
    if more:
        return t("{name} の備考「{n}」など、{k} 名の備考にある勤務できる日や時間は配置に使いません。勤務可否（× や 午前）と"
                 " 勤務曜日 に書かれているか確かめてください",
                 '{name}\'s remark "{n}" and {more} other remark(s) on staff say when people can work, which the '
                 "roster does not read: check that 勤務可否 (× or 午前) and 勤務曜日 say it", name=name, n=note, k=more + 1,
                 more=more)
    return t("{name} の備考「{n}」にある勤務できる日や時間は配置に使いません。勤務可否（× や 午前）と 勤務曜日 に"
             "書かれているか確かめてください",
             '{name}\'s remark "{n}" says when they can work, which the roster does not read: check that 勤務可否 '
             "(× or 午前) and 勤務曜日 say it", name=name, n=note)


def unknown_listed_person(written: str, by_name: bool) -> str:
    if by_name:
        return t("「{w}」という名前の職員が 職員 シートにいないか、同じ名前の人が複数います（職員ID の列を加えてください）",
                 'no one, or more than one person, is named "{w}" on the 職員 sheet (add a 職員ID column)', w=written)
    return t("職員ID「{w}」は 職員 シートにありません", 'staff ID "{w}" is not on the 職員 sheet', w=written)


def no_such_day(day: str) -> str:
    return t("{d} という日はないため、この列の記号は読みませんでした（前の月のシートを写した列なら消してください）",
             "there is no day {d}, so the marks in this column were not read (a column copied from last month's "
             "sheet: delete it)", d=day)


def repeated_setting(key: str, where: str) -> str:
    return t("設定「{key}」は {where} でも同じ値で設定されています（別のルールを設定するつもりの行なら直してください）",
             'setting "{key}" repeats the row at {where} (if this row was meant to set another rule, correct it)',
             key=key, where=where)


def settings_of_marks_only(used: str) -> str:
    return t("このブックは勤務可否だけのため、設定シートは読みませんでした（{used} の設定を使います）",
             "this workbook holds availability alone, so its settings sheet was not read (the settings of {used} "
             "are used)", used=used)


def same_file_twice(first: str) -> str:
    return t("{first} と同じファイル（同じ内容）が2回指定されています（1回だけ指定してください）",
             "the same file (same content) as {first} is given twice (give it once)", first=first)
