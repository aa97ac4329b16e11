// 台帳's import wizard against JSON fixtures: the file goes to the chosen table's dry run as
// it was picked, the answer reads as counts, problems and planned rows, problems keep the
// commit disabled, and a commit sends the same bytes and is reported once.
#include <catch2/catch.hpp>

#include "inventory/import_wizard.hpp"
#include "scripted_transport.hpp"

using namespace madoguchi;
using client::ImportWizard;
using i18n::Language;
using inventory::LedgerTable;

namespace {

const std::string cp932_bytes = "\x8E\x91\x8E\x59\x94\xD4\x8D\x86\r\nMFP-000001\r\n";  // 資産番号 in Shift_JIS

std::string dry_run_json(const nlohmann::json& errors, int creates = 1, int updates = 0) {
    return nlohmann::json{{"creates", creates},
                          {"updates", updates},
                          {"unchanged", 3},
                          {"errors", errors},
                          {"preview",
                           {{{"line", 2},
                             {"action", "create"},
                             {"asset_tag", "MFP-000001"},
                             {"class", "mfp"},
                             {"model_name", "リコー IM C3000"},
                             {"state", "installed"}}}}}
        .dump();
}

const nlohmann::json unknown_model{{{"line", 4},
                                    {"column", "機種名"},
                                    {"value", "IM C9999"},
                                    {"code", "field.unknown_model"},
                                    {"message", "is not a registered device model"},
                                    {"message_ja", "この機種は登録されていません。"}}};

struct Wizard {
    Wizard() : transport(api) {
        wizard.open();
        wizard.choose_table(LedgerTable::devices);
    }
    client::ApiClient api;
    testing::ScriptedTransport transport;
    ImportWizard wizard;
};

}  // namespace

TEST_CASE("a picked file is checked as it is, previewed, then committed with the same bytes", "[client][inventory]") {
    Wizard w;
    w.wizard.check_file(w.api, "台帳.csv", cp932_bytes);
    REQUIRE(w.transport.waiting() == 1);
    CHECK(w.transport.next().method == "POST");
    CHECK(w.transport.next().path == "/api/v1/imports/devices?dry_run=1");
    CHECK(w.transport.next().body == cp932_bytes);
    CHECK(w.transport.next().headers == std::vector<std::pair<std::string, std::string>>{{"Content-Type", "text/csv"}});
    CHECK(w.wizard.busy());
    CHECK(w.wizard.progress().running());
    CHECK_FALSE(w.wizard.can_commit());

    w.transport.answer(200, dry_run_json(nlohmann::json::array()));
    CHECK(w.wizard.step() == ImportWizard::Step::checked);
    CHECK(w.wizard.check().creates == 1);
    CHECK(w.wizard.check().unchanged == 3);
    REQUIRE(w.wizard.check().preview.size() == 1);
    const auto& row = w.wizard.check().preview[0];
    CHECK(row.line == 2);
    CHECK(row.action == "create");
    CHECK(row.values[0] == "MFP-000001");
    CHECK(row.values[2] == "リコー IM C3000");
    CHECK(client::preview_cell_text("class", row.values[1], Language::ja) == "複合機");
    CHECK(client::preview_cell_text("state", row.values[3], Language::en) == "Installed");
    CHECK(w.wizard.can_commit());

    REQUIRE(w.wizard.commit(w.api));
    CHECK_FALSE(w.wizard.commit(w.api));  // one commit at a time
    CHECK(w.transport.next().path == "/api/v1/imports/devices?dry_run=0");
    CHECK(w.transport.next().body == cp932_bytes);
    CHECK(w.wizard.step() == ImportWizard::Step::committing);
    w.transport.answer(200, dry_run_json(nlohmann::json::array()));
    CHECK_FALSE(w.wizard.is_open());
    const auto committed = w.wizard.take_committed();
    REQUIRE(committed);
    CHECK(committed->creates == 1);
    CHECK_FALSE(w.wizard.take_committed());
}

TEST_CASE("problems are listed in the user's language and keep the commit disabled", "[client][inventory]") {
    Wizard w;
    w.wizard.choose_table(LedgerTable::device_models);
    w.wizard.check_file(w.api, "models.csv", "x");
    CHECK(w.transport.next().path == "/api/v1/imports/device-models?dry_run=1");
    w.transport.answer(200, dry_run_json(unknown_model));
    REQUIRE(w.wizard.check().problems.size() == 1);
    const auto& problem = w.wizard.check().problems[0];
    CHECK(problem.line == 4);
    CHECK(problem.column == "機種名");
    CHECK(problem.value == "IM C9999");
    CHECK(problem.message(Language::ja) == "この機種は登録されていません。");
    CHECK(problem.message(Language::en) == "is not a registered device model");
    CHECK_FALSE(w.wizard.can_commit());
    CHECK_FALSE(w.wizard.commit(w.api));
    CHECK(w.transport.waiting() == 0);
}

TEST_CASE("a file that changes nothing cannot be committed", "[client][inventory]") {
    Wizard w;
    w.wizard.check_file(w.api, "same.csv", "x");
    w.transport.answer(200, dry_run_json(nlohmann::json::array(), 0, 0));
    CHECK(w.wizard.step() == ImportWizard::Step::checked);
    CHECK_FALSE(w.wizard.can_commit());
}

TEST_CASE("a commit refused for problems found meanwhile shows them, and a failed request says why", "[client][inventory]") {
    Wizard w;
    w.wizard.check_file(w.api, "a.csv", "x");
    w.transport.answer(200, dry_run_json(nlohmann::json::array()));
    REQUIRE(w.wizard.commit(w.api));
    auto refused = nlohmann::json::parse(dry_run_json(unknown_model));
    refused["error"] = {{"code", "import_has_errors"}, {"message", "The file has errors; nothing was imported."},
                        {"message_ja", "取り込むファイルに誤りがあるため、何も登録していません。"}, {"fields", nlohmann::json::object()}};
    w.transport.answer(422, refused.dump());
    CHECK(w.wizard.is_open());
    CHECK(w.wizard.step() == ImportWizard::Step::checked);
    CHECK(w.wizard.check().problems.size() == 1);
    CHECK_FALSE(w.wizard.can_commit());
    CHECK_FALSE(w.wizard.take_committed());

    w.wizard.check_file(w.api, "b.csv", "y");
    w.transport.answer(403, R"({"error":{"code":"forbidden","message":"Not allowed.","message_ja":"権限がありません。","fields":{}}})");
    CHECK(w.wizard.step() == ImportWizard::Step::failed);
    CHECK(w.wizard.failure(Language::ja) == "権限がありません。");
}

TEST_CASE("the answer for a file of an earlier opening is not shown in the next", "[client][inventory]") {
    Wizard w;
    w.wizard.check_file(w.api, "devices.csv", "x");
    w.wizard.close();
    w.wizard.open();
    w.wizard.choose_table(LedgerTable::locations);
    w.transport.answer(200, dry_run_json(nlohmann::json::array()));
    CHECK(w.wizard.step() == ImportWizard::Step::choose_table);
    CHECK(w.wizard.check().creates == 0);
    CHECK(w.wizard.file_name().empty());
}
