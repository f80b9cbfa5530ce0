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

Instants in the sync payload are ``yyyyMMddHHmmss`` in Vietnam time, an empty string when
absent: the format the open-source OpenCPS platform sends to DVCQG (``VietOpenCPS/opencps-v2``,
``DVCQGIntegrationActionImpl.convertDate2String``: ``SimpleDateFormat("yyyyMMddHHmmss")`` in
``Asia/Ho_Chi_Minh``). Codes are sent as strings, as there. Reading also accepts ISO 8601.

The payload's ``QuaTrinhXuLy`` array is the processing history in the shape of the DVCQG
status sync (``ThoiDiemXuLy``, ``TrangThai``, ``NoiDungXuLy``, ``PhongBanXuLy``), plus a
``HanhDong`` key naming the motcua event (a motcua extension, ignored by other readers).
Without ``HanhDong``, events are inferred from the status pairs; without any history, from the
date fields, and anything the dates cannot say is an error that names the missing field.
"""

from __future__ import annotations

from motcua.serialization.dvcqg.dossiers import (
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
    "dossier_from_dvcqg",
    "dossier_to_dvcqg",
    "format_dvcqg_instant",
    "limit_from_dvcqg",
    "parse_dvcqg_instant",
    "procedure_from_dvcqg",
    "read_dvcqg_dossiers",
    "read_dvcqg_procedures",
]
