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
# The fine-tune wizard (desktop/wizard/) and the model manager.
ZH.update({
 "&Train on my text…": "用我的文本训练(&T)…", "&Models…": "模型管理(&M)…",
 "Train on my text — Yinzi 音字": "用我的文本训练 — 音字 Yinzi",
 "What should Yinzi learn?": "要让音字学什么？",
 "Training runs on this computer; your text never leaves it.": "训练在这台电脑上进行，你的文本不会离开它。",
 "Type better in my domain": "在我的领域里打字更准",
 "Give Yinzi your own writing (documentation, notes, a novel…). It learns your words and phrases and adapts its pinyin-to-hanzi model, then shows how much better it types text like yours.":
   "给音字一些你自己写的文本（文档、笔记、小说……）。它会学习你的词语和短语，调整拼音转汉字模型，然后告诉你它打这类文本准了多少。",
 "Sentiment on my labelled data": "用我的标注数据训练情感模型",
 "Give Yinzi a table of texts with a label column (0/1, neg/pos, or with a neutral class). It trains a sentiment model for the analysis panel and `yinzi analyze`.":
   "给音字一个带标签列的文本表格（0/1、neg/pos，或含中性类）。它会为分析面板和 `yinzi analyze` 训练一个情感模型。",
 "The trainer (yinzi-train) was not found, so nothing can be trained yet. Install it: in a source checkout run `make setup` (or `pip install -e .[train]`), or put the yinzi-trainer bundle next to the app.":
   "找不到训练程序（yinzi-train），暂时无法训练。请安装：在源码目录运行 `make setup`（或 `pip install -e .[train]`），或把 yinzi-trainer 程序包放在本程序旁边。",
 "Trainer: {0}": "训练程序：{0}",
 "Add files…": "添加文件…", "Add folder…": "添加文件夹…", "Remove": "移除",
 "Your labelled data": "你的标注数据",
 "CSV, TSV or JSONL with a 'text' and a 'label' column (0/1, neg/pos, or -1/0/1). The trainer checks every row when training starts; problems appear on the next pages with their line numbers.":
   "CSV、TSV 或 JSONL，含 'text' 列和 'label' 列（0/1、neg/pos 或 -1/0/1）。训练开始时会逐行检查；发现的问题会连同行号显示在后面的页面上。",
 "File": "文件", "Size": "大小", "Your text": "你的文本",
 "Add files or folders of your own writing (.txt, .md, .csv, .tsv, .jsonl; any common encoding; Traditional characters are converted). A few hundred thousand characters help; a few million help more.":
   "添加你自己写的文件或文件夹（.txt、.md、.csv、.tsv、.jsonl；常见编码均可；繁体字会转换为简体）。几十万字就有帮助，几百万字效果更好。",
 "Lines": "行数", "Han characters": "汉字数", "Duplicates": "重复行", "Non-Chinese": "非中文",
 "Encoding": "编码", "Traditional": "繁体", "Problem": "问题", "Add files": "添加文件",
 "Text files ({0});;All files (*)": "文本文件 ({0});;所有文件 (*)", "Add folder": "添加文件夹",
 "No files yet: add files or folders.": "还没有文件：请添加文件或文件夹。",
 "Reading your files…": "正在读取你的文件…", "Sample lines": "示例行", "Problems ({0})": "问题（{0}）",
 "{0:,} KB": "{0:,} KB", "not a file": "不是文件", "Not a readable file: {0}": "无法读取的文件：{0}",
 "{0} file(s); their rows are checked when training starts.": "{0} 个文件；训练开始时会逐行检查。",
 "converted": "已转换",
 "{0:,} files · {1:,} lines · {2:,} Han characters · {3:,} duplicate lines": "{0:,} 个文件 · {1:,} 行 · {2:,} 个汉字 · {3:,} 行重复",
 "No Chinese text was found in these files.": "这些文件里没有找到中文。",
 "Too little text for a clear gain: {0}": "文本太少，效果不会明显：{0}",
 "This trainer cannot inspect files (it has no inspect-corpus command); update it. The files will be checked when training starts.":
   "这个训练程序不能预先检查文件（没有 inspect-corpus 命令），请更新它。训练开始时仍会检查文件。",
 "The trainer could not be started: {0}": "无法启动训练程序：{0}",
 "Reading the files failed: {0}": "读取文件失败：{0}",
 "Unfinished training": "未完成的训练",
 "A training run stopped before the end ({0}, step {1}, {2}).\n\nResume it from its last checkpoint?":
   "上次训练没有完成（{0}，第 {1} 步，{2}）。\n\n要从最近的检查点继续吗？",
 "Training is running": "正在训练",
 "Stop the training and close? It keeps a checkpoint; the next time you open the wizard it offers to resume.":
   "停止训练并关闭？训练会保存检查点，下次打开向导时可以继续。",
 "Browse…": "浏览…", "Hardware and preset": "硬件和训练时长",
 "Tick the GPUs to train on (several GPUs run one process each), or leave the CPU ticked.":
   "勾选用来训练的 GPU（多块 GPU 各运行一个进程），或保持勾选 CPU。",
 "Start training": "开始训练", "Train on": "训练设备", "How long to train": "训练多久", "Advanced": "高级",
 "the preset's": "按预设", "optional: a text file of general sentences": "可选：一个通用句子的文本文件",
 "Learning rate": "学习率", "Steps": "步数", "Batch size": "批大小", "Held out for the report": "留作评测的比例",
 "General check file": "通用检查文件", "Looking for GPUs…": "正在查找 GPU…",
 "CPU: {0} ({1} cores)": "CPU：{0}（{1} 核）", "processor": "处理器", "CPU": "CPU",
 "GPU {0}: {1} · {2:.1f} GB, {3:.1f} GB free": "GPU {0}：{1} · {2:.1f} GB，空闲 {3:.1f} GB",
 "{0} GPU(s) found (PyTorch {1}).": "找到 {0} 块 GPU（PyTorch {1}）。",
 "No GPU: this PyTorch ({0}) is built without CUDA. Training runs on the CPU.": "没有 GPU：这个 PyTorch（{0}）不支持 CUDA。将在 CPU 上训练。",
 "No CUDA GPU found. Training runs on the CPU.": "没有找到 CUDA GPU。将在 CPU 上训练。",
 "This trainer cannot list GPUs (no devices command); training runs on the CPU.": "这个训练程序不能列出 GPU（没有 devices 命令）；将在 CPU 上训练。",
 "Could not list GPUs ({0}); training runs on the CPU.": "无法列出 GPU（{0}）；将在 CPU 上训练。",
 "Quick": "快速", "Standard": "标准", "Thorough": "充分", "Tiny (a test run, no real gain)": "极小（测试用，没有实际提升）",
 "Estimates are typical figures (speed not measured).": "估计值为典型数值（未测速）。",
 "{0}: {1:,.0f} tokens/s": "{0}：{1:,.0f} 词元/秒",
 "Measured here: {0:,.0f} characters/s segmented; training {1}.": "本机实测：分词 {0:,.0f} 字/秒；训练 {1}。",
 "not measured": "未测", "Measuring this machine's speed for the estimates…": "正在测量本机速度以估计时间…",
 ", up to {0:.1f} M training tokens": "，最多约 {0:.1f} M 训练词元",
 "under a minute": "不到一分钟", "about {0:.0f} min": "约 {0:.0f} 分钟", "{0} — {1} (estimate)": "{0} — {1}（估计）",
 "The learning rate must be a number, e.g. 3e-4.": "学习率必须是数字，例如 3e-4。",
 "Training on several GPUs needs torchrun, which comes with PyTorch; it was not found next to the trainer or on PATH. Tick one GPU, or install PyTorch.":
   "多块 GPU 训练需要 torchrun（随 PyTorch 提供），但在训练程序旁边和 PATH 中都没有找到。请只勾选一块 GPU，或安装 PyTorch。",
 "Models — Yinzi 音字": "模型 — 音字 Yinzi", "Use for typing": "用于打字", "Rename…": "重命名…", "Delete…": "删除…",
 "Switch back to {0}": "切换回 {0}", "Switch back": "切换回去", "pinyin": "拼音", "sentiment": "情感",
 "yours": "你的", " — typing with it": " — 正在使用",
 "This model has no card.": "这个模型没有说明卡。", "Now typing with {0}.": "现在使用 {0} 打字。",
 "{0} is chosen; Yinzi uses it the next time it starts.": "已选择 {0}；音字下次启动时使用它。",
 "Renamed {0} to {1}.": "已将 {0} 重命名为 {1}。", "Deleted {0}.": "已删除 {0}。",
 "Typing falls back to {0}.": "打字改用 {0}。", "Rename model": "重命名模型", "New name for {0}:": "{0} 的新名称：",
 "Delete model": "删除模型", "Delete the model {0} and its files? This cannot be undone.": "删除模型 {0} 及其文件？此操作无法撤销。",
 "'{0}' cannot be a model name: avoid / \\ : * ? \" < > | and a leading dot (at most 64 characters).":
   "“{0}”不能用作模型名称：不要用 / \\ : * ? \" < > | 和开头的点（最多 64 个字符）。",
 "A model called '{0}' exists already: choose another name.": "已有名为“{0}”的模型：请换一个名称。",
 "There is no model called '{0}'.": "没有名为“{0}”的模型。",
 "'{0}' is not a pinyin model: it cannot be used for typing.": "“{0}”不是拼音模型，不能用于打字。",
 "'{0}' comes with Yinzi and cannot be renamed or deleted.": "“{0}”是音字自带的模型，不能重命名或删除。",
 "There is no previous model to switch back to.": "没有可以切换回去的上一个模型。",
 "{0} is not a model folder (no readable manifest.json).": "{0} 不是模型文件夹（没有可读的 manifest.json）。",
 "Copying the model failed: {0}": "复制模型失败：{0}",
 "What changed": "效果对比", "Measured on your held-out documents (never trained on) and on general text.":
   "在你留出的文档（从未用于训练）和通用文本上测得。",
 "Measure": "指标", "Before": "训练前", "After": "训练后", "Change": "变化", "characters right": "字准确率",
 "sentences exactly right": "整句准确率", "right in the top 5": "前 5 候选命中率", "General text": "通用文本",
 "No general check file was given, so only your text was measured.": "没有提供通用检查文件，所以只测了你的文本。",
 "Weight of your word layer: {0:g}.": "你的词语层权重：{0:g}。", "Now right ({0})": "改对了（{0}）",
 "Now wrong ({0})": "改错了（{0}）", "Before and after (%)": "训练前后对比（%）",
 "Scores of the new sentiment model on the data it did not train on.": "新情感模型在未参与训练的数据上的得分。",
 "Set": "数据集", "Accuracy": "准确率", "Macro-F1": "宏平均 F1", "The trainer wrote no scores (report.json).": "训练程序没有写出得分（report.json）。",
 "Training": "训练", "Training loss": "训练损失", "Held-out accuracy (char %)": "留出文本字准确率（%）",
 "Resume": "继续训练", "Continue": "继续", "Pause": "暂停",
 "Pausing is not supported on this system": "此系统不支持暂停",
 "Starting the trainer…": "正在启动训练程序…",
 "Pausing is not supported on this system; Cancel keeps a checkpoint.": "此系统不支持暂停；取消会保存检查点。",
 "Training…": "正在训练…", "Paused": "已暂停", "Stopping at a checkpoint…": "正在保存检查点并停止…",
 "Could not save the run's state: {0}": "无法保存训练状态：{0}", "checkpoint at step {0}": "第 {0} 步的检查点",
 "data: {0} documents ({1} held out), {2:,} Han characters": "数据：{0} 篇文档（留出 {1} 篇），{2:,} 个汉字",
 "error: {0}": "错误：{0}", "resuming from the last checkpoint": "从最近的检查点继续",
 "Reading your text": "正在读取你的文本", "Setting aside held-out documents": "正在留出评测文档",
 "Building your word layer": "正在建立你的词语层", "Adapting the neural model": "正在调整神经模型",
 "Exporting the model": "正在导出模型", "Tuning on held-out text": "正在用留出文本调参",
 "Measuring before and after": "正在测量训练前后的效果", "Writing the model folder": "正在写入模型文件夹",
 "Step {0:,} / {1:,}": "第 {0:,} / {1:,} 步", "Loss {0:.3f}": "损失 {0:.3f}", "{0:,.0f} tokens/s": "{0:,.0f} 词元/秒",
 "ETA {0}": "预计剩余 {0}", "Elapsed {0}": "已用时 {0}", "Finished.": "完成。",
 "Training finished. Next shows what changed.": "训练完成。下一步查看效果对比。",
 "This trainer has no 'adapt' command: it is older than this wizard. Update the trainer.":
   "这个训练程序没有 'adapt' 命令：它比本向导旧。请更新训练程序。",
 " Resume continues from the checkpoint at step {0}.": "“继续训练”会从第 {0} 步的检查点接着训练。",
 " Resume starts again from the beginning of the interrupted stage.": "“继续训练”会从中断阶段的开头重新开始。",
 "Cancelled at step {0}.": "已在第 {0} 步取消。",
 "The training process stopped unexpectedly (it was killed or crashed).": "训练进程意外停止（被终止或崩溃）。",
 "The trainer exited with code {0}.": "训练程序退出，代码 {0}。",
 "Training finished. Next shows the scores.": "训练完成。下一步查看得分。", "Cancelled.": "已取消。",
 "The data checks failed:": "数据检查未通过：", "Stopped.": "已停止。",
 "Use it": "使用模型", "Model name": "模型名称", "Manage models…": "管理模型…",
 "Keep the sentiment model with your models; `yinzi analyze --model NAME_OR_FOLDER` uses it.":
   "把情感模型保存到你的模型中；`yinzi analyze --model 名称或文件夹` 可以使用它。",
 "Keep this model": "保存这个模型",
 "Yinzi keeps the model you type with now, so you can switch back at any time in the model manager.":
   "音字会保留你现在使用的模型，随时可以在模型管理中切换回去。",
 "Use this model for typing": "用这个模型打字", "Trained model: {0}": "训练好的模型：{0}",
 "Kept as '{0}' in {1}.": "已保存为“{0}”，位于 {1}。", "Yinzi now types with '{0}'.": "音字现在使用“{0}”打字。",
 "'{0}' is now your typing model; Yinzi uses it the next time it starts.": "“{0}”现在是你的打字模型；音字下次启动时使用它。",
 " The previous model ({0}) is kept.": "之前的模型（{0}）已保留。",
 "; on a CPU it builds your word layer only": "；在 CPU 上只建立你的词语层",
 "This trainer does not understand {0}: start over and clear those advanced settings, or update the trainer.":
   "这个训练程序不认识 {0}：请重新开始并清除这些高级设置，或更新训练程序。",
 "Start over with other settings": "换个设置重新开始",
 "Stop now": "立即停止",
 "unreadable event {0}: {1}": "无法读取的事件 {0}：{1}",
 "Could not prepare the run's folder: {0}": "无法准备训练文件夹：{0}",
 "Could not create the run's folder {0}: {1}": "无法创建训练文件夹 {0}：{1}",
 "about 200,000 Han characters make a useful word layer, a few million let the neural model adapt too.":
   "大约 20 万个汉字就能建立有用的词语层，几百万字还能让神经模型一起调整。",
 "{0}: {1}": "{0}：{1}", "characters": "字", "sentences": "整句", "top 5": "前 5", "{0}, before": "{0}·训练前", "{0}, after": "{0}·训练后",
 "The training runs in a process of its own: closing this window asks first, and a stopped run can be resumed.":
   "训练在独立的进程中运行：关闭此窗口前会先询问，停止的训练可以继续。",
 "{0} ({1}, {2}){3}": "{0}（{1}，{2}）{3}", "<b>{0}</b><br>{1}": "<b>{0}</b><br>{1}",
})
# Everyday habits: the Edit and Help menus, find and replace, zoom, theme, paging keys, the
# analysis headline and the batch table's own columns.
ZH.update({
 "Analysing…": "正在分析…", "Loading the sentiment model…": "正在加载情感模型…",
 "Exported {0:,} rows to {1}": "已导出 {0:,} 行到 {1}",
 "Find and replace": "查找和替换", "Find:": "查找：", "Replace with:": "替换为：", "Match case": "区分大小写",
 "Search backwards": "向前查找", "&Find next": "查找下一个(&F)", "&Replace": "替换(&R)",
 "Replace &all": "全部替换(&A)", "Close": "关闭", "Not found: {0}": "找不到：{0}", "Replaced {0}": "已替换 {0} 处",
 "&Keyboard shortcuts": "快捷键(&K)", "&Undo": "撤销(&U)", "&Redo": "重做(&R)", "Cu&t": "剪切(&T)",
 "&Copy": "复制(&C)", "&Paste": "粘贴(&P)", "Select &All": "全选(&A)", "&Find and replace…": "查找和替换(&F)…",
 "Zoom &in": "放大(&I)", "Zoom &out": "缩小(&O)", "&Reset zoom": "恢复原始大小(&R)", "&Edit": "编辑(&E)",
 "English mode types ASCII punctuation; Chinese punctuation (Ctrl+. toggles) applies in Chinese mode":
   "英文模式输入英文标点；中文标点（Ctrl+. 切换）在中文模式下生效",
 "Settings are not saved (the config folder refused them); they apply until you quit.":
   "设置未能保存（配置文件夹不可写）；在退出前仍然有效。",
 "<b>Yinzi (音字)</b> {0}<br>An offline pinyin input method with its own neural pinyin-to-hanzi model, and Chinese text analysis.<br>Decoder: {1}":
   "<b>音字 (Yinzi)</b> {0}<br>离线拼音输入法，自带神经网络拼音转汉字模型，并提供中文文本分析。<br>解码器：{1}",
 "Switch between Chinese and English mode": "切换中文／英文模式", "Chinese or ASCII punctuation": "中文或英文标点",
 "Space / 1-9": "空格 / 1-9", "Commit the first / a numbered candidate": "上屏第一个／对应编号的候选",
 "Commit the letters as typed": "按原样上屏字母", "Cancel the composition": "取消输入",
 "Previous / next page of candidates": "候选上一页／下一页", "Ctrl+wheel": "Ctrl+滚轮", "Zoom the editor": "缩放编辑器",
 "Keyboard shortcuts": "快捷键", "Zoom: {0} pt": "缩放：{0} 磅", "row": "序号", "line {0} of the file": "文件第 {0} 行",
 "Page candidates with , . - =": "用 , . - = 翻页",
 "When off, these keys commit the first candidate and type the punctuation.": "关闭时，这些键会上屏第一个候选并输入标点。",
 "Suggest the next word after a commit": "上屏后联想下一个词", "Ctrl+= and Ctrl+- change it from the editor": "在编辑器中用 Ctrl+= 和 Ctrl+- 调整",
 "Editor zoom": "编辑器缩放", "Light": "浅色", "Dark": "深色", "Theme": "外观",
})
# The user dictionary window's custom phrases and background import.
ZH.update({
 "Key": "缩写", "Text": "文本", "Key, e.g. dz": "缩写，例如 dz", "Text it types, e.g. your address": "输出的文本，例如你的地址",
 "Add": "添加", "Save changes": "保存修改", "Built in: {0}": "内置：{0}", "Export": "导出", "Cancel import": "取消导入",
 "Learned words": "已学词语", "Custom phrases": "自定义短语", "Could not export to {0}: {1}": "无法导出到 {0}：{1}",
 "Importing…": "正在导入…", "Import cancelled; nothing was changed": "已取消导入；没有任何更改",
})
# (context, source) where one English word needs two translations: the table's "positive"
# column is the probability (积极度), the label is the class (积极).
ZH_IN_CONTEXT = {
 ("Sentiment", "positive"): "积极", ("Sentiment", "negative"): "消极", ("Sentiment", "neutral"): "中性",
 ("Sentiment", "mixed"): "褒贬不一",
}
ZH_PLURAL = {"Imported %n phrase(s)": ["已导入 %n 个短语"], "%n phrase(s)": ["%n 个词语"], "Delete all %n learned phrase(s)? This cannot be undone.":
             ["删除全部 %n 个已学词语？此操作无法撤销。"], "Exported %n phrase(s)": ["已导出 %n 个词语"]}
EN_PLURAL = {"Imported %n phrase(s)": ["Imported %n phrase", "Imported %n phrases"],
             "%n phrase(s)": ["%n phrase", "%n phrases"],
             "Delete all %n learned phrase(s)? This cannot be undone.":
             ["Delete the %n learned phrase? This cannot be undone.", "Delete all %n learned phrases? This cannot be undone."],
             "Exported %n phrase(s)": ["Exported %n phrase", "Exported %n phrases"]}

# Storage faults said in the status bar.
ZH.update({
 "Learned words are not being saved: {0}": "学到的词暂时无法保存：{0}",
 "Chinese input is unavailable: {0}": "中文输入不可用：{0}",
 "The user dictionary was damaged: {0} words were recovered; the old file is {1}":
   "用户词库已损坏：已恢复 {0} 个词，原文件在 {1}",
})

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
