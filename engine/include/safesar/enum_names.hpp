// The names of the engine's enums, one table per enum. Both directions read the same table:
// to_string(E) (request.json, reports, JSON, the review database, the command line) and
// parsing a name back, so the two cannot drift apart. The names are part of the file formats:
// change one only with the formats that store it.
#pragma once

#include "safesar/batch.hpp"
#include "safesar/case_export.hpp"
#include "safesar/case_model.hpp"
#include "safesar/deadline.hpp"
#include "safesar/detect.hpp"
#include "safesar/document.hpp"
#include "safesar/policy.hpp"
#include "safesar/review.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace safesar {

template <typename E> struct EnumName {
    E value;
    const char* name;
};

template <typename E, std::size_t N> struct EnumNames {
    std::array<EnumName<E>, N> entries; // in declaration order
    const char* otherwise;              // for a value outside the enum (a cast from a bad int)

    constexpr const char* name(E value) const {
        for (const EnumName<E>& e : entries)
            if (e.value == value) return e.name;
        return otherwise;
    }
    constexpr std::optional<E> parse(std::string_view text) const {
        for (const EnumName<E>& e : entries)
            if (text == e.name) return e.value;
        return std::nullopt;
    }
    std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (const EnumName<E>& e : entries)
            out.emplace_back(e.name);
        return out;
    }
};

// enum_names<Role>({{Role::Subject, "subject"}, ...}, "other"): the count is deduced.
template <typename E, std::size_t N>
constexpr EnumNames<E, N> enum_names(const EnumName<E> (&entries)[N], const char* otherwise) {
    EnumNames<E, N> out{{}, otherwise};
    for (std::size_t i = 0; i < N; ++i)
        out.entries[i] = entries[i];
    return out;
}

// ---- case_model.hpp: request.json ----

inline constexpr auto role_names = enum_names<Role>({{Role::Subject, "subject"},
                                                     {Role::Victim, "victim"},
                                                     {Role::Child, "child"},
                                                     {Role::Partner, "partner"},
                                                     {Role::Family, "family"},
                                                     {Role::Staff, "staff"},
                                                     {Role::Professional, "professional"},
                                                     {Role::Other, "other"}},
                                                    "other");

inline constexpr auto regime_names = enum_names<Regime>({{Regime::UkGdpr, "uk-gdpr"},
                                                         {Regime::EuGdpr, "eu-gdpr"},
                                                         {Regime::Dpa1998, "dpa1998"},
                                                         {Regime::Ccpa, "ccpa"}},
                                                        "uk-gdpr");

// Also the stems of dictionaries/bank-holidays/<region>.json.
inline constexpr auto holiday_region_names =
    enum_names<HolidayRegion>({{HolidayRegion::EnglandAndWales, "england-and-wales"},
                               {HolidayRegion::Scotland, "scotland"},
                               {HolidayRegion::NorthernIreland, "northern-ireland"}},
                              "england-and-wales");

// ---- deadline.hpp ----

inline constexpr auto weekday_names = enum_names<Weekday>({{Weekday::Monday, "Monday"},
                                                           {Weekday::Tuesday, "Tuesday"},
                                                           {Weekday::Wednesday, "Wednesday"},
                                                           {Weekday::Thursday, "Thursday"},
                                                           {Weekday::Friday, "Friday"},
                                                           {Weekday::Saturday, "Saturday"},
                                                           {Weekday::Sunday, "Sunday"}},
                                                          "?");

// ---- document.hpp: the export's JSON and reports ----

inline constexpr auto record_kind_names =
    enum_names<RecordKind>({{RecordKind::Pdf, "pdf"},
                            {RecordKind::Text, "text"},
                            {RecordKind::Email, "email"},
                            {RecordKind::Csv, "csv"},
                            {RecordKind::Image, "image"},
                            {RecordKind::Document, "document"},
                            {RecordKind::Spreadsheet, "spreadsheet"},
                            {RecordKind::WebPage, "web-page"},
                            {RecordKind::Unknown, "unknown"}},
                           "unknown");

inline constexpr auto section_kind_names =
    enum_names<SectionKind>({{SectionKind::PageText, "page"},
                             {SectionKind::Metadata, "metadata"},
                             {SectionKind::Annotation, "annotation"},
                             {SectionKind::FormField, "form-field"},
                             {SectionKind::Header, "header"},
                             {SectionKind::Body, "body"},
                             {SectionKind::Row, "row"}},
                            "body");

// ---- detect.hpp: findings, policies and the command line ----
// to_string(Category) and all_categories() (detect/detector.cpp) read this table.
inline constexpr auto category_names =
    enum_names<Category>({{Category::Name, "name"},
                          {Category::Address, "address"},
                          {Category::Postcode, "postcode"},
                          {Category::Phone, "phone"},
                          {Category::Email, "email"},
                          {Category::DateOfBirth, "date-of-birth"},
                          {Category::School, "school"},
                          {Category::Workplace, "workplace"},
                          {Category::Vehicle, "vehicle"},
                          {Category::Reference, "reference"},
                          {Category::IdNumber, "id-number"},
                          {Category::Financial, "financial"},
                          {Category::Online, "online"},
                          {Category::SpecialCategory, "special-category"},
                          {Category::Safety, "safety"}},
                         "name");

// ---- policy.hpp: policy files and the review database ----

inline constexpr auto action_names = enum_names<Action>(
    {{Action::Keep, "keep"}, {Action::Redact, "redact"}, {Action::Review, "review"}}, "keep");

// ---- review.hpp ----

inline constexpr auto finding_status_names =
    enum_names<FindingStatus>({{FindingStatus::New, "new"},
                               {FindingStatus::Open, "open"},
                               {FindingStatus::Approved, "approved"},
                               {FindingStatus::Rejected, "rejected"},
                               {FindingStatus::Changed, "changed"},
                               {FindingStatus::Gone, "gone"}},
                              "open");

// As the review database stores a decision's verdict.
inline constexpr auto verdict_names = enum_names<Verdict>({{Verdict::Approve, "approve"},
                                                           {Verdict::Reject, "reject"},
                                                           {Verdict::ChangeSpan, "span"},
                                                           {Verdict::Reopen, "reopen"}},
                                                          "approve");

inline constexpr auto case_stage_names =
    enum_names<CaseStage>({{CaseStage::New, "new"},
                           {CaseStage::Scanned, "scanned"},
                           {CaseStage::InReview, "in review"},
                           {CaseStage::SignedOff, "signed off"},
                           {CaseStage::Exported, "exported"}},
                          "new");

// ---- case_export.hpp, batch.hpp ----

inline constexpr auto export_stage_names =
    enum_names<ExportStage>({{ExportStage::Scanning, "scanning"},
                             {ExportStage::Writing, "writing"},
                             {ExportStage::Verifying, "verifying"}},
                            "exporting");

inline constexpr auto case_status_names =
    enum_names<CaseStatus>({{CaseStatus::Done, "done"},
                            {CaseStatus::Incomplete, "incomplete"},
                            {CaseStatus::Failed, "failed"},
                            {CaseStatus::NotRun, "not-run"}},
                           "not-run");

} // namespace safesar
