#include "record_rules.hpp"

#include "../detect/folded_text.hpp"
#include "safesar/errors.hpp"

#include <algorithm>
#include <fstream>

namespace safesar {

using nlohmann::json;

std::vector<WithholdRule> load_withhold_rules(const std::filesystem::path& dir,
                                              const json& entries) {
    const auto file = dir / "policies" / "withhold-rules.json";
    std::ifstream in(file);
    if (!in) throw DataError(file.string(), "cannot be read");
    json doc = json::parse(in, nullptr, false);
    if (doc.is_discarded()) throw DataError(file.string(), "not valid JSON");
    std::vector<WithholdRule> out;
    for (const auto& e : entries) {
        WithholdRule r;
        r.id = e.at("rule");
        r.reason = e.at("reason");
        r.roles = e.value("roles", std::vector<std::string>{});
        if (r.id != "mail-from-role") {
            if (!doc["rules"].contains(r.id))
                throw DataError(file.string(), "no rule named \"" + r.id + "\"");
            const auto& d = doc["rules"][r.id];
            r.within_chars = d.value("within_chars", 1000);
            r.explain = d.value("explain", r.id);
            for (auto& p : d.value("any_of", std::vector<std::string>{}))
                r.any_of.push_back(fold(p));
            for (auto& p : d.value("and_any_of", std::vector<std::string>{}))
                r.and_any_of.push_back(fold(p));
            r.title_lines = d.value("title_lines", r.title_lines);
            for (const auto& group : d.value("title_all_of", json::array())) {
                r.title_all_of.emplace_back();
                for (const auto& p : group)
                    r.title_all_of.back().push_back(tokenize(fold(p.get<std::string>())));
            }
        } else {
            r.explain = "correspondence from a protected party";
        }
        out.push_back(std::move(r));
    }
    return out;
}

namespace {

// The opening text of a record as the reader sees it: its visible sections in order.
std::string opening(const Record& r, std::size_t chars) {
    std::string out;
    for (const auto& s : r.sections) {
        if (s.kind == SectionKind::Metadata || s.kind == SectionKind::Annotation) continue;
        out += s.text + "\n";
        if (out.size() > chars) break;
    }
    return fold(out.substr(0, std::min(out.size(), chars)));
}

// The first non-empty lines of a record's visible text, each folded: where its title is.
std::vector<std::string> first_lines(const Record& r, std::size_t n) {
    std::vector<std::string> out;
    for (const auto& s : r.sections) {
        if (s.kind == SectionKind::Metadata || s.kind == SectionKind::Annotation) continue;
        std::size_t b = 0;
        while (b < s.text.size() && out.size() < n) {
            std::size_t e = std::min(s.text.find('\n', b), s.text.size());
            std::string line = fold(std::string_view(s.text).substr(b, e - b));
            if (line.find_first_not_of(" \t") != std::string::npos) out.push_back(line);
            b = e + 1;
        }
        if (out.size() >= n) break;
    }
    return out;
}

bool has_phrase(const std::vector<std::string>& words, const std::vector<std::string>& phrase) {
    if (phrase.empty()) return false;
    return std::search(words.begin(), words.end(), phrase.begin(), phrase.end()) != words.end();
}

// A title, not a note that mentions a MARAC: short, no sentence punctuation, every group there.
bool title_matches(const WithholdRule& w, const Record& r) {
    if (w.title_all_of.empty()) return false;
    for (const auto& line : first_lines(r, w.title_lines)) {
        if (line.size() > 90 || line.find(". ") != std::string::npos ||
            line.find(';') != std::string::npos)
            continue;
        const auto words = tokenize(line);
        if (std::all_of(w.title_all_of.begin(), w.title_all_of.end(), [&](const auto& group) {
                return std::any_of(group.begin(), group.end(),
                                   [&](const auto& p) { return has_phrase(words, p); });
            }))
            return true;
    }
    return false;
}

bool any_in(const std::vector<std::string>& phrases, const std::string& text) {
    for (const auto& p : phrases)
        if (text.find(p) != std::string::npos) return true;
    return false;
}

// The listed parties detected in the From field of a record's header, in the order found.
std::vector<const Person*> senders(const Case& c, const Record& r, std::size_t index,
                                   const std::vector<Finding>& findings) {
    std::vector<const Person*> out;
    for (std::size_t si = 0; si < r.sections.size(); ++si) {
        const Section& s = r.sections[si];
        if (s.kind != SectionKind::Header) continue;
        for (const auto& field : s.fields) {
            if (field.label != "From") continue;
            for (const auto& f : findings)
                if (f.record == index && f.section == si && f.begin >= field.begin &&
                    f.end <= field.end && f.owner.kind == Owner::Party)
                    out.push_back(&c.parties[static_cast<std::size_t>(f.owner.party)]);
        }
    }
    return out;
}

// The e-mail's From field was found to be a listed party of one of `roles`.
bool mail_from_role(const Case& c, const Record& r, std::size_t index,
                    const std::vector<Finding>& findings, const std::vector<std::string>& roles) {
    if (r.kind != RecordKind::Email) return false;
    for (const Person* p : senders(c, r, index, findings))
        if (std::find(roles.begin(), roles.end(), to_string(p->role)) != roles.end()) return true;
    return false;
}

// The organisation of a listed professional when the record comes from them: an e-mail sent
// by them, or a document whose opening names their organisation (a letterhead).
std::string other_agency(const Case& c, const Record& r, std::size_t index,
                         const std::vector<Finding>& findings) {
    for (const Person* p : senders(c, r, index, findings))
        if (p->role == Role::Professional)
            return p->organisation.empty() ? "a professional" : p->organisation;
    if (r.kind == RecordKind::Pdf) {
        const std::string head = opening(r, 300);
        for (const auto& p : c.parties)
            if (p.role == Role::Professional && !p.organisation.empty() &&
                head.find(fold(p.organisation)) != std::string::npos)
                return p.organisation;
    }
    return {};
}

std::vector<Box> boxes_for(const Section& s, std::size_t begin, std::size_t end) {
    std::vector<Box> out;
    if (s.kind == SectionKind::PageText) {
        for (const auto& w : s.words)
            if (w.begin < end && begin < w.end) out.push_back(w.box);
    } else if (s.area) {
        out.push_back(*s.area);
    }
    return out;
}

// The record's name with any third party's name in it replaced: file names can name people.
std::string safe_title(const Case& c, const Policy& policy, const Detector& detector,
                       const std::string& name) {
    std::string title = name;
    auto found = detector.detect_text(name);
    for (auto it = found.rbegin(); it != found.rend(); ++it) {
        Finding f;
        f.category = it->category;
        f.owner = it->owner;
        if (policy.decide(c, f).action == Action::Keep) continue;
        title.replace(it->begin, it->end - it->begin, "[redacted]");
    }
    return title;
}

} // namespace

void build_disclosure(const Policy& policy, const Case& c, const GatherResult& gathered,
                      const std::vector<Finding>& findings, PolicyResult& result,
                      const Detector& detector, const std::vector<WithholdRule>& withhold,
                      const std::function<Reason(const std::string&)>& reason) {
    auto& d = result.disclosure;
    for (std::size_t ri = 0; ri < gathered.records.size(); ++ri) {
        const Record& r = gathered.records[ri];
        RecordDisclosure rd;
        rd.record = &r;
        rd.title = safe_title(c, policy, detector, r.name);

        for (const auto& w : withhold) {
            bool hit = false;
            if (w.id == "mail-from-role") {
                hit = mail_from_role(c, r, ri, findings, w.roles);
            } else {
                std::string head = opening(r, w.within_chars);
                hit = (any_in(w.any_of, head) &&
                       (w.and_any_of.empty() || any_in(w.and_any_of, head))) ||
                      title_matches(w, r);
            }
            if (hit) {
                rd.fate = RecordFate::WithholdInFull;
                rd.withheld_because = reason(w.reason);
                rd.withheld_kind = w.explain; // export says it only where the profile allows
                break;
            }
        }
        // A record another agency wrote (a police e-mail, a social-care letter): its third
        // parties are redacted like any other, and the controller consults that agency before
        // the final export (ICO guidance on information from other organisations).
        if (const std::string agency = other_agency(c, r, ri, findings); !agency.empty()) {
            rd.consult_other_agency = true;
            result.risks.push_back({r.name, "came from another agency (" + agency +
                                                "): consult it before the final export"});
        }
        if (rd.fate == RecordFate::Disclose) {
            for (std::size_t fi = 0; fi < findings.size(); ++fi) {
                const Finding& f = findings[fi];
                if (f.record != ri || result.decisions[fi].action == Action::Keep) continue;
                const Section& s = r.sections[f.section];
                rd.redactions.push_back({f.section, f.begin, f.end, result.decisions[fi].reason,
                                         boxes_for(s, f.begin, f.end), std::to_string(fi)});
            }
            // Hidden text never reaches the output; the reviewer is told it was there.
            for (const auto& info : r.pages)
                if (info.hidden_words > 0)
                    result.risks.push_back({r.name, std::to_string(info.hidden_words) +
                                                        " hidden words on a page (white, invisible "
                                                        "or under an earlier redaction)"});
            // A scanned page nobody could read is covered whole until a reviewer checks it.
            for (std::size_t p = 0; p < r.pages.size(); ++p) {
                const PageInfo& info = r.pages[p];
                if (!info.image_only || info.ocr_done) continue;
                for (std::size_t si = 0; si < r.sections.size(); ++si)
                    if (r.sections[si].kind == SectionKind::PageText &&
                        r.sections[si].page == static_cast<int>(p + 1)) {
                        rd.redactions.push_back(
                            {si, 0, r.sections[si].text.size(), reason("SCAN"), {info.crop}, ""});
                        break;
                    }
                result.risks.push_back(
                    {r.name, "page " + std::to_string(p + 1) + " is a scan that was not OCR'd"});
            }
        }
        d.records.push_back(std::move(rd));
    }
}

} // namespace safesar
