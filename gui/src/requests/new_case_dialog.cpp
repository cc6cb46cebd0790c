#include "requests/new_case_dialog.hpp"

#include "safesar/data_dir.hpp"
#include "safesar/enum_names.hpp"
#include "safesar/profiles.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStringList>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <type_traits>

namespace safesar::gui {

namespace {

enum PartyColumn {
    Name,
    RoleColumn,
    Aliases,
    Addresses,
    Phones,
    Emails,
    School,
    Workplace,
    Organisation,
    ChildOfSubject,
    Disclose,
    PartyColumns
};

// The choices of a combo box: the enum's table of names (enum_names.hpp), each item's text the
// name, its data the value, so the form never keeps a second table of names.
template <typename Enum, std::size_t N>
void add_choices(QComboBox* box, const EnumNames<Enum, N>& names,
                 std::type_identity_t<std::optional<Enum>> excluded = std::nullopt) {
    for (const auto& [value, name] : names.entries)
        if (value != excluded) box->addItem(name, static_cast<int>(value));
}

template <typename Enum> Enum chosen(const QComboBox* box) {
    return static_cast<Enum>(box->currentData().toInt());
}

std::vector<std::string> lines_of(const QString& text, QChar separator = '\n') {
    std::vector<std::string> out;
    for (const QString& line : text.split(separator, Qt::SkipEmptyParts))
        if (!line.trimmed().isEmpty()) out.push_back(line.trimmed().toStdString());
    return out;
}

QPlainTextEdit* list_edit(const QString& accessible) {
    auto* e = new QPlainTextEdit;
    e->setAccessibleName(accessible);
    e->setTabChangesFocus(true);
    e->setMaximumHeight(54);
    e->setPlaceholderText(QObject::tr("one per line"));
    return e;
}

Date date_of(const QDate& d) {
    return {d.year(), d.month(), d.day()};
}

// A date the form asks for only when it is known: the check box enables it. Returns their row.
QHBoxLayout* optional_date(QCheckBox* known, QDateEdit* date) {
    date->setDisplayFormat("yyyy-MM-dd");
    date->setEnabled(false);
    QObject::connect(known, &QCheckBox::toggled, date, &QWidget::setEnabled);
    auto* row = new QHBoxLayout;
    row->addWidget(known);
    row->addWidget(date);
    return row;
}

// The profiles of the dictionaries folder, as files say them (a controller's own included):
// each item's text is the file's label, its data the profile's name, its tooltip the file.
// Returns the files that could not be offered, each with what is wrong with it.
QStringList add_profiles(QComboBox* box) {
    QStringList problems;
    try {
        const ProfileList list = list_profiles(dictionaries_dir());
        for (const ProfileInfo& p : list.profiles) {
            box->addItem(QString::fromStdString(p.label), QString::fromStdString(p.name));
            box->setItemData(box->count() - 1, QString::fromStdString(p.file.string()),
                             Qt::ToolTipRole);
        }
        for (const DataError& e : list.problems)
            problems << QString::fromStdString(e.what());
    } catch (const DataError& e) {
        problems << QString::fromStdString(e.what());
    }
    box->setCurrentIndex(std::max(0, box->findData(QStringLiteral("standard"))));
    return problems;
}

} // namespace

NewCaseDialog::NewCaseDialog(const std::filesystem::path& workspace, QWidget* parent)
    : QDialog(parent), workspace_(workspace) {
    setWindowTitle(tr("New subject access request"));
    reference_ = new QLineEdit;
    reference_->setAccessibleName(tr("Reference"));
    received_ = new QDateEdit(QDate::currentDate());
    received_->setCalendarPopup(true);
    received_->setDisplayFormat("yyyy-MM-dd");
    id_verified_set_ = new QCheckBox(tr("identity verified on"));
    id_verified_ = new QDateEdit(QDate::currentDate());
    QHBoxLayout* id_row = optional_date(id_verified_set_, id_verified_);
    profile_ = new QComboBox;
    profile_->setAccessibleName(tr("Profile"));
    const QStringList profile_problems = add_profiles(profile_);
    regime_ = new QComboBox;
    add_choices(regime_, regime_names);
    holidays_ = new QComboBox;
    add_choices(holidays_, holiday_region_names);

    auto* request = new QGroupBox(tr("Request"));
    auto* rf = new QFormLayout(request);
    rf->addRow(tr("&Reference:"), reference_);
    rf->addRow(tr("Re&ceived:"), received_);
    rf->addRow(QString(), id_row);
    rf->addRow(tr("&Profile:"), profile_);
    rf->addRow(tr("Re&gime:"), regime_);
    rf->addRow(tr("&Bank holidays:"), holidays_);

    subject_name_ = new QLineEdit;
    subject_name_->setAccessibleName(tr("Requester's full name"));
    subject_dob_set_ = new QCheckBox(tr("born on"));
    subject_dob_ = new QDateEdit(QDate(1980, 1, 1));
    QHBoxLayout* dob_row = optional_date(subject_dob_set_, subject_dob_);
    subject_aliases_ = list_edit(tr("Requester's other names"));
    subject_addresses_ = list_edit(tr("Requester's addresses"));
    subject_phones_ = list_edit(tr("Requester's phone numbers"));
    subject_emails_ = list_edit(tr("Requester's e-mail addresses"));
    auto* subject = new QGroupBox(tr("Requester (the data subject)"));
    auto* sf = new QFormLayout(subject);
    sf->addRow(tr("&Name:"), subject_name_);
    sf->addRow(QString(), dob_row);
    sf->addRow(tr("Other &names:"), subject_aliases_);
    sf->addRow(tr("A&ddresses:"), subject_addresses_);
    sf->addRow(tr("P&hones:"), subject_phones_);
    sf->addRow(tr("E-&mails:"), subject_emails_);

    parties_ = new QTableWidget(0, PartyColumns);
    parties_->setAccessibleName(tr("Other people in the records"));
    parties_->setHorizontalHeaderLabels({tr("Name"), tr("Role"), tr("Other names (;)"),
                                         tr("Addresses (;)"), tr("Phones (;)"), tr("E-mails (;)"),
                                         tr("School"), tr("Workplace"), tr("Organisation"),
                                         tr("Requester's child"), tr("May disclose")});
    parties_->horizontalHeader()->setStretchLastSection(true);
    auto* add = new QPushButton(tr("&Add person"));
    auto* remove = new QPushButton(tr("Re&move person"));
    connect(add, &QPushButton::clicked, this, [this] { addParty({}, "victim"); });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (parties_->currentRow() >= 0) parties_->removeRow(parties_->currentRow());
    });
    auto* party_buttons = new QHBoxLayout;
    party_buttons->addWidget(add);
    party_buttons->addWidget(remove);
    party_buttons->addStretch();
    auto* people = new QGroupBox(tr("Other people in the records (third parties)"));
    auto* pl = new QVBoxLayout(people);
    pl->addWidget(parties_);
    pl->addLayout(party_buttons);

    error_ = new QLabel;
    error_->setWordWrap(true);
    error_->setStyleSheet("color: #a00000");
    // A profile file the controller added but got wrong is said here, not silently left out.
    if (!profile_problems.isEmpty())
        error_->setText(tr("Profiles not offered:\n%1").arg(profile_problems.join('\n')));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create request"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (create()) accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* top = new QHBoxLayout;
    top->addWidget(request);
    top->addWidget(subject, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(people, 1);
    layout->addWidget(error_);
    layout->addWidget(buttons);
    resize(1000, 640);
}

void NewCaseDialog::addParty(const QString& name, const QString& role) {
    const int row = parties_->rowCount();
    parties_->insertRow(row);
    parties_->setItem(row, Name, new QTableWidgetItem(name));
    auto* roles = new QComboBox;
    add_choices(roles, role_names, Role::Subject); // a party is never the subject
    roles->setCurrentText(role);
    parties_->setCellWidget(row, RoleColumn, roles);
    for (int c : {ChildOfSubject, Disclose}) {
        auto* item = new QTableWidgetItem;
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(Qt::Unchecked);
        parties_->setItem(row, c, item);
    }
    parties_->setCurrentCell(row, Name);
}

Case NewCaseDialog::caseFromForm() const {
    Case c;
    c.reference = reference_->text().trimmed().toStdString();
    c.folder = workspace_ / (c.reference.empty() ? "new-request" : c.output_stem());
    c.received = date_of(received_->date());
    if (id_verified_set_->isChecked()) c.id_verified = date_of(id_verified_->date());
    c.profile = profile_->currentData().toString().toStdString();
    c.regime = chosen<Regime>(regime_);
    c.holidays = chosen<HolidayRegion>(holidays_);
    c.subject.role = Role::Subject;
    c.subject.name = subject_name_->text().trimmed().toStdString();
    if (subject_dob_set_->isChecked()) c.subject.dob = date_of(subject_dob_->date());
    c.subject.aliases = lines_of(subject_aliases_->toPlainText());
    c.subject.addresses = lines_of(subject_addresses_->toPlainText());
    c.subject.phones = lines_of(subject_phones_->toPlainText());
    c.subject.emails = lines_of(subject_emails_->toPlainText());
    for (int row = 0; row < parties_->rowCount(); ++row) {
        auto text = [&](int col) {
            const QTableWidgetItem* item = parties_->item(row, col);
            return item ? item->text().trimmed() : QString();
        };
        if (text(Name).isEmpty()) continue;
        Person p;
        p.name = text(Name).toStdString();
        const auto* roles = qobject_cast<QComboBox*>(parties_->cellWidget(row, RoleColumn));
        p.role = roles ? chosen<Role>(roles) : Role::Other;
        p.aliases = lines_of(text(Aliases), ';');
        p.addresses = lines_of(text(Addresses), ';');
        p.phones = lines_of(text(Phones), ';');
        p.emails = lines_of(text(Emails), ';');
        p.school = text(School).toStdString();
        p.workplace = text(Workplace).toStdString();
        p.organisation = text(Organisation).toStdString();
        const QTableWidgetItem* child = parties_->item(row, ChildOfSubject);
        const QTableWidgetItem* disclose = parties_->item(row, Disclose);
        p.child_of_subject = child && child->checkState() == Qt::Checked;
        p.disclose = disclose && disclose->checkState() == Qt::Checked;
        c.parties.push_back(std::move(p));
    }
    return c;
}

bool NewCaseDialog::create() {
    try {
        const Case c = caseFromForm();
        create_case_folder(c);
        created_ = c.folder;
        error_->clear();
        return true;
    } catch (const std::exception& e) {
        error_->setText(QString::fromStdString(e.what()));
        return false;
    }
}

} // namespace safesar::gui
