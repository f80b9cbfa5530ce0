"""Interchange with the National Public Service Portal (Cổng Dịch vụ công quốc gia, DVCQG).

Two formats:

* the **national procedure record** (the ``LayThuTuc`` answer: ``MATTHC``, ``TENTTHC``,
  ``CAPTHUCHIEN``, ``LINHVUCTHUCHIEN``, ``CACHTHUCTHUCHIEN[{KENH, THOIGIAN[{THOIGIANGIAIQUYET,
  DONVITINH, MOTA, PHILEPHI}]}]``, ``THANHPHANHOSO``, ``CANCUPHAPLY``...), imported into
  :class:`~motcua.domain.procedures.Procedure` by :func:`procedure_from_dvcqg`;
* the **dossier sync payload** (``MaHoSo``, ``MaTTHC``, ``KenhThucHien``, ``TrangThaiHoSo``,
  ``NgayTiepNhan``, ``NgayHenTra``, ``NgayKetThucXuLy``, ``NgayTra``,
  ``DanhSachHoSoBoSung``...), written by :func:`dossier_to_dvcqg` and read back into events by
  :func:`dossier_from_dvcqg`.

Instants in the sync payload are written ``yyyyMMddHHmmss`` in Vietnam time, an empty string
when absent: the format the open-source OpenCPS platform sends to DVCQG
(``VietOpenCPS/opencps-v2``, ``DVCQGIntegrationActionImpl.convertDate2String``:
``SimpleDateFormat("yyyyMMddHHmmss")`` in ``Asia/Ho_Chi_Minh``). Reading also accepts
``yyyy-MM-dd HH:mm:ss`` with milliseconds, epoch milliseconds (iGate-style adapters) and
ISO 8601. Codes are sent as strings, as there; integers are read too.

The payload's ``QuaTrinhXuLy`` array is the processing history in the shape of the DVCQG
status sync (``ThoiDiemXuLy``, ``TrangThai``, ``NoiDungXuLy``, ``PhongBanXuLy``), plus the
motcua extensions ``HanhDong`` and ``motcua`` (ignored by other readers). Without ``HanhDong``,
events are inferred from the status pairs; without any history, from the date fields, and the
dossier's state is "as reported": :attr:`motcua.domain.dossiers.Dossier.reported` keeps the
status and appointment of record and says what was inferred, unknown or contradictory
(:mod:`motcua.serialization.dvcqg.dossiers`). Every key and its source:
:data:`SYNC_KEYS`, :data:`HISTORY_KEYS`, :data:`SUPPLEMENT_KEYS`.
"""

from __future__ import annotations

from motcua.serialization.dvcqg.dossiers import (
    HISTORY_KEYS,
    SUPPLEMENT_KEYS,
    SYNC_KEYS,
    appointment_disagreement,
    dossier_from_dvcqg,
    dossier_to_dvcqg,
    read_dvcqg_dossiers,
)
from motcua.serialization.dvcqg.fields import (
    DVCQG_INSTANT_FORMAT,
    format_dvcqg_instant,
    parse_dvcqg_instant,
)
from motcua.serialization.dvcqg.procedures import (
    limit_from_dvcqg,
    procedure_from_dvcqg,
    read_dvcqg_procedures,
)

__all__ = [
    "DVCQG_INSTANT_FORMAT",
    "HISTORY_KEYS",
    "SUPPLEMENT_KEYS",
    "SYNC_KEYS",
    "appointment_disagreement",
    "dossier_from_dvcqg",
    "dossier_to_dvcqg",
    "format_dvcqg_instant",
    "limit_from_dvcqg",
    "parse_dvcqg_instant",
    "procedure_from_dvcqg",
    "read_dvcqg_dossiers",
    "read_dvcqg_procedures",
]
