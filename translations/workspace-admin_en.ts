<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>DeleteCommand</name>
    <message numerus="yes">
        <source>Looking up %n desktop(s)…</source>
        <translation>
            <numerusform>Looking up %n desktop…</numerusform>
            <numerusform>Looking up %n desktops…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dry run: nothing is sent. %n desktop(s)</source>
        <translation>
            <numerusform>Dry run: nothing is sent. %n desktop</numerusform>
            <numerusform>Dry run: nothing is sent. %n desktops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n request(s).</source>
        <translation>
            <numerusform>in %n request.</numerusform>
            <numerusform>in %n requests.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n desktop(s)</source>
        <translation>
            <numerusform>Deleting %n desktop</numerusform>
            <numerusform>Deleting %n desktops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n request(s)…</source>
        <translation>
            <numerusform>in %n request…</numerusform>
            <numerusform>in %n requests…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n skipped</source>
        <translation>
            <numerusform>, %n skipped</numerusform>
            <numerusform>, %n skipped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeletionResult</name>
    <message numerus="yes">
        <source>%n deleted</source>
        <translation>
            <numerusform>%n deleted</numerusform>
            <numerusform>%n deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unknown</source>
        <translation>
            <numerusform>%n unknown</numerusform>
            <numerusform>%n unknown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not sent</source>
        <translation>
            <numerusform>%n not sent</numerusform>
            <numerusform>%n not sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in progress</source>
        <translation>
            <numerusform>%n in progress</numerusform>
            <numerusform>%n in progress</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobTracker</name>
    <message numerus="yes">
        <source>Job %1 did not end within %n minute(s); it stays in the journal and can be followed again later.</source>
        <translation>
            <numerusform>Job %1 did not end within %n minute; it stays in the journal and can be followed again later.</numerusform>
            <numerusform>Job %1 did not end within %n minutes; it stays in the journal and can be followed again later.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListCommand</name>
    <message numerus="yes">
        <source>%n desktop(s).</source>
        <translation>
            <numerusform>%n desktop.</numerusform>
            <numerusform>%n desktops.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Copied %n value(s).</source>
        <translation>
            <numerusform>Copied %n value.</numerusform>
            <numerusform>Copied %n values.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) matched no shown desktop.</source>
        <translation>
            <numerusform>%n line matched no shown desktop.</numerusform>
            <numerusform>%n lines matched no shown desktop.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message numerus="yes">
        <source>Connected: the project has %n desktop(s).</source>
        <translation>
            <numerusform>Connected: the project has %n desktop.</numerusform>
            <numerusform>Connected: the project has %n desktops.</numerusform>
        </translation>
    </message>
</context>
</TS>
