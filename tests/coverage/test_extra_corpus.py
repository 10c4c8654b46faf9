"""The extra-corpus builder on small fixture repositories it writes itself."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts" / "coverage"
sys.path.insert(0, str(SCRIPTS))

import build_extra_corpus as bec  # noqa: E402
from mirror import Mirror  # noqa: E402
from sources import PoetryFile, clean_line  # noqa: E402

DEV_CLAUSE = "这一句评测文本决不能进入训练数据"


def _write(root: Path, path: str, data: object) -> None:
    f = root / path
    f.parent.mkdir(parents=True, exist_ok=True)
    f.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False),
                 encoding="utf-8")


@pytest.fixture()
def repos(tmp_path: Path) -> dict[str, Path]:
    poetry = tmp_path / "poetry"
    _write(poetry, "LICENSE", "MIT")
    _write(poetry, "tang/300.json", [
        {"author": "王之渙", "title": "登鸛雀樓",
         "paragraphs": ["白日依山盡，黃河入海流。", "欲窮千里目，更上一層樓。"]},
        {"author": "佚名", "title": "紅樓夢曲", "paragraphs": ["滿紙荒唐言，一把辛酸淚。"]},
        {"author": "佚名", "title": "殘篇", "paragraphs": ["□□春風起，花開滿□城。"]},
    ])
    _write(poetry, "ci/ci.song.0.json", [
        {"author": "苏轼", "rhythmic": "水调歌头",
         "paragraphs": ["明月几时有（一作：有），把酒问青天。", f"{DEV_CLAUSE}，但愿人长久。"]},
        {"author": "无名氏", "rhythmic": "某调", "paragraphs": ["无名之人写的一首词。"]},
    ])
    _write(poetry, "ci/README.md", "not json")
    _write(poetry, "shi/shijing.json", [
        {"author": "佚名", "title": "关雎", "paragraphs": ["关关雎鸠，在河之洲。", "君子好逑。"]}])
    thuocl = tmp_path / "thuocl"
    _write(thuocl, "LICENSE", "MIT")
    _write(thuocl, "data/THUOCL_chengyu.txt",
           "坚定不移\t54113\n画蛇添足\t 800\nabc词\t5\n守株待兔\t3\n对牛弹琴\t0\n")
    _write(thuocl, "data/THUOCL_caijing.txt", "证券\t1934814\n小盘股\t20\n")
    _write(thuocl, "data/THUOCL_poem.txt", "更上一层楼\t4472\n")
    opencc = tmp_path / "opencc"
    _write(opencc, "LICENSE", "Apache")
    _write(opencc, "data/dictionary/STPhrases.txt", "# header\n一丝不苟\t一絲不苟\n画蛇添足\t畫蛇添足\n")
    dev = tmp_path / "dev.txt"
    dev.write_text(DEV_CLAUSE + "。\n", encoding="utf-8")
    return {"poetry": poetry, "thuocl": thuocl, "opencc": opencc, "dev": dev}


SPECS = (
    PoetryFile("tang", ("tang/300.json",), traditional=True, anthology=True),
    PoetryFile("ci", ("ci",), authors=("苏轼",), name_filter=r"^ci\.song\.\d+\.json$"),
    PoetryFile("shi", ("shi/shijing.json",), lines_listed=True),
)


def _build(repos: dict[str, Path], out: Path, **cfg: float) -> dict:
    return bec.build(Mirror(repos["poetry"], "chinese-poetry/chinese-poetry"),
                     Mirror(repos["thuocl"], "thunlp/THUOCL"),
                     Mirror(repos["opencc"], "BYVoid/OpenCC"),
                     out, [repos["dev"]], bec.ExtraConfig(**cfg), specs=SPECS)


def test_text_is_simplified_clean_and_free_of_evaluation_clauses(repos, tmp_path):
    out = tmp_path / "out"
    prov = _build(repos, out, holdout_fraction=0.0)
    tang = (out / "text" / "tang.txt").read_text(encoding="utf-8").splitlines()
    assert tang == ["白日依山尽，黄河入海流。", "欲穷千里目，更上一层楼。"]
    ci = (out / "text" / "ci.txt").read_text(encoding="utf-8").splitlines()
    assert ci == ["明月几时有，把酒问青天。"]          # note cut, dev line dropped, author kept
    assert prov["lines_dropped_for_evaluation_clauses"] == 1
    assert list(prov["excluded_clauses_from"]) == ["dev.txt"]   # no path of this machine
    by_name = {s["name"]: s for s in prov["sources"]}
    assert by_name["tang"]["dropped"]["reserved work (four classic novels)"] == 1
    assert by_name["tang"]["licence"] == "MIT"
    assert by_name["tang"]["commit"] is None      # a plain folder has no commit
    assert json.loads((out / "provenance.json").read_text(encoding="utf-8"))["totals"]["text_lines"] == 5   # tang 2, ci 1, shi 2


def test_words_are_scaled_capped_and_floored(repos, tmp_path):
    out = tmp_path / "out"
    _build(repos, out, holdout_fraction=0.0)
    rows = [line.split("\t") for line in (out / "words.tsv").read_text(encoding="utf-8").splitlines()]
    words = {w: (float(c), s) for w, c, s in rows}
    assert words["坚定不移"] == (50.0, "thuocl_chengyu")   # 541 capped
    assert words["画蛇添足"] == (8.0, "thuocl_chengyu")    # the larger of 0.01 * 800 and OpenCC's 1
    assert words["守株待兔"][0] == 5.0                     # an idiom's floor
    assert words["证券"][0] == 50.0
    assert words["小盘股"][0] == 1.0                       # any other list's floor
    assert "对牛弹琴" not in words                         # a frequency of 0 is no evidence
    assert words["一丝不苟"] == (1.0, "opencc_stphrases")
    assert "abc词" not in words
    assert words["更上一层楼"] == (44.72, "thuocl_poem")
    jieba_scale = (out / "words_jieba_scale.tsv").read_text(encoding="utf-8").splitlines()
    assert "坚定不移\t1000\tthuocl_chengyu" in jieba_scale   # 50 / 0.05


def test_anthology_lines_are_listed_as_words_and_other_poems_are_not(repos, tmp_path):
    out = tmp_path / "out"
    prov = _build(repos, out, holdout_fraction=0.0)
    rows = [line.split("\t") for line in (out / "words.tsv").read_text(encoding="utf-8").splitlines()]
    words = {w: (float(c), s) for w, c, s in rows}
    assert words["白日依山尽"] == (1.0, "famous_lines_tang")
    assert words["黄河入海流"] == (1.0, "famous_lines_tang")
    assert words["更上一层楼"] == (44.72, "thuocl_poem")     # already listed: keeps its count
    assert "把酒问青天" not in words                          # the ci source is no anthology
    assert words["关关雎鸠"] == (1.0, "famous_lines_shi")     # lines_listed: four characters
    assert "君子好逑" in words
    assert {s["name"]: s for s in prov["sources"]}["tang"]["words"] == 3


def test_held_out_poems_and_idioms_stay_out_of_training(repos, tmp_path):
    out = tmp_path / "out"
    prov = _build(repos, out, holdout_fraction=1.0)
    assert not (out / "text" / "tang.txt").exists()
    probe = (out / "probe" / "poem_lines.txt").read_text(encoding="utf-8").split()
    assert "白日依山尽，黄河入海流。" in probe
    held = set((out / "probe" / "idioms_heldout.txt").read_text(encoding="utf-8").split())
    assert {"坚定不移", "画蛇添足"} <= held
    listed = (out / "words.tsv").read_text(encoding="utf-8")
    assert "画蛇添足" not in listed and "坚定不移" not in listed   # not even from OpenCC
    assert "更上一层楼" not in listed                             # a line of a held-out poem
    assert prov["totals"]["probe"]["idioms_heldout"] == len(held)


def test_wiktionary_titles_join_at_the_floor_without_overriding_a_listed_count(repos, tmp_path):
    wikt = tmp_path / "wiktionary"
    _write(wikt, "dict/zhwiktionary/main/001.txt", "摆烂\n社牛\n絵画\n一\n坚定不移\nabc\n")
    _write(wikt, "dict/zhwiktionary/main/002.txt", "遥遥领先\n")
    _write(wikt, "dict/zhwiki/main/001.txt", "蛋仔派对\n")             # Wikipedia: not taken
    out = tmp_path / "out"
    prov = bec.build(Mirror(repos["poetry"], "chinese-poetry/chinese-poetry"),
                     Mirror(repos["thuocl"], "thunlp/THUOCL"), None, out, [repos["dev"]],
                     bec.ExtraConfig(), specs=SPECS,
                     wiktionary=Mirror(wikt, "zispace/hanzi-words-zhwiki"))
    rows = [line.split("\t") for line in (out / "words.tsv").read_text(encoding="utf-8").splitlines()]
    words = {w: (float(c), s) for w, c, s in rows}
    assert words["摆烂"] == (1.0, "zhwiktionary")
    assert words["遥遥领先"] == (1.0, "zhwiktionary")
    assert "絵画" not in words                               # Japanese form: not GB 2312
    assert "一" not in words and "蛋仔派对" not in words
    assert words["坚定不移"] == (50.0, "thuocl_chengyu")       # the idiom list's count stays
    rep = {s["name"]: s for s in prov["sources"]}["zhwiktionary"]
    assert (rep["words"], rep["files"], rep["licence"]) == (3, 2, "CC-BY-SA-4.0")
    assert rep["dropped"] == {"already listed": 1}


def test_the_shipped_build_holds_nothing_out(repos, tmp_path):
    out = tmp_path / "out"
    prov = _build(repos, out)                                   # the default configuration
    listed = (out / "words.tsv").read_text(encoding="utf-8")
    assert "画蛇添足" in listed and "白日依山尽" in listed
    assert prov["totals"]["probe"]["idioms_heldout"] == 0


def test_reads_a_bare_git_mirror_and_records_its_commit(tmp_path):
    work = tmp_path / "work"
    _write(work, "data/THUOCL_chengyu.txt", "画蛇添足\t800\n")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@e", "-C", str(work)]
    subprocess.run(["git", "init", "-q", str(work)], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "x"], check=True)
    bare = tmp_path / "bare"
    subprocess.run(["git", "clone", "-q", "--bare", str(work), str(bare)], check=True)
    m = Mirror(bare, "thunlp/THUOCL")
    assert m.read("data/THUOCL_chengyu.txt").startswith("画蛇添足")
    assert m.list("data") == ["data/THUOCL_chengyu.txt"]
    assert len(m.commit() or "") == 40
    with pytest.raises(FileNotFoundError):
        m.read("data/missing.txt")


def test_clean_line_drops_garbles_and_attributions():
    assert clean_line("潤色鴻業寄賢才，——李顯", lambda s: s.replace("潤", "润")) == "润色鴻業寄賢才，"
    assert clean_line("□□春风起") is None
    assert clean_line("〔注〕一") is None


def test_refuses_to_write_inside_the_repository(repos):
    assert bec.main(["--thuocl", str(repos["thuocl"]), "--out", str(bec.REPO / "tmp-extra")]) == 2


def test_merge_counts_sums_over_the_union_of_vocabularies():
    import numpy as np
    from build_variant_lexicon import merge_counts

    from core.lexicon.compile import CorpusCounts

    a = CorpusCounts(["<s>", "</s>", "明月", "光"], np.array([2, 2, 3, 1]),
                     np.array([0 * 4 + 2, 2 * 4 + 3]), np.array([2, 1]))
    b = CorpusCounts(["<s>", "</s>", "光", "床前"], np.array([1, 1, 4, 1]),
                     np.array([0 * 4 + 3, 3 * 4 + 2]), np.array([1, 1]))
    m = merge_counts(a, b, weight=0.5)
    assert m.words == ["<s>", "</s>", "明月", "光", "床前"]
    assert m.uni.tolist() == [2.5, 2.5, 3.0, 3.0, 0.5]
    V = 5
    pairs = {(int(c) // V, int(c) % V): float(n) for c, n in zip(m.codes, m.counts)}
    assert pairs == {(0, 2): 2.0, (2, 3): 1.0, (0, 4): 0.5, (4, 3): 0.5}
