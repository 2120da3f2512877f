#!/usr/bin/env python3
"""Writes tests/reader/files/labels-openpyxl.xlsx: the rows of labels.json (written by
make-labels-exceljs.mjs from labels.mjs) as openpyxl writes them. Asserted in tests/reader/labels.test.ts.
Run: /usr/bin/python3 tests/reader/make_labels_openpyxl.py [OUT.xlsx]   (needs python3-openpyxl)
"""
import datetime
import json
import os
import sys

from openpyxl import Workbook

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(HERE, "files")

with open(os.path.join(FILES, "labels.json"), encoding="utf-8") as f:
    rows = json.load(f)

wb = Workbook()
wb.properties.created = datetime.datetime(2024, 10, 1)
wb.properties.modified = datetime.datetime(2024, 10, 1)
ws = wb.active
ws.title = "Thông tin chung"
ws["A1"] = "THÔNG TIN CHUNG"
for i, (label, value) in enumerate(rows):
    ws.cell(row=i + 3, column=1, value=label)
    if value is not None:
        ws.cell(row=i + 3, column=2, value=value)
out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(FILES, "labels-openpyxl.xlsx")
wb.save(out)
print("wrote " + out)
