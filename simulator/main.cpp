// workspace-sim: the Workspace API simulator as a stand-alone server for scripts, demos and manual
// tests. Prints its URL on one line when it is ready, then one log line per request on stderr.

#include "workspacesimulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {

QString text(const char *source)
{
    return QCoreApplication::translate("workspace-sim", source);
}

bool readNumber(const QCommandLineParser &parser, const QString &name, double minimum, double maximum,
                double *value, QString *error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const double parsed = parser.value(name).toDouble(&ok);
    if (!ok || parsed < minimum || parsed > maximum) {
        *error = text("--%1 must be a number from %2 to %3.").arg(name).arg(minimum).arg(maximum);
        return false;
    }
    *value = parsed;
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("workspace-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WORKSPACE_ADMIN_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        text("A local Huawei Cloud Workspace API server for tests and demos. Listens on 127.0.0.1 only.\n"
             "It answers with the documented fields, values, statuses and error codes. Where the documents "
             "leave an answer open, it gives one by default and the options marked \"Assumption\" give the "
             "other; docs/SIMULATOR-ASSUMPTIONS.md names every assumption."));
    parser.addHelpOption();
    parser.addVersionOption();
    const SimulatorConfig defaults;
    parser.addOptions({
        {QStringLiteral("port"), text("Port to listen on; 0 picks a free one."), QStringLiteral("N"), QStringLiteral("0")},
        {QStringLiteral("desktops"), text("Number of desktops to generate."), QStringLiteral("N"), QString::number(defaults.desktopCount)},
        {QStringLiteral("seed"), text("Seed of the generated desktops and fault shares."), QStringLiteral("S"), QString::number(defaults.seed)},
        {QStringLiteral("project-id"), text("Project id the requests must name."), QStringLiteral("P"), defaults.projectId},
        {QStringLiteral("region"), text("The project's name in the simulated IAM (GET /v3/projects)."), QStringLiteral("R"), defaults.region},
        {QStringLiteral("other-project"),
         text("Another project of the account behind the same server, as REGION:PROJECT_ID:DESKTOPS (REGION may be "
              "{region}_{suffix}, a sub-project); repeatable."),
         QStringLiteral("SPEC")},
        {QStringLiteral("access-key"), text("Access key (AK) the requests must be signed with."), QStringLiteral("AK")},
        {QStringLiteral("secret-key"), text("Secret key (SK) the requests must be signed with."), QStringLiteral("SK")},
        {QStringLiteral("tls-cert"), text("PEM certificate: serve https."), QStringLiteral("FILE")},
        {QStringLiteral("tls-key"), text("PEM private key of --tls-cert."), QStringLiteral("FILE")},
        {QStringLiteral("job-duration-ms"), text("How long one deletion sub-job takes."), QStringLiteral("MS"), QString::number(defaults.jobDurationMs)},
        {QStringLiteral("deleted-remain"), text("Assumption: deleted desktops stay listed with status DELETED.")},
        {QStringLiteral("not-found-status"),
         text("Assumption: the status (404 or 500) of an answer about an unknown desktop, job or pool."),
         QStringLiteral("STATUS"), QStringLiteral("404")},
        {QStringLiteral("addresses-as-array"),
         text("Assumption: send a desktop's addresses as the published example's array, not the documented map.")},
        {QStringLiteral("pool-id-in-listing"),
         text("Assumption: whether pooled desktops carry pool_id in the desktop listing (yes or no; no "
              "definition has it)."),
         QStringLiteral("YES|NO"), defaults.poolIdInDesktopDetails ? QStringLiteral("yes") : QStringLiteral("no")},
        {QStringLiteral("deletion-job-type"), text("Assumption: the job_type of a batch deletion."),
         QStringLiteral("NAME"), defaults.deletionJobType},
        {QStringLiteral("latency-ms"), text("Fault: delay every answer."), QStringLiteral("MS")},
        {QStringLiteral("throttle-share"), text("Fault: share (0-1) of requests answered 429."), QStringLiteral("SHARE")},
        {QStringLiteral("retry-after"), text("Fault: Retry-After seconds of a 429; -1 omits the header."), QStringLiteral("SECONDS")},
        {QStringLiteral("without-retry-after-share"), text("Fault: share (0-1) of the 429s sent without Retry-After."), QStringLiteral("SHARE")},
        {QStringLiteral("refuse-unconfirmed"),
         text("Assumption: refuse a whole batch deletion that holds a yearly/monthly desktop or a connected "
              "one (without is_force_delete) with this status (400 or 409), deleting nothing, instead of "
              "failing those desktops one by one."),
         QStringLiteral("STATUS")},
        {QStringLiteral("server-error-share"), text("Fault: share (0-1) of requests answered with a server error."), QStringLiteral("SHARE")},
        {QStringLiteral("server-error-status"), text("Fault: the server error status (500 or 503)."), QStringLiteral("STATUS")},
        {QStringLiteral("malformed-json"), text("Fault: successful answers carry malformed JSON.")},
        {QStringLiteral("truncated-json"), text("Fault: successful answers carry truncated JSON.")},
        {QStringLiteral("never-answer"), text("Fault: accept requests and never answer.")},
        {QStringLiteral("close-mid-body"), text("Fault: close the connection in the middle of the body.")},
        {QStringLiteral("fault-path"), text("Restrict faults to paths containing this text."), QStringLiteral("TEXT")},
        {QStringLiteral("fail-desktop"), text("Fault: the deletion of this desktop fails (repeatable)."), QStringLiteral("ID")},
    });
    parser.process(app);

    QTextStream err(stderr);
    const auto usageError = [&err](const QString &message) {
        err << message << Qt::endl;
        return 2;
    };

    SimulatorConfig config;
    config.projectId = parser.value(QStringLiteral("project-id"));
    config.region = parser.value(QStringLiteral("region"));
    config.accessKey = parser.value(QStringLiteral("access-key"));
    config.secretKey = parser.value(QStringLiteral("secret-key"));
    if (config.accessKey.isEmpty() || config.secretKey.isEmpty())
        return usageError(text("--access-key and --secret-key are required."));
    config.deletedDesktopsRemain = parser.isSet(QStringLiteral("deleted-remain"));
    config.addressesAsArray = parser.isSet(QStringLiteral("addresses-as-array"));
    const QString poolIdInListing = parser.value(QStringLiteral("pool-id-in-listing"));
    if (poolIdInListing != QLatin1String("yes") && poolIdInListing != QLatin1String("no"))
        return usageError(text("--pool-id-in-listing must be yes or no."));
    config.poolIdInDesktopDetails = poolIdInListing == QLatin1String("yes");
    config.deletionJobType = parser.value(QStringLiteral("deletion-job-type"));
    if (config.deletionJobType.isEmpty() || config.deletionJobType.size() > 55)
        return usageError(text("--deletion-job-type must have 1 to 55 characters."));
    const QString notFoundStatus = parser.value(QStringLiteral("not-found-status"));
    if (notFoundStatus == QLatin1String("500"))
        config.notFoundAnswer = NotFoundAnswer::Status500;
    else if (notFoundStatus != QLatin1String("404"))
        return usageError(text("--not-found-status must be 404 or 500."));
    if (parser.isSet(QStringLiteral("refuse-unconfirmed"))) {
        const QString status = parser.value(QStringLiteral("refuse-unconfirmed"));
        if (status == QLatin1String("400"))
            config.unconfirmedDeletion = UnconfirmedDeletion::RefuseWholeCall400;
        else if (status == QLatin1String("409"))
            config.unconfirmedDeletion = UnconfirmedDeletion::RefuseWholeCall409;
        else
            return usageError(text("--refuse-unconfirmed must be 400 or 409."));
    }

    QString error;
    double port = 0;
    double desktops = config.desktopCount;
    double seed = config.seed;
    double jobDuration = config.jobDurationMs;
    SimulatorFaults faults;
    double latency = 0;
    double retryAfter = faults.retryAfterSeconds;
    double serverErrorStatus = faults.serverErrorStatus;
    if (!readNumber(parser, QStringLiteral("port"), 0, 65535, &port, &error)
        || !readNumber(parser, QStringLiteral("desktops"), 0, 1000000, &desktops, &error)
        || !readNumber(parser, QStringLiteral("seed"), 0, 4294967295.0, &seed, &error)
        || !readNumber(parser, QStringLiteral("job-duration-ms"), 1, 3600000, &jobDuration, &error)
        || !readNumber(parser, QStringLiteral("latency-ms"), 0, 600000, &latency, &error)
        || !readNumber(parser, QStringLiteral("throttle-share"), 0, 1, &faults.throttleShare, &error)
        || !readNumber(parser, QStringLiteral("without-retry-after-share"), 0, 1, &faults.withoutRetryAfterShare, &error)
        || !readNumber(parser, QStringLiteral("retry-after"), -1, 3600, &retryAfter, &error)
        || !readNumber(parser, QStringLiteral("server-error-share"), 0, 1, &faults.serverErrorShare, &error)
        || !readNumber(parser, QStringLiteral("server-error-status"), 500, 599, &serverErrorStatus, &error))
        return usageError(error);
    config.desktopCount = static_cast<int>(desktops);
    config.seed = static_cast<quint32>(seed);
    config.jobDurationMs = static_cast<int>(jobDuration);
    faults.latencyMs = static_cast<int>(latency);
    faults.retryAfterSeconds = static_cast<int>(retryAfter);
    faults.serverErrorStatus = static_cast<int>(serverErrorStatus);
    faults.malformedJson = parser.isSet(QStringLiteral("malformed-json"));
    faults.truncatedJson = parser.isSet(QStringLiteral("truncated-json"));
    faults.neverAnswer = parser.isSet(QStringLiteral("never-answer"));
    faults.closeMidBody = parser.isSet(QStringLiteral("close-mid-body"));
    faults.pathFilter = parser.value(QStringLiteral("fault-path"));
    faults.failingDesktopIds = parser.values(QStringLiteral("fail-desktop"));

    WorkspaceSimulator simulator(config);
    simulator.setFaults(faults);
    for (const QString &spec : parser.values(QStringLiteral("other-project"))) {
        const QStringList parts = spec.split(QLatin1Char(':'));
        bool countOk = false;
        const int count = parts.size() == 3 ? parts.at(2).toInt(&countOk) : 0;
        if (!countOk || count < 0 || count > 1000000 || parts.at(0).isEmpty() || parts.at(1).isEmpty())
            return usageError(text("--other-project takes REGION:PROJECT_ID:DESKTOPS, not “%1”.").arg(spec));
        SimulatorConfig other = config;
        other.region = parts.at(0);
        other.projectId = parts.at(1);
        other.desktopCount = count;
        other.stateFilePath.clear();
        simulator.addProject(other);
    }
    const QString certificate = parser.value(QStringLiteral("tls-cert"));
    const QString key = parser.value(QStringLiteral("tls-key"));
    if (certificate.isEmpty() != key.isEmpty())
        return usageError(text("--tls-cert and --tls-key go together."));
    if (!certificate.isEmpty() && !simulator.setupTls(certificate, key, &error))
        return usageError(error);
    if (!simulator.listen(static_cast<quint16>(port))) {
        err << text("Cannot listen on 127.0.0.1 port %1.").arg(static_cast<int>(port)) << Qt::endl;
        return 1;
    }

    // Method, path and status only: queries may name users, headers carry the signature.
    QObject::connect(&simulator, &WorkspaceSimulator::requestHandled, &app,
                     [&err](const QByteArray &method, const QString &path, int status) {
                         err << QString::fromLatin1(method) << ' ' << path << ' '
                             << (status == 0 ? QStringLiteral("(no answer)") : QString::number(status)) << Qt::endl;
                     });

    QTextStream out(stdout);
    out << simulator.url().toString() << Qt::endl;
    return app.exec();
}
