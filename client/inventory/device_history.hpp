#pragma once
// 履歴 of one device (GET /api/v1/devices/{id}/history), newest first, from the audit trail:
// when (Tokyo time), who, what (登録, 更新, 状態変更 with the states), and the reason given.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "api/api_client.hpp"
#include "i18n/catalog.hpp"
#include "ui/table_model.hpp"

namespace madoguchi::client {

struct HistoryEntry {
    std::int64_t id = 0;
    std::string occurred_at;  // UTC ISO 8601
    std::string actor;
    std::string action;  // device.created, device.updated, device.transitioned
    std::string reason;
    nlohmann::json before;
    nlohmann::json after;
};

// "状態変更（在庫 → 修理中）", "更新", "登録"; an action the client does not know as sent.
std::string history_action_text(const HistoryEntry& entry, i18n::Language language);

class DeviceHistory {
public:
    enum class State { idle, loading, loaded, failed };

    explicit DeviceHistory(i18n::Language language);

    // Loads the device's history; an older load's answer is dropped.
    void load(ApiClient& api, std::int64_t device_id);
    void reload(ApiClient& api) { load(api, device_id_); }
    void clear();
    // Reads the answer; public for tests with fixtures.
    void accept(const std::string& body);

    State state() const { return state_; }
    std::int64_t device_id() const { return device_id_; }
    const std::string& error_text() const { return error_; }
    const std::vector<HistoryEntry>& entries() const { return entries_; }
    TableModel& table() { return table_; }
    void set_language(i18n::Language language);

private:
    i18n::Language language_;
    State state_ = State::idle;
    std::int64_t device_id_ = 0;
    std::uint64_t generation_ = 0;
    std::string error_;
    std::vector<HistoryEntry> entries_;
    TableModel table_;
};

}  // namespace madoguchi::client
