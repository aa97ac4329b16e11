#pragma once
// 構成管理's 設定 tab for the open item: the versions of its settings (newest first), the
// diff between two chosen versions (computed with the shared configuration::diff, the same
// rule the server's diff endpoint uses), a change of one parameter with a reason, and a
// restore of an earlier version, confirmed with a reason.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/api_client.hpp"
#include "api/form_errors.hpp"
#include "configuration/settings.hpp"
#include "ui/table_model.hpp"

namespace madoguchi::client {

enum class DiffKind { added, removed, changed };

struct DiffLine {
    DiffKind kind = DiffKind::changed;
    std::string parameter;
    std::string before;  // empty when added
    std::string after;   // empty when removed
    friend bool operator==(const DiffLine&, const DiffLine&) = default;
};

// The diff as lines by parameter, for the view to colour.
std::vector<DiffLine> diff_lines(const configuration::SettingsDiff& diff);

class SettingsHistory {
public:
    enum class State { idle, loading, loaded, failed };

    explicit SettingsHistory(i18n::Language language);
    void load(ApiClient& api, std::int64_t item_id);
    // Reads a GET …/settings answer; public for tests with fixtures.
    void accept(const ApiResult& result);
    void clear();

    State state() const { return state_; }
    const std::string& error_text() const { return error_text_; }
    std::int64_t item_id() const { return item_id_; }
    const std::vector<configuration::SettingsVersion>& versions() const { return versions_; }
    TableModel& table() { return table_; }

    // The two versions compared; by default the one before the newest and the newest.
    std::int64_t from = 0;
    std::int64_t to = 0;
    std::vector<DiffLine> diff() const;
    // The newest version's values ({} before the first).
    const configuration::SettingValues& current_values() const;

    // The change form: one parameter's new value (a new parameter is added), with a reason.
    std::string parameter;
    std::string value;
    std::string reason;
    bool change(ApiClient& api);

    // Restore: asked for a version, confirmed with a reason in a dialog.
    void ask_restore(std::int64_t number);
    std::optional<std::int64_t> restoring() const { return restoring_; }
    std::string restore_reason;
    bool confirm_restore(ApiClient& api);
    void cancel_restore();

    // Reads a change's or restore's answer; public for tests with fixtures.
    void accept_change(const ApiResult& result);
    bool busy() const { return busy_; }
    const FormErrors& errors() const { return errors_; }
    // True after the server said another change came first (409 stale_version).
    bool stale() const { return stale_; }
    // Once: the number of the version just written, for the list's row and a toast.
    std::optional<std::int64_t> take_written() { return std::exchange(written_, std::nullopt); }
    void set_language(i18n::Language language);

private:
    void send(ApiClient& api, std::string path, nlohmann::json body);

    State state_ = State::idle;
    std::string error_text_;
    std::int64_t item_id_ = 0;
    std::vector<configuration::SettingsVersion> versions_;
    i18n::Language language_;
    TableModel table_;
    FormErrors errors_;
    bool busy_ = false;
    bool stale_ = false;
    std::optional<std::int64_t> restoring_;
    std::optional<std::int64_t> written_;
};

}  // namespace madoguchi::client
