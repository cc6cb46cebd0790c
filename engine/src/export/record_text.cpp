#include "export/record_text.hpp"

#include "export/page_view.hpp"

#include <algorithm>
#include <set>

namespace safesar::exporting {

namespace {
std::vector<LabelledPieces> labelled(const SectionSpans& spans, std::size_t index) {
    const Section& s = spans.disclosure().record->sections[index];
    std::vector<LabelledPieces> out;
    for (const Field& f : s.fields)
        out.push_back({shown_label(spans, index, f), redact_slice(spans, index, f.begin, f.end)});
    if (s.fields.empty()) out.push_back({"", redact_slice(spans, index, 0, s.text.size())});
    return out;
}
} // namespace

RecordText record_text(const SectionSpans& spans) {
    const Record& record = *spans.disclosure().record;
    RecordText out;
    std::set<int> pages;
    for (std::size_t i = 0; i < record.sections.size(); ++i) {
        const Section& s = record.sections[i];
        if (!shown_as_text(s)) continue;
        switch (s.kind) {
        case SectionKind::Header: {
            auto fields = labelled(spans, i);
            out.headers.insert(out.headers.end(), fields.begin(), fields.end());
            break;
        }
        case SectionKind::Row:
            out.rows.push_back(labelled(spans, i));
            break;
        case SectionKind::Body:
            out.bodies.push_back(redact_slice(spans, i, 0, s.text.size()));
            break;
        case SectionKind::PageText:
            pages.insert(s.page);
            break;
        case SectionKind::Metadata:
        case SectionKind::Annotation:
        case SectionKind::FormField:
            break; // document comments are laid out by document_text
        }
    }
    for (int page : pages)
        out.pages.push_back({page, PageView(spans, page).text_pieces()});
    return out;
}

} // namespace safesar::exporting
