#include "knowledge/faq_backups.hpp"

#include "knowledge/article.hpp"

namespace madoguchi::client {

std::string faq_backup_path(std::int64_t id) { return "/api/v1/knowledge/faq-exports/" + std::to_string(id) + "/faq.csv"; }

void FaqBackups::load(ApiClient& api, i18n::Language language) {
    state_ = State::loading;
    api.get("/api/v1/knowledge/faq-exports", [this, language](const ApiResult& result) { accept_list(result, language); });
}

void FaqBackups::accept_list(const ApiResult& result, i18n::Language language) {
    if (!result.ok()) {
        state_ = State::failed;
        error_text_ = client::error_text(result.error, language);
        return;
    }
    const auto document = nlohmann::json::parse(result.body, nullptr, false);
    backups_.clear();
    if (document.is_object() && document.contains("exports") && document["exports"].is_array()) {
        for (const auto& json : document["exports"]) {
            if (!json.is_object() || !json.contains("id") || !json["id"].is_number_integer()) continue;
            backups_.push_back({json["id"].get<std::int64_t>(), json.value("created_at", ""), json.value("created_by", ""),
                                json.value("article_count", std::int64_t{0}), json.value("bytes", std::int64_t{0})});
        }
    }
    state_ = State::loaded;
    if (download_newest_ && !backups_.empty()) download_ = faq_backup_path(backups_.front().id);
    download_newest_ = false;
}

bool FaqBackups::export_now(ApiClient& api, i18n::Language language) {
    if (busy_) return false;
    busy_ = true;
    errors_.clear();
    api.get("/api/v1/knowledge/faq.csv", [this, &api, language](const ApiResult& result) {
        busy_ = false;
        if (!result.ok()) return errors_.add_result(result);
        download_newest_ = true;
        load(api, language);
    });
    return true;
}

bool FaqBackups::confirm_restore(ApiClient& api, i18n::Language language) {
    if (!restoring_ || busy_) return false;
    errors_.clear();
    for (const auto& problem : knowledge::validate_reason(restore_reason)) errors_.add_local(problem.field, problem.reason_key);
    if (restore_reason.empty()) errors_.add_local("reason", "field.required");
    if (!errors_.empty()) return false;
    busy_ = true;
    const auto path = "/api/v1/knowledge/faq-exports/" + std::to_string(*restoring_) + "/restore";
    api.send({"POST", path, nlohmann::json{{"reason", restore_reason}}.dump(), {}},
             [this, &api, language](const ApiResult& result) { accept_restore(api, result, language); });
    return true;
}

void FaqBackups::accept_restore(ApiClient& api, const ApiResult& result, i18n::Language language) {
    busy_ = false;
    if (!result.ok()) return errors_.add_result(result);
    restoring_.reset();
    restore_reason.clear();
    restored_ = true;
    load(api, language);
}

}  // namespace madoguchi::client
