#include "serverinput.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace {
QString withLengthNote(QString start, qint64 originalLength)
{
    //: Appended to a text from the server that was too long to keep; %1 is its length.
    return start + QChar(0x2026)
        + QCoreApplication::translate("ServerInput", " [%1 characters in all]")
              .arg(QLocale().toString(originalLength));
}

bool isIdCharacter(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
        || u == u'-' || u == u'_' || u == u'.' || u == u':';
}

bool isControl(char16_t u)
{
    return u < 0x20 || (u >= 0x7f && u <= 0x9f)
        // Bidirectional embeddings, overrides and isolates reorder what follows them.
        || (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069);
}
} // namespace

namespace ServerInput {

QString bounded(const QString &text)
{
    if (text.size() <= kMaxTextChars)
        return text;
    qsizetype cut = kMaxTextChars;
    if (text.at(cut - 1).isHighSurrogate())
        --cut; // never half a character
    return withLengthNote(text.left(cut), text.size());
}

QString boundedUtf8(std::string_view utf8)
{
    // A UTF-8 character is at most 4 bytes: anything up to 4 × the limit is decoded and cut as a
    // QString; only a longer string is cut as bytes first (at a character boundary).
    if (qsizetype(utf8.size()) <= kMaxTextChars * 4)
        return bounded(QString::fromUtf8(utf8.data(), qsizetype(utf8.size())));
    size_t cut = size_t(kMaxTextChars) * 4;
    while (cut > 0 && (static_cast<unsigned char>(utf8[cut]) & 0xc0) == 0x80)
        --cut;
    const QString start = QString::fromUtf8(utf8.data(), qsizetype(cut));
    qsizetype keep = std::min(start.size(), kMaxTextChars);
    if (keep > 0 && start.at(keep - 1).isHighSurrogate())
        --keep;
    // The length of the whole in characters would mean decoding it: count its code points.
    qint64 characters = 0;
    for (const char byte : utf8)
        characters += (static_cast<unsigned char>(byte) & 0xc0) != 0x80;
    return withLengthNote(start.left(keep), characters);
}

bool isUsableId(const QString &id)
{
    if (id.isEmpty() || id.size() > kMaxIdChars)
        return false;
    bool onlyDots = true;
    for (const QChar c : id) {
        if (!isIdCharacter(c))
            return false;
        onlyDots = onlyDots && c == QLatin1Char('.');
    }
    return !onlyDots;
}

QString describeId(const QString &id)
{
    if (id.isEmpty())
        return QCoreApplication::translate("ServerInput", "(empty)");
    constexpr qsizetype kShown = 40;
    QString shown = forTerminal(id.left(kShown));
    if (id.size() > kShown)
        shown = withLengthNote(shown, id.size());
    return QStringLiteral("\u201c%1\u201d").arg(shown);
}

bool isTerminalControl(QChar c)
{
    return isControl(c.unicode());
}

QString forTerminal(const QString &text, LineBreaks lineBreaks)
{
    QString clean;
    clean.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (lineBreaks == LineBreaks::Keep && u == u'\n')
            clean.append(c);
        else if (u == u'\t')
            clean.append(QLatin1Char(' '));
        else if (isControl(u))
            clean.append(QChar(0xfffd)); // visible, and no terminal acts on it
        else
            clean.append(c);
    }
    return clean;
}

} // namespace ServerInput
