#include "views/overview/overview_tab.h"

#include <QApplication>
#include <QClipboard>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollArea>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

#include "identity/fork_spec.h"
#include "itemmodels/command_text.h"
#include "itemmodels/config_change_text.h"
#include "itemmodels/run_page_model.h"
#include "itemmodels/value_format.h"
#include "store/config_diff.h"
#include "views/fork/continue_snippet.h"
#include "views/overview/key_value_view.h"
#include "views/retranslate.h"
#include "views/state_style.h"

namespace forkscope {

namespace {

QString metadataText(const Json &meta, std::initializer_list<const char *> path)
{
    const Json *cur = &meta;
    for (const char *part : path) {
        if (!cur->is_object())
            return {};
        auto it = cur->find(part);
        if (it == cur->end())
            return {};
        cur = &*it;
    }
    return cur->is_null() ? QString() : formatJsonValue(*cur);
}

QString runLink(qint64 key, const QString &name)
{
    // Names are user-written: escaped, so they show as the characters typed.
    return QStringLiteral("<a href=\"run:%1\">%2</a>").arg(key).arg(name.toHtmlEscaped());
}

} // namespace

OverviewTab::OverviewTab(QWidget *parent) : QWidget(parent)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto *content = new QWidget(scroll);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(10);

    auto *header = new QHBoxLayout;
    name_ = new QLineEdit(content);
    name_->setObjectName(QStringLiteral("runNameEdit"));
    name_->setFrame(false);
    QFont nf = name_->font();
    nf.setPointSizeF(nf.pointSizeF() * 1.45);
    nf.setBold(true);
    name_->setFont(nf);
    name_->setStyleSheet(
        QStringLiteral("QLineEdit { background: transparent; } QLineEdit:focus { background: palette(base); }"));
    connect(name_, &QLineEdit::editingFinished, this, &OverviewTab::commitName);
    state_ = new QLabel(content);
    state_->setObjectName(QStringLiteral("stateBadge"));
    state_->setTextFormat(Qt::PlainText);

    actionsButton_ = new QToolButton(content);
    actionsButton_->setObjectName(QStringLiteral("runActionsButton"));
    actionsButton_->setText(QStringLiteral("…"));
    actionsButton_->setIcon(QIcon(QStringLiteral(":/icons/more.svg")));
    actionsButton_->setPopupMode(QToolButton::InstantPopup);
    actionsButton_->setAutoRaise(true);
    actionsButton_->setFocusPolicy(Qt::StrongFocus);
    actionsButton_->setIconSize(QSize(20, 20));
    menu_ = new QMenu(actionsButton_);
    menu_->setObjectName(QStringLiteral("runActionsMenu"));
    QAction *copyImmutable = menu_->addAction(QIcon(QStringLiteral(":/icons/copy.svg")), QString());
    copyImmutable->setObjectName(QStringLiteral("copyImmutableRunId"));
    connect(copyImmutable, &QAction::triggered, this,
            [this] { copy(details_.run.immutableId, tr("immutable run ID")); });
    QAction *copyId = menu_->addAction(QString());
    copyId->setObjectName(QStringLiteral("copyRunId"));
    connect(copyId, &QAction::triggered, this, [this] { copy(details_.run.runId, tr("run ID")); });
    QAction *copyPath = menu_->addAction(QString());
    copyPath->setObjectName(QStringLiteral("copyRunPath"));
    connect(copyPath, &QAction::triggered, this, [this] { copy(details_.run.path().toString(), tr("run path")); });
    copySpecAction_ = menu_->addAction(QString());
    copySpecAction_->setObjectName(QStringLiteral("copyForkSpec"));
    connect(copySpecAction_, &QAction::triggered, this, [this] {
        if (const auto last = details_.run.lastStep())
            copy(formatForkSpec(details_.run.runId, *last), tr("fork spec"));
    });
    menu_->addSeparator();
    forkAction_ = menu_->addAction(QIcon(QStringLiteral(":/icons/fork.svg")), QString());
    forkAction_->setObjectName(QStringLiteral("forkFromStep"));
    connect(forkAction_, &QAction::triggered, this,
            [this] { emit forkRequested(details_.run.key, details_.run.lastStep().value_or(0)); });
    QAction *rename = renameAction_ = menu_->addAction(QString());
    rename->setObjectName(QStringLiteral("renameRun"));
    connect(rename, &QAction::triggered, this, &OverviewTab::startRename);
    QAction *del = deleteAction_ = menu_->addAction(QIcon(QStringLiteral(":/icons/delete.svg")), QString());
    del->setObjectName(QStringLiteral("deleteRun"));
    connect(del, &QAction::triggered, this, [this] { emit deleteRequested(details_.run.key); });
    actionsButton_->setMenu(menu_);
    retranslateOnLanguageChange(this, [=, this] {
        name_->setAccessibleName(tr("Run name"));
        name_->setToolTip(readOnly_.isEmpty() ? tr("Run name: edit and press Enter to rename") : readOnly_);
        actionsButton_->setAccessibleName(tr("Run actions"));
        actionsButton_->setToolTip(tr("Run actions"));
        menu_->setAccessibleName(tr("Run actions"));
        copyImmutable->setText(tr("Copy immutable Run ID"));
        copyId->setText(tr("Copy run ID"));
        copyPath->setText(tr("Copy run path"));
        copySpecAction_->setText(tr("Copy fork spec"));
        forkAction_->setText(tr("Fork from step…"));
        rename->setText(tr("Rename…"));
        del->setText(tr("Delete…"));
    });

    header->addWidget(name_, 1);
    header->addWidget(state_);
    header->addSpacing(8);
    header->addWidget(actionsButton_);
    layout->addLayout(header);

    forkedFrom_ = new QLabel(content);
    forkedFrom_->setObjectName(QStringLiteral("forkedFromLink"));
    forkedFrom_->setTextFormat(Qt::RichText);
    forkedFrom_->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(forkedFrom_, &QLabel::linkActivated, this,
            [this](const QString &link) { emit openRunRequested(link.mid(4).toLongLong()); });
    layout->addWidget(forkedFrom_);
    configChanges_ = new QLabel(content);
    configChanges_->setObjectName(QStringLiteral("forkConfigChanges"));
    configChanges_->setTextFormat(Qt::PlainText);
    configChanges_->setWordWrap(true);
    configChanges_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(configChanges_);

    fields_ = new QGridLayout;
    fields_->setHorizontalSpacing(16);
    fields_->setVerticalSpacing(6);
    fields_->setColumnStretch(1, 1);
    runId_ = addField(QT_TR_NOOP("Run ID"));
    immutableId_ = addField(QT_TR_NOOP("Immutable run ID"));
    path_ = addField(QT_TR_NOOP("Run path"));
    created_ = addField(QT_TR_NOOP("Created"));
    runtime_ = addField(QT_TR_NOOP("Runtime"));
    host_ = addField(QT_TR_NOOP("Host"));
    command_ = addField(QT_TR_NOOP("Command"));
    git_ = addField(QT_TR_NOOP("Git commit"));
    tags_ = addField(QT_TR_NOOP("Tags"));
    notes_ = addField(QT_TR_NOOP("Notes"));
    notes_->setWordWrap(true);
    layout->addLayout(fields_);

    forks_ = new QLabel(content);
    forks_->setObjectName(QStringLiteral("forksList"));
    forks_->setTextFormat(Qt::RichText);
    forks_->setWordWrap(true);
    forks_->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(forks_, &QLabel::linkActivated, this,
            [this](const QString &link) { emit openRunRequested(link.mid(4).toLongLong()); });
    layout->addWidget(forks_);

    // A rewound run's archived versions (or, on an archived version, the run
    // it belongs to); a link opens one, and its Charts tab draws it.
    archived_ = new QLabel(content);
    archived_->setObjectName(QStringLiteral("archivedVersions"));
    archived_->setTextFormat(Qt::RichText);
    archived_->setWordWrap(true);
    archived_->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(archived_, &QLabel::linkActivated, this,
            [this](const QString &link) { emit openRunRequested(link.mid(4).toLongLong()); });
    layout->addWidget(archived_);

    snippet_ = new ContinueSnippet(content);
    connect(snippet_, &ContinueSnippet::copied, this,
            [this](const QString &what) { emit statusMessage(tr("Copied %1 to the clipboard").arg(what)); });
    layout->addWidget(snippet_);

    auto *split = new QSplitter(Qt::Horizontal, content);
    config_ = new KeyValueView(tr("Config"), split);
    summary_ = new KeyValueView(tr("Summary"), split);
    retranslateOnLanguageChange(split, [this] {
        config_->setTitle(tr("Config"));
        summary_->setTitle(tr("Summary"));
    });
    split->addWidget(config_);
    split->addWidget(summary_);
    split->setMinimumHeight(280);
    split->setChildrenCollapsible(false);
    layout->addWidget(split, 1);
}

QLabel *OverviewTab::addField(const char *label)
{
    const int row = fields_->rowCount();
    auto *key = new QLabel(this);
    key->setForegroundRole(QPalette::PlaceholderText);
    auto *value = new QLabel(this);
    value->setTextFormat(Qt::PlainText);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    retranslateOnLanguageChange(key, [key, value, label] {
        key->setText(tr(label));
        value->setAccessibleName(tr(label));
    });
    key->setBuddy(value);
    fields_->addWidget(key, row, 0, Qt::AlignTop);
    fields_->addWidget(value, row, 1);
    return value;
}

void OverviewTab::setDetails(const RunDetails &details, const QString &storePath)
{
    details_ = details;
    const RunInfo &r = details_.run;
    if (!name_->hasFocus() || name_->text() == r.name)
        name_->setText(r.name);
    name_->setCursorPosition(0);
    state_->setText(RunPageModel::stateText(r.state));
    state_->setStyleSheet(
        QStringLiteral("QLabel { color: white; background: %1; border-radius: 9px; padding: 2px 10px; }")
            .arg(stateColor(r.state).name()));
    if (r.fork) {
        const QString name =
            details_.source ? runLink(details_.source->key, details_.source->name) : r.fork->sourcePath.toHtmlEscaped();
        forkedFrom_->setText(tr("Forked from %1 at step %2").arg(name).arg(r.fork->step));
        forkedFrom_->show();
    } else {
        forkedFrom_->hide();
    }
    // What the fork changed against its source, while the source is there to compare with.
    if (r.fork && details_.source) {
        const auto changes = configChanges(details_.source->config, r.config);
        configChanges_->setText(
            changes.empty()
                ? tr("Config: the same as the run it was forked from.")
                : tr("Config changed against the run it was forked from:\n%1").arg(configChangesList(changes)));
        configChanges_->show();
    } else {
        configChanges_->hide();
    }
    runId_->setText(r.runId);
    immutableId_->setText(r.immutableId);
    path_->setText(r.path().toString());
    created_->setText(QLocale().toString(r.createdAt.toLocalTime(), QLocale::LongFormat));
    runtime_->setText(formatDuration(r.runtimeSeconds()));
    QString host = metadataText(r.metadata, {"host"});
    const QString command = runCommandText(r.metadata);
    QString git = metadataText(r.metadata, {"git", "commit"});
    const QString none = tr("—");
    host_->setText(host.isEmpty() ? none : host);
    command_->setText(command.isEmpty() ? none : command);
    git_->setText(git.isEmpty() ? none : git);
    tags_->setText(r.tags.isEmpty() ? none : r.tags.join(QStringLiteral(", ")));
    notes_->setText(r.notes.isEmpty() ? none : r.notes);

    if (details_.forks.empty()) {
        forks_->setText(tr("No forks yet."));
    } else {
        QStringList links;
        for (const RunInfo &f : details_.forks)
            links << tr("%1 at step %2").arg(runLink(f.key, f.name)).arg(f.fork ? f.fork->step : 0);
        forks_->setText(tr("Forks: %1").arg(links.join(QStringLiteral(" · "))));
    }
    showArchived();
    snippet_->setRun(r.path().toString(), r.immutableId, storePath);
    config_->setJson(r.config);
    summary_->setJson(r.summary);
    const bool hasSteps = r.lastStep().has_value();
    forkAction_->setEnabled(hasSteps && readOnly_.isEmpty());
    copySpecAction_->setEnabled(hasSteps);
}

void OverviewTab::showArchived()
{
    const RunInfo &r = details_.run;
    const auto when = [](const ArchivedVersion &a) {
        return QLocale().toString(a.archivedAt.toLocalTime(), QLocale::ShortFormat).toHtmlEscaped();
    };
    if (r.archived && details_.archivedOf) {
        archived_->setText(tr("Archived version of %1: its history as it was before the rewind to step %2 on %3. "
                              "It stays as it is.")
                               .arg(runLink(details_.archivedOf->key, details_.archivedOf->name))
                               .arg(r.archived->rewindStep)
                               .arg(when(*r.archived)));
        archived_->show();
        return;
    }
    QStringList links;
    for (const RunInfo &a : details_.archived) {
        if (!a.archived)
            continue;
        const QString steps = tr("steps %1–%2").arg(a.archived->rewindStep + 1).arg(a.lastStep().value_or(0));
        links << tr("%1, archived %2").arg(runLink(a.key, steps)).arg(when(*a.archived));
    }
    archived_->setVisible(!links.isEmpty());
    archived_->setText(links.isEmpty() ? QString()
                                       : tr("Archived by rewinds: %1").arg(links.join(QStringLiteral(" · "))));
}

void OverviewTab::setReadOnly(const QString &reason)
{
    readOnly_ = reason;
    menu_->setToolTipsVisible(true);
    for (QAction *a : {forkAction_, renameAction_, deleteAction_}) {
        a->setEnabled(reason.isEmpty());
        a->setToolTip(reason.isEmpty() ? a->text() : reason);
    }
    name_->setReadOnly(!reason.isEmpty());
    name_->setToolTip(reason.isEmpty() ? tr("Run name: edit and press Enter to rename") : reason);
}

void OverviewTab::copy(const QString &text, const QString &what)
{
    QApplication::clipboard()->setText(text);
    emit statusMessage(tr("Copied %1: %2").arg(what, text));
}

void OverviewTab::startRename()
{
    name_->setFocus(Qt::ShortcutFocusReason);
    name_->selectAll();
}

void OverviewTab::commitName()
{
    const QString name = name_->text().trimmed();
    if (details_.run.key == 0 || name == details_.run.name || !readOnly_.isEmpty())
        return;
    if (name.isEmpty()) {
        name_->setText(details_.run.name);
        return;
    }
    details_.run.name = name;
    emit renameRequested(details_.run.key, name);
}

} // namespace forkscope
