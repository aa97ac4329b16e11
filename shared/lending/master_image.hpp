#pragma once
// キッティング用マスター (the master image devices of a class are kitted from), versioned per
// class (マスター更新・管理, requirements 1.3(1)イ(ア)a (e)⑨): patches and version-ups are
// verified, put into a new master, and reach every device at its next kitting. One version
// per class is current; a kitting task records which one it applied.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/civil_date.hpp"
#include "validation/field_problem.hpp"

namespace madoguchi::lending {

struct MasterImage {
    std::string class_code;
    int version = 1;           // 1, 2, 3, … per class
    calendar::Date released;   // when the desk released it for kitting
    std::string notes;         // what changed, multi-line: at most 2000 characters
    bool current = false;
    friend bool operator==(const MasterImage&, const MasterImage&) = default;
};

// The current version of the class; empty when the class has none.
std::optional<MasterImage> current_master_image(std::span<const MasterImage> images, std::string_view class_code);
const MasterImage* find_master_image(std::span<const MasterImage> images, std::string_view class_code, int version);

// The version a new master of the class takes: one above the highest so far.
int next_master_version(std::span<const MasterImage> images, std::string_view class_code);

// A new master checked against the ones stored. Reason keys: version
// lending.master.invalid_version (below 1) or lending.master.duplicate_version (the class
// already has it); released lending.master.older_release (before the class's newest master);
// notes the text rules' keys (field.too_long_2000, …).
std::vector<validation::FieldProblem> check_new_master_image(const MasterImage& image,
                                                            std::span<const MasterImage> images);

// The class's masters with `version` current and the others of the class not; other classes
// are left as they are. Empty when the class has no such version.
std::optional<std::vector<MasterImage>> make_current(std::span<const MasterImage> images, std::string_view class_code,
                                                     int version);

}  // namespace madoguchi::lending
