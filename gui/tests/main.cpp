// The GUI tests: Catch2 with a QApplication, run under Qt's offscreen platform on a screen of
// 1280 x 720, the smallest a reviewer is expected to have: everything must be usable there.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>
#include <QDir>
#include <QFile>

#include <csignal>
#include <execinfo.h>
#include <unistd.h>

namespace {

// A crash in a test (a heap found corrupt at exit, say) prints where it happened before the
// process dies, so a failure seen once in CI can be traced: "binary(+offset)" lines for
// `addr2line -f -C -e BINARY OFFSET`. Only async-signal-safe calls here; backtrace() loads what
// it needs once at start, not in the handler.
extern "C" void print_stack_and_die(int sig) {
    void* frames[64];
    const int n = backtrace(frames, 64);
    static const char head[] = "\nsafesar_gui_tests: fatal signal, stack:\n";
    [[maybe_unused]] const auto written = write(STDERR_FILENO, head, sizeof head - 1);
    backtrace_symbols_fd(frames, n, STDERR_FILENO);
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

void print_stack_on_crash() {
    void* warm[1];
    backtrace(warm, 1);
    for (const int sig : {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL})
        std::signal(sig, print_stack_and_die);
}

} // namespace

int main(int argc, char** argv) {
    print_stack_on_crash();
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    if (platform.isEmpty() || platform == "offscreen") {
        const QString config = QDir::temp().filePath(
            QString("safesar-gui-tests-screen-%1.json").arg(QCoreApplication::applicationPid()));
        QFile file(config);
        if (!file.open(QIODevice::WriteOnly)) return 2;
        file.write(R"({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1280,
                       "height": 720, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})");
        file.close();
        qputenv("QT_QPA_PLATFORM", ("offscreen:configfile=" + config).toUtf8());
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName("SafeSAR-tests"); // never the user's settings
    const int result = Catch::Session().run(argc, argv);
    if (platform.isEmpty() || platform == "offscreen")
        QFile::remove(QString::fromUtf8(qgetenv("QT_QPA_PLATFORM")).section('=', 1));
    return result;
}
