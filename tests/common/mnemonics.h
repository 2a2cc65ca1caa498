#pragma once

#include <QAbstractButton>
#include <QLabel>
#include <QRegularExpression>
#include <QStringList>
#include <QWidget>

// The keyboard mnemonics of a window's labels and buttons, lower case, one per text that has one
// ("&&" is a literal ampersand, not a mnemonic): a key listed twice cannot reach both.
inline QStringList mnemonicKeysOf(const QWidget &root)
{
    static const QRegularExpression mnemonic(QStringLiteral("&([^&])"));
    QStringList keys;
    const auto collect = [&keys](const QString &text) {
        const QRegularExpressionMatch match = mnemonic.match(text);
        if (match.hasMatch())
            keys.append(match.captured(1).toLower());
    };
    for (const QLabel *label : root.findChildren<QLabel *>())
        collect(label->text());
    for (const QAbstractButton *button : root.findChildren<QAbstractButton *>())
        collect(button->text());
    return keys;
}
