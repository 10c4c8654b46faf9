<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnalysisPanel</name>
    <message>
        <location filename="../analysis_panel.py" line="150"/>
        <source>positive %p%</source>
        <translation>积极 %p%</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="171"/>
        <source>Sentences</source>
        <translation>句子</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="172"/>
        <source>Keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="173"/>
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="224"/>
        <source>Sentiment unavailable</source>
        <translation>情感分析不可用</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="226"/>
        <source>No sentiment model</source>
        <translation>没有情感模型</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="235"/>
        <source>model: {0} · {1:.1f} ms</source>
        <translation>模型：{0} · {1:.1f} 毫秒</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="249"/>
        <source>{0} positive</source>
        <translation>积极 {0}</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="250"/>
        <source>{0} negative</source>
        <translation>消极 {0}</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="252"/>
        <source>{0} neutral</source>
        <translation>中性 {0}</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="254"/>
        <source>Sentences: {0} (mean positive {1:.0%})</source>
        <translation>句子：{0}（平均积极度 {1:.0%}）</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="273"/>
        <source>Pinyin of the first {0:,} of {1:,} characters.</source>
        <translation>仅显示前 {0:,} 个字的拼音（共 {1:,} 字）。</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="287"/>
        <source>Analysis failed</source>
        <translation>分析失败</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="292"/>
        <source>Type or paste text to analyse</source>
        <translation>输入或粘贴要分析的文本</translation>
    </message>
</context>
<context>
    <name>BatchWindow</name>
    <message>
        <location filename="../batch_window.py" line="150"/>
        <source>Batch analysis</source>
        <translation>批量分析</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="166"/>
        <source>Open file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="168"/>
        <source>No file</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="171"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="173"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="175"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="195"/>
        <source>Sentiment distribution</source>
        <translation>情感分布</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="200"/>
        <source>Positive share over time</source>
        <translation>正面比例随时间变化</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="209"/>
        <source>Text column:</source>
        <translation>文本列：</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="211"/>
        <source>Date column:</source>
        <translation>日期列：</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="258"/>
        <source>Open a file to analyse</source>
        <translation>打开要分析的文件</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="259"/>
        <source>Tables and text (*.csv *.tsv *.txt *.jsonl *.json);;All files (*)</source>
        <translation>表格和文本 (*.csv *.tsv *.txt *.jsonl *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="264"/>
        <source>Cannot open file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="285"/>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="296"/>
        <source>Cancelling after this chunk…</source>
        <translation>本批处理完后取消…</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="309"/>
        <source>, ETA {0}</source>
        <translation>，预计剩余 {0}</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="310"/>
        <source>{0:,} / {1:,} rows · {2:,.0f} rows/s</source>
        <translation>{0:,} / {1:,} 行 · {2:,.0f} 行/秒</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="320"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="320"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="321"/>
        <source> (table shows the first {0:,})</source>
        <translation>（表格显示前 {0:,} 行）</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="322"/>
        <source>{0}: {1:,} rows in {2:.1f} s ({3:,.0f} rows/s){4}</source>
        <translation>{0}：{1:,} 行，用时 {2:.1f} 秒（{3:,.0f} 行/秒）{4}</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="331"/>
        <source>Failed: {0}</source>
        <translation>失败：{0}</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="348"/>
        <source>texts</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="370"/>
        <source>Positive share by day</source>
        <translation>积极比例（按日）</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="370"/>
        <source>Positive share by week</source>
        <translation>积极比例（按周）</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="371"/>
        <source>Positive share by month</source>
        <translation>积极比例（按月）</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="373"/>
        <source> ({0:,} without a readable date)</source>
        <translation>（{0:,} 行日期无法识别）</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="418"/>
        <source>Export results</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="419"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="424"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="214"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="215"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="216"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="217"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="218"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="219"/>
        <source>Chinese mode	Shift</source>
        <translation>中文模式	Shift</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="220"/>
        <source>Chinese punctuation	Ctrl+.</source>
        <translation>中文标点	Ctrl+.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="221"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="222"/>
        <source>User &amp;dictionary…</source>
        <translation>用户词典(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="223"/>
        <source>&amp;Batch analysis…</source>
        <translation>批量分析(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="224"/>
        <source>&amp;About Yinzi</source>
        <translation>关于音字(&amp;A)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="225"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="226"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="227"/>
        <source>&amp;Input</source>
        <translation>输入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="228"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="229"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="230"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="231"/>
        <source>Analysis</source>
        <translation>文本分析</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="234"/>
        <source>Text analysis is not available in this build.</source>
        <translation>此版本不含文本分析。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="235"/>
        <source>Input mode (Shift toggles)</source>
        <translation>输入模式（Shift 切换）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="236"/>
        <source>Chinese punctuation (Ctrl+. toggles)</source>
        <translation>中文标点（Ctrl+. 切换）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="254"/>
        <source>Model: {0} (loading {1}…)</source>
        <translation>模型：{0}（正在加载 {1}…）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="256"/>
        <source>Model: {0} (neural model unavailable)</source>
        <translation>模型：{0}（神经模型不可用）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="258"/>
        <source>Model: {0}</source>
        <translation>模型：{0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="262"/>
        <location filename="../main_window.py" line="272"/>
        <source>{0:.1f} ms</source>
        <translation>{0:.1f} 毫秒</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="263"/>
        <source>Last keystroke-to-candidates time</source>
        <translation>最近一次按键到候选出现的时间</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="300"/>
        <source>Model loaded: {0}</source>
        <translation>模型已加载：{0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="312"/>
        <source>Neural model not loaded ({0}); using the n-gram decoder</source>
        <translation>神经模型未加载（{0}）；正在使用 n-gram 解码器</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="373"/>
        <source>Batch analysis</source>
        <translation>批量分析</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="374"/>
        <source>Batch analysis is not available: {0}</source>
        <translation>批量分析不可用：{0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="384"/>
        <source>About Yinzi</source>
        <translation>关于音字</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="385"/>
        <source>&lt;b&gt;Yinzi (音字)&lt;/b&gt;&lt;br&gt;An offline pinyin input method with its own neural pinyin-to-hanzi model, and Chinese text analysis.&lt;br&gt;Decoder: {0}</source>
        <translation>&lt;b&gt;音字 (Yinzi)&lt;/b&gt;&lt;br&gt;离线拼音输入法，自带神经网络拼音转汉字模型，并提供中文文本分析。&lt;br&gt;解码器：{0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="430"/>
        <location filename="../main_window.py" line="439"/>
        <location filename="../main_window.py" line="443"/>
        <source>Open text</source>
        <translation>打开文本</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="431"/>
        <location filename="../main_window.py" line="461"/>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="440"/>
        <source>{0} is not UTF-8 text.</source>
        <translation>{0} 不是 UTF-8 文本。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="444"/>
        <source>Could not open {0}: {1}</source>
        <translation>无法打开 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="460"/>
        <location filename="../main_window.py" line="469"/>
        <source>Save text</source>
        <translation>保存文本</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="470"/>
        <source>Could not save {0}: {1}</source>
        <translation>无法保存 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="477"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="504"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="505"/>
        <source>{0}[*] — Yinzi 音字</source>
        <translation>{0}[*] — 音字 Yinzi</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="518"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="518"/>
        <source>Save the changes to this text?</source>
        <translation>是否保存对此文本的更改？</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="549"/>
        <source>Restore unsaved text</source>
        <translation>恢复未保存的文本</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="550"/>
        <source>The last session ended without saving. Restore its text?

{0}</source>
        <translation>上次会话未保存就结束了。要恢复其文本吗？

{0}</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../batch_window.py" line="92"/>
        <source>line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="92"/>
        <source>sentiment</source>
        <translation>情感</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="92"/>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="92"/>
        <source>positive</source>
        <translation>积极度</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="93"/>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="93"/>
        <source>text</source>
        <translation>文本</translation>
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
