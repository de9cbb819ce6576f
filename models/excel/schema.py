"""The workbook format (DESIGN §4): sheet names and columns, each with its Japanese and English name.

The template writer, the exporter and the importer all read this one table, so a column added
here is written, exported and read back the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class Column:
    key: str  # the domain name, also the English header
    ja: str  # the Japanese header
    required: bool = False
    aliases: tuple[str, ...] = ()  # other headers people write for the same column
    # a required column that may come inside another one instead: 開始 and 終了 within 時間 (`9:30～11:30`)
    within: str | None = None

    def names(self) -> tuple[str, ...]:
        return (self.ja, self.key, *self.aliases)


@dataclass(frozen=True)
class SheetSpec:
    key: str  # English sheet name
    ja: str  # Japanese sheet name (what the template writes)
    columns: tuple[Column, ...]
    required: bool = True
    aliases: tuple[str, ...] = ()
    # columns read when a workbook has them but never written: the template has their parts instead
    read_only: tuple[Column, ...] = ()

    def names(self) -> tuple[str, ...]:
        return (self.ja, self.key, *self.aliases)

    def readable(self) -> tuple[Column, ...]:
        """Every column the importer knows on this sheet: the written ones, then the read-only ones."""
        return self.columns + self.read_only

    def column(self, key: str) -> Column:
        return self._by_key[key]

    @cached_property
    def _by_key(self) -> dict[str, Column]:
        """Every readable column by its key: rows look their columns up by key, cell by cell."""
        return {c.key: c for c in self.readable()}


# A person's ID, as offices head it (on 職員 and on 勤務可否 alike)
STAFF_ID_ALIASES = ("ID", "職員番号", "番号", "教職員番号", "社員番号", "従業員番号", "個人番号")

STAFF = SheetSpec(
    "Staff",
    "職員",
    (
        # a register of names alone (a small office's list): each name is the person's ID
        Column("staff_id", "職員ID", True, STAFF_ID_ALIASES, within="name"),
        Column("name", "氏名", True, ("名前", "氏 名")),
        Column("skills", "スキル", aliases=("技能", "役割")),
        Column("home", "拠点", aliases=("所属", "拠点会場", "所属課", "所属館", "所属部署", "所属先", "所属施設", "所属係",
                                        "所属事業所", "所属病棟", "所属ユニット", "所属クラブ", "所属園", "所属校", "所属店舗",
                                        "所属拠点", "所属会場", "所属署", "所属学部", "所属学科", "所属チーム",
                                        # where a person lives, for a city's staff placed near home
                                        "居住区", "居住地", "在住区", "住所区", "お住まいの区", "居住地区")),
        Column("weekdays", "勤務曜日", aliases=("勤務できる曜日", "勤務可能曜日", "出勤曜日", "可能曜日", "出務曜日",
                                                "従事曜日", "出勤可能曜日", "出務可能曜日")),
        Column("max_per_day", "1日上限", aliases=("日上限",)),
        Column("max_per_week", "週上限"),
        Column("max_days_per_week", "週日数上限", aliases=("週の日数上限", "週勤務日数上限", "週の勤務日数上限")),
        Column("max_per_month", "月上限"),
        Column("max_days_per_month", "月日数上限", aliases=("月の日数上限", "月勤務日数上限", "月の勤務日数上限")),
        Column("desired_per_month", "希望回数", aliases=("月希望回数",)),
        # the plan's own (an exam period of 12 days across 1/31: 2-4 sessions each); a monthly 希望回数 read 0 in it
        Column("max_per_plan", "期間上限", aliases=("期間上限回数", "期間の上限回数", "期間中の上限回数", "期間の最大回数",
                                                  "期間中の最大回数")),
        Column("min_per_plan", "期間下限", aliases=("期間下限回数", "期間の下限回数", "期間中の下限回数", "期間の最低回数",
                                                  "期間中の最低回数")),
        Column("max_consecutive_days", "連続勤務上限"),
        Column("max_minutes_per_week", "週時間上限", aliases=("週の時間上限", "週の勤務時間上限", "週の上限時間", "週上限時間",
                                                          "週の最大時間", "週最大時間")),
        Column("min_minutes_per_week", "週時間下限", aliases=("週の時間下限", "週の最低時間", "週最低時間", "週の下限時間",
                                                          "週下限時間")),
        Column("max_minutes_per_month", "月時間上限", aliases=("月の時間上限", "月の勤務時間上限", "月の上限時間", "月上限時間",
                                                           "月の最大時間", "月最大時間")),
        Column("min_minutes_per_month", "月時間下限", aliases=("月の時間下限", "月の最低時間", "月最低時間", "月の下限時間",
                                                           "月下限時間")),
        Column("max_per_activity", "内容別上限", aliases=("内容ごとの上限", "勤務別上限")),
        Column("hourly_rate", "時給"),
        Column("annual_pay_cap", "年間上限額"),
        Column("paid_this_year", "年間支給済額"),
        Column("active", "在籍", aliases=("在職", "有効", "active")),
        Column("notes", "備考", aliases=("メモ",)),
    ),
    aliases=("スタッフ", "職員一覧", "名簿"),
    # more columns of what a person is, read as skills beside スキル (a nursery's 職種 and 資格・スキル
    # side by side: the 資格 were dropped, and no 正規 could be asked for by its 雇用形態)
    read_only=(
        Column("qualification", "資格", aliases=("免許", "保有資格", "資格等", "所持資格")),
        Column("job", "職種", aliases=("職位", "役職", "職名")),
        Column("employment", "雇用形態", aliases=("雇用区分", "任用形態", "勤務形態")),
        # the dates someone offers (× the others) or cannot work, listed: `3/5, 3/12`, `3/10〜3/12`
        Column("available_dates", "可能日", aliases=("勤務可能日", "出勤可能日", "当直可能日", "出務可能日")),
        Column("unavailable_dates", "不可日", aliases=("勤務不可日", "出勤不可日", "当直不可日", "出務不可日")),
        # why, beside them (研修, 年休): the leave of each of those dates, no day off (公休) for 休日数の下限
        Column("leave_reason", "理由", aliases=("不可理由", "不可の理由", "不可日の理由", "事由", "休みの理由", "休暇の種類",
                                               "休暇種別", "不可事由")),
        # the dates someone asks to work (○ and a wish for any session of the day: a 医局's 当直希望日)
        Column("wished_dates", "希望日", aliases=("勤務希望日", "出勤希望日", "当直希望日", "出務希望日")),
        # limits written as words (`月8回まで、週2日まで`): each read into its own column's field when that is blank
        Column("conditions", "勤務条件", aliases=("条件", "勤務制限", "勤務の条件", "制限", "勤務上限", "回数制限")),
        # the part of every day a person may work (`午後のみ`, `15時まで`), written once beside their 不可日
        Column("day_part", "時間帯", aliases=("勤務時間帯", "従事時間帯", "出務時間帯", "可能時間帯", "勤務可能時間帯")),
    ),
)
# The 職員 columns whose words are a person's skills, read together
SKILL_COLUMNS = ("skills", "qualification", "job", "employment")

SESSIONS = SheetSpec(
    "Sessions",
    "枠",
    (
        Column("date", "日付", True, ("実施日", "日にち", "年月日", "月日", "開催日", "勤務日", "試験日")),
        Column("site", "会場", True, ("場所", "実施場所", "会場名", "実施会場", "施設", "施設名", "勤務場所", "勤務先",
                                      "配置先", "教室", "試験室", "試験会場", "利用者", "利用者名", "訪問先")),
        Column("activity", "内容", True, ("事業", "健診", "業務", "事業名", "業務名", "業務内容", "内容名", "勤務",
                                          "勤務名", "シフト", "種別", "科目", "科目名", "健診名", "健診内容", "検診名",
                                          "事業内容", "教室名", "当番")),
        Column("start", "開始", True, ("開始時刻", "開始時間"), within="time"),
        Column("end", "終了", True, ("終了時刻", "終了時間"), within="time"),
        Column("min_staff", "必要人数", True, ("人数", "必要数", "必要人員", "配置人数", "必要者数", "監督者数", "監督人数",
                                               "必要監督者数", "従事者数", "必要従事者数", "必要人員数")),
        Column("max_staff", "最大人数", aliases=("上限人数",)),
        Column("required_skills", "必要スキル", aliases=("必要資格", "必要職種", "必要な職種", "職種別人数")),
        Column("notes", "備考", aliases=("メモ",)),
        Column("break_minutes", "休憩", aliases=("休憩時間", "休憩（分）", "休憩分", "break")),
        Column("preferred_staff", "目標人数", aliases=("理想人数", "望ましい人数", "できれば人数", "目標")),
    ),
    aliases=("健診枠", "日程", "セッション", "勤務枠", "時間割"),
    read_only=(Column("time", "時間", aliases=("時間帯", "実施時間", "勤務時間", "time range")),
               Column("weekday_shown", "曜日", aliases=("weekday",))),  # beside the date, for the eye
)

# The sessions of every day of the plan, by kind of day: a ward's shifts (日勤 6 on weekdays and 4 at
# weekends, 準夜 3 every day) written once instead of a 枠 row per day (models.excel.daily_sheet).
DAILY = SheetSpec(
    "Daily sessions",
    "毎日の枠",
    (
        Column("site", "会場", True, ("場所", "病棟", "部署", "会場名", "施設", "施設名", "勤務場所", "勤務先", "利用者",
                                      "利用者名", "訪問先")),
        Column("activity", "内容", True, ("勤務", "勤務名", "シフト", "勤務種別", "勤務区分", "業務", "業務名")),
        Column("start", "開始", True, ("開始時刻", "開始時間"), within="time"),
        Column("end", "終了", True, ("終了時刻", "終了時間"), within="time"),
        Column("weekday", "平日", True, ("平日人数", "月〜金", "weekdays", "必要人数", "人数")),
        Column("saturday", "土曜", aliases=("土", "土曜日")),
        Column("sunday", "日曜祝日", aliases=("日祝", "日曜・祝日", "日・祝", "休日", "sunday_holiday")),
        Column("days", "曜日", aliases=("実施曜日", "訪問曜日", "曜日指定", "days of the week")),
        Column("first_day", "開始日", aliases=("適用開始日", "適用開始", "開始日付", "初日", "from")),
        Column("last_day", "終了日", aliases=("適用終了日", "適用終了", "終了日付", "最終日", "until")),
        Column("dates", "期間", aliases=("適用期間", "実施期間", "dates")),
        Column("max_staff", "最大人数", aliases=("上限人数", "最大")),
        Column("required_skills", "必要スキル", aliases=("必要資格", "必要職種", "必要な職種", "職種別人数")),
        Column("notes", "備考", aliases=("メモ",)),
        Column("break_minutes", "休憩", aliases=("休憩時間", "休憩（分）", "休憩分", "break")),
        Column("preferred_staff", "目標人数", aliases=("理想人数", "望ましい人数", "できれば人数", "目標")),
    ),
    required=False,
    aliases=("毎日の勤務", "勤務体制", "勤務パターン", "Daily shifts"),
    read_only=(Column("time", "時間", aliases=("時間帯", "勤務時間", "time range")),),
)

AVAILABILITY = SheetSpec(
    "Availability",
    "勤務可否",
    (
        # a sheet of names alone (a 医局's 当直希望表) is read by the names registered on 職員
        Column("staff_id", "職員ID", True, STAFF_ID_ALIASES, within="name"),
        Column("name", "氏名", aliases=("名前",)),
    ),
    # a Google Form's export is `フォームの回答 1` (Form Responses 1): a list of answers
    aliases=("勤務希望", "出勤可否", "可否", "フォームの回答", "Form Responses"),
)

SITES = SheetSpec(
    "Sites",
    "会場",
    (
        Column("site", "会場", True, ("場所", "会場名", "施設", "施設名", "利用者", "利用者名", "訪問先", "教室", "試験室",
                                      "試験会場", "勤務場所", "勤務先", "配置先")),
        Column("area", "区", aliases=("地区", "エリア", "キャンパス")),
        Column("travel_group", "移動グループ", aliases=("グループ",)),
    ),
    required=False,
    aliases=("会場一覧", "施設一覧", "利用者一覧"),
)

# A nursery's 配置基準: people at every moment of a time band (solver.rules.band_cover), a row per band.
BAND_RULE = "band_cover"
BANDS = SheetSpec(
    "Staff by the hour",
    "配置基準",
    (
        Column("hours", "時間帯", aliases=("時間", "時刻", "時間帯（開始〜終了）", "hours")),
        Column("least", "最低人数", True, ("人数", "必要人数", "最少人数", "最低配置人数", "配置人数", "least")),
        Column("required_skills", "必要スキル", aliases=("必要資格", "うち必要な資格", "資格")),
        Column("days", "曜日", aliases=("実施曜日", "曜日指定", "days of the week")),
        Column("site", "会場", aliases=("場所", "施設", "施設名")),
        Column("start", "開始", aliases=("開始時刻", "開始時間")),
        Column("end", "終了", aliases=("終了時刻", "終了時間")),
    ),
    required=False,
    aliases=("時間帯の最低人数", "時間帯別人数", "配置基準表", "人員配置基準"),
)

SETTINGS = SheetSpec(
    "Settings",
    "設定",
    (
        Column("key", "項目", True),
        Column("value", "値", True),
    ),
    required=False,
)

# A count column whose header says in brackets that it holds hours (`週上限（時間）`, `月上限(h)`) is the
# hours column of the same period: 20 written under 週上限（時間） had been read as 20 sessions a week.
IN_HOURS = {"max_per_week": "max_minutes_per_week", "max_per_month": "max_minutes_per_month"}
# The same for a count column whose note says days (`週上限（日）`): the days column of the period
IN_DAYS = {"max_per_week": "max_days_per_week", "max_per_month": "max_days_per_month"}
# Count columns with no days column of their period: a note saying days (`期間上限（日）`) is none of theirs
NO_DAYS = frozenset({"max_per_plan", "min_per_plan"})

ASSIGNMENTS_COLUMNS = ("date", "site", "activity", "start", "end", "staff_id", "staff_name", "locked")
ASSIGNMENTS_SHEET = "Assignments"

# Output-only sheets of the roster workbook.
MASTER_SHEET = "配置表"
DUTY_SHEET = "勤務表"  # staff × dates
PERSONAL_SHEET_PREFIX = "個人別"
SITE_SHEET = "会場別"  # a page per site and day (models.excel.sheets_site)
SUMMARY_SHEET = "集計"
UNFILLED_SHEET = "未充足"
VIOLATIONS_SHEET = "違反"
INSTRUCTIONS_SHEET = "記入方法"

# Settings keys that are not rule settings (key, Japanese key).
BLANK_MEANS_KEY = ("blank_means", "空欄の扱い")
PLAN_NAME_KEY = ("plan_name", "計画名")
TRAVEL_KEYS = (
    ("travel_same_site", "移動時間_同一会場"),
    ("travel_same_group", "移動時間_同一グループ"),
    ("travel_other_group", "移動時間_他グループ"),
)

# Activities that may not follow one another on the next day (`準夜→日勤、深夜→日勤`).
FORBIDDEN_PAIRS_KEY = ("forbidden_pairs", "禁止する勤務の並び")

# The period of a plan, when the 設定 sheet gives it (else first to last session date).
PERIOD_START_KEY = ("period_start", "期間開始")
PERIOD_END_KEY = ("period_end", "期間終了")

# A one-person availability form: `職員ID` / `氏名` label cells with the value to their right,
# above a table of one row per date.
AVAILABILITY_FORM = SheetSpec(
    "Availability",
    "勤務可否",
    (
        Column("date", "日付", True, ("日にち", "月日", "実施日")),
        Column("mark", "可否", True, ("回答", "勤務可否", "希望", "availability", "出勤可否")),
        Column("weekday", "曜日", aliases=("weekday", "day")),
        Column("notes", "備考", aliases=("メモ",)),
    ),
    aliases=AVAILABILITY.aliases,
)
# A list of answers, one row per person and day (a Google Form's export): a form's columns with the
# person's own column, 職員ID or 氏名 (one of them).
AVAILABILITY_LIST = SheetSpec(
    "Availability",
    "勤務可否",
    (
        *AVAILABILITY_FORM.columns,
        Column("staff_id", "職員ID", aliases=("ID", "職員番号", "staff_id")),
        Column("name", "氏名", aliases=("名前", "name", "お名前")),
    ),
    aliases=AVAILABILITY.aliases,
)
FORM_STAFF_ID_LABELS = ("職員ID", "staff_id", "ID", "職員番号")
FORM_NAME_LABELS = ("氏名", "name", "名前")
