// `safesar batch`: a workspace with good and broken cases, the exit status, resuming after a
// run and after an interruption, and cases with the same people run in parallel without their
// data mixing. The real binary runs, as a controller's overnight job would run it.
#include "safesar/batch.hpp"
#include "safesar/data_dir.hpp"
#include "safesar/deadline.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <spawn.h>
#include <sstream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace fs = std::filesystem;
using namespace safesar;
using nlohmann::json;

namespace {

const fs::path fixtures = SAFESAR_FIXTURES;

fs::path scratch_root() {
    return fs::temp_directory_path() / ("safesar-batch-" + std::to_string(::getpid()));
}

fs::path fresh_dir(const std::string& name) {
    const fs::path dir = scratch_root() / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

// A test's folders go when it ends; what went wrong is in the messages (INFO of stderr).
struct Scratch {
    Scratch() = default;
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(scratch_root(), ec);
    }
};

void add_case(const fs::path& workspace, const fs::path& from, const std::string& name) {
    fs::copy(from, workspace / name, fs::copy_options::recursive | fs::copy_options::copy_symlinks);
}

std::string read_text(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

struct Run {
    int status = -1;
    std::string out, err;
    json summary() const { return json::parse(out); }
};

pid_t start(const std::vector<std::string>& args, const fs::path& out, const fs::path& err) {
    std::vector<std::string> all{SAFESAR_BINARY};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid = -1;
    REQUIRE(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&actions);
    return pid;
}

Run finish(pid_t pid, const fs::path& out, const fs::path& err) {
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    Run r;
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = read_text(out);
    r.err = read_text(err);
    return r;
}

Run run_safesar(const std::vector<std::string>& args) {
    const fs::path log = fresh_dir("log");
    return finish(start(args, log / "out", log / "err"), log / "out", log / "err");
}

const json& case_in(const json& summary, const std::string& name) {
    for (const json& c : summary.at("cases"))
        if (c.at("case") == name) return c;
    FAIL("no case " << name << " in the summary");
    throw std::logic_error("unreachable");
}

// What an interrupted or finished batch must never leave: partial or set-aside folders.
std::vector<std::string> leftovers(const fs::path& out) {
    std::vector<std::string> found;
    for (const auto& e : fs::directory_iterator(out)) {
        const std::string n = e.path().filename().string();
        if (n.find(".partial-") != std::string::npos || n.find(".old-") != std::string::npos)
            found.push_back(n);
    }
    return found;
}

Date due_of(const fs::path& case_folder) {
    const Case c = load_case(case_folder).value;
    return compute_deadline(c, HolidayCalendar::load(dictionaries_dir(), c.holidays)).due;
}

// Every person's name and identifiers in a request, to look for in what the batch writes.
std::vector<std::string> people_in(const fs::path& request) {
    std::vector<std::string> found;
    const json j = json::parse(read_text(request));
    auto add = [&](const json& p) {
        for (const char* field : {"name", "dob", "school", "workplace"})
            if (p.contains(field)) found.push_back(p.at(field).get<std::string>());
        for (const char* list : {"aliases", "phones", "emails", "addresses"})
            if (p.contains(list))
                for (const json& v : p.at(list))
                    found.push_back(v.get<std::string>());
    };
    if (j.contains("subject")) add(j.at("subject"));
    for (const json& p : j.value("parties", json::array()))
        add(p);
    return found;
}

// The bundle's JSON without its export date: what must not depend on how the batch ran.
json bundle(const fs::path& out, const std::string& name, const std::string& reference) {
    json j = json::parse(read_text(out / name / (reference + ".json")));
    j.erase("exported");
    return j;
}

} // namespace

TEST_CASE("one_line_reason elides quoted values and keeps the field path", "[batch]") {
    CHECK(one_line_reason("request.json: parties[1].dob: \"1987-13-01\" is not a date") ==
          "request.json: parties[1].dob: \"…\" is not a date");
    CHECK(one_line_reason("last read: 'Sarah\nOkafor") == "last read: '…");
    CHECK(one_line_reason("two\nlines") == "two lines");
}

TEST_CASE("manifests and shards list cases", "[batch]") {
    const Scratch scratch;
    const fs::path dir = fresh_dir("manifest");
    fs::create_directories(dir / "lists");
    {
        std::ofstream m(dir / "lists" / "cases.txt");
        m << "# overnight run\n../a/case-1\n\n  ../b/case-2/  \n" << (dir / "c").string() << "\n";
    }
    const auto cases = manifest_cases(dir / "lists" / "cases.txt");
    REQUIRE(cases.size() == 3);
    CHECK(cases[0].name == "case-1");
    CHECK(fs::weakly_canonical(cases[0].folder) == fs::weakly_canonical(dir / "a" / "case-1"));
    CHECK(cases[1].name == "case-2");
    CHECK(cases[2].folder == dir / "c");

    const auto second = shard_cases(cases, 1, 2);
    REQUIRE(second.size() == 1);
    CHECK(second[0].name == "case-2");
    CHECK(shard_cases(cases, 0, 2).size() == 2);
    CHECK_THROWS_AS(shard_cases(cases, 2, 2), BatchSetupError);

    {
        std::ofstream m(dir / "lists" / "twice.txt");
        m << "../a/case-1\n../b/case-1\n";
    }
    CHECK_THROWS_AS(manifest_cases(dir / "lists" / "twice.txt"), BatchSetupError);
    CHECK_THROWS_AS(manifest_cases(dir / "lists" / "missing.txt"), BatchSetupError);
}

TEST_CASE("a workspace of good and broken cases: the good ones done, the others reported",
          "[batch]") {
    const Scratch scratch;
    const fs::path ws = fresh_dir("mixed"), out = fresh_dir("mixed-out");
    add_case(ws, fixtures / "cases" / "profiles" / "standard", "standard");
    add_case(ws, fixtures / "bad-request" / "bad-date", "bad-date");
    add_case(ws, fixtures / "bad-request" / "not-json", "not-json");
    add_case(ws, fixtures / "bad-input", "bad-input");
    fs::create_directories(ws / "no-request" / "records");
    fs::create_directories(ws / "notes"); // neither request.json nor records/: not a case

    // As of 2026-07-03 `standard` (due 2026-07-08) is due this week and `bad-input` is not.
    const Run run = run_safesar({"batch", ws.string(), "--out", out.string(), "-j", "2", "--json",
                                 "--today", "2026-07-03"});
    INFO(run.err);
    CHECK(run.status == 1);
    const json summary = run.summary();
    CHECK(summary.at("requests") == 5);

    const json& good = case_in(summary, "standard");
    CHECK(good.at("status") == "done");
    CHECK(good.at("reference") == "SAR-2026-0601");
    CHECK(good.at("pages").get<int>() > 0);
    CHECK(good.at("findings").at("name").get<int>() > 0);
    CHECK(good.at("due") == to_iso(due_of(ws / "standard")));
    CHECK(fs::is_regular_file(out / "standard" / "SAR-2026-0601.pdf"));
    CHECK(fs::is_regular_file(out / "standard" / ".safesar-batch.json"));

    const json& bad_date = case_in(summary, "bad-date");
    CHECK(bad_date.at("status") == "failed");
    CHECK(bad_date.at("reason").get<std::string>().find("received") != std::string::npos);
    CHECK(bad_date.at("reason").get<std::string>().find("2026-13-45") == std::string::npos);
    CHECK(case_in(summary, "not-json").at("status") == "failed");
    CHECK(case_in(summary, "no-request").at("status") == "failed");
    CHECK_FALSE(fs::exists(out / "bad-date"));

    const json& unreadable = case_in(summary, "bad-input");
    CHECK(unreadable.at("status") == "incomplete");
    CHECK(unreadable.at("skipped_records").get<int>() > 0);
    CHECK(fs::is_regular_file(out / "bad-input" / "SAR-2026-0990.pdf"));
    CHECK(leftovers(out).empty());

    // The summary for the data protection officer: due dates reckoned as of --today, failures
    // with their reason, and no one's data.
    const std::string md = read_text(out / "batch-summary.md");
    CHECK(md.find("| failed | 3 |") != std::string::npos);
    CHECK(md.find("| incomplete | 1 |") != std::string::npos);
    const auto week = md.find("## Due this week"), risks = md.find("## Open safety risks");
    REQUIRE(week < risks);
    const std::string due_this_week = md.substr(week, risks - week);
    CHECK(due_this_week.find("| SAR-2026-0601 | standard | 2026-07-08 | 5 | done |") !=
          std::string::npos);
    CHECK(due_this_week.find("SAR-2026-0990") == std::string::npos);
    CHECK(due_of(ws / "standard") == Date{2026, 7, 8});
    CHECK(md.find("received") != std::string::npos); // bad-date's reason
    const std::string written = md + read_text(out / "batch-summary.json") + run.out;
    for (const char* c : {"standard", "bad-date", "bad-input"})
        for (const std::string& person : people_in(ws / c / "request.json")) {
            INFO(person);
            CHECK(written.find(person) == std::string::npos);
        }
}

TEST_CASE("exit status: 0 when all are done, 2 for usage errors", "[batch]") {
    const Scratch scratch;
    const fs::path ws = fresh_dir("status"), out = fresh_dir("status-out");
    add_case(ws, fixtures / "cases" / "profiles" / "perpetrator", "perpetrator");
    CHECK(run_safesar({"batch", ws.string(), "--out", out.string(), "-j", "1"}).status == 0);

    CHECK(run_safesar({"batch", ws.string()}).status == 2);           // no --out
    CHECK(run_safesar({"batch", "--out", out.string()}).status == 2); // no cases
    CHECK(run_safesar({"batch", ws.string(), "--out", out.string(), "-j", "x"}).status == 2);
    CHECK(run_safesar({"batch", ws.string(), "--out", out.string(), "--bogus"}).status == 2);
    CHECK(run_safesar({"batch", (ws / "perpetrator").string(), "--out", out.string()}).status == 2);
    CHECK(run_safesar({"batch", "--manifest", (ws / "none.txt").string(), "--out", out.string()})
              .status == 2);
    CHECK(run_safesar({"batch", ws.string(), "--out", out.string(), "--shard", "1/1"}).status == 2);

    // One job's share of a scheduler's array: its cases, and no summary of the whole list.
    const fs::path share = fresh_dir("status-shard");
    CHECK(run_safesar({"batch", ws.string(), "--out", share.string(), "--shard", "0/1"}).status ==
          0);
    CHECK(fs::exists(share / "perpetrator" / "SAR-2026-0602.pdf"));
    CHECK_FALSE(fs::exists(share / "batch-summary.md"));
}

TEST_CASE("a case that hangs is stopped by --timeout and the batch goes on", "[batch]") {
    const Scratch scratch;
    // Reading a named pipe with no writer blocks: the case's process waits for ever. The batch
    // itself must not read it. One case at a time, the hanging one first: the next case runs
    // only if the batch got past it. That case fails in milliseconds whatever the build (a good
    // case could itself outlast a short timeout under the sanitizers on a busy machine).
    const fs::path ws = fresh_dir("hang"), out = fresh_dir("hang-out");
    fs::create_directories(ws / "a-hang" / "records");
    REQUIRE(::mkfifo((ws / "a-hang" / "request.json").c_str(), 0600) == 0);
    add_case(ws, fixtures / "bad-request" / "not-json", "b-not-json");

    const auto start = std::chrono::steady_clock::now();
    const Run run = run_safesar(
        {"batch", ws.string(), "--out", out.string(), "-j", "1", "--timeout", "2", "--json"});
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    INFO(run.err);
    CHECK(run.status == 1);
    CHECK(seconds < 30);
    const json summary = run.summary();
    CHECK(case_in(summary, "a-hang").at("status") == "failed");
    CHECK(case_in(summary, "a-hang").at("reason").get<std::string>().find("--timeout") !=
          std::string::npos);
    CHECK(case_in(summary, "b-not-json").at("status") == "failed");
    CHECK(case_in(summary, "b-not-json").at("reason").get<std::string>().find("JSON") !=
          std::string::npos);
    CHECK(leftovers(out).empty());
}

TEST_CASE("a second run skips unchanged cases and redoes changed ones", "[batch]") {
    const Scratch scratch;
    const fs::path ws = fresh_dir("resume"), out = fresh_dir("resume-out");
    add_case(ws, fixtures / "cases" / "profiles" / "standard", "standard");
    add_case(ws, fixtures / "cases" / "profiles" / "perpetrator", "perpetrator");
    // A manifest relative to its own folder; the cases run from it as from the workspace.
    {
        std::ofstream m(ws / "cases.txt");
        m << "standard\nperpetrator\n";
    }
    const std::vector<std::string> args{"batch", "--manifest", (ws / "cases.txt").string(),
                                        "--out", out.string(), "--json"};
    const Run first = run_safesar(args);
    REQUIRE(first.status == 0);
    const json before = first.summary();
    CHECK_FALSE(case_in(before, "standard").at("unchanged").get<bool>());

    const Run second = run_safesar(args);
    REQUIRE(second.status == 0);
    const json again = second.summary();
    CHECK(case_in(again, "standard").at("unchanged").get<bool>());
    CHECK(case_in(again, "perpetrator").at("unchanged").get<bool>());
    CHECK(case_in(again, "perpetrator").at("pages") == case_in(before, "perpetrator").at("pages"));

    // A record added: that case runs again and its folder is replaced as a whole.
    {
        std::ofstream note(ws / "standard" / "records" / "later-note.txt");
        note << "2026-06-15 Call from Dan Whitlock about the contact arrangements.\n";
    }
    fs::path stray = out / "standard" / "stray.txt";
    std::ofstream(stray) << "left by someone";
    const Run third = run_safesar(args);
    REQUIRE(third.status == 0);
    const json after = third.summary();
    CHECK_FALSE(case_in(after, "standard").at("unchanged").get<bool>());
    CHECK(case_in(after, "standard").at("records") ==
          case_in(before, "standard").at("records").get<int>() + 1);
    CHECK_FALSE(fs::exists(stray));
    CHECK(case_in(after, "perpetrator").at("unchanged").get<bool>());
    // A different resolution changes every bundle: nothing is skipped.
    auto at_150 = args;
    at_150.insert(at_150.end(), {"--dpi", "150"});
    const json redone = run_safesar(at_150).summary();
    CHECK_FALSE(case_in(redone, "perpetrator").at("unchanged").get<bool>());
    CHECK(leftovers(out).empty());
}

TEST_CASE("an interrupted batch leaves no partial outputs and resumes where it stopped",
          "[batch]") {
    const Scratch scratch;
    const fs::path ws = fresh_dir("stop"), out = fresh_dir("stop-out"), log = fresh_dir("stop-log");
    for (const char* profile : {"family-contact", "perpetrator", "standard"})
        add_case(ws, fixtures / "cases" / "profiles" / profile, profile);
    // What a batch killed with SIGKILL left behind: removed when the next one starts.
    fs::create_directories(out / ".standard.partial-999999" / "junk");
    fs::create_directories(out / ".gone.old-12");

    const pid_t pid = start({"batch", ws.string(), "--out", out.string(), "-j", "1", "--json"},
                            log / "out", log / "err");
    // Stop it once the first case is complete, while the second is running.
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!fs::exists(out / "family-contact" / ".safesar-batch.json") &&
           std::chrono::steady_clock::now() < give_up)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ::kill(pid, SIGTERM);
    const Run stopped = finish(pid, log / "out", log / "err");
    INFO(stopped.err);
    CHECK(stopped.status == 1);
    const json summary = stopped.summary();
    CHECK(summary.at("interrupted").get<bool>());
    CHECK(case_in(summary, "family-contact").at("status") == "done");
    CHECK(case_in(summary, "standard").at("status") == "not-run");
    // Not run, but the summary still says which request it is and when it is due.
    CHECK(case_in(summary, "standard").at("reference") == "SAR-2026-0601");
    CHECK(case_in(summary, "standard").at("due") == "2026-07-08");
    CHECK_FALSE(fs::exists(out / "standard"));
    CHECK(leftovers(out).empty());
    CHECK(read_text(out / "batch-summary.md").find("stopped before it finished") !=
          std::string::npos);

    const Run resumed = run_safesar({"batch", ws.string(), "--out", out.string(), "--json"});
    INFO(resumed.err);
    CHECK(resumed.status == 0);
    const json now = resumed.summary();
    CHECK(case_in(now, "family-contact").at("unchanged").get<bool>());
    CHECK(case_in(now, "standard").at("status") == "done");
    CHECK_FALSE(case_in(now, "standard").at("unchanged").get<bool>());
    CHECK(leftovers(out).empty());
}

TEST_CASE("cases with the same people run in parallel give what they give one at a time",
          "[batch]") {
    const Scratch scratch;
    // The three profiles share their people and records; `swapped` is `standard` asked for by
    // the victim, so that the same names are requester in one case and third party in the
    // other. Threads in one process are where data could mix: that mode is tested against
    // cases run one at a time, each in a process of its own.
    const fs::path ws = fresh_dir("same-people"), parallel = fresh_dir("same-people-parallel"),
                   alone = fresh_dir("same-people-alone");
    for (const char* profile : {"family-contact", "perpetrator", "standard"})
        add_case(ws, fixtures / "cases" / "profiles" / profile, profile);
    add_case(ws, fixtures / "cases" / "profiles" / "standard", "swapped");
    json request = json::parse(read_text(ws / "swapped" / "request.json"));
    json requester = request.at("parties").at(0), father = request.at("subject");
    requester.erase("role");
    father["role"] = "partner";
    request["subject"] = requester;
    request["parties"][0] = father;
    request["reference"] = "SAR-2026-0611";
    std::ofstream(ws / "swapped" / "request.json") << request.dump(1);

    REQUIRE(run_safesar({"batch", ws.string(), "--out", parallel.string(), "-j", "4", "--isolation",
                         "thread"})
                .status == 0);
    REQUIRE(run_safesar({"batch", ws.string(), "--out", alone.string(), "-j", "1"}).status == 0);

    for (const auto& [name, reference] : {std::pair{"family-contact", "SAR-2026-0603"},
                                          {"perpetrator", "SAR-2026-0602"},
                                          {"standard", "SAR-2026-0601"},
                                          {"swapped", "SAR-2026-0611"}}) {
        INFO(name);
        CHECK(bundle(parallel, name, reference) == bundle(alone, name, reference));
    }
    // Each requester's own phone number is disclosed to them, the other's is not.
    const std::string father_asks = bundle(parallel, "standard", "SAR-2026-0601").dump();
    const std::string victim_asks = bundle(parallel, "swapped", "SAR-2026-0611").dump();
    CHECK(father_asks.find("900564") != std::string::npos);
    CHECK(father_asks.find("900718") == std::string::npos);
    CHECK(victim_asks.find("900718") != std::string::npos);
    CHECK(victim_asks.find("900564") == std::string::npos);
}
