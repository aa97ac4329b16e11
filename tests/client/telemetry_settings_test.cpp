// 設定 against a real server: the IT office changes the loops' rules (what is not a whole number
// or breaks the shared rule is refused before anything is sent, a login that is no desk
// operator is refused by the server beside its field, in Japanese), reverts, and meets another
// tab's save first; the desk reads but may not save. The models' speeds: typed in full-width
// digits, out of range refused locally, emptied back to the fleet's fastest.
#include <catch2/catch.hpp>

#include "telemetry/loop_rules_form.hpp"
#include "telemetry/model_speeds.hpp"
#include "telemetry_office_fixtures.hpp"

using namespace madoguchi;
using client::LoopRulesForm;
using client::ModelSpeeds;
using i18n::Language;

namespace {

void load(testing::DeskTab& tab, LoopRulesForm& form) {
    form.load(tab.api);
    tab.wait([&] { return form.state() != LoopRulesForm::State::loading; });
    REQUIRE(form.state() == LoopRulesForm::State::loaded);
}

void save(testing::DeskTab& tab, LoopRulesForm& form) {
    REQUIRE(form.save(tab.api));
    tab.wait([&] { return !form.busy(); });
}

void load(testing::DeskTab& tab, ModelSpeeds& speeds) {
    speeds.load(tab.api);
    tab.wait([&] { return speeds.state() != ModelSpeeds::State::loading; });
    REQUIRE(speeds.state() == ModelSpeeds::State::loaded);
}

const client::ModelSpeedRow& row_of(const ModelSpeeds& speeds, std::int64_t model) {
    const auto found = std::find_if(speeds.rows().begin(), speeds.rows().end(),
                                    [&](const client::ModelSpeedRow& row) { return row.model_id == model; });
    REQUIRE(found != speeds.rows().end());
    return *found;
}

}  // namespace

TEST_CASE("a typed whole number may be full-width and spaced, nothing else", "[telemetry_settings]") {
    CHECK(client::typed_whole_number("12") == 12);
    CHECK(client::typed_whole_number(" ３０ ") == 30);
    CHECK(client::typed_whole_number("-1") == -1);
    CHECK_FALSE(client::typed_whole_number(""));
    CHECK_FALSE(client::typed_whole_number("1.5"));
    CHECK_FALSE(client::typed_whole_number("1 2"));
    CHECK_FALSE(client::typed_whole_number("１　２"));
    CHECK(client::typed_whole_number("　７　") == 7);
    CHECK_FALSE(client::typed_whole_number("十"));
    CHECK_FALSE(client::typed_whole_number("99999999999999999999"));
}

TEST_CASE("the IT office changes the loops' rules, refused field by field first", "[telemetry_settings][rules]") {
    testing::TelemetryOffice office;
    testing::DeskTab it_office(office.server.port(), "itoffice1");
    LoopRulesForm form;
    load(it_office, form);
    REQUIRE(form.stored());
    CHECK(form.stored()->version == 0);
    CHECK(client::rules_changed_text(*form.stored(), Language::ja, false) == "初期値のままです（まだ変更されていません）。");
    CHECK(form.inputs().offline_cycles == "3");
    CHECK(form.inputs().lead_time_days == "5");
    CHECK(form.inputs().order_at_percent == "10");
    CHECK_FALSE(form.changed());

    // Refused before anything is sent: not a number, and out of the shared rule's range.
    form.inputs().offline_cycles = "三";
    form.inputs().window_days = "400";
    CHECK(form.changed());
    CHECK_FALSE(form.save(it_office.api));
    CHECK(form.field_error("offline_cycles", Language::ja) == "整数を指定してください。");
    CHECK(form.field_error("window_days", Language::ja) == "3から365の範囲で入力してください。");
    CHECK(form.field_error("window_days", Language::en) == "Must be from 3 to 365.");
    form.inputs().offline_cycles = "５";  // typed with the IME on
    form.inputs().window_days = "30";
    form.inputs().min_days = "40";
    CHECK_FALSE(form.save(it_office.api));
    CHECK(form.field_error("offline_cycles", Language::ja).empty());
    CHECK(form.field_error("min_days", Language::ja) == "2から消費量の計測日数までの範囲で入力してください。");
    CHECK(office.number("SELECT count(*) FROM audit_log WHERE action = 'telemetry_loop_rules.updated'") == 0);

    // The server's own check, beside its field in Japanese.
    form.inputs().min_days = "4";
    form.inputs().incident_requester = "ricoh1";
    save(it_office, form);
    CHECK(form.field_error("incident_requester", Language::ja) == "運用窓口の利用者のログインIDを指定してください。");
    CHECK(form.general_error(Language::ja).empty());
    CHECK(form.stored()->version == 0);
    CHECK_FALSE(form.take_saved());

    form.inputs().incident_requester = "desk1";
    form.inputs().lead_time_days = "7";
    save(it_office, form);
    CHECK(form.take_saved());
    CHECK(form.general_error(Language::ja).empty());
    CHECK(form.field_error("incident_requester", Language::ja).empty());
    CHECK_FALSE(form.changed());
    CHECK(form.stored()->version == 1);
    CHECK(form.stored()->rules.offline_cycles == 5);
    CHECK(form.stored()->rules.order.lead_time_days == 7);
    CHECK(form.stored()->rules.forecast.min_days == 4);
    CHECK(form.stored()->rules.incident_requester == "desk1");
    CHECK(form.stored()->updated_by == "itoffice1");
    CHECK(client::rules_changed_text(*form.stored(), Language::ja, false).starts_with("最終変更: itoffice1（"));
    CHECK(office.number("SELECT offline_cycles FROM telemetry_loop_rules") == 5);
    CHECK(office.number("SELECT count(*) FROM audit_log WHERE action = 'telemetry_loop_rules.updated'") == 1);

    // 元に戻す: back to what is stored.
    form.inputs().order_at_percent = "20";
    CHECK(form.changed());
    form.revert();
    CHECK(form.inputs().order_at_percent == "10");
    CHECK_FALSE(form.changed());
}

TEST_CASE("a save after someone else's shows their rules and says so, and the desk only reads", "[telemetry_settings][rules]") {
    testing::TelemetryOffice office;
    testing::DeskTab first_tab(office.server.port(), "itoffice1");
    testing::DeskTab second_tab(office.server.port(), "itoffice1");
    testing::DeskTab desk(office.server.port(), "desk1");
    LoopRulesForm first, second, desk_form;
    load(first_tab, first);
    load(second_tab, second);
    first.inputs().offline_cycles = "6";
    save(first_tab, first);
    REQUIRE(first.take_saved());

    second.inputs().order_at_percent = "15";
    save(second_tab, second);
    CHECK_FALSE(second.take_saved());
    CHECK(second.general_error(Language::ja) == i18n::text("error.stale_version", Language::ja));
    CHECK(second.inputs().offline_cycles == "6");
    CHECK(second.inputs().order_at_percent == "10");
    CHECK(second.stored()->version == 1);
    CHECK(office.number("SELECT order_at_percent FROM telemetry_loop_rules") == 10);

    load(desk, desk_form);
    CHECK(desk_form.inputs().offline_cycles == "6");
    desk_form.inputs().offline_cycles = "2";
    save(desk, desk_form);
    CHECK(desk_form.general_error(Language::ja) == i18n::text("error.forbidden", Language::ja));
    CHECK(office.number("SELECT offline_cycles FROM telemetry_loop_rules") == 6);
}

TEST_CASE("the IT office enters a model's speed and removes it again, the desk may not", "[telemetry_settings][speeds]") {
    testing::TelemetryOffice office;
    const auto mfp = office.model("リコー", "IM C3010");
    const auto floor = office.model("リコー", "P 6020");
    testing::DeskTab it_office(office.server.port(), "itoffice1");
    ModelSpeeds speeds;
    load(it_office, speeds);
    CHECK(speeds.fleet_max_pages_per_minute() == 65);
    REQUIRE(speeds.rows().size() == 2);
    CHECK(row_of(speeds, mfp).model == "リコー IM C3010");
    CHECK_FALSE(row_of(speeds, mfp).pages_per_minute);
    CHECK(row_of(speeds, mfp).effective_pages_per_minute == 65);
    CHECK(speeds.input(mfp).empty());
    CHECK_FALSE(speeds.changed(mfp));

    speeds.input(mfp) = "301";
    CHECK(speeds.changed(mfp));
    CHECK_FALSE(speeds.save(it_office.api, mfp));
    CHECK(speeds.row_error(mfp, Language::ja) == "1から300の範囲で入力してください。");
    speeds.input(mfp) = "30枚";
    CHECK_FALSE(speeds.save(it_office.api, mfp));
    CHECK(speeds.row_error(mfp, Language::ja) == "整数を指定してください。");
    CHECK(speeds.row_error(floor, Language::ja).empty());

    speeds.input(mfp) = "３０";
    REQUIRE(speeds.save(it_office.api, mfp));
    it_office.wait([&] { return !speeds.busy(); });
    CHECK(speeds.take_saved() == mfp);
    CHECK(speeds.row_error(mfp, Language::ja).empty());
    CHECK(row_of(speeds, mfp).pages_per_minute == 30);
    CHECK(row_of(speeds, mfp).effective_pages_per_minute == 30);
    CHECK(row_of(speeds, mfp).updated_by == "itoffice1");
    CHECK(row_of(speeds, mfp).updated_at);
    CHECK(speeds.input(mfp) == "30");
    CHECK_FALSE(speeds.changed(mfp));
    CHECK(office.number("SELECT pages_per_minute FROM telemetry_model_speeds WHERE model_id = " + std::to_string(mfp)) == 30);
    CHECK(office.number("SELECT count(*) FROM audit_log WHERE action = 'telemetry_model_speed.set'") == 1);

    // The desk reads the speed; saving one is the IT office's.
    testing::DeskTab desk(office.server.port(), "desk1");
    ModelSpeeds desk_speeds;
    load(desk, desk_speeds);
    CHECK(row_of(desk_speeds, mfp).pages_per_minute == 30);
    desk_speeds.input(floor) = "50";
    REQUIRE(desk_speeds.save(desk.api, floor));
    desk.wait([&] { return !desk_speeds.busy(); });
    CHECK(desk_speeds.row_error(floor, Language::ja) == i18n::text("error.forbidden", Language::ja));
    CHECK_FALSE(row_of(desk_speeds, floor).pages_per_minute);
    desk_speeds.revert(floor);
    CHECK(desk_speeds.input(floor).empty());
    CHECK(desk_speeds.row_error(floor, Language::ja).empty());

    // Emptied: the fleet's fastest applies again.
    speeds.input(mfp) = "";
    REQUIRE(speeds.save(it_office.api, mfp));
    it_office.wait([&] { return !speeds.busy(); });
    CHECK_FALSE(row_of(speeds, mfp).pages_per_minute);
    CHECK(row_of(speeds, mfp).effective_pages_per_minute == 65);
    CHECK(office.number("SELECT count(*) FROM telemetry_model_speeds") == 0);
}

TEST_CASE("再読み込み keeps what was typed and shows what others saved elsewhere", "[telemetry_settings][reload]") {
    testing::TelemetryOffice office;
    const auto mfp = office.model("リコー", "IM C3010");
    const auto floor = office.model("リコー", "P 6020");
    testing::DeskTab mine(office.server.port(), "itoffice1");
    testing::DeskTab other(office.server.port(), "itoffice1");
    LoopRulesForm rules, other_rules;
    ModelSpeeds speeds, other_speeds;
    load(mine, rules);
    load(mine, speeds);
    rules.inputs().offline_cycles = "5";
    speeds.input(mfp) = "40";
    speeds.input(floor) = "x";
    speeds.revert(floor);

    load(other, other_rules);
    other_rules.inputs().order_at_percent = "15";
    save(other, other_rules);
    load(other, other_speeds);
    other_speeds.input(floor) = "50";
    REQUIRE(other_speeds.save(other.api, floor));
    other.wait([&] { return !other_speeds.busy(); });

    load(mine, rules);
    load(mine, speeds);
    CHECK(rules.inputs().offline_cycles == "5");  // the typing stays, against the version it was typed on
    CHECK(rules.stored()->version == 0);
    CHECK(speeds.input(mfp) == "40");
    CHECK(speeds.changed(mfp));
    CHECK(speeds.any_changed());
    CHECK(row_of(speeds, floor).pages_per_minute == 50);  // an untouched row shows the other save
    CHECK(speeds.input(floor) == "50");
    CHECK_FALSE(speeds.changed(floor));

    // Saved over the newer rules, the typing is refused and the other save shows.
    save(mine, rules);
    CHECK(rules.general_error(Language::ja) == i18n::text("error.stale_version", Language::ja));
    CHECK(rules.inputs().order_at_percent == "15");
    CHECK(office.number("SELECT offline_cycles FROM telemetry_loop_rules") == 3);

    // Reverted, a reload shows what is stored.
    speeds.revert(mfp);
    CHECK_FALSE(speeds.any_changed());
    load(mine, speeds);
    CHECK(speeds.input(mfp).empty());
}
