#pragma once

#include <QString>

#include <string_view>

// The one place that bounds what the server sends before the app keeps or shows it. The answers
// of the service are untrusted input: a name of megabytes would pad every table row and every
// audit line, and an identifier is used in request paths and the journal.
namespace ServerInput {

// Longer than any documented field (desktop names are 15 characters, ids 255, error messages a
// few hundred) and than an encoded authorization message, short enough for a line of the audit.
constexpr qsizetype kMaxTextChars = 4096;
// The longest identifier the API documents (desktop_ids in a batch delete: 255 characters).
constexpr qsizetype kMaxIdChars = 255;

// The text itself when it fits, else its first kMaxTextChars characters, an ellipsis and the
// original length, so that nobody takes the shortened text for the whole.
QString bounded(const QString &text);
// The same for UTF-8 read straight from a JSON buffer: a huge string is never decoded whole.
QString boundedUtf8(std::string_view utf8);

// Whether an id from the server (a job id, a desktop id) can be used in a request path, the
// journal and output: 1–255 characters of letters, digits and - _ . :, not only dots ("..").
bool isUsableId(const QString &id);
// A short, printable description of an unusable id for an error message (never the id whole).
QString describeId(const QString &id);

// Text for a terminal: escape sequences, carriage returns and every other C0/C1 control
// character (and bidirectional overrides) replaced, so that a name cannot move the cursor,
// recolour or rewrite what is shown. Line breaks are kept only when keepLineBreaks is set.
enum class LineBreaks { Replace, Keep };
bool isTerminalControl(QChar c);
QString forTerminal(const QString &text, LineBreaks lineBreaks = LineBreaks::Replace);

} // namespace ServerInput
