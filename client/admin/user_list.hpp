#pragma once
// The user list of ユーザー管理: the server filters (text, role, division, state) and pages
// (GET /api/v1/users, at most 200 a page); the list loads every page of the filtered result
// one after the other, with a progress bar, into a TableModel. With all rows on the client,
// sorting any column and the table's own column filters stay instant for 15,000 users,
// and a reload is needed only when a server filter changes.
#include <cstdint>
#include <string>
#include <vector>

#include "admin/user_record.hpp"
#include "api/api_client.hpp"
#include "identity/divisions.hpp"
#include "ui/progress.hpp"
#include "ui/table_model.hpp"

namespace madoguchi::client {

struct UserFilters {
    std::string text;      // part of the login or the name
    int role = -1;         // index into identity::all_roles(); -1: any
    std::string division;  // a division code; empty: any
    enum class Status { any, enabled, disabled } status = Status::any;
    friend bool operator==(const UserFilters&, const UserFilters&) = default;
};

// "/api/v1/users?q=…&role=…&division=…&disabled=…&limit=…&offset=…"
std::string users_path(const UserFilters& filters, int limit, int offset);

class UserList {
public:
    static constexpr int page_size = 200;
    enum class State { idle, loading, loaded, failed };

    UserList(const Divisions& divisions, i18n::Language language);

    UserFilters& filters() { return filters_; }
    // The filters of the list shown (the last reload's).
    const UserFilters& loaded_filters() const { return loaded_filters_; }
    // Loads the list for the current filters from the first page; an older load is dropped.
    void reload(ApiClient& api);
    // Reads one page; public for tests with fixtures. True when more pages follow.
    bool accept_page(const std::string& body, int offset);

    State state() const { return state_; }
    const ProgressModel& progress() const { return progress_; }
    const std::string& error_text() const { return error_; }
    std::int64_t total() const { return total_; }
    const std::vector<UserRecord>& users() const { return users_; }
    TableModel& table() { return table_; }
    const TableModel& table() const { return table_; }
    // Texts follow the language (roles, states, division names).
    void set_language(i18n::Language language);

    // The user on the table's current row, if any.
    const UserRecord* current() const;
    // A user changed or added by the edit panel or the new-user dialog: shown without a reload.
    void put(const UserRecord& user);
    // Makes the user with `id` the current row, when it is listed.
    void focus(std::int64_t id);

private:
    void request_page(ApiClient& api, int offset);
    std::string roles_text(const UserRecord& user) const;

    const Divisions& divisions_;
    i18n::Language language_;
    UserFilters filters_;
    UserFilters loaded_filters_;
    State state_ = State::idle;
    ProgressModel progress_;
    std::string error_;
    std::int64_t total_ = 0;
    std::uint64_t generation_ = 0;
    std::vector<UserRecord> users_;
    TableModel table_;
};

}  // namespace madoguchi::client
