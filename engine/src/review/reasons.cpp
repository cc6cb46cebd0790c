#include "review/reasons.hpp"

#include "safesar/data_dir.hpp"
#include "safesar/errors.hpp"
#include "safesar/policy.hpp"
#include "safesar/review.hpp"

#include <map>
#include <mutex>

namespace safesar::review {

namespace {

// The reasons of the dictionaries in use, read once per folder (a review cites a reason for
// every decision; the file does not change while the process runs).
const std::vector<Reason>& known_reasons() {
    static std::mutex mutex;
    static std::map<std::filesystem::path, std::vector<Reason>> read;
    const std::lock_guard<std::mutex> lock(mutex);
    const std::filesystem::path dir = dictionaries_dir();
    auto it = read.find(dir);
    if (it == read.end()) it = read.emplace(dir, read_reasons(dir)).first;
    return it->second; // map nodes stay put
}

} // namespace

Reason reason_for(const std::string& code) {
    const auto& reasons = known_reasons();
    for (const Reason& r : reasons)
        if (r.code == code) return r;
    std::string known;
    for (const Reason& r : reasons)
        known += (known.empty() ? "" : ", ") + r.code;
    throw ReviewError("", "reason \"" + code + "\" is not one of " + known);
}

} // namespace safesar::review

namespace safesar {

std::vector<Reason> reason_codes() {
    return review::known_reasons();
}

} // namespace safesar
