"""The 記入方法 sheet: how to fill in the template, for a coordinator who is not a programmer."""

from __future__ import annotations

from datetime import date

from openpyxl import Workbook

from models.domain import OVERNIGHT_LONGEST, Mark, TravelBuffers
from models.excel import schema
from models.excel.settings_rows import BLANK_CHOICES
from models.excel.sheetwriter import SheetWriter
from models.excel.styles import HEADER, NOTE, PLAIN, text_width
from models.history import LOOKBACK_DAYS
from models.i18n import t

_SECTION = PLAIN.but(bold=True, size=11, fill="EEF3FA")
_WIDE = 96  # width of the text column, in Excel units


def _sections(start: date, end: date, blank_means: Mark, travel: TravelBuffers) -> list[tuple[str, list[str]]]:
    """(heading, paragraphs) of the instructions, in the current language."""
    blank = BLANK_CHOICES.get(blank_means, blank_means.value)
    period = f"{start:%Y/%m/%d} 〜 {end:%Y/%m/%d}"
    return [
        (t("このブックについて", "About this workbook"), [
            t("配置表を作るための入力用ブックです。対象期間: {p}", "Input workbook for building the roster. Period: {p}", p=period),
            t("各シートの1行目の見出しとシート名は変えないでください。見出しより上に表題の行を入れるのはかまいません（10行目まで）。",
              "Keep the sheet names and the headers in row 1. Title rows above the header are fine (up to row 10)."),
            t("濃い色の見出しは必須の列です。それ以外は空欄でもかまいません。",
              "Darker headers are required columns; the others may be left blank."),
        ]),
        (t("職員シート", "The 職員 (staff) sheet"), [
            t("1行に1人を書きます。職員IDは重ならないようにしてください（全角・半角の違いは同じとみなします）。",
              "One person per row. Staff IDs must be unique (full-width and half-width count as the same)."),
            t("スキル（資格・役割など）は「、」で区切って書きます（例: リーダー、夜勤可）。",
              "Separate skills (qualifications, roles…) with 、 or commas (e.g. リーダー、夜勤可)."),
            t("上限の列（1日上限・週上限・週日数上限・月上限・月日数上限・期間上限・連続勤務上限）は空欄なら制限なし。週上限・"
              "月上限・期間上限（期間下限）は枠の数、週日数上限・月日数上限は勤務する日の数です（同じ日の午前と午後は1日）。"
              "期間上限・期間下限は計画の期間全体で数えます。時給・年間上限額は円で書きます（103万 も可）。",
              "Limit columns (per day, week, days a week, month, days a month, plan, consecutive days) blank = no limit. "
              "週上限, 月上限 and 期間上限 (期間下限) count sessions, 週日数上限 and 月日数上限 the days worked (a morning "
              "and an afternoon on one day are one day); 期間上限 and 期間下限 count over the whole plan. Pay columns are "
              "in yen (103万 too)."),
            t("週時間上限・週時間下限・月時間上限・月時間下限は勤務時間を時間で書きます（例: 40、37.5、37時間30分）。"
              "常勤の週40時間などに使います。",
              "週時間上限/下限 and 月時間上限/下限 give working hours a week or a month (e.g. 40, 37.5, 37時間30分): "
              "a full-timer's 40 hours a week."),
            t("在籍の列は、休職・産休などで今回の計画に入らない人に × を書きます（空欄は在籍）。",
              "In the 在籍 (active) column, write × for someone away for this plan (leave of absence); blank is active."),
            t("内容別上限は期間中の回数の上限を「内容:回数」で書きます（例: 準夜+深夜:8 は準夜と深夜を合わせて8回まで。0 はその内容に入れない）。",
              "内容別上限 caps sessions of an activity over the period as activity:count (e.g. 準夜+深夜:8 is 8 late and "
              "night shifts together; 0 means never that activity)."),
            t("勤務曜日は、決まった曜日にしか来られない人に「火・木」「月〜金」「土日祝」（祝は祝日）のように書きます（空欄はどの曜日も可）。"
              "ほかの曜日は × になりますが、勤務可否に記号を書いた日はその記号を使います（今月だけ来られる日）。"
              "平日の祝日は「祝」を書いた人（月〜金・祝）と毎日の人だけが勤務できます。",
              "勤務曜日 (weekdays): for someone who comes on certain days of the week only, write 火・木, 月〜金 or 土日祝 "
              "(祝: national holidays; blank: any day). Other days count as ×, except days given a mark on the 勤務可否 sheet (this "
              "month's exception). A national holiday on a weekday is a day off unless 祝 is written (月〜金・祝) or every "
              "day is."),
        ]),
        (t("枠シート", "The 枠 (sessions) sheet"), [
            t("1行に1つの枠（健診・教室・病棟の日勤や夜勤などのシフト）を書きます。日付・会場・内容・開始・終了・必要人数は必須です。"
              "会場は勤務する場所（会場・病棟・事業所など）です。",
              "One session (check-up, class, a ward's day or night shift…) per row. Date, site, activity, start, end "
              "and staff needed are required. The site is where the work is (a venue, a ward, an office…)."),
            t("最大人数が空欄なら必要人数と同じです。必要スキルは「リーダー:1、夜勤可:3」のように「スキル:人数」で書きます。"
              "上限もあるときは「保健師:2〜3」「新人:0〜1」（新人は1人まで）のように「最低〜最大」で書きます。"
              "2つのスキルを持つ人は両方に数えます。内科:1、小児科:1 を別々の医師 2 名にするには、設定シートに "
              "必要スキル.スキルごとに別の職員 = はい と書きます。",
              "A blank maximum equals the minimum. Required skills are written as skill:count, e.g. リーダー:1、夜勤可:3, "
              "and with a most as least〜most: 保健師:2〜3, 新人:0〜1 (at most one 新人). Someone with two of them counts for both; for 内科:1、小児科:1 to be two different doctors, write "
              "必要スキル.スキルごとに別の職員 = はい on the 設定 sheet."),
            t("休憩は、枠の時間のうち勤務に数えない分を分で書きます（45、60、1時間 など。空欄は休憩なし）。"
              "週・月の勤務時間の上限・下限、時給の計算、集計は休憩を除いた時間で数えます（毎日の枠シートも同じ）。",
              "休憩 (break): the minutes of the session that are not worked (45, 60, 1時間; blank: none). Hours limits "
              "per week and month, pay and the statistics count the time without it (the 毎日の枠 sheet too)."),
        ]),
        (t("毎日の枠シート", "The 毎日の枠 (daily sessions) sheet"), [
            t("病棟のように毎日同じ勤務があるときは、枠シートの代わりにここへ勤務ごとに1行書けば、期間の毎日にその枠ができます。"
              "平日（月〜金）・土曜・日曜祝日ごとに必要人数を書きます（土曜・日曜祝日が空欄なら平日と同じ、0 ならその日は枠なし）。",
              "When the same shifts run every day (a ward), write one row per shift here instead of the 枠 sheet: it "
              "becomes a session on every day of the period. Give the staff needed on weekdays (Mon-Fri), Saturdays "
              "and Sundays/holidays (blank: as on weekdays; 0: no session that day)."),
            t("人数に幅があるときは 6〜9 のように書きます（6 名以上 9 名まで）。最大人数の列に書いた数は、幅のない日すべての上限です"
              "（空欄なら必要人数ちょうど）。",
              "A range such as 6〜9 means at least 6 and at most 9. A number in the 最大人数 (max staff) column is the "
              "most on every day without a range (blank: exactly the staff needed)."),
            t("特定の日だけ違うとき（年末年始・研修日など）は、その日の分を枠シートに書くと、その日の同じ会場・内容の枠はそちらになります。",
              "For a day that differs (New Year, a training day), write that day's session on the 枠 sheet: it replaces "
              "the day's session of the same site and activity."),
        ]),
        (t("配置基準シート（任意）", "The 配置基準 (staff by the hour) sheet, optional"), [
            t("保育園の配置基準のように、時間帯ごとの最低人数を1行に1つ書きます: 時間帯（7:00〜8:30）、最低人数（2）、必要スキル"
              "（保育士:1）、曜日（平日・土曜、空欄なら毎日）、会場（空欄なら全会場）。勤務が重なっていても、その時間帯のどの時点でも"
              "最低人数以上いるように配置します。枠が1つも開いていない時間は数えません。",
              "Like a nursery's staffing standard, one time band per row: 時間帯 (7:00〜8:30), 最低人数 (2), 必要スキル "
              "(保育士:1), 曜日 (平日, 土曜; blank: every day), 会場 (blank: every site). However the shifts overlap, at "
              "every moment of the band at least that many people are at work; hours when no session is open are not "
              "counted."),
        ]),
        (t("勤務可否シート", "The 勤務可否 (availability) sheet"), [
            t("1行に1人、日付ごとの列に次の記号を選びます（セルを選ぶと▼で選べます）。土曜は青、日曜・祝日は赤で色付けしています。",
              "One person per row; pick a mark under each date (a ▼ list appears in the cell). Saturdays are blue, Sundays and holidays red."),
            t("空欄は「{b}」とみなします（設定シートの「空欄の扱い」で変えられます）。",
              "A blank counts as 「{b}」 (change it with 空欄の扱い on the 設定 sheet).", b=blank),
        ]),
        (t("会場シート", "The 会場 (sites) sheet"), [
            t("会場ごとに区と移動グループを書きます。1日に2か所で勤務するとき、同じ会場は{a}分、同じ移動グループは{b}分、違うグループは{c}分の移動時間をあけます。"
              "移動グループが空欄の会場は、同じ区の会場と同じグループです。",
              "Give each site its area and travel group. Between two sessions on one day: {a} min at the same site, {b} min within a group, {c} min across groups. "
              "A site without a travel group is in one group with the sites of its area.",
              a=travel.same_site, b=travel.same_group, c=travel.other_group),
        ]),
        (t("設定シート", "The 設定 (settings) sheet"), [
            t("「値」の列だけを変えてください。はい／いいえの項目は▼から選べます。",
              "Change only the 値 (value) column; はい/いいえ items have a ▼ list."),
            t("「必須」を「いいえ」にしたルールは、守れない場合に「重み」に応じて少しずつ譲ります。",
              "A rule with 必須 = いいえ may be broken when needed, at the cost given by its 重み (weight)."),
            t("翌日に続けてはいけない勤務は「禁止する勤務の並び」に 準夜→日勤、深夜→日勤 のように書きます（枠の「内容」の名前で）。",
              "Shifts that may not follow one another on the next day go in 禁止する勤務の並び, e.g. 準夜→日勤、深夜→日勤 "
              "(named as in the sessions' 内容 column)."),
            t("翌朝まで続く夜勤（16:30〜翌9:00 など）の翌日は「明」で、休日には数えません（連続勤務・連続休日・週末・休日数）。"
              "夜勤→明→休 にするには days_off_after_night.days_off_after_night（夜勤明けの後の休み）の値を 1 に、"
              "月の公休数は min_days_off.min_days_off（休日数の下限）に日数を書きます。常勤が公休数どおりに勤務する"
              "（必要人数だけ配置して残りを休みにしない）には max_days_off.max_days_off（休日数の上限）にも同じ日数を、"
              "max_days_off.jobs（対象の職種）に 常勤 などを書きます。土日祝日の勤務をならすには "
              "weekend_spread.有効（週末・祝日勤務の偏り）を はい にします。",
              "The day after a night that runs into the morning (16:30 to 9:00, say) is 明 (after night) and not a day "
              "off (runs of work, runs of days off, weekends, days off). For night, 明, day off, set "
              "days_off_after_night.days_off_after_night (days off after a night) to 1; a month's days off go in "
              "min_days_off.min_days_off; for full-timers to work their contracted days (not only as many as the sessions' "
              "minimums need), write the same number in max_days_off.max_days_off and 常勤 (or the like) in "
              "max_days_off.jobs; to share out Saturdays, Sundays and holidays, set weekend_spread.有効 to はい."),
        ]),
        (t("次の月の計画（前の計画からの引き継ぎ）", "Next month's plan (what carries over)"), [
            t("次の月は、このブックをコピーして枠の日付と勤務可否を変え、設定シートの「計画名」と期間も変えて取り込みます"
              "（計画名が同じままだと、前の月の計画を上書きしようとして断られます）。",
              "For next month, copy this workbook, change the sessions' dates and the availability, and give 設定 a new "
              "計画名 and period before importing (under the same 計画名 the import is refused: it would replace last "
              "month's plan)."),
            t("配置を作るとき、データベースにある前の計画の配置（公開した版、なければ最新の下書き）を自動で引き継ぎます: "
              "直前{n}日間の勤務（連続勤務・連続休日・勤務の並び・休息）と、今年度（4月〜翌3月）のこれまでの回数と勤務時間"
              "（年度内の回数の偏り・年間支給額の上限）。どの計画のどの版を使ったかは、配置を作るときに表示されます。",
              "When the roster is built, the earlier plans' rosters in the database (their published version, else the "
              "newest draft) carry over by themselves: the last {n} days' work (runs of work and days off, shift "
              "successions, rest) and this fiscal year's (April to March) counts and hours so far (fiscal-year "
              "fairness, the annual pay cap). Which plans and versions were used is shown when the roster is built.",
              n=LOOKBACK_DAYS),
            t("職員シートの「年間支給済額」には、今年度にHaichiの計画の外で支給した額（使い始める前の月の分など）を書きます。"
              "Haichiの前の計画の分は時給×勤務時間で自動で足すので、毎月書き換えないでください（書き足すと二重に数えます）。"
              "4月からの新しい年度では0（またはその年度に他で支給した額）に戻します。"
              "4月1日をまたぐ計画（3/23〜4/19など）では、年間支給済額と前の計画の分は3月31日までの勤務にだけ足し、"
              "4月1日からの勤務は新しい年度として別に数えます（年間支給済額は3月の年度の額のままにします）。",
              "年間支給済額 on the 職員 sheet is what was paid this fiscal year outside Haichi's plans (months before "
              "Haichi was used, say). Haichi adds its earlier plans (rate × hours) itself, so leave the amount as it is "
              "from month to month (adding them counts them twice); set it back to 0 (or what was paid elsewhere) for "
              "a new fiscal year from April. In a plan that crosses April 1 (3/23 to 4/19, say) the amount and "
              "the earlier plans count with the sessions up to March 31 only; those from April 1 count on their "
              "own, a new fiscal year (leave the amount as March's fiscal year had it)."),
        ]),
        (t("日付と時刻の書き方", "Dates and times"), [
            t("日付: 2026/4/1、2026-04-01、令和8年4月1日、4/1 のどれでもかまいません。時刻: 9:00、13:30（24時間表記）。全角数字でも読み取れます。"
              "開始・終了の列の代わりに「時間」の列に 9:30～11:30 と書いても読み取れます。",
              "Dates: 2026/4/1, 2026-04-01, 令和8年4月1日 or 4/1. Times: 9:00, 13:30 (24-hour). Full-width digits are fine. "
              "Instead of the start and end columns, one time column holding 9:30-11:30 is read too."),
            t("日付をまたぐ勤務（夜勤など）は、終了を 翌9:00 や 25:00 と書きます。終了が開始より前（16:30〜1:00）でも、"
              "{h}時間までの勤務なら翌日の終了と読みます。枠の日付は勤務が始まる日です。",
              "A shift that crosses midnight (a night shift) ends at 翌9:00 (next day 9:00) or 25:00. An end before "
              "the start (16:30 to 1:00) is read as the next day's for shifts of up to {h} hours. A session's date "
              "is the day it starts.", h=OVERNIGHT_LONGEST // 60),
        ]),
    ]


def _marks() -> list[tuple[str, str]]:
    return [
        (Mark.AVAILABLE.value, t("勤務できる", "can work")),
        (Mark.PREFER_NOT.value, t("勤務できるが、できれば避けたい", "can work but would rather not")),
        (Mark.UNAVAILABLE.value, t("勤務できない（休み・希望休・公休 と書いても同じ）",
                                   "cannot work (休み, 希望休 or 公休 too)")),
        (t("有休", "有休"), t("休暇・研修など（有・有休・年休・休暇・研修・出張・病休 など）: 勤務できない日で、休日（公休）にも数えない。"
                           "前月末の夜勤の明けは「明」",
                           "leave, training and the like (有, 有休, 年休, 休暇, 研修, 出張, 病休…): cannot work, and not "
                           "counted as a day off (公休) either; 明 for the morning after last month's night")),
        (Mark.AM_ONLY.value, t("午前のみ（12:00より前に始まり、大半が午前の枠: 9:00〜13:00 まで）。枠の内容が「午前」の"
                               "勤務を希望するときは「午前希望」",
                               "morning only (sessions starting before 12:00, mostly in the morning: up to 9:00-13:00); "
                               "to ask for a shift named 午前, write 午前希望")),
        (Mark.PM_ONLY.value, t("午後のみ（12:00以降に始まる枠。同じ日の午後の枠のあとの17:00以降の夜間の枠は含まない）",
                               "afternoon only (sessions starting 12:00 or later, but an evening session from 17:00 "
                               "after an afternoon one of the same day)")),
        (t("15時から", "15時から"), t("その時間に勤務できる（15時から・15:00〜 はその時刻以降、〜15時・15時まで はその時刻まで、"
                                   "10時〜15時 はその間）: 時間内に収まる枠だけに入る。△15時から は △",
                                   "free at those hours (15時から or 15:00〜 from then on, 〜15時 or 15時まで until then, "
                                   "10時〜15時 between): only sessions inside them. △15時から is △ too")),
        (t("1枠のみ", "1枠のみ"), t("勤務できる日で、その日は1枠まで（午前か午後のどちらか。2枠のみ・1コマまで・どちらか1つ も"
                                 "読む）。夜のみ・夜間のみ は16時以降に始まる枠だけ",
                                 "can work, one session at most that day (either the morning or the afternoon; 2枠のみ, "
                                 "1コマまで, どちらか1つ too). 夜のみ or 夜間のみ: sessions starting 16:00 or later only")),
        (t("1,2,3限可", "1,2,3限可"), t("勤務できる日で、書いた勤務だけ（日勤のみ・1・2限のみ・1〜3限・3限から・4限まで も同じ）。"
                                     "2限不可・2限以外 はその勤務だけ不可",
                                     "can work, the shifts written only (日勤のみ, 1・2限のみ, 1〜3限, 3限から, 4限まで too); "
                                     "2限不可 or 2限以外 refuses that shift alone")),
        (t("勤務名", "a shift"),
         t("勤務できる日で、その勤務を希望（枠の「内容」と同じ名前: 日勤・深夜 など。日勤希望・日勤○ も同じ、"
           "日勤/準夜 はどちらか）。叶わないと希望1件ごとに「勤務希望」の重みが掛かる"
           "（既定で有効。設定 requests.有効・requests.重み で変更）",
           "can work and asks for that shift (the 内容 of its sessions: 日勤, 深夜…; 日勤希望 or 日勤○ too, "
           "日勤/準夜 for either). Each wish not met costs the weight of the shift-requests rule "
           "(on by default; 設定 requests.有効, requests.重み)")),
    ]


def write_instructions(wb: Workbook, start: date, end: date, blank_means: Mark, travel: TravelBuffers) -> None:
    """The 記入方法 sheet: a title, one short section per sheet, and the table of marks."""
    sheet = SheetWriter(wb, schema.INSTRUCTIONS_SHEET, [3, 12, _WIDE - 12])
    sheet.title(t("入力用ブックの記入方法", "How to fill in this workbook"), 3)
    for heading, paragraphs in _sections(start, end, blank_means, travel):
        sheet.append([])
        sheet.append([sheet.cell(heading, _SECTION), sheet.cell("", _SECTION), sheet.cell("", _SECTION)], look=None, height=20)
        for text in paragraphs:
            lines = max(1, -(-text_width(text) // (_WIDE - 4)))  # ceiling division: wrapped line count
            sheet.append([None, sheet.cell(text, NOTE)], look=None, height=15 * lines + 3)
            sheet.ws.merged_cells.add(f"B{sheet.rows}:C{sheet.rows}")
        if heading == t("勤務可否シート", "The 勤務可否 (availability) sheet"):
            sheet.append([None, sheet.cell(t("記号", "Mark"), HEADER), sheet.cell(t("意味", "Meaning"), HEADER)], look=None)
            for mark, meaning in _marks():
                # a long meaning wraps inside its column: left to run on, it widened the page to twice
                # the table and the whole sheet printed at half size
                lines = max(1, -(-text_width(meaning) // (_WIDE - 12 - 2)))
                sheet.append([None, sheet.cell(mark, PLAIN.but(horizontal="center", vertical="center", border=True,
                                                               size=12)),
                              sheet.cell(meaning, PLAIN.but(border=True, wrap=True, vertical="center"))],
                             look=None, height=max(18, 15 * lines + 3))
    sheet.print_setup(landscape=False)
