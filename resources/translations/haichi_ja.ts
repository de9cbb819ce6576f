<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../desktop/menus.py" line="23" />
        <source>&amp;Import workbooks…</source>
        <translation>ワークブックの取り込み(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="24" />
        <source>Open &amp;plan…</source>
        <translation>計画を開く(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="25" />
        <source>&amp;Save plan</source>
        <translation>計画を保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="26" />
        <source>&amp;Roster workbook…</source>
        <translation>配置表ブック(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="27" />
        <source>&amp;Per-person files…</source>
        <translation>個人別ファイル(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="28" />
        <source>&amp;Calendars (.ics)…</source>
        <translation>カレンダー (.ics)(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="29" />
        <source>Master roster as P&amp;DF…</source>
        <translation>配置表のPDF(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="31" />
        <source>Duty roster (people × days) as PDF…</source>
        <translation>勤務表のPDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="33" />
        <source>Each site's days as PDF…</source>
        <translation>会場別（会場ごと・日ごと）のPDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="35" />
        <source>&amp;Availability forms…</source>
        <translation>勤務可否の回答票を作成(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="36" />
        <source>&amp;Collect returned forms…</source>
        <translation>返送された回答票の取り込み(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="37" />
        <source>Print pre&amp;view…</source>
        <translation>印刷プレビュー(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="38" />
        <source>Se&amp;ttings…</source>
        <translation>設定(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="39" />
        <source>E&amp;xit</source>
        <translation>終了(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="41" />
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="43" />
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="46" />
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="47" />
        <source>Redo</source>
        <translation>やり直し</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="52" />
        <source>Unassign</source>
        <translation>配置を外す</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="53" />
        <source>&amp;Lock</source>
        <translation>固定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="54" />
        <source>U&amp;nlock</source>
        <translation>固定を解除(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="55" />
        <source>&amp;Staff, sites and sessions…</source>
        <translation>職員・会場・枠(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="56" />
        <source>R&amp;ules…</source>
        <translation>ルール(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="57" />
        <source>&amp;Solve</source>
        <translation>配置を作成(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="58" />
        <source>Solve with cover made so&amp;ft</source>
        <translation>人数不足を許して作成(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="60" />
        <source>&amp;Cancel solve</source>
        <translation>作成を中止(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="61" />
        <source>&amp;Publish roster…</source>
        <translation>配置表を公開(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="62" />
        <source>C&amp;ompare rosters…</source>
        <translation>配置表を比較(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="63" />
        <source>&amp;About Haichi</source>
        <translation>Haichi について(&amp;A)</translation>
    </message>
</context>
<context>
    <name>CarriedLabel</name>
    <message>
        <location filename="../../desktop/views/carried.py" line="23" />
        <source>%1 v%2</source>
        <translation>%1 版%2</translation>
    </message>
    <message>
        <location filename="../../desktop/views/carried.py" line="24" />
        <source>(draft)</source>
        <translation>（下書き）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/carried.py" line="25" />
        <source>History: %1</source>
        <translation>引き継ぎ: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/carried.py" line="25" />
        <source>none</source>
        <translation>なし</translation>
    </message>
</context>
<context>
    <name>CellPreview</name>
    <message>
        <location filename="../../desktop/dialogs/cell_preview.py" line="105" />
        <source>%1 – sheet %2</source>
        <translation>%1 – シート %2</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/cell_preview.py" line="110" />
        <source>Reading the sheet…</source>
        <translation>シートを読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/cell_preview.py" line="122" />
        <source>Open in Excel</source>
        <translation>Excelで開く</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/cell_preview.py" line="138" />
        <source>The sheet cannot be shown here; open the workbook in Excel.</source>
        <translation>このシートはここに表示できません。Excel でブックを開いてください。</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../desktop/dialogs/compare_dialog.py" line="74" />
        <source>Compare rosters</source>
        <translation>配置表の比較</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/compare_dialog.py" line="85" />
        <source>The roster in the window</source>
        <translation>画面の配置表</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/compare_dialog.py" line="87" />
        <source>Before the last solve</source>
        <translation>直前の作成の前</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/compare_dialog.py" line="89" />
        <source>Compare</source>
        <translation>比較元</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/compare_dialog.py" line="90" />
        <source>with</source>
        <translation>比較先</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/compare_dialog.py" line="91" />
        <source>Both are scored with the rules as they are set now.</source>
        <translation>どちらも現在のルール設定で評価しています。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/compare_dialog.py" line="109" />
        <source>Who moved</source>
        <translation>配置の変更</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/compare_dialog.py" line="127" />
        <source>Reading the saved versions…</source>
        <translation>保存した版を読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/compare_dialog.py" line="140" />
        <source>published</source>
        <translation>公開</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/compare_dialog.py" line="141" />
        <source>draft</source>
        <translation>下書き</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/compare_dialog.py" line="144" />
        <source>Version %1 (%2, %3, %4 assignments)</source>
        <translation>版 %1（%2、%3、配置 %4 件）</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/compare_dialog.py" line="152" />
        <source>There is nothing to compare yet: save a version, or solve again, and the roster before it can be compared with the new one.</source>
        <translation>比較できる配置表がまだありません。版を保存するか、もう一度作成すると、その前の配置表と比べられます。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/compare_dialog.py" line="179" />
        <source>Comparing…</source>
        <translation>比較しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/compare_dialog.py" line="199" />
        <source>Objective (lower is better)</source>
        <translation>評価値（小さいほど良い）</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/compare_dialog.py" line="200" />
        <source>Hard rules broken</source>
        <translation>必須ルール違反</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/compare_dialog.py" line="201" />
        <source>Sessions short of people</source>
        <translation>人数が足りない枠</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/compare_dialog.py" line="202" />
        <source>Assignments</source>
        <translation>配置数</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/compare_dialog.py" line="203" />
        <source>Most sessions of one person</source>
        <translation>1人の最多配置回数</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/compare_dialog.py" line="204" />
        <source>Fewest sessions of one person</source>
        <translation>1人の最少配置回数</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/compare_dialog.py" line="206" />
        <source>  %1 broken</source>
        <translation>  %1 の違反（件）</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/compare_dialog.py" line="207" />
        <source>  cost of %1</source>
        <translation>  %1 の評価値</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/compare_dialog.py" line="212" />
        <source>Difference</source>
        <translation>差</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/compare_dialog.py" line="224" />
        <source>Could not compare: %1</source>
        <translation>比較できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>FilesPage</name>
    <message>
        <location filename="../../desktop/dialogs/import_wizard.py" line="30" />
        <source>Choose workbooks</source>
        <translation>ワークブックの選択</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_wizard.py" line="31" />
        <source>Add the sessions workbook and every returned availability form; they are merged.</source>
        <translation>枠のブックと、返送された勤務可否表をすべて追加してください。まとめて取り込みます。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_wizard.py" line="34" />
        <source>Add…</source>
        <translation>追加…</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_wizard.py" line="35" />
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_wizard.py" line="39" />
        <source>Plan name (blank: taken from the workbook)</source>
        <translation>計画名（空欄ならブックから取得）</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_wizard.py" line="47" />
        <source>Plan name</source>
        <translation>計画名</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_wizard.py" line="64" />
        <source>Add workbooks</source>
        <translation>ワークブックを追加</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_wizard.py" line="65" />
        <source>Excel workbooks (*.xlsx *.xlsm)</source>
        <translation>Excelブック (*.xlsx *.xlsm)</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../desktop/dialogs/import_wizard.py" line="208" />
        <source>Import workbooks</source>
        <translation>ワークブックの取り込み</translation>
    </message>
</context>
<context>
    <name>InputEditor</name>
    <message>
        <location filename="../../desktop/dialogs/input_editor.py" line="54" />
        <source>Staff, sites and sessions</source>
        <translation>職員・会場・枠</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/input_editor.py" line="60" />
        <source>Staff</source>
        <translation>職員</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/input_editor.py" line="61" />
        <source>Sites</source>
        <translation>会場</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/input_editor.py" line="62" />
        <source>Sessions</source>
        <translation>枠</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/input_editor.py" line="87" />
        <source>Staff ID %1 is used more than once.</source>
        <translation>職員ID %1 が重複しています。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/input_editor.py" line="89" />
        <source>Two sessions have the same date, site, activity and start: %1</source>
        <translation>日付・会場・内容・開始が同じ枠が2つあります：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/input_editor.py" line="93" />
        <source>%1 is outside the plan period.</source>
        <translation>%1 は計画期間外です。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/input_editor.py" line="95" />
        <source>%1 ends before it starts.</source>
        <translation>%1 は終了が開始より前です。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/input_editor.py" line="107" />
        <source>%1 may take at most %2, fewer than the %3 people it needs.</source>
        <translation>%1 の最大人数 %2 名が、必要人数 %3 名より少ないです。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/input_editor.py" line="109" />
        <source>%1 needs %2 people with %3, more than the %4 it may take.</source>
        <translation>%1 は「%3」を持つ人が %2 名必要ですが、最大人数は %4 名です。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/input_editor.py" line="113" />
        <source>%1 has a target of %2, outside its %3 to %4 people.</source>
        <translation>%1 の目標人数 %2 が %3〜%4 人の外です。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/input_editor.py" line="128" />
        <source>%1's limits per activity name %2, which no session has (activities: %3).</source>
        <translation>%1 の内容別上限にある「%2」の枠がありません（枠の内容: %3）。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="68" />
        <location filename="../../desktop/main_window.py" line="243" />
        <source>Haichi — staff rostering</source>
        <translation>Haichi（配置）— 職員配置</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="82" />
        <source>Roster</source>
        <translation>配置表</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="83" />
        <source>Sessions</source>
        <translation>枠</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="75" />
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="78" />
        <source>Recent &amp;files</source>
        <translation>最近使ったファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="79" />
        <source>Recent pla&amp;ns</source>
        <translation>最近使った計画(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="82" />
        <source>&amp;Export</source>
        <translation>書き出し(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="85" />
        <source>Availability f&amp;orms</source>
        <translation>勤務可否の回答票(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="93" />
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="101" />
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="105" />
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="97" />
        <source>&amp;Roster</source>
        <translation>配置(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="111" />
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="226" />
        <location filename="../../desktop/plan_files.py" line="102" />
        <source>%1: %2 staff, %3 sessions, %4 to %5</source>
        <translation>%1：職員 %2 名、枠 %3 件、%4〜%5</translation>
    </message>
    <message>
        <location filename="../../desktop/solve_actions.py" line="40" />
        <source>Solving…</source>
        <translation>配置を作成中…</translation>
    </message>
    <message>
        <location filename="../../desktop/solve_actions.py" line="63" />
        <source>Stopping — keeping the best roster found so far…</source>
        <translation>中止しています — これまでで最良の配置を残します…</translation>
    </message>
    <message>
        <location filename="../../desktop/solve_actions.py" line="70" />
        <source>No roster found within the time limit; try a longer limit in Settings, or Roster ▸ Solve with cover made soft to see what cannot be filled.</source>
        <translation>制限時間内に配置が見つかりませんでした。設定で制限時間を長くするか、「配置 ▸ 人数不足を許して作成」で埋められない枠を確かめてください。</translation>
    </message>
    <message>
        <location filename="../../desktop/solve_actions.py" line="76" />
        <location filename="../../desktop/solve_actions.py" line="85" />
        <source>No roster</source>
        <translation>配置を作れません</translation>
    </message>
    <message>
        <location filename="../../desktop/solve_actions.py" line="82" />
        <location filename="../../desktop/solve_actions.py" line="85" />
        <source>No roster satisfies the hard rules.</source>
        <translation>必須ルールをすべて満たす配置はありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="92" />
        <source>&lt;opened&gt;</source>
        <translation>＜開いた時点＞</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="100" />
        <source>Statistics</source>
        <translation>集計</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="101" />
        <source>Rule violations</source>
        <translation>ルール違反</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="102" />
        <source>Solve progress</source>
        <translation>作成の進み具合</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="103" />
        <source>Undo history</source>
        <translation>操作履歴</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="116" />
        <location filename="../../desktop/main_window.py" line="120" />
        <location filename="../../desktop/main_window.py" line="122" />
        <source>Plan</source>
        <translation>計画</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="128" />
        <source>Import workbooks to begin (File ▸ Import, or drop Excel files here).</source>
        <translation>ワークブックを取り込んでください（ファイル ▸ 取り込み、またはExcelファイルをここにドロップ）。</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="254" />
        <source>Objective %1 · hard violations %2 · unfilled sessions %3</source>
        <translation>評価値 %1 ・ 必須ルール違反 %2 件 ・ 人数不足の枠 %3 件</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="284" />
        <source>Who could take it…</source>
        <translation>この枠の候補…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="288" />
        <source>Who could take %1's place…</source>
        <translation>%1 の代わりの候補…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/main_window.py" line="322" />
        <source>Unassign %n assignment(s)</source>
        <translation><numerusform>%n 件の配置を外す</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/solve_actions.py" line="69" />
        <source>Solve cancelled before a first roster was found.</source>
        <translation>配置が見つかる前に作成を中止しました。</translation>
    </message>
    <message>
        <location filename="../../desktop/solve_actions.py" line="89" />
        <source>Or make a roster with the places that cannot be filled left open: Roster ▸ Solve with cover made soft.</source>
        <translation>埋められない枠を空けたままの配置なら「配置 ▸ 人数不足を許して作成」で作れます。</translation>
    </message>
    <message>
        <location filename="../../desktop/solve_actions.py" line="96" />
        <source>Solve</source>
        <translation>配置の作成</translation>
    </message>
    <message>
        <location filename="../../desktop/solve_actions.py" line="97" />
        <source>optimal</source>
        <translation>最適</translation>
    </message>
    <message>
        <location filename="../../desktop/solve_actions.py" line="97" />
        <source>feasible</source>
        <translation>実行可能</translation>
    </message>
    <message>
        <location filename="../../desktop/solve_actions.py" line="101" />
        <source>Roster with cover made soft ready (%1), %2 s: the places left open are listed as broken hard rules</source>
        <translation>人数不足を許した配置を作成しました（%1、%2 秒）：埋まらなかった枠は必須ルール違反として一覧にあります</translation>
    </message>
    <message>
        <location filename="../../desktop/solve_actions.py" line="105" />
        <source>Roster ready (%1): objective %2, %3 s</source>
        <translation>配置を作成しました（%1）：評価値 %2、%3 秒</translation>
    </message>
    <message>
        <location filename="../../desktop/solve_actions.py" line="109" />
        <source>(cancelled; best roster kept)</source>
        <translation>（中止：最良の配置を残しました）</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="356" />
        <source>Not saved</source>
        <translation>保存していません</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="358" />
        <source>Not saved: %1</source>
        <translation>保存していません: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="360" />
        <source>Cannot save the file</source>
        <translation>ファイルを保存できません</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="363" />
        <source>Nothing was written.</source>
        <translation>何も書き込んでいません。</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="376" />
        <source>Plan changed by someone else</source>
        <translation>他の人が計画を変更しました</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="378" />
        <source>Reload the plan</source>
        <translation>計画を読み込み直す</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="379" />
        <source>Your changes were not saved. Reload to see the saved plan, or export your roster first to keep it.</source>
        <translation>変更は保存されていません。読み込み直すと保存済みの計画を表示します。今の配置を残すには、先に配置表を書き出してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_files.py" line="71" />
        <source>Importing %n file(s)…</source>
        <translation>%n 件のファイルを取り込み中…</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_files.py" line="108" />
        <source> — imported again: the roster is kept (%n assignment(s)), checked against the new input</source>
        <translation> — 取り込み直し：配置表はそのままです（%n 件）。新しい入力で確認しました</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_files.py" line="111" />
        <source>; rule settings kept (not on the 設定 sheet): %1</source>
        <translation>。設定シートにないルールの設定はそのままです：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_files.py" line="114" />
        <source>; back to their defaults (gone from the 設定 sheet): %1</source>
        <translation>。設定 シートからなくなったため既定に戻したルール: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_files.py" line="148" />
        <source>Opening plan %1…</source>
        <translation>計画 %1 を開いています…</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_files.py" line="155" />
        <source>Plan %1 opened.</source>
        <translation>計画 %1 を開きました。</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_files.py" line="167" />
        <source>Wait for the work under way to finish, then save.</source>
        <translation>実行中の処理が終わってから保存してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_files.py" line="183" />
        <source>Unsaved changes</source>
        <translation>保存されていない変更</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_files.py" line="184" />
        <source>Plan %1 has changes that are not saved. Save them?</source>
        <translation>計画「%1」に保存されていない変更があります。保存しますか？</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_files.py" line="186" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_files.py" line="187" />
        <source>Don't save</source>
        <translation>保存しない</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_files.py" line="188" />
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_files.py" line="230" />
        <source>Publish roster</source>
        <translation>配置表の公開</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_files.py" line="231" />
        <source>Publish this roster of %1?</source>
        <translation>「%1」のこの配置表を公開しますか？</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_files.py" line="234" />
        <source>A published version is frozen: later changes are saved as new versions, and the changes since it can be sent to the people they concern.</source>
        <translation>公開した版は固定されます。この後の変更は新しい版として保存され、公開版からの変更を関係する人に知らせられます。</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_files.py" line="237" />
        <source>It breaks %n hard rule(s).</source>
        <translation>必須ルール違反が %n 件あります。</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_files.py" line="257" />
        <source>Version %1 of %2 published.</source>
        <translation>「%2」の版 %1 を公開しました。</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_files.py" line="258" />
        <source>Version %1 of %2 is published already.</source>
        <translation>「%2」の版 %1 は公開済みです。</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_files.py" line="267" />
        <source>Plan %1 saved.</source>
        <translation>計画 %1 を保存しました。</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_files.py" line="269" />
        <source>Roster version %1.</source>
        <translation>配置 第%1版。</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_files.py" line="287" />
        <source>Export roster</source>
        <translation>配置表の書き出し</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_files.py" line="288" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excelブック (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/paperwork_actions.py" line="40" />
        <source>Folder for the availability forms</source>
        <translation>回答票の保存先フォルダー</translation>
    </message>
    <message>
        <location filename="../../desktop/paperwork_actions.py" line="47" />
        <source>Writing availability forms…</source>
        <translation>回答票を作成中…</translation>
    </message>
    <message>
        <location filename="../../desktop/paperwork_actions.py" line="49" />
        <source>%1 forms written to %2</source>
        <translation>回答票 %1 件を %2 に書き出しました</translation>
    </message>
    <message>
        <location filename="../../desktop/paperwork_actions.py" line="55" />
        <source>Returned availability forms</source>
        <translation>返送された回答票</translation>
    </message>
    <message>
        <location filename="../../desktop/paperwork_actions.py" line="56" />
        <source>Excel workbooks (*.xlsx *.xlsm)</source>
        <translation>Excelブック (*.xlsx *.xlsm)</translation>
    </message>
    <message>
        <location filename="../../desktop/paperwork_actions.py" line="64" />
        <source>Reading %n returned form(s)…</source>
        <translation>返送された回答票 %n 件を読み込み中…</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/__init__.py" line="31" />
        <source>…and %n more (see the details)</source>
        <translation>…ほか %n 件（「詳細」を表示すると一覧できます）</translation>
    </message>
    <message>
        <location filename="../../desktop/paperwork_actions.py" line="77" />
        <source>Returned forms</source>
        <translation>返送された回答票</translation>
    </message>
    <message>
        <location filename="../../desktop/paperwork_actions.py" line="79" />
        <location filename="../../desktop/paperwork_actions.py" line="80" />
        <source>Apply these answers to the plan?</source>
        <translation>この回答を計画に反映しますか？</translation>
    </message>
    <message>
        <location filename="../../desktop/paperwork_actions.py" line="83" />
        <source>Returned forms not applied.</source>
        <translation>回答票は反映していません。</translation>
    </message>
    <message>
        <location filename="../../desktop/paperwork_actions.py" line="85" />
        <source>Collect returned forms</source>
        <translation>回答票の取り込み</translation>
    </message>
    <message>
        <location filename="../../desktop/paperwork_actions.py" line="92" />
        <source>Folder for the calendars</source>
        <translation>カレンダーの保存先フォルダー</translation>
    </message>
    <message>
        <location filename="../../desktop/paperwork_actions.py" line="109" />
        <source>Duty roster as PDF</source>
        <translation>勤務表のPDF</translation>
    </message>
    <message>
        <location filename="../../desktop/paperwork_actions.py" line="110" />
        <source>Each site's days as PDF</source>
        <translation>会場別のPDF</translation>
    </message>
    <message>
        <location filename="../../desktop/paperwork_actions.py" line="111" />
        <source>Master roster as PDF</source>
        <translation>配置表のPDF</translation>
    </message>
    <message>
        <location filename="../../desktop/paperwork_actions.py" line="112" />
        <source>PDF files (*.pdf)</source>
        <translation>PDFファイル (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/paperwork_actions.py" line="120" />
        <location filename="../../desktop/plan_files.py" line="297" />
        <source>Exporting…</source>
        <translation>書き出し中…</translation>
    </message>
    <message>
        <location filename="../../desktop/paperwork_actions.py" line="121" />
        <source>Duty roster written to %1</source>
        <translation>勤務表を書き出しました：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/paperwork_actions.py" line="122" />
        <source>Each site's days written to %1</source>
        <translation>会場別を書き出しました：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/paperwork_actions.py" line="123" />
        <location filename="../../desktop/plan_files.py" line="299" />
        <source>Roster written to %1</source>
        <translation>配置表を書き出しました：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_files.py" line="302" />
        <source>Folder for the per-person files</source>
        <translation>個人別ファイルの保存先フォルダ</translation>
    </message>
    <message>
        <location filename="../../desktop/paperwork_actions.py" line="100" />
        <location filename="../../desktop/plan_files.py" line="312" />
        <source>%1 files written to %2</source>
        <translation>%1 件のファイルを %2 に書き出しました</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_files.py" line="329" />
        <source>Edit staff, sites and sessions</source>
        <translation>職員・会場・枠の編集</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_files.py" line="338" />
        <source>Change rules</source>
        <translation>ルールの変更</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_files.py" line="362" />
        <source>Restart Haichi</source>
        <translation>Haichi の再起動</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_files.py" line="363" />
        <source>The new language or database is used once Haichi starts again. Restart now?</source>
        <translation>新しい言語・データベースは Haichi を起動し直すと使われます。今すぐ再起動しますか？</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_files.py" line="365" />
        <source>Restart now</source>
        <translation>今すぐ再起動</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_files.py" line="366" />
        <source>Later</source>
        <translation>後で</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_files.py" line="380" />
        <source>Haichi could not be restarted; close it and start it again.</source>
        <translation>Haichi を再起動できませんでした。閉じてから起動し直してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_files.py" line="386" />
        <source>About Haichi</source>
        <translation>Haichi について</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_files.py" line="386" />
        <source>Haichi builds staff rosters: Excel in, a constraint solver, Excel out.</source>
        <translation>Haichi は職員の配置表を作ります：Excelで取り込み、制約ソルバーで作成し、Excelで書き出します。</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="365" />
        <source>Problems in the workbook</source>
        <translation>ワークブックの問題</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/main_window.py" line="366" />
        <source>%n problem(s) found; nothing was imported.</source>
        <translation><numerusform>%n 件の問題があります。何も取り込んでいません。</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="348" />
        <location filename="../../desktop/main_window.py" line="371" />
        <source>Error: %1</source>
        <translation>エラー：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="242" />
        <source>Haichi — %1</source>
        <translation>Haichi（配置）— %1</translation>
    </message>
</context>
<context>
    <name>PlansDialog</name>
    <message>
        <location filename="../../desktop/dialogs/plans_dialog.py" line="20" />
        <source>Open plan</source>
        <translation>計画を開く</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/plans_dialog.py" line="24" />
        <source>Plan</source>
        <translation>計画</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/plans_dialog.py" line="24" />
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/plans_dialog.py" line="24" />
        <source>Staff</source>
        <translation>職員</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/plans_dialog.py" line="24" />
        <source>Sessions</source>
        <translation>枠</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/plans_dialog.py" line="24" />
        <source>Versions</source>
        <translation>版</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/plans_dialog.py" line="38" />
        <source>No plans are saved in this database yet. Import workbooks (File ▸ Import workbooks) to make one.</source>
        <translation>このデータベースにはまだ計画がありません。ワークブックを取り込むと計画ができます（ファイル ▸ ワークブックの取り込み）。</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../desktop/dialogs/import_wizard.py" line="83" />
        <source>Check</source>
        <translation>確認</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_wizard.py" line="101" />
        <source>Reading the workbooks…</source>
        <translation>ワークブックを読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_wizard.py" line="122" />
        <source>Plan %1, %2 to %3: %4 staff, %5 sites, %6 sessions, %7 availability marks. Press Finish to import.</source>
        <translation>計画 %1（%2〜%3）：職員 %4 名、会場 %5 か所、枠 %6 件、勤務可否 %7 件。「完了」で取り込みます。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_wizard.py" line="129" />
        <source>%1 shift wishes (shift names written in the availability cells).</source>
        <translation>勤務希望 %1 件（勤務可否の欄に書かれた勤務名）。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_wizard.py" line="132" />
        <source>No availability marks yet: after importing, write the availability forms (File &gt; Availability forms), and collect the returned ones before solving.</source>
        <translation>勤務可否がまだありません。取り込んだあと［ファイル］▸［勤務可否の回答票］で回答票を作成し、返送された回答票を取り込んでから配置を作ってください。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_wizard.py" line="135" />
        <source>Note: %1</source>
        <translation>注意: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_wizard.py" line="136" />
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_wizard.py" line="136" />
        <source>Site</source>
        <translation>会場</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_wizard.py" line="136" />
        <source>Activity</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_wizard.py" line="136" />
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_wizard.py" line="136" />
        <source>Needed</source>
        <translation>必要人数</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_wizard.py" line="137" />
        <source>Required skills</source>
        <translation>必要スキル</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/dialogs/import_wizard.py" line="151" />
        <source>%n problem(s) found; nothing will be imported. Fix the workbooks and press Back, then Next.</source>
        <translation><numerusform>%n 件の問題があります。何も取り込みません。ブックを直してから「戻る」「次へ」を押してください。</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_wizard.py" line="153" />
        <source>Double-click a problem to see its cell.</source>
        <translation>問題の行をダブルクリックすると、そのセルを表示します。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_wizard.py" line="156" />
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_wizard.py" line="156" />
        <source>Sheet</source>
        <translation>シート</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_wizard.py" line="156" />
        <source>Cell</source>
        <translation>セル</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_wizard.py" line="156" />
        <source>Problem</source>
        <translation>問題</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../desktop/printing.py" line="80" />
        <source>unfilled</source>
        <translation>未充足</translation>
    </message>
    <message>
        <location filename="../../desktop/printing.py" line="81" />
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../desktop/printing.py" line="102" />
        <source>Master roster: %1</source>
        <translation>配置表：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/printing.py" line="202" />
        <source>Print preview — master roster</source>
        <translation>印刷プレビュー — 配置表</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <location filename="../../desktop/views/records.py" line="72" />
        <source>e.g. 40 or 37.5 (hours; blank: no limit)</source>
        <translation>例: 40、37.5（時間。空欄は制限なし）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="84" />
        <source>Staff ID</source>
        <translation>職員ID</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="85" />
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="87" />
        <source>Skills</source>
        <translation>スキル</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="89" />
        <source>Home</source>
        <translation>拠点</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="90" />
        <source>Weekdays</source>
        <translation>勤務曜日</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="91" />
        <source>e.g. 火・木 or 月〜金 (blank: any day)</source>
        <translation>例: 火・木、月〜金（空欄はどの曜日も可）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="92" />
        <source>Max/day</source>
        <translation>1日上限</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="93" />
        <source>Max/week</source>
        <translation>週上限</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="94" />
        <source>Max days/week</source>
        <translation>週日数上限</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="95" />
        <source>Max days/month</source>
        <translation>月日数上限</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="96" />
        <source>Min hours/week</source>
        <translation>週時間下限</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="98" />
        <source>Max hours/week</source>
        <translation>週時間上限</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="100" />
        <source>Min hours/month</source>
        <translation>月時間下限</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="102" />
        <source>Max hours/month</source>
        <translation>月時間上限</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="104" />
        <source>Max/month</source>
        <translation>月上限</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="105" />
        <source>Desired/month</source>
        <translation>希望回数</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="106" />
        <source>Max consecutive days</source>
        <translation>連続勤務上限</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="107" />
        <source>Limits per activity</source>
        <translation>内容別上限</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="108" />
        <source>e.g. 準夜+深夜:8、日勤:20 (activities joined by + count together; 0 = never)</source>
        <translation>例: 準夜+深夜:8、日勤:20（+ でつないだ内容は合わせて数えます。0 はその内容に入れない）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="110" />
        <source>Hourly rate</source>
        <translation>時給</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="111" />
        <source>Annual pay cap</source>
        <translation>年間上限額</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="112" />
        <source>Active</source>
        <translation>在籍</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="113" />
        <location filename="../../desktop/views/records.py" line="137" />
        <source>Notes</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="116" />
        <location filename="../../desktop/views/records.py" line="124" />
        <source>Site</source>
        <translation>会場</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="117" />
        <source>Area</source>
        <translation>区</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="118" />
        <source>Travel group</source>
        <translation>移動グループ</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="120" />
        <source>e.g. 9:00 or 16:30</source>
        <translation>例: 9:00、16:30</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="122" />
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="123" />
        <source>e.g. 1/5 or 2027/1/5</source>
        <translation>例: 1/5、2027/1/5</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="125" />
        <source>Activity</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="126" />
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="127" />
        <source>End</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="128" />
        <source>Break (min)</source>
        <translation>休憩（分）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="130" />
        <source>e.g. 45 or 1時間 (not worked; blank: none)</source>
        <translation>例: 45、1時間（勤務時間に数えない。空欄: なし）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="131" />
        <source>Min staff</source>
        <translation>必要人数</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="132" />
        <source>Max staff</source>
        <translation>最大人数</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="133" />
        <source>Target staff</source>
        <translation>目標人数</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="134" />
        <source>between the min and the max: each short of it costs (blank: the min)</source>
        <translation>必要人数と最大人数の間: 届かない1人ごとに重みが掛かる（空欄は必要人数）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="135" />
        <source>Required skills</source>
        <translation>必要スキル</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="136" />
        <source>e.g. リーダー:1、保健師:2〜3、新人:0〜1</source>
        <translation>例: リーダー:1、保健師:2〜3、新人:0〜1（最低〜最大）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="206" />
        <source>%1 cannot be left blank.</source>
        <translation>%1 は空欄にできません。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="208" />
        <source>%1: “%2” cannot be read; the cell keeps its value.</source>
        <translation>%1:「%2」は読み取れません。セルは元のままです。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="251" />
        <source>New person</source>
        <translation>新しい職員</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="256" />
        <location filename="../../desktop/views/records.py" line="261" />
        <source>New site</source>
        <translation>新しい会場</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records.py" line="262" />
        <source>New session</source>
        <translation>新しい枠</translation>
    </message>
</context>
<context>
    <name>RecordsTab</name>
    <message>
        <location filename="../../desktop/dialogs/input_editor.py" line="26" />
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/input_editor.py" line="27" />
        <source>Remove</source>
        <translation>削除</translation>
    </message>
</context>
<context>
    <name>RosterEditor</name>
    <message>
        <location filename="../../desktop/edits.py" line="38" />
        <source>Assign %1 to %2</source>
        <translation>%1 を %2 に配置</translation>
    </message>
    <message>
        <location filename="../../desktop/edits.py" line="54" />
        <source>Unassign %1 from %2</source>
        <translation>%1 を %2 から外す</translation>
    </message>
    <message>
        <location filename="../../desktop/edits.py" line="72" />
        <source>Lock %n assignment(s)</source>
        <translation>%n 件の配置を固定</translation>
    </message>
    <message>
        <location filename="../../desktop/edits.py" line="73" />
        <source>Unlock %n assignment(s)</source>
        <translation>%n 件の配置の固定を解除</translation>
    </message>
    <message>
        <location filename="../../desktop/edits.py" line="158" />
        <source>Move %1 from %2 to %3</source>
        <translation>%1 を %2 から %3 へ移す</translation>
    </message>
    <message>
        <location filename="../../desktop/edits.py" line="172" />
        <source>Swap %1 and %2</source>
        <translation>%1 と %2 を入れ替え</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <location filename="../../desktop/views/roster_grid.py" line="289" />
        <source>After night</source>
        <translation>明</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_grid.py" line="297" />
        <source>%1 wanted</source>
        <translation>%1希望</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_grid.py" line="308" />
        <source>Wish: %1</source>
        <translation>希望: %1</translation>
    </message>
</context>
<context>
    <name>RosterView</name>
    <message>
        <location filename="../../desktop/views/roster_view.py" line="173" />
        <source>Assign to</source>
        <translation>配置する枠</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_view.py" line="180" />
        <source>Unassign from %1</source>
        <translation>%1 から外す</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_view.py" line="183" />
        <source>Who could take this place (%1)…</source>
        <translation>この枠の代わりの候補（%1）…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_view.py" line="185" />
        <source>Swap with</source>
        <translation>入れ替える相手</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_view.py" line="195" />
        <source>Availability</source>
        <translation>勤務可否</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_view.py" line="197" />
        <source>can work</source>
        <translation>勤務できる</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_view.py" line="197" />
        <source>would rather not</source>
        <translation>できれば避けたい</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_view.py" line="198" />
        <source>cannot work</source>
        <translation>勤務できない</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_view.py" line="198" />
        <source>mornings only</source>
        <translation>午前のみ</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_view.py" line="199" />
        <source>afternoons only</source>
        <translation>午後のみ</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_view.py" line="204" />
        <location filename="../../desktop/views/roster_view.py" line="245" />
        <source>%1 on %2: %3</source>
        <translation>%1 の %2 を %3 に</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_view.py" line="209" />
        <source>Hours free…</source>
        <translation>勤務できる時間を指定…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_view.py" line="215" />
        <source>Lock</source>
        <translation>固定</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_view.py" line="216" />
        <source>Unlock</source>
        <translation>固定を解除</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_view.py" line="232" />
        <source>Hours %1 can work on %2 (15時から, 〜15時, 10時〜15時):</source>
        <translation>%1 が %2 に勤務できる時間（15時から、〜15時、10時〜15時。空欄は終日）:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_view.py" line="235" />
        <location filename="../../desktop/views/roster_view.py" line="242" />
        <source>Hours free</source>
        <translation>勤務できる時間</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_view.py" line="242" />
        <source>Not hours: %1</source>
        <translation>時間として読めません: %1（15時から、〜15時、10時〜15時 のように書いてください）</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <location filename="../../desktop/dialogs/rules_dialog.py" line="59" />
        <source>Rules</source>
        <translation>ルール</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/rules_dialog.py" line="70" />
        <source>On</source>
        <translation>有効</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/rules_dialog.py" line="70" />
        <source>Rule</source>
        <translation>ルール</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/rules_dialog.py" line="70" />
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/rules_dialog.py" line="70" />
        <source>Weight</source>
        <translation>重み</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/rules_dialog.py" line="84" />
        <source>Parameters</source>
        <translation>パラメーター</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/rules_dialog.py" line="86" />
        <source>Per-staff overrides</source>
        <translation>職員ごとの設定</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/rules_dialog.py" line="89" />
        <source>Add person</source>
        <translation>職員を追加</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/rules_dialog.py" line="90" />
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/rules_dialog.py" line="141" />
        <source>hard</source>
        <translation>必須</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/rules_dialog.py" line="142" />
        <source>soft</source>
        <translation>努力</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/rules_dialog.py" line="174" />
        <source>This rule has no parameters.</source>
        <translation>このルールにパラメーターはありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/rules_dialog.py" line="229" />
        <source>not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/rules_dialog.py" line="240" />
        <source>Staff</source>
        <translation>職員</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/dialogs/rules_dialog.py" line="269" />
        <source> and %n more</source>
        <translation><numerusform> ほか %n 名</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/dialogs/rules_dialog.py" line="271" />
        <source>%1: %n person(s) have their own value on the 職員 (staff) sheet, which comes before the parameter above (%2). Add a row here to change it.</source>
        <translation><numerusform>%1：%n 名は職員シートに個別の値があり、上のパラメーターより優先されます（%2）。変えるにはここに行を追加してください。</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/rules_dialog.py" line="204" />
        <location filename="../../desktop/dialogs/rules_dialog.py" line="300" />
        <source>Not a valid value</source>
        <translation>正しい値ではありません</translation>
    </message>
</context>
<context>
    <name>SessionsModel</name>
    <message>
        <location filename="../../desktop/views/sessions.py" line="15" />
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sessions.py" line="16" />
        <source>Site</source>
        <translation>会場</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sessions.py" line="17" />
        <source>Activity</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sessions.py" line="18" />
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sessions.py" line="19" />
        <source>Needed</source>
        <translation>必要人数</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sessions.py" line="20" />
        <source>Assigned</source>
        <translation>配置人数</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sessions.py" line="21" />
        <source>Staff</source>
        <translation>職員</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sessions.py" line="22" />
        <source>Required skills</source>
        <translation>必要スキル</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="68" />
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="75" />
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="79" />
        <source>all cores</source>
        <translation>すべてのコア</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="82" />
        <source>Default: a file in your user folder</source>
        <translation>既定: ユーザーフォルダー内のファイル</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="83" />
        <source>A SQLite file, or a team database such as postgresql+psycopg://user@server/haichi</source>
        <translation>SQLite ファイル、またはチームのデータベース（例: postgresql+psycopg://user@server/haichi）</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="85" />
        <source>Test connection</source>
        <translation>接続テスト</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="99" />
        <source>Plan database</source>
        <translation>計画のデータベース</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="116" />
        <source>Connecting…</source>
        <translation>接続中…</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="134" />
        <source>Connected.</source>
        <translation>接続できました。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="134" />
        <source>Cannot use this database.</source>
        <translation>このデータベースは使えません。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="96" />
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="93" />
        <source>A new language or database is used once Haichi starts again: after OK, it offers to restart.</source>
        <translation>言語とデータベースの変更は Haichi の再起動後に反映されます。OK のあとで再起動するか確認します。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="97" />
        <source>Solve time limit</source>
        <translation>作成の制限時間</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="98" />
        <source>Solver threads</source>
        <translation>ソルバーのスレッド数</translation>
    </message>
</context>
<context>
    <name>SolveProgress</name>
    <message>
        <location filename="../../desktop/views/solve_progress.py" line="34" />
        <source>Objective (lower is better)</source>
        <translation>評価値（小さいほど良い）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/solve_progress.py" line="38" />
        <source>Best bound</source>
        <translation>下界</translation>
    </message>
    <message>
        <location filename="../../desktop/views/solve_progress.py" line="46" />
        <source>Seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="../../desktop/views/solve_progress.py" line="59" />
        <location filename="../../desktop/views/solve_progress.py" line="93" />
        <source>Not solving.</source>
        <translation>作成していません。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/solve_progress.py" line="61" />
        <source>Cancel — keep the best roster</source>
        <translation>中止 — 最良の配置を残す</translation>
    </message>
    <message>
        <location filename="../../desktop/views/solve_progress.py" line="133" />
        <source>Searching for a first roster… %1 s</source>
        <translation>最初の配置を探しています… %1 秒</translation>
    </message>
    <message>
        <location filename="../../desktop/views/solve_progress.py" line="137" />
        <source>Objective %1 · no bound (solved in parts) · %4 rosters · %5 s</source>
        <translation>評価値 %1 ・ 下界なし（分割して解いたため） ・ 配置案 %4 件 ・ %5 秒</translation>
    </message>
    <message>
        <location filename="../../desktop/views/solve_progress.py" line="139" />
        <source>Objective %1 · bound %2 · gap %3 · %4 rosters · %5 s</source>
        <translation>評価値 %1 ・ 下界 %2 ・ ギャップ %3 ・ 配置案 %4 件 ・ %5 秒</translation>
    </message>
</context>
<context>
    <name>StatisticsModel</name>
    <message>
        <location filename="../../desktop/views/statistics.py" line="17" />
        <source>Staff</source>
        <translation>職員</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics.py" line="18" />
        <source>Sessions</source>
        <translation>枠</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics.py" line="19" />
        <source>Hours</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics.py" line="20" />
        <source>Pay (¥)</source>
        <translation>報酬（円）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics.py" line="22" />
        <source>Desired</source>
        <translation>希望</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics.py" line="21" />
        <source>△
used</source>
        <translation>△の日</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics.py" line="23" />
        <source>From
desired</source>
        <translation>希望との差</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics.py" line="24" />
        <source>Year
sessions</source>
        <translation>年度回数</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics.py" line="25" />
        <source>Year pay
(¥)</source>
        <translation>年度支給(円)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics.py" line="26" />
        <source>Days
off</source>
        <translation>休日</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics.py" line="89" />
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics.py" line="99" />
        <source>Days with no session and no morning after a night (明)</source>
        <translation>勤務も明けもない日の数</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics.py" line="123" />
        <source>This fiscal year (from April): the earlier plans carried in, and this roster; the pay with what was paid before them</source>
        <translation>今年度（4月〜）: 引き継いだ前の計画とこの配置の合計。支給見込は年間支給済額を含みます</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics.py" line="126" />
        <source>Fiscal %1 / fiscal %2: up to March 31, the earlier plans carried in and this roster, the pay with what was paid before them; from April 1, a new fiscal year, this roster alone</source>
        <translation>%1年度 / %2年度: 3月31日までは引き継いだ前の計画とこの配置の合計（支給見込は年間支給済額を含みます）、4月1日からは新しい年度としてこの配置だけ</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics.py" line="134" />
        <source>The annual pay cap's year, from month %1: the earlier plans carried in and this roster, with what was paid before them; a plan that reaches the next year shows each year's</source>
        <translation>年間支給額の上限の年（%1月〜）: 引き継いだ前の計画とこの配置の支給見込（年間支給済額を含む）。次の年にかかる計画は年ごとに表示します</translation>
    </message>
</context>
<context>
    <name>SuccessionsBox</name>
    <message>
        <location filename="../../desktop/dialogs/successions.py" line="18" />
        <source>Forbidden successions</source>
        <translation>禁止する勤務の並び</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/successions.py" line="23" />
        <source>Whoever works the first shift may not work the second on the next day.</source>
        <translation>左の勤務に入った人は、翌日に右の勤務に入れません。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/successions.py" line="25" />
        <source>No pairs yet: any shift may follow any other. Add pair forbids one.</source>
        <translation>並びはまだありません（どの勤務の翌日にも、どの勤務にも入れます）。「並びを追加」で加えます。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/successions.py" line="28" />
        <source>Shift</source>
        <translation>勤務</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/successions.py" line="28" />
        <source>Not the next day</source>
        <translation>翌日に入れない勤務</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/successions.py" line="35" />
        <source>Add pair</source>
        <translation>並びを追加</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/successions.py" line="38" />
        <source>Remove</source>
        <translation>削除</translation>
    </message>
</context>
<context>
    <name>SuggestDialog</name>
    <message>
        <location filename="../../desktop/dialogs/suggest_dialog.py" line="41" />
        <source>nobody</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/suggest_dialog.py" line="43" />
        <source>Who could take %1</source>
        <translation>%1 の候補</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/suggest_dialog.py" line="44" />
        <source>%1 — %2 placed of %3 needed: %4</source>
        <translation>%1 — 配置 %2 名／必要 %3 名: %4</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/suggest_dialog.py" line="49" />
        <source>Who could take %1's place</source>
        <translation>%1 の代わりの候補</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/suggest_dialog.py" line="50" />
        <source>%1 — in place of %2 (placed: %3)</source>
        <translation>%1 — %2 の代わり（配置: %3）</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/suggest_dialog.py" line="59" />
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/suggest_dialog.py" line="59" />
        <source>Objective change</source>
        <translation>評価値の変化</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/suggest_dialog.py" line="59" />
        <source>Rules strained</source>
        <translation>生じる違反</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/suggest_dialog.py" line="71" />
        <source>Also list people who would break a hard rule</source>
        <translation>必須ルールを破る人も表示する</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/suggest_dialog.py" line="75" />
        <source>Place</source>
        <translation>配置する</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/suggest_dialog.py" line="75" />
        <source>Put in place</source>
        <translation>代わりに配置する</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/suggest_dialog.py" line="97" />
        <source>Looking for candidates…</source>
        <translation>候補を探しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/suggest_dialog.py" line="113" />
        <source>The candidates could not be worked out: %1</source>
        <translation>候補を求められませんでした: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/suggest_dialog.py" line="122" />
        <source>hard</source>
        <translation>必須</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/suggest_dialog.py" line="122" />
        <source>soft</source>
        <translation>努力</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/suggest_dialog.py" line="125" />
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/suggest_dialog.py" line="136" />
        <source>Cheapest first; the objective change is what placing them costs (less is better). Double-click or Place to place one.</source>
        <translation>評価値の変化が小さい順です（小さいほど良い）。ダブルクリックか［配置する］で配置します。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/suggest_dialog.py" line="139" />
        <source>Nobody else can take it.</source>
        <translation>ほかに入れる職員はいません。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/suggest_dialog.py" line="141" />
        <source>Nobody can take it without breaking a hard rule (tick the box to list everyone).</source>
        <translation>必須ルールを破らずに入れる職員はいません（チェックを入れると全員を表示します）。</translation>
    </message>
</context>
<context>
    <name>ViolationsModel</name>
    <message>
        <location filename="../../desktop/views/statistics.py" line="29" />
        <source>Rule</source>
        <translation>ルール</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics.py" line="30" />
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics.py" line="31" />
        <source>Cost</source>
        <translation>コスト</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics.py" line="32" />
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics.py" line="182" />
        <source>hard</source>
        <translation>必須</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics.py" line="182" />
        <source>soft</source>
        <translation>努力</translation>
    </message>
</context>
</TS>