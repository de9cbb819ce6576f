"""The fixed vocabulary of the sample: wards, people's names, session kinds, and the office calendar.

Only data lives here (and the calendar of days a health centre is open); the generator in
`sample_plan.py` draws from it with a seeded random source.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from models.holidays import is_holiday

SKILLS = ("リーダー", "フッ化物", "口腔機能", "妊婦指導")

# (site, ward, travel group, size): ten ward health centres of a plausible port city.
WARDS: tuple[tuple[str, str, str, str], ...] = (
    ("中央保健センター", "中央区", "東部", "M"),
    ("東灘保健センター", "東灘区", "東部", "L"),
    ("灘保健センター", "灘区", "東部", "M"),
    ("兵庫保健センター", "兵庫区", "中部", "M"),
    ("長田保健センター", "長田区", "中部", "S"),
    ("須磨保健センター", "須磨区", "中部", "M"),
    ("垂水保健センター", "垂水区", "西部", "M"),
    ("西保健センター", "西区", "西部", "L"),
    ("北保健センター", "北区", "北部", "M"),
    ("北神保健センター", "北区", "北部", "S"),
)

# Further places for scaled instances with more than ten sites (branch offices, community halls).
PLACES = (
    "六甲", "御影", "住吉", "岡本", "三宮", "元町", "湊川", "平野", "新長田", "鷹取",
    "板宿", "名谷", "塩屋", "舞子", "星陵台", "学園都市", "西神", "伊川谷", "玉津", "岩岡",
    "押部谷", "神出", "鈴蘭台", "有馬", "唐櫃", "岡場", "淡河", "山田", "大倉山", "摩耶",
)

SURNAMES = (
    "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤",
    "吉田", "山田", "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水",
    "山崎", "森", "池田", "橋本", "阿部", "石川", "山下", "中島", "石井", "小川",
    "前田", "岡田", "長谷川", "藤田", "後藤", "近藤", "村上", "遠藤", "青木", "坂本",
    "福田", "太田", "西村", "藤井", "金子", "岡本", "藤原", "中野", "三浦", "原田",
    "松田", "竹内", "上田", "小野", "田村", "中山", "和田", "森田", "野口", "大西",
)

GIVEN_NAMES = (
    "美咲", "陽子", "由美", "恵子", "直美", "裕子", "真由美", "智子", "久美子", "明美",
    "香織", "綾", "彩", "麻衣", "千尋", "友美", "沙織", "舞", "愛", "優子",
    "奈々", "理恵", "亜希子", "紀子", "幸子", "順子", "典子", "洋子", "京子", "和美",
    "朋子", "美穂", "真理", "さくら", "遥", "葵", "結衣", "美紀", "早苗", "文子",
    "瞳", "郁子", "加奈子", "由香", "千夏", "里美", "絵美", "かおり", "健太", "大輔",
)

WEEKDAY_JA = "月火水木金土日"


@dataclass(frozen=True)
class Kind:
    """One kind of session: its times, staffing by site size, skills, and which half of the day."""

    activity: str
    start: int
    end: int
    staff_by_size: tuple[tuple[str, int], ...]  # (site size, min staff)
    skills: tuple[tuple[str, int], ...]
    per_month_by_size: tuple[tuple[str, int], ...]  # (site size, sessions per month)

    def min_staff(self, size: str) -> int:
        return dict(self.staff_by_size)[size]

    def per_month(self, size: str) -> int:
        return dict(self.per_month_by_size)[size]


KINDS = (
    Kind("1歳6か月児健診", 13 * 60, 16 * 60, (("L", 4), ("M", 3), ("S", 3)),
         (("リーダー", 1),), (("L", 3), ("M", 2), ("S", 2))),
    Kind("3歳児健診", 13 * 60, 16 * 60, (("L", 4), ("M", 3), ("S", 3)),
         (("リーダー", 1), ("フッ化物", 1)), (("L", 3), ("M", 2), ("S", 2))),
    Kind("妊婦歯科健診", 9 * 60 + 30, 11 * 60 + 30, (("L", 2), ("M", 1), ("S", 1)),
         (("妊婦指導", 1),), (("L", 4), ("M", 3), ("S", 3))),
    Kind("口腔機能教室", 10 * 60, 12 * 60, (("L", 2), ("M", 2), ("S", 2)),
         (("口腔機能", 1),), (("L", 4), ("M", 4), ("S", 3))),
)

SESSION_NOTES = {
    "1歳6か月児健診": ("予約制", "母子手帳持参", "午後から会場準備あり"),
    "3歳児健診": ("フッ化物塗布あり", "予約制", "視聴覚検査と同日"),
    "妊婦歯科健診": ("託児あり", "パートナー同伴可"),
    "口腔機能教室": ("介護予防教室と合同", "初回参加者多数の見込み", "嚥下体操あり"),
}


def is_closed(day: date) -> bool:
    """Whether health centres are closed: Sundays, national holidays and the 12/29–1/3 break."""
    new_year_break = (day.month == 12 and day.day >= 29) or (day.month == 1 and day.day <= 3)
    return day.weekday() == 6 or is_holiday(day) or new_year_break
