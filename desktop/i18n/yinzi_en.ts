<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AnalysisPanel</name>
    <message>
        <location filename="../analysis_panel.py" line="172"/>
        <source>positive %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="198"/>
        <source>Sentences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="199"/>
        <source>Keywords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="200"/>
        <source>Pinyin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="252"/>
        <source>Selection: {0:,} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="261"/>
        <source>Sentiment unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="275"/>
        <source>model: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="276"/>
        <source>{0:.1f} ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="286"/>
        <source>No Chinese characters: sentiment is read from Chinese text only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="287"/>
        <source>No sentiment model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="302"/>
        <source>{0} positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="303"/>
        <source>{0} negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="305"/>
        <source>{0} neutral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="307"/>
        <source>Sentences: {0} (mean positive {1:.0%})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="326"/>
        <source>Pinyin of the first {0:,} of {1:,} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="344"/>
        <source>Analysis failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="360"/>
        <source>Type or paste text to analyse</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchWindow</name>
    <message>
        <location filename="../batch_window.py" line="210"/>
        <source>Batch analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="226"/>
        <source>Open file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="228"/>
        <source>No file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="234"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="236"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="238"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="258"/>
        <source>Sentiment distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="263"/>
        <source>Mean positive probability over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="272"/>
        <source>Text column:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="274"/>
        <source>Date column:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="315"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="339"/>
        <source>Open a file to analyse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="340"/>
        <source>Tables and text (*.csv *.tsv *.txt *.jsonl *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="345"/>
        <source>Cannot open file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="364"/>
        <source>Loading the model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="375"/>
        <source>Cancelling after this chunk…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="388"/>
        <source>, ETA {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="389"/>
        <source>{0:,} / {1:,} rows · {2:,.0f} rows/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="400"/>
        <source>The file has no data rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="402"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="402"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="403"/>
        <source> (table shows the first {0:,})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="408"/>
        <source> · {0:,} without sentiment (blank or no Chinese)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="410"/>
        <source> · {0:,} unreadable lines skipped ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="412"/>
        <source>{0}: {1:,} rows in {2:.1f} s ({3:,.0f} rows/s){4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="421"/>
        <source>Failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="439"/>
        <source>texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="463"/>
        <source>Mean positive probability by day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="464"/>
        <source>Mean positive probability by week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="465"/>
        <source>Mean positive probability by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="467"/>
        <source> ({0:,} without a readable date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="525"/>
        <location filename="../batch_window.py" line="530"/>
        <source>Export results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="526"/>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="531"/>
        <source>The results are already saved in {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="536"/>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="216"/>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="217"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="218"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="219"/>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="220"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="221"/>
        <source>Chinese mode	Shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="222"/>
        <source>Chinese punctuation	Ctrl+.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="223"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="224"/>
        <source>User &amp;dictionary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="225"/>
        <source>&amp;Batch analysis…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="226"/>
        <source>&amp;About Yinzi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="227"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="228"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="229"/>
        <source>&amp;Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="230"/>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="231"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="232"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="233"/>
        <source>Analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="236"/>
        <source>Text analysis is not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="237"/>
        <source>Input mode (Shift toggles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="238"/>
        <source>Chinese punctuation (Ctrl+. toggles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="256"/>
        <source>Model: {0} (loading {1}…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="258"/>
        <source>Model: {0} (neural model unavailable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="260"/>
        <source>Model: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="264"/>
        <location filename="../main_window.py" line="274"/>
        <source>{0:.1f} ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="265"/>
        <source>Last keystroke-to-candidates time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="302"/>
        <source>Model loaded: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="314"/>
        <source>Neural model not loaded ({0}); using the n-gram decoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="375"/>
        <source>Batch analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="376"/>
        <source>Batch analysis is not available: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="386"/>
        <source>About Yinzi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="387"/>
        <source>&lt;b&gt;Yinzi (音字)&lt;/b&gt;&lt;br&gt;An offline pinyin input method with its own neural pinyin-to-hanzi model, and Chinese text analysis.&lt;br&gt;Decoder: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="442"/>
        <location filename="../main_window.py" line="451"/>
        <location filename="../main_window.py" line="455"/>
        <source>Open text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="443"/>
        <location filename="../main_window.py" line="473"/>
        <source>Text files (*.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="452"/>
        <source>{0} is not UTF-8 text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="456"/>
        <source>Could not open {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="472"/>
        <location filename="../main_window.py" line="481"/>
        <source>Save text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="482"/>
        <source>Could not save {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="489"/>
        <source>Saved {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="516"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="517"/>
        <source>{0}[*] — Yinzi 音字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="530"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="530"/>
        <source>Save the changes to this text?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="561"/>
        <source>Restore unsaved text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="562"/>
        <source>The last session ended without saving. Restore its text?

{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../batch_window.py" line="136"/>
        <source>line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="136"/>
        <source>sentiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="136"/>
        <source>probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="136"/>
        <source>positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="137"/>
        <source>date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../batch_window.py" line="137"/>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sentiment</name>
    <message>
        <location filename="../analysis_panel.py" line="45"/>
        <source>positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="46"/>
        <source>negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="47"/>
        <source>neutral</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="39"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="43"/>
        <source>Fuzzy pinyin (accept either sound)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="56"/>
        <source>Candidates per page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="57"/>
        <source>Chinese punctuation by default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="60"/>
        <source>Start in Chinese mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="66"/>
        <source>System default font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="72"/>
        <source>Editor font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="76"/>
        <source>Font size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="79"/>
        <source>None (n-gram decoder only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="81"/>
        <source>user-trained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="81"/>
        <source>shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="85"/>
        <source>{0} (missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="88"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="89"/>
        <source>Use the GPU (CUDA) when available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="94"/>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="98"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserDictWindow</name>
    <message>
        <location filename="../user_dict_window.py" line="92"/>
        <source>User dictionary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="99"/>
        <source>Search phrase or pinyin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="102"/>
        <source>Most used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="102"/>
        <source>Recently used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="103"/>
        <source>Phrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="107"/>
        <source>Sort by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="118"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="119"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="120"/>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="121"/>
        <source>Clear all…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../user_dict_window.py" line="150"/>
        <source>%n phrase(s)</source>
        <translation>
            <numerusform>%n phrase</numerusform>
            <numerusform>%n phrases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../user_dict_window.py" line="169"/>
        <source>Delete all %n learned phrase(s)? This cannot be undone.</source>
        <translation>
            <numerusform>Delete the %n learned phrase? This cannot be undone.</numerusform>
            <numerusform>Delete all %n learned phrases? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../user_dict_window.py" line="178"/>
        <source>Exported %n phrase(s)</source>
        <translation>
            <numerusform>Exported %n phrase</numerusform>
            <numerusform>Exported %n phrases</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="185"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="186"/>
        <source>Could not import {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="208"/>
        <source>Clear user dictionary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="214"/>
        <source>Tab-separated values (*.tsv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="216"/>
        <source>Export user dictionary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="219"/>
        <source>Import user dictionary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserEntryModel</name>
    <message>
        <location filename="../user_dict_window.py" line="58"/>
        <source>Phrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="58"/>
        <source>Pinyin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="58"/>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../user_dict_window.py" line="58"/>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
