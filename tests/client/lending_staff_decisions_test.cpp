// 延長申請の判断 in the request queue, against a scripted server: the loan's extensions are read,
// the one waiting is approved or rejected (never without a reason), a refusal is explained,
// and who may decide follows the class's rule as the server's does; a manager's list of the
// division's loans puts the overdue first.
#include <catch2/catch.hpp>

#include "lending/division_loans.hpp"
#include "lending/request_queue.hpp"
#include "lending_fixtures.hpp"
#include "scripted_transport.hpp"

using namespace madoguchi;
using i18n::Language;
using identity::Role;
using nlohmann::json;

namespace {

json extension_json(std::int64_t id, const std::string& state) {
    return {{"id", id},           {"request_id", 4},        {"requested_by", "staff"},   {"current_due", "2026-12-10"},
            {"due_date", "2026-12-15"}, {"reason", "出張が延長"}, {"state", state},            {"decided_by", ""},
            {"decided_at", ""},   {"decision_reason", ""},  {"created_at", "2026-12-09T01:00:00Z"}};
}

client::CurrentUser user(const std::string& login, std::vector<Role> roles, const std::string& division = "D-DESK") {
    client::CurrentUser user;
    user.login = login;
    user.division_code = division;
    user.roles = std::move(roles);
    return user;
}

struct Decisions {
    Decisions() : transport(api) {
        decisions.open(api, 4);
        REQUIRE(transport.waiting() == 1);
        CHECK(transport.next().path == "/api/v1/lending/requests/4/extensions");
        transport.answer(200, json{{"extensions", {extension_json(1, "rejected"), extension_json(2, "requested")}}}.dump());
    }
    client::ApiClient api;
    testing::ScriptedTransport transport;
    client::ExtensionDecisions decisions;
};

}  // namespace

TEST_CASE("the waiting extension is approved and the list read again", "[lending][staff][decisions]") {
    Decisions d;
    REQUIRE(d.decisions.pending());
    CHECK(d.decisions.pending()->id == 2);
    REQUIRE(d.decisions.decide(d.api, client::ExtensionDecisions::Decision::approve));
    REQUIRE(d.transport.waiting() == 1);
    CHECK(d.transport.next().path == "/api/v1/lending/requests/4/extensions/2/decision");
    CHECK(json::parse(d.transport.next().body) == json{{"decision", "approve"}});
    d.transport.answer(200, json{{"extension", extension_json(2, "approved")},
                                 {"request", testing::loan_request_json(4, "staff", "on_loan")}}
                                .dump());
    const auto decided = d.decisions.take_decided();
    REQUIRE(decided);
    CHECK(client::extension_state_text(decided->state, Language::ja) == "承認");
    REQUIRE(d.transport.waiting() == 1);
    d.transport.answer(200, json{{"extensions", {extension_json(1, "rejected"), extension_json(2, "approved")}}}.dump());
    CHECK_FALSE(d.decisions.pending());
    CHECK_FALSE(d.decisions.decide(d.api, client::ExtensionDecisions::Decision::approve));
    CHECK(d.transport.waiting() == 0);
}

TEST_CASE("an extension is not rejected without a reason, and a refusal is explained", "[lending][staff][decisions]") {
    Decisions d;
    d.decisions.reason = "　 ";
    CHECK_FALSE(d.decisions.decide(d.api, client::ExtensionDecisions::Decision::reject));
    CHECK(d.decisions.reason_missing());
    CHECK(d.transport.waiting() == 0);
    d.decisions.reason = "次の予約があります";
    REQUIRE(d.decisions.decide(d.api, client::ExtensionDecisions::Decision::reject));
    CHECK(json::parse(d.transport.next().body) == json{{"decision", "reject"}, {"reason", "次の予約があります"}});
    d.transport.answer(409, testing::error_body("extension_refused", "この延長申請はすでに判断済みです。"));
    CHECK_FALSE(d.decisions.take_decided());
    CHECK(d.decisions.decision_error(Language::ja) == "この延長申請はすでに判断済みです。");
    // The list shows what the server holds now.
    CHECK(d.transport.waiting() == 1);
}

TEST_CASE("who decides an extension follows the class's rule, whatever the loan's state", "[lending][staff][decisions]") {
    auto loan = *client::request_from_json(testing::loan_request_json(4, "staff", "on_loan"));
    const lending::LoanRule printers{"mobile_printer", 14, lending::Approver::operator_, 2, true, false};
    const lending::LoanRule pcs{"business_pc", 30, lending::Approver::manager, 1, true, false};
    CHECK(client::approver_block(loan, &printers, user("desk", {Role::desk_operator})).empty());
    CHECK(client::decision_block(loan, &printers, user("desk", {Role::desk_operator})) == "lending_client.queue.already_decided");
    CHECK(client::approver_block(loan, &printers, user("staff", {Role::desk_operator})) == "lending_client.queue.own_request");
    CHECK(client::approver_block(loan, &pcs, user("boss", {Role::manager})).empty());
    CHECK(client::approver_block(loan, &pcs, user("boss", {Role::manager}, "D-OTHER")) == "lending_client.queue.other_division");
    CHECK(client::approver_block(loan, &pcs, user("desk", {Role::desk_operator})) == "lending_client.queue.not_approver");
}

TEST_CASE("a manager's division loans are read on loan only, the overdue first", "[lending][staff][division]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    client::DivisionLoans loans;
    loans.load(api);
    REQUIRE(transport.waiting() == 1);
    CHECK(transport.next().path == "/api/v1/lending/requests?state=on_loan");
    auto later = testing::loan_request_json(5, "sato", "on_loan");
    later["due_date"] = "2026-12-20";
    auto late = testing::loan_request_json(6, "suzuki", "on_loan");
    late["due_date"] = "2026-12-03";
    loans.accept({client::ApiResult::Kind::ok, 200, json{{"requests", {later, late}}}.dump(), {}, 0}, calendar::Date{2026, 12, 4});
    REQUIRE(loans.rows().size() == 2);
    CHECK(loans.rows().front().number == "LND-2026-00006");
    CHECK(loans.overdue_count() == 1);
}
