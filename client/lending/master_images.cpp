#include "lending/master_images.hpp"

#include <algorithm>
#include <iterator>

#include <nlohmann/json.hpp>

#include "inventory/device_class.hpp"
#include "lending/kitting_checklist.hpp"
#include "lending/lending_records.hpp"

namespace madoguchi::client {

std::optional<lending::MasterImage> master_image_from_json(const nlohmann::json& item) {
    if (!item.is_object()) return std::nullopt;
    const auto released = calendar::parse_date(string_field(item, "released"));
    if (!released || integer_field(item, "version") <= 0) return std::nullopt;
    const auto current = item.find("current");
    return lending::MasterImage{string_field(item, "class"), static_cast<int>(integer_field(item, "version")), *released,
                                string_field(item, "notes"), current != item.end() && current->is_boolean() && current->get<bool>()};
}

std::optional<std::vector<lending::MasterImage>> master_images_from_body(const std::string& body) {
    const auto document = nlohmann::json::parse(body, nullptr, false);
    if (!document.is_object() || !document.contains("master_images") || !document["master_images"].is_array()) {
        return std::nullopt;
    }
    std::vector<lending::MasterImage> images;
    for (const auto& item : document["master_images"]) {
        if (auto image = master_image_from_json(item)) images.push_back(std::move(*image));
    }
    return images;
}

std::vector<std::string> master_image_classes() {
    std::vector<std::string> classes;
    for (const auto& device_class : inventory::device_classes()) {
        const auto checklist = lending::kitting_checklist(device_class, {});
        if (std::any_of(checklist.begin(), checklist.end(),
                        [](const lending::KittingItemSpec& item) { return item.step == lending::KittingStep::master_image; })) {
            classes.emplace_back(device_class.code);
        }
    }
    return classes;
}

void MasterImages::load(ApiClient& api) {
    ++generation_;
    state_ = State::loading;
    api.get("/api/v1/lending/master-images", [this, generation = generation_](const ApiResult& result) {
        if (generation == generation_) accept(result);
    });
}

void MasterImages::accept(const ApiResult& result) {
    auto images = result.ok() ? master_images_from_body(result.body) : std::nullopt;
    if (!images) {
        error_ = result.ok() ? api::make_error("internal") : result.error;
        state_ = State::failed;
        return;
    }
    images_ = std::move(*images);
    error_ = {};
    state_ = State::loaded;
}

std::vector<lending::MasterImage> MasterImages::history(const std::string& code) const {
    std::vector<lending::MasterImage> found;
    std::copy_if(images_.begin(), images_.end(), std::back_inserter(found),
                 [&](const lending::MasterImage& image) { return image.class_code == code; });
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.version > b.version; });
    return found;
}

std::optional<lending::MasterImage> MasterImages::current(const std::string& code) const {
    return lending::current_master_image(images_, code);
}

int MasterImages::next_version() const { return lending::next_master_version(images_, class_code); }

bool MasterImages::publish(ApiClient& api, const calendar::Date& today) {
    if (publishing_) return false;
    errors_.clear();
    if (class_code.empty()) errors_.add_local("class", "field.required");
    if (!released.value()) errors_.add_local("released", "field.required");
    if (!errors_.empty()) return false;
    const lending::MasterImage image{class_code, next_version(), *released.value(), notes, false};
    for (const auto& problem : lending::check_new_master_image(image, images_)) errors_.add_local(problem.field, problem.reason_key);
    if (*released.value() > today) errors_.add_local("released", "field.date_in_future");
    if (!errors_.empty()) return false;
    publishing_ = true;
    const nlohmann::json body{{"class", class_code}, {"released", calendar::format_date(*released.value())}, {"notes", notes}};
    api.send({"POST", "/api/v1/lending/master-images", body.dump(), {}}, [this, &api](const ApiResult& result) {
        publishing_ = false;
        if (!result.ok()) {
            errors_.add_result(result);
            return;
        }
        const auto document = nlohmann::json::parse(result.body, nullptr, false);
        if (document.is_object()) published_ = master_image_from_json(document.value("master_image", nlohmann::json()));
        notes.clear();
        released.set(std::nullopt);
        load(api);
    });
    return true;
}

}  // namespace madoguchi::client
