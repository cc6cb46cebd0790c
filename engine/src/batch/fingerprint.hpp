// Fingerprints: SHA-256 digests that say whether a case must run again. A case's fingerprint
// covers its request.json, every file under records/ by path, size and content, and the
// environment (the program, the dictionaries, the settings that change the bundle).
#pragma once

#include <filesystem>
#include <memory>
#include <string>

struct evp_md_ctx_st;

namespace safesar::batching {

class Sha256 {
  public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void update(const void* data, std::size_t size);
    void update(const std::string& text) { update(text.data(), text.size()); }
    // Adds the file's bytes; returns false (and adds nothing) when it cannot be read.
    bool update_file(const std::filesystem::path& file);
    std::string hex(); // finishes the digest

  private:
    evp_md_ctx_st* context_;
};

// Every file under `folder` (relative path, size, content; a link by its target), in path
// order. A file that cannot be read counts as such, so the digest is always defined.
std::string folder_digest(const std::filesystem::path& folder);

std::string file_digest(const std::filesystem::path& file); // "" when it cannot be read

// The program, the dictionaries and the settings that change a bundle: computed once a batch.
std::string environment_digest(const std::filesystem::path& program,
                               const std::filesystem::path& dictionaries, int dpi);

std::string case_fingerprint(const std::filesystem::path& case_folder,
                             const std::string& environment);

} // namespace safesar::batching
