#include <QDir>
#include <QDirIterator>
#include <gtest/gtest.h>

#include "fuzz_targets.h"
#include "importers/test_writers.h"

// Replays the kept fuzz corpus (tests/fuzz/corpus/<reader>/) through the same
// entry points the fuzzers use, so every build checks those inputs still pass.
namespace {

int replay(const char *reader, void (*target)(const std::uint8_t *, std::size_t))
{
    int n = 0;
    QDirIterator it(QStringLiteral(FORKSCOPE_FUZZ_CORPUS_DIR "/") + QLatin1String(reader), QDir::Files);
    while (it.hasNext()) {
        const std::string bytes = forkscope::test::readFile(it.next());
        target(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size());
        ++n;
    }
    return n;
}

} // namespace

TEST(FuzzCorpus, WandbLog)
{
    EXPECT_GT(replay("wandb_log", forkscope::fuzz::wandbLog), 0);
}

TEST(FuzzCorpus, TfRecordEvent)
{
    EXPECT_GT(replay("tfrecord_event", forkscope::fuzz::tfRecordEvents), 0);
}

TEST(FuzzCorpus, MlflowMetricLine)
{
    EXPECT_GT(replay("mlflow_metric_line", forkscope::fuzz::mlflowMetricLines), 0);
}

TEST(FuzzCorpus, JsonLogLine)
{
    EXPECT_GT(replay("json_log_line", forkscope::fuzz::jsonLogLine), 0);
}

TEST(FuzzCorpus, ConfigText)
{
    EXPECT_GT(replay("config_text", forkscope::fuzz::configText), 0);
}
