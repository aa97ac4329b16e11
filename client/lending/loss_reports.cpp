#include "lending/loss_reports.hpp"

#include "lending/lending_records.hpp"

namespace madoguchi::client {

std::optional<std::vector<LossReportRecord>> loss_reports_from_body(const std::string& body) {
    const auto document = nlohmann::json::parse(body, nullptr, false);
    if (!document.is_object() || !document.contains("loss_reports") || !document["loss_reports"].is_array()) {
        return std::nullopt;
    }
    std::vector<LossReportRecord> reports;
    for (const auto& item : document["loss_reports"]) {
        if (!item.is_object() || integer_field(item, "id") <= 0) continue;
        LossReportRecord report;
        report.id = integer_field(item, "id");
        report.asset_tag = string_field(item, "asset_tag");
        report.class_code = string_field(item, "class");
        report.request_number = string_field(item, "request_number");
        report.kind = string_field(item, "kind");
        report.occurred_at = string_field(item, "occurred_at");
        report.place = string_field(item, "place");
        if (const auto ticket = item.find("ticket"); ticket != item.end() && ticket->is_object()) {
            report.incident_number = string_field(*ticket, "number");
        }
        const auto wipe = item.find("remote_wipe_requested");
        report.remote_wipe_requested = wipe != item.end() && wipe->is_boolean() && wipe->get<bool>();
        if (const auto replacement = item.find("replacement"); replacement != item.end() && replacement->is_object()) {
            report.replacement_number = string_field(*replacement, "number");
        }
        reports.push_back(std::move(report));
    }
    return reports;
}

void LossReports::load(ApiClient& api) {
    ++generation_;
    state_ = State::loading;
    api.get("/api/v1/lending/loss-reports", [this, generation = generation_](const ApiResult& result) {
        if (generation == generation_) accept(result);
    });
}

void LossReports::accept(const ApiResult& result) {
    auto reports = result.ok() ? loss_reports_from_body(result.body) : std::nullopt;
    if (!reports) {
        error_ = result.ok() ? api::make_error("internal") : result.error;
        state_ = State::failed;
        return;
    }
    rows_ = std::move(*reports);
    error_ = {};
    state_ = State::loaded;
}

}  // namespace madoguchi::client
