#include "lending/master_image.hpp"

#include <algorithm>

#include "validation/text_rules.hpp"

namespace madoguchi::lending {
namespace {

constexpr std::size_t notes_limit = 2000;

const MasterImage* newest_of_class(std::span<const MasterImage> images, std::string_view class_code) {
    const MasterImage* newest = nullptr;
    for (const auto& image : images) {
        if (image.class_code == class_code && (!newest || image.version > newest->version)) newest = &image;
    }
    return newest;
}

}  // namespace

std::optional<MasterImage> current_master_image(std::span<const MasterImage> images, std::string_view class_code) {
    // Should stored data ever flag two, the higher version is the one kitting applies.
    const MasterImage* current = nullptr;
    for (const auto& image : images) {
        if (image.class_code == class_code && image.current && (!current || image.version > current->version)) {
            current = &image;
        }
    }
    if (!current) return std::nullopt;
    return *current;
}

const MasterImage* find_master_image(std::span<const MasterImage> images, std::string_view class_code, int version) {
    const auto found = std::find_if(images.begin(), images.end(), [&](const MasterImage& image) {
        return image.class_code == class_code && image.version == version;
    });
    return found == images.end() ? nullptr : &*found;
}

int next_master_version(std::span<const MasterImage> images, std::string_view class_code) {
    const auto* newest = newest_of_class(images, class_code);
    return newest ? newest->version + 1 : 1;
}

std::vector<validation::FieldProblem> check_new_master_image(const MasterImage& image,
                                                            std::span<const MasterImage> images) {
    std::vector<validation::FieldProblem> problems;
    if (image.version < 1) {
        problems.push_back({"version", "lending.master.invalid_version"});
    } else if (find_master_image(images, image.class_code, image.version)) {
        problems.push_back({"version", "lending.master.duplicate_version"});
    }
    const auto* newest = newest_of_class(images, image.class_code);
    if (newest && image.released < newest->released) {
        problems.push_back({"released", "lending.master.older_release"});
    }
    if (auto problem = validation::text_problem(image.notes, notes_limit, false, true); !problem.empty()) {
        problems.push_back({"notes", std::move(problem)});
    }
    return problems;
}

std::optional<std::vector<MasterImage>> make_current(std::span<const MasterImage> images, std::string_view class_code,
                                                     int version) {
    if (!find_master_image(images, class_code, version)) return std::nullopt;
    std::vector<MasterImage> updated(images.begin(), images.end());
    for (auto& image : updated) {
        if (image.class_code == class_code) image.current = image.version == version;
    }
    return updated;
}

}  // namespace madoguchi::lending
