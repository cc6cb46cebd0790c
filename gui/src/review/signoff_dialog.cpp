#include "review/signoff_dialog.hpp"

#include "app/local_time.hpp"
#include "app/window_fit.hpp"
#include "review/case_session.hpp"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace safesar::gui {

SignoffDialog::SignoffDialog(CaseSession* session, QWidget* parent) : QDialog(parent) {
    const ReviewStatus& s = session->status();
    setWindowTitle(
        tr("Sign off the review — %1").arg(QString::fromStdString(session->request().reference)));
    auto* who = new QLabel(tr("You sign as <b>%1</b>, the account you are logged in as.")
                               .arg(session->reviewer().toHtmlEscaped()));
    who->setWordWrap(true);

    auto count = [](int n) { return QString::number(n); };
    QStringList withheld;
    for (const std::string& r : s.withheld_records)
        withheld << QString::fromStdString(r).toHtmlEscaped();
    QStringList signers;
    for (const SignOff& o : s.signoffs)
        if (o.current)
            signers << tr("%1, %2").arg(QString::fromStdString(s.who(o.reviewer)).toHtmlEscaped(),
                                        local_time(o.at));
    const int manual = s.manual;
    QString html = tr("<b>What you are signing</b><table cellspacing=4>");
    auto row = [&](const QString& what, const QString& value) {
        html += "<tr><td>" + what + "</td><td><b>" + value + "</b></td></tr>";
    };
    row(tr("Proposed redactions that will be redacted"), count(s.to_redact));
    row(tr("Proposed redactions kept by a reviewer"), count(s.kept_by_reviewer));
    row(tr("Proposed redactions still undecided"), count(s.undecided));
    row(tr("Manual redactions"), count(manual));
    row(tr("Records withheld in full"),
        count(static_cast<int>(withheld.size())) +
            (withheld.isEmpty() ? QString() : "<br>" + withheld.join("<br>")));
    if (s.records_released > 0)
        row(tr("Records withheld in full by the policy, released by a reviewer"),
            count(s.records_released));
    row(tr("Risks open / acknowledged"),
        tr("%1 / %2").arg(s.open_risks.size()).arg(s.acknowledged_risks));
    row(tr("Pages read"), tr("%1 of %2%3")
                              .arg(s.pages_read)
                              .arg(s.pages_total)
                              .arg(s.pages_must_be_read ? tr(" (all needed)") : QString()));
    row(tr("Signed already (this state)"), signers.isEmpty() ? tr("nobody") : signers.join("<br>"));
    html += "</table>";
    summary_ = new QLabel(html);
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    summary_->setAccessibleName(tr("What you are signing"));

    const QString why = session->signOffRefusal();
    refusal_ = new QLabel(
        why.isEmpty() ? QString() : tr("<b>You cannot sign yet:</b> %1.").arg(why.toHtmlEscaped()));
    refusal_->setWordWrap(true);
    refusal_->setVisible(!why.isEmpty());

    comment_ = new QLineEdit;
    comment_->setAccessibleName(tr("Comment"));
    comment_->setPlaceholderText(tr("optional; kept in the case's state, never in the bundle"));
    auto* form = new QFormLayout;
    form->addRow(tr("&Comment:"), comment_);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QString name = session->reviewer();
    sign_ = buttons->addButton(tr("Sign off as %1").arg(name.replace("&", "&&")),
                               QDialogButtonBox::AcceptRole);
    sign_->setEnabled(why.isEmpty());
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(who);
    layout->addWidget(scrolling_page(summary_), 1);
    layout->addWidget(refusal_);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(520);
    fit_dialog(this);
}

QString SignoffDialog::comment() const {
    return comment_->text().trimmed();
}

} // namespace safesar::gui
