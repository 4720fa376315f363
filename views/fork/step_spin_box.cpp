#include "views/fork/step_spin_box.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <algorithm>

#include "core/step_rule.h"

namespace forkscope {

namespace {

// More digits than 2^53 has, so a pasted 17-digit number is explained, not dropped.
constexpr int kMaxDigits = 20;

} // namespace

StepSpinBox::StepSpinBox(QWidget *parent) : QAbstractSpinBox(parent)
{
    max_ = kMaxStep;
    lineEdit()->setText(QStringLiteral("0"));
    connect(lineEdit(), &QLineEdit::textChanged, this, &StepSpinBox::onTextChanged);
}

void StepSpinBox::setRange(qint64 minimum, qint64 maximum)
{
    min_ = std::clamp<qint64>(minimum, 0, kMaxStep);
    max_ = std::clamp<qint64>(maximum, min_, kMaxStep);
    setValue(value_);
    updateGeometry();
}

void StepSpinBox::setValue(qint64 value)
{
    const qint64 bounded = std::clamp(value, min_, max_);
    const QString text = QString::number(bounded);
    if (lineEdit()->text() != text)
        lineEdit()->setText(text); // onTextChanged takes the value
    else
        onTextChanged(text);
}

void StepSpinBox::stepBy(int steps)
{
    // A text that is no step starts from the last good value.
    setValue(std::clamp(value_ + steps, min_, max_));
    selectAll();
}

QAbstractSpinBox::StepEnabled StepSpinBox::stepEnabled() const
{
    StepEnabled enabled = StepNone;
    if (value_ > min_)
        enabled |= StepDownEnabled;
    if (value_ < max_)
        enabled |= StepUpEnabled;
    return enabled;
}

QValidator::State StepSpinBox::validate(QString &input, int &) const
{
    if (input.size() > kMaxDigits)
        return QValidator::Invalid;
    for (const QChar c : input) {
        if (!c.isDigit() || c.unicode() > '9')
            return QValidator::Invalid;
    }
    if (input.isEmpty())
        return QValidator::Intermediate;
    bool ok = false;
    const qint64 v = input.toLongLong(&ok);
    return ok && v >= min_ && v <= max_ ? QValidator::Acceptable : QValidator::Intermediate;
}

void StepSpinBox::onTextChanged(const QString &text)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (text.isEmpty())
        setProblem(tr("Enter a step from %1 to %2.").arg(min_).arg(max_));
    else if (!ok || !isValidStep(v))
        setProblem(badStepText(text));
    else if (v > max_)
        setProblem(tr("Step %1 is past the last step, %2.").arg(v).arg(max_));
    else if (v < min_)
        setProblem(tr("Step %1 is before the first step, %2.").arg(v).arg(min_));
    else
        setProblem({});
    if (problem_.isEmpty() && v != value_) {
        value_ = v;
        emit valueChanged(v);
    }
    update(); // the arrows follow stepEnabled()
}

void StepSpinBox::setProblem(const QString &problem)
{
    if (problem == problem_)
        return;
    problem_ = problem;
    emit problemChanged(problem_);
}

void StepSpinBox::keyPressEvent(QKeyEvent *event)
{
    // QAbstractSpinBox passes Enter on to the dialog's default button; a
    // step that is not one must not create anything.
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && !problem_.isEmpty()) {
        event->accept();
        return;
    }
    QAbstractSpinBox::keyPressEvent(event);
}

int StepSpinBox::digitsWidth() const
{
    return fontMetrics().horizontalAdvance(QString::number(std::max<qint64>(max_, 999999)));
}

QSize StepSpinBox::sizeHint() const
{
    // QAbstractSpinBox sizes for the frame and arrows only; the digits are ours.
    return QAbstractSpinBox::sizeHint() + QSize(digitsWidth(), 0);
}

QSize StepSpinBox::minimumSizeHint() const
{
    return QAbstractSpinBox::minimumSizeHint() + QSize(digitsWidth(), 0);
}

} // namespace forkscope
