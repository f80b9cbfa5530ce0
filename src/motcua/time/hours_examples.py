"""Published office-hours schedules of a few provinces, as examples (never defaults).

Each function builds an :class:`~motcua.time.hours_series.HoursSeries` from a provincial
decision, cited on every row. They are examples to copy from: a unit's hours are whatever
its own decisions say, and motcua's default stays :meth:`OfficeHours.standard
<motcua.time.hours.OfficeHours.standard>` (ADR 0005). Nothing here is loaded until called.

Sources (checked against press reports of the decisions; the decisions' own texts were not
read):

* Vĩnh Phúc, Decision 873/QĐ-UBND of 08/04/2020, Art. 1 (in force from signature):
  summer 07:00-11:30 and 13:30-17:00 from 16/4 to 15/10; winter 07:30-12:00 and
  13:00-16:30 from 16/10 to 15/4. Reported by Báo Vĩnh Phúc, 09/04/2020,
  http://m.baovinhphuc.com.vn/thoi-su/69198/ . Vĩnh Phúc merged into Phú Thọ on
  01/07/2025 (Resolution 202/2025/QH15); whether the schedule still applies to its former
  communes after that day is unconfirmed.
* Thừa Thiên Huế, Decision 2022/QĐ-UBND of 22/08/2022, from 01/09/2022: the one-stop desks
  (Trung tâm Phục vụ hành chính công, bộ phận tiếp nhận và trả kết quả cấp xã) 07:30-11:30
  and 13:00-17:00. Reported by the Quảng Công commune portal, 23/08/2022,
  https://quangcong.thuathienhue.gov.vn/?cn=115&gd=4&tc=42463 .
* Huế, Decision 4010/QĐ-UBND (late December 2025), from 01/01/2026: summer (April to
  September) 07:30-11:30 and 13:30-17:30; winter (October to March) 07:30-11:30 and
  13:00-17:00, for state administrative bodies from city to commune level. Reported by Huế
  ngày nay, 29/12/2025, https://huengaynay.vn/chinh-tri-xa-hoi/cai-cach-hanh-chinh/
  dieu-chinh-thoi-gian-lam-viec-hanh-chinh-theo-mua-161461.html . Whether the decision
  keeps separate hours for one-stop desks is unconfirmed.
"""

from __future__ import annotations

from datetime import date

from motcua.time.hours import OfficeHours
from motcua.time.hours_series import HoursPeriod, HoursSeries, Season, SeasonalHours

__all__ = ["hue_4010_2025", "vinh_phuc_873_2020"]

#: Province codes of the 2025 reform's registry, for closures and places.
VINH_PHUC_CODE = "26"
HUE_CODE = "46"

_VP_873 = "873/QĐ-UBND (08/04/2020) of Vĩnh Phúc, Art. 1"
_TTH_2022 = "2022/QĐ-UBND (22/08/2022) of Thừa Thiên Huế"
_HUE_4010 = "4010/QĐ-UBND of Huế, in force 01/01/2026"


def vinh_phuc_873_2020() -> HoursSeries:
    """Return Vĩnh Phúc's summer and winter hours under Decision 873/QĐ-UBND (2020).

    >>> s = vinh_phuc_873_2020()
    >>> ", ".join(str(x) for x in s.hours_on(date(2024, 4, 16)).weekdays[0])
    '07:00-11:30, 13:30-17:00'
    >>> ", ".join(str(x) for x in s.hours_on(date(2024, 4, 15)).weekdays[0])
    '07:30-12:00, 13:00-16:30'
    """
    summer = OfficeHours.parse({"mon-fri": "07:00-11:30, 13:30-17:00"})
    winter = OfficeHours.parse({"mon-fri": "07:30-12:00, 13:00-16:30"})
    seasons = SeasonalHours((Season((4, 16), summer), Season((10, 16), winter)))
    return HoursSeries(
        (HoursPeriod(date(2020, 4, 8), seasons, _VP_873),),
        name="Vĩnh Phúc (873/QĐ-UBND)",
    )


def hue_4010_2025() -> HoursSeries:
    """Return Huế's one-stop hours from 01/09/2022, then its seasonal hours from 01/01/2026.

    >>> s = hue_4010_2025()
    >>> ", ".join(str(x) for x in s.hours_on(date(2025, 12, 31)).weekdays[0])
    '07:30-11:30, 13:00-17:00'
    >>> ", ".join(str(x) for x in s.hours_on(date(2026, 4, 1)).weekdays[0])
    '07:30-11:30, 13:30-17:30'
    """
    desk = OfficeHours.parse({"mon-fri": "07:30-11:30, 13:00-17:00"})
    summer = OfficeHours.parse({"mon-fri": "07:30-11:30, 13:30-17:30"})
    seasons = SeasonalHours((Season((4, 1), summer), Season((10, 1), desk)))
    return HoursSeries(
        (
            HoursPeriod(date(2022, 9, 1), desk, _TTH_2022),
            HoursPeriod(date(2026, 1, 1), seasons, _HUE_4010),
        ),
        name="Huế (2022/QĐ-UBND, 4010/QĐ-UBND)",
    )
