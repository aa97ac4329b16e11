#pragma once
// One request opened from the list (GET /api/v1/placement-requests/{id}): its fields, its
// checklist (the desk ticks items: PATCH …/checklist/{key} with the version read), its
// timeline, and the moves open to this user as buttons. A move goes through a dialog: a
// reason (required where the shared move table says so), the vendor company when handing
// off, the new device's asset tag and serial when completing an install. A 409
// stale_version shows the request as it is now.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api/api_client.hpp"
#include "api/form_errors.hpp"
#include "placement/placement_request.hpp"

namespace madoguchi::client {

struct CaseMove {
    placement::RequestState to = placement::RequestState::submitted;
    std::string action_key;  // catalog key of its button
    bool needs_reason = false;
    bool needs_checklist = false;
};

struct CaseEvent {
    std::string occurred_at;
    std::string actor;
    std::string action;  // submitted, transitioned, checked, unchecked
    std::string state;
    std::string item;
    std::string reason;
};

class RequestCase {
public:
    // Loads the request; a load for another one still on its way is dropped.
    void open(ApiClient& api, std::int64_t id);
    void close();
    std::int64_t id() const { return id_; }
    bool loading() const { return loading_; }
    std::string load_error(i18n::Language language) const;
    // Reads an answer carrying the request (detail, move, tick); public for tests with fixtures.
    bool accept(const std::string& body);

    const std::optional<placement::PlacementRequest>& request() const { return request_; }
    const std::vector<CaseMove>& moves() const { return moves_; }
    const std::vector<std::string>& vendor_companies() const { return vendor_companies_; }
    const std::vector<CaseEvent>& events() const { return events_; }

    // Ticks (or unticks) a checklist item. False when nothing was sent.
    bool tick(ApiClient& api, const std::string& key, bool done);
    bool ticking() const { return ticking_; }

    // The move dialog.
    void begin(const CaseMove& move);
    void cancel() { dialog_open_ = false; }
    bool dialog_open() const { return dialog_open_; }
    const CaseMove& pending() const { return pending_; }
    bool needs_vendor() const { return pending_.to == placement::RequestState::with_vendor; }
    bool needs_new_device() const;
    std::string reason;
    int vendor = -1;  // index into vendor_companies()
    std::string asset_tag;
    std::string serial;
    // Checks what the dialog needs and sends the move. False when nothing was sent.
    bool submit(ApiClient& api);
    bool busy() const { return busy_; }
    std::string field_error(std::string_view field, i18n::Language language) const { return errors_.field(field, language); }
    // The server's refusal in `language`; empty when none.
    std::string refusal(i18n::Language language) const { return errors_.general(language); }

    // Once each: a move or tick was stored (the list reloads), or another change came first.
    bool take_changed() { return std::exchange(changed_, false); }
    bool take_stale() { return std::exchange(stale_, false); }

private:
    void settle_change(ApiClient& api, const ApiResult& result, bool from_dialog);

    std::int64_t id_ = 0;
    std::uint64_t generation_ = 0;
    bool loading_ = false;
    api::ApiError load_error_;
    std::optional<placement::PlacementRequest> request_;
    std::vector<CaseMove> moves_;
    std::vector<std::string> vendor_companies_;
    std::vector<CaseEvent> events_;
    bool ticking_ = false;
    bool dialog_open_ = false;
    CaseMove pending_;
    bool busy_ = false;
    FormErrors errors_;
    bool changed_ = false;
    bool stale_ = false;
};

}  // namespace madoguchi::client
