#pragma once
// 構成管理's ライセンス tab for the open item: seat usage, the assignments and the forms that
// give and free seats. When every seat is taken the server refuses an assignment
// (409 over_allocated); the panel then asks for a reason and offers to assign beyond the
// seats on purpose, as the over-allocation rule (shared configuration/licence.hpp) wants.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/api_client.hpp"
#include "api/form_errors.hpp"
#include "configuration/licence.hpp"
#include "ui/table_model.hpp"

namespace madoguchi::client {

class LicencePanel {
public:
    enum class State { idle, loading, loaded, failed };

    explicit LicencePanel(i18n::Language language);
    void load(ApiClient& api, std::int64_t item_id);
    // Reads a GET …/licence answer; public for tests with fixtures.
    void accept(const ApiResult& result);
    void clear();

    State state() const { return state_; }
    const std::string& error_text() const { return error_text_; }
    std::int64_t item_id() const { return item_id_; }
    const std::optional<configuration::Licence>& licence() const { return licence_; }
    const std::optional<configuration::SeatUsage>& usage() const { return usage_; }
    const std::vector<configuration::LicenceAssignment>& assignments() const { return assignments_; }
    TableModel& table() { return table_; }

    // The assignment form: a user's login or a device id (digits), and the reason asked for
    // once the seats are all taken.
    std::string assignee;
    std::string reason;
    // Sends the assignment; with `beyond_seats`, allow_over and the reason. False when the
    // form was refused locally (nothing sent).
    bool assign(ApiClient& api, bool beyond_seats);
    void unassign(ApiClient& api, std::int64_t assignment_id);
    // Reads a POST/DELETE answer; public for tests with fixtures.
    void accept_change(const ApiResult& result, bool assigned);

    bool busy() const { return busy_; }
    const FormErrors& errors() const { return errors_; }
    // True after the server refused for want of a free seat: the reason field is shown.
    bool needs_reason() const { return needs_reason_; }
    // Once: the usage after a change, for the list's row.
    std::optional<configuration::SeatUsage> take_changed_usage() { return std::exchange(changed_usage_, std::nullopt); }
    void set_language(i18n::Language language);

private:
    State state_ = State::idle;
    std::string error_text_;
    std::int64_t item_id_ = 0;
    std::optional<configuration::Licence> licence_;
    std::optional<configuration::SeatUsage> usage_;
    std::vector<configuration::LicenceAssignment> assignments_;
    i18n::Language language_;
    TableModel table_;
    FormErrors errors_;
    bool busy_ = false;
    bool needs_reason_ = false;
    std::optional<configuration::SeatUsage> changed_usage_;
};

// "tanaka" → {"user_login":"tanaka"}; "1201" (digits only) → {"device_id":1201}.
nlohmann::json assignee_body(const std::string& assignee);

}  // namespace madoguchi::client
