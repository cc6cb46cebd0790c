// safesar review CASE: list the findings (filters: --party, --category, --status, --record) or
// take decisions on them: by id, by category, all of a party, manual redactions by text or by a
// box on a page, risk acknowledgements, pages read, whole records released or withheld in full.
// Every act is recorded as the account running
// safesar.
#include "../commands.hpp"

#include "safesar/detect.hpp"
#include "safesar/enum_names.hpp"
#include "safesar/review.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>
#include <set>

namespace safesar::cli {

namespace {

struct ReviewArgs {
    std::string folder;
    std::string party, category, status, record; // filters
    bool json = false;
    std::vector<std::string> approve, reject, reopen, ack_risk;
    std::vector<std::string> span; // ID TEXT
    std::string approve_category, approve_party;
    std::string redact_text;
    std::vector<std::string> redact_box; // RECORD PAGE X0 Y0 X1 Y1
    std::string reason;
    std::string withdraw;                // M<N> or N
    std::vector<std::string> read_pages; // RECORD PAGE...
    std::string release_record, withhold_record, reopen_record;
    std::string reviewer, comment;

    bool decides() const {
        return !approve.empty() || !reject.empty() || !reopen.empty() || !ack_risk.empty() ||
               !span.empty() || !approve_category.empty() || !approve_party.empty() ||
               !redact_text.empty() || !redact_box.empty() || !withdraw.empty() ||
               !read_pages.empty() || !release_record.empty() || !withhold_record.empty() ||
               !reopen_record.empty();
    }
};

FindingFilter filter_of(const ReviewArgs& a) {
    FindingFilter f;
    f.party = a.party;
    f.category = a.category;
    f.record = a.record;
    if (!a.status.empty()) f.status = parse_finding_status(a.status);
    return f;
}

// Text on one line: a finding can span a line break.
std::string one_line(std::string s) {
    for (char& c : s)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return s;
}

std::string owner_label(const StoredFinding& f) {
    return f.owner_name.empty() ? f.owner : f.owner + " (" + f.owner_name + ")";
}

std::string proposal_label(const StoredFinding& f) {
    return f.reason.empty() ? f.proposal : f.proposal + " " + f.reason;
}

void print_findings(const ReviewStore& store, const ReviewArgs& a) {
    const auto findings = store.findings(filter_of(a));
    if (a.json) {
        for (const StoredFinding& f : findings)
            std::cout << nlohmann::json{{"id", f.id},
                                        {"status", to_string(f.status)},
                                        {"category", f.category},
                                        {"owner", f.owner},
                                        {"party", f.owner_name},
                                        {"record", f.record},
                                        {"section", f.section},
                                        {"page", f.page},
                                        {"rule", f.rule},
                                        {"proposal", f.proposal},
                                        {"reason", f.reason},
                                        {"text", f.text},
                                        {"withheld_record", f.in_withheld_record},
                                        {"reopened", f.reopened},
                                        {"decided_by", f.decided_by},
                                        {"decided_at", f.decided_at},
                                        {"span", f.span_text}}
                             .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                      << "\n";
        return;
    }
    for (const StoredFinding& f : findings) {
        std::cout << f.id << "  " << to_string(f.status) << (f.reopened ? " (reopened)" : "")
                  << "  " << f.category << "  " << owner_label(f) << "  " << f.record << "  "
                  << f.section << "  " << proposal_label(f) << "  \"" << one_line(f.text) << "\"";
        if (f.in_withheld_record) std::cout << "  [record withheld in full]";
        if (!f.decided_by.empty()) std::cout << "  by " << f.decided_by;
        if (!f.span_text.empty()) std::cout << "  span \"" << one_line(f.span_text) << "\"";
        std::cout << "  -- " << f.rule << "\n";
    }
    std::cout << findings.size() << " findings\n";
    for (const ManualRedaction& m : store.manual_redactions()) {
        if (m.withdrawn) continue;
        std::cout << "M" << m.id << "  manual " << m.reason << "  ";
        if (m.kind == ManualRedaction::Kind::Text)
            std::cout << "\"" << one_line(m.phrase) << "\" in "
                      << (m.record.empty() ? std::string("every record") : m.record);
        else
            std::cout << m.record << " page " << m.page << " box " << m.box.x0 << " " << m.box.y0
                      << " " << m.box.x1 << " " << m.box.y1;
        std::cout << "  by " << m.reviewer << "\n";
    }
    for (const StoredRisk& r : store.risks())
        if (r.open()) std::cout << "risk " << r.id << "  " << r.record << ": " << r.what << "\n";
    for (const RecordReview& r : store.record_reviews())
        if (r.withheld) std::cout << "record " << r.record << "  withheld in full\n";
}

std::vector<FindingDecision> decisions_of(const ReviewStore& store, const ReviewArgs& a) {
    std::vector<FindingDecision> out;
    std::set<std::string> explicit_ids;
    for (const std::string& id : a.approve) {
        explicit_ids.insert(id);
        out.push_back({id, Verdict::Approve, "", ""});
    }
    for (const std::string& id : a.reject) {
        if (!explicit_ids.insert(id).second)
            throw ReviewError("", "finding " + id + " is both approved and rejected");
        out.push_back({id, Verdict::Reject, "", ""});
    }
    for (const std::string& id : a.reopen) {
        if (!explicit_ids.insert(id).second)
            throw ReviewError("", "finding " + id + " is given two decisions");
        out.push_back({id, Verdict::Reopen, "", ""});
    }
    if (!a.span.empty()) {
        if (!explicit_ids.insert(a.span[0]).second)
            throw ReviewError("", "finding " + a.span[0] + " is given two decisions");
        out.push_back({a.span[0], Verdict::ChangeSpan, a.span[1], a.reason});
    }
    // Sweeps approve what the engine's bulk_approval gives (proposed redactions still
    // undecided); an explicit decision in the same command wins over a sweep.
    std::set<std::string> bulk;
    if (!a.approve_category.empty() || !a.approve_party.empty()) {
        const std::vector<StoredFinding> all = store.findings();
        auto sweep = [&](FindingFilter f) {
            for (std::string& id : bulk_approval(all, f))
                bulk.insert(std::move(id));
        };
        if (!a.approve_category.empty()) {
            FindingFilter f = filter_of(a);
            f.category = a.approve_category;
            sweep(f);
        }
        if (!a.approve_party.empty()) {
            FindingFilter f = filter_of(a);
            f.party = a.approve_party;
            sweep(f);
        }
    }
    for (const std::string& id : bulk)
        if (!explicit_ids.count(id)) out.push_back({id, Verdict::Approve, "", ""});
    return out;
}

int whole_number(const std::string& text, const char* what) {
    try {
        std::size_t used = 0;
        const int v = std::stoi(text, &used);
        if (used == text.size()) return v;
    } catch (const std::exception&) {
    }
    throw ReviewError("", std::string(what) + " \"" + text + "\" is not a whole number");
}

double number(const std::string& text, const char* what) {
    try {
        std::size_t used = 0;
        const double v = std::stod(text, &used);
        if (used == text.size()) return v;
    } catch (const std::exception&) {
    }
    throw ReviewError("",
                      std::string("--redact-box: ") + what + " \"" + text + "\" is not a number");
}

// Whole records: before pages are read, since a released record has pages to read.
void decide_records(ReviewStore& store, const ReviewArgs& a, const std::string& who) {
    if (!a.reopen_record.empty())
        std::cout << (store.reopen_record(a.reopen_record, a.comment)
                          ? "withdrew the decision on " + a.reopen_record +
                                ": the policy's proposal stands again"
                          : a.reopen_record + " had no decision to withdraw")
                  << "\n";
    if (!a.release_record.empty()) {
        store.release_record(a.release_record, a.comment);
        std::cout << "released " << a.release_record << " for disclosure as " << who
                  << ": its findings need decisions and its pages reading\n";
    }
    if (!a.withhold_record.empty()) {
        store.withhold_record(a.withhold_record, a.reason, a.comment);
        std::cout << "withheld " << a.withhold_record << " in full (" << a.reason << ") as " << who
                  << "\n";
    }
}

void decide(ReviewStore& store, const ReviewArgs& a) {
    const std::string who = acting_reviewer(a.reviewer).display();
    const std::string& comment = a.comment;
    if ((!a.redact_text.empty() || !a.redact_box.empty()) && a.reason.empty())
        throw ReviewError("", "a manual redaction needs --reason CODE (TP, SH, CR...)");
    if (!a.withhold_record.empty() && a.reason.empty())
        throw ReviewError("", "--withhold-record needs --reason CODE (TP, SH, CR...)");
    if (!a.ack_risk.empty() && comment.find_first_not_of(" \t") == std::string::npos)
        throw ReviewError("", "--ack-risk needs --comment saying what was checked");
    const std::vector<FindingDecision> decisions = decisions_of(store, a);
    if (!decisions.empty()) {
        std::cout << "decided " << store.decide(decisions, comment) << " findings as " << who
                  << "\n";
    } else if (!a.approve_category.empty() || !a.approve_party.empty()) {
        std::cout << "no undecided findings match\n";
    }
    if (!a.redact_text.empty())
        std::cout << "added manual redaction M"
                  << store.add_manual_text(a.redact_text, a.record, a.reason, comment) << "\n";
    if (!a.redact_box.empty()) {
        const auto& b = a.redact_box;
        const Box box{number(b[2], "X0"), number(b[3], "Y0"), number(b[4], "X1"),
                      number(b[5], "Y1")};
        const int page = whole_number(b[1], "--redact-box: PAGE");
        std::cout << "added manual redaction M"
                  << store.add_manual_box(b[0], page, box, a.reason, comment) << "\n";
    }
    if (!a.withdraw.empty()) {
        const std::string digits = a.withdraw.substr(a.withdraw.front() == 'M' ? 1 : 0);
        const int id = whole_number(digits, "--withdraw-manual");
        store.withdraw_manual(id, comment);
        std::cout << "withdrew manual redaction M" << id << "\n";
    }
    for (const std::string& risk : a.ack_risk) {
        store.acknowledge_risk(risk, comment);
        std::cout << "acknowledged risk " << risk << " as " << who << "\n";
    }
    decide_records(store, a, who);
    if (!a.read_pages.empty()) {
        int marked = 0;
        for (std::size_t i = 1; i < a.read_pages.size(); ++i)
            marked += store.mark_page_read(a.read_pages[0],
                                           whole_number(a.read_pages[i], "--read-page: PAGE"));
        std::cout << "marked " << marked << " pages of " << a.read_pages[0] << " read as " << who
                  << "\n";
    }
}

void run(const ReviewArgs& a) {
    acting_reviewer(a.reviewer);
    const LoadedCase loaded = load_case(a.folder);
    for (const auto& w : loaded.warnings)
        std::cerr << "warning: " << w << "\n";
    auto store = ReviewStore::open_existing(loaded.value);
    if (!store) throw ReviewError(a.folder, "not scanned yet: run safesar scan first");
    if (a.decides())
        decide(*store, a);
    else
        print_findings(*store, a);
}

} // namespace

void add_review_command(CLI::App& app) {
    auto* cmd = app.add_subcommand("review", "List findings with their status, or decide them");
    auto a = std::make_shared<ReviewArgs>();
    cmd->add_option("CASE", a->folder, "the case folder")->required();
    cmd->add_option("--party", a->party, "only this party's findings (name, subject or unknown)");
    cmd->add_option("--category", a->category, "only this category")
        ->check(CLI::IsMember(category_names.names()));
    cmd->add_option("--status", a->status, "only this status")
        ->check(CLI::IsMember(finding_status_names.names()));
    cmd->add_option("--record", a->record, "only this record (also limits --redact-text)");
    cmd->add_flag("--json", a->json, "list as JSON lines");
    cmd->add_option("--approve", a->approve, "approve findings by id: the proposal stands")
        ->expected(1, -1);
    cmd->add_option("--reject", a->reject, "reject findings by id: not redacted")->expected(1, -1);
    cmd->add_option("--reopen", a->reopen,
                    "withdraw the decision on findings by id: they are undecided again")
        ->expected(1, -1);
    cmd->add_option("--span", a->span, "redact TEXT instead of finding ID's text (ID TEXT)")
        ->expected(2);
    cmd->add_option("--approve-category", a->approve_category,
                    "approve every undecided proposed redaction of a category (with the filters)")
        ->check(CLI::IsMember(category_names.names()));
    cmd->add_option("--approve-party", a->approve_party,
                    "approve every undecided proposed redaction of a party (with the filters)");
    cmd->add_option("--redact-text", a->redact_text,
                    "redact every occurrence of a phrase (in --record, else every record)");
    cmd->add_option("--redact-box", a->redact_box,
                    "redact a box on a page: RECORD PAGE X0 Y0 X1 Y1 (points, top left origin)")
        ->expected(6);
    cmd->add_option("--reason", a->reason,
                    "reason code of a manual redaction, changed span or record withheld in full");
    cmd->add_option("--withdraw-manual", a->withdraw, "withdraw a manual redaction (M3 or 3)");
    cmd->add_option("--ack-risk", a->ack_risk,
                    "acknowledge open risks by id (--comment says what was checked)")
        ->expected(1, -1);
    cmd->add_option("--read-page", a->read_pages,
                    "mark pages of a disclosed record read: RECORD PAGE... (a record that is "
                    "not a PDF has one page, 1)")
        ->expected(2, -1);
    cmd->add_option("--release-record", a->release_record,
                    "disclose a record withheld in full, with its ordinary redactions (where "
                    "the profile says so, as perpetrator does, --comment saying why it is safe)");
    cmd->add_option("--withhold-record", a->withhold_record,
                    "withhold a whole record in full (--reason CODE), or confirm the policy's "
                    "withholding until reviewed");
    cmd->add_option("--reopen-record", a->reopen_record,
                    "withdraw the decision on a whole record: the policy's proposal stands");
    add_reviewer_check(cmd, a->reviewer);
    cmd->add_option("--comment", a->comment,
                    "why, or what was checked: kept with the decision, never exported");
    cmd->callback([a] { run(*a); });
}

} // namespace safesar::cli
