// 未返却一覧 against a real server: a loan past its due date is listed with its borrower,
// devices, business days overdue and no reminder yet; the desk sends one now and the history
// shows it as the first overdue reminder; a reminder for a loan no longer out is refused in
// the user's words; staff cannot read the list.
#include <catch2/catch.hpp>

#include "api/form_errors.hpp"
#include "lending/overdue_loans.hpp"
#include "lending_desk_fixtures.hpp"

using namespace madoguchi;
using i18n::Language;
using nlohmann::json;

TEST_CASE("the desk sees an overdue loan and sends a reminder now, which joins its history", "[lending_desk][overdue]") {
    testing::LendingWorld world;
    testing::DeskTab desk(world.server.port(), "desk1");
    testing::DeskTab admin(world.server.port(), "admin1");
    testing::DeskTab sato(world.server.port(), "sato");
    world.furnish(desk, admin, {{"mobile_printer", "MPR-000001"}, {"mobile_printer", "MPR-000002"}});
    const auto loan = world.approve(desk, world.request(sato, "mobile_printer"));
    world.overdue(loan);

    client::OverdueLoans overdue(Language::ja);
    overdue.load(desk.api);
    desk.wait([&] { return overdue.state() == client::OverdueLoans::State::loaded; });
    REQUIRE(overdue.rows().size() == 1);
    CHECK(overdue.total() == 1);
    const auto& row = overdue.rows().front();
    CHECK(row.number == loan["number"].get<std::string>());
    CHECK(row.borrower_name == "試験 sato");
    CHECK(row.asset_tags.size() == 1);
    CHECK(row.business_days_overdue >= 1);
    CHECK(overdue.table().cell_text(0, 6) == "0");
    CHECK(overdue.table().cell_text(0, 7) == "窓口で督促中");

    overdue.open(row.id);
    REQUIRE(overdue.send_reminder(desk.api));
    CHECK_FALSE(overdue.send_reminder(desk.api));  // one at a time
    desk.wait([&] { return !overdue.sending(); });
    CHECK(overdue.send_error(Language::ja).empty());
    CHECK(overdue.take_sent() == loan["number"].get<std::string>());
    desk.wait([&] { return overdue.opened()->reminders.size() == 1; });
    const auto& reminder = overdue.opened()->reminders.front();
    CHECK(reminder.kind == "overdue");
    CHECK(reminder.overdue_number == 1);
    CHECK(reminder.sent_by == "desk1");
    const auto text = client::reminder_text(reminder, Language::ja);
    CHECK(text.starts_with("第1回 返却督促 （窓口から手動で送信）"));
    CHECK(client::reminder_text(reminder, Language::en).starts_with("no. 1 Overdue reminder (sent by the desk)"));
    CHECK(overdue.table().cell_text(0, 6) == "1");

    // Reading the list again shows the same history, from the server.
    overdue.load(desk.api);
    desk.wait([&] { return overdue.state() == client::OverdueLoans::State::loaded; });
    REQUIRE(overdue.rows().front().reminders.size() == 1);

    // Returned meanwhile: the server refuses, and says why.
    world.execute("UPDATE loan_requests SET state = 'returned' WHERE id = " + std::to_string(loan["id"].get<std::int64_t>()));
    REQUIRE(overdue.send_reminder(desk.api));
    desk.wait([&] { return !overdue.sending(); });
    CHECK(overdue.send_error(Language::ja) == "貸出中ではないため、この操作はできません。");
    CHECK(overdue.take_sent().empty());

    client::OverdueLoans none(Language::ja);
    none.load(desk.api);
    desk.wait([&] { return none.state() == client::OverdueLoans::State::loaded; });
    CHECK(none.rows().empty());

    client::OverdueLoans refused(Language::ja);
    refused.load(sato.api);
    sato.wait([&] { return refused.state() != client::OverdueLoans::State::loading; });
    CHECK(refused.state() == client::OverdueLoans::State::failed);
    CHECK(client::error_text(refused.error(), Language::ja) == i18n::text("error.forbidden", Language::ja));
}

TEST_CASE("a reminder passed while the job was down says so", "[lending_desk][overdue]") {
    const json body{{"loans",
                     {{{"id", 5},
                       {"number", "LND-2026-00005"},
                       {"borrower_name", "職員 花子"},
                       {"class", "tablet"},
                       {"asset_tags", {"TAB-000001", "TAB-000002"}},
                       {"due_date", "2026-12-01"},
                       {"business_days_overdue", 4},
                       {"escalated", true},
                       {"reminders",
                        {{{"key", "overdue+1@2026-12-01"}, {"kind", "overdue"}, {"business_days", 1}, {"state", "superseded"},
                          {"overdue_number", 1}, {"recorded_at", "2026-12-03T00:00:00Z"}, {"sent_by", "system"}}}}}}},
                    {"total", 1}};
    const auto loans = client::overdue_from_body(body.dump());
    REQUIRE(loans);
    REQUIRE(loans->size() == 1);
    CHECK(loans->front().escalated);
    CHECK(client::reminder_text(loans->front().reminders.front(), Language::ja) ==
          "第1回 返却督促 （期限後1営業日） 2026-12-03（木） 9:00 system （停止中の分: 未送信）");
    client::OverdueLoans overdue(Language::ja);
    overdue.accept({client::ApiResult::Kind::ok, 200, body.dump(), {}, 0});
    CHECK(overdue.table().cell_text(0, 3) == "TAB-000001, TAB-000002");
    CHECK(overdue.table().cell_text(0, 7) == "情報システム室へ移管済");
    CHECK_FALSE(client::overdue_from_body("{\"loans\":3}"));
}
