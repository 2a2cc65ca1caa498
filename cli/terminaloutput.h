#pragma once

#include <QIODevice>

#include <cstdio>

// stdout or stderr for the CLI's QTextStreams, with every control character a terminal would act
// on replaced (U+FFFD) on the way out: escape sequences, carriage returns that are not part of a
// CRLF line end, other C0 and C1 controls and bidirectional overrides. The server's words reach
// the terminal through many messages; here none of them can move the cursor, retitle the window
// or hide what is shown, whichever message carries them. Line breaks and tabs pass.
class TerminalOutput : public QIODevice
{
    Q_OBJECT
public:
    explicit TerminalOutput(FILE *stream, QObject *parent = nullptr);
    ~TerminalOutput() override;

    bool isSequential() const override { return true; }
    // The bytes as they go out; public for the tests.
    static QByteArray clean(const QByteArray &utf8);

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override;

private:
    FILE *m_stream;
};
