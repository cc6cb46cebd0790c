#include "batch/fingerprint.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <stdexcept>
#include <vector>

namespace fs = std::filesystem;

namespace safesar::batching {

Sha256::Sha256() : context_(EVP_MD_CTX_new()) {
    if (!context_ || EVP_DigestInit_ex(context_, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 is not available");
}

Sha256::~Sha256() {
    EVP_MD_CTX_free(context_);
}

void Sha256::update(const void* data, std::size_t size) {
    EVP_DigestUpdate(context_, data, size);
}

bool Sha256::update_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return false;
    // Hash into a digest of its own first, so a read error halfway adds nothing.
    Sha256 content;
    std::array<char, 1 << 16> buffer;
    while (in.read(buffer.data(), buffer.size()) || in.gcount() > 0)
        content.update(buffer.data(), static_cast<std::size_t>(in.gcount()));
    if (in.bad()) return false;
    update(content.hex());
    return true;
}

std::string Sha256::hex() {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned size = 0;
    EVP_DigestFinal_ex(context_, digest.data(), &size);
    static const char* const digits = "0123456789abcdef";
    std::string out;
    for (unsigned i = 0; i < size; ++i) {
        out += digits[digest[i] >> 4];
        out += digits[digest[i] & 15];
    }
    return out;
}

std::string file_digest(const fs::path& file) {
    Sha256 sha;
    return sha.update_file(file) ? sha.hex() : std::string();
}

std::string folder_digest(const fs::path& folder) {
    // The walk mirrors gathering's: links are not followed, since gathering reads a link only
    // when it stays inside records/, and then reads its target under its own name too.
    struct Entry {
        std::string name, line;
        fs::path file;
    };
    std::vector<Entry> entries;
    std::error_code ec;
    auto options = fs::directory_options::skip_permission_denied;
    for (auto it = fs::recursive_directory_iterator(folder, options, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().lexically_relative(folder).generic_string();
        std::error_code e;
        if (it->is_symlink(e)) {
            entries.push_back({name, "link " + fs::read_symlink(it->path(), e).string(), {}});
        } else if (it->is_regular_file(e)) {
            entries.push_back({name, "file " + std::to_string(it->file_size(e)), it->path()});
        } else if (!it->is_directory(e)) {
            entries.push_back({name, "other", {}});
        }
    }
    Sha256 sha;
    sha.update(ec ? "walk failed: " + ec.message() + "\n" : std::string());
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.name < b.name; });
    for (const Entry& e : entries) {
        sha.update(e.name + '\0' + e.line + '\0');
        if (!e.file.empty() && !sha.update_file(e.file)) sha.update("unreadable");
        sha.update("\n");
    }
    return sha.hex();
}

std::string environment_digest(const fs::path& program, const fs::path& dictionaries, int dpi) {
    Sha256 sha;
    sha.update("safesar-batch/1\nprogram ");
    // Any rebuild counts as a new version: the engine's behaviour is in the binary.
    sha.update(file_digest(program));
    sha.update("\ndictionaries ");
    sha.update(folder_digest(dictionaries));
    sha.update("\ndpi " + std::to_string(dpi) + "\n");
    return sha.hex();
}

std::string case_fingerprint(const fs::path& case_folder, const std::string& environment) {
    Sha256 sha;
    sha.update(environment + "\nrequest.json ");
    // Only a regular file is read: a named pipe would block the batch for ever.
    std::error_code ec;
    const fs::path request = case_folder / "request.json";
    sha.update(fs::is_regular_file(request, ec) ? file_digest(request) : "not a file");
    sha.update("\nrecords ");
    sha.update(folder_digest(case_folder / "records"));
    return sha.hex();
}

} // namespace safesar::batching
