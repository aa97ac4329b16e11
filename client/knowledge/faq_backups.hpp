#pragma once
// ナレッジ's チャットボットFAQ panel: the export (which the server keeps as a backup version),
// the list of every export kept, a download of any of them, and a restore of one after a
// confirm (設定情報バックアップ / バックアップからの復旧).
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api/api_client.hpp"
#include "api/form_errors.hpp"

namespace madoguchi::client {

struct FaqBackup {
    std::int64_t id = 0;
    std::string created_at;
    std::string created_by;
    std::int64_t article_count = 0;
    std::int64_t bytes = 0;
};

class FaqBackups {
public:
    enum class State { idle, loading, loaded, failed };

    void load(ApiClient& api, i18n::Language language);
    void accept_list(const ApiResult& result, i18n::Language language);
    State state() const { return state_; }
    const std::string& error_text() const { return error_text_; }
    const std::vector<FaqBackup>& backups() const { return backups_; }

    // Exports now; once the list is read again, take_download() names the new file.
    bool export_now(ApiClient& api, i18n::Language language);
    // Once: the address of the file to download (the newest export, just made).
    std::optional<std::string> take_download() { return std::exchange(download_, std::nullopt); }

    void ask_restore(std::int64_t id) { restoring_ = id; }
    std::optional<std::int64_t> restoring() const { return restoring_; }
    void cancel_restore() { restoring_.reset(); }
    std::string restore_reason;
    bool confirm_restore(ApiClient& api, i18n::Language language);
    void accept_restore(ApiClient& api, const ApiResult& result, i18n::Language language);

    bool busy() const { return busy_; }
    const FormErrors& errors() const { return errors_; }
    // Once: true after a restore changed the articles (the list of articles is read again).
    bool take_restored() { return std::exchange(restored_, false); }

private:
    State state_ = State::idle;
    std::string error_text_;
    std::vector<FaqBackup> backups_;
    std::optional<std::int64_t> restoring_;
    std::optional<std::string> download_;
    bool download_newest_ = false;
    bool busy_ = false;
    bool restored_ = false;
    FormErrors errors_;
};

std::string faq_backup_path(std::int64_t id);  // /api/v1/knowledge/faq-exports/{id}/faq.csv

}  // namespace madoguchi::client
