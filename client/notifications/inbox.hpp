#pragma once
// 通知 (the in-app inbox): the signed-in user's notifications as GET /api/v1/me/notifications
// gives them, newest first, with the unread count the header's bell shows. Read at sign-in,
// every poll_interval after, and whenever the panel opens; marking one or all read goes to
// the server and shows at once. An entry points at what it is about, as the server says: a
// ticket, a loan request, or both (a loss report's security incident).
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/api_client.hpp"
#include "calendar/tokyo_time.hpp"
#include "i18n/catalog.hpp"

namespace madoguchi::client {

struct InboxItem {
    std::int64_t id = 0;
    std::string event;
    std::optional<std::int64_t> ticket_id;
    std::string ticket_number;
    std::optional<std::int64_t> loan_request_id;  // a lending notification's loan request
    std::string loan_request_number;
    std::string title_ja;
    std::string body_ja;
    std::string title_en;  // empty when the template has no English: the Japanese is shown
    std::string body_en;
    calendar::Instant created_at;
    bool read = false;

    const std::string& title(i18n::Language language) const;
    const std::string& body(i18n::Language language) const;
};

class NotificationInbox {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::chrono::seconds poll_interval{60};
    static constexpr int page_size = 20;
    // After one's own successful write (a reply, an approval…) the bell reads again this soon:
    // a burst of writes costs one read.
    static constexpr std::chrono::milliseconds write_settle{1500};

    explicit NotificationInbox(ApiClient& api) : api_(api) {}

    // Reads the first page when it was never read, the interval has passed, or a write of the
    // user's settled (ApiClient::writes_done); once a frame while someone is signed in.
    void update(Clock::time_point now);
    // Reads the first page again now (the panel opened, the user acted).
    void refresh();
    // Forgets everything: another user signs in.
    void clear();

    int unread() const { return unread_; }
    bool loaded() const { return loaded_; }
    bool loading() const { return loading_; }
    const api::ApiError& error() const { return error_; }
    const std::vector<InboxItem>& items() const { return items_; }
    bool has_more() const { return next_cursor_.has_value(); }
    void load_more();

    void mark_read(std::int64_t id);
    void mark_all_read();
    // The user picked the entry: marks it read and answers what to show. The ticket when it
    // points at one (a loss report's incident is the IT office's work, the loan its context),
    // else its loan request; neither for an entry about neither.
    struct Target {
        std::optional<std::int64_t> ticket_id;
        std::optional<std::int64_t> loan_request_id;
    };
    Target open(std::int64_t id);

private:
    void read_page(const std::string& cursor);
    void accept_page(const ApiResult& result, bool first_page);

    ApiClient& api_;
    std::vector<InboxItem> items_;
    int unread_ = 0;
    bool loaded_ = false;
    bool loading_ = false;
    api::ApiError error_;
    std::optional<std::string> next_cursor_;
    std::optional<Clock::time_point> read_at_;
    std::uint64_t writes_seen_ = 0;
    std::optional<Clock::time_point> write_read_due_;
    // Answers to reads made before clear() belong to the previous user.
    std::uint64_t generation_ = 0;
};

}  // namespace madoguchi::client
