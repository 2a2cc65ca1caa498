#include "terminaloutput.h"

namespace {
const QByteArray kReplacement = QByteArrayLiteral("\xef\xbf\xbd"); // U+FFFD

// The length of the control character at data[i] (0 when there is none). Works on UTF-8 bytes:
// C0 controls and DEL are single bytes that never occur inside a multi-byte character.
qsizetype controlAt(const QByteArray &data, qsizetype i)
{
    const auto byte = [&data](qsizetype at) {
        return at < data.size() ? static_cast<unsigned char>(data.at(at)) : 0u;
    };
    const unsigned char c = byte(i);
    if (c == '\n' || c == '\t')
        return 0;
    if (c == '\r')
        return byte(i + 1) == '\n' ? 0 : 1; // CRLF ends CSV lines
    if (c < 0x20 || c == 0x7f)
        return 1;
    if (c == 0xc2 && byte(i + 1) >= 0x80 && byte(i + 1) <= 0x9f) // C1: U+0080–U+009F
        return 2;
    if (c == 0xe2 && ((byte(i + 1) == 0x80 && byte(i + 2) >= 0xaa && byte(i + 2) <= 0xae) // U+202A–E
                      || (byte(i + 1) == 0x81 && byte(i + 2) >= 0xa6 && byte(i + 2) <= 0xa9))) // U+2066–9
        return 3;
    return 0;
}
} // namespace

TerminalOutput::TerminalOutput(FILE *stream, QObject *parent)
    : QIODevice(parent)
    , m_stream(stream)
{
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

TerminalOutput::~TerminalOutput()
{
    std::fflush(m_stream);
}

QByteArray TerminalOutput::clean(const QByteArray &utf8)
{
    QByteArray out;
    out.reserve(utf8.size());
    for (qsizetype i = 0; i < utf8.size();) {
        const qsizetype control = controlAt(utf8, i);
        if (control > 0) {
            out += kReplacement;
            i += control;
        } else {
            out += utf8.at(i);
            ++i;
        }
    }
    return out;
}

qint64 TerminalOutput::writeData(const char *data, qint64 size)
{
    const QByteArray cleaned = clean(QByteArray::fromRawData(data, qsizetype(size)));
    if (std::fwrite(cleaned.constData(), 1, size_t(cleaned.size()), m_stream) != size_t(cleaned.size()))
        return -1;
    std::fflush(m_stream);
    return size;
}
