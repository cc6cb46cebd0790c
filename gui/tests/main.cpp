// The GUI tests: Catch2 with a QApplication, run under Qt's offscreen platform on a screen of
// 1280 x 720, the smallest a reviewer is expected to have: everything must be usable there.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>
#include <QDir>
#include <QFile>

int main(int argc, char** argv) {
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
