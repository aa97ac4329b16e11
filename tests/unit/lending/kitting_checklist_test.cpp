// Kitting checklists per class and one task's progress, with the master images it applies.
#include <string>
#include <vector>

#include "../calendar/calendar_test_support.hpp"
#include "../tickets/sla_test_support.hpp"
#include "i18n/catalog.hpp"
#include "lending/kitting_checklist.hpp"
#include "lending/master_image.hpp"

using namespace madoguchi::lending;
using madoguchi::calendar::Date;
using madoguchi::inventory::find_device_class;
using madoguchi::tickets::testing::at;

namespace {

using Keys = std::vector<std::string>;

Keys keys_of(const std::vector<KittingItemSpec>& checklist) {
    Keys keys;
    for (const auto& item : checklist) keys.push_back(item.key);
    return keys;
}

const madoguchi::inventory::DeviceClass& device_class(const char* code) {
    const auto* found = find_device_class(code);
    REQUIRE(found);
    return *found;
}

// GSS terminals: version 2 is current; business PCs: version 7.
std::vector<MasterImage> masters() {
    return {
        {"gss_terminal", 1, Date{2026, 4, 1}, "初版", false},
        {"gss_terminal", 2, Date{2026, 10, 1}, "25H2 update", true},
        {"business_pc", 7, Date{2026, 9, 15}, "", true},
    };
}

KittingTick tick(const char* key, std::optional<int> version = std::nullopt) {
    return {key, "desk.tanaka", at("2026-11-26T10:00:00+09:00"), version, {}};
}

}  // namespace

TEST_CASE("a GSS terminal is re-imaged and checked for its mouse and privacy filter", "[lending][kitting]") {
    const std::vector<std::string> device_accessories{"mouse", "ACアダプタ"};
    const auto checklist = kitting_checklist(device_class("gss_terminal"), device_accessories);
    CHECK(keys_of(checklist) == Keys{"initialise", "master_image", "charge", "operation_check", "accessory.mouse",
                                     "accessory.privacy_filter", "accessory.ACアダプタ", "cleaning"});
    CHECK(checklist[5].accessory == "privacy_filter");
    CHECK(checklist[5].label_key == "lending.kitting.accessory");
    CHECK_FALSE(checklist.back().required);
    for (const auto& item : checklist) {
        INFO(item.key);
        CHECK(madoguchi::i18n::has_key(item.label_key));
    }
}

TEST_CASE("each loanable class has its own steps, installed classes none", "[lending][kitting]") {
    CHECK(keys_of(kitting_checklist(device_class("business_pc"), {})) ==
          Keys{"initialise", "master_image", "drivers", "charge", "operation_check", "cleaning"});
    CHECK(keys_of(kitting_checklist(device_class("mobile_scanner"), {})) ==
          Keys{"initialise", "operation_check", "cleaning"});
    CHECK(keys_of(kitting_checklist(device_class("tablet"), {})) ==
          Keys{"initialise", "charge", "operation_check", "cleaning"});
    CHECK(kitting_checklist(device_class("mfp"), {}).empty());
}

TEST_CASE("a kitting task is complete when the required items are done and the master is recorded",
          "[lending][kitting]") {
    const auto images = masters();
    auto task = new_kitting_task(device_class("gss_terminal"), {});
    CHECK(task.class_code == "gss_terminal");
    CHECK_FALSE(kitting_complete(task));
    CHECK(open_required_items(task) ==
          Keys{"initialise", "master_image", "charge", "operation_check", "accessory.mouse", "accessory.privacy_filter"});

    REQUIRE(tick_item(task, tick("initialise"), images) == KittingRefusal::none);
    CHECK(task.progress[0].done);
    CHECK(task.progress[0].done_by == "desk.tanaka");
    CHECK(task.progress[0].done_at == "2026-11-26T01:00:00Z");
    CHECK(tick_item(task, tick("initialise"), images) == KittingRefusal::already_done);
    CHECK(tick_item(task, tick("drivers"), images) == KittingRefusal::unknown_item);
    auto noted = tick("charge");
    noted.note = "バッテリー劣化\n要交換";
    CHECK(tick_item(task, noted, images) == KittingRefusal::invalid_note);
    noted.note = std::string(201, 'x');
    CHECK(tick_item(task, noted, images) == KittingRefusal::invalid_note);
    CHECK_FALSE(task.progress[2].done);
    noted.note = "バッテリー劣化あり";
    REQUIRE(tick_item(task, noted, images) == KittingRefusal::none);
    CHECK(task.progress[2].note == "バッテリー劣化あり");

    for (const char* key : {"operation_check", "accessory.mouse", "accessory.privacy_filter"}) {
        REQUIRE(tick_item(task, tick(key), images) == KittingRefusal::none);
    }
    CHECK(open_required_items(task) == Keys{"master_image"});
    CHECK_FALSE(kitting_complete(task));

    CHECK(tick_item(task, tick("master_image"), images) == KittingRefusal::master_version_required);
    CHECK(tick_item(task, tick("master_image", 1), images) == KittingRefusal::master_version_not_current);
    CHECK_FALSE(task.master_image_version);
    REQUIRE(tick_item(task, tick("master_image", 2), images) == KittingRefusal::none);
    CHECK(task.master_image_version == 2);
    CHECK(kitting_complete(task));  // cleaning is optional

    // Taking the master's tick back takes its version with it.
    CHECK(untick_item(task, "master_image") == KittingRefusal::none);
    CHECK_FALSE(task.master_image_version);
    CHECK_FALSE(task.progress[1].done);
    CHECK(task.progress[1].done_by.empty());
    CHECK_FALSE(kitting_complete(task));
    CHECK(untick_item(task, "master_image") == KittingRefusal::not_done);
    CHECK(untick_item(task, "nothing") == KittingRefusal::unknown_item);
}

TEST_CASE("a class without a current master cannot record one applied", "[lending][kitting]") {
    auto task = new_kitting_task(device_class("business_pc"), {});
    const std::vector<MasterImage> none_current{{"business_pc", 7, Date{2026, 9, 15}, "", false}};
    CHECK(tick_item(task, tick("master_image", 7), none_current) == KittingRefusal::master_version_not_current);
    // Another class's current version does not count for this one.
    const std::vector<MasterImage> other_class{{"gss_terminal", 7, Date{2026, 9, 15}, "", true}};
    CHECK(tick_item(task, tick("master_image", 7), other_class) == KittingRefusal::master_version_not_current);
}

TEST_CASE("a class without a master image is complete without a version", "[lending][kitting]") {
    auto task = new_kitting_task(device_class("mobile_printer"), {});
    for (const char* key : {"initialise", "charge", "operation_check"}) {
        REQUIRE(tick_item(task, tick(key), {}) == KittingRefusal::none);
    }
    CHECK(kitting_complete(task));
}

TEST_CASE("kitting refusals have names and texts", "[lending][kitting]") {
    for (const auto refusal : {KittingRefusal::none, KittingRefusal::unknown_item, KittingRefusal::already_done,
                               KittingRefusal::not_done, KittingRefusal::master_version_required,
                               KittingRefusal::master_version_not_current, KittingRefusal::invalid_note}) {
        INFO(refusal_name(refusal));
        CHECK(madoguchi::i18n::has_key(refusal_label_key(refusal)));
    }
    CHECK(refusal_name(KittingRefusal::master_version_not_current) == "master_version_not_current");
}

TEST_CASE("the current master of a class, and the next version", "[lending][master]") {
    const auto images = masters();
    const auto gss = current_master_image(images, "gss_terminal");
    REQUIRE(gss);
    CHECK(gss->version == 2);
    CHECK(gss->released == Date{2026, 10, 1});
    CHECK(current_master_image(images, "business_pc")->version == 7);
    CHECK_FALSE(current_master_image(images, "tablet"));
    CHECK(next_master_version(images, "gss_terminal") == 3);
    CHECK(next_master_version(images, "tablet") == 1);
    REQUIRE(find_master_image(images, "gss_terminal", 1));
    CHECK(find_master_image(images, "gss_terminal", 1)->notes == "初版");
    CHECK_FALSE(find_master_image(images, "business_pc", 1));
}

TEST_CASE("making a master current switches its class only", "[lending][master]") {
    auto images = masters();
    images.push_back({"gss_terminal", 3, Date{2026, 11, 20}, "KB5050 適用", false});
    const auto updated = make_current(images, "gss_terminal", 3);
    REQUIRE(updated);
    CHECK(current_master_image(*updated, "gss_terminal")->version == 3);
    CHECK_FALSE((*updated)[1].current);
    CHECK(current_master_image(*updated, "business_pc")->version == 7);
    CHECK_FALSE(make_current(images, "gss_terminal", 9));
    CHECK_FALSE(make_current(images, "tablet", 1));
}

TEST_CASE("a new master is checked against the class's masters", "[lending][master]") {
    using madoguchi::validation::FieldProblem;
    const auto images = masters();
    CHECK(check_new_master_image({"gss_terminal", 3, Date{2026, 11, 20}, "KB5050 適用\n再起動確認", false}, images)
              .empty());
    CHECK(check_new_master_image({"gss_terminal", 2, Date{2026, 11, 20}, "", false}, images) ==
          std::vector<FieldProblem>{{"version", "lending.master.duplicate_version"}});
    CHECK(check_new_master_image({"gss_terminal", 3, Date{2026, 9, 30}, std::string(2001, 'x'), false}, images) ==
          std::vector<FieldProblem>{{"released", "lending.master.older_release"}, {"notes", "field.too_long_2000"}});
    CHECK(check_new_master_image({"tablet", 0, Date{2026, 1, 1}, "", false}, images) ==
          std::vector<FieldProblem>{{"version", "lending.master.invalid_version"}});
    for (const char* key : {"lending.master.duplicate_version", "lending.master.older_release",
                            "lending.master.invalid_version", "field.too_long_2000"}) {
        INFO(key);
        CHECK(madoguchi::i18n::has_key(key));
    }
}

TEST_CASE("a stored task with the master ticked but no version recorded is not complete", "[lending][kitting]") {
    auto task = new_kitting_task(device_class("business_pc"), {});
    for (auto& item : task.progress) item = {item.key, true, "desk.tanaka", "2026-11-26T01:00:00Z", {}};
    CHECK(open_required_items(task).empty());
    CHECK_FALSE(kitting_complete(task));
    task.master_image_version = 7;
    CHECK(kitting_complete(task));
}
