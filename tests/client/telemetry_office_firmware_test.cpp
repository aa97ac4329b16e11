// ファームウェア against a real server: per model the versions running and how many devices are
// behind the target; the IT office sets a target (a text that is no version is refused before
// anything is sent), the desk opens the release plan ticket and, asked again, gets the open
// one; the desk may not set targets and says so in the server's words.
#include <catch2/catch.hpp>

#include "api/form_errors.hpp"
#include "telemetry/firmware_compliance.hpp"
#include "telemetry_office_fixtures.hpp"

using namespace madoguchi;
using i18n::Language;
using telemetry::FirmwareStanding;

namespace {

void load(testing::DeskTab& tab, client::FirmwareCompliance& firmware) {
    firmware.load(tab.api);
    tab.wait([&] { return firmware.state() != client::FirmwareCompliance::State::loading; });
    REQUIRE(firmware.state() == client::FirmwareCompliance::State::loaded);
}

}  // namespace

TEST_CASE("the IT office sets a model's target and the desk opens its release plan", "[telemetry_office][firmware]") {
    testing::TelemetryOffice office;
    const auto model = office.model("リコー", "RICOH IM C3510F");
    const auto at = calendar::Instant{calendar::now().unix_seconds - 3600};
    office.firmware(office.printer("MFP-000001", model), at, "1.05");
    office.firmware(office.printer("MFP-000002", model), at, "1.05");
    office.firmware(office.printer("MFP-000003", model), at, "1.07");
    office.printer("MFP-000004", model);  // not read yet
    testing::DeskTab it_office(office.server.port(), "itoffice1");
    testing::DeskTab desk(office.server.port(), "desk1");

    client::FirmwareCompliance firmware;
    load(it_office, firmware);
    const auto found = std::find_if(firmware.models().begin(), firmware.models().end(),
                                    [&](const client::ModelFirmware& row) { return row.model_id == model; });
    REQUIRE(found != firmware.models().end());
    CHECK(found->model == "リコー RICOH IM C3510F");
    CHECK_FALSE(found->target);
    CHECK(found->devices.size() == 4);
    const auto versions = found->running_versions();
    REQUIRE(versions.size() == 3);
    CHECK(versions[0].version == "1.07");
    CHECK(versions[1].version == "1.05");
    CHECK(versions[1].devices == 2);
    CHECK(versions[2].version.empty());

    firmware.open(model);
    CHECK(firmware.target_input().empty());
    firmware.target_input() = "新しい版";
    CHECK_FALSE(firmware.set_target(it_office.api));
    CHECK(firmware.action_error(Language::ja) == i18n::text("field.invalid_firmware_version", Language::ja));
    CHECK_FALSE(firmware.busy());

    firmware.target_input() = "1.07";
    REQUIRE(firmware.set_target(it_office.api));
    it_office.wait([&] { return !firmware.busy(); });
    CHECK(firmware.action_error(Language::ja).empty());
    CHECK(firmware.take_done() == "target");
    const auto* opened = firmware.opened();
    REQUIRE(opened);
    CHECK(opened->target == "1.07");
    CHECK(opened->target_updated_by == "itoffice1");
    CHECK(opened->behind == 2);
    CHECK(opened->current == 1);
    CHECK(opened->unknown == 1);
    const auto behind = opened->devices_behind();
    REQUIRE(behind.size() == 2);
    CHECK(behind[0]->asset_tag == "MFP-000001");
    CHECK(opened->running_versions()[1].standing == FirmwareStanding::behind);

    // The desk opens the plan; asked again it answers the open one rather than a second ticket.
    client::FirmwareCompliance desk_view;
    load(desk, desk_view);
    desk_view.open(model);
    CHECK(desk_view.target_input() == "1.07");
    REQUIRE(desk_view.open_release_plan(desk.api));
    desk.wait([&] { return !desk_view.busy(); });
    CHECK(desk_view.action_error(Language::ja).empty());
    CHECK(desk_view.take_done() == "plan_created");
    REQUIRE(desk_view.opened()->open_plan);
    const auto plan = *desk_view.opened()->open_plan;
    CHECK(plan.number.starts_with("REL-"));
    CHECK(plan.devices_behind == 2);
    CHECK(plan.target_version == "1.07");
    REQUIRE(desk_view.open_release_plan(desk.api));
    desk.wait([&] { return !desk_view.busy(); });
    CHECK(desk_view.take_done() == "plan_open");
    CHECK(desk_view.opened()->open_plan->ticket_id == plan.ticket_id);
    CHECK(office.number("SELECT count(*) FROM tickets WHERE kind = 'release'") == 1);
    load(desk, desk_view);
    CHECK(desk_view.opened()->open_plan->number == plan.number);

    // Targets are the IT office's.
    desk_view.target_input() = "1.08";
    REQUIRE(desk_view.set_target(desk.api));
    desk.wait([&] { return !desk_view.busy(); });
    CHECK(desk_view.action_error(Language::ja) == i18n::text("error.forbidden", Language::ja));
    CHECK(desk_view.opened()->target == "1.07");
}

TEST_CASE("a model without a target has no release plan to open", "[telemetry_office][firmware]") {
    testing::TelemetryOffice office;
    const auto model = office.model("リコー", "RICOH P 6510");
    office.firmware(office.printer("PRN-000001", model), calendar::Instant{calendar::now().unix_seconds - 60}, "2.00");
    testing::DeskTab desk(office.server.port(), "desk1");
    client::FirmwareCompliance firmware;
    load(desk, firmware);
    firmware.open(model);
    REQUIRE(firmware.open_release_plan(desk.api));
    desk.wait([&] { return !firmware.busy(); });
    CHECK(firmware.action_error(Language::ja) == i18n::text("error.firmware_target_missing", Language::ja));
    CHECK(firmware.take_done().empty());
}
