// Reading the formats of issue 15: one large record of each format at two sizes (so the cost can
// be seen to grow linearly), and many small ones through the whole gather step. OCR is off: its
// cost is ocr_bench's. Inputs come from fixtures/make_big_formats.py (needs python3-pil).
//   usage: formats_bench [ROWS] [SMALL_COPIES]     (defaults 20000 and 40)
#include "bench_util.hpp"

#include "safesar/gather.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <string>

namespace fs = std::filesystem;
using namespace safesar;

namespace {

using Reader = std::function<Record(const std::string&, std::string_view)>;

std::string bytes_of(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

bool generate(const fs::path& dir, int rows, int small) {
    fs::remove_all(dir);
    const std::string make = "python3 '" SAFESAR_SOURCE_DIR "/fixtures/make_big_formats.py' '" +
                             dir.string() + "' --rows " + std::to_string(rows) + " --small " +
                             std::to_string(small);
    return std::system(make.c_str()) == 0;
}

struct Timing {
    double seconds = 0;
    std::size_t sections = 0;
};

Timing time_read(const Reader& read, const std::string& bytes) {
    const auto t0 = std::chrono::steady_clock::now();
    Record r = read("big", bytes);
    Timing t;
    t.seconds = bench::seconds_since(t0);
    t.sections = r.sections.size();
    return t;
}

} // namespace

int main(int argc, char** argv) {
    const int rows = argc > 1 ? std::atoi(argv[1]) : 20000;
    const int small = argc > 2 ? std::atoi(argv[2]) : 40;
    const fs::path base = fs::temp_directory_path() / "safesar-formats-bench";
    const fs::path one = base / "n", two = base / "2n";
    if (!generate(one, rows, small) || !generate(two, 2 * rows, 0)) {
        std::cerr << "formats_bench: could not generate the inputs\n";
        return 1;
    }
    GatherOptions options;
    options.ocr = false;
    std::vector<Record> attachments;
    auto with = [&](auto fn) {
        return Reader([&, fn](const std::string& name, std::string_view bytes) {
            attachments.clear();
            return fn(name, bytes, options, attachments);
        });
    };
    struct Format {
        const char* file;
        const char* unit; // what `rows` counts in this file
        Reader read;
    };
    const Format formats[] = {
        {"big.docx", "paragraphs", with(read_docx)}, {"big.odt", "paragraphs", with(read_odt)},
        {"big.rtf", "paragraphs", with(read_rtf)},   {"big.html", "paragraphs", with(read_html)},
        {"big.msg", "body lines", with(read_msg)},   {"big.xlsx", "rows", with(read_xlsx)},
        {"big.ods", "rows", with(read_ods)},
        {"big.tiff", "pages", Reader([&](const std::string& n, std::string_view b) {
             return read_image(n, b, options);
         })},
    };
    std::cout << std::fixed << std::setprecision(2);
    for (const Format& f : formats) {
        const std::string a = bytes_of(one / f.file), b = bytes_of(two / f.file);
        const Timing ta = time_read(f.read, a), tb = time_read(f.read, b);
        const std::string unit = f.unit;
        const double units = unit == "pages"           ? std::max(1, rows / 500)
                             : unit == "body lines" ? rows / 4
                                                        : rows;
        std::cout << f.file << ": " << a.size() / 1e6 << " MB, " << units << " " << f.unit
                  << " in " << ta.seconds << " s (" << a.size() / 1e6 / ta.seconds << " MB/s, "
                  << units / ta.seconds << " " << f.unit << "/s, " << ta.sections
                  << " sections); twice the size in " << tb.seconds << " s (x"
                  << tb.seconds / ta.seconds << ")\n";
    }
    // Many small records through the whole gather step: kind sniffing, reading, attachments.
    Case c;
    c.folder = base / "small-case";
    fs::remove_all(c.folder);
    fs::create_directories(c.folder);
    fs::rename(one / "small", c.folder / "records");
    std::size_t files = 0;
    for (const auto& e : fs::directory_iterator(c.folder / "records")) files += e.is_regular_file();
    for (const unsigned threads : {1u, 0u}) {
        GatherOptions o = options;
        o.threads = threads;
        const auto t0 = std::chrono::steady_clock::now();
        GatherResult g = gather_records(c, o);
        const double s = bench::seconds_since(t0);
        std::cout << "gather " << files << " small records (" << g.records.size()
                  << " records with attachments, " << g.skipped.size() << " skipped) on "
                  << (threads ? "1 thread" : "every core") << ": " << s << " s, " << files / s
                  << " files/s\n";
    }
    std::cout << "peak memory " << bench::peak_mib() << " MiB\n";
    fs::remove_all(base);
}
