<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnalysisPanel</name>
    <message>
        <location filename="../analysis_panel.py" line="267"/>
        <source>positive %p%</source>
        <translation>积极 %p%</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="264"/>
        <source>Sentences</source>
        <translation>句子</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="264"/>
        <source>Keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="265"/>
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="359"/>
        <location filename="../analysis_panel.py" line="362"/>
        <source>Analysing…</source>
        <translation>正在分析…</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="364"/>
        <source>Loading the sentiment model…</source>
        <translation>正在加载情感模型…</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="370"/>
        <source>Selection: {0:,} characters</source>
        <translation>选中的文本：{0:,} 个字</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="376"/>
        <source>Sentiment unavailable</source>
        <translation>情感分析不可用</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="395"/>
        <source>model: {0}</source>
        <translation>模型：{0}</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="396"/>
        <source>{0:.1f} ms</source>
        <translation>{0:.1f} 毫秒</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="405"/>
        <source>No Chinese characters: sentiment is read from Chinese text only</source>
        <translation>没有汉字：只分析中文文本的情感</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="406"/>
        <source>No sentiment model</source>
        <translation>没有情感模型</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="420"/>
        <source>{0} positive</source>
        <translation>积极 {0}</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="421"/>
        <source>{0} negative</source>
        <translation>消极 {0}</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="423"/>
        <source>{0} neutral</source>
        <translation>中性 {0}</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="425"/>
        <source>Sentences: {0} (mean positive {1:.0%})</source>
        <translation>句子：{0}（平均积极度 {1:.0%}）</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="444"/>
        <source>Pinyin of the first {0:,} of {1:,} characters.</source>
        <translation>仅显示前 {0:,} 个字的拼音（共 {1:,} 字）。</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="348"/>
        <source>Analysis failed</source>
        <translation>分析失败</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="363"/>
        <source>Type or paste text to analyse</source>
        <translation>输入或粘贴要分析的文本</translation>
    </message>
</context>
<context>
    <name>BatchWindow</name>
    <message>
        <location filename="../batch_window.py" line="345"/>
        <source>Batch analysis</source>
        <translation>批量分析</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="346"/>
        <source>Open file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="348"/>
        <source>No file</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="349"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="350"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="351"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="356"/>
        <source>Sentiment distribution</source>
        <translation>情感分布</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="357"/>
        <source>Mean positive probability over time</source>
        <translation>平均积极度随时间变化</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="352"/>
        <source>Text column:</source>
        <translation>文本列：</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="353"/>
        <source>Date column:</source>
        <translation>日期列：</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="355"/>
        <location filename="../batch_window.py" line="377"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="420"/>
        <source>Open a file to analyse</source>
        <translation>打开要分析的文件</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="421"/>
        <source>Tables and text (*.csv *.tsv *.txt *.jsonl *.json);;All files (*)</source>
        <translation>表格和文本 (*.csv *.tsv *.txt *.jsonl *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="427"/>
        <source>Cannot open file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="447"/>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="458"/>
        <source>Cancelling after this chunk…</source>
        <translation>本批处理完后取消…</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="471"/>
        <source>, ETA {0}</source>
        <translation>，预计剩余 {0}</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="472"/>
        <source>{0:,} / {1:,} rows · {2:,.0f} rows/s</source>
        <translation>{0:,} / {1:,} 行 · {2:,.0f} 行/秒</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="483"/>
        <source>The file has no data rows</source>
        <translation>文件中没有数据行</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="485"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="485"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="486"/>
        <source> (table shows the first {0:,})</source>
        <translation>（表格显示前 {0:,} 行）</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="491"/>
        <source> · {0:,} without sentiment (blank or no Chinese)</source>
        <translation> · {0:,} 行无情感结果（空白或没有汉字）</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="493"/>
        <source> · {0:,} unreadable lines skipped ({1})</source>
        <translation> · 跳过 {0:,} 行无法读取的内容（{1}）</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="495"/>
        <source>{0}: {1:,} rows in {2:.1f} s ({3:,.0f} rows/s){4}</source>
        <translation>{0}：{1:,} 行，用时 {2:.1f} 秒（{3:,.0f} 行/秒）{4}</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="504"/>
        <source>Failed: {0}</source>
        <translation>失败：{0}</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="522"/>
        <source>texts</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="546"/>
        <source>Mean positive probability by day</source>
        <translation>平均积极度（按日）</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="547"/>
        <source>Mean positive probability by week</source>
        <translation>平均积极度（按周）</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="548"/>
        <source>Mean positive probability by month</source>
        <translation>平均积极度（按月）</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="550"/>
        <source> ({0:,} without a readable date)</source>
        <translation>（{0:,} 行日期无法识别）</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="601"/>
        <location filename="../batch_window.py" line="608"/>
        <source>Export results</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="603"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="609"/>
        <source>The results are already saved in {0}.</source>
        <translation>结果已保存在 {0}。</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="614"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="617"/>
        <source>Exported {0:,} rows to {1}</source>
        <translation>已导出 {0:,} 行到 {1}</translation>
    </message>
</context>
<context>
    <name>CustomPhraseModel</name>
    <message>
        <location filename="../user_dict_window.py" line="372"/>
        <source>Key</source>
        <translation>缩写</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="372"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
</context>
<context>
    <name>CustomPhrasesTab</name>
    <message>
        <location filename="../user_dict_window.py" line="393"/>
        <source>Key, e.g. dz</source>
        <translation>缩写，例如 dz</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="396"/>
        <source>Text it types, e.g. your address</source>
        <translation>输出的文本，例如你的地址</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="397"/>
        <location filename="../user_dict_window.py" line="468"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="398"/>
        <location filename="../user_dict_window.py" line="477"/>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="399"/>
        <location filename="../user_dict_window.py" line="482"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="400"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="401"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="418"/>
        <source>Built in: {0}</source>
        <translation>内置：{0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../user_dict_window.py" line="443"/>
        <source>%n phrase(s)</source>
        <translation>
            <numerusform>%n 个词语</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="491"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message numerus="yes">
        <location filename="../user_dict_window.py" line="492"/>
        <source>Exported %n phrase(s)</source>
        <translation>
            <numerusform>已导出 %n 个词语</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="502"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message numerus="yes">
        <location filename="../user_dict_window.py" line="503"/>
        <source>Imported %n phrase(s)</source>
        <translation>
            <numerusform>已导入 %n 个短语</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <location filename="../wizard/setup_pages.py" line="126"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="127"/>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="128"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="159"/>
        <source>Your labelled data</source>
        <translation>你的标注数据</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="161"/>
        <source>CSV, TSV or JSONL with a &apos;text&apos; and a &apos;label&apos; column (0/1, neg/pos, or -1/0/1). The trainer checks every row when training starts; problems appear on the next pages with their line numbers.</source>
        <translation>CSV、TSV 或 JSONL，含 &apos;text&apos; 列和 &apos;label&apos; 列（0/1、neg/pos 或 -1/0/1）。训练开始时会逐行检查；发现的问题会连同行号显示在后面的页面上。</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="164"/>
        <location filename="../wizard/setup_pages.py" line="171"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="164"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="166"/>
        <source>Your text</source>
        <translation>你的文本</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="168"/>
        <source>Add files or folders of your own writing (.txt, .md, .csv, .tsv, .jsonl; any common encoding; Traditional characters are converted). A few hundred thousand characters help; a few million help more.</source>
        <translation>添加你自己写的文件或文件夹（.txt、.md、.csv、.tsv、.jsonl；常见编码均可；繁体字会转换为简体）。几十万字就有帮助，几百万字效果更好。</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="171"/>
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="171"/>
        <source>Han characters</source>
        <translation>汉字数</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="172"/>
        <source>Duplicates</source>
        <translation>重复行</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="172"/>
        <source>Non-Chinese</source>
        <translation>非中文</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="172"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="173"/>
        <source>Traditional</source>
        <translation>繁体</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="173"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="183"/>
        <source>Add files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="183"/>
        <source>Text files ({0});;All files (*)</source>
        <translation>文本文件 ({0});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="187"/>
        <source>Add folder</source>
        <translation>添加文件夹</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="222"/>
        <source>No files yet: add files or folders.</source>
        <translation>还没有文件：请添加文件或文件夹。</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="227"/>
        <source>Reading your files…</source>
        <translation>正在读取你的文件…</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="232"/>
        <source>Sample lines</source>
        <translation>示例行</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="233"/>
        <source>Problems ({0})</source>
        <translation>问题（{0}）</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="244"/>
        <source>{0:,} KB</source>
        <translation>{0:,} KB</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="247"/>
        <source>not a file</source>
        <translation>不是文件</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="250"/>
        <source>Not a readable file: {0}</source>
        <translation>无法读取的文件：{0}</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="253"/>
        <source>{0} file(s); their rows are checked when training starts.</source>
        <translation>{0} 个文件；训练开始时会逐行检查。</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="279"/>
        <source>converted</source>
        <translation>已转换</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="289"/>
        <source>{0:,} files · {1:,} lines · {2:,} Han characters · {3:,} duplicate lines</source>
        <translation>{0:,} 个文件 · {1:,} 行 · {2:,} 个汉字 · {3:,} 行重复</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="302"/>
        <source>No Chinese text was found in these files.</source>
        <translation>这些文件里没有找到中文。</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="305"/>
        <source>Too little text for a clear gain: {0}</source>
        <translation>文本太少，效果不会明显：{0}</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="306"/>
        <source>about 200,000 Han characters make a useful word layer, a few million let the neural model adapt too.</source>
        <translation>大约 20 万个汉字就能建立有用的词语层，几百万字还能让神经模型一起调整。</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="318"/>
        <source>This trainer cannot inspect files (it has no inspect-corpus command); update it. The files will be checked when training starts.</source>
        <translation>这个训练程序不能预先检查文件（没有 inspect-corpus 命令），请更新它。训练开始时仍会检查文件。</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="321"/>
        <source>The trainer could not be started: {0}</source>
        <translation>无法启动训练程序：{0}</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="323"/>
        <source>Reading the files failed: {0}</source>
        <translation>读取文件失败：{0}</translation>
    </message>
</context>
<context>
    <name>FindReplaceDialog</name>
    <message>
        <location filename="../find_dialog.py" line="64"/>
        <source>Find and replace</source>
        <translation>查找和替换</translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="65"/>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="66"/>
        <source>Replace with:</source>
        <translation>替换为：</translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="67"/>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="68"/>
        <source>Search backwards</source>
        <translation>向前查找</translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="69"/>
        <source>&amp;Find next</source>
        <translation>查找下一个(&amp;F)</translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="70"/>
        <source>&amp;Replace</source>
        <translation>替换(&amp;R)</translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="71"/>
        <source>Replace &amp;all</source>
        <translation>全部替换(&amp;A)</translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="72"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="105"/>
        <source>Not found: {0}</source>
        <translation>找不到：{0}</translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="138"/>
        <source>Replaced {0}</source>
        <translation>已替换 {0} 处</translation>
    </message>
</context>
<context>
    <name>FineTuneWizard</name>
    <message>
        <location filename="../wizard/window.py" line="84"/>
        <source>Train on my text — Yinzi 音字</source>
        <translation>用我的文本训练 — 音字 Yinzi</translation>
    </message>
    <message>
        <location filename="../wizard/window.py" line="136"/>
        <source>Unfinished training</source>
        <translation>未完成的训练</translation>
    </message>
    <message>
        <location filename="../wizard/window.py" line="137"/>
        <source>A training run stopped before the end ({0}, step {1}, {2}).

Resume it from its last checkpoint?</source>
        <translation>上次训练没有完成（{0}，第 {1} 步，{2}）。

要从最近的检查点继续吗？</translation>
    </message>
    <message>
        <location filename="../wizard/window.py" line="182"/>
        <source>Training is running</source>
        <translation>正在训练</translation>
    </message>
    <message>
        <location filename="../wizard/window.py" line="183"/>
        <source>Stop the training and close? It keeps a checkpoint; the next time you open the wizard it offers to resume.</source>
        <translation>停止训练并关闭？训练会保存检查点，下次打开向导时可以继续。</translation>
    </message>
</context>
<context>
    <name>HardwarePage</name>
    <message>
        <location filename="../wizard/setup_pages.py" line="398"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="416"/>
        <source>Hardware and preset</source>
        <translation>硬件和训练时长</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="417"/>
        <source>Tick the GPUs to train on (several GPUs run one process each), or leave the CPU ticked.</source>
        <translation>勾选用来训练的 GPU（多块 GPU 各运行一个进程），或保持勾选 CPU。</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="419"/>
        <source>Start training</source>
        <translation>开始训练</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="420"/>
        <source>Train on</source>
        <translation>训练设备</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="421"/>
        <source>How long to train</source>
        <translation>训练多久</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="422"/>
        <source>Advanced</source>
        <translation>高级</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="423"/>
        <location filename="../wizard/setup_pages.py" line="424"/>
        <location filename="../wizard/setup_pages.py" line="425"/>
        <source>the preset&apos;s</source>
        <translation>按预设</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="426"/>
        <source>optional: a text file of general sentences</source>
        <translation>可选：一个通用句子的文本文件</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="427"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="428"/>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="429"/>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="430"/>
        <source>Held out for the report</source>
        <translation>留作评测的比例</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="431"/>
        <location filename="../wizard/setup_pages.py" line="556"/>
        <source>General check file</source>
        <translation>通用检查文件</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="440"/>
        <source>Looking for GPUs…</source>
        <translation>正在查找 GPU…</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="446"/>
        <source>CPU: {0} ({1} cores)</source>
        <translation>CPU：{0}（{1} 核）</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="447"/>
        <source>processor</source>
        <translation>处理器</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="449"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="466"/>
        <source>Estimates are typical figures (speed not measured).</source>
        <translation>估计值为典型数值（未测速）。</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="469"/>
        <source>{0}: {1:,.0f} tokens/s</source>
        <translation>{0}：{1:,.0f} 词元/秒</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="471"/>
        <source>Measured here: {0:,.0f} characters/s segmented; training {1}.</source>
        <translation>本机实测：分词 {0:,.0f} 字/秒；训练 {1}。</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="473"/>
        <source>not measured</source>
        <translation>未测</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="485"/>
        <source>GPU {0}: {1} · {2:.1f} GB, {3:.1f} GB free</source>
        <translation>GPU {0}：{1} · {2:.1f} GB，空闲 {3:.1f} GB</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="494"/>
        <source>{0} GPU(s) found (PyTorch {1}).</source>
        <translation>找到 {0} 块 GPU（PyTorch {1}）。</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="500"/>
        <source>No GPU: this PyTorch ({0}) is built without CUDA. Training runs on the CPU.</source>
        <translation>没有 GPU：这个 PyTorch（{0}）不支持 CUDA。将在 CPU 上训练。</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="506"/>
        <source>No CUDA GPU found. Training runs on the CPU.</source>
        <translation>没有找到 CUDA GPU。将在 CPU 上训练。</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="508"/>
        <source>Measuring this machine&apos;s speed for the estimates…</source>
        <translation>正在测量本机速度以估计时间…</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="515"/>
        <source>This trainer cannot list GPUs (no devices command); training runs on the CPU.</source>
        <translation>这个训练程序不能列出 GPU（没有 devices 命令）；将在 CPU 上训练。</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="517"/>
        <source>Could not list GPUs ({0}); training runs on the CPU.</source>
        <translation>无法列出 GPU（{0}）；将在 CPU 上训练。</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="539"/>
        <source>Quick</source>
        <translation>快速</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="539"/>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="540"/>
        <source>Thorough</source>
        <translation>充分</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="540"/>
        <source>Tiny (a test run, no real gain)</source>
        <translation>极小（测试用，没有实际提升）</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="543"/>
        <source>under a minute</source>
        <translation>不到一分钟</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="544"/>
        <source>about {0:.0f} min</source>
        <translation>约 {0:.0f} 分钟</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="545"/>
        <source>{0} — {1} (estimate)</source>
        <translation>{0} — {1}（估计）</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="550"/>
        <source>, up to {0:.1f} M training tokens</source>
        <translation>，最多约 {0:.1f} M 训练词元</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="553"/>
        <source>; on a CPU it builds your word layer only</source>
        <translation>；在 CPU 上只建立你的词语层</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="581"/>
        <source>The learning rate must be a number, e.g. 3e-4.</source>
        <translation>学习率必须是数字，例如 3e-4。</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="591"/>
        <source>Training on several GPUs needs torchrun, which comes with PyTorch; it was not found next to the trainer or on PATH. Tick one GPU, or install PyTorch.</source>
        <translation>多块 GPU 训练需要 torchrun（随 PyTorch 提供），但在训练程序旁边和 PATH 中都没有找到。请只勾选一块 GPU，或安装 PyTorch。</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="595"/>
        <source>Could not prepare the run&apos;s folder: {0}</source>
        <translation>无法准备训练文件夹：{0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="192"/>
        <source>The user dictionary was damaged: {0} words were recovered; the old file is {1}</source>
        <translation>用户词库已损坏：已恢复 {0} 个词，原文件在 {1}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="201"/>
        <source>Chinese input is unavailable: {0}</source>
        <translation>中文输入不可用：{0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="208"/>
        <source>Learned words are not being saved: {0}</source>
        <translation>学到的词暂时无法保存：{0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="349"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="350"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="351"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="352"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="353"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="354"/>
        <source>Chinese mode	Shift</source>
        <translation>中文模式	Shift</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="355"/>
        <source>Chinese punctuation	Ctrl+.</source>
        <translation>中文标点	Ctrl+.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="356"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="357"/>
        <source>User &amp;dictionary…</source>
        <translation>用户词典(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="358"/>
        <source>&amp;Batch analysis…</source>
        <translation>批量分析(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="359"/>
        <source>&amp;Train on my text…</source>
        <translation>用我的文本训练(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="360"/>
        <source>&amp;Models…</source>
        <translation>模型管理(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="361"/>
        <source>&amp;About Yinzi</source>
        <translation>关于音字(&amp;A)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="362"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="363"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="364"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="365"/>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="366"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="367"/>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="368"/>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="369"/>
        <source>&amp;Find and replace…</source>
        <translation>查找和替换(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="370"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="371"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="372"/>
        <source>&amp;Reset zoom</source>
        <translation>恢复原始大小(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="373"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="374"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="375"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="376"/>
        <source>&amp;Input</source>
        <translation>输入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="377"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="378"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="379"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="380"/>
        <source>Analysis</source>
        <translation>文本分析</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="383"/>
        <source>Text analysis is not available in this build.</source>
        <translation>此版本不含文本分析。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="384"/>
        <source>Input mode (Shift toggles)</source>
        <translation>输入模式（Shift 切换）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="401"/>
        <source>Chinese punctuation (Ctrl+. toggles)</source>
        <translation>中文标点（Ctrl+. 切换）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="402"/>
        <source>English mode types ASCII punctuation; Chinese punctuation (Ctrl+. toggles) applies in Chinese mode</source>
        <translation>英文模式输入英文标点；中文标点（Ctrl+. 切换）在中文模式下生效</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="408"/>
        <source>Model: {0} (loading {1}…)</source>
        <translation>模型：{0}（正在加载 {1}…）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="410"/>
        <source>Model: {0} (neural model unavailable)</source>
        <translation>模型：{0}（神经模型不可用）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="412"/>
        <source>Model: {0}</source>
        <translation>模型：{0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="416"/>
        <location filename="../main_window.py" line="429"/>
        <source>{0:.1f} ms</source>
        <translation>{0:.1f} 毫秒</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="417"/>
        <source>Last keystroke-to-candidates time</source>
        <translation>最近一次按键到候选出现的时间</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="459"/>
        <source>Model loaded: {0}</source>
        <translation>模型已加载：{0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="471"/>
        <source>Neural model not loaded ({0}); using the n-gram decoder</source>
        <translation>神经模型未加载（{0}）；正在使用 n-gram 解码器</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="515"/>
        <source>Settings are not saved (the config folder refused them); they apply until you quit.</source>
        <translation>设置未能保存（配置文件夹不可写）；在退出前仍然有效。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="546"/>
        <source>Batch analysis</source>
        <translation>批量分析</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="547"/>
        <source>Batch analysis is not available: {0}</source>
        <translation>批量分析不可用：{0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="601"/>
        <source>About Yinzi</source>
        <translation>关于音字</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="605"/>
        <source>&lt;b&gt;Yinzi (音字)&lt;/b&gt; {0}&lt;br&gt;An offline pinyin input method with its own neural pinyin-to-hanzi model, and Chinese text analysis.&lt;br&gt;Decoder: {1}</source>
        <translation>&lt;b&gt;音字 (Yinzi)&lt;/b&gt; {0}&lt;br&gt;离线拼音输入法，自带神经网络拼音转汉字模型，并提供中文文本分析。&lt;br&gt;解码器：{1}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="613"/>
        <source>Switch between Chinese and English mode</source>
        <translation>切换中文／英文模式</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="614"/>
        <source>Chinese or ASCII punctuation</source>
        <translation>中文或英文标点</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="615"/>
        <source>Space / 1-9</source>
        <translation>空格 / 1-9</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="615"/>
        <source>Commit the first / a numbered candidate</source>
        <translation>上屏第一个／对应编号的候选</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="616"/>
        <source>Commit the letters as typed</source>
        <translation>按原样上屏字母</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="617"/>
        <source>Cancel the composition</source>
        <translation>取消输入</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="618"/>
        <source>Previous / next page of candidates</source>
        <translation>候选上一页／下一页</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="619"/>
        <source>Ctrl+wheel</source>
        <translation>Ctrl+滚轮</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="619"/>
        <source>Zoom the editor</source>
        <translation>缩放编辑器</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="635"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="686"/>
        <source>Zoom: {0} pt</source>
        <translation>缩放：{0} 磅</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="768"/>
        <location filename="../main_window.py" line="778"/>
        <location filename="../main_window.py" line="782"/>
        <source>Open text</source>
        <translation>打开文本</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="769"/>
        <location filename="../main_window.py" line="803"/>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="779"/>
        <source>{0} is not UTF-8 text.</source>
        <translation>{0} 不是 UTF-8 文本。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="783"/>
        <source>Could not open {0}: {1}</source>
        <translation>无法打开 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="802"/>
        <location filename="../main_window.py" line="814"/>
        <source>Save text</source>
        <translation>保存文本</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="815"/>
        <source>Could not save {0}: {1}</source>
        <translation>无法保存 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="822"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="860"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="874"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="874"/>
        <source>Save the changes to this text?</source>
        <translation>是否保存对此文本的更改？</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="905"/>
        <source>Restore unsaved text</source>
        <translation>恢复未保存的文本</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="906"/>
        <source>The last session ended without saving. Restore its text?

{0}</source>
        <translation>上次会话未保存就结束了。要恢复其文本吗？

{0}</translation>
    </message>
</context>
<context>
    <name>ModelManagerWindow</name>
    <message>
        <location filename="../model_manager.py" line="42"/>
        <source>Models — Yinzi 音字</source>
        <translation>模型 — 音字 Yinzi</translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="63"/>
        <source>Use for typing</source>
        <translation>用于打字</translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="65"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="66"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="103"/>
        <source>Switch back to {0}</source>
        <translation>切换回 {0}</translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="104"/>
        <source>Switch back</source>
        <translation>切换回去</translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="108"/>
        <source>pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="108"/>
        <source>sentiment</source>
        <translation>情感</translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="109"/>
        <source>shipped</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="109"/>
        <source>yours</source>
        <translation>你的</translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="110"/>
        <source> — typing with it</source>
        <translation> — 正在使用</translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="111"/>
        <source>{0} ({1}, {2}){3}</source>
        <translation>{0}（{1}，{2}）{3}</translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="132"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;{1}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;{1}</translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="139"/>
        <source>This model has no card.</source>
        <translation>这个模型没有说明卡。</translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="154"/>
        <source>Now typing with {0}.</source>
        <translation>现在使用 {0} 打字。</translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="155"/>
        <source>{0} is chosen; Yinzi uses it the next time it starts.</source>
        <translation>已选择 {0}；音字下次启动时使用它。</translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="162"/>
        <source>Renamed {0} to {1}.</source>
        <translation>已将 {0} 重命名为 {1}。</translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="184"/>
        <source>Deleted {0}.</source>
        <translation>已删除 {0}。</translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="186"/>
        <source>Typing falls back to {0}.</source>
        <translation>打字改用 {0}。</translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="210"/>
        <source>Rename model</source>
        <translation>重命名模型</translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="210"/>
        <source>New name for {0}:</source>
        <translation>{0} 的新名称：</translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="215"/>
        <source>Delete model</source>
        <translation>删除模型</translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="216"/>
        <source>Delete the model {0} and its files? This cannot be undone.</source>
        <translation>删除模型 {0} 及其文件？此操作无法撤销。</translation>
    </message>
</context>
<context>
    <name>ModelStore</name>
    <message>
        <location filename="../wizard/window.py" line="202"/>
        <source>&apos;{0}&apos; cannot be a model name: avoid / \ : * ? &quot; &lt; &gt; | and a leading dot (at most 64 characters).</source>
        <translation>“{0}”不能用作模型名称：不要用 / \ : * ? &quot; &lt; &gt; | 和开头的点（最多 64 个字符）。</translation>
    </message>
    <message>
        <location filename="../wizard/window.py" line="203"/>
        <source>A model called &apos;{0}&apos; exists already: choose another name.</source>
        <translation>已有名为“{0}”的模型：请换一个名称。</translation>
    </message>
    <message>
        <location filename="../wizard/window.py" line="204"/>
        <source>There is no model called &apos;{0}&apos;.</source>
        <translation>没有名为“{0}”的模型。</translation>
    </message>
    <message>
        <location filename="../wizard/window.py" line="205"/>
        <source>&apos;{0}&apos; is not a pinyin model: it cannot be used for typing.</source>
        <translation>“{0}”不是拼音模型，不能用于打字。</translation>
    </message>
    <message>
        <location filename="../wizard/window.py" line="206"/>
        <source>&apos;{0}&apos; comes with Yinzi and cannot be renamed or deleted.</source>
        <translation>“{0}”是音字自带的模型，不能重命名或删除。</translation>
    </message>
    <message>
        <location filename="../wizard/window.py" line="207"/>
        <source>There is no previous model to switch back to.</source>
        <translation>没有可以切换回去的上一个模型。</translation>
    </message>
    <message>
        <location filename="../wizard/window.py" line="208"/>
        <source>{0} is not a model folder (no readable manifest.json).</source>
        <translation>{0} 不是模型文件夹（没有可读的 manifest.json）。</translation>
    </message>
    <message>
        <location filename="../wizard/window.py" line="209"/>
        <source>Copying the model failed: {0}</source>
        <translation>复制模型失败：{0}</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <location filename="../wizard/result_pages.py" line="61"/>
        <source>What changed</source>
        <translation>效果对比</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="69"/>
        <source>Measured on your held-out documents (never trained on) and on general text.</source>
        <translation>在你留出的文档（从未用于训练）和通用文本上测得。</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="70"/>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="70"/>
        <location filename="../wizard/result_pages.py" line="116"/>
        <source>Before</source>
        <translation>训练前</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="70"/>
        <location filename="../wizard/result_pages.py" line="116"/>
        <source>After</source>
        <translation>训练后</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="71"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="72"/>
        <source>characters right</source>
        <translation>字准确率</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="72"/>
        <source>sentences exactly right</source>
        <translation>整句准确率</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="73"/>
        <source>right in the top 5</source>
        <translation>前 5 候选命中率</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="74"/>
        <location filename="../wizard/result_pages.py" line="116"/>
        <source>Your text</source>
        <translation>你的文本</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="74"/>
        <source>General text</source>
        <translation>通用文本</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="85"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="99"/>
        <source>characters</source>
        <translation>字</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="99"/>
        <source>sentences</source>
        <translation>整句</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="99"/>
        <source>top 5</source>
        <translation>前 5</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="101"/>
        <source>No general check file was given, so only your text was measured.</source>
        <translation>没有提供通用检查文件，所以只测了你的文本。</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="105"/>
        <source>Weight of your word layer: {0:g}.</source>
        <translation>你的词语层权重：{0:g}。</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="111"/>
        <source>Now right ({0})</source>
        <translation>改对了（{0}）</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="112"/>
        <source>Now wrong ({0})</source>
        <translation>改错了（{0}）</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="116"/>
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="131"/>
        <source>Before and after (%)</source>
        <translation>训练前后对比（%）</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="138"/>
        <source>{0}, before</source>
        <translation>{0}·训练前</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="139"/>
        <source>{0}, after</source>
        <translation>{0}·训练后</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="159"/>
        <source>Scores of the new sentiment model on the data it did not train on.</source>
        <translation>新情感模型在未参与训练的数据上的得分。</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="160"/>
        <source>Set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="160"/>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="160"/>
        <source>Macro-F1</source>
        <translation>宏平均 F1</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="177"/>
        <source>The trainer wrote no scores (report.json).</source>
        <translation>训练程序没有写出得分（report.json）。</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../batch_window.py" line="160"/>
        <source>sentiment</source>
        <translation>情感</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="160"/>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="160"/>
        <source>positive</source>
        <translation>积极度</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="160"/>
        <source>row</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="196"/>
        <source>line {0} of the file</source>
        <translation>文件第 {0} 行</translation>
    </message>
</context>
<context>
    <name>Sentiment</name>
    <message>
        <location filename="../analysis_panel.py" line="49"/>
        <source>positive</source>
        <translation>积极</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="50"/>
        <source>negative</source>
        <translation>消极</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="51"/>
        <source>neutral</source>
        <translation>中性</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="52"/>
        <source>mixed</source>
        <translation>褒贬不一</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="40"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="44"/>
        <source>Fuzzy pinyin (accept either sound)</source>
        <translation>模糊音（两种读音都接受）</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="57"/>
        <source>Candidates per page</source>
        <translation>每页候选数</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="58"/>
        <source>Chinese punctuation by default</source>
        <translation>默认使用中文标点</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="61"/>
        <source>Start in Chinese mode</source>
        <translation>启动时为中文模式</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="64"/>
        <source>Page candidates with , . - =</source>
        <translation>用 , . - = 翻页</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="66"/>
        <source>When off, these keys commit the first candidate and type the punctuation.</source>
        <translation>关闭时，这些键会上屏第一个候选并输入标点。</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="69"/>
        <source>Suggest the next word after a commit</source>
        <translation>上屏后联想下一个词</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="75"/>
        <source>System default font</source>
        <translation>系统默认字体</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="81"/>
        <source>Editor font</source>
        <translation>编辑器字体</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="85"/>
        <source>Font size</source>
        <translation>字号</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="87"/>
        <source>Ctrl+= and Ctrl+- change it from the editor</source>
        <translation>在编辑器中用 Ctrl+= 和 Ctrl+- 调整</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="88"/>
        <source>Editor zoom</source>
        <translation>编辑器缩放</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="91"/>
        <source>None (n-gram decoder only)</source>
        <translation>无（仅用 n-gram 解码器）</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="93"/>
        <source>user-trained</source>
        <translation>用户训练</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="93"/>
        <source>shipped</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="97"/>
        <source>{0} (missing)</source>
        <translation>{0}（缺失）</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="100"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="101"/>
        <source>Use the GPU (CUDA) when available</source>
        <translation>有 GPU（CUDA）时使用</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="106"/>
        <location filename="../settings_dialog.py" line="112"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="110"/>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="113"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="114"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="116"/>
        <source>Theme</source>
        <translation>外观</translation>
    </message>
</context>
<context>
    <name>TaskPage</name>
    <message>
        <location filename="../wizard/setup_pages.py" line="65"/>
        <source>What should Yinzi learn?</source>
        <translation>要让音字学什么？</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="66"/>
        <source>Training runs on this computer; your text never leaves it.</source>
        <translation>训练在这台电脑上进行，你的文本不会离开它。</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="68"/>
        <source>Type better in my domain</source>
        <translation>在我的领域里打字更准</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="73"/>
        <source>Give Yinzi your own writing (documentation, notes, a novel…). It learns your words and phrases and adapts its pinyin-to-hanzi model, then shows how much better it types text like yours.</source>
        <translation>给音字一些你自己写的文本（文档、笔记、小说……）。它会学习你的词语和短语，调整拼音转汉字模型，然后告诉你它打这类文本准了多少。</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="77"/>
        <source>Sentiment on my labelled data</source>
        <translation>用我的标注数据训练情感模型</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="81"/>
        <source>Give Yinzi a table of texts with a label column (0/1, neg/pos, or with a neutral class). It trains a sentiment model for the analysis panel and `yinzi analyze`.</source>
        <translation>给音字一个带标签列的文本表格（0/1、neg/pos，或含中性类）。它会为分析面板和 `yinzi analyze` 训练一个情感模型。</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="95"/>
        <source>The trainer (yinzi-train) was not found, so nothing can be trained yet. Install it: in a source checkout run `make setup` (or `pip install -e .[train]`), or put the yinzi-trainer bundle next to the app.</source>
        <translation>找不到训练程序（yinzi-train），暂时无法训练。请安装：在源码目录运行 `make setup`（或 `pip install -e .[train]`），或把 yinzi-trainer 程序包放在本程序旁边。</translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="100"/>
        <source>Trainer: {0}</source>
        <translation>训练程序：{0}</translation>
    </message>
</context>
<context>
    <name>TrainPage</name>
    <message>
        <location filename="../wizard/train_page.py" line="128"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="129"/>
        <source>The training runs in a process of its own: closing this window asks first, and a stopped run can be resumed.</source>
        <translation>训练在独立的进程中运行：关闭此窗口前会先询问，停止的训练可以继续。</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="131"/>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="132"/>
        <source>Held-out accuracy (char %)</source>
        <translation>留出文本字准确率（%）</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="133"/>
        <location filename="../wizard/train_page.py" line="182"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="134"/>
        <source>Resume</source>
        <translation>继续训练</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="135"/>
        <source>Start over with other settings</source>
        <translation>换个设置重新开始</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="136"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="136"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="137"/>
        <source>Pausing is not supported on this system</source>
        <translation>此系统不支持暂停</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="178"/>
        <source>Starting the trainer…</source>
        <translation>正在启动训练程序…</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="195"/>
        <source>Could not create the run&apos;s folder {0}: {1}</source>
        <translation>无法创建训练文件夹 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="211"/>
        <source>Pausing is not supported on this system; Cancel keeps a checkpoint.</source>
        <translation>此系统不支持暂停；取消会保存检查点。</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="215"/>
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="217"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="228"/>
        <location filename="../wizard/train_page.py" line="244"/>
        <source>Stopping at a checkpoint…</source>
        <translation>正在保存检查点并停止…</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="236"/>
        <source>Stop now</source>
        <translation>立即停止</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="265"/>
        <source>Could not save the run&apos;s state: {0}</source>
        <translation>无法保存训练状态：{0}</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="272"/>
        <source>unreadable event {0}: {1}</source>
        <translation>无法读取的事件 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="300"/>
        <source>checkpoint at step {0}</source>
        <translation>第 {0} 步的检查点</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="304"/>
        <source>data: {0} documents ({1} held out), {2:,} Han characters</source>
        <translation>数据：{0} 篇文档（留出 {1} 篇），{2:,} 个汉字</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="307"/>
        <source>error: {0}</source>
        <translation>错误：{0}</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="309"/>
        <source>resuming from the last checkpoint</source>
        <translation>从最近的检查点继续</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="313"/>
        <source>Reading your text</source>
        <translation>正在读取你的文本</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="313"/>
        <source>Setting aside held-out documents</source>
        <translation>正在留出评测文档</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="314"/>
        <source>Building your word layer</source>
        <translation>正在建立你的词语层</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="314"/>
        <source>Adapting the neural model</source>
        <translation>正在调整神经模型</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="315"/>
        <source>Exporting the model</source>
        <translation>正在导出模型</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="315"/>
        <source>Tuning on held-out text</source>
        <translation>正在用留出文本调参</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="316"/>
        <source>Measuring before and after</source>
        <translation>正在测量训练前后的效果</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="316"/>
        <source>Writing the model folder</source>
        <translation>正在写入模型文件夹</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="318"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="342"/>
        <source>Step {0:,} / {1:,}</source>
        <translation>第 {0:,} / {1:,} 步</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="343"/>
        <source>Loss {0:.3f}</source>
        <translation>损失 {0:.3f}</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="344"/>
        <source>{0:,.0f} tokens/s</source>
        <translation>{0:,.0f} 词元/秒</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="346"/>
        <source>ETA {0}</source>
        <translation>预计剩余 {0}</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="350"/>
        <source>Elapsed {0}</source>
        <translation>已用时 {0}</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="357"/>
        <source>The trainer could not be started: {0}</source>
        <translation>无法启动训练程序：{0}</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="377"/>
        <location filename="../wizard/train_page.py" line="431"/>
        <source>Finished.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="379"/>
        <source>Training finished. Next shows what changed.</source>
        <translation>训练完成。下一步查看效果对比。</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="389"/>
        <source>This trainer has no &apos;adapt&apos; command: it is older than this wizard. Update the trainer.</source>
        <translation>这个训练程序没有 &apos;adapt&apos; 命令：它比本向导旧。请更新训练程序。</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="392"/>
        <source>This trainer does not understand {0}: start over and clear those advanced settings, or update the trainer.</source>
        <translation>这个训练程序不认识 {0}：请重新开始并清除这些高级设置，或更新训练程序。</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="397"/>
        <source> Resume continues from the checkpoint at step {0}.</source>
        <translation>“继续训练”会从第 {0} 步的检查点接着训练。</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="398"/>
        <source> Resume starts again from the beginning of the interrupted stage.</source>
        <translation>“继续训练”会从中断阶段的开头重新开始。</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="403"/>
        <source>Cancelled at step {0}.</source>
        <translation>已在第 {0} 步取消。</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="411"/>
        <location filename="../wizard/train_page.py" line="446"/>
        <source>The training process stopped unexpectedly (it was killed or crashed).</source>
        <translation>训练进程意外停止（被终止或崩溃）。</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="413"/>
        <location filename="../wizard/train_page.py" line="448"/>
        <source>The trainer exited with code {0}.</source>
        <translation>训练程序退出，代码 {0}。</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="433"/>
        <source>Training finished. Next shows the scores.</source>
        <translation>训练完成。下一步查看得分。</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="441"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="444"/>
        <source>The data checks failed:</source>
        <translation>数据检查未通过：</translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="454"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
</context>
<context>
    <name>UsePage</name>
    <message>
        <location filename="../wizard/result_pages.py" line="213"/>
        <source>Use it</source>
        <translation>使用模型</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="214"/>
        <source>Model name</source>
        <translation>模型名称</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="215"/>
        <source>Manage models…</source>
        <translation>管理模型…</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="217"/>
        <source>Keep the sentiment model with your models; `yinzi analyze --model NAME_OR_FOLDER` uses it.</source>
        <translation>把情感模型保存到你的模型中；`yinzi analyze --model 名称或文件夹` 可以使用它。</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="219"/>
        <source>Keep this model</source>
        <translation>保存这个模型</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="221"/>
        <source>Yinzi keeps the model you type with now, so you can switch back at any time in the model manager.</source>
        <translation>音字会保留你现在使用的模型，随时可以在模型管理中切换回去。</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="223"/>
        <source>Use this model for typing</source>
        <translation>用这个模型打字</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="227"/>
        <source>Trained model: {0}</source>
        <translation>训练好的模型：{0}</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="240"/>
        <source>Kept as &apos;{0}&apos; in {1}.</source>
        <translation>已保存为“{0}”，位于 {1}。</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="243"/>
        <source>Yinzi now types with &apos;{0}&apos;.</source>
        <translation>音字现在使用“{0}”打字。</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="244"/>
        <source>&apos;{0}&apos; is now your typing model; Yinzi uses it the next time it starts.</source>
        <translation>“{0}”现在是你的打字模型；音字下次启动时使用它。</translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="247"/>
        <source> The previous model ({0}) is kept.</source>
        <translation>之前的模型（{0}）已保留。</translation>
    </message>
</context>
<context>
    <name>UserDictWindow</name>
    <message>
        <location filename="../user_dict_window.py" line="118"/>
        <source>User dictionary</source>
        <translation>用户词典</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="126"/>
        <source>Search phrase or pinyin</source>
        <translation>搜索词语或拼音</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="129"/>
        <source>Most used</source>
        <translation>最常用</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="129"/>
        <source>Recently used</source>
        <translation>最近使用</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="130"/>
        <source>Phrase</source>
        <translation>词语</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="134"/>
        <source>Sort by</source>
        <translation>排序</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="145"/>
        <location filename="../user_dict_window.py" line="225"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="146"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="147"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="148"/>
        <source>Clear all…</source>
        <translation>全部清除…</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="159"/>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="177"/>
        <source>Learned words</source>
        <translation>已学词语</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="181"/>
        <source>Custom phrases</source>
        <translation>自定义短语</translation>
    </message>
    <message numerus="yes">
        <location filename="../user_dict_window.py" line="207"/>
        <source>%n phrase(s)</source>
        <translation>
            <numerusform>%n 个词语</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../user_dict_window.py" line="231"/>
        <source>Delete all %n learned phrase(s)? This cannot be undone.</source>
        <translation>
            <numerusform>删除全部 %n 个已学词语？此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="247"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="247"/>
        <source>Could not export to {0}: {1}</source>
        <translation>无法导出到 {0}：{1}</translation>
    </message>
    <message numerus="yes">
        <location filename="../user_dict_window.py" line="249"/>
        <source>Exported %n phrase(s)</source>
        <translation>
            <numerusform>已导出 %n 个词语</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="262"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message numerus="yes">
        <location filename="../user_dict_window.py" line="287"/>
        <source>Imported %n phrase(s)</source>
        <translation>
            <numerusform>已导入 %n 个短语</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="296"/>
        <source>Import cancelled; nothing was changed</source>
        <translation>已取消导入；没有任何更改</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="300"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="299"/>
        <source>Could not import {0}: {1}</source>
        <translation>无法导入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="237"/>
        <location filename="../user_dict_window.py" line="330"/>
        <source>Clear user dictionary</source>
        <translation>清空用户词典</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="339"/>
        <source>Tab-separated values (*.tsv);;All files (*)</source>
        <translation>制表符分隔文件 (*.tsv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="341"/>
        <source>Export user dictionary</source>
        <translation>导出用户词典</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="344"/>
        <source>Import user dictionary</source>
        <translation>导入用户词典</translation>
    </message>
</context>
<context>
    <name>UserEntryModel</name>
    <message>
        <location filename="../user_dict_window.py" line="65"/>
        <source>Phrase</source>
        <translation>词语</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="65"/>
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="65"/>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="65"/>
        <source>Last used</source>
        <translation>最近使用</translation>
    </message>
</context>
</TS>
