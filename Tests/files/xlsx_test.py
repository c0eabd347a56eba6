"""Excel workbooks from an independent writer (issue 17, item 7).

openpyxl (PyPI) writes a register as Excel does — numbers as numbers, Chinese headers — and
the same data goes into a CSV with English headers. `quorum tally` must count both to the
same bytes; `quorum register import` must load the workbook; a workbook with a bad area is
refused whole, its error named by sheet, row and column (`Sheet1!D4`).

Run from the repository root after `swift build` (`.ci/run` does): uses .build/debug/quorum.
"""

import datetime
import json
import os
import subprocess
import sys
import tempfile
import unittest

import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
QUORUM = os.environ.get("QUORUM_BINARY", os.path.join(ROOT, ".build", "debug", "quorum"))

ENGLISH = ["unit_id", "building", "room", "area", "owner_name", "owner_id", "phone"]
CHINESE = ["不动产单元号", "楼栋", "房号", "建筑面积", "业主姓名", "证件号码", "手机号"]
UNITS = [
    ("U1", "1", "101", 85.34, "甲", "110101199001010011", "13800000001"),
    ("U2", "1", "102", 90, "乙", "110101199202020033", "13800000002"),
    ("U3", "2", "101", 120.5, "丙, 丁", "110101199303030055", ""),
    ("U4", "2", "102", 60.07, "戊", "110101199404040077", "13800000004"),
]
MATTERS = {"vote": "v", "matters": [{"id": "m1", "title": "更换电梯", "item": 5, "kind": "resolution"}]}
BALLOTS = "unit_id,matter,choice,channel,received_at\n" + "".join(
    f"{unit},m1,{choice},online,2026-03-01T10:0{i}:00+08:00\n" for i, (unit, choice) in enumerate([("U1", "agree"), ("U2", "agree"), ("U3", "oppose")]))


def quorum(*args):
    return subprocess.run([QUORUM, *args], capture_output=True, text=True, timeout=120)


class WorkbookTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="quorum-xlsx-")

    def path(self, name):
        return os.path.join(self.dir, name)

    def workbook(self, name, rows):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(CHINESE)
        for row in rows:
            sheet.append(list(row))
        book.save(self.path(name))
        return self.path(name)

    def csv(self, name, rows):
        with open(self.path(name), "w", encoding="utf-8") as f:
            f.write(",".join(ENGLISH) + "\n")
            for row in rows:
                f.write(",".join(f'"{v}"' if "," in str(v) else str(v) for v in row) + "\n")
        return self.path(name)

    def tally(self, registry):
        with open(self.path("matters.json"), "w", encoding="utf-8") as f:
            json.dump(MATTERS, f, ensure_ascii=False)
        with open(self.path("ballots.csv"), "w", encoding="utf-8") as f:
            f.write(BALLOTS)
        return quorum("tally", "--registry", registry, "--matters", self.path("matters.json"), "--ballots", self.path("ballots.csv"))

    def test_a_workbook_counts_to_the_same_bytes_as_its_csv(self):
        book = self.tally(self.workbook("registry.xlsx", UNITS))
        plain = self.tally(self.csv("registry.csv", UNITS))
        self.assertEqual(plain.returncode, 0, plain.stderr)
        self.assertEqual(book.returncode, 0, book.stderr)
        self.assertEqual(book.stdout, plain.stdout)
        self.assertIn('"area":"355.91"', book.stdout.replace(" ", ""), "85.34 + 90 + 120.5 + 60.07 m², to the centimetre")

    def test_a_bad_workbook_is_refused_naming_its_cells(self):
        rows = list(UNITS)
        rows[2] = ("U3", "2", "101", -5, "丙", "110101199303030055", "")
        rows[3] = ("U4", "9", "102", 60.071, "戊", "110101199404040077", "")
        result = self.tally(self.workbook("bad.xlsx", rows))
        self.assertEqual(result.returncode, 65, result.stderr)
        self.assertIn("bad.xlsx:Sheet:D4:", result.stderr.replace("Sheet!", "Sheet:"), result.stderr)
        self.assertIn("bad.xlsx:Sheet:D5:", result.stderr.replace("Sheet!", "Sheet:"), result.stderr)
        self.assertIn("nothing was counted", result.stderr)

    def test_register_import_loads_a_workbook(self):
        database = "sqlite:///" + self.path("q.sqlite")
        self.assertEqual(quorum("migrate", "--database", database).returncode, 0)
        result = quorum("register", "import", self.workbook("registry.xlsx", UNITS), "--estate", "阳光花园", "--street", "八大峡街道",
                        "--database", database)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("4", result.stdout + result.stderr)
        rows = list(UNITS)
        rows[1] = ("U2", "1", "102", 0, "乙", "110101199202020033", "")
        bad = quorum("register", "import", self.workbook("bad.xlsx", rows), "--estate", "阳光花园", "--street", "八大峡街道",
                     "--database", database)
        self.assertNotEqual(bad.returncode, 0)
        self.assertIn("bad.xlsx:Sheet!D3", bad.stdout + bad.stderr)

        # Facilities: dates as Excel keeps them (numbers in a date format), read as dates.
        def facilities(name, building):
            book = openpyxl.Workbook()
            sheet = book.active
            sheet.append(["设备类型", "名称", "楼栋", "安装日期", "下次检验日期"])
            sheet.append(["电梯", "1号楼客梯", "1", datetime.date(2015, 6, 30), datetime.date(2027, 3, 31)])
            sheet.append(["消防设施", "消火栓系统", building, datetime.date(2015, 6, 30), None])
            book.save(self.path(name))
            return self.path(name)
        estate = ["--estate", "阳光花园", "--database", database]
        loaded = quorum("facilities", "import", facilities("facilities.xlsx", "2"), *estate)
        self.assertEqual(loaded.returncode, 0, loaded.stderr)
        refused = quorum("facilities", "import", facilities("facilities-bad.xlsx", "9"), *estate)
        self.assertEqual(refused.returncode, 65, refused.stderr)
        self.assertIn("facilities-bad.xlsx:Sheet!C3", refused.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
