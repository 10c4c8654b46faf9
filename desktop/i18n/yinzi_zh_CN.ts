<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnalysisPanel</name>
    <message>
        <location filename="../analysis_panel.py" line="172"/>
        <source>positive %p%</source>
        <translation>积极 %p%</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="198"/>
        <source>Sentences</source>
        <translation>句子</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="199"/>
        <source>Keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="200"/>
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="252"/>
        <source>Selection: {0:,} characters</source>
        <translation>选中的文本：{0:,} 个字</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="261"/>
        <source>Sentiment unavailable</source>
        <translation>情感分析不可用</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="275"/>
        <source>model: {0}</source>
        <translation>模型：{0}</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="276"/>
        <source>{0:.1f} ms</source>
        <translation>{0:.1f} 毫秒</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="286"/>
        <source>No Chinese characters: sentiment is read from Chinese text only</source>
        <translation>没有汉字：只分析中文文本的情感</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="287"/>
        <source>No sentiment model</source>
        <translation>没有情感模型</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="302"/>
        <source>{0} positive</source>
        <translation>积极 {0}</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="303"/>
        <source>{0} negative</source>
        <translation>消极 {0}</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="305"/>
        <source>{0} neutral</source>
        <translation>中性 {0}</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="307"/>
        <source>Sentences: {0} (mean positive {1:.0%})</source>
        <translation>句子：{0}（平均积极度 {1:.0%}）</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="326"/>
        <source>Pinyin of the first {0:,} of {1:,} characters.</source>
        <translation>仅显示前 {0:,} 个字的拼音（共 {1:,} 字）。</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="344"/>
        <source>Analysis failed</source>
        <translation>分析失败</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="360"/>
        <source>Type or paste text to analyse</source>
        <translation>输入或粘贴要分析的文本</translation>
    </message>
</context>
<context>
    <name>BatchWindow</name>
    <message>
        <location filename="../batch_window.py" line="210"/>
        <source>Batch analysis</source>
        <translation>批量分析</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="226"/>
        <source>Open file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="228"/>
        <source>No file</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="234"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="236"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="238"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="258"/>
        <source>Sentiment distribution</source>
        <translation>情感分布</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="263"/>
        <source>Mean positive probability over time</source>
        <translation>平均积极度随时间变化</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="272"/>
        <source>Text column:</source>
        <translation>文本列：</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="274"/>
        <source>Date column:</source>
        <translation>日期列：</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="315"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="339"/>
        <source>Open a file to analyse</source>
        <translation>打开要分析的文件</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="340"/>
        <source>Tables and text (*.csv *.tsv *.txt *.jsonl *.json);;All files (*)</source>
        <translation>表格和文本 (*.csv *.tsv *.txt *.jsonl *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="345"/>
        <source>Cannot open file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="364"/>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="375"/>
        <source>Cancelling after this chunk…</source>
        <translation>本批处理完后取消…</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="388"/>
        <source>, ETA {0}</source>
        <translation>，预计剩余 {0}</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="389"/>
        <source>{0:,} / {1:,} rows · {2:,.0f} rows/s</source>
        <translation>{0:,} / {1:,} 行 · {2:,.0f} 行/秒</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="400"/>
        <source>The file has no data rows</source>
        <translation>文件中没有数据行</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="402"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="402"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="403"/>
        <source> (table shows the first {0:,})</source>
        <translation>（表格显示前 {0:,} 行）</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="408"/>
        <source> · {0:,} without sentiment (blank or no Chinese)</source>
        <translation> · {0:,} 行无情感结果（空白或没有汉字）</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="410"/>
        <source> · {0:,} unreadable lines skipped ({1})</source>
        <translation> · 跳过 {0:,} 行无法读取的内容（{1}）</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="412"/>
        <source>{0}: {1:,} rows in {2:.1f} s ({3:,.0f} rows/s){4}</source>
        <translation>{0}：{1:,} 行，用时 {2:.1f} 秒（{3:,.0f} 行/秒）{4}</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="421"/>
        <source>Failed: {0}</source>
        <translation>失败：{0}</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="439"/>
        <source>texts</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="463"/>
        <source>Mean positive probability by day</source>
        <translation>平均积极度（按日）</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="464"/>
        <source>Mean positive probability by week</source>
        <translation>平均积极度（按周）</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="465"/>
        <source>Mean positive probability by month</source>
        <translation>平均积极度（按月）</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="467"/>
        <source> ({0:,} without a readable date)</source>
        <translation>（{0:,} 行日期无法识别）</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="525"/>
        <location filename="../batch_window.py" line="530"/>
        <source>Export results</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="526"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="531"/>
        <source>The results are already saved in {0}.</source>
        <translation>结果已保存在 {0}。</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="536"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="216"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="217"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="218"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="219"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="220"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="221"/>
        <source>Chinese mode	Shift</source>
        <translation>中文模式	Shift</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="222"/>
        <source>Chinese punctuation	Ctrl+.</source>
        <translation>中文标点	Ctrl+.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="223"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="224"/>
        <source>User &amp;dictionary…</source>
        <translation>用户词典(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="225"/>
        <source>&amp;Batch analysis…</source>
        <translation>批量分析(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="226"/>
        <source>&amp;About Yinzi</source>
        <translation>关于音字(&amp;A)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="227"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="228"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="229"/>
        <source>&amp;Input</source>
        <translation>输入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="230"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="231"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="232"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="233"/>
        <source>Analysis</source>
        <translation>文本分析</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="236"/>
        <source>Text analysis is not available in this build.</source>
        <translation>此版本不含文本分析。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="237"/>
        <source>Input mode (Shift toggles)</source>
        <translation>输入模式（Shift 切换）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="238"/>
        <source>Chinese punctuation (Ctrl+. toggles)</source>
        <translation>中文标点（Ctrl+. 切换）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="256"/>
        <source>Model: {0} (loading {1}…)</source>
        <translation>模型：{0}（正在加载 {1}…）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="258"/>
        <source>Model: {0} (neural model unavailable)</source>
        <translation>模型：{0}（神经模型不可用）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="260"/>
        <source>Model: {0}</source>
        <translation>模型：{0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="264"/>
        <location filename="../main_window.py" line="274"/>
        <source>{0:.1f} ms</source>
        <translation>{0:.1f} 毫秒</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="265"/>
        <source>Last keystroke-to-candidates time</source>
        <translation>最近一次按键到候选出现的时间</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="302"/>
        <source>Model loaded: {0}</source>
        <translation>模型已加载：{0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="314"/>
        <source>Neural model not loaded ({0}); using the n-gram decoder</source>
        <translation>神经模型未加载（{0}）；正在使用 n-gram 解码器</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="375"/>
        <source>Batch analysis</source>
        <translation>批量分析</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="376"/>
        <source>Batch analysis is not available: {0}</source>
        <translation>批量分析不可用：{0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="386"/>
        <source>About Yinzi</source>
        <translation>关于音字</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="387"/>
        <source>&lt;b&gt;Yinzi (音字)&lt;/b&gt;&lt;br&gt;An offline pinyin input method with its own neural pinyin-to-hanzi model, and Chinese text analysis.&lt;br&gt;Decoder: {0}</source>
        <translation>&lt;b&gt;音字 (Yinzi)&lt;/b&gt;&lt;br&gt;离线拼音输入法，自带神经网络拼音转汉字模型，并提供中文文本分析。&lt;br&gt;解码器：{0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="442"/>
        <location filename="../main_window.py" line="451"/>
        <location filename="../main_window.py" line="455"/>
        <source>Open text</source>
        <translation>打开文本</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="443"/>
        <location filename="../main_window.py" line="473"/>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="452"/>
        <source>{0} is not UTF-8 text.</source>
        <translation>{0} 不是 UTF-8 文本。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="456"/>
        <source>Could not open {0}: {1}</source>
        <translation>无法打开 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="472"/>
        <location filename="../main_window.py" line="481"/>
        <source>Save text</source>
        <translation>保存文本</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="482"/>
        <source>Could not save {0}: {1}</source>
        <translation>无法保存 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="489"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="516"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="517"/>
        <source>{0}[*] — Yinzi 音字</source>
        <translation>{0}[*] — 音字 Yinzi</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="530"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="530"/>
        <source>Save the changes to this text?</source>
        <translation>是否保存对此文本的更改？</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="561"/>
        <source>Restore unsaved text</source>
        <translation>恢复未保存的文本</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="562"/>
        <source>The last session ended without saving. Restore its text?

{0}</source>
        <translation>上次会话未保存就结束了。要恢复其文本吗？

{0}</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../batch_window.py" line="136"/>
        <source>line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="136"/>
        <source>sentiment</source>
        <translation>情感</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="136"/>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="136"/>
        <source>positive</source>
        <translation>积极度</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="137"/>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="137"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
</context>
<context>
    <name>Sentiment</name>
    <message>
        <location filename="../analysis_panel.py" line="45"/>
        <source>positive</source>
        <translation>积极</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="46"/>
        <source>negative</source>
        <translation>消极</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="47"/>
        <source>neutral</source>
        <translation>中性</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="39"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="43"/>
        <source>Fuzzy pinyin (accept either sound)</source>
        <translation>模糊音（两种读音都接受）</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="56"/>
        <source>Candidates per page</source>
        <translation>每页候选数</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="57"/>
        <source>Chinese punctuation by default</source>
        <translation>默认使用中文标点</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="60"/>
        <source>Start in Chinese mode</source>
        <translation>启动时为中文模式</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="66"/>
        <source>System default font</source>
        <translation>系统默认字体</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="72"/>
        <source>Editor font</source>
        <translation>编辑器字体</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="76"/>
        <source>Font size</source>
        <translation>字号</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="79"/>
        <source>None (n-gram decoder only)</source>
        <translation>无（仅用 n-gram 解码器）</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="81"/>
        <source>user-trained</source>
        <translation>用户训练</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="81"/>
        <source>shipped</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="85"/>
        <source>{0} (missing)</source>
        <translation>{0}（缺失）</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="88"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="89"/>
        <source>Use the GPU (CUDA) when available</source>
        <translation>有 GPU（CUDA）时使用</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="94"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="98"/>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
</context>
<context>
    <name>UserDictWindow</name>
    <message>
        <location filename="../user_dict_window.py" line="92"/>
        <source>User dictionary</source>
        <translation>用户词典</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="99"/>
        <source>Search phrase or pinyin</source>
        <translation>搜索词语或拼音</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="102"/>
        <source>Most used</source>
        <translation>最常用</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="102"/>
        <source>Recently used</source>
        <translation>最近使用</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="103"/>
        <source>Phrase</source>
        <translation>词语</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="107"/>
        <source>Sort by</source>
        <translation>排序</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="118"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="119"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="120"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="121"/>
        <source>Clear all…</source>
        <translation>全部清除…</translation>
    </message>
    <message numerus="yes">
        <location filename="../user_dict_window.py" line="150"/>
        <source>%n phrase(s)</source>
        <translation>
            <numerusform>%n 个词语</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../user_dict_window.py" line="169"/>
        <source>Delete all %n learned phrase(s)? This cannot be undone.</source>
        <translation>
            <numerusform>删除全部 %n 个已学词语？此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../user_dict_window.py" line="178"/>
        <source>Exported %n phrase(s)</source>
        <translation>
            <numerusform>已导出 %n 个词语</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="185"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="186"/>
        <source>Could not import {0}: {1}</source>
        <translation>无法导入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="208"/>
        <source>Clear user dictionary</source>
        <translation>清空用户词典</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="214"/>
        <source>Tab-separated values (*.tsv);;All files (*)</source>
        <translation>制表符分隔文件 (*.tsv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="216"/>
        <source>Export user dictionary</source>
        <translation>导出用户词典</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="219"/>
        <source>Import user dictionary</source>
        <translation>导入用户词典</translation>
    </message>
</context>
<context>
    <name>UserEntryModel</name>
    <message>
        <location filename="../user_dict_window.py" line="58"/>
        <source>Phrase</source>
        <translation>词语</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="58"/>
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="58"/>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="58"/>
        <source>Last used</source>
        <translation>最近使用</translation>
    </message>
</context>
</TS>
