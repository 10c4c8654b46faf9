"""word_probe.py scores what a converter answers, with a fake peer driver standing in."""
from __future__ import annotations

import stat
import sys
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts" / "coverage"
sys.path.insert(0, str(SCRIPTS))

import word_probe  # noqa: E402

# Answers by query: right first; right only second; wrong with no alternative.
DRIVER = '''#!{python}
import sys
answers = {{"beijing": "北京\\t北京|背景", "xianruzhijian": "陷入之间\\t陷入之间|先入之见",
            "baidu": "摆渡\\t摆渡"}}
for line in sys.stdin:
    print(answers.get(line.strip(), ""), flush=True)
'''


def test_scores_first_and_top5_of_each_clause(tmp_path: Path, capsys) -> None:
    driver = tmp_path / "driver"
    driver.write_text(DRIVER.format(python=sys.executable), encoding="utf-8")
    driver.chmod(driver.stat().st_mode | stat.S_IEXEC)
    probe = tmp_path / "probe.txt"
    probe.write_text("北京\n先入之见\t注释\n百度，x\n", encoding="utf-8")
    assert word_probe.main([str(probe), "--peer", str(driver), "--misses"]) == 0
    out = capsys.readouterr().out
    assert "   3  char  50.00  exact  33.33  top-5  66.67" in out
    assert "先入之见>陷入之间" in out and "百度>摆渡" in out


def test_an_unreadable_probe_is_a_clear_error(tmp_path: Path, capsys) -> None:
    assert word_probe.main([str(tmp_path / "missing.txt")]) == 2
    assert "cannot read" in capsys.readouterr().err
