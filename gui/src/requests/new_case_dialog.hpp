// "New request": a form that writes CASE/request.json (and an empty records/ folder) through the
// engine, which refuses anything load_case would refuse. One line per address, phone or e-mail,
// since addresses hold commas.
#pragma once

#include "safesar/case_model.hpp"

#include <QDialog>

#include <filesystem>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;

namespace safesar::gui {

class NewCaseDialog : public QDialog {
    Q_OBJECT
  public:
    NewCaseDialog(const std::filesystem::path& workspace, QWidget* parent = nullptr);

    // The case the form describes (folder = workspace / reference).
    Case caseFromForm() const;
    // Writes it; on failure shows why and returns false.
    bool create();
    const std::filesystem::path& createdFolder() const { return created_; }

    // The form's fields, for the tests.
    QLineEdit* reference() const { return reference_; }
    QDateEdit* received() const { return received_; }
    QComboBox* profile() const { return profile_; }
    QLineEdit* subjectName() const { return subject_name_; }
    QPlainTextEdit* subjectAliases() const { return subject_aliases_; }
    QPlainTextEdit* subjectAddresses() const { return subject_addresses_; }
    QPlainTextEdit* subjectPhones() const { return subject_phones_; }
    QPlainTextEdit* subjectEmails() const { return subject_emails_; }
    QTableWidget* parties() const { return parties_; }
    void addParty(const QString& name, const QString& role);
    QLabel* errorLabel() const { return error_; }

  private:
    std::filesystem::path workspace_, created_;
    QLineEdit* reference_;
    QDateEdit* received_;
    QCheckBox* id_verified_set_;
    QDateEdit* id_verified_;
    QComboBox *profile_, *regime_, *holidays_;
    QLineEdit* subject_name_;
    QCheckBox* subject_dob_set_;
    QDateEdit* subject_dob_;
    QPlainTextEdit *subject_aliases_, *subject_addresses_, *subject_phones_, *subject_emails_;
    QTableWidget* parties_;
    QLabel* error_;
};

} // namespace safesar::gui
