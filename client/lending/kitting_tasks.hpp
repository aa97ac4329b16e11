#pragma once
// キッティング作業 (the desk's kitting tasks): every task, open ones first, in the UI kit's
// table; one opened shows its device, its checklist with who ticked what, and the master
// image version applied. Ticking and unticking go to the server with the version read; the
// server's answer replaces the task, so a refusal (stale, not the current master) is shown
// and nothing is assumed. A task that becomes done is announced once: its loan is then
// ready for the counter.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/api_client.hpp"
#include "i18n/catalog.hpp"
#include "ui/table_model.hpp"

namespace madoguchi::client {

struct KittingItem {
    std::string key;        // "initialise", "accessory.mouse"
    std::string label_key;  // "lending.kitting.<step>"
    std::string step;
    bool required = true;
    std::string accessory;
    bool done = false;
    std::string done_by;
    std::string done_at;
    std::string note;
};

struct KittingTaskRecord {
    std::int64_t id = 0;
    std::string asset_tag;
    std::string kind;  // "loan" | "rekitting"
    std::string request_number;
    std::string class_code;
    std::string state;  // "open" | "done" | "cancelled"
    std::vector<KittingItem> items;
    std::optional<int> master_image_version;
    bool complete = false;
    std::int64_t version = 0;
    std::string created_at;
    std::string done_at;

    int done_count() const;
    // Whether the checklist has a master image item (business PCs, GSS terminals).
    bool needs_master() const;
};

std::optional<KittingTaskRecord> kitting_task_from_json(const nlohmann::json& task);
// {"kitting_tasks":[…]}, open tasks first, then the newest.
std::optional<std::vector<KittingTaskRecord>> kitting_tasks_from_body(const std::string& body);
// "初期化", or for an accessory item "付属品の確認: マウス".
std::string kitting_item_text(const KittingItem& item, i18n::Language language);

class KittingTasks {
public:
    enum class State { idle, loading, loaded, failed };

    explicit KittingTasks(i18n::Language language);
    KittingTasks(const KittingTasks&) = delete;
    KittingTasks& operator=(const KittingTasks&) = delete;

    void load(ApiClient& api);
    void accept(const ApiResult& result);
    State state() const { return state_; }
    const api::ApiError& error() const { return error_; }
    const std::vector<KittingTaskRecord>& rows() const { return rows_; }
    TableModel& table() { return table_; }
    void set_language(i18n::Language language);

    void open(std::int64_t id);
    const KittingTaskRecord* opened() const;

    // The master image version typed for the opened task's master item.
    std::string master_version;
    // Ticks or unticks one item of the opened task; false (nothing sent) while a change is
    // on its way, or for a master item without a version number.
    bool tick(ApiClient& api, const std::string& key);
    bool untick(ApiClient& api, const std::string& key);
    bool changing() const { return changing_; }
    // Why the last change was refused, in the user's words; empty when it was not.
    std::string change_error(i18n::Language language) const;
    // Once: the tag of the device whose task the last change finished.
    std::string take_finished() { return std::exchange(finished_, {}); }

private:
    void send_change(ApiClient& api, HttpRequest request);
    void accept_change(const ApiResult& result);
    void put(const KittingTaskRecord& task);

    i18n::Language language_;
    State state_ = State::idle;
    std::uint64_t generation_ = 0;
    api::ApiError error_;
    std::vector<KittingTaskRecord> rows_;
    TableModel table_;
    std::optional<std::int64_t> opened_;
    bool changing_ = false;
    bool version_missing_ = false;
    api::ApiError change_error_;
    std::string finished_;
};

}  // namespace madoguchi::client
