// Which cases a batch runs: the folders of a workspace or the lines of a manifest.
#include "safesar/batch.hpp"

#include <algorithm>
#include <fstream>
#include <map>

namespace fs = std::filesystem;

namespace safesar {

namespace {

bool same_folder(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    return fs::equivalent(a, b, ec);
}

// Each case's outputs go to OUT/<name>/ and its temporary folders to OUT/.<name>.partial-PID:
// names must be unique and plain.
void check_names(const std::vector<BatchCase>& cases, const std::string& source) {
    std::map<std::string, const BatchCase*> seen;
    for (const BatchCase& c : cases) {
        if (c.name.empty() || c.name.front() == '.' || c.name.size() > 200)
            throw BatchSetupError(c.folder.string(), "a case folder's name must not start with "
                                                     "a dot or be empty");
        if (auto [it, added] = seen.emplace(c.name, &c); !added)
            throw BatchSetupError(source, "two cases are named " + c.name + " (" +
                                              it->second->folder.string() + " and " +
                                              c.folder.string() + "): their outputs would mix");
    }
}

std::string trimmed(const std::string& line) {
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) return {};
    return line.substr(first, line.find_last_not_of(" \t\r") - first + 1);
}

} // namespace

std::vector<BatchCase> workspace_cases(const fs::path& workspace, const fs::path& out_dir) {
    std::error_code ec;
    if (!fs::is_directory(workspace, ec)) throw BatchSetupError(workspace.string(), "not a folder");
    std::vector<BatchCase> cases;
    for (const auto& entry : fs::directory_iterator(workspace, ec)) {
        const fs::path& p = entry.path();
        const std::string name = p.filename().string();
        if (name.empty() || name.front() == '.' || !entry.is_directory(ec)) continue;
        if (same_folder(p, out_dir)) continue;
        // A folder with neither is not a case (notes, an output folder); a broken case with
        // one of them is, and is reported.
        if (!fs::exists(p / "request.json", ec) && !fs::is_directory(p / "records", ec)) continue;
        cases.push_back({p, name});
    }
    if (ec) throw BatchSetupError(workspace.string(), "cannot be listed: " + ec.message());
    std::sort(cases.begin(), cases.end(),
              [](const BatchCase& a, const BatchCase& b) { return a.name < b.name; });
    check_names(cases, workspace.string());
    return cases;
}

std::vector<BatchCase> manifest_cases(const fs::path& manifest) {
    std::ifstream in(manifest);
    if (!in) throw BatchSetupError(manifest.string(), "cannot be read");
    const fs::path base = manifest.parent_path();
    std::vector<BatchCase> cases;
    for (std::string line; std::getline(in, line);) {
        line = trimmed(line);
        if (line.empty() || line.front() == '#') continue;
        fs::path folder = base / line;
        std::string name = folder.lexically_normal().filename().string();
        if (name.empty()) name = folder.lexically_normal().parent_path().filename().string();
        cases.push_back({folder, name});
    }
    if (in.bad()) throw BatchSetupError(manifest.string(), "cannot be read");
    check_names(cases, manifest.string());
    return cases;
}

std::vector<BatchCase> shard_cases(const std::vector<BatchCase>& cases, unsigned index,
                                   unsigned count) {
    if (count == 0 || index >= count)
        throw BatchSetupError("", "shard " + std::to_string(index) + " of " +
                                      std::to_string(count) + " does not exist");
    std::vector<BatchCase> share;
    for (std::size_t i = index; i < cases.size(); i += count)
        share.push_back(cases[i]);
    return share;
}

} // namespace safesar
