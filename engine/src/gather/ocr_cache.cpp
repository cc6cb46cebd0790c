#include "ocr_cache.hpp"

#include <nlohmann/json.hpp>
#include <openssl/evp.h>

#include <unistd.h>

#include <array>
#include <atomic>
#include <fstream>
#include <memory>
#include <system_error>

namespace fs = std::filesystem;

namespace safesar {

namespace {

// Bumped whenever the reading changes (orientation, skew, words kept), so old results miss.
constexpr int format_version = 1;

std::string hex(const unsigned char* bytes, unsigned n) {
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned i = 0; i < n; ++i) {
        out += digits[bytes[i] >> 4];
        out += digits[bytes[i] & 15];
    }
    return out;
}

} // namespace

std::string OcrCache::key(const GrayImage& image, int dpi) {
    const std::string header = "safesar-ocr " + std::to_string(format_version) + "\n" +
                               ocr_engine_version() + "\n" + std::to_string(dpi) + " dpi " +
                               std::to_string(image.width) + "x" + std::to_string(image.height) +
                               "\n";
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned size = 0;
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1 ||
        EVP_DigestUpdate(ctx.get(), header.data(), header.size()) != 1 ||
        EVP_DigestUpdate(ctx.get(), image.pixels.data(), image.pixels.size()) != 1 ||
        EVP_DigestFinal_ex(ctx.get(), digest.data(), &size) != 1)
        return {}; // no key: the page is simply not cached
    return hex(digest.data(), size);
}

std::optional<OcrPage> OcrCache::load(const std::string& key, int width, int height) const {
    if (!enabled() || key.empty()) return std::nullopt;
    std::ifstream in(file_of(key), std::ios::binary);
    if (!in) return std::nullopt;
    try {
        const nlohmann::json j = nlohmann::json::parse(in);
        if (j.at("version").get<int>() != format_version || j.at("width").get<int>() != width ||
            j.at("height").get<int>() != height)
            return std::nullopt;
        OcrPage page;
        page.rotation = j.at("rotation").get<int>();
        page.skew = j.at("skew").get<float>();
        for (const auto& a : j.at("words")) {
            OcrWord w;
            w.text = a.at(0).get<std::string>();
            w.x0 = a.at(1).get<int>();
            w.y0 = a.at(2).get<int>();
            w.x1 = a.at(3).get<int>();
            w.y1 = a.at(4).get<int>();
            w.confidence = a.at(5).get<float>();
            w.line_start = a.at(6).get<bool>();
            // A box outside the image can only come from a damaged or foreign file.
            if (w.x0 < 0 || w.y0 < 0 || w.x1 > width || w.y1 > height || w.x1 < w.x0 || w.y1 < w.y0)
                return std::nullopt;
            page.words.push_back(std::move(w));
        }
        return page;
    } catch (const std::exception&) {
        return std::nullopt; // unreadable: read the page again
    }
}

bool OcrCache::store(const std::string& key, int width, int height, const OcrPage& page) const {
    if (!enabled() || key.empty()) return false;
    nlohmann::json words = nlohmann::json::array();
    for (const OcrWord& w : page.words)
        words.push_back({w.text, w.x0, w.y0, w.x1, w.y1, w.confidence, w.line_start});
    const nlohmann::json j = {
        {"version", format_version}, {"engine", ocr_engine_version()}, {"width", width},
        {"height", height},          {"rotation", page.rotation},      {"skew", page.skew},
        {"words", std::move(words)}};
    std::error_code ec;
    fs::create_directories(folder_, ec);
    // Unique per process and call, so two readers of the same page never share a temporary.
    static std::atomic<unsigned> counter{0};
    const fs::path target = file_of(key);
    const fs::path temp =
        folder_ / (key + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter++));
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        out.close();
        if (!out) {
            fs::remove(temp, ec);
            return false;
        }
    }
    fs::rename(temp, target, ec);
    if (!ec) return true;
    fs::remove(temp, ec);
    return false;
}

} // namespace safesar
