"""What the extra corpus takes from each repository, and how a file becomes clean lines.

Poetry and classics come from chinese-poetry/chinese-poetry as JSON: a poem is any object with
a list of strings under `paragraphs`, `para` or `content`. Word lists come from
thunlp/THUOCL (word, document frequency) and OpenCC's phrase dictionary (words only).
Only well-known anthologies and the most-read authors are taken: the whole collection (about
a million poems) would swamp the everyday text the engine is built for.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from mirror import Mirror

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
HAN_ONLY = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff]+$")
# Editorial notes inside a line: （一作…）, [1], 〔…〕, 【…】.
_NOTES = re.compile(r"（[^）]*）|\([^)]*\)|〔[^〕]*〕|\[[^\]]*\]|【[^】]*】|｛[^｝]*｝")
# Linked verse names its author after a dash: 潤色鴻業寄賢才，——李顯
_ATTRIBUTION = re.compile(r"——[^，。！？；]*$")
# Placeholders for lost characters, and markers of garbled text in the collection.
_BROKEN = re.compile(r"[□■○◎�]")
_TEXT_KEYS = ("paragraphs", "para", "content")
# The four classic novels are reserved for evaluation: never take a work that names them.
RESERVED_TITLES = ("红楼梦", "紅樓夢", "西游记", "西遊記", "三国演义", "三國演義", "水浒", "水滸")


@dataclass(frozen=True)
class PoetryFile:
    """One file of chinese-poetry and how to take it."""

    name: str                         # output file stem and provenance key
    paths: tuple[str, ...]            # files, or folders whose *.json files are read
    traditional: bool = False         # convert with OpenCC t2s
    authors: tuple[str, ...] = ()     # keep only poems by these (Simplified names)
    name_filter: str = ""             # regex a file name must match (folders only)
    anthology: bool = False           # famous anthology: held-out probe lines come from these
    lines_listed: bool = False        # every line is a listed word (anthologies' lines always are)
    what: str = ""


# Tang poets and Song ci writers whose work is most read and quoted (school canon).
TANG_POETS = ("李白", "杜甫", "白居易", "王维", "孟浩然", "李商隐", "杜牧", "王昌龄", "刘禹锡",
              "岑参", "高适", "韩愈", "柳宗元", "王之涣", "贺知章", "李贺", "张九龄", "陈子昂",
              "骆宾王", "王勃", "杨炯", "卢照邻", "韦应物", "孟郊", "贾岛", "元稹", "温庭筠",
              "张继", "崔颢", "王翰", "张若虚", "刘长卿", "李绅", "罗隐", "杜荀鹤", "韦庄",
              "李峤", "宋之问", "沈佺期", "綦毋潜", "常建", "祖咏", "王湾", "金昌绪", "李端")
SONG_CI_WRITERS = ("苏轼", "辛弃疾", "李清照", "柳永", "欧阳修", "晏殊", "晏几道", "秦观",
                   "周邦彦", "陆游", "岳飞", "姜夔", "范仲淹", "王安石", "黄庭坚", "贺铸", "张先",
                   "陈亮", "文天祥", "朱敦儒", "张孝祥", "吴文英", "蒋捷", "叶梦得", "张元干",
                   "李之仪", "宋祁", "范成大", "杨万里", "朱淑真", "王观", "史达祖", "刘过")

POETRY_FILES: tuple[PoetryFile, ...] = (
    PoetryFile("tang300", ("全唐诗/唐诗三百首.json",), traditional=True, anthology=True,
               what="唐诗三百首"),
    PoetryFile("song_ci300", ("宋词/宋词三百首.json",), anthology=True, what="宋词三百首"),
    PoetryFile("qianjiashi", ("蒙学/qianjiashi.json",), traditional=True, anthology=True,
               what="千家诗"),
    PoetryFile("tang_poets", ("御定全唐詩/json",), traditional=True, authors=TANG_POETS,
               name_filter=r"^\d+\.json$", what="御定全唐诗, poems by the most-read Tang poets"),
    PoetryFile("song_ci_writers", ("宋词",), authors=SONG_CI_WRITERS,
               name_filter=r"^ci\.song\.\d+\.json$", what="全宋词, ci by the most-read writers"),
    PoetryFile("wudai_nantang", ("五代诗词/nantang/poetrys.json",), what="南唐二主词 (李煜, 李璟) and 冯延巳"),
    PoetryFile("nalan", ("纳兰性德/纳兰性德诗集.json",), what="纳兰性德诗集"),
    PoetryFile("caocao", ("曹操诗集/caocao.json",), what="曹操诗集"),
    PoetryFile("shijing", ("诗经/shijing.json",), lines_listed=True, what="诗经"),
    PoetryFile("chuci", ("楚辞/chuci.json",), what="楚辞"),
    PoetryFile("lunyu", ("论语/lunyu.json",), what="论语"),
    PoetryFile("sishu", ("四书五经/daxue.json", "四书五经/zhongyong.json", "四书五经/mengzi.json"),
               traditional=True, what="大学, 中庸, 孟子"),
    PoetryFile("mengxue", ("蒙学/sanzijing-new.json", "蒙学/qianziwen.json", "蒙学/dizigui.json",
                           "蒙学/zengguangxianwen.json", "蒙学/shenglvqimeng.json",
                           "蒙学/youxueqionglin.json", "蒙学/zhuzijiaxun.json"),
               traditional=True, what="三字经, 千字文, 弟子规, 增广贤文, 声律启蒙, 幼学琼林, 朱子家训"),
    PoetryFile("guwenguanzhi", ("蒙学/guwenguanzhi.json",), traditional=True, what="古文观止"),
)


@dataclass
class Poem:
    title: str
    author: str
    lines: list[str] = field(default_factory=list)


def walk_poems(node: object, title: str = "", author: str = "") -> Iterator[Poem]:
    """Every object in a chinese-poetry JSON tree that holds a list of text lines."""
    if isinstance(node, list):
        for item in node:
            yield from walk_poems(item, title, author)
        return
    if not isinstance(node, dict):
        return
    title = str(node.get("title") or node.get("chapter") or node.get("rhythmic") or title)
    author = str(node.get("author") or author)
    for key in _TEXT_KEYS:
        value = node.get(key)
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            yield Poem(title, author, list(value))
        elif isinstance(value, list | dict):
            yield from walk_poems(value, title, author)


def clean_line(line: str, convert: Callable[[str], str] | None = None) -> str | None:
    """A poem line fit for training, or None: notes cut, Traditional converted, garbles dropped."""
    if convert is not None:
        line = convert(line)
    line = _ATTRIBUTION.sub("", _NOTES.sub("", line)).strip()
    line = re.sub(r"\s+", " ", line)
    if not line or _BROKEN.search(line):
        return None
    if len(HAN.findall(line)) < 2:
        return None
    return line


def normalise_author(author: str) -> str:
    """'（唐）孟浩然' and '先秦：左丘明 ' both name the poet after the dynasty."""
    author = re.sub(r"^[（(][^）)]*[）)]", "", author.strip())
    return author.split("：")[-1].strip()


def read_poetry(mirror: Mirror, spec: PoetryFile,
                convert: Callable[[str], str] | None) -> Iterator[tuple[str, Poem]]:
    """(path, poem) for every poem `spec` takes, converted to Simplified, authors filtered."""
    conv = convert if spec.traditional else None
    name_re = re.compile(spec.name_filter) if spec.name_filter else None
    for path in spec.paths:
        if path.endswith(".json"):
            files = [path]
        else:
            files = [p for p in mirror.list(path)
                     if p.endswith(".json") and (name_re is None or name_re.match(p.rsplit("/", 1)[-1]))]
        for f in files:
            for poem in walk_poems(json.loads(mirror.read(f))):
                if conv is not None:
                    poem.title, poem.author = conv(poem.title), conv(poem.author)
                if spec.authors and normalise_author(poem.author) not in spec.authors:
                    continue
                yield f, poem


# --- word lists -----------------------------------------------------------------------------

@dataclass(frozen=True)
class WordList:
    """A THUOCL category file: `word<TAB>document frequency` per line."""

    name: str
    path: str
    what: str


THUOCL_LISTS: tuple[WordList, ...] = (
    WordList("thuocl_chengyu", "data/THUOCL_chengyu.txt", "成语 idioms"),
    WordList("thuocl_poem", "data/THUOCL_poem.txt", "诗词 famous poem phrases and lines"),
    WordList("thuocl_lishimingren", "data/THUOCL_lishimingren.txt", "历史名人 historical names"),
    WordList("thuocl_diming", "data/THUOCL_diming.txt", "地名 place names"),
    WordList("thuocl_it", "data/THUOCL_IT.txt", "IT terms, apps, products"),
    WordList("thuocl_caijing", "data/THUOCL_caijing.txt", "财经 finance terms, companies"),
    WordList("thuocl_car", "data/THUOCL_car.txt", "汽车 car brands and models"),
    WordList("thuocl_food", "data/THUOCL_food.txt", "饮食 dishes and food"),
    WordList("thuocl_animal", "data/THUOCL_animal.txt", "动物 animals"),
    WordList("thuocl_medical", "data/THUOCL_medical.txt", "医学 medical terms"),
)
# Not taken: THUOCL_law.txt (statute titles; the corpus already holds 3.9 M characters of law,
# and its counts come from another scale, up to 13 M for 版权).


def read_thuocl(text: str, max_len: int) -> Iterator[tuple[str, int]]:
    """(word, document frequency) of Han-only words of 2..max_len characters."""
    for line in text.splitlines():
        parts = line.split()
        if len(parts) < 2 or not parts[-1].isdigit():
            continue
        word = parts[0].strip()
        # A frequency of 0 (rare species in the animal list) is no evidence of use.
        if 2 <= len(word) <= max_len and HAN_ONLY.match(word) and int(parts[-1]) > 0:
            yield word, int(parts[-1])


def read_opencc_phrases(text: str, max_len: int) -> Iterator[str]:
    """The Simplified keys of OpenCC's STPhrases.txt (`key<TAB>values`), Han-only, 2..max_len."""
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        word = line.split("\t", 1)[0].strip()
        if 2 <= len(word) <= max_len and HAN_ONLY.match(word):
            yield word


def read_title_list(text: str, max_len: int) -> Iterator[str]:
    """Words of a one-title-a-line list (zh.wiktionary's page titles): Han-only, 2..max_len, and
    written in GB 2312's characters. That charset is what keeps Simplified everyday words and
    drops the list's Japanese shinjitai (絵画, 鋳造法) and rare-character classical entries."""
    for line in text.splitlines():
        word = line.strip()
        if 2 <= len(word) <= max_len and HAN_ONLY.match(word):
            try:
                word.encode("gb2312")
            except UnicodeEncodeError:
                continue
            yield word
