"""DESIGN.md's conversion protocol, checked against hand-computed cases: clauses, queries,
edit distance, char matches, exact/top-5, abbreviations, the latency sample, and `eval-ime`."""
from __future__ import annotations

import json
from dataclasses import fields

import pytest

from trainer.evaluation import ime
from trainer.evaluation.ime import (
    ImeReport,
    char_matches,
    clauses_of,
    edit_distance,
    evaluate,
    format_table,
    initials_query,
    p95,
    query_of,
    read_clauses,
    score_clauses,
)


@pytest.mark.parametrize(("lines", "expected"), [
    # any non-Han character ends a clause; single characters are dropped
    (["今天Hello世界，我们123走吧！a中b"], ["今天", "世界", "我们", "走吧"]),
    (["“北京大学”的学生。"], ["北京大学", "的学生"]),
    (["我们 是 中国人"], ["我们", "中国人"]),  # a space splits too
    (["Hello, world! 123 ok。"], []),  # all non-Han: no clause
    (["中", "a国b"], []),  # one character per run, on each line
    (["第一行", "第二行"], ["第一行", "第二行"]),  # clauses never join across lines
    (["㐀㐁好"], ["㐀㐁好"]),  # CJK extension A counts as Han
    ([], []),
])
def test_clauses_are_han_runs_of_two_or_more(lines: list[str], expected: list[str]) -> None:
    assert clauses_of(lines) == expected


@pytest.mark.parametrize(("clause", "query"), [
    ("中国", "zhongguo"),
    ("女人", "nvren"),     # ü is written v
    ("绿色", "lvse"),
    ("旅游", "lvyou"),
    ("去年", "qunian"),    # ü after q stays u
    ("西安", "xian"),      # no separator, even where the letters are ambiguous
    ("银行", "yinhang"),   # the phrase's reading of a heteronym
    ("长大", "zhangda"),
])
def test_query_is_toneless_pinyin_joined(clause: str, query: str) -> None:
    assert query_of(clause) == query


@pytest.mark.parametrize(("word", "query"), [
    ("北京大学", "bjdx"),
    ("中华", "zh"),       # zh, ch, sh give one letter
    ("长城", "cc"),
    ("上海", "sh"),
    ("女人", "nr"),
    ("绿色", "ls"),
])
def test_abbreviation_query_is_the_initial_letters(word: str, query: str) -> None:
    assert initials_query(word) == query


@pytest.mark.parametrize(("a", "b", "distance"), [
    ("", "", 0),
    ("abc", "", 3),
    ("", "ab", 2),
    ("kitten", "sitting", 3),
    ("北京", "北京市", 1),
    ("ABC", "BCA", 2),
    ("北京大学", "背景大学", 2),
])
def test_edit_distance(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b) == distance
    assert edit_distance(b, a) == distance


@pytest.mark.parametrize(("hyp", "ref", "matches"), [
    ("北京大学", "北京大学", 4),
    ("背景大学", "北京大学", 2),   # same length: position by position
    ("ABC", "BCA", 0),            # same length: positions, not edit distance (which gives 1)
    ("北京大学生", "北京大学", 3),  # top-1 one longer: 4 - 1
    ("北京", "北京大学", 2),        # top-1 two shorter: 4 - 2
    ("被禁大学生", "北京大学", 1),  # longer and wrong: distance 3 (2 substitutions, 1 insertion)
    ("", "北京", 0),               # no candidate at all
    ("你好你好你好", "北京", 0),     # floored at 0 (distance 6 > 2 characters)
])
def test_char_matches(hyp: str, ref: str, matches: int) -> None:
    assert char_matches(hyp, ref) == matches


# query -> candidates, best first
CANDIDATES = {
    "beijingdaxue": ["北京大学生", "北京大学"],   # top-1 longer than the reference
    "nvren": ["女人", "女仁"],                  # exact
    "lvse": [],                               # nothing
    "women": ["我门", "我们"],                  # same length, one character wrong
}
CLAUSES = ["北京大学", "女人", "绿色", "我们"]


def _convert(query: str) -> list[str]:
    return CANDIDATES[query]


def test_score_clauses_by_hand() -> None:
    seen: list[tuple[int, int]] = []
    match, exact, top5, chars, errors = score_clauses(CLAUSES, _convert,
                                                      lambda done, total: seen.append((done, total)))
    assert (match, exact, top5, chars) == (3 + 2 + 0 + 1, 1, 3, 10)
    assert errors == [("北京大学", "北京大学生"), ("绿色", ""), ("我们", "我门")]
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_top5_counts_the_first_five_candidates_only() -> None:
    fillers = ["一二", "三四", "五六", "七八", "九十", "百千"]
    fifth = score_clauses(["我们"], lambda q: fillers[:4] + ["我们"])
    sixth = score_clauses(["我们"], lambda q: fillers[:5] + ["我们"])
    assert fifth[:3] == (0, 0, 1) and sixth[:3] == (0, 0, 0)


def test_evaluate_by_hand(monkeypatch: pytest.MonkeyPatch) -> None:
    # the word sample comes from a segmenter; fix it so the abbreviation figures are by hand
    monkeypatch.setattr(ime, "abbreviation_words", lambda clauses, n, **_: ["北京", "中华", "绿色"][:n])
    abbr = {"bj": ["北京", "背景"], "zh": ["这会", "中华"], "ls": []}

    rep = evaluate("fake", CLAUSES, lambda q: abbr[q] if q in abbr else _convert(q))
    assert (rep.clauses, rep.chars, rep.abbr_words) == (4, 10, 3)
    assert rep.char_acc == pytest.approx(60.0)       # 6 of 10 characters
    assert rep.clause_exact == pytest.approx(25.0)   # 女人
    assert rep.top5 == pytest.approx(75.0)           # all but 绿色
    assert rep.abbr_top1 == pytest.approx(100 / 3)   # 北京
    assert rep.abbr_top5 == pytest.approx(200 / 3)   # 北京, 中华
    assert (rep.abbr_common_top1, rep.abbr_common_top5) == (rep.abbr_top1, rep.abbr_top5)
    assert rep.keystrokes == 0 and rep.latency_p95_ms == 0.0  # no typer: no latency figures


def test_evaluate_with_an_empty_abbreviation_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ime, "abbreviation_words", lambda clauses, n, **_: [])
    rep = evaluate("fake", CLAUSES, _convert)
    assert (rep.abbr_words, rep.abbr_top1, rep.abbr_top5) == (0, 0.0, 0.0)


def test_parallel_scoring_replaces_the_serial_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ime, "abbreviation_words", lambda clauses, n, **_: [])
    rep = evaluate("fake", CLAUSES, _convert, parallel=lambda cs: score_clauses(cs, _convert))
    assert (rep.char_acc, rep.clause_exact, rep.top5) == pytest.approx((60.0, 25.0, 75.0))


def test_latency_types_every_letter_of_an_even_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ime, "abbreviation_words", lambda clauses, n, **_: [])
    sessions: list[list[str]] = []

    def typer():
        session: list[str] = []
        sessions.append(session)
        return session.append

    # 4 clauses, 2 wanted: every second clause, each into a fresh session
    rep = evaluate("fake", CLAUSES, _convert, typer=typer, latency_clauses=2)
    assert ["".join(s) for s in sessions] == ["beijingdaxue", "lvse"]
    assert rep.keystrokes == 16
    assert 0.0 <= rep.latency_p50_ms <= rep.latency_p95_ms <= rep.latency_max_ms


def test_abbreviation_words_are_a_seeded_sample_of_short_words() -> None:
    clauses = ["北京大学的学生在图书馆学习", "今天天气很好", "我们一起去看电影"]
    words = ime.abbreviation_words(clauses, 100)
    assert words and len(set(words)) == len(words)
    assert all(2 <= len(w) <= 4 and any(w in c for c in clauses) for w in words)
    assert ime.abbreviation_words(clauses, 100) == words  # the same sample every run
    assert ime.abbreviation_words(clauses, 2) == words[:2]


def test_common_abbreviation_words_come_in_proportion_to_their_use() -> None:
    clauses = ["我们今天去图书馆"] * 50 + ["北京大学", "天气晴朗", "电影院"]
    firsts = [ime.abbreviation_words(clauses, 1, seed, common=True)[0] for seed in range(20)]
    assert firsts.count("我们") + firsts.count("今天") + firsts.count("图书馆") >= 17
    uniform = [ime.abbreviation_words(clauses, 1, seed)[0] for seed in range(20)]
    assert firsts != uniform
    words = ime.abbreviation_words(clauses, 100, common=True)
    assert len(set(words)) == len(words) and set(words) == set(ime.abbreviation_words(clauses, 100))


@pytest.mark.parametrize(("values", "expected"), [
    ([], 0.0),
    ([3.0], 3.0),
    ([1.0, 2.0], 1.95),
    ([float(v) for v in range(1, 22)], 20.0),
    ([float(v) for v in range(100, 0, -1)], 95.05),  # order does not matter
])
def test_p95_interpolates_between_ranks(values: list[float], expected: float) -> None:
    assert p95(values) == pytest.approx(expected)


def test_report_dict_and_table() -> None:
    rep = ImeReport("yinzi n-gram", clauses=3, char_acc=91.234, errors=[("北京", "背景")] * 80)
    d = rep.as_dict()
    assert set(d) == {f.name for f in fields(ImeReport)}
    assert len(d["errors"]) == 50 and len(rep.errors) == 80
    table = format_table([rep]).splitlines()
    assert table[0].split()[0] == "system" and set(table[1]) <= {"-", " "}
    assert table[2].startswith("yinzi n-gram") and "91.23" in table[2]


def test_read_clauses_with_a_limit(tmp_path) -> None:
    f = tmp_path / "t.txt"
    f.write_text("我们是中国人。今天天气很好！\nhello\n北京欢迎你\n", encoding="utf-8")
    assert read_clauses(f) == ["我们是中国人", "今天天气很好", "北京欢迎你"]
    assert read_clauses(f, limit=2) == ["我们是中国人", "今天天气很好"]


# --- the command, with the real shipped lexicon ----------------------------------------------

TEXT = "我们是中国人。今天天气很好！\nHello world, 123.\n北京大学的学生在图书馆学习。\n"


def test_eval_ime_command_writes_a_sane_report(tmp_path, capsys) -> None:
    from trainer.cli import main

    src, out = tmp_path / "in.txt", tmp_path / "report" / "ime.json"
    src.write_text(TEXT, encoding="utf-8")
    rc = main(["eval-ime", "--input", str(src), "--json", str(out), "--abbr-words", "5",
               "--latency-clauses", "2"])
    assert rc == 0
    rep = json.loads(out.read_text(encoding="utf-8"))
    assert set(rep) == {f.name for f in fields(ImeReport)}
    assert rep["system"] == "yinzi n-gram"
    clauses = ["我们是中国人", "今天天气很好", "北京大学的学生在图书馆学习"]
    assert rep["clauses"] == 3 and rep["chars"] == sum(map(len, clauses))
    # the figures agree with the errors the report lists (every other clause was exact)
    wrong = {ref: top for ref, top in rep["errors"]}
    assert set(wrong) <= set(clauses) and len(wrong) == 3 - round(rep["clause_exact"] * 3 / 100)
    matched = sum(char_matches(wrong[c], c) if c in wrong else len(c) for c in clauses)
    assert rep["char_acc"] == pytest.approx(100 * matched / rep["chars"])
    assert rep["clause_exact"] <= rep["top5"] <= 100
    assert rep["char_acc"] >= 80  # everyday sentences: the lexicon decoder gets nearly all
    assert 1 <= rep["abbr_words"] <= 5 and 0 <= rep["abbr_top1"] <= rep["abbr_top5"] <= 100
    # latency: every letter of clauses 0 and 1 (3 clauses // 2 wanted = every clause, first 2)
    assert rep["keystrokes"] == len(query_of(clauses[0]) + query_of(clauses[1]))
    assert 0 < rep["latency_p50_ms"] <= rep["latency_p95_ms"] <= rep["latency_max_ms"]
    printed = capsys.readouterr().out
    assert "yinzi n-gram" in printed and "char %" in printed


def test_eval_ime_command_refuses_a_file_without_clauses(tmp_path, capsys) -> None:
    from trainer.cli import main

    src = tmp_path / "latin.txt"
    src.write_text("only latin letters here\n中 文\n", encoding="utf-8")
    assert main(["eval-ime", "--input", str(src)]) == 2
    assert main(["eval-ime", "--input", str(tmp_path / "missing.txt")]) == 2
    err = capsys.readouterr().err
    assert "no Han clauses" in err and "no such file" in err


def test_eval_ime_only_sources_scores_those_lines_and_prints_them(tmp_path, capsys) -> None:
    from trainer.cli import main

    src, tsv, out = tmp_path / "in.txt", tmp_path / "src.tsv", tmp_path / "ime.json"
    src.write_text(TEXT, encoding="utf-8")
    tsv.write_text("".join(f"{s}\t{line}\n" for s, line in
                           zip(("news", "news", "web"), TEXT.splitlines())), encoding="utf-8")
    rc = main(["eval-ime", "--input", str(src), "--sources", str(tsv), "--only-sources", "news",
               "--json", str(out), "--abbr-words", "3", "--latency-clauses", "1"])
    assert rc == 0
    rep = json.loads(out.read_text(encoding="utf-8"))
    assert rep["clauses"] == 2   # 我们是中国人, 今天天气很好: the third line is "web"
    printed = capsys.readouterr().out
    assert "per source (fresh)" in printed and "news" in printed
    assert main(["eval-ime", "--input", str(src), "--sources", str(tsv),
                 "--only-sources", "nowhere"]) == 2
    assert main(["eval-ime", "--input", str(src), "--only-sources", "news"]) == 2
    err = capsys.readouterr().err
    assert "no such source" in err and "needs --sources" in err


class _FailingScorer:
    """A model whose scoring breaks: the engine drops it and goes on with the lexicon alone."""

    name, provider, rescore_weight = "broken", "CPUExecutionProvider", 0.1

    def score(self, context, paths):
        raise RuntimeError("session lost")


def test_eval_ime_reports_nothing_when_the_model_dropped_out(tmp_path, monkeypatch, capsys) -> None:
    import core.inference.p2c_scorer as p2c_scorer
    from trainer.cli import main

    monkeypatch.setattr(p2c_scorer, "load_p2c_scorer", lambda *a, **kw: _FailingScorer())
    src, out = tmp_path / "in.txt", tmp_path / "ime.json"
    src.write_text(TEXT, encoding="utf-8")
    rc = main(["eval-ime", "--input", str(src), "--model", str(tmp_path), "--json", str(out),
               "--abbr-words", "2", "--latency-clauses", "1"])
    assert rc == 1 and not out.exists()
    assert "the model failed during the evaluation" in capsys.readouterr().err


def test_context_items_carry_the_line_before_each_clause() -> None:
    items = ime.items_of(["今天天气很好，我们去公园。", "a北京b"])
    assert items == [("", "今天天气很好"), ("今天天气很好，", "我们去公园"), ("a", "北京")]
    assert [c for _, c in items[:2]] == clauses_of(["今天天气很好，我们去公园。"])
    assert ime.items_of(["中文ab英文"]) == [("", "中文"), ("中文ab", "英文")]


def test_per_source_figures_weakest_first(tmp_path) -> None:
    text, tsv = tmp_path / "d.txt", tmp_path / "s.tsv"
    text.write_text("我们走吧，好的\n北京欢迎你\n", encoding="utf-8")
    tsv.write_text("news\t我们走吧，好的\npoems\t北京欢迎你\n", encoding="utf-8")
    labels = ime.item_sources(text, tsv)
    assert labels == ["news", "news", "poems"]
    rows = ime.per_source([(4, 1, 1, 4), (1, 0, 1, 2), (3, 0, 0, 5)], labels)
    assert rows[0] == ("poems", 1, 60.0, 0.0)
    assert rows[1] == ("news", 2, pytest.approx(500 / 6), 50.0)


def test_prediction_hit_rate_at_word_boundaries() -> None:
    bounds = ime.prediction_boundaries(["我们去北京"])
    assert bounds[0][0] == "我们" and "".join(bounds[-1]) == "我们去北京"
    assert ime.prediction_hit_rate(bounds, lambda left: ["去", "北京"]) == 100.0
    assert ime.prediction_hit_rate(bounds, lambda left: []) == 0.0


def test_eval_ime_context_and_prediction_protocols(tmp_path, capsys) -> None:
    from trainer.cli import main

    src, out = tmp_path / "in.txt", tmp_path / "ime.json"
    src.write_text(TEXT, encoding="utf-8")
    rc = main(["eval-ime", "--input", str(src), "--json", str(out), "--abbr-words", "3",
               "--latency-clauses", "1", "--context", "--predictions"])
    assert rc == 0
    rep = json.loads(out.read_text(encoding="utf-8"))
    assert set(rep) == {"fresh", "context"}
    assert rep["fresh"]["clauses"] == rep["context"]["clauses"] == 3
    assert rep["fresh"]["pred_boundaries"] > 0
    assert 0 <= rep["fresh"]["pred_bigram_top5"] <= 100
    printed = capsys.readouterr().out
    assert "context" in printed and "next-word top-5" in printed


def test_a_peer_over_the_stdin_protocol(tmp_path) -> None:
    import sys

    script = tmp_path / "peer.py"
    script.write_text("import sys\nfor line in sys.stdin:\n"
                      "    q = line.strip()\n"
                      "    print('北京大学\\t北京大学|比较典型' if q == 'bjdx' else '', flush=True)\n",
                      encoding="utf-8")
    peer = ime.StdinPeer(f"{sys.executable} {script}")
    try:
        assert peer("bjdx") == ["北京大学", "比较典型"]
        assert peer("xx") == []
    finally:
        peer.close()
