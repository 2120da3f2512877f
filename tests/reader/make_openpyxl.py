#!/usr/bin/env python3
"""Writes the openpyxl-made test workbooks of the xlsx reader into tests/reader/files/.

  openpyxl-features.xlsx  the cell kinds of make-exceljs.mjs as openpyxl writes them (its own XML: no
                          spans, inline `<is>` only where asked, formulas WITHOUT cached results, real
                          booleans, error cells, dates as serials with its own number formats)
  openpyxl-1904.xlsx      the same in the 1904 date system

The expected values are asserted in src/inventory/xlsx.test.ts.
Run: /usr/bin/python3 tests/reader/make_openpyxl.py   (needs python3-openpyxl; zip times are fixed so
that regenerating gives the same bytes)
"""
import datetime
import os
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "files")
FIXED = datetime.datetime(2024, 10, 1)


def features(date1904=False):
    wb = Workbook()
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    if date1904:
        wb.epoch = CALENDAR_MAC_1904

    info = wb.active
    info.title = "Thông tin chung"
    info["A1"] = "KIỂM KÊ ỨNG DỤNG CNTT NĂM HỌC 2024-2025"
    info["A1"].font = Font(bold=True, size=13)
    info.merge_cells("A1:D1")
    rows = [
        ("Mã trường", "083001204"),                                  # number stored as text
        ("Tên trường", "Trường THCS An Đức"),
        ("Website", "thcsanduc.edu.vn"),                             # hyperlink set below
        ("Ngày lập báo cáo", datetime.date(2025, 5, 31)),           # openpyxl: numFmt yyyy-mm-dd
        ("Ngày cập nhật website", datetime.datetime(2025, 3, 15, 8, 30)),  # yyyy-mm-dd h:mm:ss
        ("Ngày ban hành kế hoạch", datetime.date(2024, 9, 5)),      # custom dd/mm/yyyy below
        ("Số lớp", 24),
        ("Băng thông Internet (Mbps)", 150.5),
        ("Có mạng Wi-Fi", True),
        ("Có mạng LAN", False),
        ("Số học sinh", "1.250"),
        ("Lỗi", "#N/A"),                                            # openpyxl writes t="e"
    ]
    for i, (label, value) in enumerate(rows, start=3):
        info.cell(row=i, column=1, value=label)
        info.cell(row=i, column=2, value=value)
    info["B5"].hyperlink = "https://thcsanduc.edu.vn"
    info["B8"].number_format = "dd/mm/yyyy"
    info["B10"].number_format = '#,##0.0 "Mbps"'

    eq = wb.create_sheet("Thiết bị")
    eq.append(["STT", "Loại thiết bị", "Số lượng"])
    eq.append([1, "Máy tính để bàn", 20])
    eq.append([2, "Máy chiếu", 10])
    eq.append([None, "Tổng cộng", "=SUM(C2:C3)"])  # no cached value: the reader sees an empty cell

    dm = wb.create_sheet("DM")
    dm.sheet_state = "hidden"
    dm.append(["Có"])
    dm.append(["Không"])
    secret = wb.create_sheet("Cấu hình")
    secret.sheet_state = "veryHidden"
    secret["A1"] = "phiên bản mẫu"
    return wb


def fix_zip_times(path):
    with zipfile.ZipFile(path) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(2024, 10, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, wb in (("openpyxl-features.xlsx", features()), ("openpyxl-1904.xlsx", features(date1904=True))):
        path = os.path.join(OUT, name)
        wb.save(path)
        fix_zip_times(path)
        print("wrote", path)


if __name__ == "__main__":
    main()
