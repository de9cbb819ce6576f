<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="46" />
        <source>Haichi — staff rostering</source>
        <translation>Haichi（配置）— 職員配置</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="58" />
        <source>Roster</source>
        <translation>配置表</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="59" />
        <source>Sessions</source>
        <translation>枠</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="62" />
        <source>Open a workbook to begin (File ▸ Open, or drop an Excel file here).</source>
        <translation>ワークブックを開いてください（ファイル ▸ 開く、またはExcelファイルをここにドロップ）。</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="81" />
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="82" />
        <source>&amp;Open workbook…</source>
        <translation>ワークブックを開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="83" />
        <source>&amp;Export roster…</source>
        <translation>配置表を書き出す(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="84" />
        <source>E&amp;xit</source>
        <translation>終了(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="89" />
        <source>&amp;Roster</source>
        <translation>配置(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="90" />
        <source>&amp;Solve</source>
        <translation>配置を作成(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="91" />
        <source>&amp;Cancel</source>
        <translation>中止(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="94" />
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="120" />
        <source>Open workbooks</source>
        <translation>ワークブックを開く</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="120" />
        <source>Excel workbooks (*.xlsx *.xlsm)</source>
        <translation>Excelブック (*.xlsx *.xlsm)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/main_window.py" line="126" />
        <source>Importing %n file(s)…</source>
        <translation><numerusform>%n 件のファイルを取り込み中…</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="138" />
        <source>%1: %2 staff, %3 sessions, %4 to %5</source>
        <translation>%1：職員 %2 名、枠 %3 件、%4〜%5</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="149" />
        <source>Solving…</source>
        <translation>配置を作成中…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="162" />
        <source>Stopping — keeping the best roster found so far…</source>
        <translation>中止しています — これまでで最良の配置を残します…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="167" />
        <source>Solving… objective %1, bound %2, gap %3, %4 s</source>
        <translation>作成中… 評価値 %1、下界 %2、ギャップ %3、%4 秒</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="177" />
        <source>No roster</source>
        <translation>配置を作れません</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="178" />
        <source>No roster satisfies the hard rules.</source>
        <translation>必須ルールをすべて満たす配置はありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="182" />
        <source>optimal</source>
        <translation>最適</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="182" />
        <source>feasible</source>
        <translation>実行可能</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="184" />
        <source>Roster ready (%1): objective %2, %3 s</source>
        <translation>配置を作成しました（%1）：評価値 %2、%3 秒</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="191" />
        <source>Export roster</source>
        <translation>配置表の書き出し</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="191" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excelブック (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="200" />
        <source>Exporting…</source>
        <translation>書き出し中…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="202" />
        <source>Roster written to %1</source>
        <translation>配置表を書き出しました：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="223" />
        <source>Problems in the workbook</source>
        <translation>ワークブックの問題</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/main_window.py" line="224" />
        <source>%n problem(s) found; nothing was imported.</source>
        <translation><numerusform>%n 件の問題があります。何も取り込んでいません。</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="229" />
        <source>Error: %1</source>
        <translation>エラー：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="238" />
        <source>Haichi — %1</source>
        <translation>Haichi（配置）— %1</translation>
    </message>
</context>
<context>
    <name>SessionsModel</name>
    <message>
        <location filename="../../desktop/roster_model.py" line="182" />
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_model.py" line="183" />
        <source>Site</source>
        <translation>会場</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_model.py" line="184" />
        <source>Activity</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_model.py" line="185" />
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_model.py" line="186" />
        <source>Needed</source>
        <translation>必要人数</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_model.py" line="187" />
        <source>Assigned</source>
        <translation>配置人数</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_model.py" line="188" />
        <source>Staff</source>
        <translation>職員</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_model.py" line="189" />
        <source>Skills</source>
        <translation>必要スキル</translation>
    </message>
</context>
</TS>