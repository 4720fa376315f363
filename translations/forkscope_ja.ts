<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
    <context>
        <name>fs::ChartsTab</name>
        <message>
            <source>Filter charts by key (regular expression)</source>
            <translation>キーでチャートを絞り込む (正規表現)</translation>
        </message>
        <message>
            <source>Filter charts</source>
            <translation>チャートを絞り込む</translation>
        </message>
        <message>
            <source>Keys starting with _ (such as _runtime) are shown when the filter starts with _</source>
            <translation>_ で始まるキー (_runtime など) は、フィルターが _ で始まるときに表示されます</translation>
        </message>
        <message>
            <source>No numeric metrics have been logged for these runs yet.</source>
            <translation>これらの run には数値メトリクスがまだ記録されていません。</translation>
        </message>
        <message>
            <source>Not a valid regular expression; matching the text literally</source>
            <translation>正規表現として無効なため、文字列どおりに照合します</translation>
        </message>
    </context>
    <context>
        <name>fs::ContinueSnippet</name>
        <message>
            <source>Continue this run from a training script</source>
            <translation>トレーニングスクリプトからこの run を続行する</translation>
        </message>
        <message>
            <source>Rows go to the run's next step. From a shell, pipe JSON rows (one per line):</source>
            <translation>行は run の次の step に記録されます。シェルからは JSON の行 (1 行に 1 つ) をパイプで渡します:</translation>
        </message>
        <message>
            <source>the forkscope-cli command</source>
            <translation>forkscope-cli コマンド</translation>
        </message>
        <message>
            <source>From C++ (resumes by immutable ID, so a rename or move does not break it):</source>
            <translation>C++ から (イミュータブルな ID で再開するので、名前の変更や移動の影響を受けません):</translation>
        </message>
        <message>
            <source>the C++ init call</source>
            <translation>C++ の init 呼び出し</translation>
        </message>
        <message>
            <source>Copy %1</source>
            <translation>%1 をコピー</translation>
        </message>
    </context>
    <context>
        <name>fs::ForkDialog</name>
        <message>
            <source>Fork run</source>
            <translation>run をフォーク</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>Source run:</source>
            <translation>ソース run:</translation>
        </message>
        <message>
            <source>Fork step</source>
            <translation>フォークする step</translation>
        </message>
        <message>
            <source>inherits steps 0 – N; the fork logs from N + 1 (last step: %1)</source>
            <translation>step 0 – N を引き継ぎ、フォークは N + 1 から記録します (最後の step: %1)</translation>
        </message>
        <message>
            <source>the source has no history yet</source>
            <translation>ソースにはまだ履歴がありません</translation>
        </message>
        <message>
            <source>Fork at &amp;step:</source>
            <translation>フォークする step(&amp;S):</translation>
        </message>
        <message>
            <source>New run &amp;name:</source>
            <translation>新しい run の名前(&amp;N):</translation>
        </message>
        <message>
            <source>Config of the fork</source>
            <translation>フォークの config</translation>
        </message>
        <message>
            <source>&amp;Config:</source>
            <translation>config(&amp;C):</translation>
        </message>
        <message>
            <source>Double-click a value to override it; changed keys are highlighted.</source>
            <translation>値をダブルクリックすると上書きできます。変更したキーは強調表示されます。</translation>
        </message>
        <message>
            <source>Why this fork?</source>
            <translation>このフォークの目的は?</translation>
        </message>
        <message>
            <source>N&amp;otes:</source>
            <translation>メモ(&amp;O):</translation>
        </message>
        <message>
            <source>comma-separated</source>
            <translation>カンマ区切り</translation>
        </message>
        <message>
            <source>&amp;Tags:</source>
            <translation>タグ(&amp;T):</translation>
        </message>
        <message>
            <source>Create fork</source>
            <translation>フォークを作成</translation>
        </message>
    </context>
    <context>
        <name>fs::Format</name>
        <message>
            <source>%1d %2h</source>
            <translation>%1日 %2時間</translation>
        </message>
        <message>
            <source>%1h %2m</source>
            <translation>%1時間 %2分</translation>
        </message>
        <message>
            <source>%1m %2s</source>
            <translation>%1分 %2秒</translation>
        </message>
        <message>
            <source>%1s</source>
            <translation>%1秒</translation>
        </message>
    </context>
    <context>
        <name>fs::JsonTreeModel</name>
        <message numerus="yes">
            <source>[%n item(s)]</source>
            <translation>
                <numerusform>[%n 項目]</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{%n key(s)}</source>
            <translation>
                <numerusform>{%n キー}</numerusform>
            </translation>
        </message>
        <message>
            <source>value</source>
            <translation>値</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>キー</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>値</translation>
        </message>
    </context>
    <context>
        <name>fs::KeyValueView</name>
        <message>
            <source>Search</source>
            <translation>検索</translation>
        </message>
        <message>
            <source>Search %1</source>
            <translation>%1 を検索</translation>
        </message>
    </context>
    <context>
        <name>fs::LegendBar</name>
        <message>
            <source>inherited history</source>
            <translation>引き継いだ履歴</translation>
        </message>
        <message>
            <source>fork step</source>
            <translation>フォークした step</translation>
        </message>
    </context>
    <context>
        <name>fs::MainWindow</name>
        <message>
            <source>Forkscope</source>
            <translation>Forkscope</translation>
        </message>
        <message>
            <source>Projects</source>
            <translation>プロジェクト</translation>
        </message>
        <message>
            <source>Loading</source>
            <translation>読み込み中</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>戻る</translation>
        </message>
        <message>
            <source>Back to the previous run (%1)</source>
            <translation>前の run に戻る (%1)</translation>
        </message>
        <message>
            <source>Forward</source>
            <translation>進む</translation>
        </message>
        <message>
            <source>Forward (%1)</source>
            <translation>進む (%1)</translation>
        </message>
        <message>
            <source>Reload</source>
            <translation>再読み込み</translation>
        </message>
        <message>
            <source>Fork from step…</source>
            <translation>step からフォーク…</translation>
        </message>
        <message>
            <source>Fork the open run at the step picked on a chart, else at its last step (%1)</source>
            <translation>開いている run を、チャートで選んだ step (なければ最後の step) でフォークします (%1)</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>Overview</translation>
        </message>
        <message>
            <source>Charts</source>
            <translation>チャート</translation>
        </message>
        <message>
            <source>Filter runs</source>
            <translation>run を絞り込む</translation>
        </message>
        <message>
            <source>Run actions</source>
            <translation>run の操作</translation>
        </message>
        <message>
            <source>Create &amp;demo project</source>
            <translation>デモプロジェクトを作成(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>終了(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>ファイル(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Import runs…</source>
            <translation>run をインポート(&amp;I)…</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>移動(&amp;G)</translation>
        </message>
        <message>
            <source>&amp;Run</source>
            <translation>run(&amp;R)</translation>
        </message>
        <message>
            <source>Navigation</source>
            <translation>ナビゲーション</translation>
        </message>
        <message>
            <source>Cannot open run '%1': %2</source>
            <translation>run '%1' を開けません: %2</translation>
        </message>
        <message>
            <source>%1 — Forkscope</source>
            <translation>%1 — Forkscope</translation>
        </message>
        <message>
            <source>This run cannot be shown: %1</source>
            <translation>この run は表示できません: %1</translation>
        </message>
        <message>
            <source>Created %1 (%2), forked at step %3</source>
            <translation>%1 (%2) を作成しました (step %3 でフォーク)</translation>
        </message>
        <message>
            <source>Renamed to %1</source>
            <translation>名前を %1 に変更しました</translation>
        </message>
        <message>
            <source>Cannot rename: %1</source>
            <translation>名前を変更できません: %1</translation>
        </message>
        <message>
            <source>Delete the run "%1" (%2) and its history? This cannot be undone.</source>
            <translation>run「%1」(%2) とその履歴を削除しますか? 元に戻せません。</translation>
        </message>
        <message numerus="yes">
            <source>%n fork(s) inherit history from it; that history is copied into them first, so they keep it.</source>
            <translation>
                <numerusform>%n 個のフォークがこの run の履歴を引き継いでいます。その履歴は先にフォークへコピーされるため、失われません。</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete run</source>
            <translation>run を削除</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>削除</translation>
        </message>
        <message>
            <source>The run was not deleted: %1</source>
            <translation>run は削除されませんでした: %1</translation>
        </message>
        <message>
            <source>Run deleted</source>
            <translation>run を削除しました</translation>
        </message>
        <message>
            <source>Creating the demo project…</source>
            <translation>デモプロジェクトを作成しています…</translation>
        </message>
        <message>
            <source>Cannot create the demo project: %1</source>
            <translation>デモプロジェクトを作成できません: %1</translation>
        </message>
        <message>
            <source>Import runs</source>
            <translation>run のインポート</translation>
        </message>
        <message>
            <source>Importing from the desktop app is not available yet. From a terminal:

forkscope-cli --store %1 import FOLDER

FOLDER can be a W&amp;B run folder or wandb/ folder, a TensorBoard log folder, or an MLflow mlruns/ folder. The runs appear here within a few seconds.</source>
            <translation>デスクトップアプリからのインポートはまだできません。ターミナルから次を実行してください:

forkscope-cli --store %1 import FOLDER

FOLDER には W&amp;B の run フォルダーか wandb/ フォルダー、TensorBoard のログフォルダー、MLflow の mlruns/ フォルダーを指定できます。run は数秒以内にここに表示されます。</translation>
        </message>
    </context>
    <context>
        <name>fs::MetricPanel</name>
        <message>
            <source>Chart of %1</source>
            <translation>%1 のチャート</translation>
        </message>
        <message>
            <source>Chart of %1: click a step to fork from it</source>
            <translation>%1 のチャート: step をクリックするとそこからフォークできます</translation>
        </message>
        <message>
            <source>no numeric data</source>
            <translation>数値データなし</translation>
        </message>
        <message>
            <source>zoomed · double-click to reset</source>
            <translation>ズーム中 · ダブルクリックでリセット</translation>
        </message>
        <message>
            <source>Fork from step %1…</source>
            <translation>step %1 からフォーク…</translation>
        </message>
        <message>
            <source>Fork %1 at step %2 (F)</source>
            <translation>%1 を step %2 でフォーク (F)</translation>
        </message>
        <message>
            <source>step %1</source>
            <translation>step %1</translation>
        </message>
        <message>
            <source>Fork from step…</source>
            <translation>step からフォーク…</translation>
        </message>
        <message>
            <source>Reset zoom</source>
            <translation>ズームをリセット</translation>
        </message>
    </context>
    <context>
        <name>fs::OverviewTab</name>
        <message>
            <source>Run name</source>
            <translation>run の名前</translation>
        </message>
        <message>
            <source>Run name: edit and press Enter to rename</source>
            <translation>run の名前: 編集して Enter で変更</translation>
        </message>
        <message>
            <source>Run actions</source>
            <translation>run の操作</translation>
        </message>
        <message>
            <source>Copy immutable Run ID</source>
            <translation>イミュータブルな Run ID をコピー</translation>
        </message>
        <message>
            <source>immutable run ID</source>
            <translation>イミュータブルな run ID</translation>
        </message>
        <message>
            <source>Copy run ID</source>
            <translation>run ID をコピー</translation>
        </message>
        <message>
            <source>run ID</source>
            <translation>run ID</translation>
        </message>
        <message>
            <source>Copy run path</source>
            <translation>run パスをコピー</translation>
        </message>
        <message>
            <source>run path</source>
            <translation>run パス</translation>
        </message>
        <message>
            <source>Copy fork spec</source>
            <translation>フォーク指定をコピー</translation>
        </message>
        <message>
            <source>fork spec</source>
            <translation>フォーク指定</translation>
        </message>
        <message>
            <source>Fork from step…</source>
            <translation>step からフォーク…</translation>
        </message>
        <message>
            <source>Rename…</source>
            <translation>名前を変更…</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>削除…</translation>
        </message>
        <message>
            <source>Run ID</source>
            <translation>Run ID</translation>
        </message>
        <message>
            <source>Immutable run ID</source>
            <translation>イミュータブルな run ID</translation>
        </message>
        <message>
            <source>Run path</source>
            <translation>run パス</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>作成日時</translation>
        </message>
        <message>
            <source>Runtime</source>
            <translation>実行時間</translation>
        </message>
        <message>
            <source>Host</source>
            <translation>ホスト</translation>
        </message>
        <message>
            <source>Command</source>
            <translation>コマンド</translation>
        </message>
        <message>
            <source>Git commit</source>
            <translation>Git コミット</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>タグ</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>メモ</translation>
        </message>
        <message>
            <source>Copied %1 to the clipboard</source>
            <translation>%1 をクリップボードにコピーしました</translation>
        </message>
        <message>
            <source>Config</source>
            <translation>Config</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Summary</translation>
        </message>
        <message>
            <source>Forked from %1 at step %2</source>
            <translation>%1 の step %2 からフォーク</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>No forks yet.</source>
            <translation>フォークはまだありません。</translation>
        </message>
        <message>
            <source>%1 at step %2</source>
            <translation>%1 (step %2)</translation>
        </message>
        <message>
            <source>Forks: %1</source>
            <translation>フォーク: %1</translation>
        </message>
        <message>
            <source>Copied %1: %2</source>
            <translation>%1 をコピーしました: %2</translation>
        </message>
    </context>
    <context>
        <name>fs::ProjectListModel</name>
        <message numerus="yes">
            <source>%1/%2: %n run(s)</source>
            <translation>
                <numerusform>%1/%2: %n 個の run</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>fs::RunPage</name>
        <message>
            <source>Double-click a run, or select it and press Enter, to open it.</source>
            <translation>run をダブルクリックするか、選択して Enter を押すと開きます。</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>Overview</translation>
        </message>
        <message>
            <source>Charts</source>
            <translation>チャート</translation>
        </message>
    </context>
    <context>
        <name>fs::RunTableModel</name>
        <message>
            <source>pending</source>
            <translation>待機中</translation>
        </message>
        <message>
            <source>running</source>
            <translation>実行中</translation>
        </message>
        <message>
            <source>finished</source>
            <translation>完了</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>失敗</translation>
        </message>
        <message>
            <source>crashed</source>
            <translation>クラッシュ</translation>
        </message>
        <message>
            <source>%1 @ %2</source>
            <translation>%1 @ %2</translation>
        </message>
        <message>
            <source>Forked from %1 at step %2</source>
            <translation>%1 の step %2 からフォーク</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名前</translation>
        </message>
        <message>
            <source>Run ID</source>
            <translation>Run ID</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状態</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>作成日時</translation>
        </message>
        <message>
            <source>Runtime</source>
            <translation>実行時間</translation>
        </message>
        <message>
            <source>Forked from</source>
            <translation>フォーク元</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>タグ</translation>
        </message>
        <message>
            <source>config: %1</source>
            <translation>config: %1</translation>
        </message>
        <message>
            <source>Colour in the charts</source>
            <translation>チャートでの色</translation>
        </message>
        <message>
            <source>Summary: %1</source>
            <translation>Summary: %1</translation>
        </message>
        <message>
            <source>Config: %1</source>
            <translation>Config: %1</translation>
        </message>
    </context>
    <context>
        <name>fs::RunsPanel</name>
        <message>
            <source>Filter runs by name, ID or tag</source>
            <translation>名前・ID・タグで run を絞り込む</translation>
        </message>
        <message>
            <source>Filter runs</source>
            <translation>run を絞り込む</translation>
        </message>
        <message>
            <source>Choose columns</source>
            <translation>列を選択</translation>
        </message>
        <message>
            <source>Runs</source>
            <translation>run</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(なし)</translation>
        </message>
        <message>
            <source>Summary columns</source>
            <translation>Summary の列</translation>
        </message>
        <message>
            <source>Config columns</source>
            <translation>Config の列</translation>
        </message>
        <message numerus="yes">
            <source>%n run(s)</source>
            <translation>
                <numerusform>%n 個の run</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 of %n run(s)</source>
            <translation>
                <numerusform>%n 個中 %1 個の run</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>fs::WelcomeView</name>
        <message>
            <source>Welcome to Forkscope</source>
            <translation>Forkscope へようこそ</translation>
        </message>
        <message>
            <source>This store has no runs yet. Create the demo project to explore runs and forks (a 100 000-step training run, its forks, and the fork example from the W&amp;B documentation), or import runs from W&amp;B, TensorBoard or MLflow.</source>
            <translation>このストアにはまだ run がありません。デモプロジェクト (100 000 step のトレーニング run とそのフォーク、W&amp;B のドキュメントにあるフォークの例) を作成して run とフォークを試すか、W&amp;B・TensorBoard・MLflow から run をインポートしてください。</translation>
        </message>
        <message>
            <source>Create &amp;demo project</source>
            <translation>デモプロジェクトを作成(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Import runs…</source>
            <translation>run をインポート(&amp;I)…</translation>
        </message>
        <message>
            <source>Store: %1</source>
            <translation>ストア: %1</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>Browse training runs and fork them.</source>
            <translation>トレーニングの run を閲覧してフォークします。</translation>
        </message>
        <message>
            <source>The store file (default: $FORKSCOPE_STORE, else %1).</source>
            <translation>ストアファイル (既定: $FORKSCOPE_STORE、なければ %1)。</translation>
        </message>
        <message>
            <source>Open this run: a run ID, a run path entity/project/id, or an immutable ID.</source>
            <translation>開く run: run ID、run パス entity/project/id、またはイミュータブルな ID。</translation>
        </message>
        <message>
            <source>The tab to show: overview or charts.</source>
            <translation>表示するタブ: overview または charts。</translation>
        </message>
        <message>
            <source>Save the window as a PNG once the data has loaded, then exit.</source>
            <translation>データの読み込み後にウィンドウを PNG に保存して終了します。</translation>
        </message>
        <message>
            <source>forkscope: --tab takes 'overview' or 'charts', not '%1'</source>
            <translation>forkscope: --tab には 'overview' か 'charts' を指定してください ('%1' は無効です)</translation>
        </message>
    </context>
</TS>