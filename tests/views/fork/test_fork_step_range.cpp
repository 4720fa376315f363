// The fork dialog takes every step a run can have (0 to 2^53), not only
// those a QSpinBox can (2^31 − 1), and says at once what is wrong with a
// step it cannot fork at.
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <gtest/gtest.h>

#include "core/step_rule.h"
#include "store/history_writer.h"
#include "store/store.h"
#include "support/temp_store.h"
#include "view_fixtures.h"
#include "views/fork/fork_dialog.h"
#include "views/fork/step_spin_box.h"

namespace forkscope {
namespace {

constexpr qint64 kLastStep = 6'000'000'000; // past 2^32
constexpr qint64 kForkStep = 5'000'000'123;

void typeStep(StepSpinBox *box, const QString &text)
{
    box->setFocus();
    QLineEdit *edit = box->findChild<QLineEdit *>();
    ASSERT_NE(edit, nullptr);
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

TEST(ForkStepRange, AStepPast2To31IsTakenAndBecomesTheForksStep)
{
    test::TempStore temp;
    RunInfo source;
    {
        Store store(temp.path());
        NewRun spec;
        spec.project = QStringLiteral("proj");
        spec.name = QStringLiteral("long");
        source = store.createRun(spec);
        HistoryWriter writer(store, source.key);
        for (qint64 step : {qint64(0), qint64(3'000'000'000), kForkStep - 1, kLastStep})
            writer.addNumber("loss", step, 1.0 / double(step + 1));
        writer.flush();
        store.setState(source.key, RunState::Finished, 0);
        source = store.runInfo(source.key);
    }
    auto window = test::openWindow(temp.path(), source.runId);
    window->openForkDialog(source.key, 3'000'000'000);
    ForkDialog *dialog = window->forkDialog();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(test::waitFor([&] { return dialog->isVisible(); }));
    StepSpinBox *box = dialog->stepBox();
    EXPECT_EQ(box->objectName(), QStringLiteral("forkStep"));
    EXPECT_EQ(dialog->findChild<QLabel *>(QStringLiteral("forkStepLabel"))->buddy(), box);
    EXPECT_EQ(box->maximum(), kLastStep);
    EXPECT_EQ(box->value(), 3'000'000'000);

    // Past the run's last step, and past what a step can be: said at once,
    // and neither the button nor Enter creates anything.
    typeStep(box, QString::number(kLastStep + 1)); // the value follows the last good prefix typed
    EXPECT_TRUE(dialog->errorText().contains(QString::number(kLastStep))) << dialog->errorText().toStdString();
    EXPECT_FALSE(dialog->createButton()->isEnabled());
    typeStep(box, QString::number(kMaxStep + 1));
    EXPECT_EQ(dialog->errorText(), badStepText(QString::number(kMaxStep + 1)));
    QTest::keyClick(box, Qt::Key_Return);
    EXPECT_TRUE(dialog->isVisible());
    typeStep(box, QStringLiteral("12x")); // not a digit: not typed
    EXPECT_EQ(box->findChild<QLineEdit *>()->text(), QStringLiteral("12"));

    typeStep(box, QString::number(kForkStep));
    EXPECT_EQ(box->value(), kForkStep);
    EXPECT_TRUE(dialog->errorText().isEmpty()) << dialog->errorText().toStdString();
    ASSERT_TRUE(dialog->createButton()->isEnabled());
    qint64 created = 0;
    QObject::connect(window.get(), &MainWindow::forkCreated, [&](qint64 key) { created = key; });
    dialog->createButton()->click();
    ASSERT_TRUE(test::waitFor([&] { return created != 0; }));

    Store store(temp.path(), StoreAccess::ReadOnly);
    const RunInfo fork = store.runInfo(created);
    ASSERT_TRUE(fork.fork.has_value());
    EXPECT_EQ(fork.fork->step, kForkStep);
}

} // namespace
} // namespace forkscope
