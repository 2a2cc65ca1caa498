#include "sendoncebody.h"

#include <algorithm>
#include <cstring>

SendOnceBody::SendOnceBody(QByteArray body, QObject *parent)
    : QIODevice(parent)
    , m_body(std::move(body))
{
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

bool SendOnceBody::seek(qint64 position)
{
    if (position == pos())
        return QIODevice::seek(position);
    if (position != 0 || m_handedOut) {
        if (m_handedOut)
            ++m_refusedRewinds;
        return false;
    }
    return QIODevice::seek(position);
}

qint64 SendOnceBody::readData(char *data, qint64 maxSize)
{
    const qint64 from = pos();
    const qint64 count = std::clamp<qint64>(m_body.size() - from, 0, std::max<qint64>(maxSize, 0));
    if (count == 0)
        return 0; // at the end, as QBuffer answers
    std::memcpy(data, m_body.constData() + from, size_t(count));
    m_handedOut = true;
    return count;
}

qint64 SendOnceBody::writeData(const char *data, qint64 maxSize)
{
    Q_UNUSED(data)
    Q_UNUSED(maxSize)
    return -1;
}
