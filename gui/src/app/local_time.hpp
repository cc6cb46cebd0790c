// The review state stamps every act in UTC; reviewers read their own local time.
#pragma once

#include <QString>

#include <string>

namespace safesar::gui {

// "12 Nov 2026 14:03" in the local time zone, from "2026-11-12T14:03:07.123Z"; the text as
// given when it is not such a time.
QString local_time(const std::string& utc_iso);

} // namespace safesar::gui
