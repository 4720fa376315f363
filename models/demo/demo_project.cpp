#include "demo/demo_project.h"

#include <QCoreApplication>
#include <cmath>

#include "client/run.h"
#include "core/error.h"
#include "demo/training_curves.h"
#include "identity/fork_spec.h"
#include "store/store.h"

namespace forkscope {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("forkscope::Demo", text);
}

// Log calls of the whole demo, for progress: 300 + 200 (seed example) and
// the training run with its two forks.
constexpr long long kForkStep = 60000;
constexpr long long kForkOfForkStep = 80000;
// The training runs "save" weights this often, so the charts show checkpoint
// marks and a fork at 60 000 resumes from one. There are no files: the paths
// are demo:// URIs, which read as a place this machine does not check
// rather than as missing files.
constexpr long long kCheckpointEvery = 10000;
constexpr long long kTotalCalls = 500 + TrainingCurves::kTotalSteps + (TrainingCurves::kTotalSteps - kForkStep - 1) +
                                  (TrainingCurves::kTotalSteps - kForkOfForkStep - 1);

class Builder {
public:
    Builder(Store &store, const DemoProgress &progress) : store_(store), progress_(progress) {}

    InitOptions options(const QString &name, const Json &config) const
    {
        InitOptions o;
        o.storePath = store_.path();
        o.project = demoProjectName();
        o.name = name;
        o.config = config;
        o.metadata = {{"program", "forkscope demo"}};
        o.recordCommand = false; // the app or CLI that wrote the demo is no training command
        return o;
    }

    void tick(const QString &runName)
    {
        ++calls_;
        if (progress_ && calls_ % 2000 == 0)
            progress_(tr("logging %1").arg(runName), int(calls_ * 100 / kTotalCalls));
    }

    // fork-semantics.md, "The seed example, worked through", line by line.
    void seedExample()
    {
        const QString run1Name = QStringLiteral("run1");
        auto run1 = Run::init(options(run1Name, {{"example", "W&B fork_from documentation"}}));
        for (int i = 0; i < 300; ++i) {
            run1->log({{"metric", double(i)}});
            tick(run1Name);
        }
        run1->finish();

        const QString run2Name = QStringLiteral("run2");
        InitOptions o = options(run2Name, Json::object());
        o.forkFrom = formatForkSpec(run1->info().runId, 200);
        auto run2 = Run::init(o);
        for (int i = 200; i < 300; ++i) {
            if (i < 250)
                run2->log({{"metric", double(i)}});
            else
                run2->log({{"metric", i + 2 * std::sin(i / 3.0)}});
            run2->log({{"additional_metric", i * 1.1}});
            tick(run2Name);
        }
        run2->finish();
    }

    // Logs steps [first, kTotalSteps) of `curves` into `run`.
    void train(Run &run, TrainingCurves &curves, long long first)
    {
        const QString name = run.info().name;
        for (long long step = first; step < TrainingCurves::kTotalSteps; ++step) {
            if ((step + 1) % TrainingCurves::kEvalEvery == 0) {
                const auto eval = curves.evalAt(step);
                run.log({{"eval/loss", eval.loss}, {"eval/accuracy", eval.accuracy}}, std::nullopt, false);
            }
            const auto r = curves.trainRow(step);
            // Wall-clock columns as the real run would have had them, not
            // the fraction of a second the demo takes to write.
            const double runtime = curves.runtimeAt(step);
            run.log({{"_runtime", runtime},
                     {"_timestamp", startUnix_ + runtime},
                     {"train/loss", r.loss},
                     {"train/accuracy", r.accuracy},
                     {"lr", r.lr},
                     {"grad_norm", r.gradNorm},
                     {"epoch", r.epoch},
                     {"samples_per_second", r.samplesPerSecond}});
            if (step % kCheckpointEvery == 0 && step > 0)
                saveCheckpoint(run, step, runtime);
            tick(name);
        }
    }

    void saveCheckpoint(Run &run, long long step, double runtime)
    {
        NewCheckpoint c;
        c.step = step;
        c.path = QStringLiteral("demo://%1/%2/step-%3.pt")
                     .arg(demoProjectName(), run.info().runId)
                     .arg(step, 6, 10, QLatin1Char('0'));
        c.createdAt = QDateTime::fromMSecsSinceEpoch(qint64((startUnix_ + runtime) * 1000.0), Qt::UTC);
        c.metadata = {{"demo", true}};
        store_.addCheckpoint(run.info().key, c);
    }

    void trainingRuns()
    {
        const Json config = {{"model", "resnet-50"},
                             {"dataset", "cifar-10"},
                             {"optimizer", "adamw"},
                             {"lr", TrainingCurves::kBaseLr},
                             {"lr_schedule", "warmup 2000 + cosine"},
                             {"batch_size", 128},
                             {"weight_decay", 0.01},
                             {"seed", 42}};
        auto base = Run::init(options(QStringLiteral("resnet50-baseline"), config));
        startUnix_ = double(base->info().createdAt.toMSecsSinceEpoch()) / 1000.0;
        TrainingCurves baseCurves({}, 42);
        train(*base, baseCurves, 0);
        base->finish();

        TrainingCurves::Variant lrDrop;
        lrDrop.lrScaleAfter = 0.1;
        lrDrop.lrChangeStep = kForkStep;
        InitOptions o =
            options(QStringLiteral("lr-drop-at-60k"), {{"lr_schedule", "warmup 2000 + cosine, x0.1 after step 60000"}});
        o.forkFrom = formatForkSpec(base->info().immutableId, kForkStep);
        auto fork = Run::init(o);
        TrainingCurves forkCurves(lrDrop, 4242);
        train(*fork, forkCurves, kForkStep + 1);
        fork->finish();

        TrainingCurves::Variant moreDecay = lrDrop;
        moreDecay.extraDecayAfter = 0.03;
        moreDecay.decayChangeStep = kForkOfForkStep;
        o = options(QStringLiteral("lr-drop-wd-0.05-at-80k"), {{"weight_decay", 0.05}});
        o.forkFrom = formatForkSpec(fork->info().immutableId, kForkOfForkStep);
        auto forkOfFork = Run::init(o);
        TrainingCurves forkOfForkCurves(moreDecay, 424242);
        train(*forkOfFork, forkOfForkCurves, kForkOfForkStep + 1);
        forkOfFork->finish();
    }

private:
    Store &store_;
    const DemoProgress &progress_;
    long long calls_ = 0;
    double startUnix_ = 0;
};

} // namespace

QString demoProjectName()
{
    return QStringLiteral("fork-demo");
}

DemoProject createDemoProject(Store &store, const DemoProgress &progress)
{
    const QString entity = defaultEntity();
    if (auto existing = store.findProject(entity, demoProjectName()); existing && existing->runCount > 0)
        throw Error(Error::Kind::Conflict,
                    tr("the store already has the demo project %1/%2 (%3 runs); use another store (--store PATH) "
                       "for a fresh demo")
                        .arg(entity, demoProjectName())
                        .arg(existing->runCount));
    Builder builder(store, progress);
    builder.seedExample();
    builder.trainingRuns();
    if (progress)
        progress(tr("done"), 100);

    DemoProject out{entity, demoProjectName(), {}};
    if (auto project = store.findProject(entity, demoProjectName()))
        out.runs = store.runs(project->key);
    return out;
}

} // namespace forkscope
