#pragma once
// The font a PDF label sheet's Japanese is set in: BIZ UDPGothic, as the web app shows it.
#include <filesystem>

namespace madoguchi::server::inventory {

// The web app's own font under `web_dir`/fonts (the subset the UI draws with, CP932 and every
// catalog string), else the full font of Debian's fonts-morisawa-bizud-gothic; empty when
// neither is there. Looked up per sheet: a rebuilt web app renames its font.
std::filesystem::path find_label_font(const std::filesystem::path& web_dir);

}  // namespace madoguchi::server::inventory
