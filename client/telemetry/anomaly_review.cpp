#include "telemetry/anomaly_review.hpp"

#include <nlohmann/json.hpp>

#include "api/form_errors.hpp"
#include "telemetry/telemetry_records.hpp"
#include "ui/format.hpp"

namespace madoguchi::client {
namespace {

const char* shown_name(AnomalyReview::Shown shown) {
    switch (shown) {
        case AnomalyReview::Shown::open:
            return "open";
        case AnomalyReview::Shown::acknowledged:
            return "acknowledged";
        case AnomalyReview::Shown::all:
            return "all";
    }
    return "open";
}

}  // namespace

std::optional<AnomalyRow> anomaly_from_json(const nlohmann::json& json) {
    if (!json.is_object() || integer_member(json, "id") <= 0) return std::nullopt;
    AnomalyRow row;
    row.id = integer_member(json, "id");
    row.device_id = integer_member(json, "device_id");
    row.asset_tag = text_member(json, "asset_tag");
    row.kind = text_member(json, "kind");
    row.day = calendar::parse_date(text_member(json, "day"));
    row.pages = integer_member(json, "pages");
    row.usual_pages = integer_member(json, "usual_pages");
    row.detected_at = instant_member(json, "detected_at");
    row.acknowledged_at = instant_member(json, "acknowledged_at");
    row.acknowledged_by = text_member(json, "acknowledged_by");
    row.note = text_member(json, "note");
    return row;
}

AnomalyReview::AnomalyReview(i18n::Language language, bool wareki)
    : language_(language),
      wareki_(wareki),
      table_(
          {
              {"telemetry_fleet.anomaly.column.day", 10.0F, CellAlignment::left, SortKind::date,
               [this](std::size_t row) {
                   const auto& day = anomalies_[row].day;
                   return day ? format_display_date(*day, language_, wareki_) : std::string();
               },
               {},
               [this](std::size_t row) { return anomalies_[row].day.value_or(calendar::Date{}); }},
              {"telemetry_fleet.column.tag", 8.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return anomalies_[row].asset_tag; }},
              {"telemetry_fleet.anomaly.column.kind", 0.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return wire_label("telemetry_extra.anomaly.", anomalies_[row].kind, language_); }},
              {"telemetry_fleet.anomaly.column.pages", 6.0F, CellAlignment::right, SortKind::number,
               [this](std::size_t row) { return std::to_string(anomalies_[row].pages); },
               [this](std::size_t row) { return static_cast<double>(anomalies_[row].pages); }},
              {"telemetry_fleet.anomaly.column.usual", 6.0F, CellAlignment::right, SortKind::number,
               [this](std::size_t row) {
                   const auto usual = anomalies_[row].usual_pages;
                   return usual > 0 ? std::to_string(usual) : std::string("—");
               },
               [this](std::size_t row) { return static_cast<double>(anomalies_[row].usual_pages); }},
              {"telemetry_fleet.anomaly.column.review", 10.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) {
                   const auto& anomaly = anomalies_[row];
                   if (!anomaly.acknowledged_at) return i18n::text("telemetry_fleet.anomaly.unreviewed", language_);
                   return fill_template(i18n::text("telemetry_fleet.anomaly.reviewed_by", language_),
                                        {{"login", anomaly.acknowledged_by}});
               }},
          },
          0, [this](std::size_t row) { return anomalies_[row].asset_tag + ' ' + wire_label("telemetry_extra.anomaly.", anomalies_[row].kind, language_); }) {}

void AnomalyReview::load(ApiClient& api, Shown shown) {
    shown_ = shown;
    ++generation_;
    state_ = State::loading;
    api.get(std::string("/api/v1/telemetry/anomalies?state=") + shown_name(shown),
            [this, generation = generation_](const ApiResult& result) {
                if (generation == generation_) accept(result);
            });
}

void AnomalyReview::accept(const ApiResult& result) {
    if (!result.ok()) {
        state_ = State::failed;
        error_text_ = client::error_text(result.error, language_);
        return;
    }
    const auto document = nlohmann::json::parse(result.body, nullptr, false);
    if (!document.is_object() || !document.contains("anomalies") || !document["anomalies"].is_array()) {
        state_ = State::failed;
        error_text_ = i18n::text("telemetry_fleet.load_failed", language_);
        return;
    }
    anomalies_.clear();
    for (const auto& item : document["anomalies"]) {
        if (auto row = anomaly_from_json(item)) anomalies_.push_back(std::move(*row));
    }
    table_.set_rows(anomalies_.size());
    state_ = State::loaded;
}

const AnomalyRow* AnomalyReview::current() const {
    const auto row = table_.current_row();
    return row && *row < anomalies_.size() ? &anomalies_[*row] : nullptr;
}

void AnomalyReview::acknowledge(ApiClient& api) {
    const auto* anomaly = current();
    if (anomaly == nullptr || busy_ || anomaly->acknowledged_at) return;
    busy_ = true;
    const auto tag = anomaly->asset_tag;
    HttpRequest request{"POST", "/api/v1/telemetry/anomalies/" + std::to_string(anomaly->id) + "/acknowledge",
                        nlohmann::json{{"note", note}}.dump(), {}};
    api.send(std::move(request), [this, &api, tag](const ApiResult& result) {
        busy_ = false;
        outcome_failed_ = !result.ok();
        if (!result.ok()) {
            outcome_ = client::error_text(result.error, language_);
            if (result.status == 409) reload(api);  // someone else reviewed it: show that
            return;
        }
        note.clear();
        outcome_ = fill_template(i18n::text("telemetry_fleet.anomaly.acknowledged", language_), {{"tag", tag}});
        reload(api);
    });
}

DateFieldModel& AnomalyReview::scan_day(const calendar::Date& today) {
    if (!scan_day_set_) scan_day_.set(calendar::add_days(today, -1));
    scan_day_set_ = true;
    return scan_day_;
}

void AnomalyReview::scan(ApiClient& api, const calendar::Date& today) {
    if (busy_) return;
    busy_ = true;
    scan_errors_.clear();
    const auto day = scan_day(today).value().value_or(calendar::add_days(today, -1));
    HttpRequest request{"POST", "/api/v1/telemetry/anomalies/scan", nlohmann::json{{"day", calendar::format_date(day)}}.dump(), {}};
    api.send(std::move(request), [this, &api](const ApiResult& result) {
        busy_ = false;
        outcome_failed_ = !result.ok();
        if (!result.ok()) {
            scan_errors_.add_result(result);
            const auto day_problem = scan_errors_.field("day", language_);
            outcome_ = day_problem.empty() ? client::error_text(result.error, language_) : day_problem;
            return;
        }
        const auto answer = nlohmann::json::parse(result.body, nullptr, false);
        const auto day = answer.is_object() ? calendar::parse_date(text_member(answer, "day")) : std::nullopt;
        outcome_ = fill_template(i18n::text("telemetry_fleet.anomaly.scanned", language_),
                                 {{"day", day ? format_display_date(*day, language_, wareki_) : std::string()},
                                  {"devices", std::to_string(answer.is_object() ? integer_member(answer, "devices") : 0)},
                                  {"flagged", std::to_string(answer.is_object() ? integer_member(answer, "flagged") : 0)}});
        reload(api);
    });
}

void AnomalyReview::set_language(i18n::Language language, bool wareki) {
    if (language == language_ && wareki == wareki_) return;
    language_ = language;
    wareki_ = wareki;
    table_.contents_changed();
}

}  // namespace madoguchi::client
