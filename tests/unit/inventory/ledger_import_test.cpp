// Reading ledger files for import without a database: cells as people type them, the
// header, and a device plan against references and stored devices held in memory.
#include <catch2/catch.hpp>

#include "inventory/catalog_import.hpp"
#include "inventory/device_import.hpp"
#include "inventory/ledger_cells.hpp"

using namespace madoguchi::inventory;

namespace {

LedgerIndex sample_references() {
    LedgerReferences references;
    references.models = {{1, "リコー", "IM C3000", "mfp", {}}, {2, "キヤノン", "iR-ADV", "mfp", {}},
                         {3, "シャープ", "iR-ADV", "mfp", {}}, {4, "富士通", "LIFEBOOK", "gss_terminal", {}}};
    references.locations = {{7, "本庁舎", "3階", "301"}};
    references.division_codes = {"D100"};
    references.logins = {"yamada"};
    return LedgerIndex(references);
}

std::vector<std::string> reasons_of(const std::vector<ImportProblem>& problems) {
    std::vector<std::string> reasons;
    for (const auto& problem : problems) reasons.push_back(std::to_string(problem.line) + " " + problem.column + " " + problem.reason_key);
    return reasons;
}

}  // namespace

TEST_CASE("cells are read as Excel and people write them") {
    CHECK(class_code_of_cell("ＧＳＳ端末") == "gss_terminal");
    CHECK(class_code_of_cell("Multifunction printer") == "mfp");
    CHECK(class_code_of_cell("プリンタ") == "");
    CHECK(state_of_cell("貸出中") == AssetState::on_loan);
    CHECK(state_of_cell("in_repair") == AssetState::in_repair);
    CHECK_FALSE(state_of_cell("故障"));
    CHECK(date_of_cell("2024/4/1") == madoguchi::calendar::Date{2024, 4, 1});
    CHECK(date_of_cell("2024-04-30") == madoguchi::calendar::Date{2024, 4, 30});
    CHECK_FALSE(date_of_cell("2024/2/30"));
    CHECK_FALSE(date_of_cell("令和6年4月1日"));
    CHECK(list_of_cell("マウス、 覗き見防止フィルター;;ACアダプタ") ==
          std::vector<std::string>{"マウス", "覗き見防止フィルター", "ACアダプタ"});
    CHECK(accessory_of_item("マウス") == "mouse");
    CHECK(accessory_of_item("ACアダプタ") == "ACアダプタ");
}

TEST_CASE("a row with more or fewer cells than the header is a problem of its own line") {
    const auto sheet = read_ledger_sheet(LedgerTable::locations, "建物,階\n本庁舎,1階\n別館\n別館,2階,x\n");
    CHECK(sheet.rows.size() == 1);
    CHECK(reasons_of(sheet.problems) == std::vector<std::string>{"3  import.field_count", "4  import.field_count"});
}

TEST_CASE("devices refer to models by maker and name, or by a name only one maker has") {
    const auto references = sample_references();
    const auto sheet = read_ledger_sheet(LedgerTable::devices,
                                         "資産番号,メーカー,機種名,設置場所,課室,管理者ログインID\n"
                                         "MFP-1,,IM C3000,本庁舎 3階 301,D100,Yamada\n"
                                         "MFP-2,,iR-ADV,,,\n"
                                         "MFP-3,シャープ,iR-ADV,,D999,suzuki\n"
                                         "MFP-4,,LIFEBOOK,,,\n");
    std::unordered_map<std::string, Asset> stored;
    const auto plan = plan_device_import(sheet, references, stored);
    CHECK(reasons_of(plan.problems) == std::vector<std::string>{"3 機種名 import.ambiguous_model",
                                                                "4 課室 field.unknown_division",
                                                                "4 管理者ログインID field.unknown_user"});
    REQUIRE(plan.rows.size() == 2);
    const auto& first = plan.rows[0].fields;
    CHECK(first.model_id == 1);
    CHECK(first.class_code == "mfp");
    CHECK(first.location_id == 7);
    CHECK(first.custodian_login == "yamada");
    CHECK(plan.rows[1].fields.class_code == "gss_terminal");
}

TEST_CASE("a stored device is updated only in the columns the file has, and not in its state") {
    const auto references = sample_references();
    Asset existing;
    existing.id = 5;
    existing.fields.asset_tag = "MFP-1";
    existing.fields.class_code = "mfp";
    existing.fields.model_id = 1;
    existing.fields.notes = "old";
    existing.state = AssetState::installed;
    const std::unordered_map<std::string, Asset> stored{{"MFP-1", existing}};
    const auto plan = plan_device_import(
        read_ledger_sheet(LedgerTable::devices, "資産番号,状態,備考\nMFP-1,在庫,new\n"), references, stored);
    REQUIRE(plan.problems.empty());
    REQUIRE(plan.rows.size() == 1);
    CHECK(plan.rows[0].action == ImportAction::update);
    CHECK(plan.rows[0].fields.model_id == 1);
    CHECK(plan.rows[0].fields.notes == "new");
    CHECK(plan.rows[0].state == AssetState::installed);
    // A new device without a class cannot be placed.
    const auto missing_class = plan_device_import(
        read_ledger_sheet(LedgerTable::devices, "資産番号,備考\nMFP-9,x\n"), references, stored);
    CHECK(reasons_of(missing_class.problems) == std::vector<std::string>{"2 機器分類 field.required"});
}
