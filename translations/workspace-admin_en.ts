<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActionCommand</name>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <comment>count</comment>
        <translation>
            <numerusform>%Ln request</numerusform>
            <numerusform>%Ln requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s)</source>
        <comment>count</comment>
        <translation>
            <numerusform>%Ln desktop</numerusform>
            <numerusform>%Ln desktops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Looking up %Ln desktop(s)…</source>
        <translation>
            <numerusform>Looking up %Ln desktop…</numerusform>
            <numerusform>Looking up %Ln desktops…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln left out.</source>
        <translation>
            <numerusform>%Ln left out.</numerusform>
            <numerusform>%Ln left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AllRegionsChangeCommand</name>
    <message numerus="yes">
        <source>Finding %Ln desktop(s) in the account&apos;s Workspace projects…</source>
        <translation>
            <numerusform>Finding %Ln desktop in the account&apos;s Workspace projects…</numerusform>
            <numerusform>Finding %Ln desktops in the account&apos;s Workspace projects…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 for %Ln desktop(s)…</source>
        <translation>
            <numerusform>%1: %2 for %Ln desktop…</numerusform>
            <numerusform>%1: %2 for %Ln desktops…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: turning autoscale off first for %Ln pool(s)…</source>
        <translation>
            <numerusform>%1: turning autoscale off first for %Ln pool…</numerusform>
            <numerusform>%1: turning autoscale off first for %Ln pools…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: deleting %Ln desktop(s)…</source>
        <translation>
            <numerusform>%1: deleting %Ln desktop…</numerusform>
            <numerusform>%1: deleting %Ln desktops…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Following %Ln unfinished job(s) of the account&apos;s projects from the journal first…</source>
        <translation>
            <numerusform>Following %Ln unfinished job of the account&apos;s projects from the journal first…</numerusform>
            <numerusform>Following %Ln unfinished jobs of the account&apos;s projects from the journal first…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AllRegionsListCommand</name>
    <message numerus="yes">
        <source>%1 (project %2): %Ln desktop(s).</source>
        <translation>
            <numerusform>%1 (project %2): %Ln desktop.</numerusform>
            <numerusform>%1 (project %2): %Ln desktops.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s)</source>
        <translation>
            <numerusform>%Ln desktop</numerusform>
            <numerusform>%Ln desktops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %Ln Workspace project(s).</source>
        <translation>
            <numerusform>in %Ln Workspace project.</numerusform>
            <numerusform>in %Ln Workspace projects.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln project(s) could not be listed; the others are shown.</source>
        <translation>
            <numerusform>%Ln project could not be listed; the others are shown.</numerusform>
            <numerusform>%Ln projects could not be listed; the others are shown.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangeActionDialog</name>
    <message numerus="yes">
        <source>%Ln character(s) left.</source>
        <translation>
            <numerusform>%Ln character left.</numerusform>
            <numerusform>%Ln characters left.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangeReviewText</name>
    <message numerus="yes">
        <source>Start Maintenance on %Ln Desktop(s)</source>
        <translation>
            <numerusform>Start Maintenance on %Ln Desktop</numerusform>
            <numerusform>Start Maintenance on %Ln Desktops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>End Maintenance on %Ln Desktop(s)</source>
        <translation>
            <numerusform>End Maintenance on %Ln Desktop</numerusform>
            <numerusform>End Maintenance on %Ln Desktops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Log Off the Users of %Ln Desktop(s)</source>
        <translation>
            <numerusform>Log Off the Users of %Ln Desktop</numerusform>
            <numerusform>Log Off the Users of %Ln Desktops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln desktop(s)? Deletion cannot be undone.</source>
        <translation>
            <numerusform>Delete %Ln desktop? Deletion cannot be undone.</numerusform>
            <numerusform>Delete %Ln desktops? Deletion cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Start Maintenance on %Ln Desktop(s)</source>
        <translation>
            <numerusform>&amp;Start Maintenance on %Ln Desktop</numerusform>
            <numerusform>&amp;Start Maintenance on %Ln Desktops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;End Maintenance on %Ln Desktop(s)</source>
        <translation>
            <numerusform>&amp;End Maintenance on %Ln Desktop</numerusform>
            <numerusform>&amp;End Maintenance on %Ln Desktops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Log Off %Ln Desktop(s)</source>
        <translation>
            <numerusform>&amp;Log Off %Ln Desktop</numerusform>
            <numerusform>&amp;Log Off %Ln Desktops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s) are in use (CONNECTED): their users are disconnected: %1.</source>
        <translation>
            <numerusform>%Ln desktop is in use (CONNECTED): its user is disconnected: %1.</numerusform>
            <numerusform>%Ln desktops are in use (CONNECTED): their users are disconnected: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s) are in use (CONNECTED): without “Force delete” their deletion may fail. Their users: %1.</source>
        <translation>
            <numerusform>%Ln desktop is in use (CONNECTED): without “Force delete” its deletion may fail. Its user: %1.</numerusform>
            <numerusform>%Ln desktops are in use (CONNECTED): without “Force delete” their deletion may fail. Their users: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s) are in use (CONNECTED): maintenance mode disconnects their users: %1.</source>
        <translation>
            <numerusform>%Ln desktop is in use (CONNECTED): maintenance mode disconnects its user: %1.</numerusform>
            <numerusform>%Ln desktops are in use (CONNECTED): maintenance mode disconnects their users: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln connected user(s) are logged off: %1.</source>
        <translation>
            <numerusform>%Ln connected user is logged off: %1.</numerusform>
            <numerusform>%Ln connected users are logged off: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s) have no user connected now: a user who logs in before the request is logged off too.</source>
        <translation>
            <numerusform>%Ln desktop has no user connected now: a user who logs in before the request is logged off too.</numerusform>
            <numerusform>%Ln desktops have no user connected now: a user who logs in before the request is logged off too.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s) attached, not deleted with the desktops: %1</source>
        <translation>
            <numerusform>%Ln group attached, not deleted with the desktops: %1</numerusform>
            <numerusform>%Ln groups attached, not deleted with the desktops: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln requests, sent one after another:</source>
        <translation>
            <numerusform>%Ln request:</numerusform>
            <numerusform>%Ln requests, sent one after another:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retire %Ln Desktop(s)</source>
        <translation>
            <numerusform>Retire %Ln Desktop</numerusform>
            <numerusform>Retire %Ln Desktops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore %Ln Desktop(s)</source>
        <translation>
            <numerusform>Restore %Ln Desktop</numerusform>
            <numerusform>Restore %Ln Desktops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retire %Ln desktop(s)? They are put in maintenance mode, tagged as retiring and stopped, and may be deleted from %1 (UTC).</source>
        <translation>
            <numerusform>Retire %Ln desktop? It is put in maintenance mode, tagged as retiring and stopped, and may be deleted from %1 (UTC).</numerusform>
            <numerusform>Retire %Ln desktops? They are put in maintenance mode, tagged as retiring and stopped, and may be deleted from %1 (UTC).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore %Ln desktop(s)? They are taken out of maintenance mode and started, and their retirement tags are removed.</source>
        <translation>
            <numerusform>Restore %Ln desktop? It is taken out of maintenance mode and started, and its retirement tags are removed.</numerusform>
            <numerusform>Restore %Ln desktops? They are taken out of maintenance mode and started, and their retirement tags are removed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Retire %Ln Desktop(s)</source>
        <translation>
            <numerusform>&amp;Retire %Ln Desktop</numerusform>
            <numerusform>&amp;Retire %Ln Desktops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>R&amp;estore %Ln Desktop(s)</source>
        <translation>
            <numerusform>R&amp;estore %Ln Desktop</numerusform>
            <numerusform>R&amp;estore %Ln Desktops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s) are started: billed by use, they cost money again while they run.</source>
        <translation>
            <numerusform>%Ln desktop is started: billed by use, it costs money again while it runs.</numerusform>
            <numerusform>%Ln desktops are started: billed by use, they cost money again while they run.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tagged as retired on %1 and due after %Ln day(s): they may be deleted from %2.</source>
        <translation>
            <numerusform>Tagged as retired on %1 and due after %Ln day: they may be deleted from %2.</numerusform>
            <numerusform>Tagged as retired on %1 and due after %Ln days: they may be deleted from %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s) are in use (CONNECTED): maintenance mode disconnects their users and the stop ends their sessions, without a message: %1.</source>
        <translation>
            <numerusform>%Ln desktop is in use (CONNECTED): maintenance mode disconnects its user and the stop ends the session, without a message: %1.</numerusform>
            <numerusform>%Ln desktops are in use (CONNECTED): maintenance mode disconnects their users and the stop ends their sessions, without a message: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s) are in use (CONNECTED): their users are logged off with the message: %1.</source>
        <translation>
            <numerusform>%Ln desktop is in use (CONNECTED): its user is logged off with the message: %1.</numerusform>
            <numerusform>%Ln desktops are in use (CONNECTED): their users are logged off with the message: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Request %1 of %2, %3: %Ln desktop(s)</source>
        <comment>request index, count, step</comment>
        <translation>
            <numerusform>Request %1 of %2, %3: %Ln desktop</numerusform>
            <numerusform>Request %1 of %2, %3: %Ln desktops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s) in %1</source>
        <comment>the first of the projects&apos; shares</comment>
        <translation>
            <numerusform>%Ln desktop in %1</numerusform>
            <numerusform>%Ln desktops in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln in %1</source>
        <comment>a further project&apos;s share of the desktops</comment>
        <translation>
            <numerusform>%Ln in %1</numerusform>
            <numerusform>%Ln in %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangeRun</name>
    <message numerus="yes">
        <source>Not sent: %n target(s) of this change cannot be sent, so none is.</source>
        <translation>
            <numerusform>Not sent: %n target of this change cannot be sent, so none is.</numerusform>
            <numerusform>Not sent: %n targets of this change cannot be sent, so none is.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeleteCommand</name>
    <message numerus="yes">
        <source>Looking up %Ln desktop(s)…</source>
        <translation>
            <numerusform>Looking up %Ln desktop…</numerusform>
            <numerusform>Looking up %Ln desktops…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln skipped</source>
        <translation>
            <numerusform>, %Ln skipped</numerusform>
            <numerusform>, %Ln skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s)</source>
        <comment>count</comment>
        <translation>
            <numerusform>%Ln desktop</numerusform>
            <numerusform>%Ln desktops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <comment>count</comment>
        <translation>
            <numerusform>%Ln request</numerusform>
            <numerusform>%Ln requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Following %Ln unfinished job(s) of this project from the journal first…</source>
        <translation>
            <numerusform>Following %Ln unfinished job of this project from the journal first…</numerusform>
            <numerusform>Following %Ln unfinished jobs of this project from the journal first…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Turning autoscale off first for %Ln pool(s)…</source>
        <translation>
            <numerusform>Turning autoscale off first for %Ln pool…</numerusform>
            <numerusform>Turning autoscale off first for %Ln pools…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeletionAfterAutoscaleOff</name>
    <message numerus="yes">
        <source>Autoscale was turned off for %Ln pool(s): %1.</source>
        <translation>
            <numerusform>Autoscale was turned off for %Ln pool: %1.</numerusform>
            <numerusform>Autoscale was turned off for %Ln pools: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The autoscale of %Ln pool(s) could not be turned off, so nothing was deleted: %1. %2</source>
        <translation>
            <numerusform>The autoscale of %Ln pool could not be turned off, so nothing was deleted: %1. %2</numerusform>
            <numerusform>The autoscale of %Ln pools could not be turned off, so nothing was deleted: %1. %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeletionController</name>
    <message numerus="yes">
        <source>Following %Ln unfinished deletion job(s) from the last session.</source>
        <translation>
            <numerusform>Following %Ln unfinished deletion job from the last session.</numerusform>
            <numerusform>Following %Ln unfinished deletion jobs from the last session.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Looking up %Ln desktop(s)…</source>
        <translation>
            <numerusform>Looking up %Ln desktop…</numerusform>
            <numerusform>Looking up %Ln desktops…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s) past their date are kept; the details say why.</source>
        <translation>
            <numerusform>%Ln desktop past its date is kept; the details say why.</numerusform>
            <numerusform>%Ln desktops past their date are kept; the details say why.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeletionDialog</name>
    <message numerus="yes">
        <source>Delete %Ln Desktop(s)</source>
        <translation>
            <numerusform>Delete %Ln Desktop</numerusform>
            <numerusform>Delete %Ln Desktops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Delete %Ln Desktop(s)</source>
        <translation>
            <numerusform>&amp;Delete %Ln Desktop</numerusform>
            <numerusform>&amp;Delete %Ln Desktops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Request %1 of %2: %Ln desktop(s)</source>
        <translation>
            <numerusform>Request %1 of %2: %Ln desktop</numerusform>
            <numerusform>Request %1 of %2: %Ln desktops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s)</source>
        <translation>
            <numerusform>%Ln desktop</numerusform>
            <numerusform>%Ln desktops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln in use</source>
        <translation>
            <numerusform>%Ln in use</numerusform>
            <numerusform>%Ln in use</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln billed yearly/monthly</source>
        <translation>
            <numerusform>%Ln billed yearly/monthly</numerusform>
            <numerusform>%Ln billed yearly/monthly</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>sent in %Ln request(s)</source>
        <translation>
            <numerusform>sent in %Ln request</numerusform>
            <numerusform>sent in %Ln requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s) are billed yearly/monthly: their deletion will fail. Unsubscribe them in the console first.</source>
        <translation>
            <numerusform>%Ln desktop is billed yearly/monthly: its deletion will fail. Unsubscribe it in the console first.</numerusform>
            <numerusform>%Ln desktops are billed yearly/monthly: their deletion will fail. Unsubscribe them in the console first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected desktop(s) are left out.</source>
        <translation>
            <numerusform>%Ln selected desktop is left out.</numerusform>
            <numerusform>%Ln selected desktops are left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show the %Ln desktop(s) left out</source>
        <translation>
            <numerusform>Show the %Ln desktop left out</numerusform>
            <numerusform>Show the %Ln desktops left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Leave out the %Ln desktop(s) billed yearly/monthly</source>
        <translation>
            <numerusform>&amp;Leave out the %Ln desktop billed yearly/monthly</numerusform>
            <numerusform>&amp;Leave out the %Ln desktops billed yearly/monthly</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s) failed because a user was connected: tick “Force delete” to log the users off and delete them.</source>
        <translation>
            <numerusform>%Ln desktop failed because a user was connected: tick “Force delete” to log the user off and delete it.</numerusform>
            <numerusform>%Ln desktops failed because a user was connected: tick “Force delete” to log the users off and delete them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %Ln more</source>
        <comment>a list of user names, cut short</comment>
        <translation>
            <numerusform>%1 and %Ln more</numerusform>
            <numerusform>%1 and %Ln more</numerusform>
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
    <name>DueDeletionPreparation</name>
    <message numerus="yes">
        <source>%Ln retiring desktop(s)</source>
        <translation>
            <numerusform>%Ln retiring desktop</numerusform>
            <numerusform>%Ln retiring desktops</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdleOverviewChart</name>
    <message numerus="yes">
        <source>%n desktop(s) idle %1 in the usage period</source>
        <translation>
            <numerusform>%n desktop idle %1 in the usage period</numerusform>
            <numerusform>%n desktops idle %1 in the usage period</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n desktop(s) retiring (switched off and waiting for their date)</source>
        <translation>
            <numerusform>%n desktop retiring (switched off and waiting for its date)</numerusform>
            <numerusform>%n desktops retiring (switched off and waiting for their date)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n retiring desktop(s) whose date has come</source>
        <translation>
            <numerusform>%n retiring desktop whose date has come</numerusform>
            <numerusform>%n retiring desktops whose date has come</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobModel</name>
    <message numerus="yes">
        <source>Deletion of %Ln desktop(s)</source>
        <translation>
            <numerusform>Deletion of %Ln desktop</numerusform>
            <numerusform>Deletion of %Ln desktops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deleted</source>
        <comment>running count</comment>
        <translation>
            <numerusform>%Ln deleted</numerusform>
            <numerusform>%Ln deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <comment>running count</comment>
        <translation>
            <numerusform>%Ln failed</numerusform>
            <numerusform>%Ln failed</numerusform>
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
    <name>JobsPanel</name>
    <message numerus="yes">
        <source>Workspace Admin is following again %Ln deletion(s) interrupted when it was last closed.</source>
        <translation>
            <numerusform>Workspace Admin is following again %Ln deletion interrupted when it was last closed.</numerusform>
            <numerusform>Workspace Admin is following again %Ln deletions interrupted when it was last closed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of their desktops were never sent a deletion request, so they were not deleted: they are listed as not sent.</source>
        <translation>
            <numerusform>%Ln of their desktops was never sent a deletion request, so it was not deleted: it is listed as not sent.</numerusform>
            <numerusform>%Ln of their desktops were never sent a deletion request, so they were not deleted: they are listed as not sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln desktop result(s) to %1.</source>
        <translation>
            <numerusform>Exported %Ln desktop result to %1.</numerusform>
            <numerusform>Exported %Ln desktop results to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JournalCommand</name>
    <message numerus="yes">
        <source>Forgetting job %1 stops every follow-up of its %Ln desktop(s), whose outcome is then recorded nowhere: add --yes to confirm.</source>
        <translation>
            <numerusform>Forgetting job %1 stops every follow-up of its %Ln desktop, whose outcome is then recorded nowhere: add --yes to confirm.</numerusform>
            <numerusform>Forgetting job %1 stops every follow-up of its %Ln desktops, whose outcome is then recorded nowhere: add --yes to confirm.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JournalFollower</name>
    <message numerus="yes">
        <source>%Ln unfinished deletion job(s) or request(s) of %1 stay in the journal: the account has no such Workspace project.</source>
        <translation>
            <numerusform>%Ln unfinished deletion job or request of %1 stays in the journal: the account has no such Workspace project.</numerusform>
            <numerusform>%Ln unfinished deletion jobs or requests of %1 stay in the journal: the account has no such Workspace project.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeptDesktopsSection</name>
    <message numerus="yes">
        <source>These %Ln desktop(s) past their date are kept:</source>
        <translation>
            <numerusform>This %Ln desktop past its date is kept:</numerusform>
            <numerusform>These %Ln desktops past their date are kept:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListAllDesktopsCall</name>
    <message numerus="yes">
        <source>the listing did not finish in time (%Ln desktop(s) read)</source>
        <translation>
            <numerusform>the listing did not finish in time (%Ln desktop read)</numerusform>
            <numerusform>the listing did not finish in time (%Ln desktops read)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The service listed desktops more than once (%Ln duplicate(s)); each desktop is shown once.</source>
        <translation>
            <numerusform>The service listed desktops more than once (%Ln duplicate); each desktop is shown once.</numerusform>
            <numerusform>The service listed desktops more than once (%Ln duplicates); each desktop is shown once.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListAllUsageCall</name>
    <message numerus="yes">
        <source>the usage statistics did not arrive in time (%Ln desktop(s) read)</source>
        <translation>
            <numerusform>the usage statistics did not arrive in time (%Ln desktop read)</numerusform>
            <numerusform>the usage statistics did not arrive in time (%Ln desktops read)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s)</source>
        <translation>
            <numerusform>%Ln desktop</numerusform>
            <numerusform>%Ln desktops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln repeated entry(s)</source>
        <translation>
            <numerusform>%Ln repeated entry</numerusform>
            <numerusform>%Ln repeated entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %Ln more</source>
        <translation>
            <numerusform>%1 and %Ln more</numerusform>
            <numerusform>%1 and %Ln more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The service sent different usage statistics for the same desktop (%1): the usage of %Ln desktop(s) is unknown.</source>
        <translation>
            <numerusform>The service sent different usage statistics for the same desktop (%1): the usage of %Ln desktop is unknown.</numerusform>
            <numerusform>The service sent different usage statistics for the same desktop (%1): the usage of %Ln desktops is unknown.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListCommand</name>
    <message numerus="yes">
        <source>%Ln desktop(s).</source>
        <translation>
            <numerusform>%Ln desktop.</numerusform>
            <numerusform>%Ln desktops.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s)</source>
        <comment>count</comment>
        <translation>
            <numerusform>%Ln desktop</numerusform>
            <numerusform>%Ln desktops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loaded %Ln desktop(s)…</source>
        <comment>count</comment>
        <translation>
            <numerusform>Loaded %Ln desktop…</numerusform>
            <numerusform>Loaded %Ln desktops…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s) listed; the list is incomplete.</source>
        <translation>
            <numerusform>%Ln desktop listed; the list is incomplete.</numerusform>
            <numerusform>%Ln desktops listed; the list is incomplete.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loading the usage of the last %Ln day(s)…</source>
        <translation>
            <numerusform>Loading the usage of the last %Ln day…</numerusform>
            <numerusform>Loading the usage of the last %Ln days…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s) without usage statistics for the period (too new, or beyond the 180 days the service keeps) are not known to be idle and are not listed.</source>
        <translation>
            <numerusform>%Ln desktop without usage statistics for the period (too new, or beyond the 180 days the service keeps) is not known to be idle and is not listed.</numerusform>
            <numerusform>%Ln desktops without usage statistics for the period (too new, or beyond the 180 days the service keeps) are not known to be idle and are not listed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LostJobSearch</name>
    <message numerus="yes">
        <source>%n deletion jobs hold exactly these desktops; none can be told to be this request&apos;s.</source>
        <translation>
            <numerusform>%n deletion job holds exactly these desktops; it cannot be told to be this request&apos;s.</numerusform>
            <numerusform>%n deletion jobs hold exactly these desktops; none can be told to be this request&apos;s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Copied %Ln value(s).</source>
        <translation>
            <numerusform>Copied %Ln value.</numerusform>
            <numerusform>Copied %Ln values.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deletion(s) are still being submitted or followed.</source>
        <translation>
            <numerusform>%Ln deletion is still being submitted or followed.</numerusform>
            <numerusform>%Ln deletions are still being submitted or followed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s)</source>
        <comment>status bar</comment>
        <translation>
            <numerusform>%Ln desktop</numerusform>
            <numerusform>%Ln desktops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shown</source>
        <comment>status bar: desktops shown</comment>
        <translation>
            <numerusform>%Ln shown</numerusform>
            <numerusform>%Ln shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected</source>
        <comment>status bar: desktops selected</comment>
        <translation>
            <numerusform>%Ln selected</numerusform>
            <numerusform>%Ln selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Usage: last %Ln day(s)</source>
        <translation>
            <numerusform>Usage: last %Ln day</numerusform>
            <numerusform>Usage: last %Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Usage of the last %Ln day(s)</source>
        <translation>
            <numerusform>Usage of the last %Ln day</numerusform>
            <numerusform>Usage of the last %Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The message the users of %Ln desktop(s) see before they are logged off:</source>
        <translation>
            <numerusform>The message the users of %Ln desktop see before they are logged off:</numerusform>
            <numerusform>The message the users of %Ln desktops see before they are logged off:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Put %Ln desktop(s) in maintenance mode? Their users can no longer log in.</source>
        <translation>
            <numerusform>Put %Ln desktop in maintenance mode? Its users can no longer log in.</numerusform>
            <numerusform>Put %Ln desktops in maintenance mode? Their users can no longer log in.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Take %Ln desktop(s) out of maintenance mode? Their users can log in again.</source>
        <translation>
            <numerusform>Take %Ln desktop out of maintenance mode? Its users can log in again.</numerusform>
            <numerusform>Take %Ln desktops out of maintenance mode? Their users can log in again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Log the users of %Ln desktop(s) off? Work they have not saved may be lost.</source>
        <translation>
            <numerusform>Log the users of %Ln desktop off? Work they have not saved may be lost.</numerusform>
            <numerusform>Log the users of %Ln desktops off? Work they have not saved may be lost.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Idle ≥ %Ln day(s)</source>
        <comment>idle filter: at least N days</comment>
        <translation>
            <numerusform>Idle ≥ %Ln day</numerusform>
            <numerusform>Idle ≥ %Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s) left.</source>
        <translation>
            <numerusform>%Ln character left.</numerusform>
            <numerusform>%Ln characters left.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more</source>
        <translation>
            <numerusform>and %Ln more</numerusform>
            <numerusform>and %Ln more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of the pasted IDs or names matched no loaded desktop:</source>
        <translation>
            <numerusform>%Ln of the pasted IDs or names matched no loaded desktop:</numerusform>
            <numerusform>%Ln of the pasted IDs or names matched no loaded desktop:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s) restored: out of maintenance mode, started, and no longer retiring.</source>
        <translation>
            <numerusform>%Ln desktop restored: out of maintenance mode, started, and no longer retiring.</numerusform>
            <numerusform>%Ln desktops restored: out of maintenance mode, started, and no longer retiring.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s) were not carried through; the details name what was done to each.</source>
        <translation>
            <numerusform>%Ln desktop was not carried through; the details name what was done to it.</numerusform>
            <numerusform>%Ln desktops were not carried through; the details name what was done to each.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of the pasted IDs belong to desktops in more than one region and were not selected:</source>
        <translation>
            <numerusform>%Ln of the pasted IDs belongs to desktops in more than one region and was not selected:</numerusform>
            <numerusform>%Ln of the pasted IDs belong to desktops in more than one region and were not selected:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PagedListingCall</name>
    <message numerus="yes">
        <source>the listing did not finish in time (%Ln entries read)</source>
        <translation>
            <numerusform>the listing did not finish in time (%Ln entry read)</numerusform>
            <numerusform>the listing did not finish in time (%Ln entries read)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PoolAutoscaleCheck</name>
    <message numerus="yes">
        <source>%Ln pool id(s) cannot be used in a request (1 to 255 letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;.&apos; or &apos;:&apos;), so nothing is sent: %1</source>
        <translation>
            <numerusform>%Ln pool id cannot be used in a request (1 to 255 letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;.&apos; or &apos;:&apos;), so nothing is sent: %1</numerusform>
            <numerusform>%Ln pool ids cannot be used in a request (1 to 255 letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;.&apos; or &apos;:&apos;), so nothing is sent: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PoolMembershipLookUp</name>
    <message numerus="yes">
        <source>No pool was found to hold %Ln pooled desktop(s): %1</source>
        <translation>
            <numerusform>No pool was found to hold %Ln pooled desktop: %1</numerusform>
            <numerusform>No pool was found to hold %Ln pooled desktops: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message numerus="yes">
        <source>Connected: the project has %Ln desktop(s).</source>
        <translation>
            <numerusform>Connected: the project has %Ln desktop.</numerusform>
            <numerusform>Connected: the project has %Ln desktops.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordSettlement</name>
    <message numerus="yes">
        <source>The outcome of a deletion request for %n desktop(s) is unknown (the app ended while it was being sent); re-list them before deciding.</source>
        <translation>
            <numerusform>The outcome of a deletion request for %n desktop is unknown (the app ended while it was being sent); re-list it before deciding.</numerusform>
            <numerusform>The outcome of a deletion request for %n desktops is unknown (the app ended while it was being sent); re-list them before deciding.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A journal entry for %n desktop(s) could not be followed and was settled as &quot;outcome unknown&quot;.</source>
        <translation>
            <numerusform>A journal entry for %n desktop could not be followed and was settled as &quot;outcome unknown&quot;.</numerusform>
            <numerusform>A journal entry for %n desktops could not be followed and was settled as &quot;outcome unknown&quot;.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The outcome of a request (%1) for %n desktop(s) or pool(s) is unknown (the app ended while it was being sent); re-list them before deciding.</source>
        <translation>
            <numerusform>The outcome of a request (%1) for %n desktop or pool is unknown (the app ended while it was being sent); re-list it before deciding.</numerusform>
            <numerusform>The outcome of a request (%1) for %n desktops or pools is unknown (the app ended while it was being sent); re-list them before deciding.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RegionsCommand</name>
    <message numerus="yes">
        <source>The desktops of %Ln project(s) could not be counted.</source>
        <translation>
            <numerusform>The desktops of %Ln project could not be counted.</numerusform>
            <numerusform>The desktops of %Ln projects could not be counted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln Workspace project(s).</source>
        <translation>
            <numerusform>%Ln Workspace project.</numerusform>
            <numerusform>%Ln Workspace projects.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetirementRun</name>
    <message numerus="yes">
        <source>%1 of %n desktop(s) retired, %2 left half-way, %3 not changed.</source>
        <translation>
            <numerusform>%1 of %n desktop retired, %2 left half-way, %3 not changed.</numerusform>
            <numerusform>%1 of %n desktops retired, %2 left half-way, %3 not changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n desktop(s) restored, %2 left half-way, %3 not changed.</source>
        <translation>
            <numerusform>%1 of %n desktop restored, %2 left half-way, %3 not changed.</numerusform>
            <numerusform>%1 of %n desktops restored, %2 left half-way, %3 not changed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetirementSettlement</name>
    <message numerus="yes">
        <source>A restore started %1 (UTC) ended with the app before it finished; %Ln desktop(s) were left half-way:</source>
        <translation>
            <numerusform>A restore started %1 (UTC) ended with the app before it finished; %Ln desktop was left half-way:</numerusform>
            <numerusform>A restore started %1 (UTC) ended with the app before it finished; %Ln desktops were left half-way:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A retirement started %1 (UTC) ended with the app before it finished; %Ln desktop(s) were left half-way:</source>
        <translation>
            <numerusform>A retirement started %1 (UTC) ended with the app before it finished; %Ln desktop was left half-way:</numerusform>
            <numerusform>A retirement started %1 (UTC) ended with the app before it finished; %Ln desktops were left half-way:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerFilterDialog</name>
    <message numerus="yes">
        <source>%Ln desktop ID(s)</source>
        <comment>server filter</comment>
        <translation>
            <numerusform>%Ln desktop ID</numerusform>
            <numerusform>%Ln desktop IDs</numerusform>
        </translation>
    </message>
</context>
</TS>
