// The headers an import recognises: what the desk's export writes, English, and the names
// the old spreadsheets used, however the IME typed them.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "inventory/ledger_columns.hpp"

using namespace madoguchi::inventory;

TEST_CASE("every exported Japanese header is read back as its own column") {
    for (const auto table : {LedgerTable::devices, LedgerTable::device_models, LedgerTable::locations}) {
        std::set<std::string> keys;
        for (const auto& column : ledger_columns(table)) {
            CAPTURE(column.key);
            REQUIRE(find_ledger_column(table, column.header_ja) == &column);
            REQUIRE(find_ledger_column(table, column.header_en) == &column);
            REQUIRE(keys.insert(std::string(column.key)).second);
        }
    }
}

TEST_CASE("headers match regardless of width, case and spaces, and unknown ones match nothing") {
    REQUIRE(find_ledger_column(LedgerTable::devices, "ＳＮＭＰプロファイル")->key == "snmp_profile");
    REQUIRE(find_ledger_column(LedgerTable::devices, " asset TAG ")->key == "asset_tag");
    REQUIRE(find_ledger_column(LedgerTable::devices, "管理番号")->key == "asset_tag");
    REQUIRE(find_ledger_column(LedgerTable::devices, "ｼﾘｱﾙ番号")->key == "serial");
    REQUIRE(find_ledger_column(LedgerTable::locations, "フロア")->key == "floor");
    REQUIRE(find_ledger_column(LedgerTable::devices, "色") == nullptr);
    REQUIRE(find_ledger_column(LedgerTable::devices, "") == nullptr);
    REQUIRE(find_ledger_column(LedgerTable::locations, "資産番号") == nullptr);
}

TEST_CASE("names written for people are not taken back on import") {
    REQUIRE_FALSE(find_ledger_column(LedgerTable::devices, "管理者名")->importable);
    REQUIRE(find_ledger_column(LedgerTable::devices, "管理者ログインID")->importable);
}
