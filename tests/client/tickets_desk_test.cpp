// チケット管理's view-models against JSON fixtures: the list's filters, pages and SLA badges,
// the detail's moves (a comment asked where the workflow needs one), notes and the 409 of a
// stale edit, the new-ticket form with its inline errors and Idempotency-Key, the IT office's
// approval queue and the saved filters kept per user.
#include <catch2/catch.hpp>

#include <map>

#include "scripted_transport.hpp"
#include "tickets/approval_queue.hpp"
#include "tickets/sla_badge.hpp"
#include "tickets/ticket_detail.hpp"
#include "tickets/ticket_form.hpp"
#include "tickets/ticket_list.hpp"
#include "tickets/ticket_list_filters.hpp"
#include "tickets_fixtures.hpp"

using namespace madoguchi;
using client::TicketList;
using i18n::Language;
using nlohmann::json;
using testing::ticket_json;

namespace {

std::string header(const client::HttpRequest& request, const std::string& name) {
    for (const auto& [key, value] : request.headers) {
        if (key == name) return value;
    }
    return {};
}

json with(json ticket, const json& changes) {
    ticket.update(changes);
    return ticket;
}

}  // namespace

TEST_CASE("the ticket list asks for the filters set, shows SLA badges and reads further pages", "[tickets][client]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    TicketList list(Language::ja);
    client::TicketFilter filter;
    filter.kind = "incident";
    filter.breached = true;
    filter.text = "プリンタ";
    list.load(api, filter);
    CHECK(transport.next().path ==
          "/api/v1/tickets?kind=incident&breached=true&q=%E3%83%97%E3%83%AA%E3%83%B3%E3%82%BF&limit=50");
    auto tickets = json::array();
    tickets.push_back(with(ticket_json(1, "incident", "in_progress", "プリンタが印刷しない"), {{"sla_breached", true}}));
    for (int id = 2; id <= 8; ++id) tickets.push_back(ticket_json(id, "incident", "in_progress", "紙詰まり"));
    transport.answer(200, testing::page_json(tickets, 12, "c1").dump());
    REQUIRE(list.state() == TicketList::State::loaded);
    CHECK(list.tickets().size() == 8);
    CHECK(list.total() == 12);
    CHECK(list.count_text() == "12件中8件を表示");
    CHECK(list.has_more());
    // 08:00 UTC is 17:00 in Tokyo.
    CHECK(list.table().cell_text(0, client::ticket_column::sla) == "期限超過（11/26 17:00）");
    CHECK(list.table().cell_text(1, client::ticket_column::sla) == "期限 11/26 17:00");
    CHECK(list.table().cell_text(0, client::ticket_column::state) == "対応中");

    // Near the top nothing more is read; moving to the last rows reads the next page.
    list.table().click(0, {});
    CHECK_FALSE(list.wants_more());
    list.table().click(6, {});
    REQUIRE(list.wants_more());
    list.load_more(api);
    CHECK(transport.next().path.ends_with("&limit=50&cursor=c1"));
    transport.answer(200, testing::page_json(json::array({ticket_json(9, "incident", "received", "追加分")}), 12, nullptr).dump());
    CHECK(list.tickets().size() == 9);
    CHECK_FALSE(list.has_more());
    REQUIRE(list.current() != nullptr);
    CHECK(list.current()->id == 7);  // the row the user was on stays current
}

TEST_CASE("a search whose count the server capped says \"or more\"", "[tickets][client]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    TicketList list(Language::ja);
    client::TicketFilter filter;
    filter.text = "の";
    list.load(api, filter);
    transport.next();
    auto page = testing::page_json(json::array({ticket_json(1, "inquiry", "received", "プリンターの件")}), 1000, "c1");
    page["total_capped"] = true;
    transport.answer(200, page.dump());
    CHECK(list.total_capped());
    CHECK(list.count_text() == "1000件以上中1件を表示（語を足すと絞り込めます）");
    list.set_language(Language::en);
    CHECK(list.count_text() == "1 of 1000 or more shown (add words to narrow)");
}

TEST_CASE("a newer filter's list is not overwritten by an older answer", "[tickets][client]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    TicketList list(Language::ja);
    list.load(api, {});
    client::TicketFilter mine;
    mine.mine = true;
    list.load(api, mine);
    transport.answer(200, testing::page_json(json::array({ticket_json(1, "inquiry", "received", "古い一覧")}), 1).dump());
    CHECK(list.state() == TicketList::State::loading);
    CHECK(transport.next().path == "/api/v1/tickets?mine=true&limit=50");
    transport.answer(200, testing::page_json(json::array({ticket_json(2, "inquiry", "received", "自分の担当")}), 1).dump());
    REQUIRE(list.tickets().size() == 1);
    CHECK(list.tickets()[0].title == "自分の担当");
}

TEST_CASE("a reload keeps the rows and the chosen ticket while it waits, another filter shows its loading state",
          "[tickets][client]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    TicketList list(Language::ja);
    list.load(api, {});
    const auto first = json::array({ticket_json(1, "inquiry", "received", "一"), ticket_json(2, "inquiry", "received", "二"),
                                     ticket_json(3, "inquiry", "received", "三")});
    transport.answer(200, testing::page_json(first, 3).dump());
    list.table().click(1, {});
    REQUIRE(list.current() != nullptr);
    REQUIRE(list.current()->id == 2);

    list.reload(api);
    CHECK(list.state() == TicketList::State::loading);
    CHECK(list.tickets().size() == 3);
    REQUIRE(list.current() != nullptr);
    CHECK(list.current()->id == 2);
    // A new ticket came first meanwhile: the chosen one stays chosen on its new row.
    auto second = first;
    second.insert(second.begin(), ticket_json(4, "incident", "received", "新着"));
    transport.answer(200, testing::page_json(second, 4).dump());
    CHECK(list.state() == TicketList::State::loaded);
    CHECK(list.tickets().size() == 4);
    REQUIRE(list.current() != nullptr);
    CHECK(list.current()->id == 2);

    client::TicketFilter resolved;
    resolved.state = "resolved";
    list.load(api, resolved);
    CHECK(list.state() == TicketList::State::loading);
    CHECK(list.tickets().empty());
    CHECK(list.current() == nullptr);
}

TEST_CASE("SLA badges: breached, near breach with the time left, paused while the requester is asked",
          "[tickets][client]") {
    client::TicketSummary ticket;
    ticket.kind = "inquiry";
    ticket.state = "in_progress";
    ticket.sla_due_at = "2026-11-26T08:00:00Z";
    ticket.sla_near_breach = true;
    auto badge = client::sla_badge_of(ticket);
    CHECK(badge.status == client::SlaStatus::near_breach);
    badge.remaining_minutes = 45;
    CHECK(client::sla_badge_text(badge, Language::ja) == "期限間近 残り45分（11/26 17:00）");
    ticket.state = "waiting_requester";
    CHECK(client::sla_badge_of(ticket).status == client::SlaStatus::paused);
    ticket.state = "resolved";
    CHECK(client::sla_badge_of(ticket).status == client::SlaStatus::stopped);
    ticket.sla_breached = true;  // a breach stays visible after the ticket stopped
    CHECK(client::sla_badge_text(client::sla_badge_of(ticket), Language::en) == "Breached (11/26 17:00)");
}

TEST_CASE("the detail offers the server's moves, and one that needs a comment waits for it", "[tickets][client]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    client::TicketDetail detail(Language::ja);
    detail.open(api, 5);
    CHECK(transport.next().path == "/api/v1/tickets/5");
    const auto ticket = ticket_json(5, "inquiry", "in_progress", "メールが届かない", 3);
    transport.answer(200, testing::detail_json(ticket, {testing::move_json("waiting_requester", "ask_requester", true),
                                                        testing::move_json("resolved", "resolve", true)})
                              .dump());
    REQUIRE(detail.state() == client::TicketDetail::State::loaded);
    REQUIRE(detail.moves().size() == 2);
    CHECK(detail.sla().remaining_minutes == 45);  // the first response falls due first

    detail.choose_move(api, detail.moves()[1]);
    CHECK(transport.waiting() == 0);
    REQUIRE(detail.pending_move());
    CHECK_FALSE(detail.confirm_move(api));
    CHECK(detail.errors().field("comment", Language::ja) == "コメントを入力してください。");
    CHECK(transport.waiting() == 0);

    detail.move_comment = "設定を修正しました";
    REQUIRE(detail.confirm_move(api));
    CHECK(transport.next().method == "POST");
    CHECK(transport.next().path == "/api/v1/tickets/5/transitions");
    CHECK(json::parse(transport.next().body) == json{{"to", "resolved"}, {"version", 3}, {"comment", "設定を修正しました"}});
    const json moved{{"id", 9}, {"occurred_at", "2026-11-26T01:05:00Z"}, {"actor", "desk"}, {"type", "state"},
                     {"from_state", "in_progress"}, {"to_state", "resolved"}, {"comment", "設定を修正しました"},
                     {"visibility", "public"}, {"decision", ""}, {"role", ""}};
    transport.answer(200, testing::detail_json(with(ticket, {{"state", "resolved"}, {"version", 4}}),
                                               json::array({testing::move_json("closed", "close", false)}), json::array({moved}))
                              .dump());
    CHECK_FALSE(detail.pending_move());
    CHECK(detail.ticket().state == "resolved");
    REQUIRE(detail.timeline().size() == 1);
    CHECK(client::timeline_heading(detail.timeline()[0], Language::ja) == "11/26 10:05 desk：対応中 → 解決済");
    const auto changed = detail.take_changed();
    REQUIRE(changed);
    CHECK(changed->version == 4);

    // A move without a comment goes at once.
    detail.choose_move(api, detail.moves()[0]);
    CHECK(json::parse(transport.next().body) == json{{"to", "closed"}, {"version", 4}});
}

TEST_CASE("notes go public or internal, and a blank one is not sent", "[tickets][client]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    client::TicketDetail detail(Language::ja);
    detail.open(api, 5);
    transport.answer(200, testing::detail_json(ticket_json(5, "inquiry", "received", "問い合わせ"), json::array()).dump());
    detail.note_text = "　 ";
    CHECK_FALSE(detail.add_note(api));
    CHECK(detail.errors().field("text", Language::ja) == "必須です。");
    detail.note_text = "再起動をお試しください";
    detail.note_internal = true;
    REQUIRE(detail.add_note(api));
    CHECK(transport.next().path == "/api/v1/tickets/5/notes");
    CHECK(json::parse(transport.next().body) == json{{"text", "再起動をお試しください"}, {"visibility", "internal"}});
    transport.answer(201, testing::detail_json(ticket_json(5, "inquiry", "received", "問い合わせ"), json::array()).dump());
    CHECK(detail.note_text.empty());
}

TEST_CASE("an edit someone else overtook is reloaded and says so", "[tickets][client]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    client::TicketDetail detail(Language::ja);
    detail.open(api, 5);
    const auto ticket = ticket_json(5, "incident", "in_progress", "複合機の故障", 2);
    transport.answer(200, testing::detail_json(ticket, json::array()).dump());
    CHECK_FALSE(detail.fields_changed());
    detail.edit_priority = "p1";
    detail.edit_assignee = "desk2";
    REQUIRE(detail.save_fields(api));
    CHECK(transport.next().method == "PATCH");
    CHECK(json::parse(transport.next().body) == json{{"version", 2}, {"priority", "p1"}, {"assignee", "desk2"}});
    transport.answer(409, json{{"error", {{"code", "stale_version"}, {"message", "stale"}, {"message_ja", "古い版"}, {"fields", json::object()}}},
                               {"ticket", with(ticket, {{"version", 3}, {"priority", "p2"}})}}
                              .dump());
    CHECK(transport.next().path == "/api/v1/tickets/5");
    transport.answer(200, testing::detail_json(with(ticket, {{"version", 3}, {"priority", "p2"}, {"assignee_login", "ito"}}),
                                               json::array())
                              .dump());
    CHECK(detail.stale());
    CHECK(detail.ticket().version == 3);
    CHECK(detail.edit_priority == "p2");  // the form shows what is stored now
    CHECK(detail.edit_assignee == "ito");
}

TEST_CASE("a link needs a number, and the answer's links are shown", "[tickets][client]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    client::TicketDetail detail(Language::ja);
    detail.open(api, 5);
    const auto ticket = ticket_json(5, "incident", "in_progress", "複合機の故障");
    transport.answer(200, testing::detail_json(ticket, json::array()).dump());
    detail.link_kind = client::LinkKind::device;
    detail.link_target = "PC-12";
    CHECK_FALSE(detail.add_link(api));
    CHECK(detail.errors().field("device_id", Language::ja) == "1 以上の数字で入力してください。");
    detail.link_target = "12";
    REQUIRE(detail.add_link(api));
    CHECK(json::parse(transport.next().body) == json{{"device_id", 12}});
    const json link{{"id", 1}, {"device", {{"id", 12}, {"asset_tag", "MFP-0012"}}}, {"created_at", "x"}, {"created_by", "desk"}};
    transport.answer(201, testing::detail_json(ticket, json::array(), json::array(), json::array({link})).dump());
    REQUIRE(detail.links().size() == 1);
    CHECK(detail.links()[0].kind == "device");
    CHECK(detail.links()[0].name == "MFP-0012");
}

TEST_CASE("the new-ticket form marks its fields and sends once under one Idempotency-Key", "[tickets][client]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    client::TicketForm form;
    const std::vector<identity::Role> roles{identity::Role::desk_operator};
    form.start(roles);
    CHECK(form.kinds().size() >= 5);
    CHECK_FALSE(form.submit(api));
    CHECK(form.errors().field("title", Language::ja) == "必須です。");
    CHECK(form.errors().field("category", Language::ja) == "必須です。");
    CHECK(transport.waiting() == 0);

    form.requester_login = "sato";
    form.title = "電話：プリンタが動かない";
    form.body = "3階の複合機でエラー表示";
    form.category = "device";
    REQUIRE(form.submit(api));
    const auto key = header(transport.next(), "Idempotency-Key");
    CHECK(key.size() == 36);
    CHECK(json::parse(transport.next().body) == json{{"kind", "inquiry"},
                                                     {"title", "電話：プリンタが動かない"},
                                                     {"body", "3階の複合機でエラー表示"},
                                                     {"category", "device"},
                                                     {"impact", "individual"},
                                                     {"urgency", "medium"},
                                                     {"requester_login", "sato"}});
    transport.answer(503, R"({"error":{"code":"unavailable","message":"busy","message_ja":"混雑","fields":{}}})");
    CHECK(form.errors().general(Language::ja) == "混雑");
    REQUIRE(form.submit(api));  // the retry is the same request
    CHECK(header(transport.next(), "Idempotency-Key") == key);
    transport.answer(201, testing::detail_json(ticket_json(41, "inquiry", "received", "電話：プリンタが動かない"), json::array()).dump());
    const auto created = form.take_created();
    REQUIRE(created);
    CHECK(created->first == 41);
    CHECK(created->second == "INQ-2026-000041");
    CHECK(form.title.empty());
    CHECK(form.idempotency_key() != key);  // the next caller's ticket is another request
}

TEST_CASE("the new-ticket form sets 影響度 and 緊急度 and shows the 優先度 that follows", "[tickets][client]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    client::TicketForm form;
    const std::vector<identity::Role> roles{identity::Role::desk_operator};
    form.start(roles);
    // One person, work hindered: the desk's everyday matter.
    CHECK(form.priority() == tickets::Priority::p4);
    form.impact = tickets::Impact::widespread;
    CHECK(form.priority() == tickets::Priority::p2);
    form.urgency = tickets::Urgency::high;
    CHECK(form.priority() == tickets::Priority::p1);
    form.impact = tickets::Impact::division;
    form.urgency = tickets::Urgency::low;
    CHECK(form.priority() == tickets::Priority::p4);

    form.kind = tickets::TicketKind::incident;
    form.title = "全庁でメールが届かない";
    form.body = "9時頃から";
    form.category = "service";
    form.impact = tickets::Impact::widespread;
    form.urgency = tickets::Urgency::high;
    REQUIRE(form.submit(api));
    const auto sent = json::parse(transport.next().body);
    CHECK(sent["impact"] == "widespread");
    CHECK(sent["urgency"] == "high");
    CHECK_FALSE(sent.contains("priority"));  // the server computes it from the two
    transport.answer(201, testing::detail_json(with(ticket_json(42, "incident", "received", "全庁でメールが届かない"),
                                                    {{"priority", "p1"}}), json::array()).dump());
    REQUIRE(form.take_created());
    form.start(roles);
    CHECK(form.priority() == tickets::Priority::p4);  // a new form starts from the default again
}

TEST_CASE("the approval queue offers the IT office's decisions and asks why for a rejection", "[tickets][client]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    client::ApprovalQueue queue(Language::ja);
    queue.load(api);
    REQUIRE(transport.waiting() == 2);
    CHECK(transport.next().path == "/api/v1/tickets?state=submitted&sort=created_at&limit=200");
    transport.answer(200, testing::page_json(json::array({ticket_json(3, "change", "submitted", "ファームウェア更新", 2)}), 1).dump());
    CHECK(queue.state() == client::ApprovalQueue::State::loading);
    transport.answer(200, testing::page_json(json::array({ticket_json(4, "security_incident", "plan_submitted", "不審メール対応方針")}), 1).dump());
    REQUIRE(queue.state() == client::ApprovalQueue::State::loaded);
    REQUIRE(queue.waiting().size() == 2);

    const auto change = queue.waiting()[0];
    const auto decisions = client::decisions_for(change);
    REQUIRE(decisions.size() == 3);
    CHECK(decisions[0].action_key == "tickets.action.approve");
    CHECK(decisions[1].action_key == "tickets.action.reject");
    CHECK(decisions[1].needs_comment);
    CHECK_FALSE(queue.decide(api, change, decisions[1]));
    CHECK(queue.commenting == 3);
    CHECK(queue.errors().field("comment", Language::ja) == "コメントを入力してください。");
    queue.comment = "影響範囲の記載がない";
    REQUIRE(queue.decide(api, change, decisions[1]));
    CHECK(transport.next().path == "/api/v1/tickets/3/transitions");
    CHECK(json::parse(transport.next().body) == json{{"to", "rejected"}, {"version", 2}, {"comment", "影響範囲の記載がない"}});
    transport.answer(200, testing::detail_json(ticket_json(3, "change", "rejected", "x"), json::array()).dump());
    CHECK(queue.take_decided() == "CHG-2026-000003");
    REQUIRE(queue.waiting().size() == 1);
    CHECK(queue.waiting()[0].id == 4);
    CHECK(client::decisions_for(queue.waiting()[0])[0].action_key == "tickets.action.approve_plan");

    // 再読み込み: the tickets shown stay until every state has answered, then all change at once.
    queue.load(api);
    CHECK(queue.state() == client::ApprovalQueue::State::loading);
    transport.answer(200, testing::page_json(json::array({ticket_json(5, "change", "submitted", "サーバ更新", 1)}), 1).dump());
    REQUIRE(queue.waiting().size() == 1);
    CHECK(queue.waiting()[0].id == 4);
    transport.answer(200, testing::page_json(json::array(), 0).dump());
    REQUIRE(queue.state() == client::ApprovalQueue::State::loaded);
    REQUIRE(queue.waiting().size() == 1);
    CHECK(queue.waiting()[0].id == 5);
}

TEST_CASE("saved filters are kept per user and come back after a reload", "[tickets][client]") {
    std::map<std::string, std::string> storage;
    const client::TextStorage text_storage{[&](const std::string& key) { return storage[key]; },
                                           [&](const std::string& key, const std::string& text) { storage[key] = text; }};
    client::SavedFilters saved;
    saved.set_storage(text_storage);
    saved.follow_user("desk");
    client::TicketFilter breached;
    breached.breached = true;
    breached.kind = "incident";
    CHECK_FALSE(saved.save("　", breached));
    REQUIRE(saved.save("期限超過のインシデント", breached));
    CHECK(storage.contains("ticket_filters.desk"));

    client::SavedFilters other;
    other.set_storage(text_storage);
    other.follow_user("desk2");
    CHECK(other.filters().empty());  // another operator's list is their own

    client::SavedFilters reloaded;
    reloaded.set_storage(text_storage);
    reloaded.follow_user("desk");
    REQUIRE(reloaded.find("期限超過のインシデント") != nullptr);
    CHECK(*reloaded.find("期限超過のインシデント") == breached);
    reloaded.remove("期限超過のインシデント");
    reloaded.read_text(storage["ticket_filters.desk"]);
    CHECK(reloaded.filters().empty());
    reloaded.read_text("{broken");
    CHECK(reloaded.filters().empty());
}

TEST_CASE("the timeline says in words what each event did, also one it does not know", "[tickets][client]") {
    const auto heading = [](const char* type) {
        const json event{{"id", 1}, {"occurred_at", "2026-11-26T01:05:00Z"}, {"actor", "desk"}, {"type", type}};
        const auto entry = client::timeline_entry_from_json(event);
        REQUIRE(entry);
        return client::timeline_heading(*entry, Language::ja);
    };
    CHECK(heading("linked") == "11/26 10:05 desk：関連を追加");
    CHECK(heading("unlinked") == "11/26 10:05 desk：関連を削除");
    CHECK(heading("attachment") == "11/26 10:05 desk：ファイルを添付");
    CHECK(heading("escalated") == "11/26 10:05 desk：エスカレーション");
    CHECK(heading("merged") == "11/26 10:05 desk：記録");
}
