#include "views/run_palette.h"

#include <array>

#include "itemmodels/run_color.h"

namespace forkscope {

QColor runColor(int index)
{
    // Tableau-like hues that stay apart for common colour blindness.
    static const std::array<QColor, kRunColorCount> palette{
        QColor(0x1f77b4), QColor(0xff7f0e), QColor(0x2ca02c), QColor(0xd62728), QColor(0x9467bd), QColor(0x8c564b),
        QColor(0xe377c2), QColor(0x17becf), QColor(0xbcbd22), QColor(0x3b5bdb), QColor(0xf08c00), QColor(0x0b7285),
    };
    return palette[size_t(((index % kRunColorCount) + kRunColorCount) % kRunColorCount)];
}

QColor inheritedColor(const QColor &color)
{
    QColor c = color;
    c.setAlphaF(0.45f);
    return c;
}

} // namespace forkscope
