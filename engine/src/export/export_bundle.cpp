// export_bundle: plan, render and write the PDF, write the JSON, verify both under their
// temporary names, and only then rename them into place. Any failure leaves nothing behind.
#include "safesar/export.hpp"

#include "export/atomic_file.hpp"
#include "export/bundle_plan.hpp"
#include "export/bundle_writer.hpp"
#include "export/fonts.hpp"
#include "export/json_writer.hpp"
#include "export/output_document.hpp"
#include "export/podofo.hpp"
#include "export/raster_pipeline.hpp"
#include "export/settings.hpp"
#include "safesar/errors.hpp"
#include "safesar/printable.hpp"
#include "safesar/verify.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <optional>
#include <sys/resource.h>
#include <thread>

namespace safesar {

namespace {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double process_cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

std::string today() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char buffer[11];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &local);
    return buffer;
}

// The reference names the files (as Case::output_stem): it must be one plain file name.
void check_reference(const std::string& reference) {
    bool bad = reference.empty() || reference == "." || reference == ".." ||
               reference.front() == '.' || reference.size() > 200;
    for (char c : reference)
        if (c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20) bad = true;
    if (bad)
        throw ExportError("", "the reference \"" + shown(reference, 60) +
                                  "\" cannot name an output file (one plain file name of at "
                                  "most 200 bytes)");
}

int worker_count(int requested) {
    if (requested > 0) return requested;
    return static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 4u));
}

std::string summary(const std::vector<std::string>& failures) {
    std::string out;
    for (std::size_t i = 0; i < failures.size() && i < 3; ++i)
        out += (i ? "; " : "") + failures[i];
    if (failures.size() > 3) out += "; and " + std::to_string(failures.size() - 3) + " more";
    return out;
}
} // namespace

ExportResult export_bundle(const Disclosure& disclosure, const ExportOptions& options) {
    if (!disclosure.request) throw ExportError("", "the disclosure has no request");
    const std::string reference = disclosure.request->output_stem();
    check_reference(reference);
    if (options.dpi < 36 || options.dpi > 600)
        throw ExportError("", "dpi must be between 36 and 600, not " + std::to_string(options.dpi));
    if (options.out_dir.empty()) throw ExportError("", "no output folder given");
    std::error_code ec;
    fs::create_directories(options.out_dir, ec);
    if (ec)
        throw ExportError(options.out_dir.string(), "cannot create the folder: " + ec.message());

    ControllerSettings settings;
    Limits limits;
    try {
        settings = exporting::load_controller_settings(options.settings_file);
        limits = options.limits ? *options.limits : default_limits();
    } catch (const DataError& e) {
        throw ExportError(e.file(), e.reason());
    }
    PoDoFo::PdfError::EnableLogging(false); // errors reach the caller as ExportError instead
    PoDoFo::PdfError::EnableDebug(false);

    const std::string pdf_name = reference + ".pdf", json_name = reference + ".json";
    // What a killed run left here (unverified, half-written bundles) would otherwise stay.
    exporting::remove_stale_temporaries(options.out_dir);
    // With a password the JSON is encrypted too: inside the PDF, never beside it.
    const bool embed_json = !options.password.empty();
    exporting::AtomicFile pdf(options.out_dir / pdf_name);
    std::optional<exporting::AtomicFile> json;
    if (!embed_json) json.emplace(options.out_dir / json_name);
    ExportResult result;
    const double cpu_start = process_cpu_seconds();
    try {
        throw_if_cancelled(options.cancel);
        auto start = Clock::now();
        exporting::BundlePlan plan;
        {
            exporting::OutputDocument document(pdf.temp_path(), options.password);
            exporting::Fonts fonts = exporting::embed_fonts(document.document());
            plan =
                exporting::plan_bundle(disclosure, fonts, settings, options.dpi,
                                       options.export_date.empty() ? today() : options.export_date);
            result.timings.plan_seconds = seconds_since(start);
            start = Clock::now();
            exporting::WriteStats stats;
            {
                exporting::RasterPipeline pipeline(plan.raster_jobs, worker_count(options.workers),
                                                   limits.page_seconds);
                exporting::write_bundle_pages(document.document(), fonts, plan, disclosure.draft,
                                              pipeline, stats, options.on_page_done,
                                              options.cancel);
            }
            std::string json_text = exporting::bundle_json(disclosure, plan, settings, pdf_name);
            if (embed_json)
                document.attach(json_name, json_text);
            else
                exporting::write_whole_file(json->temp_path(), json_text);
            document.close(disclosure.request->reference); // the title: the reference itself
            result.timings.write_seconds = seconds_since(start);
            result.timings.render_seconds = stats.render_seconds;
            result.timings.encode_seconds = stats.encode_seconds;
            result.timings.image_bytes = stats.image_bytes;
            result.timings.image_encodings = stats.image_methods;
            result.omissions = plan.omissions;
            result.omissions.insert(result.omissions.end(), stats.omissions.begin(),
                                    stats.omissions.end());
        }
        pdf.sync();
        if (json) json->sync();
        throw_if_cancelled(options.cancel);
        if (options.verify) {
            if (options.on_verifying) options.on_verifying();
            start = Clock::now();
            const double verify_cpu = process_cpu_seconds();
            OutputFiles files{pdf.temp_path(), json ? json->temp_path() : fs::path(),
                              pdf_name,        json_name,
                              plan.fixed_text, embed_json ? json_name : ""};
            for (std::string& text : exporting::json_fixed_text(disclosure, settings))
                files.fixed_text.push_back(std::move(text));
            VerifyReport report = verify_output(files, disclosure, options.password);
            result.timings.verify_seconds = seconds_since(start);
            result.timings.verify_cpu_seconds = process_cpu_seconds() - verify_cpu;
            if (!report.ok())
                throw VerificationFailed(pdf_name,
                                         "verification failed, nothing was written: " +
                                             summary(report.failures),
                                         std::move(report.leaks));
            result.warnings = std::move(report.warnings);
        }
        throw_if_cancelled(options.cancel); // the last moment nothing has been put in place
        pdf.commit();
        try {
            if (json) json->commit();
        } catch (...) {
            pdf.discard();
            throw;
        }
        exporting::sync_directory(options.out_dir);
        result.timings.cpu_seconds = process_cpu_seconds() - cpu_start;
        result.pdf = pdf.final_path();
        if (json) result.json = json->final_path();
        result.json_name = json_name;
        result.json_embedded = embed_json;
        result.pages = static_cast<int>(plan.pages.size());
        result.redactions = plan.redaction_count;
    } catch (const PoDoFo::PdfError& e) {
        throw ExportError(pdf_name,
                          std::string("PoDoFo: ") + PoDoFo::PdfError::ErrorMessage(e.GetError()));
    } catch (const ExportError&) {
        throw;
    } catch (const Cancelled&) {
        throw; // the temporary files are removed by their AtomicFile
    } catch (const Error& e) {
        throw ExportError(e.file(), e.reason());
    } catch (const std::exception& e) {
        throw ExportError(pdf_name, e.what());
    }
    return result;
}

} // namespace safesar
