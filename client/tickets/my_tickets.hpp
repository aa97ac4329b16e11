#pragma once
// 自分の問い合わせ: a staff member's own inquiries with their state and last update, one
// opened read-only with its public timeline (the desk's answers), and a reply box that adds a
// public note as the requester. An inquiry answered since the user last opened it is marked.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "api/api_client.hpp"
#include "api/form_errors.hpp"
#include "tickets/ticket_timeline.hpp"

namespace madoguchi::client {

struct MyTicketRow {
    std::int64_t id = 0;
    std::string number;
    std::string subject;
    std::string status;      // the ticket's state name
    std::string updated_at;  // UTC ISO 8601, as every instant here
    std::string answered_at;  // empty before the first answer
};

struct MyTicketDetail {
    MyTicketRow row;
    std::string body;
    std::string requester_login;
    std::vector<TimelineEntry> timeline;  // public entries only, as the server gives a requester

    // The requester's own replies, as against the desk's answers.
    bool from_requester(const TimelineEntry& entry) const { return entry.actor == requester_login; }
};

class MyTickets {
public:
    using Clock = std::chrono::steady_clock;
    // While the list is on screen it is read again this often, so an answer shows up.
    static constexpr std::chrono::seconds refresh_interval{60};

    explicit MyTickets(ApiClient& api) : api_(api) {}

    // Reads the list when it was never read or is older than the interval; once per frame while shown.
    void update(Clock::time_point now);
    void refresh();
    bool loading() const { return list_loading_; }
    bool loaded() const { return loaded_; }
    const api::ApiError& error() const { return list_error_; }
    const std::vector<MyTicketRow>& rows() const { return rows_; }

    // Answered after the user last opened it (or never opened since the answer).
    bool has_new_answer(const MyTicketRow& row) const;
    int new_answers() const;

    // Reads one inquiry's detail and counts its answers as seen.
    void open(std::int64_t id);
    void close();
    const std::optional<MyTicketDetail>& detail() const { return detail_; }
    bool detail_loading() const { return detail_loading_; }
    const api::ApiError& detail_error() const { return detail_error_; }

    std::string& reply() { return reply_; }
    // Checks the reply as the server will (field "text") and sends it as a public note; on
    // success the box empties and the detail is read again. False when it was not sent.
    bool send_reply();
    bool sending_reply() const { return reply_sending_; }
    const FormErrors& reply_errors() const { return reply_errors_; }

    // Which answers the user has seen, by ticket id: the answered_at read when last opened.
    // The browser keeps them, so an answer that came overnight is marked the next morning.
    // One map serves every user of a shared PC: ticket ids are unique and each user lists
    // only their own.
    const std::map<std::int64_t, std::string>& seen() const { return seen_; }
    void restore_seen(std::map<std::int64_t, std::string> seen) { seen_ = std::move(seen); }

private:
    void read_detail(std::int64_t id);

    ApiClient& api_;
    std::vector<MyTicketRow> rows_;
    bool loaded_ = false;
    bool list_loading_ = false;
    api::ApiError list_error_;
    std::optional<Clock::time_point> read_at_;
    std::optional<std::int64_t> open_id_;
    std::optional<MyTicketDetail> detail_;
    bool detail_loading_ = false;
    api::ApiError detail_error_;
    std::string reply_;
    bool reply_sending_ = false;
    FormErrors reply_errors_;
    std::map<std::int64_t, std::string> seen_;
};

// seen() as stored text ({"<id>": "<answered_at>"}) and back; unreadable text gives none.
std::string seen_answers_text(const std::map<std::int64_t, std::string>& seen);
std::map<std::int64_t, std::string> seen_answers_from_text(const std::string& text);

}  // namespace madoguchi::client
