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
    <name>DeletionController</name>
    <message numerus="yes">
        <source>Following %n unfinished deletion job(s) from the last session.</source>
        <translation>
            <numerusform>Following %n unfinished deletion job from the last session.</numerusform>
            <numerusform>Following %n unfinished deletion jobs from the last session.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Looking up %n failed desktop(s)…</source>
        <translation>
            <numerusform>Looking up %n failed desktop…</numerusform>
            <numerusform>Looking up %n failed desktops…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed desktop(s) no longer exist or are busy and are left out.</source>
        <translation>
            <numerusform>%n failed desktop no longer exists or is busy and is left out.</numerusform>
            <numerusform>%n failed desktops no longer exist or are busy and are left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected desktop(s) are protected or already being deleted and are left out.</source>
        <translation>
            <numerusform>%n selected desktop is protected or already being deleted and is left out.</numerusform>
            <numerusform>%n selected desktops are protected or already being deleted and are left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected desktop(s) are being deleted by this app and are left out.</source>
        <translation>
            <numerusform>%n selected desktop is being deleted by this app and is left out.</numerusform>
            <numerusform>%n selected desktops are being deleted by this app and are left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeletionDialog</name>
    <message numerus="yes">
        <source>Delete %n Desktop(s)</source>
        <translation>
            <numerusform>Delete %n Desktop</numerusform>
            <numerusform>Delete %n Desktops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Delete %n desktop(s)?&lt;/b&gt; Deletion cannot be undone.</source>
        <translation>
            <numerusform>&lt;b&gt;Delete %n desktop?&lt;/b&gt; Deletion cannot be undone.</numerusform>
            <numerusform>&lt;b&gt;Delete %n desktops?&lt;/b&gt; Deletion cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Delete %n Desktop(s)</source>
        <translation>
            <numerusform>&amp;Delete %n Desktop</numerusform>
            <numerusform>&amp;Delete %n Desktops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s), sent one after another:</source>
        <translation>
            <numerusform>%n request, sent one after another:</numerusform>
            <numerusform>%n requests, sent one after another:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Request %1 of %2: %n desktop(s)</source>
        <translation>
            <numerusform>Request %1 of %2: %n desktop</numerusform>
            <numerusform>Request %1 of %2: %n desktops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n desktop(s)</source>
        <translation>
            <numerusform>%n desktop</numerusform>
            <numerusform>%n desktops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in use</source>
        <translation>
            <numerusform>%n in use</numerusform>
            <numerusform>%n in use</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n billed yearly/monthly</source>
        <translation>
            <numerusform>%n billed yearly/monthly</numerusform>
            <numerusform>%n billed yearly/monthly</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>sent in %n request(s)</source>
        <translation>
            <numerusform>sent in %n request</numerusform>
            <numerusform>sent in %n requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n desktop(s) are in use (CONNECTED): their users are disconnected.</source>
        <translation>
            <numerusform>%n desktop is in use (CONNECTED): its user is disconnected.</numerusform>
            <numerusform>%n desktops are in use (CONNECTED): their users are disconnected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n desktop(s) are in use (CONNECTED): without “Force delete” their deletion may fail.</source>
        <translation>
            <numerusform>%n desktop is in use (CONNECTED): without “Force delete” its deletion may fail.</numerusform>
            <numerusform>%n desktops are in use (CONNECTED): without “Force delete” their deletion may fail.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n desktop(s) are billed yearly/monthly: their deletion will fail. Unsubscribe them in the console first.</source>
        <translation>
            <numerusform>%n desktop is billed yearly/monthly: its deletion will fail. Unsubscribe it in the console first.</numerusform>
            <numerusform>%n desktops are billed yearly/monthly: their deletion will fail. Unsubscribe them in the console first.</numerusform>
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
    <name>JobModel</name>
    <message numerus="yes">
        <source>Deletion of %n desktop(s)</source>
        <translation>
            <numerusform>Deletion of %n desktop</numerusform>
            <numerusform>Deletion of %n desktops</numerusform>
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
    <message numerus="yes">
        <source>%n deletion(s) are still being submitted or followed.</source>
        <translation>
            <numerusform>%n deletion is still being submitted or followed.</numerusform>
            <numerusform>%n deletions are still being submitted or followed.</numerusform>
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
