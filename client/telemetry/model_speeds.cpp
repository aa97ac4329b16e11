#include "telemetry/model_speeds.hpp"

#include <algorithm>

#include "api/field_messages.hpp"
#include "api/form_errors.hpp"
#include "telemetry/loop_rules_form.hpp"
#include "telemetry/telemetry_records.hpp"
#include "text/search_fold.hpp"

namespace madoguchi::client {
namespace {

// The server's limits (server/telemetry/model_speed_store.hpp), checked before sending.
constexpr std::int64_t fewest_pages_per_minute = 1;
constexpr std::int64_t most_pages_per_minute = 300;

}  // namespace

std::optional<ModelSpeedRow> model_speed_from_json(const nlohmann::json& json) {
    if (!json.is_object() || integer_member(json, "model_id") <= 0) return std::nullopt;
    return ModelSpeedRow{integer_member(json, "model_id"),
                         text_member(json, "model"),
                         number_member<std::int64_t>(json, "pages_per_minute"),
                         integer_member(json, "effective_pages_per_minute"),
                         text_member(json, "updated_by"),
                         instant_member(json, "updated_at")};
}

void ModelSpeeds::load(ApiClient& api) {
    ++generation_;
    state_ = State::loading;
    api.get("/api/v1/telemetry/model-speeds", [this, generation = generation_](const ApiResult& result) {
        if (generation != generation_) return;
        const auto document = result.ok() ? nlohmann::json::parse(result.body, nullptr, false) : nlohmann::json();
        const auto models = document.is_object() ? document.find("models") : document.end();
        if (!result.ok() || models == document.end() || !models->is_array()) {
            error_ = result.ok() ? api::make_error("internal") : result.error;
            state_ = State::failed;
            return;
        }
        // A row the user has typed in keeps its typing and its problem, as the device form
        // does over a reload; the others show what is stored now.
        std::map<std::int64_t, std::string> typed;
        for (const auto& row : rows_) {
            if (changed(row.model_id)) typed[row.model_id] = inputs_[row.model_id];
        }
        rows_.clear();
        for (const auto& item : *models) {
            if (auto row = model_speed_from_json(item)) rows_.push_back(std::move(*row));
        }
        fleet_max_ = integer_member(document, "fleet_max_pages_per_minute");
        inputs_.clear();
        for (const auto& row : rows_) {
            const auto kept = typed.find(row.model_id);
            inputs_[row.model_id] = kept != typed.end() ? kept->second : text_of(row);
        }
        std::erase_if(local_problems_, [&](const auto& problem) { return !typed.contains(problem.first); });
        std::erase_if(refusals_, [&](const auto& refusal) { return !typed.contains(refusal.first); });
        error_ = {};
        state_ = State::loaded;
    });
}

void ModelSpeeds::clear() {
    ++generation_;
    state_ = State::idle;
    error_ = {};
    rows_.clear();
    fleet_max_ = 0;
    inputs_.clear();
    local_problems_.clear();
    refusals_.clear();
    busy_ = false;
    saved_.reset();
}

std::string ModelSpeeds::text_of(const ModelSpeedRow& row) {
    return row.pages_per_minute ? std::to_string(*row.pages_per_minute) : std::string();
}

const ModelSpeedRow* ModelSpeeds::row(std::int64_t model_id) const {
    const auto found = std::find_if(rows_.begin(), rows_.end(), [&](const ModelSpeedRow& row) { return row.model_id == model_id; });
    return found == rows_.end() ? nullptr : &*found;
}

std::string& ModelSpeeds::input(std::int64_t model_id) { return inputs_[model_id]; }

bool ModelSpeeds::changed(std::int64_t model_id) const {
    const auto* stored = row(model_id);
    const auto typed = inputs_.find(model_id);
    return stored != nullptr && typed != inputs_.end() && typed->second != text_of(*stored);
}

bool ModelSpeeds::any_changed() const {
    return std::any_of(rows_.begin(), rows_.end(), [this](const ModelSpeedRow& row) { return changed(row.model_id); });
}

void ModelSpeeds::revert(std::int64_t model_id) {
    if (const auto* stored = row(model_id)) inputs_[model_id] = text_of(*stored);
    local_problems_.erase(model_id);
    refusals_.erase(model_id);
}

bool ModelSpeeds::save(ApiClient& api, std::int64_t model_id) {
    if (row(model_id) == nullptr || busy_) return false;
    local_problems_.erase(model_id);
    refusals_.erase(model_id);
    const auto& typed = inputs_[model_id];
    nlohmann::json body{{"pages_per_minute", nullptr}};
    if (!text::fold_for_search(typed).empty()) {  // blank: no speed of its own
        const auto value = typed_whole_number(typed);
        if (!value) {
            local_problems_[model_id] = "field.not_integer";
            return false;
        }
        if (*value < fewest_pages_per_minute || *value > most_pages_per_minute) {
            local_problems_[model_id] = "field.out_of_range_1_300";
            return false;
        }
        body["pages_per_minute"] = *value;
    }
    busy_ = true;
    api.send({"PUT", "/api/v1/telemetry/model-speeds/" + std::to_string(model_id), body.dump(), {}},
             [this, model_id, generation = generation_](const ApiResult& result) {
                 if (generation != generation_) return;
                 busy_ = false;
                 if (!result.ok()) {
                     refusals_[model_id] = result;
                     return;
                 }
                 const auto answer = model_speed_from_json(nlohmann::json::parse(result.body, nullptr, false));
                 const auto found = std::find_if(rows_.begin(), rows_.end(),
                                                 [&](const ModelSpeedRow& row) { return row.model_id == model_id; });
                 if (answer && found != rows_.end()) {
                     *found = *answer;
                     inputs_[model_id] = text_of(*answer);
                 }
                 saved_ = model_id;
             });
    return true;
}

std::string ModelSpeeds::row_error(std::int64_t model_id, i18n::Language language) const {
    if (const auto local = local_problems_.find(model_id); local != local_problems_.end()) return i18n::text(local->second, language);
    const auto refusal = refusals_.find(model_id);
    if (refusal == refusals_.end()) return {};
    const auto& fields = refusal->second.error.fields;
    if (const auto field = fields.find("pages_per_minute"); field != fields.end()) return field_message(field->second, language);
    return error_text(refusal->second.error, language);
}

}  // namespace madoguchi::client
