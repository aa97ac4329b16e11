// Reminder moments worked out by hand on the closed days around them:
// Golden Week 2027: 4/29 (Thu) 昭和の日, 5/1–2 weekend, 5/3–5/5 (Mon–Wed) holidays.
// Year end: 2026-12-29 … 2027-01-03 closed, 1/9–10 weekend, 1/11 (Mon) 成人の日.
#include <string>
#include <vector>

#include "../calendar/calendar_test_support.hpp"
#include "../tickets/sla_test_support.hpp"
#include "i18n/catalog.hpp"
#include "lending/reminder_schedule.hpp"

using namespace madoguchi::lending;
using madoguchi::calendar::Date;
using madoguchi::tickets::testing::at;
using madoguchi::tickets::testing::iso;

namespace {

using Texts = std::vector<std::string>;

// Notice 2 business days ahead, then +1, +3, +7; the IT office after the third overdue one.
ReminderPolicy desk_policy() { return {"business_pc", {2}, {1, 3, 7}, 9 * 60, 3, true}; }

Texts moment_texts(const std::vector<ReminderMoment>& moments) {
    Texts texts;
    for (const auto& moment : moments) texts.push_back(moment.key() + " " + iso(moment.at));
    return texts;
}

Texts keys(const std::vector<ReminderMoment>& moments) {
    Texts texts;
    for (const auto& moment : moments) texts.push_back(moment.key());
    return texts;
}

// Records what a run decided, as the server will: the reminder and the moments it stood in for.
void record(std::vector<SentReminder>& sent, const ReminderRun& run, const char* when) {
    for (const auto& moment : run.superseded) sent.push_back({moment.key(), moment.kind, at(when), true});
    if (run.send) sent.push_back({run.send->key(), run.send->kind, at(when), false});
}

}  // namespace

TEST_CASE("reminder moments skip Golden Week 2027", "[lending][reminders]") {
    // Due Fri 4/30: two business days before is Tue 4/27 (4/29 is closed); +1 is Thu 5/6,
    // +3 Mon 5/10 (5/6, 5/7, 5/10), +7 Fri 5/14 (5/11, 5/12, 5/13, 5/14).
    CHECK(moment_texts(reminder_moments(desk_policy(), Date{2027, 4, 30})) ==
          Texts{"before_due-2@2027-04-30 2027-04-27T09:00:00+09:00",
                "overdue+1@2027-04-30 2027-05-06T09:00:00+09:00",
                "overdue+3@2027-04-30 2027-05-10T09:00:00+09:00",
                "overdue+7@2027-04-30 2027-05-14T09:00:00+09:00"});
}

TEST_CASE("reminder moments skip the year-end closure and 成人の日", "[lending][reminders]") {
    // Due Mon 2026-12-28: the notice on Thu 12/24; +1 is Mon 1/4, +3 Wed 1/6,
    // +7 Wed 1/13 (1/7, 1/8, then 1/12, 1/13 after the weekend and 成人の日).
    CHECK(moment_texts(reminder_moments(desk_policy(), Date{2026, 12, 28})) ==
          Texts{"before_due-2@2026-12-28 2026-12-24T09:00:00+09:00",
                "overdue+1@2026-12-28 2027-01-04T09:00:00+09:00",
                "overdue+3@2026-12-28 2027-01-06T09:00:00+09:00",
                "overdue+7@2026-12-28 2027-01-13T09:00:00+09:00"});
}

TEST_CASE("a due date on a closed day counts from the business days around it", "[lending][reminders]") {
    // Due Sat 2027-05-01: the notice two business days before is Wed 4/28, +1 is Thu 5/6.
    const auto moments = reminder_moments(desk_policy(), Date{2027, 5, 1});
    REQUIRE(moments.size() == 4);
    CHECK(iso(moments[0].at) == "2027-04-28T09:00:00+09:00");
    CHECK(iso(moments[1].at) == "2027-05-06T09:00:00+09:00");
}

TEST_CASE("a run sends each reminder once, on business days at the send time only", "[lending][reminders]") {
    const auto policy = desk_policy();
    std::vector<SentReminder> sent;
    LoanReminderState loan{Date{2027, 4, 30}, at("2027-04-20T10:00:00+09:00"), sent, false};

    CHECK_FALSE(reminders_due(policy, loan, at("2027-04-27T08:59:00+09:00")).send);
    const auto notice = reminders_due(policy, loan, at("2027-04-27T09:00:00+09:00"));
    REQUIRE(notice.send);
    CHECK(notice.send->key() == "before_due-2@2027-04-30");
    CHECK(notice.overdue_number == 0);
    CHECK_FALSE(notice.copy_manager);  // the manager hears of overdue loans, not of the notice
    record(sent, notice, "2027-04-27T09:00:00+09:00");
    loan.sent = sent;

    // The job runs again the same morning and every day of Golden Week: nothing more to send.
    CHECK_FALSE(reminders_due(policy, loan, at("2027-04-27T09:05:00+09:00")).send);
    for (const char* now : {"2027-05-01T10:00:00+09:00", "2027-05-03T10:00:00+09:00", "2027-05-05T23:00:00+09:00"}) {
        INFO(now);
        const auto run = reminders_due(policy, loan, at(now));
        CHECK_FALSE(run.send);
        CHECK(run.superseded.empty());
    }

    const auto first = reminders_due(policy, loan, at("2027-05-06T09:00:00+09:00"));
    REQUIRE(first.send);
    CHECK(first.send->key() == "overdue+1@2027-04-30");
    CHECK(first.superseded.empty());
    CHECK(first.overdue_number == 1);
    CHECK(first.copy_manager);
    record(sent, first, "2027-05-06T09:00:00+09:00");
    loan.sent = sent;
    CHECK_FALSE(reminders_due(policy, loan, at("2027-05-06T09:00:00+09:00")).send);
}

TEST_CASE("a job down for days sends only the latest reminder, and the escalation still comes",
          "[lending][reminders]") {
    const auto policy = desk_policy();
    std::vector<SentReminder> sent{{"before_due-2@2026-12-28", ReminderKind::before_due,
                                    at("2026-12-24T09:00:00+09:00"), false}};
    LoanReminderState loan{Date{2026, 12, 28}, at("2026-12-01T10:00:00+09:00"), sent, false};

    // Down from Mon 1/4 until Thu 1/7: the +1 of 1/4 and the +3 of 1/6 both passed.
    const auto catch_up = reminders_due(policy, loan, at("2027-01-07T10:30:00+09:00"));
    REQUIRE(catch_up.send);
    CHECK(catch_up.send->key() == "overdue+3@2026-12-28");
    CHECK(keys(catch_up.superseded) == Texts{"overdue+1@2026-12-28"});
    CHECK(catch_up.overdue_number == 2);
    CHECK_FALSE(catch_up.escalate);
    record(sent, catch_up, "2027-01-07T10:30:00+09:00");
    loan.sent = sent;
    CHECK(overdue_reminders_counted(sent) == 2);
    CHECK_FALSE(reminders_due(policy, loan, at("2027-01-07T10:35:00+09:00")).send);
    CHECK_FALSE(reminders_due(policy, loan, at("2027-01-12T09:00:00+09:00")).send);

    const auto third = reminders_due(policy, loan, at("2027-01-13T09:00:00+09:00"));
    REQUIRE(third.send);
    CHECK(third.send->key() == "overdue+7@2026-12-28");
    CHECK(third.overdue_number == 3);
    CHECK_FALSE(third.escalate);  // the borrower has a business day to answer the third
    record(sent, third, "2027-01-13T09:00:00+09:00");
    loan.sent = sent;

    CHECK(iso(escalation_moment(policy, sent)) == "2027-01-14T09:00:00+09:00");
    CHECK_FALSE(reminders_due(policy, loan, at("2027-01-14T08:59:00+09:00")).escalate);
    const auto escalation = reminders_due(policy, loan, at("2027-01-14T09:00:00+09:00"));
    CHECK(escalation.escalate);
    CHECK_FALSE(escalation.send);
    loan.escalated = true;
    CHECK_FALSE(reminders_due(policy, loan, at("2027-01-15T09:00:00+09:00")).escalate);
}

TEST_CASE("the escalation waits for the next business day after the last reminder", "[lending][reminders]") {
    // Due Wed 2026-12-16; the third overdue reminder (+7, Fri 12/25) went out late, on
    // Mon 12/28: the IT office takes over on Mon 2027-01-04 at 9:00, not during the closure.
    const auto policy = desk_policy();
    const std::vector<SentReminder> sent{
        {"overdue+1@2026-12-16", ReminderKind::overdue, at("2026-12-17T09:00:00+09:00"), false},
        {"overdue+3@2026-12-16", ReminderKind::overdue, at("2026-12-21T09:00:00+09:00"), false},
        {"before_due-2@2026-12-16", ReminderKind::before_due, at("2026-12-14T09:00:00+09:00"), false},
        {"overdue+7@2026-12-16", ReminderKind::overdue, at("2026-12-28T09:00:00+09:00"), false},
    };
    CHECK(iso(escalation_moment(policy, sent)) == "2027-01-04T09:00:00+09:00");
    const LoanReminderState loan{Date{2026, 12, 16}, at("2026-12-01T10:00:00+09:00"), sent, false};
    CHECK_FALSE(reminders_due(policy, loan, at("2026-12-30T10:00:00+09:00")).escalate);
    CHECK(reminders_due(policy, loan, at("2027-01-04T09:00:00+09:00")).escalate);

    auto never = policy;
    never.escalate_after = 0;
    CHECK_FALSE(escalation_moment(never, sent));
    CHECK_FALSE(reminders_due(never, loan, at("2027-01-04T09:00:00+09:00")).escalate);
}

TEST_CASE("moments before the handover are not sent", "[lending][reminders]") {
    // Lent Wed 2027-04-28 for two days: the notice of Tue 4/27 predates the loan.
    const auto policy = desk_policy();
    const LoanReminderState loan{Date{2027, 4, 30}, at("2027-04-28T10:00:00+09:00"), {}, false};
    CHECK_FALSE(reminders_due(policy, loan, at("2027-04-30T10:00:00+09:00")).send);
    const auto run = reminders_due(policy, loan, at("2027-05-06T09:00:00+09:00"));
    REQUIRE(run.send);
    CHECK(run.send->key() == "overdue+1@2027-04-30");
    CHECK(run.superseded.empty());
}

TEST_CASE("an extension moves the reminders to the new due date, sent ones stay counted", "[lending][reminders]") {
    const auto policy = desk_policy();
    // Due Mon 2026-12-28, reminded on Mon 1/4, then extended on Tue 1/5 to Fri 2027-01-15.
    std::vector<SentReminder> sent{
        {"before_due-2@2026-12-28", ReminderKind::before_due, at("2026-12-24T09:00:00+09:00"), false},
        {"overdue+1@2026-12-28", ReminderKind::overdue, at("2027-01-04T09:00:00+09:00"), false},
    };
    LoanReminderState loan{Date{2027, 1, 15}, at("2027-01-05T10:00:00+09:00"), sent, false};

    // New moments: notice Wed 1/13; +1 Mon 1/18; +3 Wed 1/20; +7 Tue 1/26.
    CHECK(moment_texts(reminder_moments(policy, loan.due)) ==
          Texts{"before_due-2@2027-01-15 2027-01-13T09:00:00+09:00",
                "overdue+1@2027-01-15 2027-01-18T09:00:00+09:00",
                "overdue+3@2027-01-15 2027-01-20T09:00:00+09:00",
                "overdue+7@2027-01-15 2027-01-26T09:00:00+09:00"});
    // The old date's +3 (1/6) is not sent any more.
    CHECK_FALSE(reminders_due(policy, loan, at("2027-01-06T09:00:00+09:00")).send);

    const auto notice = reminders_due(policy, loan, at("2027-01-13T09:00:00+09:00"));
    REQUIRE(notice.send);
    CHECK(notice.send->key() == "before_due-2@2027-01-15");
    record(sent, notice, "2027-01-13T09:00:00+09:00");
    loan.sent = sent;

    const auto first = reminders_due(policy, loan, at("2027-01-18T09:00:00+09:00"));
    REQUIRE(first.send);
    CHECK(first.send->key() == "overdue+1@2027-01-15");
    CHECK(first.overdue_number == 2);  // the reminder of 1/4 counts
    record(sent, first, "2027-01-18T09:00:00+09:00");
    loan.sent = sent;

    const auto second = reminders_due(policy, loan, at("2027-01-20T09:00:00+09:00"));
    REQUIRE(second.send);
    CHECK(second.overdue_number == 3);
    record(sent, second, "2027-01-20T09:00:00+09:00");
    loan.sent = sent;
    // Three overdue reminders in all: the IT office the next business day, before the new +7.
    CHECK(iso(escalation_moment(policy, sent)) == "2027-01-21T09:00:00+09:00");
    CHECK(reminders_due(policy, loan, at("2027-01-21T09:00:00+09:00")).escalate);
}

TEST_CASE("business days are counted both ways from any date", "[lending][reminders]") {
    CHECK(business_day_offset(Date{2027, 4, 28}, 0) == Date{2027, 4, 28});
    CHECK(business_day_offset(Date{2027, 4, 30}, 1) == Date{2027, 5, 6});
    CHECK(business_day_offset(Date{2027, 5, 6}, -1) == Date{2027, 4, 30});
    CHECK(business_day_offset(Date{2027, 1, 3}, 1) == Date{2027, 1, 4});
    CHECK(business_day_offset(Date{2027, 1, 3}, -1) == Date{2026, 12, 28});
}

TEST_CASE("reminder policies are checked before they are stored", "[lending][reminders]") {
    for (const auto& policy : default_reminder_policies()) {
        INFO(policy.class_code);
        CHECK(check_reminder_policy(policy).empty());
    }
    REQUIRE(find_reminder_policy(default_reminder_policies(), "gss_terminal"));
    CHECK(find_reminder_policy(default_reminder_policies(), "gss_terminal")->after_due == std::vector<int>{1, 3, 7});
    CHECK_FALSE(find_reminder_policy(default_reminder_policies(), "mfp"));  // never lent

    ReminderPolicy bad{"tablet", {0}, {3, 1, 7}, 24 * 60, 3, false};
    using madoguchi::validation::FieldProblem;
    CHECK(check_reminder_policy(bad) ==
          std::vector<FieldProblem>{{"before_due", "lending.reminder.invalid_days"},
                                    {"after_due", "lending.reminder.invalid_days"},
                                    {"send_minute", "lending.reminder.invalid_send_time"}});
    ReminderPolicy unreachable{"tablet", {}, {1, 3}, 9 * 60, 3, false};
    const auto problems = check_reminder_policy(unreachable);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "escalate_after");
    CHECK(madoguchi::i18n::has_key(problems[0].reason_key));
    CHECK(madoguchi::i18n::has_key("lending.reminder.invalid_days"));
    CHECK(madoguchi::i18n::has_key("lending.reminder.invalid_send_time"));
}

TEST_CASE("reminder kinds have stored names", "[lending][reminders]") {
    CHECK(parse_reminder_kind("overdue") == ReminderKind::overdue);
    CHECK(parse_reminder_kind(reminder_kind_name(ReminderKind::before_due)) == ReminderKind::before_due);
    CHECK_FALSE(parse_reminder_kind("late"));
    CHECK(madoguchi::i18n::has_key(reminder_kind_label_key(ReminderKind::before_due)));
    CHECK(madoguchi::i18n::has_key(reminder_kind_label_key(ReminderKind::overdue)));
}

TEST_CASE("a reminder policy reads back from its JSON, a wrong shape does not", "[lending][reminders]") {
    const auto policy = desk_policy();
    const auto json = to_json(policy);
    CHECK(json.dump() ==
          R"({"after_due":[1,3,7],"before_due":[2],"class_code":"business_pc","copy_division_manager":true,)"
          R"("escalate_after":3,"send_minute":540})");
    const auto read = reminder_policy_from_json(json);
    REQUIRE(read);
    CHECK(read->after_due == policy.after_due);
    CHECK(read->before_due == policy.before_due);
    CHECK(read->send_minute == 540);
    CHECK(read->escalate_after == 3);
    CHECK(read->copy_division_manager);

    for (const auto& [member, value] : std::vector<std::pair<std::string, nlohmann::json>>{
             {"after_due", "1,3,7"},
             {"after_due", nlohmann::json::array({1, "3"})},
             {"before_due", nlohmann::json::array({1.5})},
             {"send_minute", 4294967296ULL},
             {"send_minute", 18446744073709551615ULL},
             {"escalate_after", nullptr},
             {"copy_division_manager", 1},
             {"class_code", 7},
         }) {
        INFO(member << " = " << value.dump());
        auto changed = json;
        changed[member] = value;
        CHECK_FALSE(reminder_policy_from_json(changed));
    }
    auto missing = json;
    missing.erase("send_minute");
    CHECK_FALSE(reminder_policy_from_json(missing));
    CHECK_FALSE(reminder_policy_from_json(nlohmann::json::array()));
}

TEST_CASE("an operator's manual reminder counts without replacing the schedule", "[lending][reminders]") {
    // Due Fri 2027-04-30; the desk reminds the borrower by hand on Thu 5/6 at 8:40, before the job.
    const auto policy = desk_policy();
    const std::vector<SentReminder> sent{
        {"manual@2027-05-05T23:40:00Z", ReminderKind::overdue, at("2027-05-06T08:40:00+09:00"), false}};
    const LoanReminderState loan{Date{2027, 4, 30}, at("2027-04-28T10:00:00+09:00"), sent, false};
    const auto run = reminders_due(policy, loan, at("2027-05-06T09:00:00+09:00"));
    REQUIRE(run.send);
    CHECK(run.send->key() == "overdue+1@2027-04-30");
    CHECK(run.overdue_number == 2);
}

TEST_CASE("a reminder missed before a closed day waits for the next sending time", "[lending][reminders]") {
    // Due Fri 2027-04-30; the job was down on Thu 5/6 and Fri 5/7, when +1 fell due.
    const auto policy = desk_policy();
    const LoanReminderState loan{Date{2027, 4, 30}, at("2027-04-28T10:00:00+09:00"), {}, false};
    CHECK_FALSE(reminders_due(policy, loan, at("2027-05-08T10:00:00+09:00")).send);  // Saturday
    CHECK_FALSE(reminders_due(policy, loan, at("2027-05-10T08:30:00+09:00")).send);  // before 9:00
    const auto run = reminders_due(policy, loan, at("2027-05-10T09:00:00+09:00"));
    REQUIRE(run.send);
    CHECK(run.send->key() == "overdue+3@2027-04-30");
    CHECK(keys(run.superseded) == Texts{"overdue+1@2027-04-30"});
    CHECK(run.overdue_number == 2);
}
