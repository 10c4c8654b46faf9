"""Streaming batch analysis of files, cancellation, and the `yinzi analyze` command."""
from __future__ import annotations

import csv
import json

import pytest

from core.analysis import Analyzer, AnalyzerConfig
from core.analysis.batch import BatchJob, guess_date_column, guess_text_column, run_batch
from core.analysis.cli import main
from core.analysis.tabular import TableError, iter_rows, read_columns


def _csv(path, n):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "review", "date"])
        for i in range(n):
            w.writerow([i, "房间很好，满意" if i % 2 else "很差，失望", f"2024-01-{1 + i % 28:02d}"])
    return path


@pytest.fixture(scope="module")
def analyzer(tiny_model_dir):
    return Analyzer(AnalyzerConfig(model=str(tiny_model_dir)))


def test_batch_keeps_columns_and_adds_sentiment(tmp_path, analyzer):
    src = _csv(tmp_path / "in.csv", 50)
    out = tmp_path / "out.csv"
    chunks = []
    summary = run_batch(BatchJob(src, "review", out, chunk_size=16, date_column="date"), analyzer,
                        on_chunk=lambda p, rows: chunks.append((p.done, len(rows))))
    assert summary.rows == 50 and not summary.cancelled
    assert [c[0] for c in chunks] == [16, 32, 48, 50]
    rows = list(csv.DictReader(open(out, encoding="utf-8-sig")))
    assert len(rows) == 50
    assert list(rows[0]) == ["id", "review", "date", "sentiment", "probability", "positive"]
    assert rows[1]["sentiment"] == "positive" and rows[0]["sentiment"] == "negative"
    assert sum(summary.label_counts.values()) == 50


def test_cancelled_batch_leaves_a_valid_partial_file(tmp_path, analyzer):
    src = _csv(tmp_path / "in.csv", 100)
    out = tmp_path / "out.csv"
    calls = {"n": 0}

    def cancel_after_two_chunks():
        calls["n"] += 1
        return calls["n"] > 2

    summary = run_batch(BatchJob(src, "review", out, chunk_size=10), analyzer,
                        should_cancel=cancel_after_two_chunks)
    assert summary.cancelled and summary.rows == 20
    rows = list(csv.DictReader(open(out, encoding="utf-8-sig")))
    assert len(rows) == 20
    assert all(r["sentiment"] in ("positive", "negative") for r in rows)


def test_batch_unknown_column(tmp_path, analyzer):
    src = _csv(tmp_path / "in.csv", 3)
    with pytest.raises(TableError, match="review"):
        run_batch(BatchJob(src, "text", tmp_path / "o.csv"), analyzer)


def test_readers_for_every_format(tmp_path):
    (tmp_path / "a.txt").write_text("第一行\n\n第二行\n", encoding="utf-8")
    assert [r.values["text"] for r in iter_rows(tmp_path / "a.txt")] == ["第一行", "第二行"]
    (tmp_path / "a.jsonl").write_text(json.dumps({"t": "好", "n": 1}) + "\n", encoding="utf-8")
    assert read_columns(tmp_path / "a.jsonl") == ["t", "n"]
    assert next(iter_rows(tmp_path / "a.jsonl")).values == {"t": "好", "n": "1"}
    (tmp_path / "b.jsonl").write_text(json.dumps({"t": "好", "meta": {"标签": [1, True]}, "x": None, "ok": False},
                                                 ensure_ascii=False) + "\n", encoding="utf-8")
    assert next(iter_rows(tmp_path / "b.jsonl")).values == {
        "t": "好", "meta": '{"标签": [1, true]}', "x": "", "ok": "false"}
    (tmp_path / "a.csv").write_text('\ufefftext,x\n"多\n行",1\n单行,2\n', encoding="utf-8")
    rows = list(iter_rows(tmp_path / "a.csv"))
    assert [r.values["text"] for r in rows] == ["多\n行", "单行"]
    assert [r.line for r in rows] == [2, 4]


def test_column_guesses():
    assert guess_text_column(["id", "Review", "date"]) == "Review"
    assert guess_text_column(["a", "b"]) == "a"
    assert guess_date_column(["id", "created_at"]) == "created_at"
    assert guess_date_column(["id", "text"]) is None


def test_cli_text_and_file(tmp_path, tiny_model_dir, capsys):
    assert main(["analyze", "--model", str(tiny_model_dir), "房间很好。服务很差！"]) == 0
    out = capsys.readouterr().out
    assert "sentiment:" in out and "keywords (TF-IDF)" in out and "fáng" in out
    assert main(["analyze", "--model", str(tiny_model_dir), "--json", "银行"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["pinyin"][1]["reading"] == "háng"
    src = _csv(tmp_path / "in.csv", 10)
    assert main(["analyze", "--model", str(tiny_model_dir), "--file", str(src), "--column", "review",
                 "--out", str(tmp_path / "o.csv")]) == 0
    assert len(list(csv.DictReader(open(tmp_path / "o.csv", encoding="utf-8")))) == 10


def test_cli_errors(tmp_path, capsys):
    assert main(["analyze"]) == 2
    assert "give a text" in capsys.readouterr().err
    src = _csv(tmp_path / "in.csv", 2)
    assert main(["analyze", "--file", str(src), "--column", "nope"]) == 2
    assert "review" in capsys.readouterr().err


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig", "utf-8"])
def test_files_in_the_encodings_chinese_users_have_are_read(tmp_path, encoding):
    # Excel on a Chinese Windows saves "CSV" as GBK; Notepad may save UTF-16 with a BOM.
    path = tmp_path / "excel.csv"
    path.write_bytes("评论,日期\n质量很好,2024/3/5\n".encode(encoding))
    assert read_columns(path) == ["评论", "日期"]
    assert [r.values for r in iter_rows(path)] == [{"评论": "质量很好", "日期": "2024/3/5"}]


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "is empty"), (b"\n \n", "is empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
     (b"text\n\xff\xfa\xfb\xfc\xfd\n", "neither UTF-8 nor GB18030")],
)
def test_unreadable_files_get_a_clear_error(tmp_path, analyzer, capsys, content, message):
    for name in ("bad.csv", "bad.txt"):  # a CSV's header is read first; a TXT has none
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(TableError, match=message):
            list(iter_rows(path))
        with pytest.raises(TableError, match=message):
            run_batch(BatchJob(path, "text", tmp_path / "o.csv"), analyzer)
        assert main(["analyze", "--file", str(path), "--out", str(tmp_path / "o2.csv")]) == 2
        assert message in capsys.readouterr().err


def test_a_damaged_tail_is_reported_not_a_traceback(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(("好评\n" * 40000).encode("utf-8") + "差评\n".encode("gb18030"))
    rows = iter_rows(path)
    with pytest.raises(TableError, match="not valid utf-8"):
        for _ in rows:
            pass


def test_the_output_cannot_be_the_input(tmp_path, analyzer):
    src = _csv(tmp_path / "in.csv", 3)
    before = src.read_bytes()
    with pytest.raises(TableError, match="is the input file"):
        run_batch(BatchJob(src, "review", tmp_path / "." / "in.csv"), analyzer)
    assert src.read_bytes() == before
    with pytest.raises(TableError, match="folder"):
        run_batch(BatchJob(src, "review", tmp_path), analyzer)
    assert main(["analyze", "--file", str(src), "--out", str(src)]) == 2
    assert src.read_bytes() == before


def test_the_inputs_own_columns_all_stay(tmp_path, analyzer):
    """A gold `sentiment` column and a repeated header name keep their values."""
    src = tmp_path / "gold.csv"
    src.write_text("text,sentiment,text\n房间很好，满意,pos,备注一\n很差，失望,neg,备注二\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    run_batch(BatchJob(src, "text", out), analyzer)
    rows = list(csv.DictReader(open(out, encoding="utf-8-sig")))
    assert list(rows[0]) == ["text", "sentiment", "text_2", "sentiment_pred", "probability", "positive"]
    assert [(r["text"], r["sentiment"], r["text_2"]) for r in rows] == [
        ("房间很好，满意", "pos", "备注一"), ("很差，失望", "neg", "备注二")]
    assert [r["sentiment_pred"] for r in rows] == ["positive", "negative"]


def test_output_format_follows_its_name(tmp_path, analyzer):
    src = tmp_path / "in.txt"
    src.write_text("房间很好，满意\n\n很差，\t失望\n", encoding="utf-8")
    run_batch(BatchJob(src, "text", tmp_path / "o.tsv"), analyzer)
    lines = (tmp_path / "o.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "line\ttext\tsentiment\tprobability\tpositive"
    assert [ln.split("\t")[:3] for ln in lines[1:]] == [["1", "房间很好，满意", "positive"],
                                                     ["3", "很差， 失望", "negative"]]
    run_batch(BatchJob(src, "text", tmp_path / "o.jsonl"), analyzer)
    objs = [json.loads(ln) for ln in (tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [o["line"] for o in objs] == ["1", "3"]
    assert isinstance(objs[0]["positive"], float) and objs[0]["sentiment"] == "positive"
    run_batch(BatchJob(src, "text", tmp_path / "o.csv"), analyzer)
    assert (tmp_path / "o.csv").read_bytes().startswith(b"\xef\xbb\xbfline,text,")


def test_a_missing_text_file_is_a_clear_error(tmp_path, capsys):
    with pytest.raises(TableError, match="no such file"):
        read_columns(tmp_path / "nope.txt")
    assert main(["analyze", "--file", str(tmp_path / "nope.txt")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["analyze", "好", "--stdin"]) == 2


def test_rows_without_chinese_are_not_classified(tmp_path, analyzer, capsys):
    src = tmp_path / "in.txt"
    src.write_text("房间很好，满意\nOK!!!\n12345\n很差，失望\n", encoding="utf-8")
    out = tmp_path / "o.csv"
    summary = run_batch(BatchJob(src, "text", out), analyzer)
    assert (summary.rows, summary.classified, summary.no_chinese) == (4, 2, 2)
    rows = list(csv.DictReader(open(out, encoding="utf-8-sig")))
    assert [r["sentiment"] for r in rows] == ["positive", "", "", "negative"]
    assert main(["analyze", "--file", str(src), "--out", str(out), "--model", str(analyzer.config.model)]) == 0
    assert "2 without Chinese (not classified)" in capsys.readouterr().err


def test_column_guesses_read_names_as_words_and_look_at_the_values(tmp_path):
    from core.analysis.batch import sample_rows

    assert guess_date_column(["sentiment", "candidate", "lifetime_value", "created_at"]) == "created_at"
    assert guess_date_column(["createdAt"]) == "createdAt" and guess_date_column(["发布时间"]) == "发布时间"
    src = tmp_path / "a.csv"
    src.write_text("id,评价,date,时间\n1,房间很好,pos,2024-03-05\n2,很差,neg,2024年3月6日\n", encoding="utf-8")
    columns, sample = read_columns(src), sample_rows(src)
    assert guess_text_column(columns, sample) == "评价"
    assert guess_date_column(columns, sample) == "时间"  # "date" holds labels, not dates
    src.write_text("id,body_zh\n1,房间很好\n", encoding="utf-8")
    assert guess_text_column(read_columns(src), sample_rows(src)) == "body_zh"


def test_a_broken_jsonl_line_is_skipped_and_reported(tmp_path, analyzer, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "房间很好，满意"}\n{"text": "很差\n{"text": "很差，失望"}\n', encoding="utf-8")
    summary = run_batch(BatchJob(src, "text", tmp_path / "o.csv"), analyzer)
    assert summary.rows == 2 and summary.bad_lines == [2] and "not valid JSON" in summary.bad_reason
    with pytest.raises(TableError, match=":2: not valid JSON"):
        list(iter_rows(src))
    assert main(["analyze", "--file", str(src), "--out", str(tmp_path / "o.csv"),
                 "--model", str(analyzer.config.model)]) == 0
    assert "skipped 1 unreadable line(s): 2" in capsys.readouterr().err


def test_a_json_array_file_reads_like_jsonl(tmp_path):
    src = tmp_path / "a.json"
    src.write_text(json.dumps([{"text": "好", "n": 1}, {"text": "差"}], ensure_ascii=False, indent=1),
                   encoding="utf-8")
    assert read_columns(src) == ["text", "n"]
    assert [(r.line, r.values["text"]) for r in iter_rows(src)] == [(1, "好"), (2, "差")]
    src.write_text('[{"text": "好"}, 3]', encoding="utf-8")
    with pytest.raises(TableError, match="item 2"):
        list(iter_rows(src))


# --- bad input: formulas, unwritable outputs, bytes that are not UTF-8, ragged rows, signals ---


def test_formula_cells_are_neutralized_in_csv_and_tsv_but_not_jsonl(tmp_path, analyzer):
    from core.analysis.tabular import neutralize

    src = tmp_path / "in.csv"
    with open(src, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["note", "review"])
        w.writerow(['=HYPERLINK("http://x","点")', "房间很好"])
        w.writerow(["=cmd|' /C calc'!A0", "很差"])
        w.writerow(["\t=1+1", "好"])
        w.writerow(["-3", "+5"])
        w.writerow(["@SUM(A1)", "-很好"])
    for suffix in ("csv", "tsv"):
        out = tmp_path / f"out.{suffix}"
        run_batch(BatchJob(src, "review", out), analyzer)
        text = out.read_text(encoding="utf-8-sig")
        assert "'=HYPERLINK" in text and "'=cmd" in text and "'@SUM" in text and "'-很好" in text
        assert "\n-3" in text and "+5" in text and "'-3" not in text   # numbers stay numbers
    raw = tmp_path / "raw.csv"
    run_batch(BatchJob(src, "review", raw, raw_cells=True), analyzer)
    assert list(csv.reader(open(raw, encoding="utf-8-sig")))[1][0] == '=HYPERLINK("http://x","点")'
    jsonl = tmp_path / "out.jsonl"
    run_batch(BatchJob(src, "review", jsonl), analyzer)
    assert json.loads(jsonl.read_text(encoding="utf-8").splitlines()[1])["note"].startswith("=cmd")
    assert neutralize("\r=1") == "'\r=1" and neutralize("好") == "好"


def test_the_cli_keeps_raw_cells_when_asked(tmp_path, tiny_model_dir):
    src = tmp_path / "in.csv"
    src.write_text("note,review\n=1+1,房间很好\n", encoding="utf-8")
    for flag, first in (([], "'=1+1"), (["--raw-cells"], "=1+1")):
        out = tmp_path / "o.csv"
        assert main(["analyze", "--model", str(tiny_model_dir), "--file", str(src),
                     "--column", "review", "--out", str(out), *flag]) == 0
        assert list(csv.reader(open(out, encoding="utf-8-sig")))[1][0] == first


def test_an_unwritable_output_is_one_line_and_exit_2(tmp_path, capsys):
    src = _csv(tmp_path / "in.csv", 3)
    for out in (tmp_path / "in.csv" / "o.csv", tmp_path):   # under a file; a folder
        assert main(["analyze", "--file", str(src), "--column", "review", "--out", str(out)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("error: ") and "Traceback" not in err and len(err.splitlines()) == 1


def test_an_unwritable_output_folder_is_one_line_and_exit_2(tmp_path):
    import os
    import subprocess
    import sys

    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    src = _csv(tmp_path / "in.csv", 3)
    done = subprocess.run([sys.executable, "-m", "core.cli", "analyze", "--file", str(src),
                           "--column", "review", "--out", str(folder / "o.csv")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "permission denied" in done.stderr


def test_text_that_is_not_utf8_is_one_line_and_exit_2(tmp_path):
    import os
    import subprocess
    import sys

    env = dict(os.environ, PYTHONIOENCODING="utf-8:strict")
    cmd = [sys.executable, "-m", "core.cli", "analyze"]
    by_stdin = subprocess.run([*cmd, "--stdin"], input=b"\xe5\xa5\xbd\xff\xfe", env=env,
                              capture_output=True, timeout=120)
    by_argv = subprocess.run([*cmd, os.fsdecode(b"\xe5\xa5\xbd\xff")], env=env,
                             capture_output=True, timeout=120)
    for done in (by_stdin, by_argv):
        assert done.returncode == 2, done.stderr
        err = done.stderr.decode()
        assert "not" in err and "UTF-8" in err and "Traceback" not in err
        assert len(err.strip().splitlines()) == 1


def test_ragged_rows_and_an_unclosed_quote_are_counted_and_reported(tmp_path, analyzer, capsys):
    src = tmp_path / "in.csv"
    src.write_text('id,review\n1,房间很好\n2,很差,多了一格\n3,"没关上的引号\n4,服务好\n5,很干净\n',
                   encoding="utf-8")
    bad: list[tuple[int, str]] = []
    rows = list(iter_rows(src, on_bad=lambda line, why: bad.append((line, why))))
    assert [r.values["id"] for r in rows] == ["1", "4", "5"]
    assert [line for line, _ in bad] == [3, 4]
    assert "3 field(s)" in bad[0][1] and "quote" in bad[1][1]
    with pytest.raises(TableError, match="in.csv:3"):
        list(iter_rows(src))
    tsv = tmp_path / "in.tsv"
    tsv.write_text("id\treview\n1\t好\n2\t很好\t多\n", encoding="utf-8")
    bad.clear()
    assert len(list(iter_rows(tsv, on_bad=lambda line, why: bad.append((line, why))))) == 1
    assert bad[0][0] == 3
    summary = run_batch(BatchJob(src, "review", tmp_path / "o.csv"), analyzer)
    assert summary.rows == 3 and summary.bad_lines == [3, 4]
    assert main(["analyze", "--file", str(src), "--column", "review", "--out",
                 str(tmp_path / "o2.csv"), "--model", str(analyzer.config.model)]) == 0
    assert "skipped 2 unreadable line(s): 3, 4" in capsys.readouterr().err


@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
def test_sigterm_and_sighup_end_a_batch_with_the_partial_file_message(tmp_path, tiny_model_dir,
                                                                    signame):
    import signal
    import subprocess
    import sys
    import time

    src = _csv(tmp_path / "in.csv", 200_000)
    out = tmp_path / "o.csv"
    proc = subprocess.Popen([sys.executable, "-m", "core.cli", "analyze", "--file", str(src),
                             "--column", "review", "--out", str(out), "--model", str(tiny_model_dir)],
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while (not out.exists() or out.stat().st_size < 2000) and time.monotonic() < deadline:
        time.sleep(0.2)   # wait until rows are being written (not a timing assertion)
    proc.send_signal(getattr(signal, signame))
    err = proc.communicate(timeout=120)[1]
    assert proc.returncode == 128 + getattr(signal, signame)
    assert f"interrupted ({signame}): {out} holds the" in err and "Traceback" not in err
    rows = list(csv.DictReader(open(out, encoding="utf-8-sig")))
    assert rows and all(r["sentiment"] for r in rows)   # complete rows only


def test_analyze_prints_the_headline_verdict_mixed_for_a_review_that_praises_then_complains(
        capsys):
    from core import paths

    if not (paths.shipped_models_dir() / "sentiment-default" / "manifest.json").is_file():
        pytest.skip("the shipped sentiment model is not here")
    review = "酒店位置很好，早餐丰富。服务员很热情。但是房间隔音太差，空调也坏了。下次可能不会再来了。"
    assert main(["analyze", review]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("sentiment: mixed")


def test_batch_rows_carry_the_input_files_own_columns(analyzer, tmp_path):
    src = tmp_path / "r.csv"
    src.write_text("id,shop,review\n7,A店,房间很好\n8,B店,服务很差\n", encoding="utf-8")
    rows = []
    run_batch(BatchJob(src, text_column="review", output=tmp_path / "o.csv"), analyzer,
              on_chunk=lambda progress, chunk: rows.extend(chunk))
    assert [(r.values["id"], r.values["shop"]) for r in rows] == [("7", "A店"), ("8", "B店")]
