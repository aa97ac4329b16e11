#include "inventory/label_font.hpp"

#include <string>

namespace madoguchi::server::inventory {

namespace fs = std::filesystem;

fs::path find_label_font(const fs::path& web_dir) {
    std::error_code failure;
    // scripts/lib/package_web.py names it fonts/BIZUDPGothic-subset.<hash>.ttf.
    for (auto entry = fs::directory_iterator(web_dir / "fonts", failure); !failure && entry != fs::directory_iterator();
         entry.increment(failure)) {
        const auto name = entry->path().filename().string();
        if (name.starts_with("BIZUDPGothic-subset.") && name.ends_with(".ttf")) return entry->path();
    }
    const fs::path debian_font = "/usr/share/fonts/truetype/bizud-gothic/BIZUDPGothic-Regular.ttf";
    if (fs::is_regular_file(debian_font, failure)) return debian_font;
    return {};
}

}  // namespace madoguchi::server::inventory
