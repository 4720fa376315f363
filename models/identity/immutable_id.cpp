#include "identity/immutable_id.h"

#include <QRandomGenerator>

namespace forkscope {

namespace {
constexpr char kAlphabet[] = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford, lower case
constexpr int kBodyLength = 26;
const QString kPrefix = QStringLiteral("fsr:");
} // namespace

QString generateImmutableId()
{
    quint64 bits[2];
    QRandomGenerator::system()->fillRange(bits, 2);
    QString id = kPrefix;
    // 26 base32 digits carry 130 bits; the top two are always zero.
    for (int i = kBodyLength - 1; i >= 0; --i) {
        const int shift = i * 5;
        quint32 digit = 0;
        for (int b = 0; b < 5; ++b) {
            const int bit = shift + b;
            if (bit < 128 && ((bits[bit / 64] >> (bit % 64)) & 1u))
                digit |= 1u << b;
        }
        id += QLatin1Char(kAlphabet[digit]);
    }
    return id;
}

bool isImmutableId(const QString &text)
{
    if (!text.startsWith(kPrefix) || text.size() != kPrefix.size() + kBodyLength)
        return false;
    for (int i = kPrefix.size(); i < text.size(); ++i) {
        if (!QByteArrayView(kAlphabet).contains(text.at(i).toLatin1()))
            return false;
    }
    return true;
}

} // namespace forkscope
