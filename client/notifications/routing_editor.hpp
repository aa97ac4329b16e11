#pragma once
// 通知先の設定 (who is told what): the admin's editor of GET/PUT /api/v1/notifications/routing.
// Each event lists its recipients (requester, assignee, vendor_contacts, role:<role>,
// email:<address>, slack:<webhook>), and for those naming users how they are told (メール,
// アプリ内通知, or both: shared/notifications/route_channels.hpp); edits stay local until
// 保存, which sends the whole routing; the server's 422 names the recipient it refuses, shown
// beside it; 元に戻す puts back what was loaded or last saved.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/api_client.hpp"
#include "api/form_errors.hpp"
#include "notifications/route_channels.hpp"

namespace madoguchi::client {

struct RecipientDraft {
    std::string recipient;
    notifications::RouteChannels channels;  // both for a new one; email:/slack: keep both
    friend bool operator==(const RecipientDraft&, const RecipientDraft&) = default;
};

struct RouteDraft {
    std::string event;
    std::vector<RecipientDraft> recipients;
    friend bool operator==(const RouteDraft&, const RouteDraft&) = default;
};

// The kinds of recipient the routing knows, in the order the editor offers them; those with a
// prefix take a value after it ("role:" + "it_office").
struct RecipientKind {
    std::string_view name;    // "requester", "role:", …
    std::string_view label_key;
    bool takes_value;
};
std::span<const RecipientKind> recipient_kinds();

class RoutingEditor {
public:
    enum class State { idle, loading, loaded, failed };

    void load(ApiClient& api);
    // Forgets the routing and any answer still on its way: another user signs in.
    void close();
    void accept_load(const ApiResult& result);

    State state() const { return state_; }
    const api::ApiError& load_error() const { return load_error_; }
    const std::vector<RouteDraft>& routes() const { return routes_; }

    // Adds kind + value to the event's recipients; false (nothing added) when the value is
    // missing for a kind that needs one, or the recipient is listed already.
    bool add_recipient(std::size_t route, const RecipientKind& kind, const std::string& value);
    void remove_recipient(std::size_t route, std::size_t index);
    // Ticks or clears one way a recipient naming users is told; false (nothing changed) for
    // one that names no users, or when clearing it would leave none: a recipient told no way
    // is removed instead.
    bool set_channel(std::size_t route, std::size_t index, notifications::RouteChannel channel, bool on);
    // What the admin is typing to add to each route: a kind (an index of recipient_kinds())
    // and its value; one per route, emptied when its recipient is added.
    struct NewRecipient {
        int kind = 0;
        std::string value;
    };
    std::vector<NewRecipient>& new_recipients() { return new_recipients_; }
    bool add_new_recipient(std::size_t route);
    // Edits not saved yet.
    bool dirty() const { return routes_ != saved_; }
    // 元に戻す: the routing as last loaded or saved.
    void undo();

    bool save(ApiClient& api);
    void accept_save(const ApiResult& result);
    bool saving() const { return saving_; }
    // Once after a save the server accepted.
    bool take_saved() { return std::exchange(just_saved_, false); }
    // The server's problems, as fields "routes[i].recipients[j]" and "routes[i].event".
    const FormErrors& errors() const { return errors_; }
    static std::string recipient_field(std::size_t route, std::size_t index);

private:
    State state_ = State::idle;
    api::ApiError load_error_;
    std::vector<RouteDraft> routes_;
    std::vector<RouteDraft> saved_;
    std::vector<NewRecipient> new_recipients_;
    bool saving_ = false;
    bool just_saved_ = false;
    FormErrors errors_;
    // Answers to a load made before a newer one are dropped.
    std::uint64_t generation_ = 0;
};

}  // namespace madoguchi::client
