"""Labelled-data loading and validation: labels, bad rows with line numbers, refusals, splits."""
from __future__ import annotations

import json

import pytest

from trainer.sentiment.data import (
    DataError,
    Example,
    check_class_sizes,
    check_classes,
    check_held_out_classes,
    load_labelled,
    parse_label,
    remove_overlap,
    stratified_split,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("0", 0), ("1", 1), ("2", 2), ("pos", 1), ("NEG", 0), ("positive", 1), (" negative ", 0),
     ("neutral", 2), ("1.0", 1), ("正面", 1), ("负面", 0), ("yes", None), ("", None), ("3", None)],
)
def test_parse_label(raw, expected):
    assert parse_label(raw) == expected


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_bad_rows_are_listed_with_line_numbers_and_counted(tmp_path):
    rows = ["label\ttext"] + [f"{i % 2}\t好评{i}" for i in range(20)]
    rows.insert(3, "maybe\t说不清")      # line 4
    rows.insert(6, "1\t")                # line 7: empty text
    path = _write(tmp_path, "d.tsv", "\n".join(rows) + "\n")
    examples, report = load_labelled(path)
    assert len(examples) == 20
    assert report.rows == 22
    assert sum(report.bad_counts.values()) == 2
    lines = {b.line: b.reason for b in report.bad_examples}
    assert "unknown label" in lines[4]
    assert lines[7] == "empty text"
    assert "line 4" in report.summary()


def test_missing_column_names_the_columns_the_file_has(tmp_path):
    path = _write(tmp_path, "d.csv", "review,stars\n好,1\n")
    with pytest.raises(DataError, match="review, stars"):
        load_labelled(path)


def test_mostly_bad_file_is_refused_with_explanation(tmp_path):
    path = _write(tmp_path, "d.tsv", "label\ttext\n" + "".join(f"{i}\t文本{i}\n" for i in range(3, 13)))
    with pytest.raises(DataError, match="rows rejected"):
        load_labelled(path)


def test_empty_file_is_refused(tmp_path):
    path = _write(tmp_path, "d.tsv", "label\ttext\n")
    with pytest.raises(DataError, match="no data rows"):
        load_labelled(path)


def test_missing_file_is_a_data_error(tmp_path):
    with pytest.raises(DataError, match="no such file"):
        load_labelled(tmp_path / "nope.tsv")


def test_duplicates_kept_once_and_conflicts_dropped(tmp_path):
    path = _write(tmp_path, "d.tsv", "label\ttext\n1\t很好\n1\t很好\n0\t一般\n1\t一般\n0\t很差\n")
    examples, report = load_labelled(path)
    assert [e.text for e in examples] == ["很好", "很差"]
    assert report.duplicates == 1
    assert report.conflicts == 2
    assert "line 4: labelled negative: '一般'" in report.summary()
    assert "line 5: labelled positive: '一般'" in report.summary()


def test_tsv_quotes_do_not_glue_lines(tmp_path):
    path = _write(tmp_path, "d.tsv", 'label\ttext\n1\t"好书\n0\t差"评\n')
    examples, _ = load_labelled(path)
    assert [e.text for e in examples] == ['"好书', '差"评']


def test_csv_and_jsonl_with_chosen_columns(tmp_path):
    csv_path = _write(tmp_path, "d.csv", 'stars,body\npos,"好,真好"\nneg,太差\n')
    examples, _ = load_labelled(csv_path, text_column="body", label_column="stars")
    assert [(e.text, e.label) for e in examples] == [("好,真好", 1), ("太差", 0)]
    lines = [json.dumps({"y": y, "x": x}, ensure_ascii=False) for y, x in [(1, "喜欢"), (0, "讨厌")]]
    jl = _write(tmp_path, "d.jsonl", "\n".join(lines) + "\n")
    examples, _ = load_labelled(jl, text_column="x", label_column="y")
    assert [e.label for e in examples] == [1, 0]


def test_bad_json_line_reports_its_line(tmp_path):
    path = _write(tmp_path, "d.jsonl", '{"label": 1, "text": "好"}\n{oops\n')
    with pytest.raises(DataError, match=":2:"):
        load_labelled(path)


@pytest.mark.parametrize(
    ("labels", "result"),
    [([0, 1, 1], 2), ([0, 1, 2], 3), ([1, 1], "only one class"), ([0, 2], "neutral")],
)
def test_check_classes(labels, result):
    examples = [Example(f"t{i}", lab) for i, lab in enumerate(labels)]
    if isinstance(result, int):
        assert check_classes(examples) == result
    else:
        with pytest.raises(DataError, match=result):
            check_classes(examples)


def test_stratified_split_keeps_class_shares_and_is_disjoint():
    examples = [Example(f"t{i}", int(i % 4 == 0)) for i in range(400)]
    train, dev = stratified_split(examples, dev_fraction=0.1, seed=1)
    assert len(train) + len(dev) == 400
    assert not {e.text for e in train} & {e.text for e in dev}
    assert sum(e.label for e in dev) == 10  # 10 % of the 100 positives
    assert stratified_split(examples, dev_fraction=0.1, seed=1) == (train, dev)


def test_remove_overlap():
    train = [Example("a", 1), Example("b", 0)]
    assert remove_overlap(train, [Example("a", 1)]) == [Example("b", 0)]
    # the same review with other spacing, punctuation or width is the same review
    reviews = [Example("房间 很 干净，服务好！", 1), Example("房间很脏", 0)]
    assert remove_overlap(reviews, [Example("房间很干净 服务好", 1)]) == [Example("房间很脏", 0)]
    assert remove_overlap([Example("ＷＩＦＩ很快", 1)], [Example("wifi 很快。", 1)]) == []


def test_a_file_with_minus_one_reads_0_as_neutral(tmp_path):
    """-1/0/1 is a common scheme; read as 0/1/2 its neutral rows would train as negative."""
    path = _write(tmp_path, "s.tsv", "label\ttext\n-1\t很差\n0\t一般\n1\t很好\n1.0\t不错\n")
    examples, report = load_labelled(path)
    assert [e.label for e in examples] == [0, 2, 1, 1]
    assert "-1 = negative, 0 = neutral" in report.summary()
    plain, _ = load_labelled(_write(tmp_path, "p.tsv", "label\ttext\n0\t很差\n1\t很好\n"))
    assert [e.label for e in plain] == [0, 1]


def test_empty_and_unknown_labels_say_what_is_understood(tmp_path):
    rows = ["label\ttext"] + [f"{i % 2}\t好评{i}" for i in range(20)] + ["\t空标签", "maybe\t不知道"]
    _, report = load_labelled(_write(tmp_path, "d.tsv", "\n".join(rows) + "\n"))
    assert report.bad_counts["empty label"] == 1
    assert "labels understood: 0/1" in report.summary()


def test_a_stray_class_and_a_held_out_class_unknown_to_training_are_refused():
    train = [Example(f"t{i}", i % 2, i + 2, source="a.tsv") for i in range(40)] + [Example("x", 2, 99, source="a.tsv")]
    with pytest.raises(DataError, match=r"neutral has only 1 row \(line 99 of a.tsv\)"):
        check_class_sizes(train)
    check_class_sizes(train[:40])
    with pytest.raises(DataError, match="test.tsv has neutral rows, but the training data has only negative/positive"):
        check_held_out_classes(2, {"dev": train[:4], "test.tsv": [Example("y", 2)]})
