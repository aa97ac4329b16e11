// 通知先の設定 (the admin's routing editor) against JSON fixtures: what the server holds is
// shown, edits stay local and can be undone, 保存 sends the whole routing, and a 422 names
// the refused recipient beside it in Japanese.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "notifications/routing_editor.hpp"
#include "scripted_transport.hpp"

using namespace madoguchi;
using client::RoutingEditor;
using i18n::Language;
using nlohmann::json;

namespace {

const json routing{{"routes",
                    {{{"event", "ticket.status_changed"}, {"recipients", {"requester"}}},
                     {{"event", "ticket.escalated"}, {"recipients", {"role:it_office"}}}}}};

// The recipients of the editor's route, without their channels.
std::vector<std::string> names(const RoutingEditor& editor, std::size_t route) {
    std::vector<std::string> recipients;
    for (const auto& draft : editor.routes()[route].recipients) recipients.push_back(draft.recipient);
    return recipients;
}

const client::RecipientKind& kind(std::string_view name) {
    for (const auto& candidate : client::recipient_kinds()) {
        if (candidate.name == name) return candidate;
    }
    FAIL("no recipient kind " << name);
    return client::recipient_kinds().front();
}

}  // namespace

TEST_CASE("the routing editor edits locally, undoes, and saves the whole routing", "[notifications][client]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    RoutingEditor editor;
    editor.load(api);
    CHECK(editor.state() == RoutingEditor::State::loading);
    CHECK(transport.next().path == "/api/v1/notifications/routing");
    transport.answer(200, routing.dump());
    REQUIRE(editor.state() == RoutingEditor::State::loaded);
    REQUIRE(editor.routes().size() == 2);
    CHECK(names(editor, 0) == std::vector<std::string>{"requester"});
    CHECK_FALSE(editor.dirty());

    CHECK(editor.add_recipient(0, kind("assignee"), ""));
    CHECK_FALSE(editor.add_recipient(0, kind("assignee"), ""));  // listed already
    CHECK_FALSE(editor.add_recipient(1, kind("email:"), ""));    // an address is needed
    editor.new_recipients()[1] = {3, "operator"};  // 役割 + operator, as typed
    CHECK(editor.add_new_recipient(1));
    CHECK(editor.new_recipients()[1].value.empty());
    CHECK(names(editor, 1) == std::vector<std::string>{"role:it_office", "role:operator"});
    CHECK(editor.dirty());

    editor.undo();  // 元に戻す
    CHECK_FALSE(editor.dirty());
    CHECK(names(editor, 1) == std::vector<std::string>{"role:it_office"});

    editor.remove_recipient(0, 0);
    CHECK(editor.add_recipient(1, kind("slack:"), "desk-channel"));
    REQUIRE(editor.save(api));
    CHECK(transport.next().method == "PUT");
    CHECK(json::parse(transport.next().body) ==
          json{{"routes",
                {{{"event", "ticket.status_changed"}, {"recipients", json::array()}},
                 {{"event", "ticket.escalated"}, {"recipients", {"role:it_office", "slack:desk-channel"}}}}}});
    const json stored{{"routes",
                       {{{"event", "ticket.status_changed"}, {"recipients", json::array()}},
                        {{"event", "ticket.escalated"}, {"recipients", {"role:it_office", "slack:desk-channel"}}}}}};
    transport.answer(200, stored.dump());
    CHECK(editor.take_saved());
    CHECK_FALSE(editor.take_saved());
    CHECK_FALSE(editor.dirty());
    editor.undo();  // nothing unsaved: stays as saved
    CHECK(editor.routes()[1].recipients.size() == 2);
}

TEST_CASE("the routing editor shows the server's 422 beside the refused recipient", "[notifications][client]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    RoutingEditor editor;
    editor.load(api);
    transport.answer(200, routing.dump());
    CHECK(editor.add_recipient(1, kind("role:"), "janitor"));
    REQUIRE(editor.save(api));
    transport.answer(422, json{{"error",
                                {{"code", "validation_failed"},
                                 {"message", "The request has invalid fields."},
                                 {"message_ja", "入力に誤りがあります。"},
                                 {"fields", {{"routes[1].recipients[1]", "must be requester, assignee, vendor_contacts, "
                                                                         "role:<role>, email:<address> or slack:<webhook name>"}}}}}}
                              .dump());
    CHECK_FALSE(editor.take_saved());
    CHECK(editor.dirty());  // the edit is kept to be corrected
    CHECK(editor.errors().field(RoutingEditor::recipient_field(1, 1), Language::ja).starts_with("通知先は requester"));
    CHECK(editor.errors().field(RoutingEditor::recipient_field(1, 0), Language::ja).empty());

    editor.remove_recipient(1, 1);  // corrected: the stale problem goes
    CHECK(editor.errors().field(RoutingEditor::recipient_field(1, 1), Language::ja).empty());
    CHECK_FALSE(editor.dirty());
}

TEST_CASE("the routing editor ticks how each user recipient is told and sends it as the server reads it",
          "[notifications][client]") {
    using notifications::RouteChannel;
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    RoutingEditor editor;
    editor.load(api);
    // As the server writes them: told both ways bare, fewer ways as an object.
    const json held{{"routes",
                     {{{"event", "ticket.status_changed"},
                       {"recipients", {{{"recipient", "requester"}, {"channels", {"in_app"}}}, "slack:desk"}}},
                      {{"event", "ticket.escalated"}, {"recipients", {"role:it_office"}}}}}};
    transport.answer(200, held.dump());
    REQUIRE(editor.state() == RoutingEditor::State::loaded);
    const auto& requester = editor.routes()[0].recipients[0];
    CHECK_FALSE(requester.channels.email);
    CHECK(requester.channels.in_app);
    CHECK(editor.routes()[1].recipients[0].channels == notifications::RouteChannels{true, true});

    // The only way left cannot be cleared; a Slack webhook has no ways to choose.
    CHECK_FALSE(editor.set_channel(0, 0, RouteChannel::in_app, false));
    CHECK_FALSE(editor.set_channel(0, 1, RouteChannel::in_app, false));
    CHECK_FALSE(editor.dirty());
    // Requesters by mail too; the IT office by mail only.
    CHECK(editor.set_channel(0, 0, RouteChannel::email, true));
    CHECK(editor.set_channel(1, 0, RouteChannel::in_app, false));
    CHECK(editor.dirty());
    editor.undo();
    CHECK_FALSE(editor.routes()[0].recipients[0].channels.email);
    CHECK(editor.set_channel(0, 0, RouteChannel::email, true));
    CHECK(editor.set_channel(1, 0, RouteChannel::in_app, false));
    // A new recipient is told both ways.
    CHECK(editor.add_recipient(1, kind("assignee"), ""));
    CHECK(editor.routes()[1].recipients[1].channels == notifications::RouteChannels{true, true});

    REQUIRE(editor.save(api));
    const json sent{{"routes",
                     {{{"event", "ticket.status_changed"}, {"recipients", {"requester", "slack:desk"}}},
                      {{"event", "ticket.escalated"},
                       {"recipients", {{{"recipient", "role:it_office"}, {"channels", {"email"}}}, "assignee"}}}}}};
    CHECK(json::parse(transport.next().body) == sent);
    transport.answer(200, sent.dump());
    CHECK(editor.take_saved());
    CHECK_FALSE(editor.dirty());
    CHECK_FALSE(editor.routes()[1].recipients[0].channels.in_app);
}
