#!/usr/bin/env python3
"""Fill a copy of the blank inventory template the way a school would, with openpyxl.

Usage: fill_template.py <blank.xlsx> <filled.xlsx> [vi|en]
  (default: tests/template/blank.vi.xlsx → tests/template/filled.vi.xlsx, vi)

It finds each row of "Thông tin chung" by its label (the ★ in front ignored) and types the value in
the cell to its right; in the tables it keeps the "Ví dụ" row and types rows under it, STT 1, 2, …
Values are typed as a person does: codes and phones as text, counts as numbers, dates as dates,
vocabulary words as the dropdowns offer them. The dropdowns, notes and hidden list sheet stay.
Needs python3-openpyxl (Debian: /usr/bin/python3).
"""
import datetime
import os
import sys

from openpyxl import load_workbook

HERE = os.path.dirname(os.path.abspath(__file__))

INFO = {
    "vi": {
        "Mã trường": "83000777",
        "Tên trường": "Trường THCS Phước Mỹ Trung",
        "Tỉnh/Thành phố": "Bến Tre",
        "Quận/Huyện": "Mỏ Cày Bắc",
        "Năm học": "2024-2025",
        "Cấp học": "Trung học cơ sở",
        "Loại hình": "Công lập",
        "Số học sinh THCS": 512,
        "Số lớp": 14,
        "Loại kết nối Internet": "Cáp quang",
        "Băng thông Internet (Mbps)": 150,
        "Số nhà cung cấp dịch vụ Internet": 2,
        "Có mạng Wi-Fi phục vụ giáo viên": "Có",
        "Có mạng nội bộ (LAN)": "Có",
        "Số phòng máy tính": 2,
        "Phòng máy tính được kết nối Internet": "Có",
        "Phòng máy tính có mạng LAN": "Có",
        "Có nội quy phòng máy và sổ theo dõi sử dụng": "Có",
        "Địa chỉ website (trang thông tin điện tử)": "https://thcsphuocmytrung.bentre.edu.vn",
        "Ngày cập nhật website gần nhất": datetime.datetime(2024, 10, 18),
        "Thư điện tử của đơn vị": "c2phuocmytrung@bentre.edu.vn",
        "Website có chuyên mục công khai theo TT 36/2017": "Có",
        "Lãnh đạo phụ trách CNTT (họ tên)": "Lê Văn Tâm",
        "Chức vụ lãnh đạo phụ trách CNTT": "Phó Hiệu trưởng",
        "Điện thoại lãnh đạo phụ trách CNTT": "0913 222 333",
        "Cán bộ, giáo viên đầu mối CNTT (họ tên)": "Phạm Thị Thu",
        "Điện thoại cán bộ đầu mối CNTT": "0988 111 222",
        "Có quyết định phân công lãnh đạo, cán bộ phụ trách CNTT": "Có",
        "Kế hoạch ứng dụng CNTT năm học": "Có",
        "Ngày ban hành kế hoạch ứng dụng CNTT": datetime.datetime(2024, 9, 5),
        "Quy chế quản lý, sử dụng hệ thống CNTT": "Có",
        "Sao lưu dữ liệu định kỳ vào ổ đĩa di động": "Có",
        "Sao lưu dữ liệu định kỳ lên lưu trữ trực tuyến": "Không",
        "Cập nhật đầy đủ, đúng hạn dữ liệu trên CSDL ngành": "Có",
        "Trao đổi văn bản điện tử qua thư điện tử": "Có",
        "Tổ chức dạy học trực tuyến": "Có",
        "Có giảng dạy môn Tin học": "Có",
        "Ngày lập báo cáo": datetime.datetime(2024, 10, 30),
        "Số học sinh học môn Tin học": 512,
    },
    "en": {
        "School code": "83000778",
        "School name": "Trường THCS An Định",
        "Province": "Bến Tre",
        "District": "Mỏ Cày Nam",
        "School year": "2024-2025",
        "Levels": "Lower secondary",
        "School type": "Public",
        "Lower secondary students": 430,
        "Internet connection": "Fibre",
        "Wi-Fi for teachers": "Yes",
        "Computer labs": 1,
        "IT leader (name)": "Võ Văn Lâm",
        "IT focal person (name)": "Ngô Thị Lan",
        "Annual IT plan": "Yes",
        "Report date": datetime.datetime(2024, 10, 30),
    },
}

EQUIPMENT = {
    "vi": [
        # Loại thiết bị, Mục đích sử dụng, Số lượng, Tình trạng, Tổ chuyên môn, Năm đưa vào sử dụng, Ghi chú
        ("Máy tính để bàn", "Phòng máy", 34, "Tốt", None, 2019, None),
        ("Máy tính để bàn", "Phòng máy", 2, "Hỏng", None, 2012, "Chờ thanh lý"),
        ("Máy tính để bàn", "Quản lý", 4, "Tốt", None, 2021, None),
        ("Máy tính xách tay", "Giáo viên", 6, "Tốt", "Tổ Toán - Tin", 2022, None),
        ("Máy in", "Quản lý", 3, "Cần sửa chữa", None, 2018, None),
        ("Máy chiếu", "Lớp học", 10, "Tốt", None, 2020, None),
        ("Thiết bị mạng", "Khác", 5, "Tốt", None, 2019, "Bộ phát Wi-Fi"),
    ],
    "en": [
        ("Desktop computer", "Computer lab", 25, "Working", None, 2020, None),
        ("Laptop", "Teachers", 4, "Working", None, 2022, None),
        ("Printer", "Management", 2, "Working", None, 2018, None),
    ],
}

SOFTWARE = {
    "vi": [
        # Tên phần mềm, Chức năng, Đang sử dụng, Bản quyền, Kết nối CSDL ngành, Ghi chú
        ("vnEdu", "Sổ điểm điện tử, Học bạ điện tử, Sổ liên lạc điện tử", "Có", "Có bản quyền", "Có", None),
        ("SMAS", "Quản lý trường học", "Không", "Có bản quyền", "Có", "Dùng đến năm 2022"),
        ("Microsoft Office", "Văn phòng", "Có", "Có bản quyền", None, None),
        ("Kaspersky", "Diệt virus", "Có", "Miễn phí", None, None),
        ("Google Meet", "Họp trực tuyến", None, "Miễn phí", None, None),
    ],
    "en": [
        ("vnEdu", "E-gradebook", "Yes", "Licensed", "Yes", None),
    ],
}

TEACHERS = {
    "vi": [
        # Họ và tên, Tổ chuyên môn, Số bài giảng e-Learning, Đạt chuẩn kỹ năng sử dụng CNTT, Được bồi dưỡng CNTT trong năm, Sử dụng CNTT
        ("Nguyễn Văn Hùng", "Tổ Toán - Tin", 4, "Có", "Có", "Có"),
        ("Trần Thị Mai", "Tổ Toán - Tin", 2, "Có", "Có", "Có"),
        ("Lê Thị Hồng", "Tổ Ngữ văn", None, "Có", "Không", "Có"),
        ("Phạm Văn Đức", "Tổ Ngữ văn", 1, "Không", "Có", "Có"),
        ("Huỳnh Thị Ngọc", "Tổ Ngoại ngữ", 3, "Có", "Có", "Có"),
        ("Đặng Văn Phúc", "Tổ Khoa học tự nhiên", None, "Có", None, "Có"),
    ],
    "en": [
        ("Trương Văn Nam", "Tổ Toán - Tin", 2, "Yes", "Yes", "Yes"),
        ("Lý Thị Bé", "Tổ Ngữ văn", 0, "No", "Yes", "Yes"),
    ],
}

SHEET_NAMES = {
    "vi": ("Thông tin chung", "Thiết bị", "Phần mềm", "Giáo viên"),
    "en": ("General information", "Equipment", "Software", "Teachers"),
}


def bare(text):
    """The label as printed, without the ★ that marks fields to fill."""
    return str(text or "").replace("★", "").strip()


def fill_info(ws, values):
    rows = {bare(ws.cell(row=r, column=1).value): r for r in range(1, ws.max_row + 1)}
    for label, value in values.items():
        if label not in rows:
            sys.exit(f"label not found in {ws.title!r}: {label!r}")
        cell = ws.cell(row=rows[label], column=2)
        cell.value = value
        if isinstance(value, datetime.datetime):
            cell.number_format = "dd/mm/yyyy"


def fill_table(ws, rows):
    first = 3  # row 1 headers, row 2 the "Ví dụ" example
    if ws.cell(row=2, column=1).value != "Ví dụ":
        sys.exit(f"{ws.title!r}: row 2 is not the example row")
    for i, values in enumerate(rows):
        r = first + i
        ws.cell(row=r, column=1).value = i + 1
        for j, value in enumerate(values):
            if value is not None:
                ws.cell(row=r, column=2 + j).value = value


def main():
    args = sys.argv[1:]
    src = args[0] if len(args) > 0 else os.path.join(HERE, "blank.vi.xlsx")
    dst = args[1] if len(args) > 1 else os.path.join(HERE, "filled.vi.xlsx")
    lang = args[2] if len(args) > 2 else "vi"
    wb = load_workbook(src)
    info, equipment, software, teachers = SHEET_NAMES[lang]
    fill_info(wb[info], INFO[lang])
    fill_table(wb[equipment], EQUIPMENT[lang])
    fill_table(wb[software], SOFTWARE[lang])
    fill_table(wb[teachers], TEACHERS[lang])
    # fixed document times: the same input gives the same workbook content
    wb.properties.created = datetime.datetime(2024, 10, 30, 8, 0, 0)
    wb.properties.modified = datetime.datetime(2024, 10, 30, 8, 0, 0)
    wb.properties.lastModifiedBy = "Trường THCS (openpyxl)"
    wb.save(dst)
    print(f"wrote {dst}")


if __name__ == "__main__":
    main()
