<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AnalysisPanel</name>
    <message>
        <location filename="../analysis_panel.py" line="267"/>
        <source>positive %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="264"/>
        <source>Sentences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="264"/>
        <source>Keywords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="265"/>
        <source>Pinyin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="359"/>
        <location filename="../analysis_panel.py" line="362"/>
        <source>Analysing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="364"/>
        <source>Loading the sentiment model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="370"/>
        <source>Selection: {0:,} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="376"/>
        <source>Sentiment unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="395"/>
        <source>model: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="396"/>
        <source>{0:.1f} ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="405"/>
        <source>No Chinese characters: sentiment is read from Chinese text only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="406"/>
        <source>No sentiment model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="420"/>
        <source>{0} positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="421"/>
        <source>{0} negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="423"/>
        <source>{0} neutral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="425"/>
        <source>Sentences: {0} (mean positive {1:.0%})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="444"/>
        <source>Pinyin of the first {0:,} of {1:,} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="348"/>
        <source>Analysis failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="363"/>
        <source>Type or paste text to analyse</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchWindow</name>
    <message>
        <location filename="../batch_window.py" line="345"/>
        <source>Batch analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="346"/>
        <source>Open file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="348"/>
        <source>No file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="349"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="350"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="351"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="356"/>
        <source>Sentiment distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="357"/>
        <source>Mean positive probability over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="352"/>
        <source>Text column:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="353"/>
        <source>Date column:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="355"/>
        <location filename="../batch_window.py" line="377"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="420"/>
        <source>Open a file to analyse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="421"/>
        <source>Tables and text (*.csv *.tsv *.txt *.jsonl *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="427"/>
        <source>Cannot open file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="447"/>
        <source>Loading the model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="458"/>
        <source>Cancelling after this chunk…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="471"/>
        <source>, ETA {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="472"/>
        <source>{0:,} / {1:,} rows · {2:,.0f} rows/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="483"/>
        <source>The file has no data rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="485"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="485"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="486"/>
        <source> (table shows the first {0:,})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="491"/>
        <source> · {0:,} without sentiment (blank or no Chinese)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="493"/>
        <source> · {0:,} unreadable lines skipped ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="495"/>
        <source>{0}: {1:,} rows in {2:.1f} s ({3:,.0f} rows/s){4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="504"/>
        <source>Failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="522"/>
        <source>texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="546"/>
        <source>Mean positive probability by day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="547"/>
        <source>Mean positive probability by week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="548"/>
        <source>Mean positive probability by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="550"/>
        <source> ({0:,} without a readable date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="601"/>
        <location filename="../batch_window.py" line="608"/>
        <source>Export results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="603"/>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="609"/>
        <source>The results are already saved in {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="614"/>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="617"/>
        <source>Exported {0:,} rows to {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomPhraseModel</name>
    <message>
        <location filename="../user_dict_window.py" line="372"/>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="372"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomPhrasesTab</name>
    <message>
        <location filename="../user_dict_window.py" line="393"/>
        <source>Key, e.g. dz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="396"/>
        <source>Text it types, e.g. your address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="397"/>
        <location filename="../user_dict_window.py" line="468"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="398"/>
        <location filename="../user_dict_window.py" line="477"/>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="399"/>
        <location filename="../user_dict_window.py" line="482"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="400"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="401"/>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="418"/>
        <source>Built in: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../user_dict_window.py" line="443"/>
        <source>%n phrase(s)</source>
        <translation>
            <numerusform>%n phrase</numerusform>
            <numerusform>%n phrases</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="491"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../user_dict_window.py" line="492"/>
        <source>Exported %n phrase(s)</source>
        <translation>
            <numerusform>Exported %n phrase</numerusform>
            <numerusform>Exported %n phrases</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="502"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../user_dict_window.py" line="503"/>
        <source>Imported %n phrase(s)</source>
        <translation>
            <numerusform>Imported %n phrase</numerusform>
            <numerusform>Imported %n phrases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <location filename="../wizard/setup_pages.py" line="126"/>
        <source>Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="127"/>
        <source>Add folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="128"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="159"/>
        <source>Your labelled data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="161"/>
        <source>CSV, TSV or JSONL with a &apos;text&apos; and a &apos;label&apos; column (0/1, neg/pos, or -1/0/1). The trainer checks every row when training starts; problems appear on the next pages with their line numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="164"/>
        <location filename="../wizard/setup_pages.py" line="171"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="164"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="166"/>
        <source>Your text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="168"/>
        <source>Add files or folders of your own writing (.txt, .md, .csv, .tsv, .jsonl; any common encoding; Traditional characters are converted). A few hundred thousand characters help; a few million help more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="171"/>
        <source>Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="171"/>
        <source>Han characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="172"/>
        <source>Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="172"/>
        <source>Non-Chinese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="172"/>
        <source>Encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="173"/>
        <source>Traditional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="173"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="183"/>
        <source>Add files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="183"/>
        <source>Text files ({0});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="187"/>
        <source>Add folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="222"/>
        <source>No files yet: add files or folders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="227"/>
        <source>Reading your files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="232"/>
        <source>Sample lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="233"/>
        <source>Problems ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="244"/>
        <source>{0:,} KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="247"/>
        <source>not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="250"/>
        <source>Not a readable file: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="253"/>
        <source>{0} file(s); their rows are checked when training starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="279"/>
        <source>converted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="289"/>
        <source>{0:,} files · {1:,} lines · {2:,} Han characters · {3:,} duplicate lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="302"/>
        <source>No Chinese text was found in these files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="305"/>
        <source>Too little text for a clear gain: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="306"/>
        <source>about 200,000 Han characters make a useful word layer, a few million let the neural model adapt too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="318"/>
        <source>This trainer cannot inspect files (it has no inspect-corpus command); update it. The files will be checked when training starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="321"/>
        <source>The trainer could not be started: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="323"/>
        <source>Reading the files failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindReplaceDialog</name>
    <message>
        <location filename="../find_dialog.py" line="64"/>
        <source>Find and replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="65"/>
        <source>Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="66"/>
        <source>Replace with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="67"/>
        <source>Match case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="68"/>
        <source>Search backwards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="69"/>
        <source>&amp;Find next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="70"/>
        <source>&amp;Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="71"/>
        <source>Replace &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="72"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="105"/>
        <source>Not found: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="138"/>
        <source>Replaced {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FineTuneWizard</name>
    <message>
        <location filename="../wizard/window.py" line="84"/>
        <source>Train on my text — Yinzi 音字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/window.py" line="136"/>
        <source>Unfinished training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/window.py" line="137"/>
        <source>A training run stopped before the end ({0}, step {1}, {2}).

Resume it from its last checkpoint?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/window.py" line="182"/>
        <source>Training is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/window.py" line="183"/>
        <source>Stop the training and close? It keeps a checkpoint; the next time you open the wizard it offers to resume.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HardwarePage</name>
    <message>
        <location filename="../wizard/setup_pages.py" line="398"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="416"/>
        <source>Hardware and preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="417"/>
        <source>Tick the GPUs to train on (several GPUs run one process each), or leave the CPU ticked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="419"/>
        <source>Start training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="420"/>
        <source>Train on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="421"/>
        <source>How long to train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="422"/>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="423"/>
        <location filename="../wizard/setup_pages.py" line="424"/>
        <location filename="../wizard/setup_pages.py" line="425"/>
        <source>the preset&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="426"/>
        <source>optional: a text file of general sentences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="427"/>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="428"/>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="429"/>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="430"/>
        <source>Held out for the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="431"/>
        <location filename="../wizard/setup_pages.py" line="556"/>
        <source>General check file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="440"/>
        <source>Looking for GPUs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="446"/>
        <source>CPU: {0} ({1} cores)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="447"/>
        <source>processor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="449"/>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="466"/>
        <source>Estimates are typical figures (speed not measured).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="469"/>
        <source>{0}: {1:,.0f} tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="471"/>
        <source>Measured here: {0:,.0f} characters/s segmented; training {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="473"/>
        <source>not measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="485"/>
        <source>GPU {0}: {1} · {2:.1f} GB, {3:.1f} GB free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="494"/>
        <source>{0} GPU(s) found (PyTorch {1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="500"/>
        <source>No GPU: this PyTorch ({0}) is built without CUDA. Training runs on the CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="506"/>
        <source>No CUDA GPU found. Training runs on the CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="508"/>
        <source>Measuring this machine&apos;s speed for the estimates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="515"/>
        <source>This trainer cannot list GPUs (no devices command); training runs on the CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="517"/>
        <source>Could not list GPUs ({0}); training runs on the CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="539"/>
        <source>Quick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="539"/>
        <source>Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="540"/>
        <source>Thorough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="540"/>
        <source>Tiny (a test run, no real gain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="543"/>
        <source>under a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="544"/>
        <source>about {0:.0f} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="545"/>
        <source>{0} — {1} (estimate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="550"/>
        <source>, up to {0:.1f} M training tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="553"/>
        <source>; on a CPU it builds your word layer only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="581"/>
        <source>The learning rate must be a number, e.g. 3e-4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="591"/>
        <source>Training on several GPUs needs torchrun, which comes with PyTorch; it was not found next to the trainer or on PATH. Tick one GPU, or install PyTorch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="595"/>
        <source>Could not prepare the run&apos;s folder: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="192"/>
        <source>The user dictionary was damaged: {0} words were recovered; the old file is {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="201"/>
        <source>Chinese input is unavailable: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="208"/>
        <source>Learned words are not being saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="349"/>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="350"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="351"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="352"/>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="353"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="354"/>
        <source>Chinese mode	Shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="355"/>
        <source>Chinese punctuation	Ctrl+.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="356"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="357"/>
        <source>User &amp;dictionary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="358"/>
        <source>&amp;Batch analysis…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="359"/>
        <source>&amp;Train on my text…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="360"/>
        <source>&amp;Models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="361"/>
        <source>&amp;About Yinzi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="362"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="363"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="364"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="365"/>
        <source>Cu&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="366"/>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="367"/>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="368"/>
        <source>Select &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="369"/>
        <source>&amp;Find and replace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="370"/>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="371"/>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="372"/>
        <source>&amp;Reset zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="373"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="374"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="375"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="376"/>
        <source>&amp;Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="377"/>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="378"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="379"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="380"/>
        <source>Analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="383"/>
        <source>Text analysis is not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="384"/>
        <source>Input mode (Shift toggles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="401"/>
        <source>Chinese punctuation (Ctrl+. toggles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="402"/>
        <source>English mode types ASCII punctuation; Chinese punctuation (Ctrl+. toggles) applies in Chinese mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="408"/>
        <source>Model: {0} (loading {1}…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="410"/>
        <source>Model: {0} (neural model unavailable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="412"/>
        <source>Model: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="416"/>
        <location filename="../main_window.py" line="429"/>
        <source>{0:.1f} ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="417"/>
        <source>Last keystroke-to-candidates time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="459"/>
        <source>Model loaded: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="471"/>
        <source>Neural model not loaded ({0}); using the n-gram decoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="515"/>
        <source>Settings are not saved (the config folder refused them); they apply until you quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="546"/>
        <source>Batch analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="547"/>
        <source>Batch analysis is not available: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="601"/>
        <source>About Yinzi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="605"/>
        <source>&lt;b&gt;Yinzi (音字)&lt;/b&gt; {0}&lt;br&gt;An offline pinyin input method with its own neural pinyin-to-hanzi model, and Chinese text analysis.&lt;br&gt;Decoder: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="613"/>
        <source>Switch between Chinese and English mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="614"/>
        <source>Chinese or ASCII punctuation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="615"/>
        <source>Space / 1-9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="615"/>
        <source>Commit the first / a numbered candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="616"/>
        <source>Commit the letters as typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="617"/>
        <source>Cancel the composition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="618"/>
        <source>Previous / next page of candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="619"/>
        <source>Ctrl+wheel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="619"/>
        <source>Zoom the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="635"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="686"/>
        <source>Zoom: {0} pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="768"/>
        <location filename="../main_window.py" line="778"/>
        <location filename="../main_window.py" line="782"/>
        <source>Open text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="769"/>
        <location filename="../main_window.py" line="803"/>
        <source>Text files (*.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="779"/>
        <source>{0} is not UTF-8 text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="783"/>
        <source>Could not open {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="802"/>
        <location filename="../main_window.py" line="814"/>
        <source>Save text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="815"/>
        <source>Could not save {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="822"/>
        <source>Saved {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="860"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="874"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="874"/>
        <source>Save the changes to this text?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="905"/>
        <source>Restore unsaved text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="906"/>
        <source>The last session ended without saving. Restore its text?

{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelManagerWindow</name>
    <message>
        <location filename="../model_manager.py" line="42"/>
        <source>Models — Yinzi 音字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="63"/>
        <source>Use for typing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="65"/>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="66"/>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="103"/>
        <source>Switch back to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="104"/>
        <source>Switch back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="108"/>
        <source>pinyin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="108"/>
        <source>sentiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="109"/>
        <source>shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="109"/>
        <source>yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="110"/>
        <source> — typing with it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="111"/>
        <source>{0} ({1}, {2}){3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="132"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="139"/>
        <source>This model has no card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="154"/>
        <source>Now typing with {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="155"/>
        <source>{0} is chosen; Yinzi uses it the next time it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="162"/>
        <source>Renamed {0} to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="184"/>
        <source>Deleted {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="186"/>
        <source>Typing falls back to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="210"/>
        <source>Rename model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="210"/>
        <source>New name for {0}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="215"/>
        <source>Delete model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_manager.py" line="216"/>
        <source>Delete the model {0} and its files? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelStore</name>
    <message>
        <location filename="../wizard/window.py" line="202"/>
        <source>&apos;{0}&apos; cannot be a model name: avoid / \ : * ? &quot; &lt; &gt; | and a leading dot (at most 64 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/window.py" line="203"/>
        <source>A model called &apos;{0}&apos; exists already: choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/window.py" line="204"/>
        <source>There is no model called &apos;{0}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/window.py" line="205"/>
        <source>&apos;{0}&apos; is not a pinyin model: it cannot be used for typing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/window.py" line="206"/>
        <source>&apos;{0}&apos; comes with Yinzi and cannot be renamed or deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/window.py" line="207"/>
        <source>There is no previous model to switch back to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/window.py" line="208"/>
        <source>{0} is not a model folder (no readable manifest.json).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/window.py" line="209"/>
        <source>Copying the model failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <location filename="../wizard/result_pages.py" line="61"/>
        <source>What changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="69"/>
        <source>Measured on your held-out documents (never trained on) and on general text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="70"/>
        <source>Measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="70"/>
        <location filename="../wizard/result_pages.py" line="116"/>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="70"/>
        <location filename="../wizard/result_pages.py" line="116"/>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="71"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="72"/>
        <source>characters right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="72"/>
        <source>sentences exactly right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="73"/>
        <source>right in the top 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="74"/>
        <location filename="../wizard/result_pages.py" line="116"/>
        <source>Your text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="74"/>
        <source>General text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="85"/>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="99"/>
        <source>characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="99"/>
        <source>sentences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="99"/>
        <source>top 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="101"/>
        <source>No general check file was given, so only your text was measured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="105"/>
        <source>Weight of your word layer: {0:g}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="111"/>
        <source>Now right ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="112"/>
        <source>Now wrong ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="116"/>
        <source>Pinyin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="131"/>
        <source>Before and after (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="138"/>
        <source>{0}, before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="139"/>
        <source>{0}, after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="159"/>
        <source>Scores of the new sentiment model on the data it did not train on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="160"/>
        <source>Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="160"/>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="160"/>
        <source>Macro-F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="177"/>
        <source>The trainer wrote no scores (report.json).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../batch_window.py" line="160"/>
        <source>sentiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="160"/>
        <source>probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="160"/>
        <source>positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="160"/>
        <source>row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="196"/>
        <source>line {0} of the file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sentiment</name>
    <message>
        <location filename="../analysis_panel.py" line="49"/>
        <source>positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="50"/>
        <source>negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="51"/>
        <source>neutral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="52"/>
        <source>mixed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="40"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="44"/>
        <source>Fuzzy pinyin (accept either sound)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="57"/>
        <source>Candidates per page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="58"/>
        <source>Chinese punctuation by default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="61"/>
        <source>Start in Chinese mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="64"/>
        <source>Page candidates with , . - =</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="66"/>
        <source>When off, these keys commit the first candidate and type the punctuation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="69"/>
        <source>Suggest the next word after a commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="75"/>
        <source>System default font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="81"/>
        <source>Editor font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="85"/>
        <source>Font size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="87"/>
        <source>Ctrl+= and Ctrl+- change it from the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="88"/>
        <source>Editor zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="91"/>
        <source>None (n-gram decoder only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="93"/>
        <source>user-trained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="93"/>
        <source>shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="97"/>
        <source>{0} (missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="100"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="101"/>
        <source>Use the GPU (CUDA) when available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="106"/>
        <location filename="../settings_dialog.py" line="112"/>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="110"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="113"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="114"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="116"/>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskPage</name>
    <message>
        <location filename="../wizard/setup_pages.py" line="65"/>
        <source>What should Yinzi learn?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="66"/>
        <source>Training runs on this computer; your text never leaves it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="68"/>
        <source>Type better in my domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="73"/>
        <source>Give Yinzi your own writing (documentation, notes, a novel…). It learns your words and phrases and adapts its pinyin-to-hanzi model, then shows how much better it types text like yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="77"/>
        <source>Sentiment on my labelled data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="81"/>
        <source>Give Yinzi a table of texts with a label column (0/1, neg/pos, or with a neutral class). It trains a sentiment model for the analysis panel and `yinzi analyze`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="95"/>
        <source>The trainer (yinzi-train) was not found, so nothing can be trained yet. Install it: in a source checkout run `make setup` (or `pip install -e .[train]`), or put the yinzi-trainer bundle next to the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/setup_pages.py" line="100"/>
        <source>Trainer: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainPage</name>
    <message>
        <location filename="../wizard/train_page.py" line="128"/>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="129"/>
        <source>The training runs in a process of its own: closing this window asks first, and a stopped run can be resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="131"/>
        <source>Training loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="132"/>
        <source>Held-out accuracy (char %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="133"/>
        <location filename="../wizard/train_page.py" line="182"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="134"/>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="135"/>
        <source>Start over with other settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="136"/>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="136"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="137"/>
        <source>Pausing is not supported on this system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="178"/>
        <source>Starting the trainer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="195"/>
        <source>Could not create the run&apos;s folder {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="211"/>
        <source>Pausing is not supported on this system; Cancel keeps a checkpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="215"/>
        <source>Training…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="217"/>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="228"/>
        <location filename="../wizard/train_page.py" line="244"/>
        <source>Stopping at a checkpoint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="236"/>
        <source>Stop now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="265"/>
        <source>Could not save the run&apos;s state: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="272"/>
        <source>unreadable event {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="300"/>
        <source>checkpoint at step {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="304"/>
        <source>data: {0} documents ({1} held out), {2:,} Han characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="307"/>
        <source>error: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="309"/>
        <source>resuming from the last checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="313"/>
        <source>Reading your text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="313"/>
        <source>Setting aside held-out documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="314"/>
        <source>Building your word layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="314"/>
        <source>Adapting the neural model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="315"/>
        <source>Exporting the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="315"/>
        <source>Tuning on held-out text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="316"/>
        <source>Measuring before and after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="316"/>
        <source>Writing the model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="318"/>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="342"/>
        <source>Step {0:,} / {1:,}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="343"/>
        <source>Loss {0:.3f}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="344"/>
        <source>{0:,.0f} tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="346"/>
        <source>ETA {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="350"/>
        <source>Elapsed {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="357"/>
        <source>The trainer could not be started: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="377"/>
        <location filename="../wizard/train_page.py" line="431"/>
        <source>Finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="379"/>
        <source>Training finished. Next shows what changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="389"/>
        <source>This trainer has no &apos;adapt&apos; command: it is older than this wizard. Update the trainer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="392"/>
        <source>This trainer does not understand {0}: start over and clear those advanced settings, or update the trainer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="397"/>
        <source> Resume continues from the checkpoint at step {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="398"/>
        <source> Resume starts again from the beginning of the interrupted stage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="403"/>
        <source>Cancelled at step {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="411"/>
        <location filename="../wizard/train_page.py" line="446"/>
        <source>The training process stopped unexpectedly (it was killed or crashed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="413"/>
        <location filename="../wizard/train_page.py" line="448"/>
        <source>The trainer exited with code {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="433"/>
        <source>Training finished. Next shows the scores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="441"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="444"/>
        <source>The data checks failed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/train_page.py" line="454"/>
        <source>Stopped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsePage</name>
    <message>
        <location filename="../wizard/result_pages.py" line="213"/>
        <source>Use it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="214"/>
        <source>Model name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="215"/>
        <source>Manage models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="217"/>
        <source>Keep the sentiment model with your models; `yinzi analyze --model NAME_OR_FOLDER` uses it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="219"/>
        <source>Keep this model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="221"/>
        <source>Yinzi keeps the model you type with now, so you can switch back at any time in the model manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="223"/>
        <source>Use this model for typing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="227"/>
        <source>Trained model: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="240"/>
        <source>Kept as &apos;{0}&apos; in {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="243"/>
        <source>Yinzi now types with &apos;{0}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="244"/>
        <source>&apos;{0}&apos; is now your typing model; Yinzi uses it the next time it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard/result_pages.py" line="247"/>
        <source> The previous model ({0}) is kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserDictWindow</name>
    <message>
        <location filename="../user_dict_window.py" line="118"/>
        <source>User dictionary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="126"/>
        <source>Search phrase or pinyin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="129"/>
        <source>Most used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="129"/>
        <source>Recently used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="130"/>
        <source>Phrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="134"/>
        <source>Sort by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="145"/>
        <location filename="../user_dict_window.py" line="225"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="146"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="147"/>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="148"/>
        <source>Clear all…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="159"/>
        <source>Cancel import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="177"/>
        <source>Learned words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="181"/>
        <source>Custom phrases</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../user_dict_window.py" line="207"/>
        <source>%n phrase(s)</source>
        <translation>
            <numerusform>%n phrase</numerusform>
            <numerusform>%n phrases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../user_dict_window.py" line="231"/>
        <source>Delete all %n learned phrase(s)? This cannot be undone.</source>
        <translation>
            <numerusform>Delete the %n learned phrase? This cannot be undone.</numerusform>
            <numerusform>Delete all %n learned phrases? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="247"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="247"/>
        <source>Could not export to {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../user_dict_window.py" line="249"/>
        <source>Exported %n phrase(s)</source>
        <translation>
            <numerusform>Exported %n phrase</numerusform>
            <numerusform>Exported %n phrases</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="262"/>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../user_dict_window.py" line="287"/>
        <source>Imported %n phrase(s)</source>
        <translation>
            <numerusform>Imported %n phrase</numerusform>
            <numerusform>Imported %n phrases</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="296"/>
        <source>Import cancelled; nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="300"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="299"/>
        <source>Could not import {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="237"/>
        <location filename="../user_dict_window.py" line="330"/>
        <source>Clear user dictionary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="339"/>
        <source>Tab-separated values (*.tsv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="341"/>
        <source>Export user dictionary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="344"/>
        <source>Import user dictionary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserEntryModel</name>
    <message>
        <location filename="../user_dict_window.py" line="65"/>
        <source>Phrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="65"/>
        <source>Pinyin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="65"/>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="65"/>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
