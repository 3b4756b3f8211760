"""Every bench runs in its --smoke mode, so a bench cannot break unseen (bench/table.py had: its
page-jumping scenario scrolled to a hidden column's index, which Qt ignores)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_bulk_bench_smoke_prints_every_figure() -> None:
    r = subprocess.run([sys.executable, str(ROOT / "bench" / "bulk.py"), "--smoke", "--latency-ms", "0",
                        "--json"], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    figures = json.loads(r.stdout.strip().splitlines()[-1])
    wanted = {"preview_100k_s", "preview_max_stall_ms", "wide_preview_mb", "wide_preview_s",
              "wide_preview_rss_growth_mb", "import_speedup_20ms", "import_rss_growth_mb", "import_s",
              "bulk_edit_1000_s", "export_xlsx_100k_s", "export_xlsx_rss_growth_mb"}
    assert set(figures) == wanted and all(v >= 0 for v in figures.values())
    assert "wide preview: 200 rows of 60 cells" in r.stdout and "created': 30" in r.stdout


@pytest.mark.parametrize("bench", ["client", "sandbox", "mirror", "table", "search_typing", "views",
                                   "saving", "outbox", "startup"])
def test_the_other_benches_smoke(bench: str) -> None:
    r = subprocess.run([sys.executable, str(ROOT / "bench" / f"{bench}.py"), "--smoke", "--json"],
                       capture_output=True, text=True, timeout=600, cwd=ROOT,
                       env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert r.returncode == 0, r.stderr[-3000:]
    figures = json.loads(r.stdout.strip().splitlines()[-1])
    assert figures and all(v is not None for v in figures.values() if not isinstance(v, dict)), figures
