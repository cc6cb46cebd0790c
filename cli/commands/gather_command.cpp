// safesar gather CASE [--json]: the inventory of a case's records.
#include "../commands.hpp"

#include "safesar/gather.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace safesar::cli {

namespace {

struct Counts {
    int pages = 0, words = 0, hidden = 0, image_only = 0, ocr = 0;
};

Counts count(const Record& r) {
    Counts c;
    c.pages = static_cast<int>(r.pages.size());
    for (const auto& p : r.pages) {
        c.hidden += p.hidden_words;
        c.image_only += p.image_only;
        c.ocr += p.ocr_done;
    }
    for (const auto& s : r.sections) {
        if (s.kind == SectionKind::PageText) c.words += static_cast<int>(s.words.size());
        else {
            bool in = false;
            for (char ch : s.text) {
                bool w = !std::isspace(static_cast<unsigned char>(ch));
                c.words += w && !in;
                in = w;
            }
        }
    }
    return c;
}

void run_gather(const std::string& folder, bool as_json, bool ocr) {
    LoadedCase lc = load_case(folder);
    for (const auto& w : lc.warnings) std::cerr << "warning: " << w << "\n";
    GatherOptions options;
    options.ocr = ocr;
    options.ocr_cache = lc.value.state_dir() / "ocr-cache";
    GatherResult g = gather_records(lc.value, options);
    Counts total;
    nlohmann::json out = {{"reference", lc.value.reference}, {"records", nlohmann::json::array()},
                          {"skipped", nlohmann::json::array()}};
    for (const auto& r : g.records) {
        Counts c = count(r);
        total.pages += c.pages;
        total.words += c.words;
        total.hidden += c.hidden;
        total.image_only += c.image_only;
        if (as_json) {
            nlohmann::json pages = nlohmann::json::array();
            for (std::size_t i = 0; i < r.pages.size(); ++i)
                if (r.pages[i].image_only)
                    pages.push_back({{"page", i + 1},
                                     {"ocr", r.pages[i].ocr_done},
                                     {"confidence", r.pages[i].ocr_confidence}});
            out["records"].push_back({{"name", r.name},
                                      {"kind", to_string(r.kind)},
                                      {"parent", r.parent},
                                      {"pages", c.pages},
                                      {"words", c.words},
                                      {"hidden_words", c.hidden},
                                      {"image_only_pages", pages},
                                      {"sections", r.sections.size()},
                                      {"warnings", r.warnings},
                                      {"cautions", r.cautions},
                                      {"unread", r.unread}});
            continue;
        }
        std::cout << r.name << "  " << to_string(r.kind);
        if (!r.parent.empty()) std::cout << " (attached to " << r.parent << ")";
        if (c.pages) std::cout << "  pages " << c.pages;
        std::cout << "  words " << c.words;
        if (c.hidden) std::cout << "  hidden-words " << c.hidden;
        for (std::size_t i = 0; i < r.pages.size(); ++i)
            if (r.pages[i].image_only)
                std::cout << "  image-only p" << i + 1
                          << (r.pages[i].ocr_done
                                  ? " (OCR, confidence " +
                                        std::to_string(static_cast<int>(r.pages[i].ocr_confidence)) +
                                        ")"
                                  : " (not OCR'd)");
        std::cout << "\n";
        for (const auto& w : r.warnings) std::cout << "  warning: " << w << "\n";
        for (const auto& w : r.cautions) std::cout << "  caution: " << w << "\n";
        for (const auto& u : r.unread) std::cout << "  NOT READ: " << u << "\n";
    }
    for (const auto& s : g.skipped) {
        if (as_json) out["skipped"].push_back({{"name", s.name}, {"error", s.reason}});
        else std::cout << s.name << "  ERROR: " << s.reason << "\n";
    }
    if (as_json) out["links"] = nlohmann::json::array();
    for (const auto& l : g.links) {
        if (as_json) out["links"].push_back({{"name", l.name}, {"leads_to", l.reason}});
        else std::cout << l.name << "  LINK: " << l.reason << "\n";
    }
    if (as_json) {
        std::cout << out.dump(2) << "\n";
    } else {
        std::cout << "total: " << g.records.size() << " records, " << total.pages << " pages, "
                  << total.words << " words, " << total.image_only << " image-only pages, "
                  << total.hidden << " hidden words, " << g.skipped.size() << " skipped\n";
    }
}

} // namespace

void add_gather_command(CLI::App& app) {
    auto* cmd = app.add_subcommand("gather", "List every record of a case: kind, pages, words, "
                                             "hidden text, image-only pages, errors");
    auto folder = std::make_shared<std::string>();
    auto as_json = std::make_shared<bool>(false);
    auto no_ocr = std::make_shared<bool>(false);
    cmd->add_option("CASE", *folder, "the case folder")->required();
    cmd->add_flag("--json", *as_json, "print the inventory as JSON");
    cmd->add_flag("--no-ocr", *no_ocr, "do not OCR image-only pages");
    cmd->callback([=] { run_gather(*folder, *as_json, !*no_ocr); });
}

} // namespace safesar::cli
