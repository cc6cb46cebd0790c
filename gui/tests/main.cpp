// The GUI tests: Catch2 with a QApplication, run under QT_QPA_PLATFORM=offscreen.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QApplication::setOrganizationName("SafeSAR-tests"); // never the user's settings
    return Catch::Session().run(argc, argv);
}
