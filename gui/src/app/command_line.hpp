// The options safesar-gui answers without opening a window: --help and --version (read by
// help2man for safesar-gui(1), and usable with no display).
#pragma once

#include <optional>

namespace safesar::gui {

// When argv asks for help or the version: prints it and returns the exit status. Otherwise
// nullopt, and the window opens.
std::optional<int> answer_without_window(int argc, char** argv);

} // namespace safesar::gui
