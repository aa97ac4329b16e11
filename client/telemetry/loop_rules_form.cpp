#include "telemetry/loop_rules_form.hpp"

#include <algorithm>
#include <charconv>

#include "telemetry/telemetry_records.hpp"
#include "text/search_fold.hpp"
#include "ui/format.hpp"

namespace madoguchi::client {
namespace {

// A number of the rules: its wire name, where it is typed, and where it goes in the rules.
struct NumberField {
    const char* name;
    std::string LoopRulesForm::Inputs::*input;
    void (*set)(telemetry::LoopRules& rules, int value);
};

constexpr NumberField number_fields[] = {
    {"offline_cycles", &LoopRulesForm::Inputs::offline_cycles, [](telemetry::LoopRules& r, int v) { r.offline_cycles = v; }},
    {"lead_time_days", &LoopRulesForm::Inputs::lead_time_days, [](telemetry::LoopRules& r, int v) { r.order.lead_time_days = v; }},
    {"order_at_percent", &LoopRulesForm::Inputs::order_at_percent, [](telemetry::LoopRules& r, int v) { r.order.order_at_percent = v; }},
    {"replacement_rise", &LoopRulesForm::Inputs::replacement_rise,
     [](telemetry::LoopRules& r, int v) { r.forecast.replacement_rise = v; }},
    {"window_days", &LoopRulesForm::Inputs::window_days, [](telemetry::LoopRules& r, int v) { r.forecast.window_days = v; }},
    {"min_days", &LoopRulesForm::Inputs::min_days, [](telemetry::LoopRules& r, int v) { r.forecast.min_days = v; }},
};

LoopRulesForm::Inputs inputs_of(const telemetry::LoopRules& rules) {
    return {std::to_string(rules.offline_cycles),
            std::to_string(static_cast<std::int64_t>(rules.order.lead_time_days)),
            std::to_string(rules.order.order_at_percent),
            std::to_string(rules.forecast.replacement_rise),
            std::to_string(rules.forecast.window_days),
            std::to_string(rules.forecast.min_days),
            rules.incident_requester};
}

// A number far outside any limit stays far outside it, for the shared rule to refuse.
int clamped(std::int64_t value) { return static_cast<int>(std::clamp<std::int64_t>(value, -1'000'000, 1'000'000)); }

}  // namespace

std::optional<StoredLoopRules> loop_rules_from_json(const nlohmann::json& json) {
    if (!json.is_object() || !number_member<std::int64_t>(json, "version")) return std::nullopt;
    StoredLoopRules stored;
    auto& rules = stored.rules;
    rules.offline_cycles = number_member<int>(json, "offline_cycles").value_or(rules.offline_cycles);
    rules.order.lead_time_days = number_member<double>(json, "lead_time_days").value_or(rules.order.lead_time_days);
    rules.order.order_at_percent = number_member<int>(json, "order_at_percent").value_or(rules.order.order_at_percent);
    rules.forecast.replacement_rise = number_member<int>(json, "replacement_rise").value_or(rules.forecast.replacement_rise);
    rules.forecast.window_days = number_member<int>(json, "window_days").value_or(rules.forecast.window_days);
    rules.forecast.min_days = number_member<int>(json, "min_days").value_or(rules.forecast.min_days);
    rules.incident_requester = text_member(json, "incident_requester");
    stored.version = integer_member(json, "version");
    stored.updated_by = text_member(json, "updated_by");
    stored.updated_at = instant_member(json, "updated_at");
    return stored;
}

std::optional<std::int64_t> typed_whole_number(std::string_view text) {
    // The search folding turns full-width digits and signs into ASCII and drops every space:
    // one between digits ("1 2") would join them, so it makes no number.
    constexpr std::string_view ideographic_space = "\u3000";
    while (text.starts_with(' ') || text.starts_with(ideographic_space)) text.remove_prefix(text.starts_with(' ') ? 1 : 3);
    while (text.ends_with(' ') || text.ends_with(ideographic_space)) text.remove_suffix(text.ends_with(' ') ? 1 : 3);
    if (text.find(' ') != std::string_view::npos || text.find(ideographic_space) != std::string_view::npos) return std::nullopt;
    const auto folded = text::fold_for_search(text);
    if (folded.empty() || folded.size() > 12) return std::nullopt;
    std::int64_t value = 0;
    const auto [end, failure] = std::from_chars(folded.data(), folded.data() + folded.size(), value);
    if (failure != std::errc() || end != folded.data() + folded.size()) return std::nullopt;
    return value;
}

void LoopRulesForm::load(ApiClient& api) {
    ++generation_;
    state_ = State::loading;
    api.get("/api/v1/telemetry/rules", [this, generation = generation_](const ApiResult& result) {
        if (generation != generation_) return;
        auto stored = result.ok() ? loop_rules_from_json(nlohmann::json::parse(result.body, nullptr, false)) : std::nullopt;
        if (!stored) {
            error_ = result.ok() ? api::make_error("internal") : result.error;
            state_ = State::failed;
            return;
        }
        error_ = {};
        state_ = State::loaded;
        // Typed changes stay over a reload, with the version they were typed against, as the
        // device form does: saving them over a newer version is then refused (409) and shows it.
        if (!changed()) show(*stored);
    });
}

void LoopRulesForm::clear() {
    ++generation_;
    state_ = State::idle;
    error_ = {};
    stored_.reset();
    inputs_ = {};
    busy_ = false;
    errors_.clear();
    saved_ = false;
}

bool LoopRulesForm::changed() const { return stored_ && inputs_ != inputs_of(stored_->rules); }

void LoopRulesForm::revert() {
    if (stored_) show(*stored_);
}

void LoopRulesForm::show(const StoredLoopRules& stored) {
    stored_ = stored;
    inputs_ = inputs_of(stored.rules);
    errors_.clear();
}

bool LoopRulesForm::save(ApiClient& api) {
    if (!stored_ || busy_) return false;
    errors_.clear();
    // The typed numbers over the stored rules, so a field that is no number leaves the others
    // checked against what is stored.
    auto rules = stored_->rules;
    nlohmann::json body{{"version", stored_->version}};
    for (const auto& field : number_fields) {
        const auto value = typed_whole_number(inputs_.*field.input);
        if (!value) {
            errors_.add_local(field.name, "field.not_integer");
            continue;
        }
        body[field.name] = *value;
        field.set(rules, clamped(*value));
    }
    for (const auto& problem : telemetry::validate(rules)) {
        if (body.contains(problem.field)) errors_.add_local(problem.field, problem.reason_key);
    }
    if (!errors_.empty()) return false;
    // Whether the login names an enabled desk operator is the server's to say.
    body["incident_requester"] = inputs_.incident_requester;
    busy_ = true;
    api.send({"PUT", "/api/v1/telemetry/rules", body.dump(), {}}, [this, generation = generation_](const ApiResult& result) {
        if (generation != generation_) return;
        busy_ = false;
        if (result.ok()) {
            if (auto stored = loop_rules_from_json(nlohmann::json::parse(result.body, nullptr, false))) show(*stored);
            saved_ = true;
            return;
        }
        if (result.status == 409) {
            const auto document = nlohmann::json::parse(result.body, nullptr, false);
            if (auto current = document.is_object() ? loop_rules_from_json(document.value("rules", nlohmann::json())) : std::nullopt) {
                show(*current);
            }
        }
        errors_.add_result(result);
    });
    return true;
}

std::string rules_changed_text(const StoredLoopRules& stored, i18n::Language language, bool wareki) {
    if (stored.version == 0 || !stored.updated_at) return i18n::text("telemetry_settings.rules.defaults", language);
    return fill_template(i18n::text("telemetry_settings.rules.changed", language),
                         {{"by", stored.updated_by}, {"at", format_display_time(*stored.updated_at, language, wareki)}});
}

}  // namespace madoguchi::client
