#include "review/sha256.hpp"

#include "safesar/review.hpp"

#include <openssl/evp.h>

#include <array>
#include <fstream>
#include <memory>

namespace safesar::review {

namespace {

std::string hex(const unsigned char* bytes, unsigned int size) {
    static const char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(size * 2);
    for (unsigned int i = 0; i < size; ++i) {
        out += digits[bytes[i] >> 4];
        out += digits[bytes[i] & 0xf];
    }
    return out;
}

using Context = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

} // namespace

std::string sha256_hex(std::string_view data) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    if (EVP_Digest(data.data(), data.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1)
        throw ReviewError("", "SHA-256 failed");
    return hex(digest.data(), size);
}

std::string sha256_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ReviewError(file.string(), "cannot be read");
    Context context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!context || EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) != 1)
        throw ReviewError(file.string(), "SHA-256 failed");
    std::array<char, 1 << 16> buffer{};
    while (in.read(buffer.data(), buffer.size()) || in.gcount() > 0) {
        if (EVP_DigestUpdate(context.get(), buffer.data(), static_cast<std::size_t>(in.gcount())) !=
            1)
            throw ReviewError(file.string(), "SHA-256 failed");
        if (!in) break;
    }
    if (in.bad()) throw ReviewError(file.string(), "cannot be read");
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    if (EVP_DigestFinal_ex(context.get(), digest.data(), &size) != 1)
        throw ReviewError(file.string(), "SHA-256 failed");
    return hex(digest.data(), size);
}

} // namespace safesar::review
