#pragma once
// チケット詳細 for the desk: one ticket as GET /api/v1/tickets/{id} answers it (header, SLA
// clock, timeline, links, the moves open to the reader), and the changes made from it. Every
// change answers with the whole detail, which replaces what is shown. A change sent with an
// old version gets 409 stale_version: the detail is read again and says so.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/api_client.hpp"
#include "api/form_errors.hpp"
#include "tickets/sla_badge.hpp"
#include "tickets/ticket_list.hpp"
#include "tickets/ticket_timeline.hpp"

namespace madoguchi::client {

// A move the server offers this reader now (the detail's `next`).
struct NextMove {
    std::string to;          // state_name()
    std::string action_key;  // "tickets.action.resolve"
    bool needs_comment = false;
    bool approval = false;   // a decision of the IT office
};

struct TicketLinkEntry {
    std::int64_t id = 0;
    std::string kind;  // "ticket", "device", "configuration_item"
    std::int64_t target_id = 0;
    std::string name;  // the ticket's number, the device's tag, the item's name
};

enum class LinkKind { ticket, device, configuration_item };

class TicketDetail {
public:
    enum class State { idle, loading, loaded, failed };

    explicit TicketDetail(i18n::Language language) : language_(language) {}
    // Opens the ticket with `id` (again, when it is the one open: a reload).
    void open(ApiClient& api, std::int64_t id);
    void close();
    // Reads a detail document (GET or a change's answer); public for tests with fixtures.
    void accept(const ApiResult& result);

    State state() const { return state_; }
    std::int64_t id() const { return id_; }
    const std::string& error_text() const { return error_text_; }
    const TicketSummary& ticket() const { return ticket_; }
    const std::vector<TimelineEntry>& timeline() const { return timeline_; }
    const std::vector<TicketLinkEntry>& links() const { return links_; }
    const std::vector<NextMove>& moves() const { return moves_; }
    const SlaBadge& sla() const { return sla_; }
    void set_language(i18n::Language language) { language_ = language; }

    // Moves: one without a comment goes at once; one that needs a comment (or any decision,
    // so a rejection can say why) waits for the comment and confirm_move().
    void choose_move(ApiClient& api, const NextMove& move);
    const std::optional<NextMove>& pending_move() const { return pending_move_; }
    std::string move_comment;
    bool confirm_move(ApiClient& api);
    void cancel_move();

    // 作業記録: a public note (the requester reads it) or an internal one (the desk only).
    std::string note_text;
    bool note_internal = false;
    bool add_note(ApiClient& api);

    // 関連: another ticket, a device or a configuration item by its id.
    LinkKind link_kind = LinkKind::ticket;
    std::string link_target;
    bool add_link(ApiClient& api);

    // 担当・優先度・分類: the edit form, filled from the ticket when it is opened or reloaded.
    std::string edit_assignee;
    std::string edit_priority;
    std::string edit_category;
    bool fields_changed() const;
    bool save_fields(ApiClient& api);

    bool busy() const { return busy_; }
    const FormErrors& errors() const { return errors_; }
    // The last change was refused because someone else changed the ticket first; what is
    // shown is what they left.
    bool stale() const { return stale_; }
    // Once after a change was stored: the ticket as it is now, for the list's row.
    std::optional<TicketSummary> take_changed() { return std::exchange(changed_, std::nullopt); }

private:
    void send_change(ApiClient& api, std::string method, std::string path, nlohmann::json body);
    void accept_change(ApiClient& api, const ApiResult& result);
    void fill_edit();

    i18n::Language language_;
    State state_ = State::idle;
    std::int64_t id_ = 0;
    std::uint64_t generation_ = 0;
    std::string error_text_;
    TicketSummary ticket_;
    std::vector<TimelineEntry> timeline_;
    std::vector<TicketLinkEntry> links_;
    std::vector<NextMove> moves_;
    SlaBadge sla_;
    std::optional<NextMove> pending_move_;
    FormErrors errors_;
    bool busy_ = false;
    bool stale_ = false;
    std::optional<TicketSummary> changed_;
};

// "/api/v1/tickets/12" + rest.
std::string ticket_path(std::int64_t id, std::string_view rest = {});

}  // namespace madoguchi::client
