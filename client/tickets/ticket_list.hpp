#pragma once
// チケット一覧 for the desk: one page of GET /api/v1/tickets at a time (newest first, 50 a
// page, the server's keyset cursor) in the UI kit's table, with the filters the API takes
// (kind, state, assignee, mine, breached, free text in kana or kanji). The next page is read
// when the user asks for it or moves to the last rows loaded; 300,000 tickets never come at once.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "api/api_client.hpp"
#include "i18n/catalog.hpp"
#include "ui/table_model.hpp"

namespace madoguchi::client {

// A ticket as the list (and the detail's header) shows it.
struct TicketSummary {
    std::int64_t id = 0;
    std::string number;  // INC-2026-000123
    std::string kind;    // kind_name()
    std::string state;   // state_name()
    std::string title;
    std::string body;
    std::string requester_login;
    std::string division_code;
    std::string category;
    std::string priority;  // p1..p4
    std::string assignee_login;  // empty: nobody yet
    std::string vendor_company;
    std::int64_t version = 0;
    std::string created_at;
    std::optional<std::string> sla_due_at;
    bool sla_breached = false;
    bool sla_near_breach = false;
};

// Empty when the JSON is not a ticket.
std::optional<TicketSummary> ticket_summary_from_json(const nlohmann::json& json);
// A string member of a JSON object; empty when absent or not a string.
std::string json_text(const nlohmann::json& json, const char* name);

// The catalog's label of a kind, state or priority name the API gave; the name when unknown.
std::string kind_label(const std::string& kind, i18n::Language language);
std::string state_label(const std::string& state, i18n::Language language);
std::string priority_label(const std::string& priority, i18n::Language language);

// What the list asks the server for; empty members are not sent.
struct TicketFilter {
    std::string kind;
    std::string state;
    std::string assignee;  // a login
    bool mine = false;
    bool breached = false;
    std::string text;
    friend bool operator==(const TicketFilter&, const TicketFilter&) = default;
};

nlohmann::json to_json(const TicketFilter& filter);
TicketFilter ticket_filter_from_json(const nlohmann::json& json);

// "/api/v1/tickets?kind=…&q=…&limit=50" and "&cursor=…" after the first page.
std::string tickets_path(const TicketFilter& filter, int limit, const std::string& cursor);

namespace ticket_column {
inline constexpr std::size_t number = 0, kind = 1, title = 2, state = 3, priority = 4, assignee = 5, sla = 6;
}

class TicketList {
public:
    static constexpr int page_size = 50;
    enum class State { idle, loading, loaded, failed };

    explicit TicketList(i18n::Language language);

    // Reads the first page under `filter`; an older load's answers are dropped. Under the same
    // filter the rows read last stay until the answer comes, with the ticket chosen kept.
    void load(ApiClient& api, const TicketFilter& filter);
    void reload(ApiClient& api) { load(api, filter_); }
    // Reads the next page, when there is one and none is on its way.
    void load_more(ApiClient& api);
    // Reads one page; public for tests with fixtures.
    void accept_page(const ApiResult& result);

    State state() const { return state_; }
    bool loading_more() const { return loading_more_; }
    bool has_more() const { return !next_cursor_.empty(); }
    const std::string& error_text() const { return error_text_; }
    std::int64_t total() const { return total_; }
    // The server stopped counting at total() (a search read row by row): "or more".
    bool total_capped() const { return total_capped_; }
    // "12件中8件を表示", or with "以上" when the count is capped.
    std::string count_text() const;
    const TicketFilter& filter() const { return filter_; }
    const std::vector<TicketSummary>& tickets() const { return tickets_; }
    TableModel& table() { return table_; }
    const TicketSummary* current() const;
    // A ticket a change answered: its row shows it at once.
    void replace(const TicketSummary& ticket);
    // True when the current row is among the last rows loaded and more are on the server.
    bool wants_more() const;
    void set_language(i18n::Language language);

private:
    i18n::Language language_;
    State state_ = State::idle;
    bool loading_more_ = false;
    std::string error_text_;
    std::int64_t total_ = 0;
    bool total_capped_ = false;
    std::uint64_t generation_ = 0;
    TicketFilter filter_;
    std::string next_cursor_;
    std::vector<TicketSummary> tickets_;
    TableModel table_;
};

}  // namespace madoguchi::client
