<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Forkscope</source>
        <translation>Forkscope について</translation>
    </message>
    <message>
        <source>Browse machine learning training runs and fork them at any step.</source>
        <translation>機械学習のトレーニング run を閲覧し、任意の step からフォークします。</translation>
    </message>
    <message>
        <source>Store:</source>
        <translation>ストア:</translation>
    </message>
    <message>
        <source>Store file</source>
        <translation>ストアファイル</translation>
    </message>
    <message>
        <source>Size on disk:</source>
        <translation>ディスク上のサイズ:</translation>
    </message>
    <message>
        <source>Store size on disk</source>
        <translation>ストアのディスク上のサイズ</translation>
    </message>
</context>
<context>
    <name>ForkDialog</name>
    <message>
        <source>Fork run</source>
        <translation>run をフォーク</translation>
    </message>
    <message>
        <source>Source run:</source>
        <translation>ソース run:</translation>
    </message>
    <message>
        <source>Fork at &amp;step:</source>
        <translation>フォークする step(&amp;S):</translation>
    </message>
    <message>
        <source>Fork step</source>
        <translation>フォークする step</translation>
    </message>
    <message>
        <source>New run &amp;name:</source>
        <translation>新しい run の名前(&amp;N):</translation>
    </message>
    <message>
        <source>New run name</source>
        <translation>新しい run の名前</translation>
    </message>
    <message>
        <source>&amp;Config:</source>
        <translation>config(&amp;C):</translation>
    </message>
    <message>
        <source>Config of the fork</source>
        <translation>フォークの config</translation>
    </message>
    <message>
        <source>Double-click a value to override it; changed keys are highlighted.</source>
        <translation>値をダブルクリックすると上書きできます。変更したキーは強調表示されます。</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>メモ(&amp;O):</translation>
    </message>
    <message>
        <source>Notes of the fork</source>
        <translation>フォークのメモ</translation>
    </message>
    <message>
        <source>Why this fork?</source>
        <translation>このフォークの目的は?</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>タグ(&amp;T):</translation>
    </message>
    <message>
        <source>Tags of the fork</source>
        <translation>フォークのタグ</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>カンマ区切り</translation>
    </message>
    <message>
        <source>Checkpoint:</source>
        <translation>チェックポイント:</translation>
    </message>
    <message>
        <source>Checkpoint the fork starts from</source>
        <translation>フォークの開始チェックポイント</translation>
    </message>
    <message>
        <source>Training command</source>
        <translation>学習コマンド</translation>
    </message>
    <message>
        <source>Co&amp;mmand:</source>
        <translation>コマンド(&amp;M):</translation>
    </message>
    <message>
        <source>Command to start training</source>
        <translation>学習を開始するコマンド</translation>
    </message>
    <message>
        <source>program and arguments, e.g. python3 train.py --epochs 3</source>
        <translation>プログラムと引数 (例: python3 train.py --epochs 3)</translation>
    </message>
    <message>
        <source>&amp;Working folder:</source>
        <translation>作業フォルダー(&amp;W):</translation>
    </message>
    <message>
        <source>Working folder of the training</source>
        <translation>学習の作業フォルダー</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>run</translation>
    </message>
    <message>
        <source>Rows added</source>
        <translation>追加した行</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>ソース</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Forkscope</source>
        <translation>Forkscope</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
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
        <source>&amp;Settings</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>ナビゲーション</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>戻る(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>進む(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>再読み込み(&amp;R)</translation>
    </message>
    <message>
        <source>Fork from step…</source>
        <translation>step からフォーク…</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>Overview(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation>チャート(&amp;C)</translation>
    </message>
    <message>
        <source>F&amp;ilter runs</source>
        <translation>run を絞り込む(&amp;I)</translation>
    </message>
    <message>
        <source>Run &amp;actions</source>
        <translation>run の操作(&amp;A)</translation>
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
        <source>Import runs from a &amp;file…</source>
        <translation>ファイルから run をインポート(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Watch folder…</source>
        <translation>フォルダーを監視(&amp;W)…</translation>
    </message>
    <message>
        <source>Follow a W&amp;B, TensorBoard or MLflow folder while training writes to it</source>
        <translation>学習が書き込んでいる間、W&amp;B・TensorBoard・MLflow のフォルダーを追い続けます</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About Forkscope</source>
        <translation>Forkscope について(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>システムの言語(&amp;S)</translation>
    </message>
</context>
<context>
    <name>forkscope::AboutDialog</name>
    <message>
        <source>Version %1</source>
        <translation>バージョン %1</translation>
    </message>
    <message>
        <source>%1 (%2 bytes, including the write-ahead log)</source>
        <translation>%1 (%2 バイト、先行書き込みログを含む)</translation>
    </message>
    <message>
        <source>not created yet</source>
        <translation>まだ作成されていません</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>Qt %1 でビルド、Qt %2 で実行中。</translation>
    </message>
</context>
<context>
    <name>forkscope::ChartsTab</name>
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
    <message>
        <source>Smoothing</source>
        <translation>スムージング</translation>
    </message>
    <message>
        <source>Exponential moving average (TensorBoard&apos;s, debiased), computed on every logged point; the raw data stays faint behind</source>
        <translation>指数移動平均 (TensorBoard と同じバイアス補正付き) を記録されたすべての点で計算します。元のデータは背後に薄く表示されます</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>対数スケール</translation>
    </message>
    <message>
        <source>Sync zoom</source>
        <translation>ズームを同期</translation>
    </message>
    <message>
        <source>Zooming or panning one chart&apos;s steps does the same on all charts</source>
        <translation>あるチャートの step をズームまたはパンすると、すべてのチャートで同じ操作が行われます</translation>
    </message>
    <message>
        <source>X axis</source>
        <translation>X 軸</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>step</translation>
    </message>
    <message>
        <source>Relative time</source>
        <translation>相対時間</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>実時間</translation>
    </message>
    <message>
        <source>Steps, or each run&apos;s own time: _runtime (relative) or _timestamp (wall clock)</source>
        <translation>step、または各 run 自身の時間：_runtime（相対）または _timestamp（実時刻）</translation>
    </message>
    <message>
        <source>Snap to checkpoints</source>
        <translation>チェックポイントにスナップ</translation>
    </message>
    <message>
        <source>A click on a run with checkpoints picks the nearest checkpoint&apos;s step, so a fork can resume from saved weights</source>
        <translation>チェックポイントのある Run をクリックすると最も近いチェックポイントのステップを選び、フォークが保存済みの重みから再開できるようにします</translation>
    </message>
</context>
<context>
    <name>forkscope::Cli</name>
    <message>
        <source>No projects in %1. &apos;forkscope-cli demo&apos; creates an example project.</source>
        <translation>%1 にプロジェクトはありません。&apos;forkscope-cli demo&apos; でサンプルプロジェクトを作成できます。</translation>
    </message>
    <message>
        <source>ENTITY</source>
        <translation>ENTITY</translation>
    </message>
    <message>
        <source>PROJECT</source>
        <translation>PROJECT</translation>
    </message>
    <message>
        <source>RUNS</source>
        <translation>RUNS</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>CREATED</translation>
    </message>
    <message>
        <source>&apos;runs&apos; needs --project P; expected a project name as listed by &apos;forkscope-cli projects&apos;</source>
        <translation>&apos;runs&apos; には --project P が必要です。&apos;forkscope-cli projects&apos; で表示されるプロジェクト名を指定してください</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>STATE</translation>
    </message>
    <message>
        <source>LAST STEP</source>
        <translation>LAST STEP</translation>
    </message>
    <message>
        <source>FORKED FROM</source>
        <translation>FORKED FROM</translation>
    </message>
    <message>
        <source>list the projects in the store</source>
        <translation>ストア内のプロジェクトを一覧表示します</translation>
    </message>
    <message>
        <source>print {&quot;projects&quot;: [...]}</source>
        <translation>{&quot;projects&quot;: [...]} を出力します</translation>
    </message>
    <message>
        <source>list the runs of a project</source>
        <translation>プロジェクトの run を一覧表示します</translation>
    </message>
    <message>
        <source>the project whose runs to list (required)</source>
        <translation>run を一覧表示するプロジェクト (必須)</translation>
    </message>
    <message>
        <source>show a run: identity, state, times, fork link, config, summary, metadata</source>
        <translation>run を表示します: 識別情報、状態、時刻、フォークのリンク、config、サマリー、メタデータ</translation>
    </message>
    <message>
        <source>the project of a bare run ID</source>
        <translation>単独の run ID のプロジェクト</translation>
    </message>
    <message>
        <source>print one JSON object (keys id, immutable_id, path, name, project, entity, state, fork, config, summary, ...)</source>
        <translation>JSON オブジェクトを 1 つ出力します (キー id、immutable_id、path、name、project、entity、state、fork、config、summary など)</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>エラー: %1</translation>
    </message>
    <message>
        <source>no command given; expected one of: %1</source>
        <translation>コマンドが指定されていません。次のいずれかを指定してください: %1</translation>
    </message>
    <message>
        <source>cannot write the output</source>
        <translation>出力を書き込めません</translation>
    </message>
    <message>
        <source>FORKSCOPE_HEARTBEAT_TIMEOUT_MS is &apos;%1&apos;; expected a whole number of milliseconds &gt; 0</source>
        <translation>FORKSCOPE_HEARTBEAT_TIMEOUT_MS が &apos;%1&apos; です。0 より大きいミリ秒単位の整数を指定してください</translation>
    </message>
    <message>
        <source>--store is empty; expected the path of a store file</source>
        <translation>--store が空です。ストアファイルのパスを指定してください</translation>
    </message>
    <message>
        <source>the store file (default: $FORKSCOPE_STORE, else the per-user data folder)</source>
        <translation>ストアファイル (既定: $FORKSCOPE_STORE、なければユーザーごとのデータフォルダー)</translation>
    </message>
    <message>
        <source>show this help</source>
        <translation>このヘルプを表示します</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>使い方: %1</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>オプション:</translation>
    </message>
    <message>
        <source>Usage: forkscope-cli [--store PATH] COMMAND [options]</source>
        <translation>使い方: forkscope-cli [--store PATH] COMMAND [options]</translation>
    </message>
    <message>
        <source>Browse, import, log and fork ML training runs in a Forkscope store.</source>
        <translation>Forkscope のストアで ML のトレーニング run を閲覧、インポート、記録、フォークします。</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>コマンド:</translation>
    </message>
    <message>
        <source>show the version</source>
        <translation>バージョンを表示します</translation>
    </message>
    <message>
        <source>Global options:</source>
        <translation>共通オプション:</translation>
    </message>
    <message>
        <source>RUN is a run path entity/project/run_id, an immutable ID (fsr:...), or a run ID with --project.
Exit status: 0 on success, 2 on bad input, 1 on other failures.
&apos;forkscope-cli COMMAND --help&apos; describes one command.</source>
        <translation>RUN は run パス entity/project/run_id、イミュータブルな ID (fsr:...)、または --project 付きの run ID です。
終了ステータス: 成功時は 0、入力が不正なときは 2、その他の失敗時は 1。
各コマンドの説明は &apos;forkscope-cli COMMAND --help&apos; で表示できます。</translation>
    </message>
    <message>
        <source>option &apos;--%1&apos; takes no value, but got &apos;%2&apos;</source>
        <translation>オプション &apos;--%1&apos; は値を取りませんが、&apos;%2&apos; が指定されました</translation>
    </message>
    <message>
        <source>option &apos;%1&apos; needs a value: %2</source>
        <translation>オプション &apos;%1&apos; には値が必要です: %2</translation>
    </message>
    <message>
        <source>option &apos;--%1&apos; is given twice; expected it once</source>
        <translation>オプション &apos;--%1&apos; が 2 回指定されています。1 回だけ指定してください</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;; expected one of: %2</source>
        <translation>不明なコマンド &apos;%1&apos; です。次のいずれかを指定してください: %2</translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos; for &apos;%2&apos;; expected one of: %3</source>
        <translation>&apos;%2&apos; に不明なオプション &apos;%1&apos; が指定されました。次のいずれかを指定してください: %3</translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos; before the command; expected a command (%2) or one of: --store, --help, --version</source>
        <translation>コマンドの前に不明なオプション &apos;%1&apos; があります。コマンド (%2) か、--store、--help、--version のいずれかを指定してください</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs %2; usage: %3</source>
        <translation>&apos;%1&apos; には %2 が必要です。使い方: %3</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos; for &apos;%2&apos;; usage: %3</source>
        <translation>&apos;%2&apos; に予期しない引数 &apos;%1&apos; が指定されました。使い方: %3</translation>
    </message>
    <message>
        <source>the project&apos;s entity (new runs: default &apos;local&apos;; look-ups: the one entity that has the project)</source>
        <translation>プロジェクトのエンティティ (新しい run: 既定は &apos;local&apos;、検索: そのプロジェクトを持つ唯一のエンティティ)</translation>
    </message>
    <message>
        <source>RUN is a run path entity/project/run_id, an immutable ID (fsr:...), or a run ID with --project.</source>
        <translation>RUN は run パス entity/project/run_id、イミュータブルな ID (fsr:...)、または --project 付きの run ID です。</translation>
    </message>
    <message>
        <source>Creating the demo project: %1 (%2%)</source>
        <translation>デモプロジェクトを作成中: %1 (%2%)</translation>
    </message>
    <message>
        <source>Created the demo project %1/%2 in %3:</source>
        <translation>デモプロジェクト %1/%2 を %3 に作成しました:</translation>
    </message>
    <message>
        <source>create the example project &apos;fork-demo&apos; (seed fork example, a 100 000-step run and forks)</source>
        <translation>サンプルプロジェクト &apos;fork-demo&apos; を作成します (ドキュメントのフォークの例、100 000 step の run とそのフォーク)</translation>
    </message>
    <message>
        <source>print {&quot;entity&quot;, &quot;project&quot;, &quot;runs&quot;: [...]}</source>
        <translation>{&quot;entity&quot;, &quot;project&quot;, &quot;runs&quot;: [...]} を出力します</translation>
    </message>
    <message>
        <source>Contains run1 and its fork run2 exactly as in the W&amp;B fork_from documentation, a 100 000-step training run with noisy metrics (loss, accuracy, learning rate, gradient norm, evaluation every 1000 steps), a fork of it at step 60000 and a fork of that fork at 80000.</source>
        <translation>W&amp;B の fork_from ドキュメントのとおりの run1 とそのフォーク run2、ノイズのあるメトリクス (損失、精度、学習率、勾配ノルム、1000 step ごとの評価) を持つ 100 000 step のトレーニング run、その step 60000 でのフォーク、さらにそのフォークの step 80000 でのフォークを含みます。</translation>
    </message>
    <message>
        <source>--format &apos;%1&apos; is not known; expected jsonl or csv</source>
        <translation>--format &apos;%1&apos; は不明です。jsonl または csv を指定してください</translation>
    </message>
    <message>
        <source>warning: run %1 has no key &apos;%2&apos;; its keys are: %3</source>
        <translation>警告: run %1 にキー &apos;%2&apos; はありません。キーは次のとおりです: %3</translation>
    </message>
    <message>
        <source>print a run&apos;s history (inherited rows included), ascending steps</source>
        <translation>run の履歴 (引き継いだ行を含む) を step の昇順で出力します</translation>
    </message>
    <message>
        <source>only these keys, and only rows holding at least one of them</source>
        <translation>これらのキーと、そのいずれかを含む行だけ</translation>
    </message>
    <message>
        <source>output format (default jsonl)</source>
        <translation>出力形式 (既定: jsonl)</translation>
    </message>
    <message>
        <source>only the run&apos;s own rows, not those a fork inherits</source>
        <translation>フォークが引き継いだ行を除いた、run 自身の行だけ</translation>
    </message>
    <message>
        <source>Imported from %1 (%2) into %3</source>
        <translation>%1 (%2) から %3 にインポートしました</translation>
    </message>
    <message>
        <source>%1 created, %2 updated, %3 unchanged, %4 failed</source>
        <translation>作成 %1、更新 %2、変更なし %3、失敗 %4</translation>
    </message>
    <message>
        <source>Nothing new: every run was imported before and has no new rows.</source>
        <translation>新しいものはありません: すべての run がインポート済みで、新しい行はありません。</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>RUN</source>
        <translation>RUN</translation>
    </message>
    <message>
        <source>ROWS ADDED</source>
        <translation>ROWS ADDED</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>SOURCE</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 が失敗しました: %2</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>警告:</translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n run(s) that could not be read (see the warnings).</source>
        <translation>
            <numerusform>読み込めなかった %n 個の run をスキップしました (警告を参照してください)。</numerusform>
        </translation>
    </message>
    <message>
        <source>Forks linked: %1</source>
        <translation>リンクしたフォーク: %1</translation>
    </message>
    <message>
        <source>Importing %1 (%2/%3)</source>
        <translation>%1 をインポート中 (%2/%3)</translation>
    </message>
    <message>
        <source>import runs from a W&amp;B run or wandb/ folder, a TensorBoard log folder or an MLflow mlruns/ folder</source>
        <translation>W&amp;B の run フォルダーまたは wandb/ フォルダー、TensorBoard のログフォルダー、MLflow の mlruns/ フォルダーから run をインポートします</translation>
    </message>
    <message>
        <source>the project the runs go into (default: the source&apos;s project, else &apos;uncategorized&apos; for W&amp;B and &apos;imported&apos; otherwise)</source>
        <translation>run を入れるプロジェクト (既定: ソースのプロジェクト、なければ W&amp;B では &apos;uncategorized&apos;、それ以外では &apos;imported&apos;)</translation>
    </message>
    <message>
        <source>the entity the runs go into (default: the source&apos;s entity, else &apos;local&apos;)</source>
        <translation>run を入れるエンティティ (既定: ソースのエンティティ、なければ &apos;local&apos;)</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>%1 行目: %2</translation>
    </message>
    <message>
        <source>the line</source>
        <translation>その行</translation>
    </message>
    <message>
        <source>expected a JSON object such as {&quot;loss&quot;: 0.25}, got %1</source>
        <translation>{&quot;loss&quot;: 0.25} のような JSON オブジェクトが必要ですが、%1 が渡されました</translation>
    </message>
    <message>
        <source>_commit is %1; expected true or false</source>
        <translation>_commit が %1 です。true または false を指定してください</translation>
    </message>
    <message>
        <source>--file &apos;%1&apos; %2; expected a file of JSON lines</source>
        <translation>--file &apos;%1&apos; %2。JSON Lines のファイルを指定してください</translation>
    </message>
    <message>
        <source>is a folder</source>
        <translation>はフォルダーです</translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation>は存在しません</translation>
    </message>
    <message>
        <source>--file &apos;%1&apos; cannot be read; expected a readable file of JSON lines</source>
        <translation>--file &apos;%1&apos; を読み込めません。読み込み可能な JSON Lines のファイルを指定してください</translation>
    </message>
    <message>
        <source>a custom run ID (default: 8 random a-z0-9)</source>
        <translation>カスタムの run ID (既定: ランダムな a-z0-9 の 8 文字)</translation>
    </message>
    <message>
        <source>the display name (default: adjective-noun-N)</source>
        <translation>表示名 (既定: adjective-noun-N)</translation>
    </message>
    <message>
        <source>the config as a JSON object; for a fork, keys that override the source&apos;s</source>
        <translation>JSON オブジェクトで指定する config。フォークの場合はソースの値を上書きするキー</translation>
    </message>
    <message>
        <source>fork &apos;&lt;run&gt;?_step=&lt;N&gt;&apos;: inherit the run&apos;s history up to step N, continue at N+1</source>
        <translation>&apos;&lt;run&gt;?_step=&lt;N&gt;&apos; をフォーク: step N までの run の履歴を引き継ぎ、N+1 から続行します</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs --project P to create a run in (or --fork-from SPEC)</source>
        <translation>&apos;%1&apos; には run を作成するプロジェクトを指定する --project P (または --fork-from SPEC) が必要です</translation>
    </message>
    <message>
        <source>Created run %1 (%2)</source>
        <translation>run %1 (%2) を作成しました</translation>
    </message>
    <message>
        <source>line %1: warning: %2</source>
        <translation>%1 行目: 警告: %2</translation>
    </message>
    <message>
        <source>--%1 is for creating a run, but RUN &apos;%2&apos; names an existing one; expected either &apos;log RUN&apos; or &apos;log --project P [--%1 ...]&apos;</source>
        <translation>--%1 は run を作成するためのオプションですが、RUN &apos;%2&apos; は既存の run を指しています。&apos;log RUN&apos; か &apos;log --project P [--%1 ...]&apos; のどちらかを使用してください</translation>
    </message>
    <message>
        <source>Logged %1 line(s) to run %2 (%3)</source>
        <translation>%1 行を run %2 (%3) に記録しました</translation>
    </message>
    <message>
        <source>Finished run %1 (%2)</source>
        <translation>run %1 (%2) を完了しました</translation>
    </message>
    <message>
        <source>the project to create the run in (required unless --fork-from names a path or immutable ID)</source>
        <translation>run を作成するプロジェクト (--fork-from でパスかイミュータブルな ID を指定した場合を除き必須)</translation>
    </message>
    <message>
        <source>print the new run&apos;s identity as JSON</source>
        <translation>新しい run の識別情報を JSON で出力します</translation>
    </message>
    <message>
        <source>create a run (state pending until &apos;log RUN&apos; writes to it)</source>
        <translation>run を作成します (&apos;log RUN&apos; で書き込まれるまで状態は pending です)</translation>
    </message>
    <message>
        <source>Prints the new run&apos;s identity. A bare run ID in --fork-from is looked up in --project.</source>
        <translation>新しい run の識別情報を出力します。--fork-from の単独の run ID は --project 内で検索します。</translation>
    </message>
    <message>
        <source>with no RUN: create a run in this project and finish it at the end of input; with a bare run ID: its project</source>
        <translation>RUN がない場合: このプロジェクトに run を作成し、入力の終わりで完了します。単独の run ID の場合: そのプロジェクト</translation>
    </message>
    <message>
        <source>read JSON lines from F (default: stdin)</source>
        <translation>F から JSON Lines を読み込みます (既定: 標準入力)</translation>
    </message>
    <message>
        <source>print the run&apos;s identity as JSON when done</source>
        <translation>完了時に run の識別情報を JSON で出力します</translation>
    </message>
    <message>
        <source>log JSON lines to a run: &apos;log RUN&apos; appends, &apos;log --project P&apos; creates one</source>
        <translation>JSON Lines を run に記録します: &apos;log RUN&apos; は追記し、&apos;log --project P&apos; は run を作成します</translation>
    </message>
    <message>
        <source>mark a run finished (exit code 0) or failed (any other exit code)</source>
        <translation>run を完了 (終了コード 0) または失敗 (それ以外の終了コード) にします</translation>
    </message>
    <message>
        <source>the run&apos;s exit code (default 0)</source>
        <translation>run の終了コード (既定: 0)</translation>
    </message>
    <message>
        <source>print the run&apos;s identity as JSON</source>
        <translation>run の識別情報を JSON で出力します</translation>
    </message>
    <message>
        <source>--%1 must be a JSON object such as &apos;{&quot;lr&quot;: 0.001}&apos;, got &apos;%2&apos;</source>
        <translation>--%1 には &apos;{&quot;lr&quot;: 0.001}&apos; のような JSON オブジェクトを指定してください (指定値: &apos;%2&apos;)</translation>
    </message>
    <message>
        <source>--%1 &apos;%2&apos; is not KEY=JSON; expected e.g. --%1 lr=0.001 or --%1 &apos;optimizer=&quot;adam&quot;&apos;</source>
        <translation>--%1 &apos;%2&apos; は KEY=JSON の形式ではありません。--%1 lr=0.001 や --%1 &apos;optimizer=&quot;adam&quot;&apos; のように指定してください</translation>
    </message>
    <message>
        <source>--%1 &apos;%2&apos;: the value is not JSON; expected e.g. %3=0.001, %3=true or %3=&apos;&quot;text&quot;&apos; (strings in double quotes)</source>
        <translation>--%1 &apos;%2&apos;: 値が JSON ではありません。%3=0.001、%3=true、%3=&apos;&quot;text&quot;&apos; のように指定してください (文字列はダブルクォートで囲みます)</translation>
    </message>
    <message>
        <source>--%1 &apos;%2&apos; is not a whole number; expected e.g. --%1 0</source>
        <translation>--%1 &apos;%2&apos; は整数ではありません。--%1 0 のように指定してください</translation>
    </message>
    <message>
        <source>Forked %1 into run %2 (%3); its own steps start at %4</source>
        <translation>%1 を run %2 (%3) にフォークしました。この run 自身の step は %4 から始まります</translation>
    </message>
    <message>
        <source>Renamed run %1 from &apos;%2&apos;</source>
        <translation>run %1 の名前を &apos;%2&apos; から変更しました</translation>
    </message>
    <message>
        <source>Deleted run %1 (%2); its ID stays retired in %3/%4.</source>
        <translation>run %1 (%2) を削除しました。その ID は %3/%4 で引き続き使用済みとして扱われます。</translation>
    </message>
    <message>
        <source>Copied the inherited history into fork %1 (%2).</source>
        <translation>引き継いだ履歴をフォーク %1 (%2) にコピーしました。</translation>
    </message>
    <message>
        <source>fork a run at a step: &apos;&lt;run&gt;?_step=&lt;N&gt;&apos; (the new run is pending until logged to)</source>
        <translation>run を step でフォークします: &apos;&lt;run&gt;?_step=&lt;N&gt;&apos; (新しい run は記録されるまで pending です)</translation>
    </message>
    <message>
        <source>where a bare run ID in SPEC is looked up and the fork is created (default: the source&apos;s project)</source>
        <translation>SPEC の単独の run ID を検索し、フォークを作成するプロジェクト (既定: ソースのプロジェクト)</translation>
    </message>
    <message>
        <source>the fork&apos;s run ID (default: generated)</source>
        <translation>フォークの run ID (既定: 自動生成)</translation>
    </message>
    <message>
        <source>the fork&apos;s display name</source>
        <translation>フォークの表示名</translation>
    </message>
    <message>
        <source>override a config key of the source</source>
        <translation>ソースの config キーを上書きします</translation>
    </message>
    <message>
        <source>SPEC is &apos;&lt;run&gt;?_step=&lt;N&gt;&apos; as in W&amp;B&apos;s fork_from, e.g. &apos;ans3bsax?_step=123&apos;; &lt;run&gt; may also be a run path or an immutable ID. The fork inherits the source&apos;s history at steps &lt;= N and logs its own rows from N+1; the source is not changed.</source>
        <translation>SPEC は W&amp;B の fork_from と同じ &apos;&lt;run&gt;?_step=&lt;N&gt;&apos; の形式です (例: &apos;ans3bsax?_step=123&apos;)。&lt;run&gt; には run パスやイミュータブルな ID も使えます。フォークは step N 以下のソースの履歴を引き継ぎ、N+1 から自身の行を記録します。ソースは変更されません。</translation>
    </message>
    <message>
        <source>change a run&apos;s display name (its IDs stay)</source>
        <translation>run の表示名を変更します (ID は変わりません)</translation>
    </message>
    <message>
        <source>delete a run (refused while forks inherit its history, unless --materialize-forks)</source>
        <translation>run を削除します (フォークがその履歴を引き継いでいる間は、--materialize-forks がない限り拒否されます)</translation>
    </message>
    <message>
        <source>first copy the history each fork inherits into the fork</source>
        <translation>先に、各フォークが引き継ぐ履歴をそのフォークにコピーします</translation>
    </message>
    <message>
        <source>print the deleted run&apos;s identity as JSON</source>
        <translation>削除した run の識別情報を JSON で出力します</translation>
    </message>
    <message>
        <source>The run&apos;s ID is never reused in its project. </source>
        <translation>run の ID はそのプロジェクトで再利用されることはありません。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <source>(exit code %1)</source>
        <translation>(終了コード %1)</translation>
    </message>
    <message>
        <source>(no heartbeat since %1)</source>
        <translation>(%1 以降ハートビートなし)</translation>
    </message>
    <message>
        <source>%1 at step %2</source>
        <translation>step %2 の %1</translation>
    </message>
    <message>
        <source>(source deleted, history materialized)</source>
        <translation>(ソースは削除済み、履歴は実体化済み)</translation>
    </message>
    <message>
        <source>path:          %1</source>
        <translation>パス:              %1</translation>
    </message>
    <message>
        <source>immutable ID:  %1</source>
        <translation>イミュータブル ID: %1</translation>
    </message>
    <message>
        <source>state:         %1</source>
        <translation>状態:              %1</translation>
    </message>
    <message>
        <source>forked from:   %1</source>
        <translation>フォーク元:        %1</translation>
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
        <source>Path</source>
        <translation>パス</translation>
    </message>
    <message>
        <source>Immutable ID</source>
        <translation>イミュータブルな ID</translation>
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
        <source>Finished</source>
        <translation>終了日時</translation>
    </message>
    <message>
        <source>Last heartbeat</source>
        <translation>最後のハートビート</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>実行時間</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Forked from</source>
        <translation>フォーク元</translation>
    </message>
    <message>
        <source>Source ID</source>
        <translation>ソース ID</translation>
    </message>
    <message>
        <source>last step %1</source>
        <translation>最後の step %1</translation>
    </message>
    <message>
        <source>no steps logged</source>
        <translation>step は記録されていません</translation>
    </message>
    <message>
        <source>(own rows %1..%2)</source>
        <translation>(自身の行 %1..%2)</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>step</translation>
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
        <source>Config</source>
        <translation>Config</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>メタデータ</translation>
    </message>
    <message>
        <source>there is no store at &apos;%1&apos;; expected the path of an existing store file (runs are added with &apos;forkscope-cli init&apos;, &apos;import&apos; or &apos;demo&apos;)</source>
        <translation>&apos;%1&apos; にストアがありません。既存のストアファイルのパスを指定してください（run は &apos;forkscope-cli init&apos;、&apos;import&apos;、&apos;demo&apos; で追加できます）</translation>
    </message>
    <message>
        <source>argument %1 (&apos;%2&apos;) is not valid UTF-8 (byte %3 is 0x%4); expected UTF-8 text</source>
        <translation>引数 %1（&apos;%2&apos;）は有効な UTF-8 ではありません（%3 バイト目が 0x%4）。UTF-8 テキストを指定してください</translation>
    </message>
    <message>
        <source>--keys is empty; expected key names separated by commas, e.g. --keys loss,accuracy (an empty key is --key &apos;&apos;)</source>
        <translation>--keys が空です。--keys loss,accuracy のようにカンマ区切りでキー名を指定してください（空のキーは --key &apos;&apos;）</translation>
    </message>
    <message>
        <source>one more key, taken exactly as given: for an empty key (--key &apos;&apos;) or one holding a comma (--key &apos;a,b&apos;); with --keys or alone</source>
        <translation>キーをもう 1 つ、書かれたとおりに指定します。空のキー（--key &apos;&apos;）やカンマを含むキー（--key &apos;a,b&apos;）に使います。--keys と一緒にも単独でも使えます</translation>
    </message>
    <message>
        <source>PATH is a W&amp;B run folder (run-*/offline-run-*) or .wandb file, a wandb/ folder, a TensorBoard log folder or events.out.tfevents.* file, an MLflow mlruns/ folder, or a project folder holding wandb/ or mlruns/. Importing again is safe: runs already imported gain only new rows. A cut or corrupt file imports what is whole and says where it stopped; a file with nothing readable imports nothing. A run ID already imported from another source fails that run. Exit status: 0 when every run was imported, 1 when some run failed, 2 when PATH cannot be imported or holds nothing readable.</source>
        <translation>PATH は W&amp;B の run フォルダー (run-*/offline-run-*) または .wandb ファイル、wandb/ フォルダー、TensorBoard のログフォルダーまたは events.out.tfevents.* ファイル、MLflow の mlruns/ フォルダー、または wandb/ か mlruns/ を含むプロジェクトフォルダーです。再インポートしても安全です: インポート済みの run には新しい行だけが追加されます。途中で切れたファイルや壊れたファイルは、完全な部分だけをインポートし、どこで止まったかを表示します。読み取れるものがないファイルは何もインポートしません。別のソースからインポート済みの run ID を持つ run は失敗になります。終了ステータス: すべての run をインポートできたときは 0、失敗した run があるときは 1、PATH をインポートできないか読み取れるものがないときは 2。</translation>
    </message>
    <message>
        <source>Checking history chunks: %1 of %2</source>
        <translation>履歴チャンクを検査中: %1 / %2</translation>
    </message>
    <message>
        <source>SQLite integrity check: ok</source>
        <translation>SQLite 整合性チェック: ok</translation>
    </message>
    <message numerus="yes">
        <source>SQLite integrity check found %n problem(s):</source>
        <translation>
            <numerusform>SQLite 整合性チェックで %n 件の問題が見つかりました:</numerusform>
        </translation>
    </message>
    <message>
        <source>History chunks: %1 checked, %2 sound, %3 unverified (written before checksums), %4 damaged</source>
        <translation>履歴チャンク: 検査 %1、正常 %2、未検証 %3 (チェックサム導入前に書き込み)、破損 %4</translation>
    </message>
    <message>
        <source>  damaged: run %1, key &apos;%2&apos;, steps %3-%4: %5</source>
        <translation>  破損: run %1、キー &apos;%2&apos;、step %3-%4: %5</translation>
    </message>
    <message numerus="yes">
        <source>Repaired: %n damaged chunk(s) quarantined (moved to the table chunk_quarantine); the rest of the history is untouched.</source>
        <translation>
            <numerusform>修復: 破損したチャンク %n 個を隔離しました (テーブル chunk_quarantine に移動)。残りの履歴は変更していません。</numerusform>
        </translation>
    </message>
    <message>
        <source>Reads refuse the damaged chunks. &apos;forkscope-cli check --repair&apos; quarantines them.</source>
        <translation>読み取りは破損したチャンクを使いません。&apos;forkscope-cli check --repair&apos; で隔離できます。</translation>
    </message>
    <message>
        <source>SQLite itself reports damage that --repair cannot mend: copy what is readable with &apos;sqlite3 STORE .recover&apos; into a new file.</source>
        <translation>SQLite 自体が --repair では直せない破損を報告しています: &apos;sqlite3 STORE .recover&apos; で読める部分を新しいファイルにコピーしてください。</translation>
    </message>
    <message>
        <source>verify the store: SQLite&apos;s integrity check and every history chunk&apos;s checksum and summary</source>
        <translation>ストアを検証する: SQLite の整合性チェックと、すべての履歴チャンクのチェックサムと要約</translation>
    </message>
    <message>
        <source>move damaged chunks out of the history into the table chunk_quarantine</source>
        <translation>破損したチャンクを履歴からテーブル chunk_quarantine に移動する</translation>
    </message>
    <message>
        <source>print {&quot;sqlite_ok&quot;, &quot;chunks&quot;, &quot;sound&quot;, &quot;unverified&quot;, &quot;damaged&quot;: [...], &quot;repaired&quot;}</source>
        <translation>{&quot;sqlite_ok&quot;, &quot;chunks&quot;, &quot;sound&quot;, &quot;unverified&quot;, &quot;damaged&quot;: [...], &quot;repaired&quot;} を出力する</translation>
    </message>
    <message>
        <source>Without --repair the store is opened read-only and not changed. Chunks written before checksums existed are checked against their summary and reported as unverified. Exit code 0: nothing damaged (or all of it quarantined by --repair); 1: damage remains.</source>
        <translation>--repair なしではストアを読み取り専用で開き、変更しません。チェックサム導入前に書かれたチャンクは要約と照合し、未検証として報告します。終了コード 0: 破損なし (または --repair ですべて隔離済み)、1: 破損が残っています。</translation>
    </message>
    <message>
        <source>jsonl: one {&quot;_step&quot;: s, key: value...} object per row, with only the keys logged at that step. csv: header _step,key1,key2...; an empty cell where a key has no value at that step. NaN, Infinity and -Infinity are written as such. Damaged stored data (a chunk whose checksum or summary does not match) is never printed: the command stops before printing anything, names the run, key and steps, and exits 1; &apos;forkscope-cli check --repair&apos; quarantines it.
</source>
        <translation>jsonl: 1 行につき {&quot;_step&quot;: s, key: value...} のオブジェクトを 1 つ出力し、その step で記録されたキーだけを含めます。csv: ヘッダーは _step,key1,key2... で、その step に値がないキーのセルは空になります。NaN、Infinity、-Infinity はそのまま書き出します。壊れた保存データ (チェックサムや要約が一致しないチャンク) は出力しません: 何も出力する前に止まり、run、キー、step を示して終了コード 1 で終わります。&apos;forkscope-cli check --repair&apos; で隔離できます。
</translation>
    </message>
    <message>
        <source>%1 %2 failed: %3</source>
        <translation>%1 %2 が失敗しました: %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 %3: %n row(s) added</source>
        <translation>
            <numerusform>%1 %2 %3: %n 行を追加しました</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 forks linked: %2</source>
        <translation>%1 リンクしたフォーク: %2</translation>
    </message>
    <message>
        <source>%1 does not exist; expected a folder to watch (a wandb/ or W&amp;B run folder, a TensorBoard log folder or an MLflow mlruns/ folder)</source>
        <translation>%1 は存在しません。監視するフォルダー (wandb/ または W&amp;B の run フォルダー、TensorBoard のログフォルダー、MLflow の mlruns/ フォルダー) を指定してください</translation>
    </message>
    <message>
        <source>Watching %1 into %2; Ctrl-C stops.</source>
        <translation>%1 を監視して %2 に取り込みます。Ctrl-C で停止します。</translation>
    </message>
    <message>
        <source>%1 holds nothing to import yet; waiting</source>
        <translation>%1 にはまだインポートできるものがありません。待機しています</translation>
    </message>
    <message>
        <source>Stopped watching %1.</source>
        <translation>%1 の監視を停止しました。</translation>
    </message>
    <message>
        <source>keep following PATH while training writes to it: new runs appear and new rows are added within 2 seconds, until Ctrl-C or SIGTERM (exit status 0)</source>
        <translation>学習が書き込んでいる間 PATH を追い続けます: 新しい run が現れ、新しい行は 2 秒以内に追加されます。Ctrl-C または SIGTERM で停止します (終了ステータス 0)</translation>
    </message>
    <message>
        <source>print {&quot;format&quot;, &quot;runs&quot;: [{&quot;status&quot;, &quot;path&quot;, &quot;immutable_id&quot;, &quot;rows_added&quot;, &quot;source&quot;, &quot;warnings&quot;, &quot;error&quot;}], &quot;warnings&quot;, &quot;skipped_runs&quot;, &quot;forks_linked&quot;}; with --watch one such line (plus &quot;time&quot;) per pass that changed something, and {&quot;time&quot;, &quot;error&quot;} lines</source>
        <translation>{&quot;format&quot;, &quot;runs&quot;: [{&quot;status&quot;, &quot;path&quot;, &quot;immutable_id&quot;, &quot;rows_added&quot;, &quot;source&quot;, &quot;warnings&quot;, &quot;error&quot;}], &quot;warnings&quot;, &quot;skipped_runs&quot;, &quot;forks_linked&quot;} を出力します。--watch では、変化があった回ごとにこの形の行 (と &quot;time&quot;) を 1 行、エラーは {&quot;time&quot;, &quot;error&quot;} の行で出力します</translation>
    </message>
    <message>
        <source>With --watch, PATH is read again whenever its files change; a record still being written at the end of a file is waited for, not reported as damage, and no row is added twice. MLflow metric files that hold several values at one step keep every value: they get steps 0, 1, 2... in the order written and the MLflow step goes to &quot;&lt;key&gt;/mlflow_step&quot;.</source>
        <translation>--watch では、ファイルが変わるたびに PATH を読み直します。ファイル末尾で書き込み中のレコードは破損として報告せず完成を待ち、同じ行を二度追加することはありません。1 つの step に複数の値を持つ MLflow のメトリクスファイルは、すべての値を残します: 書き込まれた順に step 0, 1, 2... を割り当て、MLflow の step は &quot;&lt;key&gt;/mlflow_step&quot; に入れます。</translation>
    </message>
    <message>
        <source>_step is %1; %2</source>
        <translation>_step が %1 です。%2</translation>
    </message>
    <message>
        <source>stdin</source>
        <translation>標準入力</translation>
    </message>
    <message>
        <source>%1 is a folder; expected JSON lines</source>
        <translation>%1 はフォルダーです。JSON Lines を渡してください</translation>
    </message>
    <message>
        <source>line %1: reading %2 failed (%3); the lines before it are logged</source>
        <translation>%1 行目: %2 の読み込みに失敗しました (%3)。それより前の行は記録済みです</translation>
    </message>
    <message>
        <source>line %1 is longer than %2 bytes; expected one JSON object per line of at most %2 bytes</source>
        <translation>%1 行目が %2 バイトを超えています。1 行に 1 つ、%2 バイト以内の JSON オブジェクトを渡してください</translation>
    </message>
    <message>
        <source>line %1: out of memory while reading or logging it; the lines before it are logged</source>
        <translation>%1 行目: 読み込みまたは記録中にメモリが不足しました。それより前の行は記録済みです</translation>
    </message>
    <message>
        <source>Each input line is one JSON object and one log() call: it is written at the current step, which then advances by one. A &quot;_step&quot;: k key logs at step k (a step that goes back is dropped with a warning); &quot;_commit&quot;: false merges into the pending row. A malformed line stops the input with its line number; the lines before it stay logged.
The run is running while input is read and finished at the end of input (failed if a line was bad), whether &apos;log --project&apos; created it or &apos;log RUN&apos; resumed it. One process logs a run at a time: &apos;log RUN&apos; on a run another live process is logging is refused (exit 2) with that process&apos;s pid and host.
</source>
        <translation>入力の各行は 1 つの JSON オブジェクトで、1 回の log() 呼び出しに当たります: 現在の step に書き込まれ、その後 step が 1 つ進みます。&quot;_step&quot;: k のキーがあると step k に記録します (戻る step は警告とともに破棄されます)。&quot;_commit&quot;: false は保留中の行にマージします。不正な行があると、その行番号を示して入力を止めます。それより前の行は記録されたままです。
入力を読んでいる間 run は実行中になり、入力の終わりで完了します (不正な行があった場合は失敗になります)。&apos;log --project&apos; で作成した run も &apos;log RUN&apos; で再開した run も同じです。1 つの run に記録できるプロセスは一度に 1 つです: 生きている別のプロセスが記録中の run への &apos;log RUN&apos; は、そのプロセスの pid とホストを示して拒否されます (終了コード 2)。
</translation>
    </message>
    <message>
        <source>--%1 %2=...: the value is refused (%3)</source>
        <translation>--%1 %2=...: 値を受け付けられません (%3)</translation>
    </message>
    <message>
        <source>--step %1: %2</source>
        <translation>--step %1: %2</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未確認</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>見つかりません</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>変更あり</translation>
    </message>
    <message>
        <source>&apos;checkpoint %1&apos; is not known; expected &apos;checkpoint add RUN PATH&apos; (list them with &apos;checkpoints RUN&apos;)</source>
        <translation>&apos;checkpoint %1&apos; は不明なコマンドです。&apos;checkpoint add RUN PATH&apos; を指定してください (一覧は &apos;checkpoints RUN&apos; で表示できます)</translation>
    </message>
    <message>
        <source>Registered the checkpoint of run %1 (%2) at step %3: %4</source>
        <translation>run %1 (%2) のチェックポイントをステップ %3 に登録しました: %4</translation>
    </message>
    <message>
        <source>Run %1 (%2) has no checkpoints.</source>
        <translation>Run %1 (%2) にはチェックポイントがありません。</translation>
    </message>
    <message>
        <source>STEP</source>
        <translation>STEP</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>SIZE</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>SAVED BY</source>
        <translation>SAVED BY</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <source>register weights a run saved: &apos;checkpoint add RUN PATH&apos;</source>
        <translation>run が保存した重みを登録します: &apos;checkpoint add RUN PATH&apos;</translation>
    </message>
    <message>
        <source>the step the weights were saved at (default: the run&apos;s last step, 0 before any)</source>
        <translation>重みを保存したステップ (デフォルト: run の最後のステップ、まだなければ 0)</translation>
    </message>
    <message>
        <source>print the registered checkpoint as JSON</source>
        <translation>登録したチェックポイントを JSON で出力します</translation>
    </message>
    <message>
        <source>PATH is the saved file (made absolute; its size and SHA-256 are recorded) or a URI such as s3://bucket/key (recorded as it is). </source>
        <translation>PATH は保存したファイル (絶対パスにされ、サイズと SHA-256 が記録されます) または s3://bucket/key のような URI (そのまま記録されます) です。</translation>
    </message>
    <message>
        <source>list a run&apos;s checkpoints, inherited ones included, and whether their files are unchanged</source>
        <translation>run のチェックポイントを継承したものも含めて一覧表示し、ファイルが変わっていないかを示します</translation>
    </message>
    <message>
        <source>print {&quot;checkpoints&quot;: [{&quot;step&quot;, &quot;path&quot;, &quot;size&quot;, &quot;sha256&quot;, &quot;run&quot;, &quot;exists&quot;, &quot;matches&quot;}]} in step order</source>
        <translation>{&quot;checkpoints&quot;: [{&quot;step&quot;, &quot;path&quot;, &quot;size&quot;, &quot;sha256&quot;, &quot;run&quot;, &quot;exists&quot;, &quot;matches&quot;}]} をステップ順に出力します</translation>
    </message>
    <message>
        <source>A fork lists its source&apos;s checkpoints up to the fork step, then its own. A missing or changed file is reported, not an error. </source>
        <translation>フォークは、フォーク元のフォークステップまでのチェックポイントに続けて自身のチェックポイントを表示します。見つからないファイルや変更されたファイルは報告されますが、エラーにはなりません。</translation>
    </message>
    <message>
        <source>The process exited with code %1; run %2 is %3.</source>
        <translation>プロセスは終了コード %1 で終了しました。run %2 は %3 です。</translation>
    </message>
    <message>
        <source>The process was ended by signal %1; run %2 is %3.</source>
        <translation>プロセスはシグナル %1 で終了しました。run %2 は %3 です。</translation>
    </message>
    <message>
        <source>%1; run %2 is %3.</source>
        <translation>%1。run %2 は %3 です。</translation>
    </message>
    <message>
        <source>cannot start training for a fork of run &apos;%1&apos;: %2</source>
        <translation>run &apos;%1&apos; のフォークのトレーニングを開始できません: %2</translation>
    </message>
    <message>
        <source>run &apos;%1&apos; recorded no command to start (its metadata has no &quot;program&quot;: it was not logged by a Forkscope client that records it); give the command with --command, e.g. --command &quot;python3 train.py --epochs 3&quot;</source>
        <translation>run &apos;%1&apos; には開始するコマンドが記録されていません (メタデータに &quot;program&quot; がありません: コマンドを記録する Forkscope クライアントでログされた run ではありません)。--command でコマンドを指定してください (例: --command &quot;python3 train.py --epochs 3&quot;)</translation>
    </message>
    <message>
        <source> (in %1)</source>
        <translation> (フォルダー %1)</translation>
    </message>
    <message>
        <source>forkscope-cli: warning: the output could not be kept in the store: %1</source>
        <translation>forkscope-cli: 警告: 出力をストアに保存できませんでした: %1</translation>
    </message>
    <message>
        <source>forkscope-cli: warning: the run&apos;s end could not be recorded: %1</source>
        <translation>forkscope-cli: 警告: run の終了を記録できませんでした: %1</translation>
    </message>
    <message>
        <source>Run %1 has no console output kept: only processes Forkscope started (fork --launch, or &quot;Create and start training&quot; in the app) have theirs kept.</source>
        <translation>run %1 には保存されたコンソール出力がありません。出力が保存されるのは Forkscope が開始したプロセス (fork --launch、またはアプリの「作成して学習を開始」) だけです。</translation>
    </message>
    <message>
        <source>print the console output (stdout and stderr) kept for a run Forkscope started</source>
        <translation>Forkscope が開始した run について保存されたコンソール出力 (stdout と stderr) を出力します</translation>
    </message>
    <message>
        <source>one JSON object a line: seq, stream, time, text</source>
        <translation>1 行に 1 つの JSON オブジェクト: seq、stream、time、text</translation>
    </message>
    <message>
        <source>Control characters are shown as escapes (\x1b, \r), as in all of the CLI&apos;s output. </source>
        <translation>制御文字は、CLI のすべての出力と同じくエスケープ (\x1b、\r) で表示されます。</translation>
    </message>
    <message>
        <source>--command names what --launch starts; add --launch to start it, or leave --command out</source>
        <translation>--command は --launch で開始するものを指定します。開始するには --launch を加えるか、--command を外してください</translation>
    </message>
    <message>
        <source>start training for the fork: the source&apos;s recorded command (or --command), attached to the fork; its output is shown and kept (see &apos;logs&apos;), and the exit code is the process&apos;s</source>
        <translation>フォークのトレーニングを開始します: ソースに記録されたコマンド (または --command) をフォークにアタッチして実行し、出力を表示・保存し (&apos;logs&apos; を参照)、プロセスの終了コードで終了します</translation>
    </message>
    <message>
        <source>with --launch: the command to start instead, split into arguments as a shell would but run without one</source>
        <translation>--launch と共に: 代わりに開始するコマンド。シェルと同じように引数に分割しますが、シェルを使わずに実行します</translation>
    </message>
    <message>
        <source>print the fork&apos;s identity as JSON (with --launch: last, once the process ended)</source>
        <translation>フォークの識別情報を JSON で出力します (--launch の場合: プロセスの終了後、最後に出力)</translation>
    </message>
    <message>
        <source>A process started with --launch gets FORKSCOPE_RUN_ID and FORKSCOPE_STORE, so forkscope.init() in it logs to the fork, with the fork&apos;s config; Ctrl-C and SIGTERM are passed on to it.</source>
        <translation>--launch で開始したプロセスには FORKSCOPE_RUN_ID と FORKSCOPE_STORE が渡されるため、その中の forkscope.init() はフォークの config でフォークにログします。Ctrl-C と SIGTERM はそのプロセスに転送されます。</translation>
    </message>
    <message>
        <source>Starting: %1%2</source>
        <translation>開始します: %1%2</translation>
    </message>
    <message>
        <source> by process %1 on %2</source>
        <translation> (%2 のプロセス %1 が記録中)</translation>
    </message>
    <message>
        <source>run &apos;%1&apos; is being logged%2; stop that first, or fork the run and launch the fork</source>
        <translation>Run &apos;%1&apos; は記録中です%2。先にそれを停止するか、Run をフォークしてフォークを起動してください</translation>
    </message>
    <message>
        <source>run &apos;%1&apos; is %2: training can only be launched for a run nothing has logged to yet (a new fork); fork it to train on from one of its steps</source>
        <translation>Run &apos;%1&apos; は %2 です。学習を起動できるのは、まだ何も記録されていない Run (新しいフォーク) だけです。いずれかのステップから学習を続けるにはフォークしてください</translation>
    </message>
    <message>
        <source>cannot start training for run &apos;%1&apos;: %2</source>
        <translation>Run &apos;%1&apos; の学習を開始できません: %2</translation>
    </message>
    <message>
        <source>Run %1 (%2).</source>
        <translation>Run %1 (%2)。</translation>
    </message>
    <message>
        <source>start training attached to a pending run (a new fork) and wait for it</source>
        <translation>保留中の Run (新しいフォーク) に紐づけて学習を開始し、終了を待ちます</translation>
    </message>
    <message>
        <source>the folder to start PROGRAM in</source>
        <translation>PROGRAM を開始するフォルダー</translation>
    </message>
    <message>
        <source>run in a session of its own, so it outlives the terminal or app that started it (the app uses this for &quot;Leave running&quot;)</source>
        <translation>専用のセッションで実行し、起動したターミナルやアプリが終了しても動き続けます (アプリの「実行したままにする」で使用)</translation>
    </message>
    <message>
        <source>print the run&apos;s identity as JSON, last, once the process ended</source>
        <translation>プロセスの終了後、最後に Run の識別情報を JSON で出力します</translation>
    </message>
    <message>
        <source>Put &apos;--&apos; before PROGRAM when an argument starts with &apos;-&apos;: forkscope-cli launch RUN -- python3 train.py --lr 0.1. PROGRAM is started directly with its arguments, never through a shell, and gets FORKSCOPE_RUN_ID and FORKSCOPE_STORE, so forkscope.init() in it logs to RUN. Its output is shown and kept (see &apos;logs&apos;), its end recorded as RUN&apos;s state, Ctrl-C and SIGTERM are passed on to it, and the exit code is the process&apos;s. A run another process is logging is refused.</source>
        <translation>引数が &apos;-&apos; で始まる場合は PROGRAM の前に &apos;--&apos; を置きます: forkscope-cli launch RUN -- python3 train.py --lr 0.1。PROGRAM はシェルを介さず引数とともに直接開始され、FORKSCOPE_RUN_ID と FORKSCOPE_STORE を受け取るため、その中の forkscope.init() は RUN に記録します。出力は表示・保存され (&apos;logs&apos; を参照)、終了は RUN の状態として記録され、Ctrl-C と SIGTERM はプロセスに渡され、終了コードはプロセスのものになります。別のプロセスが記録中の Run は拒否されます。</translation>
    </message>
    <message>
        <source>Forked run %1 (%2); its own steps start at %3.</source>
        <translation>Run %1 (%2) をフォークしました。独自のステップは %3 から始まります。</translation>
    </message>
    <message>
        <source>order by created (the default), name, id, state, last_step, summary.KEY or config.KEY; ascending unless :desc</source>
        <translation>created（既定）、name、id、state、last_step、summary.KEY または config.KEY で並べ替えます。:desc を付けない限り昇順です</translation>
    </message>
    <message>
        <source>only runs whose name, ID, a tag or state contains TEXT (ASCII letters in any case)</source>
        <translation>名前、ID、タグまたは状態に TEXT を含む run のみ（ASCII 文字は大文字小文字を区別しません）</translation>
    </message>
    <message>
        <source>skip the first N runs of the order</source>
        <translation>並び順の最初の N 個の run を飛ばします</translation>
    </message>
    <message>
        <source>list at most N runs</source>
        <translation>最大 N 個の run を一覧表示します</translation>
    </message>
    <message>
        <source>print {&quot;runs&quot;: [...]}, each entry with the identity keys of &apos;show&apos;; with --sort, --filter, --offset or --limit also &quot;total&quot; (runs the filter keeps) and &quot;offset&quot;</source>
        <translation>{&quot;runs&quot;: [...]} を出力します（各要素は &apos;show&apos; の識別キーを持ちます）。--sort、--filter、--offset または --limit を付けると &quot;total&quot;（フィルター後の run の数）と &quot;offset&quot; も出力します</translation>
    </message>
    <message>
        <source>Compacting history chunks: %1 of %2</source>
        <translation>履歴チャンクを圧縮中: %1 / %2</translation>
    </message>
    <message>
        <source>the store %1 is read-only: compact rewrites it in place and needs write access to the file and its folder</source>
        <translation>ストア %1 は読み取り専用です: compact はストアをその場で書き換えるため、ファイルとそのフォルダーへの書き込み権限が必要です</translation>
    </message>
    <message>
        <source>History chunks: %1 looked at, %2 rewritten (%3 bytes now %4), %5 already compressed</source>
        <translation>履歴チャンク: %1 個を確認、%2 個を書き換え（%3 バイトが %4 バイトに）、%5 個は圧縮済み</translation>
    </message>
    <message numerus="yes">
        <source>%n damaged chunk(s) left as they were: &apos;forkscope-cli check&apos; lists them, &apos;forkscope-cli check --repair&apos; quarantines them.</source>
        <translation>
            <numerusform>破損したチャンク %n 個はそのままにしました: &apos;forkscope-cli check&apos; で一覧表示、&apos;forkscope-cli check --repair&apos; で隔離できます。</numerusform>
        </translation>
    </message>
    <message>
        <source>rewrite history chunks of older formats in the compressed format (smaller store)</source>
        <translation>古い形式の履歴チャンクを圧縮形式で書き換えます（ストアが小さくなります）</translation>
    </message>
    <message>
        <source>print {&quot;chunks&quot;, &quot;rewritten&quot;, &quot;already_compressed&quot;, &quot;damaged&quot;, &quot;bytes_before&quot;, &quot;bytes_after&quot;}</source>
        <translation>{&quot;chunks&quot;, &quot;rewritten&quot;, &quot;already_compressed&quot;, &quot;damaged&quot;, &quot;bytes_before&quot;, &quot;bytes_after&quot;} を出力します</translation>
    </message>
    <message>
        <source>Chunks are rewritten a few at a time, each one checked against its summary and verified bit for bit after rewriting; stopping it at any moment loses nothing, and running it again carries on where it stopped. The file does not shrink until SQLite reuses the freed pages (or &apos;sqlite3 STORE VACUUM&apos;). Exit code 0: every chunk is compressed; 1: damaged chunks were left as they were.</source>
        <translation>チャンクは数個ずつ書き換えられ、それぞれ要約と照合され、書き換え後にビット単位で検証されます。いつ中断しても何も失われず、もう一度実行すると中断したところから続けます。SQLite が解放されたページを再利用するまで（または &apos;sqlite3 STORE VACUUM&apos; を実行するまで）ファイルは小さくなりません。終了コード 0: すべてのチャンクが圧縮済み、1: 破損したチャンクがそのまま残っています。</translation>
    </message>
    <message>
        <source>no steps yet</source>
        <translation>step はまだありません</translation>
    </message>
    <message>
        <source>%1 (%2), archived version %3 cut off by a rewind to step %4, %5</source>
        <translation>%1 (%2)、ステップ %4 への巻き戻しで切り離されたアーカイブ版 %3、%5</translation>
    </message>
    <message>
        <source>%1 (%2), forked at step %3, %4, %5</source>
        <translation>%1 (%2)、step %3 でフォーク、%4、%5</translation>
    </message>
    <message>
        <source>%1 (%2), %3, %4</source>
        <translation>%1 (%2)、%3、%4</translation>
    </message>
    <message>
        <source>&lt;- this run</source>
        <translation>&lt;- この run</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) in the family.</source>
        <translation>
            <numerusform>ファミリーの run は %n 件です。</numerusform>
        </translation>
    </message>
    <message>
        <source>show a run&apos;s family of forks as a tree: where each fork leaves its parent and what it changed</source>
        <translation>run のフォークのファミリーをツリーで表示: 各フォークが親から分かれた step と変更点</translation>
    </message>
    <message>
        <source>print {&quot;root&quot;: NODE}; a NODE has path, immutable_id, name, state, fork_step (null for the root), last_step, config_changes ({key: {&quot;from&quot;, &quot;to&quot;}}, only keys that differ from the parent) and children (NODEs by fork step)</source>
        <translation>{&quot;root&quot;: NODE} を出力します。NODE には path、immutable_id、name、state、fork_step（ルートは null）、last_step、config_changes（{key: {&quot;from&quot;, &quot;to&quot;}}、親と異なるキーのみ）、children（fork step 順の NODE）があります</translation>
    </message>
    <message>
        <source>The family is the tree below RUN&apos;s root ancestor, across projects. Nested config keys are compared by dotted path (optimizer.lr). </source>
        <translation>ファミリーは RUN のルートの祖先から下のツリーで、プロジェクトをまたぎます。入れ子の config キーはドット区切りのパス（optimizer.lr）で比較します。</translation>
    </message>
    <message>
        <source>Rewound run %1 (%2) to step %3; it logs on from step %4</source>
        <translation>Run %1 (%2) をステップ %3 に巻き戻しました。ステップ %4 から記録を続けます</translation>
    </message>
    <message>
        <source>Steps %1 to %2 are kept in the archived version %3.</source>
        <translation>ステップ %1 から %2 はアーカイブ版 %3 に保存されています。</translation>
    </message>
    <message>
        <source>rewind a run to a step: &apos;&lt;run&gt;?_step=&lt;N&gt;&apos; (it keeps its IDs and logs on from N+1)</source>
        <translation>Run をステップまで巻き戻す: &apos;&lt;run&gt;?_step=&lt;N&gt;&apos; (ID はそのままで、N+1 から記録を続けます)</translation>
    </message>
    <message>
        <source>where a bare run ID in SPEC is looked up</source>
        <translation>SPEC 内の Run ID だけの指定を探すプロジェクト</translation>
    </message>
    <message>
        <source>merge a key into the run&apos;s config</source>
        <translation>Run の config にキーをマージする</translation>
    </message>
    <message>
        <source>print the rewound run as &apos;show --json&apos; does</source>
        <translation>巻き戻した Run を &apos;show --json&apos; と同じ形式で出力する</translation>
    </message>
    <message>
        <source>SPEC is &apos;&lt;run&gt;?_step=&lt;N&gt;&apos; as in W&amp;B&apos;s resume_from, e.g. &apos;ans3bsax?_step=123&apos;; &lt;run&gt; may also be a run path or an immutable ID. The run keeps its run ID, path and immutable ID and its history up to step N; &apos;log RUN&apos; then continues it at N+1. The steps after N are not lost: they stay in an archived version with an immutable ID of its own (&apos;show RUN&apos; lists it), and forks made after N keep the history they had. The summary is recomputed from the history kept; the config is kept, with --set keys merged in.</source>
        <translation>SPEC は W&amp;B の resume_from と同じ &apos;&lt;run&gt;?_step=&lt;N&gt;&apos; です (例: &apos;ans3bsax?_step=123&apos;)。&lt;run&gt; には Run パスやイミュータブル ID も使えます。Run は Run ID、パス、イミュータブル ID と、ステップ N までの履歴を保ち、その後 &apos;log RUN&apos; が N+1 から続けます。N より後のステップは失われず、独自のイミュータブル ID を持つアーカイブ版に残ります (&apos;show RUN&apos; に表示されます)。N より後でフォークされた Run はそれまでの履歴を保ちます。サマリーは残った履歴から再計算され、config はそのまま保たれ、--set のキーがマージされます。</translation>
    </message>
    <message>
        <source>Archived version</source>
        <translation>アーカイブ版</translation>
    </message>
    <message>
        <source>of run %1: its history as it was before a rewind to step %2 on %3</source>
        <translation>Run %1 のもの: %3 にステップ %2 へ巻き戻す前の履歴</translation>
    </message>
    <message>
        <source>Rewound</source>
        <translation>巻き戻し</translation>
    </message>
    <message>
        <source>at step %1; the steps after it are in %2</source>
        <translation>ステップ %1 で実施。それより後のステップは %2 にあります</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>アーカイブ</translation>
    </message>
    <message>
        <source>%1: steps %2..%3, archived %4</source>
        <translation>%1: ステップ %2..%3、%4 にアーカイブ</translation>
    </message>
    <message>
        <source>--%1 &apos;%2&apos; is not valid; expected a whole number from 0 to %3</source>
        <translation>--%1 &apos;%2&apos; は無効です。0 から %3 までの整数を指定してください</translation>
    </message>
    <message>
        <source>--sort &apos;%1&apos;: &apos;%2&apos; is not a direction; expected KEY, KEY:asc or KEY:desc</source>
        <translation>--sort &apos;%1&apos;: &apos;%2&apos; は並び順ではありません。KEY、KEY:asc または KEY:desc を指定してください</translation>
    </message>
    <message>
        <source>--sort &apos;%1&apos;: unknown key &apos;%2&apos;; expected created, name, id, state, last_step, summary.KEY or config.KEY, optionally with :asc or :desc</source>
        <translation>--sort &apos;%1&apos;: 不明なキー &apos;%2&apos; です。created、name、id、state、last_step、summary.KEY または config.KEY を指定してください（:asc または :desc を付けられます）</translation>
    </message>
</context>
<context>
    <name>forkscope::ConsoleTab</name>
    <message>
        <source>Stop training</source>
        <translation>学習を停止</translation>
    </message>
    <message>
        <source>Console output</source>
        <translation>コンソール出力</translation>
    </message>
    <message>
        <source>No console output: this run&apos;s training was not started from Forkscope.</source>
        <translation>コンソール出力はありません: この Run の学習は Forkscope から開始されていません。</translation>
    </message>
    <message>
        <source>Training is running; the output follows live.</source>
        <translation>学習を実行中です。出力をライブで表示しています。</translation>
    </message>
    <message>
        <source>Stop the training of this run? It gets SIGTERM, and SIGKILL if it is still running after the grace period.</source>
        <translation>この Run の学習を停止しますか? SIGTERM を送り、猶予期間の後もまだ実行中なら SIGKILL を送ります。</translation>
    </message>
    <message>
        <source>Being logged by process %1 on %2; the output follows live.</source>
        <translation>%2 のプロセス %1 が記録中です。出力はライブで表示されます。</translation>
    </message>
    <message>
        <source>Stop process %1, which is logging this run on this computer? It gets SIGTERM; training started by Forkscope then records the run&apos;s end.</source>
        <translation>このコンピューターでこの Run を記録しているプロセス %1 を停止しますか? SIGTERM が送られ、Forkscope が開始した学習であれば Run の終了が記録されます。</translation>
    </message>
</context>
<context>
    <name>forkscope::ContinueSnippet</name>
    <message>
        <source>Continue this run from a training script</source>
        <translation>トレーニングスクリプトからこの run を続行する</translation>
    </message>
    <message>
        <source>the forkscope-cli command</source>
        <translation>forkscope-cli コマンド</translation>
    </message>
    <message>
        <source>the C++ init call</source>
        <translation>C++ の init 呼び出し</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>%1 をコピー</translation>
    </message>
    <message>
        <source>the Python code</source>
        <translation>Python のコード</translation>
    </message>
    <message>
        <source>Rows go to the run&apos;s next step. From Python (resumes by immutable ID, so a rename or move does not break it; `import forkscope as wandb` works too):</source>
        <translation>行は run の次の step に記録されます。Python から (イミュータブルな ID で再開するので、名前の変更や移動の影響を受けません。`import forkscope as wandb` でも動きます):</translation>
    </message>
    <message>
        <source>From a shell, pipe JSON rows (one per line):</source>
        <translation>シェルからは JSON の行 (1 行に 1 つ) をパイプで渡します:</translation>
    </message>
    <message>
        <source>Or fork from a training script</source>
        <translation>またはトレーニングスクリプトからフォークする</translation>
    </message>
    <message>
        <source>The fork inherits steps 0 – N and logs from N + 1. From Python (`import forkscope as wandb` works too):</source>
        <translation>フォークは step 0 – N を引き継ぎ、N + 1 から記録します。Python から (`import forkscope as wandb` でも動きます):</translation>
    </message>
    <message>
        <source>From a shell, pipe JSON rows (one per line) into a new fork:</source>
        <translation>シェルからは JSON の行 (1 行に 1 つ) を新しいフォークにパイプで渡します:</translation>
    </message>
    <message>
        <source>From C++:</source>
        <translation>C++ から:</translation>
    </message>
</context>
<context>
    <name>forkscope::Demo</name>
    <message>
        <source>logging %1</source>
        <translation>%1 をログに記録中</translation>
    </message>
    <message>
        <source>the store already has the demo project %1/%2 (%3 runs); use another store (--store PATH) for a fresh demo</source>
        <translation>ストアにはすでにデモプロジェクト %1/%2 (%3 個の run) があります。新しいデモには別のストア (--store PATH) を使用してください</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完了</translation>
    </message>
</context>
<context>
    <name>forkscope::FolderWatch</name>
    <message>
        <source>%1 does not exist; waiting for it to appear</source>
        <translation>%1 は存在しません。現れるのを待っています</translation>
    </message>
</context>
<context>
    <name>forkscope::FolderWatchController</name>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 が失敗しました: %2</translation>
    </message>
    <message>
        <source>Nothing to import yet; waiting</source>
        <translation>インポートできるものはまだありません。待機しています</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) read, %1 row(s) added at %2</source>
        <translation>
            <numerusform>%n 個の run を読み込み、%2 に %1 行を追加しました</numerusform>
        </translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>開始しています</translation>
    </message>
    <message>
        <source>Watch a folder while training writes to it</source>
        <translation>学習が書き込むフォルダーを監視</translation>
    </message>
    <message>
        <source>Watching %1: %2</source>
        <translation>%1 の監視: %2</translation>
    </message>
</context>
<context>
    <name>forkscope::ForkController</name>
    <message>
        <source>Created %1 (%2), forked at step %3</source>
        <translation>%1 (%2) を作成しました (step %3 でフォーク)</translation>
    </message>
    <message>
        <source>Started training for %1</source>
        <translation>%1 の学習を開始しました</translation>
    </message>
    <message>
        <source>Could not start training for %1: %2</source>
        <translation>%1 の学習を開始できませんでした: %2</translation>
    </message>
</context>
<context>
    <name>forkscope::ForkDialog</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
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
        <source>Create fork</source>
        <translation>フォークを作成</translation>
    </message>
    <message>
        <source>Working folder of the training</source>
        <translation>学習の作業フォルダー</translation>
    </message>
    <message>
        <source>Create and &amp;start training</source>
        <translation>作成して学習を開始(&amp;S)</translation>
    </message>
    <message>
        <source>%1 recorded no command: enter the command that starts its training</source>
        <translation>%1 にはコマンドが記録されていません: 学習を開始するコマンドを入力してください</translation>
    </message>
    <message>
        <source>Started without a shell, with FORKSCOPE_RUN_ID set to the new fork; arguments:</source>
        <translation>シェルを使わずに起動し、FORKSCOPE_RUN_ID に新しいフォークを設定します。引数:</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Reading the source&apos;s checkpoints…</source>
        <translation>ソースのチェックポイントを読み込み中…</translation>
    </message>
    <message>
        <source>None: the source recorded no checkpoints</source>
        <translation>なし: ソースはチェックポイントを記録していません</translation>
    </message>
    <message>
        <source>step %1 · %2</source>
        <translation>ステップ %1 · %2</translation>
    </message>
    <message>
        <source>None at or before step %1</source>
        <translation>ステップ %1 以前にはありません</translation>
    </message>
    <message>
        <source>No checkpoint at step %1. Nearest checkpoint is step %2, 1 step earlier.</source>
        <translation>ステップ %1 にチェックポイントはありません。最も近いチェックポイントはステップ %2 (1 ステップ前) です。</translation>
    </message>
    <message>
        <source>No checkpoint at step %1. Nearest checkpoint is step %2, %3 steps earlier.</source>
        <translation>ステップ %1 にチェックポイントはありません。最も近いチェックポイントはステップ %2 (%3 ステップ前) です。</translation>
    </message>
    <message>
        <source>No checkpoint at step %1. Nearest checkpoint is step %2, 1 step later.</source>
        <translation>ステップ %1 にチェックポイントはありません。最も近いチェックポイントはステップ %2 (1 ステップ後) です。</translation>
    </message>
    <message>
        <source>No checkpoint at step %1. Nearest checkpoint is step %2, %3 steps later.</source>
        <translation>ステップ %1 にチェックポイントはありません。最も近いチェックポイントはステップ %2 (%3 ステップ後) です。</translation>
    </message>
    <message>
        <source>The checkpoint file is missing: %1</source>
        <translation>チェックポイントのファイルがありません: %1</translation>
    </message>
    <message>
        <source>The checkpoint file has changed since it was registered (its size or SHA-256 differs): %1</source>
        <translation>チェックポイントのファイルが登録後に変更されています (サイズまたは SHA-256 が異なります): %1</translation>
    </message>
</context>
<context>
    <name>forkscope::ForkSpec</name>
    <message>
        <source>invalid fork spec: %1; expected &apos;&lt;run&gt;?_step=&lt;N&gt;&apos; with a run ID, run path or immutable ID and a whole step N &gt;= 0, e.g. &apos;ans3bsax?_step=123&apos;</source>
        <translation>無効なフォーク指定です: %1。run ID、run パスまたはイミュータブルな ID と、0 以上の整数の step N を使った &apos;&lt;run&gt;?_step=&lt;N&gt;&apos; の形式で指定してください (例: &apos;ans3bsax?_step=123&apos;)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no &apos;?_step=&lt;N&gt;&apos; part</source>
        <translation>&apos;%1&apos; に &apos;?_step=&lt;N&gt;&apos; の部分がありません</translation>
    </message>
    <message>
        <source>&apos;%1&apos; names no run before &apos;?&apos;</source>
        <translation>&apos;%1&apos; の &apos;?&apos; の前に run が指定されていません</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has more than one parameter; only _step is allowed</source>
        <translation>&apos;%1&apos; にパラメーターが複数あります。指定できるのは _step だけです</translation>
    </message>
    <message>
        <source>&apos;%1&apos; forks on &apos;%2&apos;; only the metric _step is supported</source>
        <translation>&apos;%1&apos; は &apos;%2&apos; でフォークしようとしています。サポートされているのはメトリクス _step だけです</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no step after &apos;_step=&apos;</source>
        <translation>&apos;%1&apos; の &apos;_step=&apos; の後に step がありません</translation>
    </message>
    <message>
        <source>step &apos;%1&apos; is negative</source>
        <translation>step &apos;%1&apos; が負の値です</translation>
    </message>
    <message>
        <source>step &apos;%1&apos; is not a whole number</source>
        <translation>step &apos;%1&apos; は整数ではありません</translation>
    </message>
</context>
<context>
    <name>forkscope::Format</name>
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
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min %3 s</source>
        <translation>%1 時間 %2 分 %3 秒</translation>
    </message>
    <message>
        <source>%1 d %2 h %3 min %4 s</source>
        <translation>%1 日 %2 時間 %3 分 %4 秒</translation>
    </message>
</context>
<context>
    <name>forkscope::Identity</name>
    <message>
        <source>run ID is empty; expected a non-empty ID such as &apos;ans3bsax&apos;</source>
        <translation>run ID が空です。&apos;ans3bsax&apos; のような空でない ID を指定してください</translation>
    </message>
    <message>
        <source>run ID &apos;%1&apos; has leading or trailing white space; expected none</source>
        <translation>run ID &apos;%1&apos; の前後に空白があります。空白は含めないでください</translation>
    </message>
    <message>
        <source>run ID &apos;%1&apos; contains &apos;%2&apos;; run IDs may not contain any of : ; , # ? / &apos;</source>
        <translation>run ID &apos;%1&apos; に &apos;%2&apos; が含まれています。run ID には : ; , # ? / &apos; のいずれも使用できません</translation>
    </message>
    <message>
        <source>run ID</source>
        <translation>run ID</translation>
    </message>
</context>
<context>
    <name>forkscope::ImportController</name>
    <message>
        <source>Import runs from a folder</source>
        <translation>フォルダーから run をインポート</translation>
    </message>
    <message>
        <source>Import runs from files</source>
        <translation>ファイルから run をインポート</translation>
    </message>
    <message>
        <source>W&amp;B and TensorBoard logs (*.wandb events.out.tfevents.*);;All files (*)</source>
        <translation>W&amp;B と TensorBoard のログ (*.wandb events.out.tfevents.*);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Importing runs</source>
        <translation>run をインポート中</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 を読み込み中…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセル中…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Importing “%1”…</source>
        <translation>「%1」をインポート中…</translation>
    </message>
</context>
<context>
    <name>forkscope::ImportSummaryDialog</name>
    <message>
        <source>Created</source>
        <translation>作成</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>変更なし</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>The import from %1 was cancelled. Runs finished before that are kept; the run being written was rolled back.</source>
        <translation>%1 からのインポートはキャンセルされました。それまでに完了した run は保持され、書き込み中だった run はロールバックされました。</translation>
    </message>
    <message>
        <source>Nothing was imported from %1.</source>
        <translation>%1 からは何もインポートされませんでした。</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>インポートをキャンセルしました</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>インポートが完了しました</translation>
    </message>
    <message>
        <source>Skipped (unreadable):</source>
        <translation>スキップ (読み込めません):</translation>
    </message>
    <message>
        <source>Forks linked:</source>
        <translation>リンクしたフォーク:</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 が失敗しました: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No warnings.</source>
        <translation>警告はありません。</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>警告:</translation>
    </message>
    <message>
        <source>%1 locations</source>
        <translation>%1 か所</translation>
    </message>
    <message>
        <source>Import from %1 finished.</source>
        <translation>%1 からのインポートが完了しました。</translation>
    </message>
</context>
<context>
    <name>forkscope::Importers</name>
    <message>
        <source>%1: event at byte %2 does not decode (%3); skipped</source>
        <translation>%1: バイト %2 のイベントをデコードできません (%3)。スキップしました</translation>
    </message>
    <message>
        <source>%1: summary value in the event at byte %2 does not decode (%3); skipped</source>
        <translation>%1: バイト %2 のイベントのサマリー値をデコードできません (%3)。スキップしました</translation>
    </message>
    <message>
        <source>%1: summary in the event at byte %2 does not decode (%3); the rest of it is skipped</source>
        <translation>%1: バイト %2 のイベントのサマリーをデコードできません (%3)。残りの部分はスキップしました</translation>
    </message>
    <message>
        <source>%1: tag &quot;%2&quot; goes back from step %3 to step %4 at byte %5 (the job was restarted?); for a step written more than once the last value is kept</source>
        <translation>%1: タグ &quot;%2&quot; がバイト %5 で step %3 から step %4 に戻っています (ジョブが再起動された可能性があります)。複数回書き込まれた step では最後の値を使用します</translation>
    </message>
    <message>
        <source>%1 scalar values were written again for a step already seen; the last one is kept</source>
        <translation>%1 個のスカラー値が既出の step に再度書き込まれていました。最後の値を使用します</translation>
    </message>
    <message>
        <source>%1 does not exist; expected a TensorBoard log folder</source>
        <translation>%1 は存在しません。TensorBoard のログフォルダーを指定してください</translation>
    </message>
    <message>
        <source>%1 holds no TensorBoard event files; expected files named events.out.tfevents.*</source>
        <translation>%1 には TensorBoard のイベントファイルがありません。events.out.tfevents.* という名前のファイルが必要です</translation>
    </message>
    <message>
        <source>%1 is missing; expected MLflow&apos;s meta.yaml there</source>
        <translation>%1 がありません。そこには MLflow の meta.yaml が必要です</translation>
    </message>
    <message>
        <source>%1 is not a YAML mapping; expected MLflow&apos;s meta.yaml</source>
        <translation>%1 は YAML のマッピングではありません。MLflow の meta.yaml が必要です</translation>
    </message>
    <message>
        <source>%1 line %2: %3; skipped</source>
        <translation>%1 の %2 行目: %3。スキップしました</translation>
    </message>
    <message>
        <source>%1/meta.yaml: unknown status &quot;%2&quot;; expected 1-5 (RUNNING, SCHEDULED, FINISHED, FAILED, KILLED)</source>
        <translation>%1/meta.yaml: 不明なステータス &quot;%2&quot; です。1〜5 (RUNNING、SCHEDULED、FINISHED、FAILED、KILLED) のいずれかが必要です</translation>
    </message>
    <message>
        <source>%1 is not a folder; expected an MLflow mlruns/ folder</source>
        <translation>%1 はフォルダーではありません。MLflow の mlruns/ フォルダーを指定してください</translation>
    </message>
    <message>
        <source>%1 is not an MLflow mlruns/ folder; expected experiment folders holding a meta.yaml with experiment_id</source>
        <translation>%1 は MLflow の mlruns/ フォルダーではありません。experiment_id を含む meta.yaml がある実験フォルダーが必要です</translation>
    </message>
    <message>
        <source>%1: %2 deleted run(s) in .trash skipped</source>
        <translation>%1: .trash 内の削除済み run %2 個をスキップしました</translation>
    </message>
    <message>
        <source>experiment &quot;%1&quot; (%2) is deleted; its %3 run(s) skipped</source>
        <translation>実験 &quot;%1&quot; (%2) は削除されています。その %3 個の run をスキップしました</translation>
    </message>
    <message>
        <source>run %1 is deleted (lifecycle_stage: deleted); skipped</source>
        <translation>run %1 は削除されています (lifecycle_stage: deleted)。スキップしました</translation>
    </message>
    <message>
        <source>%1 skipped: %2</source>
        <translation>%1 をスキップしました: %2</translation>
    </message>
    <message>
        <source>%1 is not valid JSON; ignored</source>
        <translation>%1 は有効な JSON ではありません。無視しました</translation>
    </message>
    <message>
        <source>%1 is not a mapping of config keys; ignored</source>
        <translation>%1 は config キーのマッピングではありません。無視しました</translation>
    </message>
    <message>
        <source>%1 is not a JSON object; ignored</source>
        <translation>%1 は JSON オブジェクトではありません。無視しました</translation>
    </message>
    <message>
        <source>%1 ends mid-line at byte %2 (line %3 is incomplete); expected a JSON object per line</source>
        <translation>%1 はバイト %2 で行の途中で終わっています (%3 行目が不完全です)。1 行に 1 つの JSON オブジェクトが必要です</translation>
    </message>
    <message>
        <source>%1 line %2 (byte %3) is not a JSON object; skipped</source>
        <translation>%1 の %2 行目 (バイト %3) は JSON オブジェクトではありません。スキップしました</translation>
    </message>
    <message>
        <source>%1 history values were logged again for a step already seen; the last one is kept</source>
        <translation>%1 個の履歴値が既出の step に再度記録されていました。最後の値を使用します</translation>
    </message>
    <message>
        <source>%1 holds %2 .wandb files; only one is imported</source>
        <translation>%1 には .wandb ファイルが %2 個あります。インポートするのは 1 つだけです</translation>
    </message>
    <message>
        <source>%1 does not exist; expected a W&amp;B run folder or .wandb file</source>
        <translation>%1 は存在しません。W&amp;B の run フォルダーか .wandb ファイルを指定してください</translation>
    </message>
    <message>
        <source>%1 is not a .wandb file; expected a W&amp;B run folder or run-&lt;id&gt;.wandb</source>
        <translation>%1 は .wandb ファイルではありません。W&amp;B の run フォルダーか run-&lt;id&gt;.wandb を指定してください</translation>
    </message>
    <message>
        <source>%1 is not a W&amp;B run folder; expected a run-&lt;id&gt;.wandb file (SDK 0.10+) or wandb-history.jsonl (SDK 0.9)</source>
        <translation>%1 は W&amp;B の run フォルダーではありません。run-&lt;id&gt;.wandb ファイル (SDK 0.10 以降) か wandb-history.jsonl (SDK 0.9) が必要です</translation>
    </message>
    <message>
        <source>%1 has no .wandb file and no wandb-history.jsonl; only its config and summary are imported</source>
        <translation>%1 には .wandb ファイルも wandb-history.jsonl もありません。config とサマリーだけをインポートします</translation>
    </message>
    <message>
        <source>%1 is not a folder; expected a wandb/ folder of runs</source>
        <translation>%1 はフォルダーではありません。run を含む wandb/ フォルダーを指定してください</translation>
    </message>
    <message>
        <source>file ends at byte %1 inside the 12-byte header of the record at byte %2</source>
        <translation>ファイルがバイト %1 で終わっています (バイト %2 のレコードの 12 バイトのヘッダーの途中)</translation>
    </message>
    <message>
        <source>bad length checksum for the record at byte %1: stored %2, expected %3 (masked CRC-32C of the 8 length bytes)</source>
        <translation>バイト %1 のレコードの長さのチェックサムが正しくありません: 記録値 %2、期待値 %3 (長さ 8 バイトのマスク済み CRC-32C)</translation>
    </message>
    <message>
        <source>file ends mid-record at byte %1: the record at byte %2 declares %3 data bytes plus a 4-byte checksum but only %4 bytes follow its header</source>
        <translation>ファイルがバイト %1 でレコードの途中で終わっています: バイト %2 のレコードはデータ %3 バイトと 4 バイトのチェックサムを宣言していますが、ヘッダーの後には %4 バイトしかありません</translation>
    </message>
    <message>
        <source>bad data checksum for the record at byte %1: stored %2, expected %3 (masked CRC-32C of the data)</source>
        <translation>バイト %1 のレコードのデータのチェックサムが正しくありません: 記録値 %2、期待値 %3 (データのマスク済み CRC-32C)</translation>
    </message>
    <message>
        <source>%1 is not valid YAML (line %2: %3)</source>
        <translation>%1 は有効な YAML ではありません (%2 行目: %3)</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 を開けません: %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>byte %1: malformed field tag; expected a varint of at most 5 bytes</source>
        <translation>バイト %1: フィールドタグが不正です。5 バイト以内の varint が必要です</translation>
    </message>
    <message>
        <source>byte %1: field number 0; expected a field number of 1 or more</source>
        <translation>バイト %1: フィールド番号が 0 です。1 以上のフィールド番号が必要です</translation>
    </message>
    <message>
        <source>byte %1: malformed varint value; expected at most 10 bytes ending inside the message</source>
        <translation>バイト %1: varint の値が不正です。メッセージ内で終わる 10 バイト以内の値が必要です</translation>
    </message>
    <message>
        <source>byte %1: malformed length prefix; expected a varint length</source>
        <translation>バイト %1: 長さのプレフィックスが不正です。varint の長さが必要です</translation>
    </message>
    <message>
        <source>byte %1: field runs past the end of the message (%2 bytes)</source>
        <translation>バイト %1: フィールドがメッセージの終わり (%2 バイト) を越えています</translation>
    </message>
    <message>
        <source>byte %1: protobuf group (wire type 3/4) found; expected no groups in this message</source>
        <translation>バイト %1: protobuf のグループ (ワイヤータイプ 3/4) があります。このメッセージにグループは使えません</translation>
    </message>
    <message>
        <source>byte %1: unknown wire type; expected 0, 1, 2 or 5</source>
        <translation>バイト %1: 不明なワイヤータイプです。0、1、2、5 のいずれかが必要です</translation>
    </message>
    <message>
        <source>item without a key (expected key or nested_key)</source>
        <translation>キーのない項目です (key または nested_key が必要です)</translation>
    </message>
    <message>
        <source>record at byte %1 is not a valid W&amp;B record (%2); skipped</source>
        <translation>バイト %1 のレコードは有効な W&amp;B レコードではありません (%2)。スキップしました</translation>
    </message>
    <message>
        <source>%1 record at byte %2 does not decode (%3); skipped</source>
        <translation>バイト %2 の %1 レコードをデコードできません (%3)。スキップしました</translation>
    </message>
    <message>
        <source>history record at byte %1: value of &quot;%2&quot; is not JSON; skipped</source>
        <translation>バイト %1 の履歴レコード: &quot;%2&quot; の値が JSON ではありません。スキップしました</translation>
    </message>
    <message>
        <source>%1 record at byte %2: value of &quot;%3&quot; is not JSON; skipped</source>
        <translation>バイト %2 の %1 レコード: &quot;%3&quot; の値が JSON ではありません。スキップしました</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s); expected &quot;&lt;timestamp_ms&gt; &lt;value&gt; &lt;step&gt;&quot; or &quot;&lt;timestamp_ms&gt; &lt;value&gt;&quot;</source>
        <translation>
            <numerusform>フィールドが %n 個あります。&quot;&lt;timestamp_ms&gt; &lt;value&gt; &lt;step&gt;&quot; または &quot;&lt;timestamp_ms&gt; &lt;value&gt;&quot; の形式にしてください</numerusform>
        </translation>
    </message>
    <message>
        <source>timestamp &quot;%1&quot; is not a whole number of milliseconds</source>
        <translation>タイムスタンプ &quot;%1&quot; はミリ秒単位の整数ではありません</translation>
    </message>
    <message>
        <source>value &quot;%1&quot; is not a number (expected e.g. 0.25, 1e-3, nan, inf)</source>
        <translation>値 &quot;%1&quot; は数値ではありません (0.25、1e-3、nan、inf などが必要です)</translation>
    </message>
    <message>
        <source>file is empty; expected the 7-byte W&amp;B header (&quot;:W&amp;B&quot;, 0xBEE1, version 0)</source>
        <translation>ファイルが空です。7 バイトの W&amp;B ヘッダー (&quot;:W&amp;B&quot;、0xBEE1、バージョン 0) が必要です</translation>
    </message>
    <message>
        <source>not a .wandb file: expected &quot;:W&amp;B&quot; at byte 0</source>
        <translation>.wandb ファイルではありません: バイト 0 に &quot;:W&amp;B&quot; が必要です</translation>
    </message>
    <message>
        <source>not a .wandb file: expected identifier 0xBEE1 (bytes e1 be) at byte 4</source>
        <translation>.wandb ファイルではありません: バイト 4 に識別子 0xBEE1 (バイト列 e1 be) が必要です</translation>
    </message>
    <message>
        <source>unsupported .wandb version %1 at byte 6; expected version 0</source>
        <translation>バイト 6 の .wandb バージョン %1 はサポートされていません。バージョン 0 が必要です</translation>
    </message>
    <message>
        <source>file ends at byte %1 inside the 7-byte W&amp;B header</source>
        <translation>ファイルがバイト %1 で終わっています (7 バイトの W&amp;B ヘッダーの途中)</translation>
    </message>
    <message>
        <source>file ends at byte %1 inside the record that starts at byte %2; expected its MIDDLE/LAST chunks</source>
        <translation>ファイルがバイト %1 で終わっています (バイト %2 から始まるレコードの途中)。MIDDLE/LAST チャンクが必要です</translation>
    </message>
    <message>
        <source>file ends at byte %1 inside the 7-byte chunk header that starts at byte %2</source>
        <translation>ファイルがバイト %1 で終わっています (バイト %2 から始まる 7 バイトのチャンクヘッダーの途中)</translation>
    </message>
    <message>
        <source>chunk at byte %1 has type %2; expected 1 (FULL), 2 (FIRST), 3 (MIDDLE) or 4 (LAST)</source>
        <translation>バイト %1 のチャンクのタイプは %2 です。1 (FULL)、2 (FIRST)、3 (MIDDLE)、4 (LAST) のいずれかが必要です</translation>
    </message>
    <message>
        <source>chunk at byte %1 declares %2 payload bytes, past its block end at byte %3</source>
        <translation>バイト %1 のチャンクは %2 バイトのペイロードを宣言していますが、ブロックの終わり (バイト %3) を越えています</translation>
    </message>
    <message>
        <source>file ends mid-record at byte %1: the chunk at byte %2 declares %3 payload bytes but only %4 remain</source>
        <translation>ファイルがバイト %1 でレコードの途中で終わっています: バイト %2 のチャンクは %3 バイトのペイロードを宣言していますが、残りは %4 バイトしかありません</translation>
    </message>
    <message>
        <source>bad checksum for the chunk at byte %1: stored %2, expected %3 (CRC-32 of type and payload)</source>
        <translation>バイト %1 のチャンクのチェックサムが正しくありません: 記録値 %2、期待値 %3 (タイプとペイロードの CRC-32)</translation>
    </message>
    <message>
        <source>FULL chunk at byte %1 inside the record that starts at byte %2; expected a MIDDLE or LAST chunk</source>
        <translation>バイト %2 から始まるレコードの途中 (バイト %1) に FULL チャンクがあります。MIDDLE または LAST チャンクが必要です</translation>
    </message>
    <message>
        <source>FIRST chunk at byte %1 inside the record that starts at byte %2; expected a MIDDLE or LAST chunk</source>
        <translation>バイト %2 から始まるレコードの途中 (バイト %1) に FIRST チャンクがあります。MIDDLE または LAST チャンクが必要です</translation>
    </message>
    <message>
        <source>%1 chunk at byte %2 without a FIRST chunk before it</source>
        <translation>バイト %2 の %1 チャンクの前に FIRST チャンクがありません</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 は存在しません</translation>
    </message>
    <message>
        <source>%1 is not something Forkscope can import; expected a W&amp;B run folder (run-*/offline-run-* holding a .wandb file, or wandb-history.jsonl), a wandb/ folder of runs, a TensorBoard log folder (events.out.tfevents.* files) or an MLflow mlruns/ folder (experiment folders with meta.yaml)</source>
        <translation>%1 は Forkscope でインポートできる形式ではありません。W&amp;B の run フォルダー (.wandb ファイルまたは wandb-history.jsonl を含む run-*/offline-run-*)、run を含む wandb/ フォルダー、TensorBoard のログフォルダー (events.out.tfevents.* ファイル)、MLflow の mlruns/ フォルダー (meta.yaml のある実験フォルダー) のいずれかを指定してください</translation>
    </message>
    <message>
        <source>%1 is not valid UTF-8 text; left out</source>
        <translation>%1 は有効な UTF-8 テキストではないため除外しました</translation>
    </message>
    <message>
        <source>%1 is not valid UTF-8 text; replaced by null</source>
        <translation>%1 は有効な UTF-8 テキストではないため null に置き換えました</translation>
    </message>
    <message>
        <source>run name</source>
        <translation>run 名</translation>
    </message>
    <message>
        <source>%1; a generated name is used instead</source>
        <translation>%1。代わりに生成した名前を使います</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>%1; the notes are left out</source>
        <translation>%1。メモは除外しました</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>%1; the tag is left out</source>
        <translation>%1。このタグは除外しました</translation>
    </message>
    <message>
        <source>run ID</source>
        <translation>run ID</translation>
    </message>
    <message>
        <source>project name</source>
        <translation>プロジェクト名</translation>
    </message>
    <message>
        <source>entity</source>
        <translation>エンティティ</translation>
    </message>
    <message>
        <source>%1; the run is not imported (identifiers are never repaired)</source>
        <translation>%1。この run はインポートしていません（識別子は修復しません）</translation>
    </message>
    <message>
        <source>metric key &apos;%1&apos; is not valid UTF-8 text; its values are left out</source>
        <translation>メトリックキー &apos;%1&apos; は有効な UTF-8 テキストではないため、その値は除外しました</translation>
    </message>
    <message>
        <source>run ID &apos;%1&apos; from %2 is already taken in %3/%4 by a run imported from %5, a different source; nothing of this run is imported. Expected one source per run ID (import it into another project to keep both)</source>
        <translation>%2 の run ID &apos;%1&apos; は、別のソース %5 からインポートされた run が %3/%4 ですでに使っています。この run は何もインポートしていません。run ID ごとにソースは 1 つにしてください（両方残すには別のプロジェクトにインポートしてください）</translation>
    </message>
    <message>
        <source>nothing was imported from %1: %2</source>
        <translation>%1 からは何もインポートされませんでした: %2</translation>
    </message>
    <message>
        <source>the files are empty</source>
        <translation>ファイルは空です</translation>
    </message>
    <message>
        <source>%1 holds no readable record, so there is nothing to import: %2</source>
        <translation>%1 には読み取れるレコードがないため、インポートするものがありません: %2</translation>
    </message>
    <message>
        <source>the file ends after its header</source>
        <translation>ファイルはヘッダーの直後で終わっています</translation>
    </message>
    <message numerus="yes">
        <source>%1 skipped: its %n event file(s) hold no readable record (%2)</source>
        <translation>
            <numerusform>%1 をスキップしました: その %n 個のイベントファイルには読み取れるレコードがありません（%2）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 holds no readable line, so there is nothing to import: %2</source>
        <translation>%1 には読み取れる行がないため、インポートするものがありません: %2</translation>
    </message>
    <message>
        <source>%1 ends mid-line at byte %2 (line %3 has no line end); expected &quot;&lt;timestamp_ms&gt; &lt;value&gt; &lt;step&gt;&quot; lines</source>
        <translation>%1 はバイト %2 で行の途中で終わっています (%3 行目に行末がありません)。&quot;&lt;timestamp_ms&gt; &lt;value&gt; &lt;step&gt;&quot; の行が必要です</translation>
    </message>
    <message>
        <source>%1: several values share a step (MLflow allows that); all %2 are kept at steps 0-%3 in the order written, their MLflow step is in &quot;%4&quot;</source>
        <translation>%1: 複数の値が同じ step にあります (MLflow では許されています)。%2 個すべてを書き込まれた順に step 0〜%3 に残し、MLflow の step は &quot;%4&quot; に入れました</translation>
    </message>
    <message>
        <source>%1: event at byte %2: %3; its values are skipped</source>
        <translation>%1: バイト %2 のイベント: %3。その値はスキップしました</translation>
    </message>
    <message>
        <source>%1 is not valid JSON (%2); ignored</source>
        <translation>%1 は正しい JSON ではありません (%2)。無視しました</translation>
    </message>
    <message>
        <source>%1 line %2 (byte %3) is not valid JSON (%4); skipped</source>
        <translation>%1 の %2 行目 (バイト %3) は正しい JSON ではありません (%4)。スキップしました</translation>
    </message>
    <message>
        <source>%1 line %2 (byte %3): %4; the row is skipped</source>
        <translation>%1 の %2 行目 (バイト %3): %4。この行はスキップしました</translation>
    </message>
    <message>
        <source>history record at byte %1: value of &quot;%2&quot; is not JSON (%3); skipped</source>
        <translation>バイト %1 の history レコード: &quot;%2&quot; の値は JSON ではありません (%3)。スキップしました</translation>
    </message>
    <message>
        <source>history record at byte %1: %2; the row is skipped</source>
        <translation>バイト %1 の history レコード: %2。この行はスキップしました</translation>
    </message>
    <message>
        <source>%1 record at byte %2: value of &quot;%3&quot; is not JSON (%4); skipped</source>
        <translation>バイト %2 の %1 レコード: &quot;%3&quot; の値は JSON ではありません (%4)。スキップしました</translation>
    </message>
    <message>
        <source>%1 is refused: nested more than %2 levels deep</source>
        <translation>%1 は受け付けられません: 入れ子が %2 階層を超えています</translation>
    </message>
    <message>
        <source>%1 is refused: %2</source>
        <translation>%1 は受け付けられません: %2</translation>
    </message>
    <message>
        <source>%1 is refused: it expands to more than %2 values (aliases repeating other nodes?)</source>
        <translation>%1 は受け付けられません: 展開すると %2 個を超える値になります (エイリアスが他のノードを繰り返していませんか?)</translation>
    </message>
    <message>
        <source>%1: the checkpoint %2 is left out: %3</source>
        <translation>%1: チェックポイント %2 は取り込まれません: %3</translation>
    </message>
    <message numerus="yes">
        <source>... and %n more warning(s)</source>
        <translation>
            <numerusform>…ほか %n 件の警告</numerusform>
        </translation>
    </message>
    <message>
        <source>%1/tags/mlflow.log-model.history: %2; the logged models are left out</source>
        <translation>%1/tags/mlflow.log-model.history: %2。ログされたモデルは取り込まれません</translation>
    </message>
    <message>
        <source>%1/tags/mlflow.log-model.history is not a JSON list; the logged models are left out</source>
        <translation>%1/tags/mlflow.log-model.history は JSON のリストではありません。ログされたモデルは取り込まれません</translation>
    </message>
    <message>
        <source>an artifact manifest entry does not decode</source>
        <translation>アーティファクトのマニフェストのエントリーをデコードできません</translation>
    </message>
</context>
<context>
    <name>forkscope::Json</name>
    <message>
        <source>%1 is not valid JSON (%2); expected JSON such as {&quot;loss&quot;: 0.25}</source>
        <translation>%1 は有効な JSON ではありません (%2)。{&quot;loss&quot;: 0.25} のような JSON を指定してください</translation>
    </message>
    <message>
        <source>arrays/objects nested more than %1 levels deep; at most %1 levels are accepted</source>
        <translation>配列/オブジェクトの入れ子が %1 階層を超えています。受け付けるのは %1 階層までです</translation>
    </message>
    <message>
        <source>a NUL byte at byte %1; expected text without NUL bytes</source>
        <translation>バイト %1 に NUL バイトがあります。NUL バイトを含まないテキストを渡してください</translation>
    </message>
    <message>
        <source>arrays/objects nested more than %1 levels deep at byte %2; at most %1 levels are accepted</source>
        <translation>バイト %2 で配列/オブジェクトの入れ子が %1 階層を超えています。受け付けるのは %1 階層までです</translation>
    </message>
</context>
<context>
    <name>forkscope::JsonTreeModel</name>
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
    <name>forkscope::KeyValueView</name>
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
    <name>forkscope::Launch</name>
    <message>
        <source>the command &apos;%1&apos; ends in a backslash; expected a character after it, or quote the backslash (&apos;\&apos;)</source>
        <translation>コマンド &apos;%1&apos; がバックスラッシュで終わっています。後ろに文字を続けるか、バックスラッシュを引用符で囲んでください (&apos;\&apos;)</translation>
    </message>
    <message>
        <source>the command &apos;%1&apos; has a quote at character %2 that is never closed; expected a matching %3</source>
        <translation>コマンド &apos;%1&apos; の %2 文字目の引用符が閉じられていません。対応する %3 が必要です</translation>
    </message>
    <message>
        <source>the command is empty; expected a program and its arguments, e.g. &quot;python3 train.py --epochs 3&quot;</source>
        <translation>コマンドが空です。プログラムとその引数を指定してください (例: &quot;python3 train.py --epochs 3&quot;)</translation>
    </message>
    <message>
        <source>there is no program to start; expected a command such as &quot;python3 train.py&quot;</source>
        <translation>開始するプログラムがありません。&quot;python3 train.py&quot; のようなコマンドを指定してください</translation>
    </message>
    <message>
        <source>the working folder &apos;%1&apos; is not a folder; expected the folder to start &apos;%2&apos; in</source>
        <translation>作業フォルダー &apos;%1&apos; はフォルダーではありません。&apos;%2&apos; を開始するフォルダーを指定してください</translation>
    </message>
    <message>
        <source>there is no program &apos;%1&apos; on PATH; expected an installed program or a path to one</source>
        <translation>PATH にプログラム &apos;%1&apos; がありません。インストール済みのプログラムか、プログラムへのパスを指定してください</translation>
    </message>
    <message>
        <source>there is no program &apos;%1&apos; (looked for %2)</source>
        <translation>プログラム &apos;%1&apos; がありません (%2 を探しました)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be started: it is not an executable file; expected a program, or its interpreter before it (e.g. python3 %1)</source>
        <translation>&apos;%1&apos; を開始できません: 実行可能ファイルではありません。プログラムを指定するか、その前にインタープリターを指定してください (例: python3 %1)</translation>
    </message>
    <message>
        <source>could not start &apos;%1&apos;: %2</source>
        <translation>&apos;%1&apos; を開始できませんでした: %2</translation>
    </message>
    <message>
        <source>forkscope: %1</source>
        <translation>forkscope: %1</translation>
    </message>
    <message>
        <source>this process for run &apos;%1&apos; was already started; start a new one</source>
        <translation>run &apos;%1&apos; のこのプロセスはすでに開始されています。新しいプロセスを開始してください</translation>
    </message>
</context>
<context>
    <name>forkscope::LegendBar</name>
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
    <name>forkscope::Lineage</name>
    <message>
        <source>%1: added %2</source>
        <translation>%1: 追加 %2</translation>
    </message>
    <message>
        <source>%1: removed (was %2)</source>
        <translation>%1: 削除（元は %2）</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>same config</source>
        <translation>設定の変更なし</translation>
    </message>
    <message numerus="yes">
        <source>%1, and %n more</source>
        <translation>
            <numerusform>%1、ほか %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>forkscope::LineageGraph</name>
    <message>
        <source>%1, steps %2 to %3</source>
        <translation>%1、step %2 〜 %3</translation>
    </message>
    <message>
        <source>Forked from %1 at step %2</source>
        <translation>%1 の step %2 からフォーク</translation>
    </message>
    <message numerus="yes">
        <source>%n fork(s) below, collapsed</source>
        <translation>
            <numerusform>下に %n 件のフォーク（折りたたみ中）</numerusform>
        </translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>%1 (+%2)</source>
        <translation>%1 (+%2)</translation>
    </message>
    <message>
        <source>step %1 · %2</source>
        <translation>step %1 · %2</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Fork from step %1…</source>
        <translation>step %1 からフォーク…</translation>
    </message>
    <message>
        <source>Expand forks</source>
        <translation>フォークを展開</translation>
    </message>
    <message>
        <source>Collapse forks</source>
        <translation>フォークを折りたたむ</translation>
    </message>
    <message>
        <source>Overlay in Charts</source>
        <translation>チャートに重ねて表示</translation>
    </message>
</context>
<context>
    <name>forkscope::LineageTab</name>
    <message>
        <source>Select family</source>
        <translation>ファミリーを選択</translation>
    </message>
    <message>
        <source>Select every run of the family and overlay them in Charts</source>
        <translation>ファミリーのすべての run を選択してチャートに重ねて表示します</translation>
    </message>
    <message>
        <source>Overlay selected</source>
        <translation>選択を重ねて表示</translation>
    </message>
    <message>
        <source>Overlay the runs chosen with Ctrl+click in Charts</source>
        <translation>Ctrl+クリックで選んだ run をチャートに重ねて表示します</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>すべて展開</translation>
    </message>
    <message>
        <source>Fit steps</source>
        <translation>全 step を表示</translation>
    </message>
    <message>
        <source>Show every step (Ctrl+wheel zooms, dragging pans)</source>
        <translation>すべての step を表示します（Ctrl+ホイールでズーム、ドラッグで移動）</translation>
    </message>
    <message>
        <source>Family of forks</source>
        <translation>フォークのファミリー</translation>
    </message>
    <message>
        <source>No run is open.</source>
        <translation>run が開かれていません。</translation>
    </message>
    <message>
        <source>Reading the family…</source>
        <translation>ファミリーを読み込み中…</translation>
    </message>
    <message>
        <source>The family of this run cannot be read: %1</source>
        <translation>この run のファミリーを読み込めません: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) in the family of %1</source>
        <translation>
            <numerusform>%1 のファミリーの run: %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>forkscope::MainWindow</name>
    <message>
        <source>Forkscope</source>
        <translation>Forkscope</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>プロジェクト</translation>
    </message>
    <message>
        <source>%1 — Forkscope</source>
        <translation>%1 — Forkscope</translation>
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
        <source>Delete the run &quot;%1&quot; (%2) and its history? This cannot be undone.</source>
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
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Back to the previous run</source>
        <translation>前の run に戻る</translation>
    </message>
    <message>
        <source>Forward to the next run</source>
        <translation>次の run に進む</translation>
    </message>
    <message>
        <source>Reload projects, runs and charts</source>
        <translation>プロジェクト、run、チャートを再読み込み</translation>
    </message>
    <message>
        <source>Fork the open run at the step picked on a chart, else at its last step</source>
        <translation>開いている run を、チャートで選んだ step (選んでいなければ最後の step) でフォーク</translation>
    </message>
    <message>
        <source>Read-only store: %1. Runs can be browsed; forking, renaming, deleting, importing and creating the demo project are off.</source>
        <translation>読み取り専用のストア: %1。run は閲覧できますが、フォーク、名前の変更、削除、インポート、デモプロジェクトの作成はできません。</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>読み取り専用</translation>
    </message>
    <message>
        <source>Read-only store: %1</source>
        <translation>読み取り専用のストア: %1</translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation>学習を実行中です</translation>
    </message>
    <message>
        <source>Stop training and quit</source>
        <translation>学習を停止して終了</translation>
    </message>
    <message>
        <source>Stopping training; the window closes once it has ended</source>
        <translation>学習を停止しています。終了するとウィンドウが閉じます</translation>
    </message>
    <message numerus="yes">
        <source>%n training process(es) started here are still running. Stop them and quit, or leave them running? Left running, their output is still kept, and Forkscope shows it live when opened again.</source>
        <translation>
            <numerusform>ここで開始した %n 個の学習プロセスがまだ実行中です。停止して終了しますか、それとも実行したままにしますか? 実行したままにした場合も出力は保存され、Forkscope を再び開くとライブで表示されます。</numerusform>
        </translation>
    </message>
    <message>
        <source>Leave running and quit</source>
        <translation>実行したまま終了</translation>
    </message>
</context>
<context>
    <name>forkscope::MetricPanel</name>
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
    <message>
        <source>Logarithmic y axis</source>
        <translation>y 軸を対数にする</translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation>チャートをエクスポート…</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>チャートをエクスポート</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;CSV of the drawn points (*.csv)</source>
        <translation>PNG 画像 (*.png);;SVG 図形 (*.svg);;描画した点の CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 を書き込めませんでした。</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) logged no %1</source>
        <translation>
            <numerusform>%n 件の run に %1 の記録がありません</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · step %2</source>
        <translation>%1 · step %2</translation>
    </message>
    <message>
        <source>damaged data at steps %1–%2 of %3 in %4: not drawn</source>
        <translation>%4 の %3、step %1–%2 のデータが壊れています: 描画していません</translation>
    </message>
    <message numerus="yes">
        <source>(+%n more)</source>
        <translation>
            <numerusform>(ほか %n 件)</numerusform>
        </translation>
    </message>
    <message>
        <source>Fork from checkpoint at step %1…</source>
        <translation>ステップ %1 のチェックポイントからフォーク…</translation>
    </message>
    <message>
        <source>Fork %1 from its checkpoint at step %2 (F)
%3</source>
        <translation>%1 をステップ %2 のチェックポイントからフォーク (F)
%3</translation>
    </message>
    <message>
        <source>Checkpoint at step %1 (%2)</source>
        <translation>ステップ %1 のチェックポイント (%2)</translation>
    </message>
    <message>
        <source>saved by %1</source>
        <translation>保存した Run: %1</translation>
    </message>
    <message>
        <source>%1 · checkpoint</source>
        <translation>%1 · チェックポイント</translation>
    </message>
    <message>
        <source>Rewind to step %1…</source>
        <translation>ステップ %1 に巻き戻す…</translation>
    </message>
    <message>
        <source>Rewind to step…</source>
        <translation>ステップに巻き戻す…</translation>
    </message>
    <message>
        <source>%1   %2 (from %3)</source>
        <translation>%1   %2（%3 から）</translation>
    </message>
    <message>
        <source>Rewind %1 to step %2: it keeps its IDs and logs on from step %3; what it logged after step %2 is archived, not lost</source>
        <translation>%1 をステップ %2 に巻き戻します。ID はそのままで、ステップ %3 から記録を続けます。ステップ %2 より後に記録した内容は失われず、アーカイブされます</translation>
    </message>
</context>
<context>
    <name>forkscope::OverviewTab</name>
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
    <message>
        <source>Config: the same as the run it was forked from.</source>
        <translation>Config: フォーク元の run と同じです。</translation>
    </message>
    <message>
        <source>Config changed against the run it was forked from:
%1</source>
        <translation>フォーク元の run から変更された Config:
%1</translation>
    </message>
    <message>
        <source>Archived version of %1: its history as it was before the rewind to step %2 on %3. It stays as it is.</source>
        <translation>%1 のアーカイブ版: %3 にステップ %2 へ巻き戻す前の履歴です。そのまま保たれます。</translation>
    </message>
    <message>
        <source>steps %1–%2</source>
        <translation>ステップ %1–%2</translation>
    </message>
    <message>
        <source>%1, archived %2</source>
        <translation>%1、%2 にアーカイブ</translation>
    </message>
    <message>
        <source>Archived by rewinds: %1</source>
        <translation>巻き戻しでアーカイブされた履歴: %1</translation>
    </message>
</context>
<context>
    <name>forkscope::ProjectListModel</name>
    <message numerus="yes">
        <source>%1/%2: %n run(s)</source>
        <translation>
            <numerusform>%1/%2: %n 個の run</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>forkscope::RewindController</name>
    <message>
        <source>Cannot rewind: %1</source>
        <translation>巻き戻せません: %1</translation>
    </message>
    <message>
        <source>Rewind %1 to step %2?</source>
        <translation>%1 をステップ %2 に巻き戻しますか?</translation>
    </message>
    <message>
        <source>Steps %1 to %2 will be archived: they stay readable as an archived version listed in the run&apos;s Overview, and the run logs on from step %1. The run keeps its run ID and its config; its summary is recomputed from the steps it keeps.</source>
        <translation>ステップ %1 から %2 はアーカイブされます。Run の概要に表示されるアーカイブ版として引き続き読むことができ、Run はステップ %1 から記録を続けます。Run の Run ID と config はそのまま保たれ、サマリーは残るステップから再計算されます。</translation>
    </message>
    <message numerus="yes">
        <source>%n fork(s) made after step %1 will name the archived version and keep their history.</source>
        <translation>
            <numerusform>ステップ %1 より後で作られた %n 件のフォークはアーカイブ版を参照し、履歴を保ちます。</numerusform>
        </translation>
    </message>
    <message>
        <source>Rewind run</source>
        <translation>Run を巻き戻す</translation>
    </message>
    <message>
        <source>Rewind</source>
        <translation>巻き戻す</translation>
    </message>
    <message>
        <source>Rewound %1 to step %2; it logs on from step %3</source>
        <translation>%1 をステップ %2 に巻き戻しました。ステップ %3 から記録を続けます</translation>
    </message>
</context>
<context>
    <name>forkscope::Run</name>
    <message>
        <source>step %1 &lt; current step %2: steps must increase monotonically; the data logged at step %1 was dropped</source>
        <translation>step %1 &lt; 現在の step %2: step は単調に増加する必要があります。step %1 で記録されたデータは破棄されました</translation>
    </message>
    <message>
        <source>fork_from, resume and resume_from are mutually exclusive; give only one of them</source>
        <translation>fork_from、resume、resume_from は同時に指定できません。いずれか 1 つだけを指定してください</translation>
    </message>
    <message>
        <source>a new run needs a project; give one, e.g. project &quot;mnist&quot;</source>
        <translation>新しい run にはプロジェクトが必要です。project &quot;mnist&quot; のように指定してください</translation>
    </message>
    <message>
        <source>log() after finish(); start a new run or resume this one</source>
        <translation>finish() の後に log() が呼ばれました。新しい run を開始するか、この run を再開してください</translation>
    </message>
    <message>
        <source>log() takes a JSON object of key/value pairs, e.g. {&quot;loss&quot;: 0.25}; got %1</source>
        <translation>log() にはキーと値のペアからなる JSON オブジェクト ({&quot;loss&quot;: 0.25} など) を渡してください。渡された値: %1</translation>
    </message>
    <message>
        <source>_commit must be true or false; got %1</source>
        <translation>_commit は true または false である必要があります。渡された値: %1</translation>
    </message>
    <message>
        <source>a run&apos;s config is a JSON object of key/value pairs; got %1</source>
        <translation>run の config はキーと値の組の JSON オブジェクトです。渡された値: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2, an integer beyond +/-2^53 that cannot be stored exactly; it is stored as %3 (the nearest double), and so are later such values of this key</source>
        <translation>&quot;%1&quot; は %2 で、±2^53 を超える整数のため正確には保存できません。最も近い double の %3 として保存します (このキーの以後の同様の値も同じです)</translation>
    </message>
    <message>
        <source>the run&apos;s next step would be %1, past the last valid step; %2</source>
        <translation>run の次のステップは %1 となり、有効な最後のステップを超えます。%2</translation>
    </message>
    <message>
        <source>the config or metadata is refused: %1</source>
        <translation>config または metadata を受け付けられません: %1</translation>
    </message>
    <message>
        <source>_step is %1; %2</source>
        <translation>_step が %1 です。%2</translation>
    </message>
    <message>
        <source>the value of &quot;%1&quot; is refused: %2</source>
        <translation>&quot;%1&quot; の値を受け付けられません: %2</translation>
    </message>
    <message>
        <source>summary &quot;%1&quot; is refused: %2</source>
        <translation>summary &quot;%1&quot; を受け付けられません: %2</translation>
    </message>
    <message>
        <source>%1 is &apos;%2&apos;, which is not an immutable run ID; expected the ID Forkscope gave the process it started, such as &apos;fsr:01HZX3K9Q4V7N2M8C5T6B1R0WD&apos;, or unset it to start a run of your own</source>
        <translation>%1 は &apos;%2&apos; ですが、これはイミュータブルな Run ID ではありません。Forkscope が開始したプロセスに渡した &apos;fsr:01HZX3K9Q4V7N2M8C5T6B1R0WD&apos; のような ID を指定するか、独自の run を開始するにはこの変数を削除してください</translation>
    </message>
    <message>
        <source>%1 names run &apos;%2&apos;, which is not in the store &apos;%3&apos; (%4 names the store); was the run deleted, or is the process looking at another store?</source>
        <translation>%1 が指す run &apos;%2&apos; はストア &apos;%3&apos; にありません (ストアは %4 で指定されます)。run が削除されたか、プロセスが別のストアを見ていませんか?</translation>
    </message>
    <message>
        <source>logCheckpoint() after finish(); register checkpoints while the run is being logged</source>
        <translation>finish() の後に logCheckpoint() が呼ばれました。チェックポイントは run のログ記録中に登録してください</translation>
    </message>
    <message>
        <source>resume_from &apos;%1&apos; rewinds run &apos;%2&apos;, which keeps its ID; id &apos;%3&apos; names another run. Leave id out, or give &apos;%2&apos;</source>
        <translation>resume_from &apos;%1&apos; は Run &apos;%2&apos; を巻き戻し、その ID はそのまま保たれます。id &apos;%3&apos; は別の Run を指しています。id を省くか、&apos;%2&apos; を指定してください</translation>
    </message>
</context>
<context>
    <name>forkscope::RunBrowser</name>
    <message>
        <source>Cannot open run &apos;%1&apos;: %2</source>
        <translation>run &apos;%1&apos; を開けません: %2</translation>
    </message>
    <message>
        <source>This run cannot be shown: %1</source>
        <translation>この run は表示できません: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) of another project are not overlaid: Charts overlays runs of one project.</source>
        <translation>
            <numerusform>別のプロジェクトの run %n 件は重ねて表示されません。チャートは 1 つのプロジェクトの run のみを重ねて表示します。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>forkscope::RunPage</name>
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
    <message>
        <source>Run views</source>
        <translation>run のビュー</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>コンソール</translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation>系譜</translation>
    </message>
</context>
<context>
    <name>forkscope::RunPageModel</name>
    <message>
        <source>%1 @ %2</source>
        <translation>%1 @ %2</translation>
    </message>
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
        <source>Forked from %1 at step %2</source>
        <translation>%1 の step %2 からフォーク</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation>最後のステップ</translation>
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
    <name>forkscope::RunsPanel</name>
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
        <translation>run の一覧</translation>
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
    <name>forkscope::Step</name>
    <message>
        <source>expected a whole number from 0 to 2^53 (%1)</source>
        <translation>0 から 2^53 (%1) までの整数を指定してください</translation>
    </message>
    <message>
        <source>step %1 is refused; %2</source>
        <translation>ステップ %1 は受け付けられません。%2</translation>
    </message>
</context>
<context>
    <name>forkscope::StepSpinBox</name>
    <message>
        <source>Enter a step from %1 to %2.</source>
        <translation>%1 から %2 までの step を入力してください。</translation>
    </message>
    <message>
        <source>Step %1 is past the last step, %2.</source>
        <translation>step %1 は最後の step (%2) を超えています。</translation>
    </message>
    <message>
        <source>Step %1 is before the first step, %2.</source>
        <translation>step %1 は最初の step (%2) より前です。</translation>
    </message>
</context>
<context>
    <name>forkscope::Store</name>
    <message>
        <source>a history chunk in the store is malformed</source>
        <translation>ストア内の履歴チャンクが壊れています</translation>
    </message>
    <message>
        <source>the store &apos;%1&apos; has schema version %2, newer than this Forkscope understands (up to %3); it was left untouched. Open it with a newer Forkscope.</source>
        <translation>ストア &apos;%1&apos; のスキーマバージョン %2 は、この Forkscope が扱えるバージョン (%3 まで) より新しいため、変更せずに残しました。新しい Forkscope で開いてください。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is an SQLite database of another program, not a Forkscope store; it was left untouched. Choose a Forkscope store or a new path.</source>
        <translation>&apos;%1&apos; は Forkscope のストアではなく、別のプログラムの SQLite データベースのため、変更せずに残しました。Forkscope のストアか新しいパスを選んでください。</translation>
    </message>
    <message>
        <source>cannot open the store &apos;%1&apos;: %2</source>
        <translation>ストア &apos;%1&apos; を開けません: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a Forkscope store (not an SQLite database); expected a store file made by Forkscope or a path for a new one</source>
        <translation>&apos;%1&apos; は Forkscope のストアではありません (SQLite データベースではありません)。Forkscope が作成したストアファイルか、新しいストアのパスを指定してください</translation>
    </message>
    <message>
        <source>store &apos;%1&apos;: %2 failed: %3</source>
        <translation>ストア &apos;%1&apos;: %2 が失敗しました: %3</translation>
    </message>
    <message>
        <source>the store path &apos;%1&apos; is a folder; expected a store file such as &apos;%1/store.sqlite&apos;</source>
        <translation>ストアのパス &apos;%1&apos; はフォルダーです。&apos;%1/store.sqlite&apos; のようなストアファイルを指定してください</translation>
    </message>
    <message>
        <source>cannot create the folder for the store &apos;%1&apos;</source>
        <translation>ストア &apos;%1&apos; のフォルダーを作成できません</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>run %1</translation>
    </message>
    <message>
        <source>no run with key %1 in the store</source>
        <translation>ストアにキー %1 の run はありません</translation>
    </message>
    <message>
        <source>no project &apos;%1&apos; in the store; expected one of: %2</source>
        <translation>ストアにプロジェクト &apos;%1&apos; はありません。次のいずれかを指定してください: %2</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(まだありません)</translation>
    </message>
    <message>
        <source>project &apos;%1&apos; exists under several entities (%2); give the entity too (--entity E), or name the run by its path entity/project/run_id</source>
        <translation>プロジェクト &apos;%1&apos; は複数のエンティティ (%2) にあります。エンティティも指定する (--entity E) か、run をパス entity/project/run_id で指定してください</translation>
    </message>
    <message>
        <source>no run with immutable ID &apos;%1&apos; in the store</source>
        <translation>ストアにイミュータブルな ID &apos;%1&apos; の run はありません</translation>
    </message>
    <message>
        <source>no run at path &apos;%1&apos;; expected entity/project/run_id of an existing run</source>
        <translation>パス &apos;%1&apos; に run はありません。既存の run の entity/project/run_id を指定してください</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a bare run ID, which needs a project; give the project, or name the run by its path entity/project/run_id or its immutable ID</source>
        <translation>&apos;%1&apos; は単独の run ID のため、プロジェクトが必要です。プロジェクトを指定するか、run をパス entity/project/run_id またはイミュータブルな ID で指定してください</translation>
    </message>
    <message>
        <source>no run &apos;%1&apos; in project %2/%3</source>
        <translation>プロジェクト %2/%3 に run &apos;%1&apos; はありません</translation>
    </message>
    <message>
        <source>project name &apos;%1&apos; is not valid; expected a non-empty name without &apos;/&apos;</source>
        <translation>プロジェクト名 &apos;%1&apos; は無効です。&apos;/&apos; を含まない空でない名前を指定してください</translation>
    </message>
    <message>
        <source>entity &apos;%1&apos; is not valid; expected a non-empty name without &apos;/&apos;</source>
        <translation>エンティティ &apos;%1&apos; は無効です。&apos;/&apos; を含まない空でない名前を指定してください</translation>
    </message>
    <message>
        <source>run ID &apos;%1&apos; is already used in project %2/%3 (run IDs are never reused, even after deletion); choose another ID or leave it out to get a generated one</source>
        <translation>run ID &apos;%1&apos; はプロジェクト %2/%3 ですでに使われています (run ID は削除後も再利用されません)。別の ID を選ぶか、省略して自動生成してください</translation>
    </message>
    <message>
        <source>cannot fork: the source run was not found (%1); expected &apos;&lt;run&gt;?_step=&lt;N&gt;&apos; naming an existing run by run ID, path or immutable ID</source>
        <translation>フォークできません: ソース run が見つかりません (%1)。既存の run を run ID、パスまたはイミュータブルな ID で指定した &apos;&lt;run&gt;?_step=&lt;N&gt;&apos; を指定してください</translation>
    </message>
    <message>
        <source>cannot fork run &apos;%1&apos; at step %2: it has logged no steps yet; fork a run that has history</source>
        <translation>run &apos;%1&apos; を step %2 でフォークできません: まだ step が 1 つも記録されていません。履歴のある run をフォークしてください</translation>
    </message>
    <message>
        <source>cannot fork run &apos;%1&apos; at step %2: its last step is %3; expected a step from 0 to %3</source>
        <translation>run &apos;%1&apos; を step %2 でフォークできません: 最後の step は %3 です。0 から %3 までの step を指定してください</translation>
    </message>
    <message>
        <source>a fork&apos;s ID must differ from its source&apos;s; &apos;%1&apos; is the source&apos;s run ID. Choose another ID or leave it out to get a generated one</source>
        <translation>フォークの ID はソースと異なる必要があります。&apos;%1&apos; はソースの run ID です。別の ID を選ぶか、省略して自動生成してください</translation>
    </message>
    <message>
        <source>a run name cannot be empty; expected some text</source>
        <translation>run の名前は空にできません。何か入力してください</translation>
    </message>
    <message>
        <source>cannot link run &apos;%1&apos; to &apos;%2&apos;: the source descends from it</source>
        <translation>run &apos;%1&apos; を &apos;%2&apos; にリンクできません: ソースがこの run の子孫です</translation>
    </message>
    <message>
        <source>project name</source>
        <translation>プロジェクト名</translation>
    </message>
    <message>
        <source>entity</source>
        <translation>エンティティ</translation>
    </message>
    <message>
        <source>run name</source>
        <translation>run 名</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>cannot import into run &apos;%1&apos;</source>
        <translation>run &apos;%1&apos; にインポートできません</translation>
    </message>
    <message>
        <source>its bytes are not a valid chunk</source>
        <translation>バイト列が正しいチャンクではありません</translation>
    </message>
    <message>
        <source>its checksum does not match its bytes</source>
        <translation>チェックサムがバイト列と一致しません</translation>
    </message>
    <message>
        <source>it holds %1 points where its summary says %2</source>
        <translation>要約では %2 点のところ %1 点あります</translation>
    </message>
    <message>
        <source>its steps are not increasing</source>
        <translation>step が増加していません</translation>
    </message>
    <message>
        <source>its steps end at %1 where its summary says %2</source>
        <translation>要約では %2 で終わる step が %1 で終わっています</translation>
    </message>
    <message>
        <source>its values contradict its summary (first, last, min, max or NaN count)</source>
        <translation>値が要約 (最初、最後、最小、最大、NaN の数) と矛盾しています</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a Forkscope store: it is an empty SQLite database; it was left untouched</source>
        <translation>&apos;%1&apos; は Forkscope のストアではありません: 空の SQLite データベースです。変更していません</translation>
    </message>
    <message>
        <source>the store file &apos;%1&apos; cannot be written</source>
        <translation>ストアファイル &apos;%1&apos; に書き込めません</translation>
    </message>
    <message>
        <source>the folder &apos;%1&apos; cannot be written</source>
        <translation>フォルダー &apos;%1&apos; に書き込めません</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a Forkscope store: it is a device or another special file; expected a store file or a path for a new one</source>
        <translation>&apos;%1&apos; は Forkscope のストアではありません: デバイスまたはその他の特殊ファイルです。ストアファイルか新しいストアのパスを指定してください</translation>
    </message>
    <message>
        <source>there is no store at &apos;%1&apos;; expected the path of an existing store file</source>
        <translation>&apos;%1&apos; にストアがありません。既存のストアファイルのパスを指定してください</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a Forkscope store: it is empty (0 bytes); it was left untouched</source>
        <translation>&apos;%1&apos; は Forkscope のストアではありません: 空です (0 バイト)。変更していません</translation>
    </message>
    <message>
        <source>cannot create run &apos;%1&apos;</source>
        <translation>run &apos;%1&apos; を作成できません</translation>
    </message>
    <message>
        <source>cannot delete run &apos;%1&apos;</source>
        <translation>run &apos;%1&apos; を削除できません</translation>
    </message>
    <message>
        <source>cannot delete run &apos;%1&apos; and copy its history into fork &apos;%2&apos;</source>
        <translation>run &apos;%1&apos; を削除して履歴をフォーク &apos;%2&apos; にコピーすることはできません</translation>
    </message>
    <message>
        <source>damaged data in run %1, key &apos;%2&apos;, steps %3-%4: %5. It was not used; &apos;forkscope-cli check --repair&apos; quarantines it.</source>
        <translation>run %1 のキー &apos;%2&apos;、step %3-%4 のデータが壊れています: %5。使用しませんでした。&apos;forkscope-cli check --repair&apos; で隔離できます。</translation>
    </message>
    <message>
        <source>(unknown run)</source>
        <translation>(不明な run)</translation>
    </message>
    <message>
        <source>(unknown key)</source>
        <translation>(不明なキー)</translation>
    </message>
    <message>
        <source>process %1 on host %2</source>
        <translation>ホスト %2 のプロセス %1</translation>
    </message>
    <message>
        <source>another process (it did not record which)</source>
        <translation>別のプロセス (どのプロセスかは記録されていません)</translation>
    </message>
    <message>
        <source>%1: run &apos;%2&apos; is being logged by %3 (last heartbeat %4). Wait until it finishes; if that process has died, its claim expires %5 s after its last heartbeat and the run reads as crashed</source>
        <translation>%1: run &apos;%2&apos; は %3 が記録中です (最後のハートビート %4)。終わるまで待ってください。そのプロセスが終了している場合は、最後のハートビートから %5 秒で占有が切れ、run はクラッシュとして扱われます</translation>
    </message>
    <message>
        <source>cannot log to run &apos;%1&apos;</source>
        <translation>run &apos;%1&apos; に記録できません</translation>
    </message>
    <message>
        <source>cannot finish run &apos;%1&apos;</source>
        <translation>run &apos;%1&apos; を終了できません</translation>
    </message>
    <message>
        <source>run &apos;%1&apos; was deleted while this process was logging it; this process stopped logging, and nothing after its last flush was written</source>
        <translation>このプロセスが記録している間に run &apos;%1&apos; が削除されました。このプロセスは記録を止めました。最後のフラッシュより後のデータは書き込まれていません</translation>
    </message>
    <message>
        <source>run &apos;%1&apos; was taken over by process %2 on host %3: this process&apos;s heartbeat was older than %4 s, so the run was taken for crashed. This process stopped logging to it</source>
        <translation>run &apos;%1&apos; はホスト %3 のプロセス %2 に引き継がれました: このプロセスのハートビートが %4 秒より古かったため、run はクラッシュしたとみなされました。このプロセスはこの run への記録を止めました</translation>
    </message>
    <message>
        <source>run &apos;%1&apos; was ended by another process (state %2) while this process was logging it; this process stopped logging to it</source>
        <translation>このプロセスが記録している間に、run &apos;%1&apos; は別のプロセスによって終了されました (状態 %2)。このプロセスはこの run への記録を止めました</translation>
    </message>
    <message numerus="yes">
        <source>run &apos;%1&apos; has %n fork(s) that inherit its history: %2. Delete them first, or materialize the inherited history into them (--materialize-forks)</source>
        <translation>
            <numerusform>run &apos;%1&apos; には履歴を受け継ぐ %n 個のフォークがあります: %2。先にそれらを削除するか、受け継いだ履歴をフォークに実体化してください (--materialize-forks)</numerusform>
        </translation>
    </message>
    <message>
        <source>checkpoint file &apos;%1&apos; does not exist; expected the path of the file the run saved (absolute, or relative to %2), or a URI such as s3://bucket/key</source>
        <translation>チェックポイントファイル &apos;%1&apos; が存在しません。run が保存したファイルのパス (絶対パス、または %2 からの相対パス)、または s3://bucket/key のような URI を指定してください</translation>
    </message>
    <message>
        <source>checkpoint &apos;%1&apos; is not a file; expected the file the run saved (for weights saved as a folder, register the folder&apos;s main file)</source>
        <translation>チェックポイント &apos;%1&apos; はファイルではありません。run が保存したファイルを指定してください (フォルダーとして保存した重みは、そのフォルダーの主なファイルを登録してください)</translation>
    </message>
    <message>
        <source>cannot read checkpoint file &apos;%1&apos;: %2</source>
        <translation>チェックポイントファイル &apos;%1&apos; を読み取れません: %2</translation>
    </message>
    <message>
        <source>cannot register a checkpoint of run &apos;%1&apos;: %2</source>
        <translation>run &apos;%1&apos; のチェックポイントを登録できません: %2</translation>
    </message>
    <message>
        <source>cannot register a checkpoint of run &apos;%1&apos; at step %2: the run is a fork at step %3 and inherits the steps before it; expected a step from %3 on</source>
        <translation>run &apos;%1&apos; のチェックポイントをステップ %2 に登録できません: この run はステップ %3 でのフォークで、それより前のステップは継承されています。%3 以降のステップを指定してください</translation>
    </message>
    <message>
        <source>cannot register a checkpoint of run &apos;%1&apos; without a path; expected the absolute path of the saved file, or a URI</source>
        <translation>パスのない run &apos;%1&apos; のチェックポイントは登録できません。保存したファイルの絶対パス、または URI を指定してください</translation>
    </message>
    <message>
        <source>checkpoint path</source>
        <translation>チェックポイントのパス</translation>
    </message>
    <message>
        <source>checkpoint size %1 is refused; expected a size in bytes from 0 on</source>
        <translation>チェックポイントのサイズ %1 は受け付けられません。0 以上のバイト数を指定してください</translation>
    </message>
    <message>
        <source>checkpoint SHA-256 &apos;%1&apos; is refused; expected 64 lowercase hexadecimal digits, or none when unknown</source>
        <translation>チェックポイントの SHA-256 &apos;%1&apos; は受け付けられません。小文字の 16 進数 64 桁を指定するか、不明なら省略してください</translation>
    </message>
    <message>
        <source>checkpoint metadata is refused; expected a JSON object</source>
        <translation>チェックポイントのメタデータは受け付けられません。JSON オブジェクトを指定してください</translation>
    </message>
    <message>
        <source>cannot register a checkpoint: the store &apos;%1&apos; is open read-only</source>
        <translation>チェックポイントを登録できません: ストア &apos;%1&apos; は読み取り専用で開かれています</translation>
    </message>
    <message>
        <source>checkpoint metadata</source>
        <translation>チェックポイントのメタデータ</translation>
    </message>
    <message>
        <source>console stream %1: expected 1 (standard output) or 2 (standard error)</source>
        <translation>コンソールのストリーム %1: 1 (標準出力) または 2 (標準エラー出力) を指定してください</translation>
    </message>
    <message>
        <source>console output of run key %1 has no valid time; expected the time it arrived</source>
        <translation>run キー %1 のコンソール出力に有効な時刻がありません。出力が届いた時刻を指定してください</translation>
    </message>
    <message>
        <source>console output of run key %1 is empty; expected at least one character</source>
        <translation>run キー %1 のコンソール出力が空です。1 文字以上を指定してください</translation>
    </message>
    <message>
        <source>its values contradict its block summaries</source>
        <translation>値がブロック要約と矛盾しています</translation>
    </message>
    <message>
        <source>the forks below run &apos;%1&apos; are nested more than %2 deep; the store&apos;s fork links may loop (run &apos;forkscope-cli check&apos;)</source>
        <translation>run &apos;%1&apos; の下のフォークが %2 段を超えて入れ子になっています。ストアのフォークリンクがループしている可能性があります（&apos;forkscope-cli check&apos; を実行してください）</translation>
    </message>
    <message>
        <source>cannot log to %1: it is an archived version of run &apos;%2&apos; (cut off by a rewind at step %3) and stays as it was; log to run &apos;%2&apos;, or fork the archived version</source>
        <translation>%1 には記録できません: これは Run &apos;%2&apos; のアーカイブ版 (ステップ %3 への巻き戻しで切り離されたもの) で、そのまま保たれます。Run &apos;%2&apos; に記録するか、アーカイブ版をフォークしてください</translation>
    </message>
    <message>
        <source>compacting changed the points of a chunk (steps %1-%2); nothing of it was written</source>
        <translation>圧縮によってチャンク（ステップ %1-%2）の点が変わりました。このチャンクは何も書き込まれていません</translation>
    </message>
    <message>
        <source>cannot delete %1 on its own: it is an archived version of run &apos;%2&apos;, which keeps it as part of its history; deleting run &apos;%2&apos; deletes its archived versions too</source>
        <translation>%1 だけを削除することはできません: これは Run &apos;%2&apos; のアーカイブ版で、その履歴の一部として保たれています。Run &apos;%2&apos; を削除するとアーカイブ版も削除されます</translation>
    </message>
    <message>
        <source>%1 (archived version of %2)</source>
        <translation>%1 (%2 のアーカイブ版)</translation>
    </message>
    <message>
        <source>the store &apos;%1&apos; is a &apos;%2://&apos; URL; expected the path of a store file, or a postgresql://[user[:password]@]host[:port]/database URL</source>
        <translation>ストア &apos;%1&apos; は &apos;%2://&apos; の URL です。ストアファイルのパス、または postgresql://[user[:password]@]host[:port]/database の URL を指定してください</translation>
    </message>
    <message>
        <source>the store &apos;%1&apos; is a PostgreSQL server, which this version of Forkscope cannot open yet; expected the path of a store file</source>
        <translation>ストア &apos;%1&apos; は PostgreSQL サーバーですが、このバージョンの Forkscope ではまだ開けません。ストアファイルのパスを指定してください</translation>
    </message>
    <message>
        <source>cannot rewind a run: the store &apos;%1&apos; is open read-only</source>
        <translation>Run を巻き戻せません: ストア &apos;%1&apos; は読み取り専用で開かれています</translation>
    </message>
    <message>
        <source>cannot rewind %1: it is an archived version of run &apos;%2&apos; (cut off by a rewind at step %3) and stays as it is; rewind run &apos;%2&apos; itself, or fork the archived version</source>
        <translation>%1 を巻き戻せません: これは Run &apos;%2&apos; のアーカイブ版 (ステップ %3 への巻き戻しで切り離されたもの) で、そのまま保たれます。Run &apos;%2&apos; 自体を巻き戻すか、アーカイブ版をフォークしてください</translation>
    </message>
    <message>
        <source>cannot rewind run &apos;%1&apos;: %2</source>
        <translation>Run &apos;%1&apos; を巻き戻せません: %2</translation>
    </message>
    <message>
        <source>cannot rewind run &apos;%1&apos; to step %2: it has logged no steps yet, so there is nothing to rewind</source>
        <translation>Run &apos;%1&apos; をステップ %2 に巻き戻せません: まだステップが記録されていないため、巻き戻すものがありません</translation>
    </message>
    <message>
        <source>cannot rewind run &apos;%1&apos; to step %2: it has logged only step 0, so no step has steps after it to archive</source>
        <translation>Run &apos;%1&apos; をステップ %2 に巻き戻せません: ステップ 0 しか記録されていないため、アーカイブする後続のステップがありません</translation>
    </message>
    <message>
        <source>cannot rewind run &apos;%1&apos; to step %2: its last step is %3, and a rewind keeps the steps up to N and archives the ones after it; expected a step from 0 to %4</source>
        <translation>Run &apos;%1&apos; をステップ %2 に巻き戻せません: 最後のステップは %3 です。巻き戻しは N までのステップを残し、それより後をアーカイブします。0 から %4 までのステップを指定してください</translation>
    </message>
    <message>
        <source>cannot rewind run &apos;%1&apos;</source>
        <translation>Run &apos;%1&apos; を巻き戻せません</translation>
    </message>
    <message>
        <source>cannot rewind: the run was not found (%1); expected &apos;&lt;run&gt;?_step=&lt;N&gt;&apos; naming an existing run by run ID, path or immutable ID</source>
        <translation>巻き戻せません: Run が見つかりません (%1)。既存の Run を Run ID、パス、またはイミュータブル ID で指す &apos;&lt;run&gt;?_step=&lt;N&gt;&apos; を指定してください</translation>
    </message>
    <message>
        <source>sorting by a summary or config value needs its key; expected a dotted key such as &apos;loss&apos; or &apos;optimizer.lr&apos;</source>
        <translation>summary または config の値で並べ替えるにはキーが必要です。&apos;loss&apos; や &apos;optimizer.lr&apos; のようなドット区切りのキーを指定してください</translation>
    </message>
    <message>
        <source>a value range bound is not a number; expected a number</source>
        <translation>値の範囲の境界が数値ではありません。数値を指定してください</translation>
    </message>
    <message>
        <source>a value range needs a summary or config key to sort by; expected a sort by summary.KEY or config.KEY</source>
        <translation>値の範囲には並べ替えに使う summary または config のキーが必要です。summary.KEY または config.KEY で並べ替えてください</translation>
    </message>
    <message>
        <source>filter</source>
        <translation>フィルター</translation>
    </message>
    <message>
        <source>a page from row %1 of %2 rows is not valid; expected a start and a size of 0 or more</source>
        <translation>行 %1 から %2 行のページは無効です。開始位置とサイズには 0 以上を指定してください</translation>
    </message>
</context>
<context>
    <name>forkscope::StoreProblemPage</name>
    <message>
        <source>This file cannot be opened as a Forkscope store</source>
        <translation>このファイルは Forkscope のストアとして開けません</translation>
    </message>
    <message>
        <source>&amp;Open another store…</source>
        <translation>別のストアを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Create a new store…</source>
        <translation>新しいストアを作成(&amp;C)…</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>ストア: %1</translation>
    </message>
    <message>
        <source>Open a Forkscope store</source>
        <translation>Forkscope のストアを開く</translation>
    </message>
    <message>
        <source>Forkscope stores (*.sqlite);;All files (*)</source>
        <translation>Forkscope のストア (*.sqlite);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Create a new Forkscope store</source>
        <translation>新しい Forkscope のストアを作成</translation>
    </message>
    <message>
        <source>Forkscope stores (*.sqlite)</source>
        <translation>Forkscope のストア (*.sqlite)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; already exists and was left untouched. Choose a new name to create a store, or open that file with “Open another store…”.</source>
        <translation>「%1」はすでに存在するため、変更せずにそのままにしました。ストアを作成するには新しい名前を選ぶか、「別のストアを開く…」でそのファイルを開いてください。</translation>
    </message>
</context>
<context>
    <name>forkscope::Text</name>
    <message>
        <source>%1 &apos;%2&apos; holds a lone UTF-16 surrogate at character %3; expected valid Unicode text</source>
        <translation>%1 &apos;%2&apos; の %3 文字目に単独の UTF-16 サロゲートがあります。有効な Unicode テキストを指定してください</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; holds U+FFFD at character %3, the mark of bytes that are not valid UTF-8; expected UTF-8 text</source>
        <translation>%1 &apos;%2&apos; の %3 文字目に U+FFFD（有効な UTF-8 でないバイトの印）があります。UTF-8 テキストを指定してください</translation>
    </message>
</context>
<context>
    <name>forkscope::TimeAxis</name>
    <message>
        <source>%1d</source>
        <translation>%1日</translation>
    </message>
    <message>
        <source>%1h</source>
        <translation>%1時間</translation>
    </message>
    <message>
        <source>%1m</source>
        <translation>%1分</translation>
    </message>
    <message>
        <source>%1s</source>
        <translation>%1秒</translation>
    </message>
</context>
<context>
    <name>forkscope::TrainingProcesses</name>
    <message>
        <source>the training relay ended without recording the run&apos;s end</source>
        <translation>学習のリレーが Run の終了を記録せずに終了しました</translation>
    </message>
    <message>
        <source>forkscope-cli, which runs the training for the app, is not at %1; expected it next to the forkscope executable, as the package installs it (reinstall Forkscope, or build the forkscope-cli target)</source>
        <translation>アプリの学習を実行する forkscope-cli が %1 にありません。パッケージがインストールするように forkscope 実行ファイルと同じ場所にあるはずです (Forkscope を再インストールするか、forkscope-cli ターゲットをビルドしてください)</translation>
    </message>
    <message>
        <source>could not start %1: %2</source>
        <translation>%1 を開始できませんでした: %2</translation>
    </message>
    <message>
        <source>the run is being logged on %1, not on this computer (%2): stop it there</source>
        <translation>この Run はこのコンピューター (%2) ではなく %1 で記録されています。そちらで停止してください</translation>
    </message>
    <message>
        <source>process %1, which logs the run, is not running here any more</source>
        <translation>この Run を記録しているプロセス %1 は、もうここでは実行されていません</translation>
    </message>
</context>
<context>
    <name>forkscope::WatchedFoldersDock</name>
    <message>
        <source>Watched folders</source>
        <translation>監視中のフォルダー</translation>
    </message>
    <message>
        <source>Stop watching</source>
        <translation>監視を停止</translation>
    </message>
    <message>
        <source>Stop following the selected folder; runs already imported stay</source>
        <translation>選択したフォルダーの監視を停止します。インポート済みの run は残ります</translation>
    </message>
</context>
<context>
    <name>forkscope::WelcomeView</name>
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
        <source>Save the window as a PNG once the data has loaded, then exit.</source>
        <translation>データの読み込み後にウィンドウを PNG に保存して終了します。</translation>
    </message>
    <message>
        <source>forkscope: --lang takes &apos;en&apos; or &apos;ja&apos;, not &apos;%1&apos;</source>
        <translation>forkscope: --lang には &apos;en&apos; か &apos;ja&apos; を指定してください (&apos;%1&apos; は使えません)</translation>
    </message>
    <message>
        <source>The language of the interface: en or ja (default: the language chosen in Settings, else the system&apos;s).</source>
        <translation>インターフェースの言語: en または ja (既定: 設定で選んだ言語、なければシステムの言語)。</translation>
    </message>
    <message>
        <source>The tab to show: overview, charts or lineage.</source>
        <translation>表示するタブ: overview、charts、lineage のいずれか。</translation>
    </message>
    <message>
        <source>forkscope: --tab takes &apos;overview&apos;, &apos;charts&apos; or &apos;lineage&apos;, not &apos;%1&apos;</source>
        <translation>forkscope: --tab には &apos;overview&apos;、&apos;charts&apos;、&apos;lineage&apos; のいずれかを指定してください（&apos;%1&apos; は無効です）</translation>
    </message>
</context>
</TS>
