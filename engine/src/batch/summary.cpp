// The batch summary for a data protection officer: requests by status, what is due this week and
// what is overdue, findings per category, failures with their reason. Counts and references
// only: no name, no matched text, no record name (a file name can name a person).
#include "batch/case_result_json.hpp"
#include "safesar/batch.hpp"
#include "safesar/deadline.hpp"
#include "safesar/enum_names.hpp"

#include <cstdio>
#include <fstream>
#include <iomanip>
#include <sstream>

namespace fs = std::filesystem;

namespace safesar {

namespace {

constexpr int kWeek = 7;

struct DueLists {
    std::vector<const CaseResult*> overdue, this_week;
};

DueLists due_lists(const BatchResult& result, const Date& today) {
    DueLists lists;
    const Date week_end = add_days(today, kWeek - 1);
    for (const CaseResult& c : result.cases) {
        if (!c.due) continue;
        if (*c.due < today)
            lists.overdue.push_back(&c);
        else if (*c.due <= week_end)
            lists.this_week.push_back(&c);
    }
    auto by_due = [](const CaseResult* a, const CaseResult* b) { return *a->due < *b->due; };
    std::stable_sort(lists.overdue.begin(), lists.overdue.end(), by_due);
    std::stable_sort(lists.this_week.begin(), lists.this_week.end(), by_due);
    return lists;
}

std::map<std::string, int> findings_total(const BatchResult& result) {
    std::map<std::string, int> total;
    for (const CaseResult& c : result.cases)
        for (const auto& [category, n] : c.findings)
            total[category] += n;
    return total;
}

// A table cell: one line, no column breaks.
std::string cell(const std::string& text) {
    if (text.empty()) return "–";
    std::string out;
    for (char c : text) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n' || c == '\r')
            out += ' ';
        else
            out += c;
    }
    return out;
}

std::string seconds_text(double s) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(s < 10 ? 1 : 0) << s << " s";
    return out.str();
}

std::string status_text(const CaseResult& c) {
    return std::string(to_string(c.status)) + (c.unchanged ? " (unchanged)" : "");
}

void due_table(std::ostream& out, const std::vector<const CaseResult*>& cases, const Date& today,
               bool late) {
    if (cases.empty()) {
        out << "None.\n\n";
        return;
    }
    out << "| request | case | due | " << (late ? "days late" : "days left") << " | status |\n"
        << "| --- | --- | --- | --- | --- |\n";
    for (const CaseResult* c : cases) {
        const int days = days_from_civil(*c->due) - days_from_civil(today);
        out << "| " << cell(c->reference) << " | " << cell(c->name) << " | " << to_iso(*c->due)
            << " | " << (late ? -days : days) << " | " << status_text(*c) << " |\n";
    }
    out << "\n";
}

} // namespace

std::string batch_summary_markdown(const BatchResult& result, const Date& today) {
    std::ostringstream out;
    std::map<CaseStatus, int> by_status;
    int unchanged = 0, pages = 0;
    for (const CaseResult& c : result.cases) {
        by_status[c.status]++;
        unchanged += c.unchanged;
        pages += c.pages;
    }
    out << "# SafeSAR batch summary\n\n"
        << "Written on " << to_iso(today) << " by `safesar batch`: " << result.cases.size()
        << " requests, " << unchanged << " of them unchanged since their last run and not run "
        << "again; " << pages << " pages of draft bundles in all.";
    if (result.interrupted) out << " **The batch was stopped before it finished.**";
    out << "\n\nThis report holds counts and references only: it names no one.\n\n";

    out << "## Requests by status\n\n| status | requests | meaning |\n| --- | --- | --- |\n"
        << "| done | " << by_status[CaseStatus::Done]
        << " | draft bundle written, every record read |\n"
        << "| incomplete | " << by_status[CaseStatus::Incomplete]
        << " | draft bundle written, but some records could not be read |\n"
        << "| failed | " << by_status[CaseStatus::Failed] << " | no bundle: see Failures |\n"
        << "| not run | " << by_status[CaseStatus::NotRun]
        << " | the batch was stopped first: run it again to resume |\n\n";

    const DueLists due = due_lists(result, today);
    out << "## Overdue (due before " << to_iso(today) << ")\n\n";
    due_table(out, due.overdue, today, true);
    out << "## Due this week (" << to_iso(today) << " to " << to_iso(add_days(today, kWeek - 1))
        << ")\n\n";
    due_table(out, due.this_week, today, false);

    out << "## Open safety risks\n\nRisks to close before a final export.\n\n";
    bool any_risk = false;
    for (const CaseResult& c : result.cases) {
        if (c.open_risks == 0) continue;
        if (!any_risk) out << "| request | case | open risks |\n| --- | --- | --- |\n";
        any_risk = true;
        out << "| " << cell(c.reference) << " | " << cell(c.name) << " | " << c.open_risks
            << " |\n";
    }
    out << (any_risk ? "\n" : "None.\n\n");

    out << "## Findings per category\n\nPersonal data found in all requests, whoever it belongs to."
        << "\n\n| category | findings |\n| --- | --- |\n";
    for (const auto& [category, n] : findings_total(result))
        out << "| " << category << " | " << n << " |\n";
    out << "\n";

    out << "## Failures\n\n";
    bool any_failure = false;
    for (const CaseResult& c : result.cases) {
        if (c.status == CaseStatus::Done) continue;
        if (!any_failure)
            out << "| request | case | status | reason |\n| --- | --- | --- | --- |\n";
        any_failure = true;
        out << "| " << cell(c.reference) << " | " << cell(c.name) << " | " << status_text(c)
            << " | " << cell(c.reason) << " |\n";
    }
    out << (any_failure ? "\n" : "None.\n\n");

    out << "## Every request\n\n| request | case | status | due | pages | redactions | findings "
           "| open risks | time |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n";
    for (const CaseResult& c : result.cases) {
        int findings = 0;
        for (const auto& entry : c.findings)
            findings += entry.second;
        out << "| " << cell(c.reference) << " | " << cell(c.name) << " | " << status_text(c)
            << " | " << (c.due ? to_iso(*c.due) : "–") << " | " << c.pages << " | " << c.redactions
            << " | " << findings << " | " << c.open_risks << " | " << seconds_text(c.seconds)
            << " |\n";
    }
    return out.str();
}

std::string batch_summary_json(const BatchResult& result, const Date& today) {
    nlohmann::json by_status = nlohmann::json::object();
    for (const auto& s : case_status_names.entries)
        by_status[s.name] = 0;
    nlohmann::json cases = nlohmann::json::array();
    int pages = 0;
    for (const CaseResult& c : result.cases) {
        by_status[to_string(c.status)] = by_status[to_string(c.status)].get<int>() + 1;
        pages += c.pages;
        cases.push_back(batching::to_json(c));
    }
    auto references = [](const std::vector<const CaseResult*>& list) {
        nlohmann::json out = nlohmann::json::array();
        for (const CaseResult* c : list)
            out.push_back(
                {{"case", c->name}, {"reference", c->reference}, {"due", to_iso(*c->due)}});
        return out;
    };
    const DueLists due = due_lists(result, today);
    const nlohmann::json summary = {{"schema", "safesar-batch-summary/1"},
                                    {"date", to_iso(today)},
                                    {"interrupted", result.interrupted},
                                    {"jobs", result.jobs},
                                    {"seconds", result.seconds},
                                    {"peak_memory_kib", result.peak_memory_kib},
                                    {"requests", result.cases.size()},
                                    {"by_status", by_status},
                                    {"pages", pages},
                                    {"findings", findings_total(result)},
                                    {"overdue", references(due.overdue)},
                                    {"due_this_week", references(due.this_week)},
                                    {"cases", cases}};
    return summary.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

void write_batch_summary(const BatchResult& result, const fs::path& out_dir, const Date& today) {
    auto write = [&](const std::string& name, const std::string& text) {
        const fs::path file = out_dir / name, temp = out_dir / ("." + name + ".tmp");
        {
            std::ofstream out(temp, std::ios::binary | std::ios::trunc);
            out << text;
            if (!out.flush()) throw ExportError(temp.string(), "cannot be written");
        }
        fs::rename(temp, file);
    };
    write("batch-summary.md", batch_summary_markdown(result, today));
    write("batch-summary.json", batch_summary_json(result, today));
}

} // namespace safesar
