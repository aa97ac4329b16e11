// 設置申請's view-models against JSON fixtures: the list as each user gets it, the new-request
// form checked by the shared rules before anything is sent, and an opened request moved
// along — reasons where the move table asks for one, the vendor at the hand-off, the new
// asset tag at an install's completion, ticks with the version read, a 409 when someone was first.
#include <catch2/catch.hpp>

#include "app/navigation.hpp"
#include "inventory_fixtures.hpp"
#include "placement/placement_board.hpp"
#include "placement/placement_page.hpp"
#include "placement/request_case.hpp"
#include "placement/request_form.hpp"
#include "scripted_transport.hpp"

using namespace madoguchi;
using i18n::Language;
using identity::Role;
using nlohmann::json;

namespace {

json request_json(std::int64_t version = 1, const std::string& state = "submitted", const std::string& kind = "move") {
    json checklist = json::array();
    for (const auto* key : {"gss_network", "vendor_information", "device_settings", "move_works"}) {
        checklist.push_back({{"key", key}, {"done", false}, {"done_by", ""}, {"done_at", ""}, {"note", ""}});
    }
    return {{"id", 12}, {"number", "PLR-2026-0012"}, {"kind", kind}, {"class", "mfp"}, {"model_id", nullptr},
            {"device_id", 7}, {"location_id", 4}, {"division_code", "MIN-SOM"}, {"desired_date", "2026-12-07"},
            {"reason", "執務室の移転"}, {"state", state}, {"version", version}, {"requester_login", "watanabe.takeshi"},
            {"requester_name", "渡辺 剛"}, {"requester_division", "MIN-SOM"}, {"vendor_company", ""}, {"state_reason", ""},
            {"checklist", checklist}, {"device_tag", "MFP-000007"}, {"device_location_name", "本館 10階 1001"},
            {"model_name", ""}, {"location_name", "本館 11階 1105"}, {"division_name", "総務課"},
            {"created_at", "2026-11-26T01:00:00Z"}, {"updated_at", "2026-11-26T01:00:00Z"}};
}

json move_json(const std::string& to, bool needs_reason = false, bool needs_checklist = false) {
    return {{"to", to}, {"action", "placement.action." + to}, {"needs_reason", needs_reason}, {"needs_checklist", needs_checklist}};
}

std::string detail_json(const json& request, const json& moves, const json& events = json::array()) {
    return json{{"request", request}, {"next_moves", moves}, {"vendor_companies", {"キヤノン株式会社", "リコージャパン株式会社"}},
                {"events", events}}
        .dump();
}

std::string error_json(const std::string& code, const std::string& message_ja, const json& fields = json::object()) {
    return json{{"error", {{"code", code}, {"message", code}, {"message_ja", message_ja}, {"fields", fields}}}}.dump();
}

struct Opened {
    Opened() : transport(api) {
        opened.open(api, 12);
        REQUIRE(transport.waiting() == 1);
        CHECK(transport.next().path == "/api/v1/placement-requests/12");
        transport.answer(200, detail_json(request_json(), {move_json("accepted"), move_json("rejected", true)},
                                          {{{"occurred_at", "2026-11-26T01:00:00Z"}, {"actor", "watanabe.takeshi"},
                                            {"action", "submitted"}, {"state", "submitted"}, {"item", ""}, {"reason", ""}}}));
    }
    client::ApiClient api;
    testing::ScriptedTransport transport;
    client::RequestCase opened;
};

}  // namespace

TEST_CASE("the list reads the requests, summarises each and keeps the desk's vendor companies", "[placement][client]") {
    client::PlacementBoard board;
    CHECK_FALSE(board.accept(R"({"items":[]})"));
    REQUIRE(board.accept(json{{"requests", {request_json()}}, {"total", 1}, {"vendor_companies", {"リコージャパン株式会社"}}}.dump()));
    CHECK(board.state() == client::PlacementBoard::State::loaded);
    REQUIRE(board.requests().size() == 1);
    CHECK(client::PlacementBoard::summary(board.requests()[0], Language::ja) == "移設 MFP-000007 → 本館 11階 1105");
    CHECK(client::PlacementBoard::summary(board.requests()[0], Language::en) == "Move MFP-000007 → 本館 11階 1105");
    CHECK(board.vendor_companies() == std::vector<std::string>{"リコージャパン株式会社"});

    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    board.reload(api);
    transport.answer(403, error_json("forbidden", "この操作を行う権限がありません。"));
    CHECK(board.state() == client::PlacementBoard::State::failed);
    CHECK(board.error_text(Language::ja) == "この操作を行う権限がありません。");
}

TEST_CASE("再読み込み keeps the rows while it waits and reads the open request again", "[placement][client]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    client::PlacementPage page;
    page.board.reload(api);
    transport.answer(200, json{{"requests", {request_json(3, "with_vendor")}}, {"total", 1}}.dump());
    page.opened.open(api, 12);
    transport.answer(200, detail_json(request_json(3, "with_vendor"), json::array()));
    REQUIRE(page.opened.request()->state == placement::RequestState::with_vendor);

    page.reload(api);
    REQUIRE(transport.waiting() == 2);
    CHECK(page.board.state() == client::PlacementBoard::State::loading);
    CHECK(page.board.requests().size() == 1);
    CHECK(transport.next().path == "/api/v1/placement-requests");
    transport.answer(200, json{{"requests", {request_json(4, "vendor_done")}}, {"total", 1}}.dump());
    CHECK(transport.next().path == "/api/v1/placement-requests/12");
    transport.answer(200, detail_json(request_json(4, "vendor_done"), json::array()));
    CHECK(page.board.requests()[0].state == placement::RequestState::vendor_done);
    CHECK(page.opened.request()->state == placement::RequestState::vendor_done);
    CHECK(page.opened.request()->version == 4);

    page.opened.close();
    page.reload(api);
    CHECK(transport.waiting() == 1);
}

TEST_CASE("a manager's form is checked by the shared rules, then sent for the own division", "[placement][client]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    client::RequestForm form;
    client::CurrentUser manager{1, "watanabe.takeshi", "渡辺 剛", "MIN-SOM", {Role::manager}, "", ""};
    const calendar::Date today{2026, 11, 26};
    form.start(api, manager, today, Language::ja);
    REQUIRE(transport.waiting() == 4);
    CHECK(transport.next().path == "/api/v1/devices?state=installed&limit=1000");
    auto mfp = testing::device_json(7, "MFP-000007", "mfp", "installed");
    mfp["location_name"] = "本館 10階 1001";
    mfp["location_id"] = 3;
    transport.answer(200, testing::page_json({mfp, testing::device_json(8, "TAB-000001", "tablet", "installed")}, 2, nullptr));
    transport.answer(200, testing::classes_fixture);
    transport.answer(200, testing::models_fixture);
    transport.answer(200, testing::locations_fixture);
    CHECK_FALSE(form.loading());
    CHECK(form.division_fixed());
    REQUIRE(form.devices().size() == 1);  // MFPs and floor printers only
    CHECK(form.devices()[0].location_name == "本館 10階 1001");
    CHECK(form.desired.value() == calendar::Date{2026, 12, 3});

    client::Divisions divisions;
    CHECK_FALSE(form.submit(api, divisions, today));
    CHECK(transport.waiting() == 0);
    CHECK(form.error("device_id", Language::ja) == "必須です。");
    CHECK(form.error("location_id", Language::ja) == "必須です。");
    CHECK(form.error("reason", Language::ja) == "必須です。");
    CHECK(form.error("division_code", Language::ja).empty());  // the manager's own

    form.device = 0;
    form.location = 0;
    form.reason = "執務室の移転";
    form.desired.set(calendar::Date{2026, 11, 25});
    CHECK_FALSE(form.submit(api, divisions, today));
    CHECK(form.error("desired_date", Language::ja) == "今日以降の日付を入力してください。");
    form.desired.set(calendar::Date{2026, 12, 1});
    REQUIRE(form.submit(api, divisions, today));
    const auto body = json::parse(transport.next().body);
    CHECK(body["kind"] == "move");
    CHECK(body["device_id"] == 7);
    CHECK(body["location_id"] == 3);
    CHECK(body["division_code"] == "MIN-SOM");
    CHECK(body["desired_date"] == "2026-12-01");
    CHECK_FALSE(body.contains("class"));
    transport.answer(422, error_json("validation_failed", "入力内容に誤りがあります。", {{"location_id", "is where the device is already"}}));
    CHECK_FALSE(form.error("location_id", Language::en).empty());
    CHECK_FALSE(form.take_created().has_value());

    REQUIRE(form.submit(api, divisions, today));
    transport.answer(201, detail_json(request_json(), json::array()));
    CHECK(form.take_created() == std::optional<std::int64_t>(12));
}

TEST_CASE("an install asks for class and model, and the desk chooses the division", "[placement][client]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    client::RequestForm form;
    client::CurrentUser desk{2, "desk1", "窓口 太郎", "MIN-JOH", {Role::desk_operator}, "", ""};
    form.start(api, desk, {2026, 11, 26}, Language::ja);
    transport.answer(200, testing::page_json({}, 0, nullptr));
    transport.answer(200, testing::classes_fixture);
    transport.answer(200, testing::models_fixture);
    transport.answer(200, testing::locations_fixture);
    CHECK_FALSE(form.division_fixed());
    form.kind = 0;
    REQUIRE(form.classes().size() == 1);  // the fixture's projector is not an installed class
    CHECK(form.models().empty());
    form.device_class = 0;
    REQUIRE(form.models().size() == 1);
    client::Divisions divisions;
    divisions.accept(R"({"divisions":[{"code":"MIN","parent_code":null,"name_ja":"本省","name_en":"Ministry"},
                                       {"code":"MIN-JOH","parent_code":"MIN","name_ja":"情報システム室","name_en":""}]})");
    form.default_division(divisions);
    CHECK(form.fields(divisions).division_code == "MIN-JOH");
    form.model = 0;
    form.location = 0;
    form.reason = "増員";
    REQUIRE(form.submit(api, divisions, {2026, 11, 26}));
    const auto body = json::parse(transport.next().body);
    CHECK(body["kind"] == "install");
    CHECK(body["class"] == "mfp");
    CHECK(body["model_id"] == 5);
    CHECK(body["device_id"].is_null());
}

TEST_CASE("an opened request offers the user's moves, asks for reasons where needed and reloads after a move", "[placement][client]") {
    Opened o;
    REQUIRE(o.opened.request().has_value());
    CHECK(o.opened.request()->number == "PLR-2026-0012");
    REQUIRE(o.opened.moves().size() == 2);
    CHECK(o.opened.events().size() == 1);

    o.opened.begin(o.opened.moves()[1]);  // reject: a reason is required
    CHECK_FALSE(o.opened.submit(o.api));
    CHECK(o.opened.field_error("reason", Language::ja) == "変更の理由を入力してください。");
    o.opened.reason = "　";
    CHECK_FALSE(o.opened.submit(o.api));
    CHECK(o.transport.waiting() == 0);
    o.opened.cancel();

    o.opened.begin(o.opened.moves()[0]);  // accept: no reason needed
    REQUIRE(o.opened.submit(o.api));
    CHECK(o.transport.next().path == "/api/v1/placement-requests/12/transitions");
    CHECK(json::parse(o.transport.next().body) == json{{"to", "accepted"}, {"version", 1}});
    o.transport.answer(200, json{{"request", request_json(2, "accepted")}, {"next_moves", {move_json("with_vendor")}}}.dump());
    CHECK_FALSE(o.opened.dialog_open());
    CHECK(o.opened.take_changed());
    CHECK(o.opened.request()->state == placement::RequestState::accepted);
    REQUIRE(o.transport.waiting() == 1);  // the timeline follows
    CHECK(o.transport.next().path == "/api/v1/placement-requests/12");
    o.transport.answer(200, detail_json(request_json(2, "accepted"), {move_json("with_vendor")}));

    o.opened.begin(o.opened.moves()[0]);  // hand off: which vendor
    CHECK(o.opened.needs_vendor());
    CHECK_FALSE(o.opened.submit(o.api));
    CHECK(o.opened.field_error("vendor_company", Language::ja) == "必須です。");
    o.opened.vendor = 1;
    REQUIRE(o.opened.submit(o.api));
    CHECK(json::parse(o.transport.next().body)["vendor_company"] == "リコージャパン株式会社");
    o.transport.answer(409, error_json("transition_refused", "現在の状態からはその状態に変更できません。", {{"to", "placement.refusal.not_allowed"}}));
    CHECK(o.opened.dialog_open());
    CHECK(o.opened.refusal(Language::ja) == "現在の状態からはその状態に変更できません。");
}

TEST_CASE("ticks carry the version read, and a 409 shows the request as another operator left it", "[placement][client]") {
    Opened o;
    REQUIRE(o.opened.tick(o.api, "gss_network", true));
    CHECK_FALSE(o.opened.tick(o.api, "vendor_information", true));  // one at a time
    CHECK(o.transport.next().method == "PATCH");
    CHECK(o.transport.next().path == "/api/v1/placement-requests/12/checklist/gss_network");
    CHECK(json::parse(o.transport.next().body) == json{{"done", true}, {"version", 1}});
    auto current = request_json(3);
    current["checklist"][0]["done"] = true;
    current["checklist"][0]["done_by"] = "desk2";
    auto stale = json::parse(error_json("stale_version", "他の担当者が先に更新しました。"));
    stale["request"] = current;
    o.transport.answer(409, stale.dump());
    CHECK(o.opened.take_stale());
    CHECK(o.opened.request()->version == 3);
    CHECK(o.opened.request()->checklist[0].done_by == "desk2");
}

TEST_CASE("completing an install asks for the new device's asset tag", "[placement][client]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    client::RequestCase opened;
    opened.open(api, 12);
    auto install = request_json(9, "vendor_done", "install");
    install["device_id"] = nullptr;
    install["device_tag"] = "";
    transport.answer(200, detail_json(install, {move_json("with_vendor", true), move_json("completed", false, true)}));
    opened.begin(opened.moves()[1]);
    CHECK(opened.needs_new_device());
    CHECK_FALSE(opened.needs_vendor());
    CHECK_FALSE(opened.submit(api));
    CHECK(opened.field_error("asset_tag", Language::ja) == "必須です。");
    opened.asset_tag = "mfp 12";
    CHECK_FALSE(opened.submit(api));
    CHECK_FALSE(opened.field_error("asset_tag", Language::ja).empty());
    CHECK(transport.waiting() == 0);
    opened.asset_tag = "MFP-000812";
    opened.serial = "E175M930812";
    REQUIRE(opened.submit(api));
    CHECK(json::parse(transport.next().body) ==
          json{{"to", "completed"}, {"version", 9}, {"asset_tag", "MFP-000812"}, {"serial", "E175M930812"}});
    transport.answer(409, error_json("duplicate_asset_tag", "この資産番号はすでに登録されています。", {{"asset_tag", "is taken"}}));
    CHECK(opened.dialog_open());
    CHECK(opened.refusal(Language::ja) == "この資産番号はすでに登録されています。");
    CHECK(opened.request()->state == placement::RequestState::vendor_done);
}

TEST_CASE("設置申請 is offered to managers, the desk, the IT office, auditors, admins and vendors, not to plain staff",
          "[placement][client]") {
    for (const auto role : {Role::manager, Role::desk_operator, Role::it_office, Role::auditor, Role::admin, Role::vendor}) {
        const std::vector<Role> roles{role};
        CHECK(client::area_allowed(client::Area::placement, roles));
    }
    const std::vector<Role> staff{Role::staff};
    CHECK_FALSE(client::area_allowed(client::Area::placement, staff));
    CHECK(client::area_from_name("placement") == client::Area::placement);
}
