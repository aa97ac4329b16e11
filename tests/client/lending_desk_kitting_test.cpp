// キッティング作業 and マスター管理 against a real server: an approval opens a task, the desk
// ticks its checklist through (the master item only with the current version), unticks a
// step found wrong, a stale tick shows the task as it is now, and the finished task is
// announced; the master images' publish form checks before it sends and makes the new
// version current.
#include <catch2/catch.hpp>

#include "lending/kitting_tasks.hpp"
#include "api/form_errors.hpp"
#include "lending/master_images.hpp"
#include "lending_desk_fixtures.hpp"

using namespace madoguchi;
using i18n::Language;
using nlohmann::json;

namespace {

const client::KittingItem* item_of(const client::KittingTaskRecord& task, const std::string& key) {
    for (const auto& item : task.items) {
        if (item.key == key) return &item;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("the desk publishes a master image, then kits an approved business PC to done", "[lending_desk][kitting]") {
    testing::LendingWorld world;
    testing::DeskTab desk(world.server.port(), "desk1");
    testing::DeskTab admin(world.server.port(), "admin1");
    testing::DeskTab sato(world.server.port(), "sato");
    testing::DeskTab boss(world.server.port(), "boss");
    world.furnish(desk, admin, {{"business_pc", "BPC-000001"}});

    client::MasterImages masters;
    masters.load(desk.api);
    desk.wait([&] { return masters.state() == client::MasterImages::State::loaded; });
    CHECK(masters.images().empty());
    CHECK(client::master_image_classes() == std::vector<std::string>{"business_pc", "gss_terminal"});
    // Nothing chosen: told beside the fields, nothing sent.
    CHECK_FALSE(masters.publish(desk.api, world.today));
    CHECK(masters.errors().field("class", Language::ja) == "必須です。");
    CHECK(masters.errors().field("released", Language::ja) == "必須です。");
    masters.class_code = "business_pc";
    masters.released.set(calendar::add_days(world.today, 1));
    CHECK_FALSE(masters.publish(desk.api, world.today));
    CHECK(masters.errors().field("released", Language::ja) == "未来の日付は指定できません。");
    masters.released.set(world.today);
    masters.notes = "Windows 11 24H2 の累積更新を適用";
    CHECK(masters.next_version() == 1);
    REQUIRE(masters.publish(desk.api, world.today));
    desk.wait([&] { return !masters.publishing() && masters.state() == client::MasterImages::State::loaded; });
    const auto published = masters.take_published();
    REQUIRE(published);
    CHECK(published->version == 1);
    desk.wait([&] { return masters.current("business_pc").has_value(); });
    CHECK(masters.current("business_pc")->notes == "Windows 11 24H2 の累積更新を適用");
    CHECK(masters.next_version() == 2);

    const auto request = world.approve(boss, world.request(sato, "business_pc"));
    client::KittingTasks tasks(Language::ja);
    tasks.load(desk.api);
    desk.wait([&] { return tasks.state() == client::KittingTasks::State::loaded; });
    REQUIRE(tasks.rows().size() == 1);
    CHECK(tasks.table().cell_text(0, 0) == "BPC-000001");
    CHECK(tasks.table().cell_text(0, 1) == request["number"].get<std::string>());
    CHECK(tasks.table().cell_text(0, 4) == "作業中");
    tasks.open(tasks.rows().front().id);
    REQUIRE(tasks.opened());
    CHECK(tasks.opened()->needs_master());
    CHECK(client::kitting_item_text(*item_of(*tasks.opened(), "initialise"), Language::ja) == "初期化");

    REQUIRE(tasks.tick(desk.api, "initialise"));
    desk.wait([&] { return !tasks.changing(); });
    CHECK(tasks.change_error(Language::ja).empty());
    CHECK(item_of(*tasks.opened(), "initialise")->done);
    CHECK(item_of(*tasks.opened(), "initialise")->done_by == "desk1");
    CHECK(tasks.table().cell_text(0, 3).starts_with("1/"));

    // The master item needs the version applied, and only the current one is accepted.
    tasks.master_version.clear();
    CHECK_FALSE(tasks.tick(desk.api, "master_image"));
    CHECK(tasks.change_error(Language::ja) == "適用したマスターのバージョンを入力してください。");
    tasks.master_version = "7";
    REQUIRE(tasks.tick(desk.api, "master_image"));
    desk.wait([&] { return !tasks.changing(); });
    CHECK(tasks.change_error(Language::ja) == "現行のマスターではありません。現行のバージョンを適用してください。");
    CHECK_FALSE(item_of(*tasks.opened(), "master_image")->done);
    tasks.master_version = "1";
    REQUIRE(tasks.tick(desk.api, "master_image"));
    desk.wait([&] { return !tasks.changing(); });
    CHECK(tasks.opened()->master_image_version == 1);

    // A step found wrong is taken back.
    REQUIRE(tasks.untick(desk.api, "initialise"));
    desk.wait([&] { return !tasks.changing(); });
    CHECK_FALSE(item_of(*tasks.opened(), "initialise")->done);

    // Another operator's tab read the task before; its tick is stale and shows the task as it is.
    client::KittingTasks other(Language::ja);
    other.load(desk.api);
    desk.wait([&] { return other.state() == client::KittingTasks::State::loaded; });
    other.open(other.rows().front().id);
    REQUIRE(tasks.tick(desk.api, "initialise"));
    desk.wait([&] { return !tasks.changing(); });
    REQUIRE(other.tick(desk.api, "charge"));
    desk.wait([&] { return !other.changing(); });
    CHECK(other.change_error(Language::ja) == i18n::text("error.stale_version", Language::ja));
    CHECK(item_of(*other.opened(), "initialise")->done);
    CHECK_FALSE(item_of(*other.opened(), "charge")->done);

    for (const auto& item : std::vector<client::KittingItem>(tasks.opened()->items)) {
        if (item.done || !item.required) continue;
        REQUIRE(tasks.tick(desk.api, item.key));
        desk.wait([&] { return !tasks.changing(); });
        INFO(item.key << ": " << tasks.change_error(Language::en));
        REQUIRE(tasks.change_error(Language::en).empty());
    }
    CHECK(tasks.opened()->state == "done");
    CHECK(tasks.take_finished() == "BPC-000001");
    CHECK(tasks.take_finished().empty());
    CHECK(tasks.table().cell_text(0, 4) == "完了");
    // Done is done: the checklist no longer changes.
    REQUIRE(tasks.untick(desk.api, "charge"));
    desk.wait([&] { return !tasks.changing(); });
    CHECK(tasks.change_error(Language::ja) == i18n::text("error.kitting_task_closed", Language::ja));
    // No open task holds the loan back from the counter any more.
    const auto open = desk.call("GET", "/api/v1/lending/kitting-tasks?state=open");
    CHECK(json::parse(open.body)["kitting_tasks"].empty());
}

TEST_CASE("the kitting list puts open tasks first and only the desk reads it", "[lending_desk][kitting]") {
    const auto body = json{{"kitting_tasks",
                            {{{"id", 1}, {"asset_tag", "MPR-000001"}, {"kind", "loan"}, {"class", "mobile_printer"}, {"state", "done"},
                              {"items", json::array()}, {"version", 4}},
                             {{"id", 2}, {"asset_tag", "MPR-000002"}, {"kind", "rekitting"}, {"class", "mobile_printer"},
                              {"state", "open"}, {"items", json::array()}, {"version", 1}},
                             {{"id", 3}, {"asset_tag", "broken"}}}}}
                          .dump();
    const auto tasks = client::kitting_tasks_from_body(body);
    REQUIRE(tasks);
    REQUIRE(tasks->size() == 2);  // the one without a checklist is left out
    CHECK(tasks->front().asset_tag == "MPR-000002");
    CHECK_FALSE(client::kitting_tasks_from_body("[]"));

    testing::LendingWorld world;
    testing::DeskTab sato(world.server.port(), "sato");
    client::KittingTasks list(Language::ja);
    list.load(sato.api);
    sato.wait([&] { return list.state() != client::KittingTasks::State::loading; });
    CHECK(list.state() == client::KittingTasks::State::failed);
    CHECK(client::error_text(list.error(), Language::ja) == i18n::text("error.forbidden", Language::ja));
}
