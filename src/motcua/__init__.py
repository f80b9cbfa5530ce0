"""motcua: Vietnam's one-stop administration (một cửa, một cửa liên thông) as a typed library.

The public API is re-exported here; everything else is private by convention. Every name
is served lazily from the one table below (``_EXPORTS``: name -> module), so that
``import motcua`` loads no layer, no ``holidays`` and no ``cattrs`` until a name is used;
``__all__``, ``dir(motcua)`` and the ``TYPE_CHECKING`` imports (for type checkers) derive
from that table, and a test holds the ``TYPE_CHECKING`` block to it.

>>> from datetime import datetime
>>> import motcua
>>> str(motcua.compute_due(datetime(2024, 4, 26, 9, 0), motcua.WorkingDays(5)))
'2024-05-07T09:00+07:00'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:  # the same names for type checkers, one ``name as name`` per name
    from motcua.analyses.bieu06 import (  # noqa: I001 - one alias per name, grouped by module
        Bieu06 as Bieu06,
        Dimension as Dimension,
        DossierKeys as DossierKeys,
        Report as Report,
        UnitRole as UnitRole,
    )
    from motcua.analyses.buckets import (
        COLUMNS as COLUMNS,
        Counts as Counts,
        Placement as Placement,
        ReportPolicy as ReportPolicy,
        StoppedAs as StoppedAs,
        classify_for_period as classify_for_period,
        place as place,
    )
    from motcua.analyses.compliance.catalogue import (
        CATALOGUE_RULES as CATALOGUE_RULES,
        MANDATORY_PARTS as MANDATORY_PARTS,
        check_catalogue as check_catalogue,
    )
    from motcua.analyses.compliance.figures import (
        REPORT_IDENTITIES as REPORT_IDENTITIES,
        check_figures as check_figures,
    )
    from motcua.analyses.compliance.rules import (
        Basis as Basis,
        Rule as Rule,
        Violation as Violation,
    )
    from motcua.analyses.compliance.runner import (
        RULES as RULES,
        ComplianceConfig as ComplianceConfig,
        check as check,
    )
    from motcua.analyses.index766 import (
        DVCQG_2025 as DVCQG_2025,
        INDEX766_CONFIGS as INDEX766_CONFIGS,
        INDICATOR_INPUTS as INDICATOR_INPUTS,
        INDICATORS as INDICATORS,
        Index766 as Index766,
        Index766Config as Index766Config,
        Index766Inputs as Index766Inputs,
        Indicator as Indicator,
        IndicatorResult as IndicatorResult,
        Tally as Tally,
        index766_config as index766_config,
    )
    from motcua.analyses.forms import (
        FORM_SETS as FORM_SETS,
        FormSet as FormSet,
        forms_for as forms_for,
        forms_on as forms_on,
    )
    from motcua.analyses.notices import (
        FORMS as FORMS,
        Notice as Notice,
        NoticeKind as NoticeKind,
        build_book as build_book,
        build_notice as build_notice,
        limit_vi as limit_vi,
        render_html as render_html,
        render_text as render_text,
    )
    from motcua.analyses.periods import (
        Period as Period,
        PeriodKind as PeriodKind,
        Window as Window,
        parse_period as parse_period,
    )
    from motcua.analyses.posting import (
        Coverage as Coverage,
        posting_coverage as posting_coverage,
    )
    from motcua.analyses.rates import (
        percent as percent,
        rate as rate,
        round_half_up as round_half_up,
    )
    from motcua.analyses.time_left import (
        DEFAULT_STAGES as DEFAULT_STAGES,
        DEFAULT_WARN_AT as DEFAULT_WARN_AT,
        TimeLeft as TimeLeft,
        format_time_left as format_time_left,
        stage_text as stage_text,
        time_left as time_left,
    )
    from motcua.analyses.verify import (
        KEYS as KEYS,
        Check as Check,
        Identity as Identity,
        Verification as Verification,
        verify_figures as verify_figures,
        verify_series as verify_series,
    )
    from motcua.domain.clock import (
        Clock as Clock,
        ClockLog as ClockLog,
        Fold as Fold,
        as_of_instant as as_of_instant,
        clock_due as clock_due,
        clock_due_at as clock_due_at,
        replay as replay,
    )
    from motcua.domain.codes import (
        AgencyCode as AgencyCode,
        DossierCode as DossierCode,
        DossierCounter as DossierCounter,
        ForeignDossierCode as ForeignDossierCode,
        InMemoryCounter as InMemoryCounter,
        ProcedureCode as ProcedureCode,
        issue_dossier_code as issue_dossier_code,
        read_dossier_code as read_dossier_code,
    )
    from motcua.domain.dossiers import (
        DigitalFacts as DigitalFacts,
        Dossier as Dossier,
        Step as Step,
        SupplementRecord as SupplementRecord,
    )
    from motcua.domain.lifecycle import (
        TRANSITIONS as TRANSITIONS,
        DelayNotified as DelayNotified,
        Event as Event,
        LifecyclePolicy as LifecyclePolicy,
        ObligationFulfilled as ObligationFulfilled,
        ObligationRequested as ObligationRequested,
        Outcome as Outcome,
        Received as Received,
        Refused as Refused,
        Resolved as Resolved,
        ResultReturned as ResultReturned,
        ReturnMethod as ReturnMethod,
        Stage as Stage,
        Status as Status,
        Stopped as Stopped,
        Submitted as Submitted,
        SupplementReceived as SupplementReceived,
        SupplementRequested as SupplementRequested,
        Transferred as Transferred,
        Transition as Transition,
        WithdrawalRequested as WithdrawalRequested,
        allowed_events as allowed_events,
        next_status as next_status,
    )
    from motcua.domain.procedures import (
        Catalogue as Catalogue,
        Channel as Channel,
        ChannelTerm as ChannelTerm,
        Document as Document,
        Fee as Fee,
        LegalBasis as LegalBasis,
        Medium as Medium,
        NoTimeLimit as NoTimeLimit,
        OnlineLevel as OnlineLevel,
        Posting as Posting,
        Procedure as Procedure,
        layer_catalogue as layer_catalogue,
    )
    from motcua.domain.instruments import (
        INSTRUMENTS as INSTRUMENTS,
        Instrument as Instrument,
        in_force_on as in_force_on,
        instrument as instrument,
    )
    from motcua.domain.regimes import (
        Regime as Regime,
        instruments_on as instruments_on,
        regime_on as regime_on,
    )
    from motcua.domain.timeliness import (
        Granularity as Granularity,
        Timeliness as Timeliness,
        classify as classify,
    )
    from motcua.domain.unit_registry import (
        Rehoming as Rehoming,
        UnitRegistry as UnitRegistry,
    )
    from motcua.domain.units import (
        TWO_TIER_REFORM as TWO_TIER_REFORM,
        AdministrativeUnit as AdministrativeUnit,
        Level as Level,
        Share as Share,
        Succession as Succession,
        UnitKind as UnitKind,
        fold_name as fold_name,
    )
    from motcua.foundation.confidence import (
        Confidence as Confidence,
    )
    from motcua.foundation.errors import (
        ConfigurationError as ConfigurationError,
        FrozenValueError as FrozenValueError,
        InvalidInputError as InvalidInputError,
        MotcuaError as MotcuaError,
        NotFoundError as NotFoundError,
        OutsideCalendarError as OutsideCalendarError,
        TransitionError as TransitionError,
    )
    from motcua.foundation.vntime import (
        VN_TZ as VN_TZ,
        combine_vn as combine_vn,
        to_vn as to_vn,
        vn_instant as vn_instant,
    )
    from motcua.serialization.announcements import (
        AnnouncementFile as AnnouncementFile,
        load_announcements as load_announcements,
        parse_announcements as parse_announcements,
    )
    from motcua.serialization.catalogues import (
        catalogue_from_json as catalogue_from_json,
        catalogue_to_json as catalogue_to_json,
        load_catalogue as load_catalogue,
        procedure_from_json as procedure_from_json,
        procedure_to_json as procedure_to_json,
        read_procedures as read_procedures,
        sample_catalogue as sample_catalogue,
    )
    from motcua.serialization.dossiers import (
        dossier_from_json as dossier_from_json,
        dossier_to_json as dossier_to_json,
        dumps_jsonl as dumps_jsonl,
        event_from_json as event_from_json,
        event_to_json as event_to_json,
        iter_dossiers as iter_dossiers,
        read_dossiers as read_dossiers,
        write_jsonl as write_jsonl,
    )
    from motcua.serialization.dvcqg import (
        DVCQG_INSTANT_FORMAT as DVCQG_INSTANT_FORMAT,
        dossier_from_dvcqg as dossier_from_dvcqg,
        dossier_to_dvcqg as dossier_to_dvcqg,
        format_dvcqg_instant as format_dvcqg_instant,
        limit_from_dvcqg as limit_from_dvcqg,
        parse_dvcqg_instant as parse_dvcqg_instant,
        procedure_from_dvcqg as procedure_from_dvcqg,
        read_dvcqg_dossiers as read_dvcqg_dossiers,
        read_dvcqg_procedures as read_dvcqg_procedures,
    )
    from motcua.serialization.dvcqg.national_api import (
        procedure_from_national_api as procedure_from_national_api,
        read_national_api_procedures as read_national_api_procedures,
    )
    from motcua.serialization.files import (
        ReadResult as ReadResult,
    )
    from motcua.serialization.receipt_text import (
        RECEIPT_TIME_FORMS as RECEIPT_TIME_FORMS,
        parse_receipt_time as parse_receipt_time,
    )
    from motcua.serialization.reports import (
        HEADERS as HEADERS,
        render_report as render_report,
        report_to_json as report_to_json,
        tally_file as tally_file,
        tally_lines as tally_lines,
    )
    from motcua.serialization.scan import (
        Scanned as Scanned,
        scan_record as scan_record,
    )
    from motcua.serialization.units import (
        registry_from_json as registry_from_json,
        unit_registry as unit_registry,
    )
    from motcua.time.official import (
        ANNOUNCEMENTS as ANNOUNCEMENTS,
    )
    from motcua.time.announcements import (
        Announcement as Announcement,
        DayChange as DayChange,
        DayKind as DayKind,
        Scope as Scope,
        applies_to as applies_to,
    )
    from motcua.time.calendar import (
        LAST_ANNOUNCED_YEAR as LAST_ANNOUNCED_YEAR,
        DayCategory as DayCategory,
        NamedDay as NamedDay,
        WorkingCalendar as WorkingCalendar,
        YearSchedule as YearSchedule,
        vietnam_calendar as vietnam_calendar,
    )
    from motcua.time.deadlines import (
        Due as Due,
        Pause as Pause,
        WorkSchedule as WorkSchedule,
        compute_due as compute_due,
        default_schedule as default_schedule,
    )
    from motcua.time.hours import (
        OfficeHours as OfficeHours,
        Session as Session,
        parse_sessions as parse_sessions,
    )
    from motcua.time.hours_series import (
        Closure as Closure,
        HoursPeriod as HoursPeriod,
        HoursSeries as HoursSeries,
        Season as Season,
        SeasonalHours as SeasonalHours,
    )
    from motcua.time.hours_examples import (
        hue_4010_2025 as hue_4010_2025,
        vinh_phuc_873_2020 as vinh_phuc_873_2020,
    )
    from motcua.domain.places import (
        place_codes as place_codes,
        schedule_for_place as schedule_for_place,
    )
    from motcua.time.limits import (
        CalendarDays as CalendarDays,
        CountingRule as CountingRule,
        Months as Months,
        SameDay as SameDay,
        TimeLimit as TimeLimit,
        WorkingDays as WorkingDays,
        WorkingHours as WorkingHours,
        resolve_rule as resolve_rule,
    )
    from motcua.domain.dossier_parts import (
        AsReported as AsReported,
    )
    from motcua.domain.terms import (
        TermStart as TermStart,
        start_instant as start_instant,
    )
    from motcua.analyses.report_layouts import (
        LayoutChoice as LayoutChoice,
        ReportLayout as ReportLayout,
        layout_on as layout_on,
    )
    from motcua.serialization.sql_counter import (
        SqlCounter as SqlCounter,
        migration_sql as migration_sql,
        schema_sql as schema_sql,
    )

__version__ = "0.1.0.dev0"

#: The public API: name -> the module that serves it, by layer (foundation, time, domain,
#: analyses, serialization). Add a name here and in the TYPE_CHECKING block above
#: (tests/test_public_api.py checks that they agree).
_EXPORTS: Final[dict[str, str]] = {
    "ConfigurationError": "motcua.foundation.errors",
    "FrozenValueError": "motcua.foundation.errors",
    "InvalidInputError": "motcua.foundation.errors",
    "MotcuaError": "motcua.foundation.errors",
    "NotFoundError": "motcua.foundation.errors",
    "OutsideCalendarError": "motcua.foundation.errors",
    "TransitionError": "motcua.foundation.errors",
    "VN_TZ": "motcua.foundation.vntime",
    "combine_vn": "motcua.foundation.vntime",
    "to_vn": "motcua.foundation.vntime",
    "vn_instant": "motcua.foundation.vntime",
    "Confidence": "motcua.foundation.confidence",
    "ANNOUNCEMENTS": "motcua.time.official",
    "Announcement": "motcua.time.announcements",
    "DayChange": "motcua.time.announcements",
    "DayKind": "motcua.time.announcements",
    "Scope": "motcua.time.announcements",
    "applies_to": "motcua.time.announcements",
    "Closure": "motcua.time.hours_series",
    "HoursPeriod": "motcua.time.hours_series",
    "HoursSeries": "motcua.time.hours_series",
    "Season": "motcua.time.hours_series",
    "SeasonalHours": "motcua.time.hours_series",
    "hue_4010_2025": "motcua.time.hours_examples",
    "vinh_phuc_873_2020": "motcua.time.hours_examples",
    "place_codes": "motcua.domain.places",
    "schedule_for_place": "motcua.domain.places",
    "LAST_ANNOUNCED_YEAR": "motcua.time.calendar",
    "DayCategory": "motcua.time.calendar",
    "NamedDay": "motcua.time.calendar",
    "WorkingCalendar": "motcua.time.calendar",
    "YearSchedule": "motcua.time.calendar",
    "vietnam_calendar": "motcua.time.calendar",
    "Due": "motcua.time.deadlines",
    "Pause": "motcua.time.deadlines",
    "WorkSchedule": "motcua.time.deadlines",
    "compute_due": "motcua.time.deadlines",
    "default_schedule": "motcua.time.deadlines",
    "OfficeHours": "motcua.time.hours",
    "Session": "motcua.time.hours",
    "parse_sessions": "motcua.time.hours",
    "CalendarDays": "motcua.time.limits",
    "CountingRule": "motcua.time.limits",
    "Months": "motcua.time.limits",
    "SameDay": "motcua.time.limits",
    "TimeLimit": "motcua.time.limits",
    "WorkingDays": "motcua.time.limits",
    "WorkingHours": "motcua.time.limits",
    "resolve_rule": "motcua.time.limits",
    "AgencyCode": "motcua.domain.codes",
    "DossierCode": "motcua.domain.codes",
    "DossierCounter": "motcua.domain.codes",
    "InMemoryCounter": "motcua.domain.codes",
    "ProcedureCode": "motcua.domain.codes",
    "issue_dossier_code": "motcua.domain.codes",
    "ForeignDossierCode": "motcua.domain.codes",
    "read_dossier_code": "motcua.domain.codes",
    "Clock": "motcua.domain.clock",
    "ClockLog": "motcua.domain.clock",
    "Fold": "motcua.domain.clock",
    "as_of_instant": "motcua.domain.clock",
    "clock_due": "motcua.domain.clock",
    "clock_due_at": "motcua.domain.clock",
    "replay": "motcua.domain.clock",
    "DigitalFacts": "motcua.domain.dossiers",
    "Dossier": "motcua.domain.dossiers",
    "Step": "motcua.domain.dossiers",
    "SupplementRecord": "motcua.domain.dossiers",
    "TRANSITIONS": "motcua.domain.lifecycle",
    "DelayNotified": "motcua.domain.lifecycle",
    "Event": "motcua.domain.lifecycle",
    "LifecyclePolicy": "motcua.domain.lifecycle",
    "ObligationFulfilled": "motcua.domain.lifecycle",
    "ObligationRequested": "motcua.domain.lifecycle",
    "Outcome": "motcua.domain.lifecycle",
    "Received": "motcua.domain.lifecycle",
    "Refused": "motcua.domain.lifecycle",
    "Resolved": "motcua.domain.lifecycle",
    "ResultReturned": "motcua.domain.lifecycle",
    "ReturnMethod": "motcua.domain.lifecycle",
    "Stage": "motcua.domain.lifecycle",
    "Status": "motcua.domain.lifecycle",
    "Stopped": "motcua.domain.lifecycle",
    "Submitted": "motcua.domain.lifecycle",
    "SupplementReceived": "motcua.domain.lifecycle",
    "SupplementRequested": "motcua.domain.lifecycle",
    "Transferred": "motcua.domain.lifecycle",
    "Transition": "motcua.domain.lifecycle",
    "WithdrawalRequested": "motcua.domain.lifecycle",
    "allowed_events": "motcua.domain.lifecycle",
    "next_status": "motcua.domain.lifecycle",
    "Catalogue": "motcua.domain.procedures",
    "Channel": "motcua.domain.procedures",
    "ChannelTerm": "motcua.domain.procedures",
    "Document": "motcua.domain.procedures",
    "Fee": "motcua.domain.procedures",
    "LegalBasis": "motcua.domain.procedures",
    "Medium": "motcua.domain.procedures",
    "NoTimeLimit": "motcua.domain.procedures",
    "OnlineLevel": "motcua.domain.procedures",
    "Posting": "motcua.domain.procedures",
    "Procedure": "motcua.domain.procedures",
    "layer_catalogue": "motcua.domain.procedures",
    "Instrument": "motcua.domain.instruments",
    "INSTRUMENTS": "motcua.domain.instruments",
    "in_force_on": "motcua.domain.instruments",
    "instrument": "motcua.domain.instruments",
    "instruments_on": "motcua.domain.regimes",
    "Basis": "motcua.analyses.compliance.rules",
    "FormSet": "motcua.analyses.forms",
    "FORM_SETS": "motcua.analyses.forms",
    "forms_for": "motcua.analyses.forms",
    "forms_on": "motcua.analyses.forms",
    "Regime": "motcua.domain.regimes",
    "regime_on": "motcua.domain.regimes",
    "Granularity": "motcua.domain.timeliness",
    "Timeliness": "motcua.domain.timeliness",
    "classify": "motcua.domain.timeliness",
    "TWO_TIER_REFORM": "motcua.domain.units",
    "AdministrativeUnit": "motcua.domain.units",
    "Level": "motcua.domain.units",
    "Share": "motcua.domain.units",
    "Succession": "motcua.domain.units",
    "UnitKind": "motcua.domain.units",
    "fold_name": "motcua.domain.units",
    "Rehoming": "motcua.domain.unit_registry",
    "UnitRegistry": "motcua.domain.unit_registry",
    "Period": "motcua.analyses.periods",
    "PeriodKind": "motcua.analyses.periods",
    "Window": "motcua.analyses.periods",
    "parse_period": "motcua.analyses.periods",
    "COLUMNS": "motcua.analyses.buckets",
    "Counts": "motcua.analyses.buckets",
    "Placement": "motcua.analyses.buckets",
    "ReportPolicy": "motcua.analyses.buckets",
    "StoppedAs": "motcua.analyses.buckets",
    "classify_for_period": "motcua.analyses.buckets",
    "place": "motcua.analyses.buckets",
    "Bieu06": "motcua.analyses.bieu06",
    "Dimension": "motcua.analyses.bieu06",
    "DossierKeys": "motcua.analyses.bieu06",
    "Report": "motcua.analyses.bieu06",
    "UnitRole": "motcua.analyses.bieu06",
    "percent": "motcua.analyses.rates",
    "rate": "motcua.analyses.rates",
    "round_half_up": "motcua.analyses.rates",
    "DEFAULT_WARN_AT": "motcua.analyses.time_left",
    "TimeLeft": "motcua.analyses.time_left",
    "format_time_left": "motcua.analyses.time_left",
    "time_left": "motcua.analyses.time_left",
    "DEFAULT_STAGES": "motcua.analyses.time_left",
    "stage_text": "motcua.analyses.time_left",
    "KEYS": "motcua.analyses.verify",
    "Check": "motcua.analyses.verify",
    "Identity": "motcua.analyses.verify",
    "Verification": "motcua.analyses.verify",
    "verify_figures": "motcua.analyses.verify",
    "verify_series": "motcua.analyses.verify",
    "DVCQG_2025": "motcua.analyses.index766",
    "INDICATORS": "motcua.analyses.index766",
    "Index766": "motcua.analyses.index766",
    "Index766Config": "motcua.analyses.index766",
    "IndicatorResult": "motcua.analyses.index766",
    "Index766Inputs": "motcua.analyses.index766",
    "Indicator": "motcua.analyses.index766",
    "Tally": "motcua.analyses.index766",
    "INDEX766_CONFIGS": "motcua.analyses.index766",
    "INDICATOR_INPUTS": "motcua.analyses.index766",
    "index766_config": "motcua.analyses.index766",
    "Coverage": "motcua.analyses.posting",
    "posting_coverage": "motcua.analyses.posting",
    "RULES": "motcua.analyses.compliance.runner",
    "ComplianceConfig": "motcua.analyses.compliance.runner",
    "check": "motcua.analyses.compliance.runner",
    "Rule": "motcua.analyses.compliance.rules",
    "Violation": "motcua.analyses.compliance.rules",
    "CATALOGUE_RULES": "motcua.analyses.compliance.catalogue",
    "MANDATORY_PARTS": "motcua.analyses.compliance.catalogue",
    "check_catalogue": "motcua.analyses.compliance.catalogue",
    "REPORT_IDENTITIES": "motcua.analyses.compliance.figures",
    "check_figures": "motcua.analyses.compliance.figures",
    "FORMS": "motcua.analyses.notices",
    "Notice": "motcua.analyses.notices",
    "NoticeKind": "motcua.analyses.notices",
    "build_book": "motcua.analyses.notices",
    "build_notice": "motcua.analyses.notices",
    "limit_vi": "motcua.analyses.notices",
    "render_html": "motcua.analyses.notices",
    "render_text": "motcua.analyses.notices",
    "AnnouncementFile": "motcua.serialization.announcements",
    "load_announcements": "motcua.serialization.announcements",
    "parse_announcements": "motcua.serialization.announcements",
    "catalogue_from_json": "motcua.serialization.catalogues",
    "catalogue_to_json": "motcua.serialization.catalogues",
    "load_catalogue": "motcua.serialization.catalogues",
    "procedure_from_json": "motcua.serialization.catalogues",
    "procedure_to_json": "motcua.serialization.catalogues",
    "read_procedures": "motcua.serialization.catalogues",
    "sample_catalogue": "motcua.serialization.catalogues",
    "dossier_from_json": "motcua.serialization.dossiers",
    "dossier_to_json": "motcua.serialization.dossiers",
    "dumps_jsonl": "motcua.serialization.dossiers",
    "event_from_json": "motcua.serialization.dossiers",
    "event_to_json": "motcua.serialization.dossiers",
    "iter_dossiers": "motcua.serialization.dossiers",
    "read_dossiers": "motcua.serialization.dossiers",
    "write_jsonl": "motcua.serialization.dossiers",
    "ReadResult": "motcua.serialization.files",
    "DVCQG_INSTANT_FORMAT": "motcua.serialization.dvcqg",
    "dossier_from_dvcqg": "motcua.serialization.dvcqg",
    "dossier_to_dvcqg": "motcua.serialization.dvcqg",
    "format_dvcqg_instant": "motcua.serialization.dvcqg",
    "limit_from_dvcqg": "motcua.serialization.dvcqg",
    "parse_dvcqg_instant": "motcua.serialization.dvcqg",
    "procedure_from_dvcqg": "motcua.serialization.dvcqg",
    "read_dvcqg_dossiers": "motcua.serialization.dvcqg",
    "read_dvcqg_procedures": "motcua.serialization.dvcqg",
    "procedure_from_national_api": "motcua.serialization.dvcqg.national_api",
    "read_national_api_procedures": "motcua.serialization.dvcqg.national_api",
    "RECEIPT_TIME_FORMS": "motcua.serialization.receipt_text",
    "parse_receipt_time": "motcua.serialization.receipt_text",
    "HEADERS": "motcua.serialization.reports",
    "render_report": "motcua.serialization.reports",
    "report_to_json": "motcua.serialization.reports",
    "tally_file": "motcua.serialization.reports",
    "tally_lines": "motcua.serialization.reports",
    "Scanned": "motcua.serialization.scan",
    "scan_record": "motcua.serialization.scan",
    "registry_from_json": "motcua.serialization.units",
    "unit_registry": "motcua.serialization.units",
    "AsReported": "motcua.domain.dossier_parts",
    "TermStart": "motcua.domain.terms",
    "start_instant": "motcua.domain.terms",
    "LayoutChoice": "motcua.analyses.report_layouts",
    "ReportLayout": "motcua.analyses.report_layouts",
    "layout_on": "motcua.analyses.report_layouts",
    "SqlCounter": "motcua.serialization.sql_counter",
    "migration_sql": "motcua.serialization.sql_counter",
    "schema_sql": "motcua.serialization.sql_counter",
}

#: Sorted as ruff sorts ``__all__`` (RUF022): CONSTANTS, then Classes, then functions.
__all__ = sorted(  # noqa: PLE0605 - derived from the table
    [*_EXPORTS, "__version__"],
    key=lambda name: (0 if name.isupper() else 1 if name[0].isupper() else 2, name),
)


def __getattr__(name: str) -> object:
    """Load the module serving *name* only when the name is first asked for."""
    module = _EXPORTS.get(name)
    if module is None:
        msg = f"module 'motcua' has no attribute {name!r}"
        raise AttributeError(msg)
    import importlib  # noqa: PLC0415

    value: object = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    """List the public API, including the names not loaded yet."""
    return sorted(set(globals()) | set(__all__))
