// Names of attachments as records of their own ("mail.eml#safety-plan.pdf"), shared by every
// reader that finds files inside files (e-mail, PDF).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace safesar::gather_detail {

// Attachment names longer than this are cut (they end up in reports and file names).
constexpr std::size_t max_attachment_name_bytes = 200;

// A name made safe for record names: valid UTF-8, no folders, no control characters, no '#'
// (it separates container and attachment), bounded length. Empty when nothing usable is left.
std::string clean_attachment_name(const std::string& name);

// One container's attachment names: cleaned, a fallback for a nameless attachment
// ("attachment-3.pdf"), and a second "plan.pdf" becoming "plan (2).pdf".
class AttachmentNames {
  public:
    // `fallback_stem` ("attachment-", "message-") is followed by the attachment's number and
    // `fallback_extension` when the name is empty.
    std::string unique(const std::string& name, const std::string& fallback_stem,
                       const std::string& fallback_extension);

  private:
    std::vector<std::string> used_;
    int count_ = 0;
};

} // namespace safesar::gather_detail
