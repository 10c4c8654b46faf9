"""Fill the translations of yinzi_zh_CN.ts / yinzi_en.ts from a table: `python -m desktop.i18n.fill`.

Run `python -m desktop.i18n.build` first (extracts new strings), then this, then build again
(compiles). Strings already translated in the .ts and not in the table are left alone.
"""
from __future__ import annotations

import sys
import xml.etree.ElementTree as ET

ZH = {
 "&New": "新建(&N)", "&Open…": "打开(&O)…", "&Save": "保存(&S)", "Save &As…": "另存为(&A)…",
 "&Quit": "退出(&Q)", "Chinese mode\tShift": "中文模式\tShift", "Chinese punctuation\tCtrl+.": "中文标点\tCtrl+.",
 "&Settings…": "设置(&S)…", "User &dictionary…": "用户词典(&D)…", "&Batch analysis…": "批量分析(&B)…",
 "&About Yinzi": "关于音字(&A)", "&File": "文件(&F)", "Open &Recent": "最近打开(&R)", "&Input": "输入(&I)",
 "&Tools": "工具(&T)", "&View": "视图(&V)", "&Help": "帮助(&H)", "Analysis": "文本分析",
 "Text analysis is not available in this build.": "此版本不含文本分析。",
 "Input mode (Shift toggles)": "输入模式（Shift 切换）",
 "Chinese punctuation (Ctrl+. toggles)": "中文标点（Ctrl+. 切换）",
 "Model: {0} (loading {1}…)": "模型：{0}（正在加载 {1}…）",
 "Model: {0} (neural model unavailable)": "模型：{0}（神经模型不可用）",
 "Model: {0}": "模型：{0}", "{0:.1f} ms": "{0:.1f} 毫秒",
 "Last keystroke-to-candidates time": "最近一次按键到候选出现的时间",
 "Model loaded: {0}": "模型已加载：{0}",
 "Neural model not loaded ({0}); using the n-gram decoder": "神经模型未加载（{0}）；正在使用 n-gram 解码器",
 "Batch analysis": "批量分析", "Batch analysis is not available: {0}": "批量分析不可用：{0}",
 "About Yinzi": "关于音字",
 "<b>Yinzi (音字)</b><br>An offline pinyin input method with its own neural pinyin-to-hanzi model, and Chinese text analysis.<br>Decoder: {0}":
   "<b>音字 (Yinzi)</b><br>离线拼音输入法，自带神经网络拼音转汉字模型，并提供中文文本分析。<br>解码器：{0}",
 "Open text": "打开文本", "Text files (*.txt);;All files (*)": "文本文件 (*.txt);;所有文件 (*)",
 "{0} is not UTF-8 text.": "{0} 不是 UTF-8 文本。", "Could not open {0}: {1}": "无法打开 {0}：{1}",
 "Save text": "保存文本", "Could not save {0}: {1}": "无法保存 {0}：{1}", "Saved {0}": "已保存 {0}",
 "Untitled": "未命名", "{0}[*] — Yinzi 音字": "{0}[*] — 音字 Yinzi", "Unsaved changes": "未保存的更改",
 "Save the changes to this text?": "是否保存对此文本的更改？", "Restore unsaved text": "恢复未保存的文本",
 "The last session ended without saving. Restore its text?\n\n{0}": "上次会话未保存就结束了。要恢复其文本吗？\n\n{0}",
 "Settings": "设置", "Fuzzy pinyin (accept either sound)": "模糊音（两种读音都接受）",
 "Candidates per page": "每页候选数", "Chinese punctuation by default": "默认使用中文标点",
 "Start in Chinese mode": "启动时为中文模式", "System default font": "系统默认字体", "Editor font": "编辑器字体",
 "Font size": "字号", "None (n-gram decoder only)": "无（仅用 n-gram 解码器）", "user-trained": "用户训练",
 "shipped": "内置", "{0} (missing)": "{0}（缺失）", "Model": "模型",
 "Use the GPU (CUDA) when available": "有 GPU（CUDA）时使用", "Follow the system": "跟随系统", "Language": "界面语言",
 "User dictionary": "用户词典", "Search phrase or pinyin": "搜索词语或拼音", "Most used": "最常用",
 "Recently used": "最近使用", "Phrase": "词语", "Sort by": "排序", "Delete": "删除", "Export…": "导出…",
 "Import…": "导入…", "Clear all…": "全部清除…", "Import": "导入", "Could not import {0}: {1}": "无法导入 {0}：{1}",
 "Clear user dictionary": "清空用户词典", "Tab-separated values (*.tsv);;All files (*)": "制表符分隔文件 (*.tsv);;所有文件 (*)",
 "Export user dictionary": "导出用户词典", "Import user dictionary": "导入用户词典", "Pinyin": "拼音",
 "Count": "次数", "Last used": "最近使用",
}
ZH.update({
 "positive %p%": "积极 %p%", "Sentences": "句子", "Keywords": "关键词", "Pinyin": "拼音",
 "Sentiment unavailable": "情感分析不可用", "No sentiment model": "没有情感模型",
 "model: {0}": "模型：{0}", "Analysis failed": "分析失败",
 "Type or paste text to analyse": "输入或粘贴要分析的文本", "Batch analysis": "批量分析",
 "Open file…": "打开文件…", "No file": "未选择文件", "Run": "运行", "Cancel": "取消",
 "Export CSV…": "导出 CSV…", "Sentiment distribution": "情感分布",
 "Mean positive probability over time": "平均积极度随时间变化",
 "Pinyin of the first {0:,} of {1:,} characters.": "仅显示前 {0:,} 个字的拼音（共 {1:,} 字）。",
 "line": "行号", "sentiment": "情感", "probability": "概率", "positive": "积极度", "date": "日期", "text": "文本",
 "{0} positive": "积极 {0}", "{0} negative": "消极 {0}", "{0} neutral": "中性 {0}",
 "Sentences: {0} (mean positive {1:.0%})": "句子：{0}（平均积极度 {1:.0%}）",
 "Mean positive probability by day": "平均积极度（按日）",
 "Mean positive probability by week": "平均积极度（按周）",
 "Mean positive probability by month": "平均积极度（按月）",
 " ({0:,} without a readable date)": "（{0:,} 行日期无法识别）",
 "Text column:": "文本列：", "Date column:": "日期列：", "Open a file to analyse": "打开要分析的文件",
 "Tables and text (*.csv *.tsv *.txt *.jsonl *.json);;All files (*)": "表格和文本 (*.csv *.tsv *.txt *.jsonl *.json);;所有文件 (*)",
 "Cannot open file": "无法打开文件", "Loading the model…": "正在加载模型…",
 "Cancelling after this chunk…": "本批处理完后取消…", ", ETA {0}": "，预计剩余 {0}",
 "{0:,} / {1:,} rows · {2:,.0f} rows/s": "{0:,} / {1:,} 行 · {2:,.0f} 行/秒", "Cancelled": "已取消", "Done": "完成",
 " (table shows the first {0:,})": "（表格显示前 {0:,} 行）",
 "{0}: {1:,} rows in {2:.1f} s ({3:,.0f} rows/s){4}": "{0}：{1:,} 行，用时 {2:.1f} 秒（{3:,.0f} 行/秒）{4}",
 "Failed: {0}": "失败：{0}", "texts": "文本", "Export results": "导出结果", "CSV (*.csv)": "CSV (*.csv)",
 "Export failed": "导出失败",
 "Selection: {0:,} characters": "选中的文本：{0:,} 个字",
 "No Chinese characters: sentiment is read from Chinese text only": "没有汉字：只分析中文文本的情感",
 "(none)": "（无）", "The file has no data rows": "文件中没有数据行",
 " · {0:,} without sentiment (blank or no Chinese)": " · {0:,} 行无情感结果（空白或没有汉字）",
 " · {0:,} unreadable lines skipped ({1})": " · 跳过 {0:,} 行无法读取的内容（{1}）",
 "The results are already saved in {0}.": "结果已保存在 {0}。",
})
# (context, source) where one English word needs two translations: the table's "positive"
# column is the probability (积极度), the label is the class (积极).
ZH_IN_CONTEXT = {
 ("Sentiment", "positive"): "积极", ("Sentiment", "negative"): "消极", ("Sentiment", "neutral"): "中性",
}
ZH_PLURAL = {"%n phrase(s)": ["%n 个词语"], "Delete all %n learned phrase(s)? This cannot be undone.":
             ["删除全部 %n 个已学词语？此操作无法撤销。"], "Exported %n phrase(s)": ["已导出 %n 个词语"]}
EN_PLURAL = {"%n phrase(s)": ["%n phrase", "%n phrases"],
             "Delete all %n learned phrase(s)? This cannot be undone.":
             ["Delete the %n learned phrase? This cannot be undone.", "Delete all %n learned phrases? This cannot be undone."],
             "Exported %n phrase(s)": ["Exported %n phrase", "Exported %n phrases"]}

def fill(path, table, plural, in_context=None):
    tree = ET.parse(path)
    missing = []
    in_context = in_context or {}
    for context in tree.iter("context"):
        for msg in context.iter("message"):
            src = msg.find("source").text
            key = (context.find("name").text, src)
            tr = msg.find("translation")
            if tr.get("type") in ("vanished", "obsolete"):
                continue
            if msg.get("numerus") == "yes":
                forms = plural.get(src)
                if forms is None:
                    missing.append(src)
                    continue
                for child in list(tr):
                    tr.remove(child)
                tr.text = None
                for f in forms:
                    ET.SubElement(tr, "numerusform").text = f
                tr.attrib.pop("type", None)
            elif key in in_context or src in table:
                tr.text = in_context.get(key) or table[src]
                tr.attrib.pop("type", None)
            elif table and tr.get("type") == "unfinished":
                missing.append(src)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    with open(path, encoding="utf-8") as f:
        body = f.read()
    if "<!DOCTYPE TS>" not in body:
        body = body.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
        with open(path, "w", encoding="utf-8") as f:
            f.write(body)
    return missing

if __name__ == "__main__":
    from pathlib import Path

    d = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    print("zh missing:", fill(f"{d}/yinzi_zh_CN.ts", ZH, ZH_PLURAL, ZH_IN_CONTEXT))
    print("en missing:", fill(f"{d}/yinzi_en.ts", {}, EN_PLURAL))
