#pragma once

class QLabel;
class QVBoxLayout;
class QWidget;

namespace forkscope {

// The layout of the app's full-window pages (welcome, a store that cannot
// be opened): a fixed-width column of `width` pixels, centred a little above
// the middle of `page`. Returns the column's layout and sets `card` to it.
QVBoxLayout *addCenteredCard(QWidget *page, int width, QWidget **card);

// A page title `scale` times the normal font size, bold and centred.
QLabel *addCardTitle(QWidget *card, QVBoxLayout *layout, double scale);

// A centred, wrapped, selectable label for text from outside (paths, error
// messages): shown as plain text.
QLabel *addCardPlainLabel(QWidget *card, QVBoxLayout *layout);

} // namespace forkscope
