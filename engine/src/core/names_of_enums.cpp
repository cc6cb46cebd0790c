// Human-readable names of the engine's enums, as request.json and reports spell them.
#include "safesar/case_model.hpp"
#include "safesar/document.hpp"

namespace safesar {

const char* to_string(Role r) {
    switch (r) {
    case Role::Subject: return "subject";
    case Role::Victim: return "victim";
    case Role::Child: return "child";
    case Role::Partner: return "partner";
    case Role::Family: return "family";
    case Role::Staff: return "staff";
    case Role::Professional: return "professional";
    case Role::Other: return "other";
    }
    return "other";
}

const char* to_string(Regime r) {
    switch (r) {
    case Regime::UkGdpr: return "uk-gdpr";
    case Regime::EuGdpr: return "eu-gdpr";
    case Regime::Dpa1998: return "dpa1998";
    case Regime::Ccpa: return "ccpa";
    }
    return "uk-gdpr";
}

const char* to_string(HolidayRegion h) {
    switch (h) {
    case HolidayRegion::EnglandAndWales: return "england-and-wales";
    case HolidayRegion::Scotland: return "scotland";
    case HolidayRegion::NorthernIreland: return "northern-ireland";
    }
    return "england-and-wales";
}

const char* to_string(RecordKind k) {
    switch (k) {
    case RecordKind::Pdf: return "pdf";
    case RecordKind::Text: return "text";
    case RecordKind::Email: return "email";
    case RecordKind::Csv: return "csv";
    case RecordKind::Image: return "image";
    case RecordKind::Document: return "document";
    case RecordKind::Spreadsheet: return "spreadsheet";
    case RecordKind::WebPage: return "web-page";
    case RecordKind::Unknown: return "unknown";
    }
    return "unknown";
}

const char* to_string(SectionKind k) {
    switch (k) {
    case SectionKind::PageText: return "page";
    case SectionKind::Metadata: return "metadata";
    case SectionKind::Annotation: return "annotation";
    case SectionKind::FormField: return "form-field";
    case SectionKind::Header: return "header";
    case SectionKind::Body: return "body";
    case SectionKind::Row: return "row";
    }
    return "body";
}

} // namespace safesar
