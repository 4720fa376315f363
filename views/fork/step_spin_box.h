#pragma once

#include <QAbstractSpinBox>

namespace forkscope {

// A spin box for steps over their whole range (0 to 2^53, core/step_rule.h),
// where QSpinBox stops at 2^31 − 1. Digits only; text that is not a step in
// range stays as typed and problem() says why, and Enter does not accept it.
class StepSpinBox : public QAbstractSpinBox {
    Q_OBJECT
public:
    explicit StepSpinBox(QWidget *parent = nullptr);

    qint64 value() const { return value_; }
    qint64 minimum() const { return min_; }
    qint64 maximum() const { return max_; }
    // Clamped to what a step can be; the value is clamped into the range.
    void setRange(qint64 minimum, qint64 maximum);
    void setValue(qint64 value);
    // Why the text is not a step in range; empty when it is one.
    QString problem() const { return problem_; }

    void stepBy(int steps) override;
    QValidator::State validate(QString &input, int &pos) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void valueChanged(qint64 value);
    void problemChanged(const QString &problem);

protected:
    StepEnabled stepEnabled() const override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void onTextChanged(const QString &text);
    void setProblem(const QString &problem);
    int digitsWidth() const;

    qint64 min_ = 0;
    qint64 max_ = 0;
    qint64 value_ = 0;
    QString problem_;
};

} // namespace forkscope
