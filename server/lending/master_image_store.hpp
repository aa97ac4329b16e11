#pragma once
// Table master_images: each class's master image versions (shared/lending/master_image.hpp),
// with who published them and when.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "calendar/tokyo_time.hpp"
#include "lending/master_image.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

struct MasterImageRow {
    madoguchi::lending::MasterImage image;
    std::string published_by;
    std::string published_at;
};

nlohmann::json to_json(const MasterImageRow& row);

// Every class's masters (one class's with `class_code`), by class and newest version first.
store::Result<std::vector<MasterImageRow>> list_master_images(store::Database& database,
                                                              const std::optional<std::string>& class_code);
// The images alone, as the shared rules take them.
std::vector<madoguchi::lending::MasterImage> images_of(const std::vector<MasterImageRow>& rows);

// Stores the image as its class's current one; the class's others stop being current.
store::Status insert_current_master(store::Database& database, const madoguchi::lending::MasterImage& image,
                                   const std::string& login, calendar::Instant now);

}  // namespace madoguchi::server::lending
