// Gathering: walk records/, decide each file's kind from its content, read it into the
// document model, and report every file that could not be read. Files are read on all cores;
// the result is in path order whatever the timing.
#include "safesar/gather.hpp"

#include "gather/file_kind.hpp"
#include "gather/read_record.hpp"
#include "safesar/errors.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <fstream>
#include <iterator>
#include <mutex>
#include <thread>

namespace fs = std::filesystem;

namespace safesar {

namespace {

struct Found {
    fs::path file;
    std::string name;    // relative to records/
    std::string problem; // set when the walk itself rejects the file
};

// Every regular file under records/, sorted. A link that leads out of records/ is refused:
// gathering must not read (and so disclose) files the controller did not put in the records.
std::vector<Found> walk_records(const Case& c) {
    std::vector<Found> found;
    const fs::path root = c.records_dir();
    std::error_code ec;
    if (!fs::is_directory(root, ec))
        throw RecordError("records/", "the case has no records/ folder");
    const fs::path records_root = fs::weakly_canonical(root, ec);
    auto options = fs::directory_options::skip_permission_denied;
    for (auto it = fs::recursive_directory_iterator(root, options, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::path& p = it->path();
        Found f{p, p.lexically_relative(root).generic_string(), {}};
        if (it->is_symlink(ec)) {
            fs::path target = fs::weakly_canonical(p, ec);
            auto rel = fs::relative(target, records_root, ec);
            if (ec || rel.empty() || *rel.begin() == "..") {
                f.problem = "a link that leads out of the case's records/ folder; not followed";
                found.push_back(f);
                it.disable_recursion_pending();
                continue;
            }
        }
        if (it->is_directory(ec)) continue;
        if (!it->is_regular_file(ec)) {
            f.problem = "not a regular file";
        }
        found.push_back(f);
    }
    std::sort(found.begin(), found.end(),
              [](const Found& a, const Found& b) { return a.name < b.name; });
    return found;
}

// What one file turned into: its records (the file and its attachments) or why it failed.
struct Outcome {
    std::vector<Record> records;
    std::vector<SkippedRecord> skipped;
};

class FileGatherer {
  public:
    explicit FileGatherer(const GatherOptions& options) : options_(options) {}

    Outcome gather(const Found& f) {
        Outcome out;
        if (!f.problem.empty()) {
            out.skipped.push_back({f.name, f.problem});
            return out;
        }
        try {
            FileKind kind = sniffer_.of_file(f.file);
            std::vector<Record> attachments;
            Record r = read_file(f.file, f.name, kind, nullptr, attachments);
            out.records.push_back(std::move(r));
            expand_attachments(attachments, out);
        } catch (const Cancelled&) {
            throw; // not a problem with the file
        } catch (const Error& e) {
            out.skipped.push_back({f.name, e.reason()});
        } catch (const std::exception& e) {
            out.skipped.push_back({f.name, std::string("could not be read: ") + e.what()});
        }
        return out;
    }

  private:
    Record read_file(const fs::path& file, const std::string& name, const FileKind& kind,
                     const std::vector<unsigned char>* bytes, std::vector<Record>& attachments) {
        return gather_detail::read_record(kind, file, name, bytes, options_, attachments);
    }

    // Attachments and embedded files become records of their own, read by the reader their
    // content calls for (a PDF in an e-mail, a workbook in a letter, a photo in an Outlook
    // message), and their own attachments in turn. E-mail readers fill nested messages and text
    // parts themselves; what comes with bytes only is read here.
    void expand_attachments(std::vector<Record>& pending, Outcome& out) {
        for (std::size_t i = 0; i < pending.size(); ++i) {
            Record a = std::move(pending[i]);
            try {
                if (a.sections.empty() && !a.bytes.empty()) {
                    if (nesting(a.name) > max_nesting)
                        throw RecordError(a.name, "files nested more than " +
                                                      std::to_string(max_nesting) +
                                                      " deep inside one another are not read");
                    if (pending.size() > max_attachments)
                        throw RecordError(a.name, "more than " + std::to_string(max_attachments) +
                                                      " files inside one record; the rest are "
                                                      "not read");
                    FileKind kind = sniffer_.of_bytes(a.bytes, a.name);
                    if (kind.empty) throw RecordError(a.name, "empty attachment");
                    if (kind.reader == Reader::None)
                        throw RecordError(a.name, "attachment of a kind SafeSAR does not read (" +
                                                      kind.mime + ")");
                    std::vector<Record> nested;
                    Record r = read_file(a.path, a.name, kind, &a.bytes, nested);
                    r.path = a.path;
                    r.parent = a.parent;
                    for (auto& n : nested)
                        n.path = a.path;
                    // Export renders pages from the bytes; other kinds are shown from sections.
                    if (r.kind == RecordKind::Pdf || r.kind == RecordKind::Image)
                        r.bytes = std::move(a.bytes);
                    a = std::move(r);
                    for (auto& n : nested)
                        pending.push_back(std::move(n));
                }
                if (a.sections.empty() && a.kind != RecordKind::Pdf)
                    throw RecordError(a.name, "attachment with no readable content");
                out.records.push_back(std::move(a));
            } catch (const Cancelled&) {
                throw;
            } catch (const Error& e) {
                out.skipped.push_back({a.name, e.reason()});
            }
        }
    }

    // How deep an attachment sits: "mail.msg#letter.docx#embeddings/x.xlsx" is 2.
    static std::size_t nesting(const std::string& name) {
        return static_cast<std::size_t>(std::count(name.begin(), name.end(), '#'));
    }
    // A zip that holds itself, or a chain of documents each embedding the next, stops here.
    static constexpr std::size_t max_nesting = 8;
    static constexpr std::size_t max_attachments = 10000;

    const GatherOptions& options_;
    FileKindSniffer sniffer_;
};

} // namespace

GatherResult gather_records(const Case& c, const GatherOptions& options) {
    throw_if_cancelled(options.cancel);
    const std::vector<Found> files = walk_records(c);
    std::vector<Outcome> outcomes(files.size());

    std::atomic<std::size_t> next{0};
    std::mutex progress; // serialises on_file_done and guards `failure`
    int done = 0;
    std::exception_ptr failure; // the first worker's exception (Cancelled, a callback's)
    std::atomic<bool> stop{false};
    auto worker = [&] {
        try {
            FileGatherer gatherer(options);
            for (std::size_t i; !stop && (i = next++) < files.size();) {
                throw_if_cancelled(options.cancel);
                outcomes[i] = gatherer.gather(files[i]);
                std::lock_guard lock(progress);
                ++done;
                if (options.on_file_done)
                    options.on_file_done(done, static_cast<int>(files.size()));
            }
        } catch (...) {
            stop = true;
            std::lock_guard lock(progress);
            if (!failure) failure = std::current_exception();
        }
    };
    const unsigned wanted = options.threads ? options.threads : std::thread::hardware_concurrency();
    const unsigned threads =
        std::max(1u, std::min<unsigned>(wanted, static_cast<unsigned>(files.size())));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t)
        pool.emplace_back(worker);
    worker();
    for (auto& t : pool)
        t.join();
    if (failure) std::rethrow_exception(failure);

    GatherResult result;
    for (auto& o : outcomes) {
        std::move(o.records.begin(), o.records.end(), std::back_inserter(result.records));
        std::move(o.skipped.begin(), o.skipped.end(), std::back_inserter(result.skipped));
    }
    return result;
}

} // namespace safesar
