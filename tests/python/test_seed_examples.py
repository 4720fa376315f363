"""The two examples of the page this project began from
(../shared/seed/fork-a-run.ja.txt), verbatim but for `import wandb`
becoming `import forkscope as wandb`, land on exactly the steps of
../shared/spec/fork-semantics.md."""

import math

import pytest

from conftest import series, show

IMPORT_LINE = "import forkscope as wandb"

# The first example, as published. Its "..." placeholder logs nothing.
FIRST_EXAMPLE = '''
import wandb

# 後でフォークされる run を初期化する
original_run = wandb.init(project="your_project_name", entity="your_entity_name")
# ... トレーニングまたはログの記録を実行 ...
original_run.finish()

# 特定の step から run をフォークする
forked_run = wandb.init(
    project="your_project_name",
    entity="your_entity_name",
    fork_from=f"{original_run.id}?_step=200",
)
'''

SECOND_EXAMPLE = '''
import wandb
import math

# 最初の run を初期化し、いくつかのメトリクスをログに記録する
run1 = wandb.init("your_project_name", entity="your_entity_name")
for i in range(300):
    run1.log({"metric": i})
run1.finish()

# 特定の step で最初の run からフォークし、step 200 から始まるメトリクスをログに記録する
run2 = wandb.init(
    "your_project_name", entity="your_entity_name", fork_from=f"{run1.id}?_step=200"
)

# 新しい run でログ記録を続行する
# 最初のいくつかの step では、run1 からメトリクスをそのままログに記録する
# Step 250 以降は、スパイキーパターンをログに記録し始める
for i in range(200, 300):
    if i < 250:
        run2.log({"metric": i})  # スパイクなしで run1 からログ記録を続行する
    else:
        # Step 250 からスパイキーな振る舞いを導入する
        subtle_spike = i + (2 * math.sin(i / 3.0))  # 微妙なスパイキーパターンを適用する
        run2.log({"metric": subtle_spike})
    # さらに、すべての step で新しいメトリクスをログに記録する
    run2.log({"additional_metric": i * 1.1})
run2.finish()
'''


def run_example(source, **replacements):
    assert source.count("\nimport wandb\n") == 1
    code = source.replace("\nimport wandb\n", "\n" + IMPORT_LINE + "\n")
    for old, new in replacements.items():
        assert code.count(old) == 1, old
        code = code.replace(old, new)
    namespace = {}
    exec(compile(code, "<seed example>", "exec"), namespace)
    return namespace


def test_second_example_lands_on_the_spec_steps(store):
    ns = run_example(SECOND_EXAMPLE)
    run1, run2 = ns["run1"], ns["run2"]
    source = show(store, run1.path)
    fork = show(store, run2.path)
    assert source["state"] == "finished" and fork["state"] == "finished"
    assert run1.entity == "your_entity_name" and run1.project == "your_project_name"
    assert fork["fork"] == {"source": run1.immutable_id, "source_id": run1.id, "source_path": run1.path,
                            "step": 200, "materialized": False}
    assert run2.fork == (run1.immutable_id, run1.id, run1.path, 200)
    assert run2.id != run1.id and run2.immutable_id != run1.immutable_id

    # The source: metric = i at steps 0..299, unchanged by the fork.
    assert series(store, run1.path, "metric") == [(i, i) for i in range(300)]

    # The fork's own rows: metric at the odd steps 201..399, additional_metric
    # at the even steps 202..400; the wiggle shows from step 301 (i = 250).
    own_metric = series(store, run2.path, "metric", "--own")
    expected = [(201 + 2 * j, i if i < 250 else i + 2 * math.sin(i / 3.0)) for j, i in enumerate(range(200, 300))]
    assert [s for s, _ in own_metric] == [s for s, _ in expected]
    for (_, got), (_, want) in zip(own_metric, expected):
        assert got == want
    assert own_metric[49] == (299, 249) and own_metric[50][0] == 301 and own_metric[50][1] != 250
    extra = series(store, run2.path, "additional_metric")
    assert [s for s, _ in extra] == list(range(202, 401, 2))
    assert [v for _, v in extra] == [i * 1.1 for i in range(200, 300)]

    # The effective history: inherited metric = s for steps 0..200, then own.
    effective = series(store, run2.path, "metric")
    assert effective[:201] == [(s, s) for s in range(201)]
    assert effective[201:] == own_metric


def test_first_example_as_published_is_refused_clearly(store):
    # Its placeholder logs nothing, so step 200 is past the source's history.
    with pytest.raises(ValueError, match="200") as refused:
        run_example(FIRST_EXAMPLE)
    assert "step" in str(refused.value)


def test_first_example_with_training_in_its_placeholder(store):
    ns = run_example(FIRST_EXAMPLE, **{
        "# ... トレーニングまたはログの記録を実行 ...":
            "for step in range(300):\n    original_run.log({'loss': 1 / (step + 1)})"})
    original, forked = ns["original_run"], ns["forked_run"]
    assert forked.fork.step == 200 and forked.fork.source == original.immutable_id
    assert forked.step == 201
    forked.log({"loss": 0.5})
    forked.finish()
    loss = series(store, forked.path, "loss")
    assert [s for s, _ in loss] == list(range(201)) + [201]
    assert loss[-1] == (201, 0.5)
    assert show(store, forked.path)["entity"] == "your_entity_name"
